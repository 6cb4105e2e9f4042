package org.mmsstack.mm4.mime;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.internal.mime.DateTimes;
import org.mmsstack.mm4.internal.mime.Folding;
import org.mmsstack.mm4.internal.mime.NameTable;
import org.mmsstack.mm4.internal.mime.RawField;
import org.mmsstack.mm4.internal.mime.Syntax;

/**
 * One header field: a name and an unfolded value. A field that came from parsing also remembers
 * its raw bytes (folding, spacing and case as they were), and the formatter writes those bytes
 * back unchanged, which is what makes an unmodified message round-trip byte for byte. A field
 * made with {@link #of} is checked when it is made and folded by the writer, once: a short
 * US-ASCII field is written as it is, a longer one folded on its first write and kept so.
 *
 * <p>Equality ignores the case of the name and the raw bytes: two fields are equal when they
 * mean the same.
 *
 * <p>Immutable and thread-safe. The raw bytes of a decoded field are a view of the array given to
 * {@link org.mmsstack.mm4.Mm4Codec#decode(byte[])}, and its value is read from that array when
 * {@link #value()} is first called: the array must not change while the field is in use; {@link
 * #originalEncoding()} returns a copy.
 */
public final class Mm4Header {

  private final String name;
  // The value; for a parsed field made from the input on first read (a racy but idempotent
  // cache: every thread that computes it computes an equal string).
  private String value;
  // A parsed field's input, shared by every field of its decode; null when built. The field is
  // src.buf[start, end), line end included; offsets count from src.base. Its value starts
  // valDelta octets after start (-1 when that does not fit a short: then it is found again on
  // first read, see RawField.value); its end is found again then (only white space is cut).
  private final RawField src;
  private final int start;
  private final int end;
  private final short valDelta;
  // FOLDED, ASCII and CANONICAL for a parsed field (as HeaderScanner.Sink hands them over): one
  // octet instead of three booleans, so that a parsed field is 56 octets (80 before).
  private final byte flags;
  private static final byte FOLDED = 1;
  private static final byte ASCII = 2;
  // The raw bytes are kept (written back) only when the field was canonical (CRLF line ends).
  private static final byte CANONICAL = 4;
  // A built field: the octets of "Name: value" in UTF-8 (of "Name:" for an empty value), and
  // whether the value is US-ASCII; -1 for parsed fields.
  private final int builtLen;
  private final boolean builtAscii;
  // A built field that needs folding (or is not US-ASCII) as the writer writes it, UTF-8 with its
  // CRLF: folded once, on the first write (or by of() when it had to be tried), then kept.
  private volatile byte[] folded;
  // Hash of the name ignoring ASCII case: lookups compare it before comparing names.
  private final int nameHash;
  // NameTable.id of the name as spelt (-1 for other spellings and for parsed fields), so that a
  // builder does not look a built field's name up again.
  private final int nameId;

  private static final int CONTENT_TYPE_ID = NameTable.id(Mm4HeaderNames.CONTENT_TYPE);
  // The value read as a Content-Type, on first use (racy but idempotent, as value).
  private Optional<ContentType> contentType;

  private Mm4Header(
      String name,
      int nameId,
      int nameHash,
      String value,
      int builtLen,
      boolean builtAscii,
      byte[] folded) {
    this.name = name;
    this.value = value;
    this.src = null;
    this.start = 0;
    this.end = 0;
    this.valDelta = 0;
    this.flags = 0;
    this.builtLen = builtLen;
    this.builtAscii = builtAscii;
    if (folded != null) {
      this.folded = folded; // a volatile store only when there is something to keep
    }
    this.nameHash = nameHash;
    this.nameId = nameId;
  }

  private Mm4Header(
      RawField src,
      String name,
      int start,
      int end,
      int valStart,
      boolean valFolded,
      boolean valAscii,
      boolean keepRaw) {
    this.name = name;
    this.src = src;
    this.start = start;
    this.end = end;
    this.valDelta = valStart - start <= Short.MAX_VALUE ? (short) (valStart - start) : -1;
    this.flags =
        (byte) ((valFolded ? FOLDED : 0) | (valAscii ? ASCII : 0) | (keepRaw ? CANONICAL : 0));
    this.builtLen = -1;
    this.builtAscii = false;
    this.folded = null;
    this.nameHash = nameHash(name);
    this.nameId = -1;
  }

