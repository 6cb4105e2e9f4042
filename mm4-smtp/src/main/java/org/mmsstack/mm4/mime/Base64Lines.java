package org.mmsstack.mm4.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Base64 as a MIME body (RFC 2045 §6.8): 76-character lines, each ended by CRLF (the last one
 * too), written straight into the caller's array. Three input octets become four characters by
 * two lookups in a table of character pairs and one four-octet store.
 */
final class Base64Lines {

  /** Input octets per full line: 57 octets make 76 characters. */
  static final int LINE_INPUT = 57;

  /** Output octets per full line, CRLF included. */
  static final int LINE_OUTPUT = 78;

  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** The two characters of every 12-bit value, first character in the high octet. */
  private static final char[] PAIRS = new char[4096];

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  static {
    for (int i = 0; i < 4096; i++) {
      PAIRS[i] = (char) ((ALPHABET[i >>> 6] << 8) | ALPHABET[i & 63]);
    }
  }

  private Base64Lines() {}

  /** The number of octets {@link #encode} writes for {@code len} input octets. */
  static long size(int len) {
    long chars = (len + 2L) / 3 * 4;
    long lines = (chars + 75) / 76;
    return chars + 2 * lines;
  }

  /**
   * Encodes {@code src[off, off + len)} into {@code dst} from {@code at}: full lines of 76
   * characters, then the rest (padded with {@code =}), every line ended by CRLF.
   *
   * @return the index after the last octet written
   */
  static int encode(byte[] src, int off, int len, byte[] dst, int at) {
    int sp = off;
    int dp = at;
    int fullEnd = off + len / LINE_INPUT * LINE_INPUT;
    while (sp < fullEnd) {
      for (int lineEnd = sp + LINE_INPUT; sp < lineEnd; sp += 3, dp += 4) {
        int v = ((src[sp] & 0xff) << 16) | ((src[sp + 1] & 0xff) << 8) | (src[sp + 2] & 0xff);
        INT.set(dst, dp, (PAIRS[v >>> 12] << 16) | PAIRS[v & 0xfff]);
      }
      dst[dp++] = '\r';
      dst[dp++] = '\n';
    }
    int end = off + len;
    if (sp == end) {
      return dp;
    }
    for (int groupsEnd = end - (end - sp) % 3; sp < groupsEnd; sp += 3, dp += 4) {
      int v = ((src[sp] & 0xff) << 16) | ((src[sp + 1] & 0xff) << 8) | (src[sp + 2] & 0xff);
      INT.set(dst, dp, (PAIRS[v >>> 12] << 16) | PAIRS[v & 0xfff]);
    }
    int rest = end - sp;
    if (rest > 0) {
      int v = ((src[sp] & 0xff) << 16) | (rest == 2 ? ((src[sp + 1] & 0xff) << 8) : 0);
      dst[dp++] = ALPHABET[v >>> 18];
      dst[dp++] = ALPHABET[(v >>> 12) & 63];
      dst[dp++] = rest == 2 ? ALPHABET[(v >>> 6) & 63] : (byte) '=';
      dst[dp++] = '=';
    }
    dst[dp++] = '\r';
    dst[dp++] = '\n';
    return dp;
  }
}
