package org.mmsstack.encapsulation.internal.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Writes WSP primitives into one growing array: the one writer every encoder in this module
 * uses. Always writes the canonical form (minimal Uintvars and Long-integers, the one-octet
 * Value-length for 0-30).
 *
 * <p>Lengths that precede their content (Value-length, multipart HeadersLen) are written after
 * the content: {@link #mark()} before it, then {@link #insertValueLength(int)} or
 * {@link #insertUintvar(int, long)} after it, which moves the (short) content right by the size
 * of the prefix. Part data is appended after its prefixes and is never moved.
 */
public final class WspWriter extends OutputStream {

  private byte[] buf;
  private int pos;

  public WspWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /**
   * A writer filling an array of exactly {@code size} octets: for an encoder that has sized its
   * output, so that {@link #toByteArray()} hands out that array without a copy.
   */
  public static WspWriter exactly(int size) {
    return new WspWriter(new byte[size]);
  }

  private WspWriter(byte[] buf) {
    this.buf = buf;
  }

  public int position() {
    return pos;
  }

  /**
   * The writer's array, octets {@code [0, position())} written (no copy): for an encoder that
   * keeps them and writes them out later. The writer must not be used afterwards.
   */
  public byte[] buffer() {
    return buf;
  }

  /** A position to come back to with one of the {@code insert} methods. */
  public int mark() {
    return pos;
  }

  /**
   * The octets written so far, in an array of exactly that size: the writer's own array when it
   * is full (a PDU whose last write was its large body), else a copy. A full array is never
   * written again: every write first makes room, which moves the writer to a new array.
   */
  public byte[] toByteArray() {
    return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
  }

  /** Writes the octets written so far to {@code out}, without copying them first. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, pos);
  }

  /**
   * Forgets what was written and keeps the array, to write the next run of octets into it
   * (after {@link #writeTo}; never after {@link #toByteArray}, which may have handed the array out).
   */
  public void reset() {
    pos = 0;
  }

  private void ensure(int more) {
    if (buf.length - pos < more) {
      long want = Math.max((long) buf.length * 2, (long) pos + more);
      if (want > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("PDU larger than 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }

  @Override
  public void write(int b) {
    writeOctet(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    writeBytes(b, off, len);
  }

  public void writeOctet(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  public void writeBytes(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, pos, len);
    pos += len;
  }

  public void writeBytes(byte[] src) {
    writeBytes(src, 0, src.length);
  }

  /** Appends the remaining octets of a buffer without changing its position. */
  public void writeBytes(ByteBuffer src) {
    int len = src.remaining();
    ensure(len);
    src.duplicate().get(buf, pos, len);
    pos += len;
  }

  /** A Short-integer 0-127 as {@code 0x80 | value}. */
  public void writeShortInteger(int value) {
    if (value < 0 || value > 127) {
      throw new IllegalArgumentException("Short-integer: " + value + " (expected: 0 ~ 127)");
    }
    writeOctet(0x80 | value);
  }

  /** The number of octets of the minimal Uintvar for {@code value}. */
  public static int sizeOfUintvar(long value) {
    int n = 1;
    while ((value >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  public void writeUintvar(long value) {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("Uintvar: " + value + " (expected: 0 ~ 4294967295)");
    }
    int n = sizeOfUintvar(value);
    ensure(n);
    for (int i = n - 1; i >= 0; i--) {
      int b = (int) (value >>> (7 * i)) & 0x7F;
      buf[pos++] = (byte) (i == 0 ? b : b | 0x80);
    }
  }

  /** The number of octets of the Value-length for {@code length}. */
  public static int sizeOfValueLength(int length) {
    return length < 31 ? 1 : 1 + sizeOfUintvar(length);
  }

  public void writeValueLength(int length) {
    if (length < 31) {
      writeOctet(length);
    } else {
      writeOctet(WspReader.LENGTH_QUOTE);
      writeUintvar(length);
    }
  }

  /** Inserts, at {@code mark}, the Value-length of everything written since. */
  public void insertValueLength(int mark) {
    int length = pos - mark;
    int n = sizeOfValueLength(length);
    shift(mark, n);
    int save = pos;
    pos = mark;
    writeValueLength(length);
    pos = save;
  }

  /** Inserts a Uintvar at {@code mark}. */
  public void insertUintvar(int mark, long value) {
    int n = sizeOfUintvar(value);
    shift(mark, n);
    int save = pos;
    pos = mark;
    writeUintvar(value);
    pos = save;
  }

  private void shift(int mark, int n) {
    ensure(n);
    System.arraycopy(buf, mark, buf, mark + n, pos - mark);
    pos += n;
  }

  /** A Long-integer in the minimal number of octets (one octet for 0). */
  public void writeLongInteger(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Long-integer: " + value + " (expected: >= 0)");
    }
    int n = 1;
    for (long v = value >>> 8; v != 0; v >>>= 8) {
      n++;
    }
    ensure(n + 1);
    buf[pos++] = (byte) n;
    for (int i = n - 1; i >= 0; i--) {
      buf[pos++] = (byte) (value >>> (8 * i));
    }
  }

  /** An Integer-value: Short-integer for 0-127, Long-integer otherwise. */
  public void writeIntegerValue(long value) {
    if (value >= 0 && value < 128) {
      writeOctet(0x80 | (int) value);
    } else {
      writeLongInteger(value);
    }
  }

  /**
   * A Text-string: Quote first when the text starts with an octet of 0x80 or above, then 0x00.
   * Text starting with 0x7F itself (possible only inside an Encoded-string-value in UCS-2,
   * UTF-16 or an unknown charset) is Quoted too, or the decoder would take its first octet for
   * the Quote and drop it.
   */
  public void writeTextString(byte[] text) {
    if (text.length > 0 && ((text[0] & 0x80) != 0 || text[0] == WspReader.QUOTE)) {
      writeOctet(WspReader.QUOTE);
    }
    writeBytes(text);
    writeOctet(0);
  }

  /** Text without any Quote (Token-text, Extension-media), then 0x00. */
  public void writeTerminated(byte[] text) {
    writeBytes(text);
    writeOctet(0);
  }

  /** A Quoted-string: 0x22, the text, 0x00 (the closing quote is not sent). */
  public void writeQuotedString(byte[] text) {
    writeOctet(WspReader.DOUBLE_QUOTE);
    writeBytes(text);
    writeOctet(0);
  }
}
