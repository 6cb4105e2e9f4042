package org.mmsstack.mm4.smtp.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The client side of the DATA content (RFC 5321 section 4.5.2): every bare LF and bare CR becomes
 * CR LF (section 2.3.8 allows CR and LF only as a pair), a line starting with '.' gets one more
 * '.', the content is closed with CR LF if it does not end with one (empty content stays empty),
 * and ".CRLF" ends it.
 */
public final class DataEncoding {
  private DataEncoding() {}

  /** What a scan of the message found. */
  public static final class Scan {
    /** Octets after line-end normalisation, before dot-stuffing: the RFC 1870 SIZE value. */
    public long normalizedSize;

    /** Offset of the first octet above 0x7F, or -1. */
    public int firstEightBitOffset = -1;

    /** 1-based number of the first line longer than the limit, or 0. */
    public int longLine;

    /** Length of that line. */
    public int longLineLength;
  }

  /** Scans {@code message} for 8-bit octets, size and overlong lines. */
  public static Scan scan(byte[] message, int maxLineLength) {
    Scan s = new Scan();
    long size = 0;
    int lineNumber = 1;
    int lineLength = 0;
    for (int i = 0; i < message.length; i++) {
      byte b = message[i];
      if (b == '\r' || b == '\n') {
        if (b == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
          i++;
        }
        size += 2;
        lineNumber++;
        lineLength = 0;
        continue;
      }
      if (b < 0 && s.firstEightBitOffset < 0) {
        s.firstEightBitOffset = i;
      }
      size++;
      lineLength++;
      if (lineLength > maxLineLength && s.longLine == 0) {
        s.longLine = lineNumber;
      }
      if (s.longLine == lineNumber) {
        s.longLineLength = lineLength;
      }
    }
    if (lineLength > 0) {
      size += 2;
    }
    s.normalizedSize = size;
    return s;
  }

  /** Tells whether the peer has already sent something, which it should not during the content. */
  @FunctionalInterface
  public interface ReplyProbe {
    /** Whether octets from the peer are waiting to be read. */
    boolean replyWaiting() throws IOException;
  }

  /** Writes the normalised, dot-stuffed content and the terminating ".CRLF". */
  public static void write(byte[] message, OutputStream out) throws IOException {
    write(message, out, () -> false);
  }

  /**
   * Writes the normalised, dot-stuffed content and the terminating ".CRLF", asking
   * {@code probe} after every chunk and before the terminator whether the peer replied early.
   *
   * @return true when everything was written; false when it stopped because a reply is waiting
   *     (the terminator was then not sent)
   */
  public static boolean write(byte[] message, OutputStream out, ReplyProbe probe)
      throws IOException {
    byte[] chunk = new byte[8192];
    int n = 0;
    boolean lineStart = true;
    for (int i = 0; i < message.length; i++) {
      if (n > chunk.length - 4) {
        out.write(chunk, 0, n);
        n = 0;
        if (probe.replyWaiting()) {
          return false;
        }
      }
      byte b = message[i];
      if (b == '\r' || b == '\n') {
        if (b == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
          i++;
        }
        chunk[n++] = '\r';
        chunk[n++] = '\n';
        lineStart = true;
        continue;
      }
      if (lineStart && b == '.') {
        chunk[n++] = '.';
      }
      chunk[n++] = b;
      lineStart = false;
    }
    if (!lineStart) {
      chunk[n++] = '\r';
      chunk[n++] = '\n';
    }
    out.write(chunk, 0, n);
    out.flush();
    if (probe.replyWaiting()) {
      return false;
    }
    out.write(new byte[] {'.', '\r', '\n'});
    return true;
  }
}
