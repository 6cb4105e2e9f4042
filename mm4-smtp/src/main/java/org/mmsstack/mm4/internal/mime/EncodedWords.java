package org.mmsstack.mm4.internal.mime;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.EncoderException;
import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.net.BCodec;
import org.apache.commons.codec.net.QCodec;
import org.apache.commons.codec.net.QuotedPrintableCodec;

/**
 * RFC 2047 encoded words, through Commons Codec ({@link BCodec}, {@link QCodec}, and its base64
 * and quoted-printable codecs for words that carry exact octets): decoding of header text that
 * mixes plain text and encoded words, and encoding of text that cannot travel as plain US-ASCII.
 * The one place in the module that handles encoded words.
 */
public final class EncodedWords {

  /**
   * RFC 2047 §2 allows 75 characters per encoded word; 27 octets give 36 base64 characters, a
   * 48-character word, short enough that even behind the longest X-Mms field name the first
   * line (which cannot be folded before its first word) stays within 78 characters.
   */
  private static final int MAX_OCTETS_PER_WORD = 27;

  private static final BCodec B_UTF8 = new BCodec(StandardCharsets.UTF_8);

  private EncodedWords() {}

  /** Receives encoded words that could not be decoded (they stay in the text as written). */
  public interface Problems {
    /** Called once per undecodable word. */
    void badWord(String word, String why);
  }

  /** Ignores problems: what the typed accessors use. */
  public static final Problems IGNORE = (w, why) -> {};

  /**
   * Decodes every encoded word in {@code text}; white space between two adjacent encoded words is
   * dropped (RFC 2047 §6.2). Undecodable words stay as written.
   */
  public static String decode(String text, Problems problems) {
    int start = text.indexOf("=?");
    if (start < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    boolean lastWasWord = false;
    while (start >= 0) {
      int end = wordEnd(text, start);
      if (end < 0) {
        start = text.indexOf("=?", start + 2);
        continue;
      }
      String between = text.substring(pos, start);
      String word = text.substring(start, end);
      String decoded = decodeWord(word, problems);
      if (decoded == null) {
        out.append(between).append(word);
        lastWasWord = false;
      } else {
        if (!(lastWasWord && between.isBlank())) {
          out.append(between);
        }
        out.append(decoded);
        lastWasWord = true;
      }
      pos = end;
      start = text.indexOf("=?", pos);
    }
    out.append(text, pos, text.length());
    return out.toString();
  }

  /** Returns the index after {@code ?=} of the word starting at {@code start}, or -1. */
  private static int wordEnd(String s, int start) {
    int q1 = s.indexOf('?', start + 2);
    if (q1 < 0 || q1 == start + 2) {
      return -1;
    }
    if (q1 + 2 >= s.length() || s.charAt(q1 + 2) != '?') {
      return -1;
    }
    char enc = s.charAt(q1 + 1);
    if (enc != 'B' && enc != 'b' && enc != 'Q' && enc != 'q') {
      return -1;
    }
    int q3 = s.indexOf("?=", q1 + 3);
    if (q3 < 0) {
      return -1;
    }
    for (int i = start; i < q3; i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        return -1;
      }
    }
    return q3 + 2;
  }

  private static String decodeWord(String word, Problems problems) {
    int q1 = word.indexOf('?', 2);
    String charset = word.substring(2, q1);
    // RFC 2231 §5 allows a language after '*': "=?UTF-8*en?Q?...?=". Commons Codec does not.
    int star = charset.indexOf('*');
    if (star >= 0) {
      word = "=?" + charset.substring(0, star) + word.substring(q1);
    }
    char enc = Character.toUpperCase(word.charAt(word.indexOf('?', 2) + 1));
    try {
      return enc == 'B' ? new BCodec().decode(word) : new QCodec().decode(word);
    } catch (DecoderException | IllegalArgumentException e) {
      // IllegalCharsetNameException and UnsupportedCharsetException are IllegalArgumentExceptions.
      problems.badWord(word, String.valueOf(e.getMessage()));
      return null;
    }
  }

  /**
   * Whether {@code text} can travel as plain header text: printable US-ASCII or tab, no
   * leading/trailing white space (which unfolding would lose), no {@code =?} (which a reader
   * would take for an encoded word) and no word so long that folding could not keep lines short.
   */
  public static boolean isPlain(String text) {
    // One pass: a control character at either end fails below as anywhere else.
    int n = text.length();
    if (n > 0 && (isWsp(text.charAt(0)) || isWsp(text.charAt(n - 1)))) {
      return false;
    }
    int run = 0;
    char prev = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < 0x7f) {
        if (++run > 900 || (c == '?' && prev == '=')) {
          return false;
        }
      } else if (isWsp(c)) {
        run = 0;
      } else {
        return false;
      }
      prev = c;
    }
    return true;
  }

  /**
   * Encodes {@code text} as UTF-8 B-encoded words separated by single spaces (each at most 75
   * characters, never splitting a character), or returns it unchanged when it is {@link
   * #isPlain plain}.
   */
  public static String encodeIfNeeded(String text) {
    return isPlain(text) ? text : encode(text);
  }

  /** Encodes {@code text} as UTF-8 B-encoded words separated by single spaces. */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    int i = 0;
    while (i < text.length()) {
      int octets = 0;
      int j = i;
      while (j < text.length()) {
        int cp = text.codePointAt(j);
        int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (octets + n > MAX_OCTETS_PER_WORD) {
          break;
        }
        octets += n;
        j += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      try {
        out.append(B_UTF8.encode(text.substring(i, j)));
      } catch (EncoderException e) {
        throw new IllegalStateException("UTF-8 encoding failed", e);
      }
      i = j;
    }
    return out.toString();
  }

  private static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * One B-encoded word carrying exactly {@code octets} in the named charset, which this JVM need
   * not know (the MM1 conversion keeps a PDU's charset and octets this way).
   */
  public static String octetWord(String charset, byte[] octets) {
    return "=?" + charset + "?B?" + Base64.encodeBase64String(octets) + "?=";
  }

  /**
   * The octets an encoded word's encoded text stands for, without decoding them as characters.
   *
   * @param encoding {@code B} or {@code Q} (any case)
   * @param text the encoded text, between the second and the last {@code ?}
   * @return the octets, or {@code null} when the text is not valid in that encoding
   */
  public static byte[] wordOctets(String encoding, String text) {
    if (encoding.equalsIgnoreCase("B")) {
      return isBase64Text(text) ? Base64.decodeBase64(text) : null;
    }
    if (!encoding.equalsIgnoreCase("Q")) {
      return null;
    }
    byte[] q = new byte[text.length()];
    for (int i = 0; i < q.length; i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return null;
      }
      q[i] = (byte) (c == '_' ? ' ' : c); // RFC 2047 §4.2: "_" is a space in Q text
    }
    try {
      return QuotedPrintableCodec.decodeQuotedPrintable(q);
    } catch (DecoderException e) {
      return null;
    }
  }

  /** Base64 alphabet, padding only at the end and only to a whole quantum, no lone character. */
  private static boolean isBase64Text(String t) {
    int n = t.length();
    int pad = 0;
    while (pad < 2 && n - pad > 0 && t.charAt(n - pad - 1) == '=') {
      pad++;
    }
    int data = n - pad;
    for (int i = 0; i < data; i++) {
      char c = t.charAt(i);
      if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/')) {
        return false;
      }
    }
    return data % 4 != 1 && (pad == 0 || n % 4 == 0);
  }
}
