package org.mmsstack.encapsulation.value;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.internal.Texts;
import org.mmsstack.encapsulation.internal.ValueAccess;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.internal.wire.WspWriter;

/**
 * An Encoded-string-value (OMA MMS Encapsulation section 7.2.9): text with an optional
 * character set.
 *
 * <p>On the wire it is either a plain Text-string (no charset: us-ascii is implied) or
 * Value-length, Char-set (an IANA MIBenum) and Text-string. {@link #charset()} is empty for
 * the plain form. The octets are kept exactly, so text in a charset the JVM cannot decode
 * (or invalid text) is never lost; {@link #text()} decodes them, with replacement characters
 * for malformed input.
 *
 * <p>Instances are immutable and safe to share between threads; equality is by charset and
 * octets. A value made by the {@code of...} factories owns its octets (a copy); a value read from
 * a decoded PDU, and one made by {@code viewOf}, is a view of the decoder's (or caller's) input
 * array, like the PDU itself and its part data: the array must not change while the value is in
 * use, and {@link #octets()} copies what you keep.
 */
public final class EncodedString {

  private final CharacterSet charset;
  // The text octets are src[off, off + len): an array of their own, or a view of the input.
  private final byte[] src;
  private final int off;
  private final int len;
  private String text; // benign race, as String.hash: the same value may be computed twice

  static {
    // The encoder writes the octets from where they are instead of through octets() (a copy).
    ValueAccess.register(
        new ValueAccess.EncodedStringOctets() {
          @Override
          public void writeTextString(EncodedString s, WspWriter w) {
            w.writeTextString(s.src, s.off, s.len);
          }

          @Override
          public int indexOfNul(EncodedString s) {
            int nul = WspReader.indexOfNul(s.src, s.off, s.off + s.len);
            return nul < 0 ? -1 : nul - s.off;
          }

          @Override
          public int firstOctet(EncodedString s) {
            return s.len == 0 ? -1 : s.src[s.off] & 0xFF;
          }
        });
  }

  private EncodedString(CharacterSet charset, byte[] octets) {
    this(charset, octets, 0, octets.length);
  }

  private EncodedString(CharacterSet charset, byte[] src, int off, int len) {
    this.charset = charset;
    this.src = src;
    this.off = off;
    this.len = len;
  }

