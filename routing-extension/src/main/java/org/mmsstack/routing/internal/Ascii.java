package org.mmsstack.routing.internal;

import java.nio.charset.StandardCharsets;

/**
 * The value syntax of the routing fields: printable US-ASCII only, so that every value is a
 * plain Text-string in a binary PDU and a plain header value in MM4.
 *
 * <p>Why the first octet matters: Android's PduParser "skips" an Application-header value only
 * by reading it as one more header name, which works when the value begins with 0x20-0x7F;
 * Sailfish stops at a value that does not begin with a printable octet (mms-encapsulation.md
 * sections 2.8, 2.9, 10.1). Our values never start with a space either (MM4 unfolding and
 * trimming could eat it), so the first octet is always 0x21-0x7E.
 */
public final class Ascii {

  private Ascii() {}

  /** Whether c is a visible US-ASCII character (0x21-0x7E). */
  public static boolean isVisible(char c) {
    return c >= 0x21 && c <= 0x7E;
  }

  /** Whether every character of s is visible US-ASCII (and s is not empty). */
  public static boolean isVisible(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      if (!isVisible(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Trims SP and HTAB at both ends (MM4 header values may carry folding whitespace). */
  public static String trimWsp(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return b == 0 && e == s.length() ? s : s.substring(b, e);
  }

  /**
   * Parses a non-negative decimal without sign or leading zeros ("0" itself is fine), or
   * returns -1. At most 18 digits, so no overflow check is needed.
   */
  public static long parseDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > 18 || (n > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Percent-encodes everything outside visible ASCII, plus {@code %} and {@code ,} (UTF-8
   * octets, upper-case hex), so that any Unicode text travels as a visible token.
   */
  public static String percentEncode(String s) {
    boolean plain = true;
    for (int i = 0, n = s.length(); i < n && plain; i++) {
      char c = s.charAt(i);
      plain = isVisible(c) && c != '%' && c != ',';
    }
    if (plain) {
      return s;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(utf8.length + 16);
    for (byte b : utf8) {
      int o = b & 0xFF;
      if (o >= 0x21 && o <= 0x7E && o != '%' && o != ',') {
        sb.append((char) o);
      } else {
        sb.append('%').append(HEX[o >> 4]).append(HEX[o & 15]);
      }
    }
    return sb.toString();
  }

  /**
   * Reverses {@link #percentEncode}; returns null when an escape is broken, when an escape
   * stands for an octet that did not need one, or when the octets are not UTF-8. Rejecting
   * needless escapes keeps the encoding canonical: one text, one wire form.
   */
  public static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] out = new byte[s.length()];
    int o = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c != '%') {
        out[o++] = (byte) c;
        continue;
      }
      if (i + 2 >= n) {
        return null;
      }
      int hi = hex(s.charAt(i + 1));
      int lo = hex(s.charAt(i + 2));
      if (hi < 0 || lo < 0) {
        return null;
      }
      int v = hi << 4 | lo;
      if (v >= 0x21 && v <= 0x7E && v != '%' && v != ',') {
        return null;
      }
      out[o++] = (byte) v;
      i += 2;
    }
    java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
    try {
      return d.decode(java.nio.ByteBuffer.wrap(out, 0, o)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Text for error messages: quoted, control characters escaped, cut at 40 characters. */
  public static String quoteShort(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    int n = Math.min(s.length(), 40);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
        sb.append(String.format("\\x%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > n) {
      sb.append("...");
    }
    return sb.append('"').toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
