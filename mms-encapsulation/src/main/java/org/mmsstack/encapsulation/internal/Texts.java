package org.mmsstack.encapsulation.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns wire octets into Java strings, the same way everywhere in the module. */
public final class Texts {

  private static final char REPLACEMENT = '\uFFFD';

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Texts() {}

  /**
   * Decodes text whose charset the wire does not state (a plain Text-string, which the
   * specification says is us-ascii). Real senders put UTF-8 and Latin-1 there too: ASCII is
   * decoded as such, valid UTF-8 as UTF-8, anything else as ISO-8859-1, so no octet is lost.
   */
  public static String decodeUnlabelled(byte[] b, int off, int len) {
    if (len <= SHORT) {
      // Short text (a header value: ids, addresses, subjects) is nearly always ASCII: checked
      // here and copied by the small Latin-1 constructor, which the JIT inlines, instead of the
      // charset constructor (840 bytecodes, a call that dispatches on the charset).
      int end = off + len;
      int i = off;
      // Eight octets at a time (an identifier or a URL is 20-60 octets), then the rest one by one.
      while (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
        i += 8;
      }
      while (i < end && b[i] >= 0) {
        i++;
      }
      if (i == end) {
        return len == 0 ? "" : ascii(b, off, len);
      }
    }
    // The JDK's US-ASCII decoding tests for high bits with an intrinsic and copies once; an
    // octet above 0x7F becomes U+FFFD, which a pure-ASCII result cannot contain (and a
    // Latin-1 string answers indexOf for it without scanning).
    String ascii = new String(b, off, len, StandardCharsets.US_ASCII);
    if (ascii.indexOf(REPLACEMENT) < 0) {
      return ascii;
    }
    String utf8 = decodeStrict(b, off, len, StandardCharsets.UTF_8);
    return utf8 != null ? utf8 : new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  /** Text up to this many octets is checked for ASCII here (see decodeUnlabelled). */
  private static final int SHORT = 64;

  // The constructor that takes a high byte is deprecated because it cannot decode, but for
  // octets already known to be ASCII it is exactly the Latin-1 copy wanted, made with one
  // bounds check and Arrays.copyOfRange.
  @SuppressWarnings("deprecation")
  private static String ascii(byte[] b, int off, int len) {
    return new String(b, 0, off, len);
  }

  /** Decodes with replacement characters for malformed input; {@code null} charset: unlabelled. */
  public static String decode(byte[] b, int off, int len, Charset cs) {
    if (cs == null) {
      return decodeUnlabelled(b, off, len);
    }
    return new String(b, off, len, cs);
  }

  private static String decodeStrict(byte[] b, int off, int len, Charset cs) {
    CharsetDecoder d =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer out = d.decode(ByteBuffer.wrap(b, off, len));
      return out.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Whether every char is 7-bit ASCII (for a String: the length read once, no interface call). */
  public static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Whether every char is 7-bit ASCII. */
  public static boolean isAscii(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Encodes text for a value whose charset the wire does not state: ASCII stays ASCII, other
   * characters go out as UTF-8 (what decodeUnlabelled reads back).
   */
  public static byte[] encodeUnlabelled(String s) {
    return isAscii(s) ? s.getBytes(StandardCharsets.US_ASCII) : s.getBytes(StandardCharsets.UTF_8);
  }
}
