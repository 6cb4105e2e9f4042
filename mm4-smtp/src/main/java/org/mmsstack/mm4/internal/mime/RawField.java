package org.mmsstack.mm4.internal.mime;

import java.nio.charset.StandardCharsets;

/**
 * The input of one decode as the header fields located in it see it ({@link HeaderScanner.Sink}):
 * the array (never copied), the offset of the caller's first octet, and the reading of a located
 * value. One object per decode, shared by all its fields, so that a field keeps one reference to
 * it instead of the array, its offset and a copy of its value.
 *
 * <p>Thread-safe: the fields of a decoded message may be read from several threads; unfolding
 * holds this object's lock while it uses the shared scratch array.
 */
public final class RawField {

  /**
   * The longest unfolded value whose octets are gathered in the shared scratch array; a longer
   * one gets an array of its own, so that a decoded message never holds more than this besides
   * its input.
   */
  private static final int MAX_SCRATCH = 4096;

  /** The decoded input. */
  public final byte[] buf;

  /** Offset of the caller's first byte in {@link #buf}. */
  public final int base;

  // The octets of a folded value without its line ends, gathered here before the string copies
  // them: one array per decode instead of one per folded value.
  private byte[] scratch;

  /** The input of a decode of {@code buf} from {@code base}. */
  public RawField(byte[] buf, int base) {
    this.buf = buf;
    this.base = base;
  }

  /**
   * The unfolded value of the field {@code buf[start, end)} (its line end included), as {@link
   * HeaderScanner} located it: after the colon, without surrounding white space; the line ends
   * of folds are removed, and non-ASCII text is read as UTF-8 (RFC 6532), invalid sequences
   * replaced. A short US-ASCII value that is one of the tokens MM4 and MIME enumerate, spelt
   * exactly so, is the shared constant ({@link CommonValues}). {@code valueDelta} is where the
   * value starts after {@code start} (-1: not kept, found again here); {@code folded} and {@code
   * ascii} are what the scanner found in the value.
   */
  public String value(int start, int valueDelta, int end, boolean folded, boolean ascii) {
    // The value's end is found again here, on first read, rather than kept in every field (only
    // white space and line ends are cut, as the scanner cut them); its start too when it was too
    // far for the field to keep (the first colon ends the name: a name holds none).
    byte[] b = buf;
    int from;
    if (valueDelta >= 0) {
      from = start + valueDelta;
    } else {
      from = HeaderScanner.indexOf(b, (byte) ':', start, end) + 1;
    }
    int to = end;
    while (to > from && HeaderScanner.isWspOrLineEnd(b[to - 1])) {
      to--;
    }
    while (from < to && HeaderScanner.isWspOrLineEnd(b[from])) {
      from++;
    }
    if (!folded) {
      if (ascii) {
        String common = CommonValues.find(buf, from, to);
        if (common != null) {
          return common;
        }
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
      }
      return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }
    int len = to - from;
    if (len > MAX_SCRATCH) {
      return unfold(new byte[len], from, to, ascii);
    }
    synchronized (this) {
      byte[] s = scratch;
      if (s == null || s.length < len) {
        // Grown to the longest folded value read so far (a few hundred octets for a long
        // address list): the strings copy out of it.
        s = new byte[Math.max(len, s == null ? 256 : Math.min(MAX_SCRATCH, 2 * s.length))];
        scratch = s;
      }
      return unfold(s, from, to, ascii);
    }
  }

  private String unfold(byte[] v, int from, int to, boolean ascii) {
    byte[] b = buf;
    int n = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != '\r' && c != '\n') {
        v[n++] = c; // a fold's line end, or a stray CR, which no header value may hold
      }
    }
    return new String(v, 0, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }
}
