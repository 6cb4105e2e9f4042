package org.mmsstack.encapsulation.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.mmsstack.encapsulation.internal.Texts;

/**
 * An Encoded-string-value (OMA MMS Encapsulation section 7.2.9): text with an optional
 * character set.
 *
 * <p>On the wire it is either a plain Text-string (no charset: us-ascii is implied) or
 * Value-length, Char-set (an IANA MIBenum) and Text-string. {@link #charset()} is {@code null}
 * for the plain form. The octets are kept exactly, so text in a charset the JVM cannot decode
 * (or invalid text) is never lost; {@link #text()} decodes them, with replacement characters
 * for malformed input.
 *
 * <p>Instances are immutable; equality is by charset and octets.
 */
public final class EncodedString {

  private final CharacterSet charset;
  private final byte[] octets;
  private String text; // benign race, as String.hash: the same value may be computed twice

  private EncodedString(CharacterSet charset, byte[] octets) {
    this.charset = charset;
    this.octets = octets;
  }

  /**
   * The encoding MMS clients expect (OMA MMS CONF): the plain form for pure us-ascii text, UTF-8
   * otherwise.
   */
  public static EncodedString of(String text) {
    Objects.requireNonNull(text, "text");
    if (Texts.isAscii(text)) {
      return new EncodedString(null, text.getBytes(StandardCharsets.US_ASCII));
    }
    return new EncodedString(CharacterSet.UTF_8, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Text in a given charset, always sent in the charset form.
   *
   * @throws IllegalArgumentException when the JVM has no encoder for the charset
   */
  public static EncodedString of(String text, CharacterSet charset) {
    Objects.requireNonNull(text, "text");
    if (charset.javaCharset() == null || !charset.javaCharset().canEncode()) {
      throw new IllegalArgumentException("charset: " + charset + " (no encoder in this JVM)");
    }
    return new EncodedString(charset, text.getBytes(charset.javaCharset()));
  }

  /**
   * Exact octets with a charset ({@code null} for the plain form). The array is copied.
   */
  public static EncodedString ofOctets(CharacterSet charset, byte[] octets) {
    return new EncodedString(charset, octets.clone());
  }

  /** Exact octets {@code src[off, off + len)} with a charset ({@code null}: plain form), copied. */
  public static EncodedString ofOctets(CharacterSet charset, byte[] src, int off, int len) {
    return new EncodedString(charset, java.util.Arrays.copyOfRange(src, off, off + len));
  }

  /** The character set, or {@code null} for the plain Text-string form. */
  public CharacterSet charset() {
    return charset;
  }

  /** The text octets (without Quote or terminator), as a copy. */
  public byte[] octets() {
    return octets.clone();
  }

  /** The decoded text. */
  public String text() {
    String t = text;
    if (t == null) {
      // An unknown charset decodes like unlabelled text: the octets stay available exactly.
      t = Texts.decode(octets, 0, octets.length, charset == null ? null : charset.javaCharset());
      text = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedString
        && Objects.equals(((EncodedString) o).charset, charset)
        && Arrays.equals(((EncodedString) o).octets, octets);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(charset) * 31 + Arrays.hashCode(octets);
  }

  @Override
  public String toString() {
    return charset == null ? text() : text() + " [" + charset.name() + "]";
  }
}
