package org.mmsstack.encapsulation.internal.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduFormatException.Reason;

/**
 * Reads WSP primitives (WAP-230 section 8.4) from a byte array: the full reader, which accepts
 * every form the decoders accept and explains everything else. Beside it, two array-index paths
 * handle only the plain forms conforming composers write: {@code PlainValues} steps over them
 * while decoding, {@code ValueCodec.readPlain} builds their values; their comments give the
 * measured reasons, and tests hold both to this reader's results.
 *
 * <p>The reader has a position and a limit; {@link #pushLimit(int)} narrows the limit to a
 * declared length (a Value-length, a multipart entry) and {@link #popLimit(int)} restores it, so
 * a nested value can never read past what its length announced. Every method checks the
 * remaining length explicitly before it reads: no index exception ever escapes. Offsets in
 * exceptions are relative to {@code base}, the first octet of the PDU.
 *
 * <p>Each primitive has its common case as the first branch (a one-octet uintvar, a
 * Short-integer), following protobuf's CodedInputStream.
 */
public final class WspReader {

  /** End-of-string. */
  public static final int EOS = 0x00;

  /** Quote: introduces a Text-string whose first octet is 0x80 or above. */
  public static final int QUOTE = 0x7F;

  /** Length-quote: a Uintvar length follows. */
  public static final int LENGTH_QUOTE = 0x1F;

  /** Opens a Quoted-string. */
  public static final int DOUBLE_QUOTE = 0x22;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private final int base;
  private int pos;
  private int limit;

  /** The header being read, for error messages; set by the decoder. */
  private String header;

  public WspReader(byte[] buf, int offset, int length) {
    this(buf, offset, offset, length);
  }

  /**
   * A reader of {@code buf[offset, offset + length)} whose reported offsets count from
   * {@code base} (the first octet of the enclosing PDU).
   */
  public WspReader(byte[] buf, int base, int offset, int length) {
    if (offset < 0 || length < 0 || length > buf.length - offset || base > offset) {
      throw new IllegalArgumentException(
          "offset: " + offset + ", length: " + length + " (array of " + buf.length + ")");
    }
    this.buf = buf;
    this.base = base;
    this.pos = offset;
    this.limit = offset + length;
  }

  public byte[] buffer() {
    return buf;
  }

  /** Absolute index of the next octet in {@link #buffer()}. */
  public int index() {
    return pos;
  }

  /** Offset of the next octet from the start of the PDU. */
  public int offset() {
    return pos - base;
  }

  /** Offset from the start of the PDU of an absolute index. */
  public int offsetOf(int index) {
    return index - base;
  }

  public int base() {
    return base;
  }

  /** Absolute index one past the last readable octet. */
  public int limit() {
    return limit;
  }

  public int remaining() {
    return limit - pos;
  }

  public boolean hasRemaining() {
    return pos < limit;
  }

  public void header(String header) {
    this.header = header;
  }

  public String header() {
    return header;
  }

  /** Moves to an absolute index within the current limit. */
  public void seek(int index) {
    if (index < base || index > limit) {
      throw new IllegalArgumentException(
          "index: " + index + " (expected: " + base + " ~ " + limit + ")");
    }
    pos = index;
  }

  /**
   * Narrows the limit to the next {@code length} octets.
   *
   * @return the old limit, to pass to {@link #popLimit(int)}
   */
  public int pushLimit(int length) throws PduFormatException {
    if (length < 0 || length > limit - pos) {
      throw lengthPastEnd(length);
    }
    int old = limit;
    limit = pos + length;
    return old;
  }

  /** Restores the limit {@link #pushLimit(int)} returned. */
  public void popLimit(int oldLimit) {
    limit = oldLimit;
  }

  /** The next octet without consuming it; the caller must know one remains. */
  public int peek() throws PduFormatException {
    if (pos >= limit) {
      throw truncated("one more octet");
    }
    return buf[pos] & 0xFF;
  }

  /** One octet. */
  public int readOctet() throws PduFormatException {
    if (pos >= limit) {
      throw truncated("one more octet");
    }
    return buf[pos++] & 0xFF;
  }

  /** Skips {@code n} octets. */
  public void skip(int n) throws PduFormatException {
    if (n < 0 || n > limit - pos) {
      throw lengthPastEnd(n);
    }
    pos += n;
  }

  /** A Short-integer: one octet with the high bit set, value {@code octet & 0x7F}. */
  public int readShortInteger() throws PduFormatException {
    int b = readOctet();
    if (b < 0x80) {
      pos--;
      throw malformed(String.format("0x%02X is not a Short-integer", b));
    }
    return b & 0x7F;
  }

  /**
   * A Uintvar: 1-5 octets of 7 bits, most significant first. Leading 0x80 octets (non-minimal
   * encodings, which AOSP's composer writes) are accepted; more than 5 octets or a value above
   * 32 bits are not.
   */
  public long readUintvar() throws PduFormatException {
    if (pos < limit) {
      int b = buf[pos];
      if (b >= 0) {
        pos++;
        return b;
      }
    }
    int start = pos;
    long value = 0;
    for (int i = 0; i < 5; i++) {
      if (pos >= limit) {
        throw truncated("the rest of a Uintvar");
      }
      int b = buf[pos++] & 0xFF;
      value = value << 7 | (b & 0x7F);
      if (b < 0x80) {
        if (value > 0xFFFFFFFFL) {
          throw PduFormatException.of(
              Reason.MALFORMED_UINTVAR,
              start - base,
              header,
              "Uintvar value " + value + " exceeds 32 bits");
        }
        return value;
      }
    }
    throw PduFormatException.of(
        Reason.MALFORMED_UINTVAR, start - base, header, "Uintvar longer than 5 octets");
  }

