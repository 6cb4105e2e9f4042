package org.mmsstack.mm4.smtp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads LF-terminated lines with a hard length bound, for both sides of the dialogue. Lines
 * longer than the bound are consumed up to their LF and reported as {@link #TOO_LONG} without
 * being stored, so a peer cannot make it allocate more than {@code maxLength + 1} octets.
 */
public final class LineReader {
  /** A line ended by CR LF. */
  public static final int CRLF = 0;

  /** A line ended by a bare LF. */
  public static final int LF = 1;

  /** A line over the bound; its content is discarded. */
  public static final int TOO_LONG = 2;

  /** End of stream before a line end; any partial line is discarded. */
  public static final int EOF = -1;

  private final InputStream in;
  private final int maxLength;
  private final byte[] buffer = new byte[8192];
  private int pos;
  private int limit;
  private byte[] line;
  private int length;
  private boolean endedWithCrlf;

  /**
   * @param maxLength the longest line content, line end not counted
   */
  public LineReader(InputStream in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
    this.line = new byte[Math.min(maxLength + 1, 1024)];
  }

  /** Reads the next line; returns {@link #CRLF}, {@link #LF}, {@link #TOO_LONG} or {@link #EOF}. */
  public int readLine() throws IOException {
    length = 0;
    endedWithCrlf = false;
    boolean tooLong = false;
    byte lastDiscarded = 0;
    while (true) {
      if (pos == limit) {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
          length = 0;
          return EOF;
        }
        pos = 0;
        limit = n;
      }
      int lf = -1;
      for (int i = pos; i < limit; i++) {
        if (buffer[i] == '\n') {
          lf = i;
          break;
        }
      }
      int end = lf < 0 ? limit : lf;
      if (end > pos) {
        lastDiscarded = buffer[end - 1];
      }
      if (!tooLong) {
        int take = end - pos;
        // One octet more than the bound is allowed in the store: it may be the CR of CR LF.
        if (length + take > maxLength + 1) {
          tooLong = true;
          length = 0;
        } else {
          ensure(length + take);
          System.arraycopy(buffer, pos, line, length, take);
          length += take;
        }
      }
      if (lf < 0) {
        pos = limit;
        continue;
      }
      pos = lf + 1;
      if (tooLong) {
        endedWithCrlf = lastDiscarded == '\r';
        return TOO_LONG;
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
        endedWithCrlf = true;
        return CRLF;
      }
      if (length > maxLength) {
        length = 0;
        return TOO_LONG;
      }
      return LF;
    }
  }

  private void ensure(int capacity) {
    if (capacity > line.length) {
      byte[] bigger = new byte[Math.min(Math.max(capacity, line.length * 2), maxLength + 1)];
      System.arraycopy(line, 0, bigger, 0, length);
      line = bigger;
    }
  }

  /** The content of the last line read (valid until the next call); only the first {@link #length()} octets count. */
  public byte[] line() {
    return line;
  }

  /** The length of the last line read, line end not counted. */
  public int length() {
    return length;
  }

  /** The last line as ISO-8859-1 text, so every octet maps to one char. */
  public String lineText() {
    return new String(line, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Whether the last line, stored or too long, ended with CR LF rather than a bare LF. */
  public boolean endedWithCrlf() {
    return endedWithCrlf;
  }

  /** Whether octets after the last line are already buffered (pipelined input). */
  public boolean hasBufferedInput() {
    return pos < limit;
  }
}