  /** The hash of a header name ignoring ASCII case, as lookups compute it. */
  static int nameHash(String name) {
    return NameTable.hash(name);
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
    return of(name, NameTable.id(name), value);
  }

  /**
   * {@link #of(String, String)} for a caller that has looked the name up already.
   *
   * @param id {@link NameTable#id} of {@code name}
   */
  static Mm4Header of(String name, int id, String value) {
    Objects.requireNonNull(value, "value");
    if (id < 0) {
      checkName(name);
    }
    String v = Syntax.strip(value); // the same string when there is nothing to strip
    if (v != value) {
      checkValue(name, value); // strip() may have dropped a CR or LF at either end
    }
    int n = v.length();
    // One pass over the value: CR, LF and NUL refused, the UTF-8 length counted.
    int octets = n;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c < 0x80) {
        if (c == '\r' || c == '\n' || c == 0) {
          checkValue(name, value);
        }
      } else {
        // Two octets more below U+0800, else one more; a surrogate pair is four octets for two
        // chars, and a lone surrogate (written as '?') is counted long, which only makes the fold
        // check below run for it.
        octets += c < 0x800 ? 1 : 2;
      }
    }
    int len = name.length() + (n == 0 ? 1 : 2 + octets);
    byte[] line = null;
    if (len > Folding.MAXIMUM) {
      // Only a field longer than a line can be too long to fold: try it now, keep the result.
      line = Folding.line(name, v);
      if (line == null) {
        throw new IllegalArgumentException(
            "value of " + name + ": a run without white space is too long for a 998-octet line");
      }
    }
    int hash = id >= 0 ? NameTable.hash(id) : nameHash(name);
    return new Mm4Header(name, id, hash, v, len, octets == n, line);
  }

  /**
   * The field {@link #of(String, int, String)} makes, for a value that its maker guarantees to be
   * plain: printable US-ASCII or tab, no white space at either end (so nothing to strip and no CR,
   * LF or NUL to refuse) — what the typed setters format (ids, dates, addresses, tokens, plain
   * text). One pass over the value fewer: only a line longer than 998 octets is tried for its
   * fold, as {@link #of} does. The guarantee is asserted, so the tests check every caller.
   *
   * @param id {@link NameTable#id} of {@code name}, not -1 (a known name needs no check)
   */
  static Mm4Header ofAscii(String name, int id, String value) {
    assert id >= 0 && id == NameTable.id(name) : name;
    assert isPlainAscii(value) : name + ": \"" + value + "\"";
    int len = name.length() + (value.isEmpty() ? 1 : 2 + value.length());
    byte[] line = null;
    if (len > Folding.MAXIMUM) {
      line = Folding.line(name, value);
      if (line == null) {
        throw new IllegalArgumentException(
            "value of " + name + ": a run without white space is too long for a 998-octet line");
      }
    }
    return new Mm4Header(name, id, NameTable.hash(id), value, len, true, line);
  }

  /** What {@link #ofAscii} asks of a value. */
  private static boolean isPlainAscii(String value) {
    int n = value.length();
    if (n > 0 && (value.charAt(0) <= ' ' || value.charAt(n - 1) <= ' ')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static void checkName(String name) {
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
  }

  /** Throws for the first CR, LF or NUL of {@code value}, if any. */
  private static void checkValue(String name, String value) {
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
  }

  /**
   * A built Content-Type field for {@code type}: its reading ({@link #contentTypeValue()}) is
   * {@code type} itself when the formatted value reads back to it plainly, so that neither the
   * builder nor the writer parses a value it has just formatted.
   */
  static Mm4Header contentType(ContentType type) {
    if (!type.readsBackPlainly()) {
      return of(Mm4HeaderNames.CONTENT_TYPE, type.toString());
    }
    // Token names and printable US-ASCII values without quotes, backslashes or white space at
    // either end: the formatted value is printable US-ASCII as it is, and needs no check.
    String v = type.toString();
    String name = Mm4HeaderNames.CONTENT_TYPE;
    int len = name.length() + 2 + v.length();
    byte[] line = null;
    if (len > Folding.MAXIMUM) {
      line = Folding.line(name, v);
      if (line == null) {
        throw new IllegalArgumentException(
            "value of " + name + ": a run without white space is too long for a 998-octet line");
      }
    }
    Mm4Header h =
        new Mm4Header(name, CONTENT_TYPE_ID, NameTable.hash(CONTENT_TYPE_ID), v, len, true, line);
    h.contentType = Optional.of(type);
    return h;
  }

  /**
   * A parsed field located by the scanner in {@code src.buf} (parameters as {@link
   * org.mmsstack.mm4.internal.mime.HeaderScanner.Sink}): the value is read from the input on
   * first use; the raw bytes are kept (a view of the input) when the field is canonical (CRLF
   * line ends).
   */
  static Mm4Header parsed(
      RawField src,
      String name,
      int start,
      int end,
      int valStart,
      boolean folded,
      boolean ascii,
      boolean canonical) {
    return new Mm4Header(src, name, start, end, valStart, folded, ascii, canonical);
  }

  /** {@link NameTable#id} of the name as spelt; -1 for another spelling or a parsed field. */
  int nameId() {
    return nameId;
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
      v = src.value(start, valDelta, end, (flags & FOLDED) != 0, (flags & ASCII) != 0);
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
   * @return the content type (media type and parameters), or empty if the value has no {@code
   *     type/subtype} at its start
   */
  public Optional<ContentType> contentTypeValue() {
    Optional<ContentType> t = contentType;
    if (t == null) {
      t = ContentType.tryParse(value());
      contentType = t;
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
    return src == null ? -1 : (long) start - src.base;
  }

  /**
   * Whether the field came from parsing and keeps its original octets, which the formatter writes
   * back unchanged (as {@code Header.hasOriginalEncoding()} of a PDU header). A parsed field whose
   * line ended without CR is rewritten with CRLF, so it keeps none.
   */
  public boolean hasOriginalEncoding() {
    return (flags & CANONICAL) != 0;
  }

  /**
   * A copy of the field's original octets (name, folds and line end included); empty for a built
   * field and a rewritten one (see {@link #hasOriginalEncoding()}). {@link #originalLength()}
   * gives their number without a copy.
   */
  public Optional<byte[]> originalEncoding() {
    return hasOriginalEncoding()
        ? Optional.of(Arrays.copyOfRange(src.buf, start, end))
        : Optional.empty();
  }

  /**
   * The number of original octets (see {@link #originalEncoding()}), so that {@code offset() +
   * originalLength()} is where the next field starts; -1 when it keeps none.
   */
  public int originalLength() {
    return hasOriginalEncoding() ? end - start : -1;
  }

  /**
   * The field as the formatter writes it, CRLF included, when it has no raw bytes: folded (a
   * built field's fold is kept after the first call, or from {@link #of} when it had to try it),
   * else (a parsed field whose value cannot be folded within 998 octets, which it fitted in the
   * input) on one line as it was.
   */
  byte[] line() {
    byte[] f = folded;
    if (f != null) {
      return f;
    }
    String v = value();
    byte[] line = Folding.line(name, v);
    if (line == null) {
      return Folding.unfolded(name, v);
    }
    if (builtLen >= 0) {
      folded = line; // a built field is folded once
    }
    return line;
  }

  /**
   * Whether the writer puts this field's characters out as they are: a built US-ASCII field short
   * enough for one line (the usual case), with no array made for it.
   */
  private boolean isPlainLine() {
    return builtAscii && builtLen <= Folding.PREFERRED;
  }

  /** The octets the writer writes for this field when it has no raw bytes, CRLF included. */
  int lineSize() {
    return isPlainLine() ? builtLen + 2 : line().length;
  }

  /**
   * Writes the field as {@link #line()} has it (when it has no raw bytes) into {@code out} from
   * {@code n}; returns the index after it.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exact for US-ASCII
  int putLine(byte[] out, int n) {
    if (!isPlainLine()) {
      byte[] line = line();
      System.arraycopy(line, 0, out, n, line.length);
      return n + line.length;
    }
    int nameLen = name.length();
    name.getBytes(0, nameLen, out, n);
    n += nameLen;
    out[n++] = ':';
    int valueLen = value.length();
    if (valueLen > 0) {
      out[n++] = ' ';
      value.getBytes(0, valueLen, out, n);
      n += valueLen;
    }
    out[n++] = '\r';
    out[n++] = '\n';
    return n;
  }

  byte[] rawBuf() {
    return hasOriginalEncoding() ? src.buf : null;
  }

  int rawOff() {
    return start;
  }

  int rawLen() {
    return end - start;
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