  /**
   * A Uintvar used as a length: it must fit in the remaining input, so nothing is ever
   * allocated for a length the input cannot back.
   */
  public int readUintvarLength() throws PduFormatException {
    int start = pos;
    long n = readUintvar();
    if (n > limit - pos) {
      pos = start;
      throw lengthPastEnd(n);
    }
    return (int) n;
  }

  /**
   * A Value-length: one octet 0-30, or Length-quote 31 followed by a Uintvar. The length must fit
   * in the remaining input.
   */
  public int readValueLength() throws PduFormatException {
    int b = peek();
    if (b < LENGTH_QUOTE) {
      pos++;
      if (b > limit - pos) {
        pos--;
        throw lengthPastEnd(b);
      }
      return b;
    }
    if (b == LENGTH_QUOTE) {
      pos++;
      return readUintvarLength();
    }
    throw malformed(String.format("0x%02X is not a Value-length", b));
  }

  /** Whether the next octet starts a Value-length (0x00-0x1F). */
  public boolean atValueLength() throws PduFormatException {
    return peek() <= LENGTH_QUOTE;
  }

  /**
   * A Long-integer: Short-length 0-30 then that many big-endian octets. A length of 0 is read as
   * the value 0 (AOSP's composer writes it for a zero date); more than 8 octets are refused.
   */
  public long readLongInteger() throws PduFormatException {
    int start = pos;
    int n = readOctet();
    if (n > 30) {
      pos = start;
      throw malformed(String.format("0x%02X is not a Long-integer length", n));
    }
    if (n > limit - pos) {
      pos = start;
      throw lengthPastEnd(n);
    }
    if (n > 8) {
      pos = start;
      throw PduFormatException.of(
          Reason.INTEGER_TOO_WIDE,
          start - base,
          header,
          "Long-integer of " + n + " octets (at most 8 are supported)");
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = v << 8 | (buf[pos++] & 0xFF);
    }
    if (v < 0) {
      pos = start;
      throw PduFormatException.of(
          Reason.INTEGER_TOO_WIDE, start - base, header, "Long-integer exceeds 63 bits");
    }
    return v;
  }

  /** An Integer-value: a Short-integer (first octet 0x80 or above) or a Long-integer. */
  public long readIntegerValue() throws PduFormatException {
    int b = peek();
    if (b >= 0x80) {
      pos++;
      return b & 0x7F;
    }
    return readLongInteger();
  }

  /**
   * Finds the end of a NUL-terminated string starting at the current position, within the
   * limit, and moves past the terminator.
   *
   * @return the absolute index of the terminating 0x00
   */
  public int skipPastTerminator(int maxLength) throws PduFormatException {
    int start = pos;
    int end = maxLength >= limit - pos ? limit : pos + maxLength + 1; // no int overflow
    int nul = indexOfNul(buf, pos, end);
    if (nul >= 0) {
      pos = nul + 1;
      return nul;
    }
    if (end < limit) {
      throw PduFormatException.of(
          Reason.LIMIT_EXCEEDED,
          start - base,
          header,
          "text longer than " + maxLength + " octets (DecodeConfig.maxTextLength)");
    }
    throw PduFormatException.of(
        Reason.UNTERMINATED_TEXT,
        start - base,
        header,
        "text not terminated by 0x00 before the end of its value");
  }

  /**
   * The index of the first 0x00 in {@code buf[from, to)}, or {@code -1}. Looks at eight octets
   * at a time (the classic zero-byte test on a word): addresses, URLs and file names are mostly
   * 20-60 octets, and every Text-string of every PDU ends this way.
   */
  public static int indexOfNul(byte[] buf, int from, int to) {
    int i = from;
    // Most texts are shorter than 16 octets, so the first two words are tested before any loop:
    // HotSpot's loop set-up (pre-loop, unrolling, range checks) costs more than a short
    // string's whole search.
    if (i + 16 <= to) {
      long zero = zeroOctets((long) LONGS.get(buf, i));
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
      zero = zeroOctets((long) LONGS.get(buf, i + 8));
      if (zero != 0) {
        return i + 8 + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
      i += 16;
    }
    for (; i + 8 <= to; i += 8) {
      long zero = zeroOctets((long) LONGS.get(buf, i));
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The high bit of each zero octet of {@code x} (and of none below the first zero octet). */
  private static long zeroOctets(long x) {
    return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
  }

  /**
   * Skips one value of any kind using the first-octet rule of WAP-230 section 8.4.1.2: 0x00-0x1E
   * short length, 0x1F Uintvar length, 0x20-0x7F text to 0x00, 0x80-0xFF one octet. This is how
   * a header whose value is not understood is stepped over without losing synchronisation.
   */
  public void skipValue(int maxTextLength) throws PduFormatException {
    int b = peek();
    if (b >= 0x80) {
      pos++;
    } else if (b <= LENGTH_QUOTE) {
      skip(readValueLength());
    } else {
      skipPastTerminator(maxTextLength);
    }
  }

  public PduFormatException truncated(String what) {
    return PduFormatException.of(
        Reason.TRUNCATED, pos - base, header, "input ends; expected " + what);
  }

  public PduFormatException lengthPastEnd(long length) {
    return PduFormatException.of(
        Reason.LENGTH_PAST_END,
        pos - base,
        header,
        "length " + length + " exceeds the " + (limit - pos) + " octets that remain");
  }

  public PduFormatException malformed(String what) {
    return PduFormatException.of(Reason.MALFORMED_VALUE, pos - base, header, what);
  }

  public PduFormatException error(Reason reason, int index, String what) {
    return PduFormatException.of(reason, index - base, header, what);
  }
}
