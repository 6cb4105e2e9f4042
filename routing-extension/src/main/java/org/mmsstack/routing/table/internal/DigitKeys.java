package org.mmsstack.routing.table.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a digit string of 1 to 15 decimal digits as one {@code long} key.
 *
 * <p>The key of a string of {@code n} digits with decimal value {@code v} is
 * {@code v + (10^n - 1) / 9}: the value, shifted past the keys of all shorter strings. So keys are
 * unique over all lengths ({@code "49"} and {@code "049"} differ) without a separate length field,
 * stay below {@code 1.12 * 10^15 < 2^50}, and the conversion from a number's value and digit count
 * is one table lookup and an addition. Dropping the last digit is a division of the value by the
 * constant 10, which is what makes longest-prefix probing cheap.
 */
public final class DigitKeys {

  /** The longest digit string, as in E.164 (ITU-T E.164 §6: at most 15 digits). */
  public static final int MAX_DIGITS = 15;

  /** Number of bits a key needs: {@code (10^16 - 1) / 9 < 2^50}. */
  public static final int KEY_BITS = 50;

  /** Returned by the parsing methods for anything that is not 1 to 15 digits. */
  public static final long INVALID = -1L;

  /** {@code POW10[n] = 10^n}. */
  static final long[] POW10 = new long[MAX_DIGITS + 2];

  /** {@code OFFSET[n]}: the number of digit strings shorter than n, the key of n zeros. */
  static final long[] OFFSET = new long[MAX_DIGITS + 2];

  /**
   * {@code DROP_MULTIPLIER[k]} and {@code DROP_SHIFT[k]}: {@code v / 10^k} is
   * {@code multiplyHigh(v, DROP_MULTIPLIER[k]) >>> DROP_SHIFT[k]} for every value of at most
   * 15 digits. A lookup that misses probes every prefix length, and a hardware division per
   * dropped digit (tens of cycles each) was most of its cost.
   */
  private static final long[] DROP_MULTIPLIER = new long[MAX_DIGITS];

  private static final int[] DROP_SHIFT = new int[MAX_DIGITS];

  static {
    long p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      OFFSET[i] = (p - 1) / 9;
      p *= 10;
    }
    // Round-up reciprocal 2^s / 10^k with s >= 50 + log2(10^k): then the rounding error
    // times any value below 2^50 (> 10^15) stays under one unit of the quotient
    // (Granlund and Montgomery). s >= 64 so the shift after multiplyHigh is not negative,
    // and the multiplier stays below 2^63 so the signed multiplyHigh is exact.
    for (int k = 1; k < MAX_DIGITS; k++) {
      BigInteger d = BigInteger.valueOf(POW10[k]);
      int s = Math.max(64, 50 + d.bitLength());
      BigInteger[] qr = BigInteger.ONE.shiftLeft(s).divideAndRemainder(d);
      BigInteger m = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
      DROP_MULTIPLIER[k] = m.longValueExact();
      DROP_SHIFT[k] = s - 64;
    }
  }

  /**
   * {@code value / 10^k}: the value of the first {@code count - k} digits of a string of
   * {@code count} digits, without a division instruction. {@code value} is at most 15 digits,
   * {@code 0 <= k < 15}.
   */
  public static long dropDigits(long value, int k) {
    if (k == 0) {
      return value;
    }
    return Math.multiplyHigh(value, DROP_MULTIPLIER[k]) >>> DROP_SHIFT[k];
  }

  private DigitKeys() {}

  /** The key of the string of {@code count} digits (1..15) whose value is {@code value}. */
  public static long key(long value, int count) {
    return value + OFFSET[count];
  }

  /** The value part of the key of a string of {@code count} digits. */
  public static long value(long key, int count) {
    return key - OFFSET[count];
  }

  /** {@code 10^n} for n in 0..16. */
  public static long pow10(int n) {
    return POW10[n];
  }

  /**
   * Decimal value of {@code chars[start, end)}: an optional leading {@code '+'} then 1 to 15 ASCII
   * digits. The digit count is {@code end - start}, less one if there is a {@code '+'}.
   *
   * @return the value, or {@link #INVALID}
   */
  public static long valueOfChars(CharSequence chars, int start, int end) {
    int i = start;
    if (i < end && chars.charAt(i) == '+') {
      i++;
    }
    int count = end - i;
    if (count < 1 || count > MAX_DIGITS) {
      return INVALID;
    }
    long v = 0;
    for (; i < end; i++) {
      int d = chars.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return INVALID;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Decimal value of ASCII bytes {@code bytes[start, end)}, same rules as {@link #valueOfChars}.
   * A loop of its own rather than a {@code CharSequence} view of the bytes: the view would cost
   * an object and an interface call per digit on the routing path.
   */
  public static long valueOfBytes(byte[] bytes, int start, int end) {
    int i = start;
    if (i < end && bytes[i] == '+') {
      i++;
    }
    int count = end - i;
    if (count < 1 || count > MAX_DIGITS) {
      return INVALID;
    }
    long v = 0;
    for (; i < end; i++) {
      int d = bytes[i] - '0';
      if (d < 0 || d > 9) {
        return INVALID;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Key of ASCII bytes {@code bytes[start, end)} (optional '+', 1-15 digits), or {@link #INVALID}. */
  public static long ofBytes(byte[] bytes, int start, int end) {
    long v = valueOfBytes(bytes, start, end);
    if (v == INVALID) {
      return INVALID;
    }
    return key(v, bytes[start] == '+' ? end - start - 1 : end - start);
  }

  /** Key of {@code chars[start, end)} (optional '+', 1-15 digits), or {@link #INVALID}. */
  public static long ofChars(CharSequence chars, int start, int end) {
    long v = valueOfChars(chars, start, end);
    if (v == INVALID) {
      return INVALID;
    }
    return key(v, chars.charAt(start) == '+' ? end - start - 1 : end - start);
  }

  /** Whether {@code value} is a valid value for a string of {@code count} digits. */
  public static boolean isValid(long value, int count) {
    return count >= 1 && count <= MAX_DIGITS && value >= 0 && value < POW10[count];
  }

  /** Number of digits of a valid key. */
  public static int length(long key) {
    int n = 1;
    while (n < MAX_DIGITS && key >= OFFSET[n + 1]) {
      n++;
    }
    return n;
  }

  /** The digit string of a valid key. */
  public static String toDigits(long key) {
    byte[] b = new byte[MAX_DIGITS];
    int end = writeDigits(key, b, 0);
    return new String(b, 0, end, StandardCharsets.ISO_8859_1);
  }

  /** Appends the digits of a valid key to {@code out} as ASCII, returning the new position. */
  public static int writeDigits(long key, byte[] out, int pos) {
    int n = length(key);
    long v = key - OFFSET[n];
    int end = pos + n;
    for (int i = end - 1; i >= pos; i--) {
      out[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }

  /**
   * A sort key that orders valid keys like their digit strings in lexicographic order (a string
   * before its extensions): the value padded with zeros to 15 digits, then the length.
   */
  public static long lexicographicOrder(long key) {
    int n = length(key);
    return (key - OFFSET[n]) * POW10[MAX_DIGITS - n] * 16 + n;
  }

  /** The key for a {@link #lexicographicOrder} value. */
  public static long fromLexicographicOrder(long order) {
    int n = (int) (order & 15);
    return order / 16 / POW10[MAX_DIGITS - n] + OFFSET[n];
  }
}
