package org.mmsstack.mm4.mime;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.internal.mime.DateTimes;
import org.mmsstack.mm4.internal.mime.Folding;

/**
 * One header field: a name and an unfolded value. A field that came from parsing also remembers
 * its raw bytes (folding, spacing and case as they were), and the formatter writes those bytes
 * back unchanged, which is what makes an unmodified message round-trip byte for byte. A field
 * made with {@link #of} is folded once, when it is made, and written as folded then.
 *
 * <p>Equality ignores the case of the name and the raw bytes: two fields are equal when they
 * mean the same.
 *
 * <p>Immutable and thread-safe. The raw bytes of a decoded field are a view of the array given to
 * {@link org.mmsstack.mm4.Mm4Codec#decode(byte[])}, which must not change while the field is in
 * use; {@link #rawBytes()} returns a copy.
 */
public final class Mm4Header {

  private final String name;
  private final String value;
  // Raw bytes of the field, line end included, as a view of the parsed input; null when built.
  private final byte[] rawBuf;
  private final int rawOff;
  private final int rawLen;
  private final long offset;
  // A built field folded once, when it is made, as UTF-8 with its CRLF; null for parsed fields.
  private final byte[] folded;

  private Mm4Header(
      String name,
      String value,
      byte[] rawBuf,
      int rawOff,
      int rawLen,
      long offset,
      byte[] folded) {
    this.name = name;
    this.value = value;
    this.rawBuf = rawBuf;
    this.rawOff = rawOff;
    this.rawLen = rawLen;
    this.offset = offset;
    this.folded = folded;
  }

  /**
   * Creates a field. The value is what the field means after unfolding: no line breaks;
   * non-ASCII text is allowed (RFC 6532) but header text for old MTAs should be RFC 2047-encoded,
   * as the typed builder setters do.
   *
   * @param name the field name: printable US-ASCII except colon
   * @param value the value; surrounding white space is dropped
   * @return the field
   * @throws IllegalArgumentException if the name is not a field name, the value holds CR, LF or
   *     NUL, or the value has a run without white space too long to fold into 998-octet lines
   */
  public static Mm4Header of(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name: \"\" (expected: a field name)");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        throw new IllegalArgumentException(
            "name: \"" + name + "\" (expected: printable US-ASCII without ':')");
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException(
            "value of "
                + name
                + ": contains CR, LF or NUL at index "
                + i
                + " (expected: an unfolded value)");
      }
    }
    String v = value.strip();
    byte[] line = Folding.line(name, v);
    if (line == null) {
      throw new IllegalArgumentException(
          "value of " + name + ": a run without white space is too long for a 998-octet line");
    }
    return new Mm4Header(name, v, null, 0, 0, -1, line);
  }

  /** A parsed field: keeps a view of its raw bytes when they are canonical (CRLF line ends). */
  static Mm4Header parsed(String name, String value, byte[] buf, int off, int len, long offset) {
    return new Mm4Header(name, value, buf, off, len, offset, null);
  }

  /** @return the field name as written */
  public String name() {
    return name;
  }

  /** @return the unfolded value, without surrounding white space */
  public String value() {
    return value;
  }

  /**
   * The value as an RFC 5322 date-time (obsolete zones such as {@code UT} or {@code EST} and a
   * trailing comment included), the way the message accessors read Date and X-Mms-Expiry.
   */
  public Optional<OffsetDateTime> dateValue() {
    return DateTimes.parse(value);
  }

  /**
   * The value as a counter, 1 to 9 decimal digits, the way {@link Mm4ForwardReq#forwardCounter()}
   * reads X-Mms-Forward-Counter.
   */
  public Optional<Integer> counterValue() {
    return Values.counter(value);
  }

  /** @return whether this field is called {@code other}, ignoring case */
  public boolean is(String other) {
    return name.equalsIgnoreCase(other);
  }

  /** @return the 0-based byte offset of the field in the parsed input, or -1 for a built field */
  public long offset() {
    return offset;
  }

  /** @return whether the field keeps raw bytes that the formatter will write back */
  public boolean hasRawBytes() {
    return rawBuf != null;
  }

  /** @return a copy of the raw bytes (line end included), or an empty array for a built field */
  public byte[] rawBytes() {
    return rawBuf == null ? new byte[0] : Arrays.copyOfRange(rawBuf, rawOff, rawOff + rawLen);
  }

  /**
   * The field as the formatter writes it, CRLF included, when it has no raw bytes: folded when it
   * was built (computed once, by {@link #of}), else folded now, else (a parsed field whose value
   * cannot be folded within 998 octets, which it fitted in the input) on one line as it was.
   */
  byte[] line() {
    if (folded != null) {
      return folded;
    }
    byte[] line = Folding.line(name, value);
    return line != null ? line : Folding.unfolded(name, value);
  }

  byte[] rawBuf() {
    return rawBuf;
  }

  int rawOff() {
    return rawOff;
  }

  int rawLen() {
    return rawLen;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mm4Header
        && ((Mm4Header) o).name.equalsIgnoreCase(name)
        && ((Mm4Header) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return name.toLowerCase(Locale.ROOT).hashCode() * 31 + value.hashCode();
  }

  @Override
  public String toString() {
    return name + ": " + value;
  }
}
