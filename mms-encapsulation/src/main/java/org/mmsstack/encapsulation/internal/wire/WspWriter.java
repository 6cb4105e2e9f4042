package org.mmsstack.encapsulation.internal.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mmsstack.encapsulation.internal.Texts;

/**
 * Writes WSP primitives into one growing array: the one writer every encoder in this module
 * uses. Always writes the canonical form (minimal Uintvars and Long-integers, the one-octet
 * Value-length for 0-30).
 *
 * <p>Lengths that precede their content (Value-length, multipart HeadersLen) are written after
 * the content: {@link #mark()} before it, then {@link #insertValueLength(int)} or
 * {@link #insertUintvar(int, long)} after it, which moves the (short) content right by the size
 * of the prefix. Part data is appended after its prefixes and is never moved.
 *
 * <p>A writer made by {@link #exactly(int)} fills an output of a known size and may be written
 * out of order ({@link #moveTo(int)}): its array is made by its first write, and when that
 * write is a run of octets (an encoder writes a PDU's largest part data first) they are copied
 * into the array as it is made, which lets HotSpot clear only the rest of it instead of
 * clearing all of it and then overwriting most.
 */
public final class WspWriter extends OutputStream {

  private byte[] buf; // null for an exact writer until its first write
  private int pos;
  private final int size; // an exact writer's size; -1 for a growing writer

  public WspWriter(int initialCapacity) {
    this(new byte[Math.max(16, initialCapacity)], -1);
  }

  /**
   * A writer filling an array of exactly {@code size} octets: for an encoder that has sized its
   * output, so that {@link #toByteArray()} hands out that array without a copy. Its octets may
   * be written in any order ({@link #moveTo(int)}); the array is made by the first write.
   */
  public static WspWriter exactly(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size: " + size + " (expected: >= 0)");
    }
    return new WspWriter(null, size);
  }

  private WspWriter(byte[] buf, int size) {
    this.buf = buf;
    this.size = size;
  }

  /** Whether this writer fills an array of a known size and may be written out of order. */
  public boolean isExact() {
    return size >= 0;
  }

  /**
   * Moves an exact writer to {@code position}, to write the octets there (the encoder writes the
   * body's largest data first, then everything around it). Only plain writes may follow: the
   * {@code insert} methods would move octets written beyond the position.
   *
   * @throws IllegalStateException for a growing writer
   */
  public void moveTo(int position) {
    if (size < 0) {
      throw new IllegalStateException("moveTo on a growing writer");
    }
    if (position < 0 || position > size) {
      throw new IllegalArgumentException("position: " + position + " (expected: 0 ~ " + size + ")");
    }
    pos = position;
  }

  public int position() {
    return pos;
  }

  /**
   * The writer's array, octets {@code [0, position())} written (no copy): for an encoder that
   * keeps them and writes them out later. The writer must not be used afterwards.
   */
  public byte[] buffer() {
    return array();
  }

  private byte[] array() {
    if (buf == null) {
      buf = new byte[size];
    }
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
    byte[] b = array();
    return pos == b.length ? b : Arrays.copyOf(b, pos);
  }

  /** Writes the octets written so far to {@code out}, without copying them first. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(array(), 0, pos);
  }

  /**
   * Forgets what was written and keeps the array, to write the next run of octets into it
   * (after {@link #writeTo}; never after {@link #toByteArray}, which may have handed the array out).
   */
  public void reset() {
    pos = 0;
  }

  private void ensure(int more) {
    if (buf == null) {
      buf = new byte[size];
    }
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
    if (buf == null && len <= size - pos) {
      // An exact writer's first write: the array is made with these octets copied in, so that
      // HotSpot clears only the rest of it (the copy must follow the allocation directly).
      byte[] b = new byte[size];
      System.arraycopy(src, off, b, pos, len);
      buf = b;
      pos += len;
      return;
    }
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
    if (src.hasArray()) {
      writeBytes(src.array(), src.arrayOffset() + src.position(), len);
      return;
    }
    ensure(len);
    src.get(src.position(), buf, pos, len); // absolute: no duplicate of the buffer
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

  /**
   * Starts a value that its Value-length precedes: keeps the one octet a length under 31 takes
   * and returns where it is, for {@link #endValueLength(int)} after the value. Unlike
   * {@link #insertValueLength(int)}, a short value is not moved.
   */
  public int beginValueLength() {
    ensure(1);
    buf[pos] = 0;
    return pos++;
  }

  /** Writes the Value-length of everything written since {@link #beginValueLength()}. */
  public void endValueLength(int mark) {
    int length = pos - mark - 1;
    if (length < 31) {
      buf[mark] = (byte) length;
      return;
    }
    shift(mark + 1, sizeOfValueLength(length) - 1);
    int save = pos;
    pos = mark;
    writeValueLength(length);
    pos = save;
  }

  /**
   * Keeps one octet for a Uintvar whose value is known later (a multipart entry's HeadersLen)
   * and returns where it is, for {@link #fillUintvar(int, long)}.
   */
  public int reserveUintvar() {
    ensure(1);
    buf[pos] = 0;
    return pos++;
  }

  /**
   * Writes a Uintvar into the octet {@link #reserveUintvar()} kept, moving what was written
   * after it only when the Uintvar needs more than that octet (a value above 127).
   */
  public void fillUintvar(int mark, long value) {
    int n = sizeOfUintvar(value);
    if (n > 1) {
      shift(mark + 1, n - 1);
    }
    int save = pos;
    pos = mark;
    writeUintvar(value);
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
    writeTextString(text, 0, text.length);
  }

  /** {@link #writeTextString(byte[])} of {@code src[off, off + len)}. */
  public void writeTextString(byte[] src, int off, int len) {
    if (len > 0 && ((src[off] & 0x80) != 0 || src[off] == WspReader.QUOTE)) {
      writeOctet(WspReader.QUOTE);
    }
    writeBytes(src, off, len);
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

  /**
   * {@link #writeTextString(byte[])} of {@link Texts#encodeUnlabelled(String) text without a
   * stated charset} (ASCII as it is, anything else as UTF-8), written straight into the array.
   */
  public void writeTextString(String text) {
    int start = pos;
    writeUnlabelled(text);
    if (pos > start && ((buf[start] & 0x80) != 0 || buf[start] == WspReader.QUOTE)) {
      shift(start, 1); // rare: text starting with a non-ASCII character or 0x7F
      buf[start] = (byte) WspReader.QUOTE;
    }
    writeOctet(0);
  }

  /** {@link #writeTerminated(byte[])} of text without a stated charset, without a copy. */
  public void writeTerminated(String text) {
    writeUnlabelled(text);
    writeOctet(0);
  }

  /** {@link #writeQuotedString(byte[])} of text without a stated charset, without a copy. */
  public void writeQuotedString(String text) {
    writeOctet(WspReader.DOUBLE_QUOTE);
    writeUnlabelled(text);
    writeOctet(0);
  }

  /**
   * The octets {@link Texts#encodeUnlabelled(String)} gives, without making them first: ASCII
   * characters are stored one by one; at the first other one the whole text goes out as UTF-8.
   */
  private void writeUnlabelled(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = buf;
    int p = pos;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        writeBytes(s.getBytes(StandardCharsets.UTF_8)); // nothing stored yet: pos is unchanged
        return;
      }
      b[p + i] = (byte) c;
    }
    pos = p + n;
  }
}
