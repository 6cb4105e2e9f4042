package org.mmsstack.cli.format;

import java.util.Arrays;

/**
 * The 1-based line of a byte offset in mail, which is how MM4 positions are shown. Built once per
 * message, one pass over it; each look-up is then a binary search rather than a count of line
 * feeds from the start.
 */
public final class LineIndex {

  /** Offsets at which lines start; the first is 0. */
  private final int[] starts;

  private final int length;

  private LineIndex(int[] starts, int length) {
    this.starts = starts;
    this.length = length;
  }

  /** The index of {@code text}; lines end at LF (CRLF included). */
  public static LineIndex of(byte[] text) {
    int n = 1;
    for (byte b : text) {
      if (b == '\n') {
        n++;
      }
    }
    int[] starts = new int[n];
    int k = 1;
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '\n') {
        starts[k++] = i + 1;
      }
    }
    return new LineIndex(starts, text.length);
  }

  /** The 1-based line of {@code offset}, or -1 when it is negative or past the end of the text. */
  public int line(long offset) {
    if (offset < 0 || offset > length) {
      return -1;
    }
    int i = Arrays.binarySearch(starts, (int) offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }
}
