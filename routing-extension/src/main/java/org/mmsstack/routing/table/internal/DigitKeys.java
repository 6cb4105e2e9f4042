package org.mmsstack.routing.table.internal;

/**
 * Encodes a digit string of 1 to 15 decimal digits as one {@code long} key.
 *
 * <p>Each digit {@code d} becomes the base-11 digit {@code d + 1}, most significant first, so the
 * key is unique over all lengths ({@code "49"} and {@code "049"} differ) without a separate length
 * field, and is at most {@code 11^15 - 1 < 2^52}. Dropping the last digit of a digit string is an
 * integer division of its key by 11, which is what makes longest-prefix probing cheap: the keys of
 * all prefixes of a number follow from the number's key by repeated division by a constant.
 */
public final class DigitKeys {

    /** The longest digit string, as in E.164 (ITU-T E.164 §6: at most 15 digits). */
    public static final int MAX_DIGITS = 15;

    /** Number of bits a key needs: {@code 11^15 < 2^52}. */
    public static final int KEY_BITS = 52;

    /** Returned by the parsing methods for anything that is not 1 to 15 digits. */
    public static final long INVALID = -1L;

    private static final long[] POW10 = new long[MAX_DIGITS + 1];

    static {
        long p = 1;
        for (int i = 0; i <= MAX_DIGITS; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DigitKeys() {
    }

    /**
     * Key of {@code chars[start, end)}: an optional leading {@code '+'} then 1 to 15 ASCII digits.
     *
     * @return the key, or {@link #INVALID}
     */
    public static long ofChars(CharSequence chars, int start, int end) {
        int i = start;
        if (i < end && chars.charAt(i) == '+') {
            i++;
        }
        int count = end - i;
        if (count < 1 || count > MAX_DIGITS) {
            return INVALID;
        }
        long key = 0;
        for (; i < end; i++) {
            int d = chars.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            key = key * 11 + d + 1;
        }
        return key;
    }

    /** Key of ASCII bytes {@code bytes[start, end)}, same rules as {@link #ofChars}. */
    public static long ofBytes(byte[] bytes, int start, int end) {
        int i = start;
        if (i < end && bytes[i] == '+') {
            i++;
        }
        int count = end - i;
        if (count < 1 || count > MAX_DIGITS) {
            return INVALID;
        }
        long key = 0;
        for (; i < end; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            key = key * 11 + d + 1;
        }
        return key;
    }

    /**
     * Key of the digit string of {@code digitCount} digits whose decimal value is {@code digits}
     * (leading zeros are counted by {@code digitCount}).
     *
     * @return the key, or {@link #INVALID} when {@code digitCount} is outside 1..15 or the value
     *     does not fit in that many digits
     */
    public static long ofValue(long digits, int digitCount) {
        if (digitCount < 1 || digitCount > MAX_DIGITS || digits < 0 || digits >= POW10[digitCount]) {
            return INVALID;
        }
        long key = 0;
        long scale = 1;
        long v = digits;
        for (int i = 0; i < digitCount; i++) {
            long q = v / 10;
            key += ((v - q * 10) + 1) * scale;
            scale *= 11;
            v = q;
        }
        return key;
    }

    /** Number of digits of a valid key. */
    public static int length(long key) {
        int n = 0;
        for (long k = key; k != 0; k /= 11) {
            n++;
        }
        return n;
    }

    /** The digit string of a valid key. */
    public static String toDigits(long key) {
        char[] buf = new char[MAX_DIGITS];
        int pos = buf.length;
        for (long k = key; k != 0; k /= 11) {
            buf[--pos] = (char) ('0' + (k % 11) - 1);
        }
        return new String(buf, pos, buf.length - pos);
    }

    /** Appends the digits of a valid key to {@code out} as ASCII, returning the new position. */
    public static int writeDigits(long key, byte[] out, int pos) {
        int n = length(key);
        int end = pos + n;
        long k = key;
        for (int i = end - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + (k % 11) - 1);
            k /= 11;
        }
        return end;
    }

    /**
     * A sort key that orders valid keys like their digit strings in lexicographic order (a string
     * before its extensions): the key padded with base-11 zeros to 15 positions. Digits are encoded
     * as 1..10, so the padding is never confused with a digit and the mapping is one to one.
     */
    public static long lexicographicOrder(long key) {
        long k = key;
        for (int n = length(key); n < MAX_DIGITS; n++) {
            k *= 11;
        }
        return k;
    }
}