  /**
   * The encoding MMS clients expect (OMA MMS CONF): the plain form for pure us-ascii text, UTF-8
   * otherwise. ASCII text starting with a control character (a tab, say) is given the UTF-8
   * form too: in the plain form a reader takes that first octet for a length.
   */
  public static EncodedString of(String text) {
    Objects.requireNonNull(text, "text");
    // One encoding pass: the UTF-8 octets are the ASCII ones when each char gave one octet,
    // unless a lone surrogate became '?' (only then is the text scanned).
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == text.length()
        && (utf8.length == 0 || utf8[0] == 0 || utf8[0] >= 0x20)
        && (indexOfQuestionMark(utf8) < 0 || Texts.isAscii(text))) {
      return new EncodedString(null, utf8);
    }
    return new EncodedString(CharacterSet.UTF_8, utf8);
  }

  private static int indexOfQuestionMark(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '?') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Text in a given charset, always sent in the charset form.
   *
   * @throws IllegalArgumentException when the JVM has no encoder for the charset
   */
  public static EncodedString of(String text, CharacterSet charset) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
    Charset java = charset.javaCharset().orElse(null);
    if (java == null || !java.canEncode()) {
      throw new IllegalArgumentException("charset: " + charset + " (no encoder in this JVM)");
    }
    return new EncodedString(charset, text.getBytes(java));
  }

  /** Exact octets in the plain Text-string form (no charset). The array is copied. */
  public static EncodedString ofOctets(byte[] octets) {
    return new EncodedString(null, octets.clone());
  }

  /**
   * Exact octets {@code src[off, off + len)} in the plain Text-string form, copied.
   *
   * @throws NullPointerException when {@code src} is null
   * @throws IllegalArgumentException when the range is not within {@code src}
   */
  public static EncodedString ofOctets(byte[] src, int off, int len) {
    checkRange(src, off, len);
    return new EncodedString(null, Arrays.copyOfRange(src, off, off + len));
  }

  /**
   * Exact octets with a charset, sent in the charset form. The array is copied.
   *
   * @throws NullPointerException when {@code charset} is null (use {@link #ofOctets(byte[])}
   *     for the plain form)
   */
  public static EncodedString ofOctets(CharacterSet charset, byte[] octets) {
    return new EncodedString(requireCharset(charset), octets.clone());
  }

  /**
   * Exact octets {@code src[off, off + len)} with a charset, sent in the charset form; copied.
   *
   * @throws NullPointerException when {@code charset} is null (use {@link #ofOctets(byte[],
   *     int, int)} for the plain form)
   */
  public static EncodedString ofOctets(CharacterSet charset, byte[] src, int off, int len) {
    checkRange(src, off, len);
    return new EncodedString(requireCharset(charset), Arrays.copyOfRange(src, off, off + len));
  }

  /**
   * A view of the octets {@code src[off, off + len)} in the plain Text-string form: not copied,
   * so the array must not change while the value is in use. Decoded PDUs hand out such views of
   * their input.
   *
   * @throws NullPointerException when {@code src} is null
   * @throws IllegalArgumentException when the range is not within {@code src}
   */
  public static EncodedString viewOf(byte[] src, int off, int len) {
    checkRange(src, off, len);
    return new EncodedString(null, src, off, len);
  }

  /**
   * A view of the octets {@code src[off, off + len)} with a charset, sent in the charset form:
   * not copied, so the array must not change while the value is in use.
   *
   * @throws NullPointerException when {@code charset} (use {@link #viewOf(byte[], int, int)} for
   *     the plain form) or {@code src} is null
   * @throws IllegalArgumentException when the range is not within {@code src}
   */
  public static EncodedString viewOf(CharacterSet charset, byte[] src, int off, int len) {
    checkRange(src, off, len);
    return new EncodedString(requireCharset(charset), src, off, len);
  }

  private static void checkRange(byte[] src, int off, int len) {
    Objects.requireNonNull(src, "src");
    if (off < 0 || len < 0 || off > src.length - len) {
      throw outOfRange(src, off, len);
    }
  }

  private static IllegalArgumentException outOfRange(byte[] src, int off, int len) {
    return new IllegalArgumentException(
        "off: " + off + ", len: " + len + " (not a range of the " + src.length + "-octet array)");
  }

  private static CharacterSet requireCharset(CharacterSet charset) {
    // A null argument is a NullPointerException, as the JDK's checks; the plain form has its own
    // factories.
    return Objects.requireNonNull(charset, "charset (use ofOctets(byte[]) for the plain form)");
  }

  /** The character set; empty for the plain Text-string form. Does not allocate. */
  public Optional<CharacterSet> charset() {
    return charset == null ? Optional.empty() : charset.asOptional();
  }

  /** The text octets (without Quote or terminator), as a copy. */
  public byte[] octets() {
    return Arrays.copyOfRange(src, off, off + len);
  }

  /** The decoded text. */
  public String text() {
    String t = text;
    if (t == null) {
      // An unknown charset decodes like unlabelled text: the octets stay available exactly.
      t = Texts.decode(src, off, len, charset == null ? null : charset.javaCharset().orElse(null));
      text = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EncodedString)) {
      return false;
    }
    EncodedString e = (EncodedString) o;
    return Objects.equals(e.charset, charset)
        && Arrays.equals(e.src, e.off, e.off + e.len, src, off, off + len);
  }

  @Override
  public int hashCode() {
    int h = 1; // as Arrays.hashCode over the octets
    for (int i = off; i < off + len; i++) {
      h = 31 * h + src[i];
    }
    return Objects.hashCode(charset) * 31 + h;
  }

  @Override
  public String toString() {
    return charset == null ? text() : text() + " [" + charset.name() + "]";
  }
}
