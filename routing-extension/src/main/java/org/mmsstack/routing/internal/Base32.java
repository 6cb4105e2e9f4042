package org.mmsstack.routing.internal;

/**
 * RFC 4648 base32 in lower case, without padding. Lower-case letters and digits are RFC 5322
 * atext and survive case-insensitive handling once the reader folds case, which is why
 * Message-IDs use it rather than base64.
 */
public final class Base32 {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Base32() {}

  /** Encodes n octets from off as ceil(8n/5) characters. */
  public static void encode(byte[] in, int off, int n, StringBuilder out) {
    int buffer = 0;
    int bits = 0;
    for (int i = off; i < off + n; i++) {
      buffer = (buffer << 8) | (in[i] & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
  }

  /** Whether c belongs to the alphabet. */
  public static boolean isDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
  }
}
