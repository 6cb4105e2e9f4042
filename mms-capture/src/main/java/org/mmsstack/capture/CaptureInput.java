package org.mmsstack.capture;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that counts its position and reads "as much as there is" without throwing at EOF. */
final class CaptureInput {
  private final InputStream in;
  private long position;

  CaptureInput(InputStream in) {
    this.in = in;
  }

  long position() {
    return position;
  }

  /** Reads up to {@code n} octets into {@code b[off..]}; returns how many there were (less at EOF). */
  int read(byte[] b, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      int r = in.read(b, off + done, n - done);
      if (r < 0) {
        break;
      }
      done += r;
    }
    position += done;
    return done;
  }

  /** Skips up to {@code n} octets without buffering them; returns how many there were. */
  long skip(long n) throws IOException {
    // Not InputStream.skip: FileInputStream.skip happily skips past the end of the file, which
    // would hide a truncated capture.
    long done = 0;
    byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
    while (done < n) {
      int r = in.read(scratch, 0, (int) Math.min(scratch.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    position += done;
    return done;
  }

  static int u16(byte[] b, int off, boolean le) {
    return le
        ? (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8
        : (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
  }

  static long u32(byte[] b, int off, boolean le) {
    long v =
        le
            ? (b[off] & 0xFF)
                | (b[off + 1] & 0xFF) << 8
                | (b[off + 2] & 0xFF) << 16
                | (long) (b[off + 3] & 0xFF) << 24
            : (long) (b[off] & 0xFF) << 24
                | (b[off + 1] & 0xFF) << 16
                | (b[off + 2] & 0xFF) << 8
                | (b[off + 3] & 0xFF);
    return v & 0xFFFF_FFFFL;
  }
}
