package org.mmsstack.mm4.mime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.internal.mime.DateTimes;
import org.mmsstack.mm4.internal.mime.Folding;
import org.mmsstack.mm4.internal.mime.RawField;

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
 * {@link org.mmsstack.mm4.Mm4Codec#decode(byte[])}, and its value is read from that array when
 * {@link #value()} is first called: the array must not change while the field is in use; {@link
 * #rawBytes()} returns a copy.
 */
public final class Mm4Header {

  private final String name;
  // The value; for a parsed field made from valBuf on first read (a racy but idempotent cache:
  // every thread that computes it computes an equal string).
  private String value;
  // A parsed field's value as located in the input (see HeaderScanner.Sink); null when built.
  private final byte[] valBuf;
  private final int valStart;
  private final int valEnd;
  private final boolean valFolded;
  private final boolean valAscii;
  // Raw bytes of the field, line end included, as a view of the parsed input; null when built
  // or when the input was not canonical CRLF.
  private final byte[] rawBuf;
  private final int rawOff;
  private final int rawLen;
  private final long offset;
  // A built field folded once, when it is made, as UTF-8 with its CRLF; null for parsed fields.
  private final byte[] folded;
  // Hash of the name ignoring ASCII case: lookups compare it before comparing names.
  private final int nameHash;
  // The value read as a media type, on first use (racy but idempotent, as value).
  private Optional<MediaType> mediaType;

  private Mm4Header(String name, String value, long offset, byte[] folded) {
    this.name = name;
    this.value = value;
    this.valBuf = null;
    this.valStart = 0;
    this.valEnd = 0;
    this.valFolded = false;
    this.valAscii = true;
    this.rawBuf = null;
    this.rawOff = 0;
    this.rawLen = 0;
    this.offset = offset;
    this.folded = folded;
    Integer known = KNOWN_HASHES.get(name);
    this.nameHash = known != null ? known : nameHash(name);
  }

  private Mm4Header(
      String name,
      byte[] buf,
      int start,
      int end,
      int valStart,
      int valEnd,
      boolean valFolded,
      boolean valAscii,
      boolean keepRaw,
      long offset) {
    this.name = name;
    this.valBuf = buf;
    this.valStart = valStart;
    this.valEnd = valEnd;
    this.valFolded = valFolded;
    this.valAscii = valAscii;
    this.rawBuf = keepRaw ? buf : null;
    this.rawOff = start;
    this.rawLen = end - start;
    this.offset = offset;
    this.folded = null;
    this.nameHash = nameHash(name);
  }

  /**
   * {@link #nameHash} of the names in {@link Mm4HeaderNames}, spelt as there: built fields mostly
   * use those constants, whose {@code String} hash is cached, so one map lookup replaces the loop.
   */
  private static final Map<String, Integer> KNOWN_HASHES = knownHashes();

  private static Map<String, Integer> knownHashes() {
    Map<String, Integer> m = new HashMap<>();
    for (Field f : Mm4HeaderNames.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          String name = (String) f.get(null);
          m.put(name, nameHash(name));
        } catch (IllegalAccessException e) {
          throw new ExceptionInInitializerError(e);
        }
      }
    }
    return Map.copyOf(m);
  }

  /** The hash of a header name ignoring ASCII case, as lookups compute it. */
  static int nameHash(String name) {
    int h = 0;
    for (int i = 0, n = name.length(); i < n; i++) {
      char c = name.charAt(i);
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return h;
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
    return new Mm4Header(name, v, -1, line);
  }

  /**
   * A parsed field located by the scanner (parameters as {@link
   * org.mmsstack.mm4.internal.mime.HeaderScanner.Sink}): the value is read from {@code buf} on
   * first use; the raw bytes are kept (a view of {@code buf}) when the field is canonical (CRLF
   * line ends).
   */
  static Mm4Header parsed(
      byte[] buf,
      String name,
      int start,
      int end,
      int valStart,
      int valEnd,
      boolean folded,
      boolean ascii,
      boolean canonical,
      long offset) {
    return new Mm4Header(name, buf, start, end, valStart, valEnd, folded, ascii, canonical, offset);
  }

  /** @return the field name as written */
  public String name() {
    return name;
  }

  /**
   * The value as it means: folds unfolded, surrounding white space removed. A decoded field
   * makes this string from the input on the first call (header values are not copied on
   * decode).
   *
   * @return the unfolded value, without surrounding white space
   */
  public String value() {
    String v = value;
    if (v == null) {
      v = RawField.value(valBuf, valStart, valEnd, valFolded, valAscii);
      value = v;
    }
    return v;
  }

  /**
   * The value as an RFC 5322 date-time (obsolete zones such as {@code UT} or {@code EST} and a
   * trailing comment included), the way the message accessors read Date and X-Mms-Expiry.
   */
  public Optional<OffsetDateTime> dateValue() {
    return DateTimes.parse(value());
  }

  /**
   * The value as a counter, 1 to 9 decimal digits, the way {@link Mm4ForwardReq#forwardCounter()}
   * reads X-Mms-Forward-Counter.
   */
  public Optional<Integer> counterValue() {
    return Values.counter(value());
  }

  /**
   * The value as a Content-Type, read once and kept: the parser, the checks and the accessors of
   * a decoded message share one reading.
   *
   * @return the media type, or empty if the value has no {@code type/subtype} at its start
   */
  public Optional<MediaType> mediaTypeValue() {
    Optional<MediaType> t = mediaType;
    if (t == null) {
      t = MediaType.tryParse(value());
      mediaType = t;
    }
    return t;
  }

  /** @return whether this field is called {@code other}, ignoring case */
  public boolean is(String other) {
    return name.equalsIgnoreCase(other);
  }

  /** Whether this field is called {@code other}, whose {@link #nameHash} is {@code hash}. */
  boolean is(String other, int hash) {
    return nameHash == hash && name.equalsIgnoreCase(other);
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
    String v = value();
    byte[] line = Folding.line(name, v);
    return line != null ? line : Folding.unfolded(name, v);
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
        && ((Mm4Header) o).value().equals(value());
  }

  @Override
  public int hashCode() {
    return nameHash * 31 + value().hashCode();
  }

  @Override
  public String toString() {
    return name + ": " + value();
  }
}
