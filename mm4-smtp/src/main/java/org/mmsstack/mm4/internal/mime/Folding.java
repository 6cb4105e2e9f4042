package org.mmsstack.mm4.internal.mime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 5322 §2.2.3 folding: a CRLF is inserted before white space so that lines stay within 78
 * octets where the value allows it, and never exceed 998. Folding only ever inserts CRLF before
 * existing white space, so unfolding (removing those CRLFs) gives the value back exactly.
 *
 * <p>The field is encoded to UTF-8 once; folding then works on those octets (where columns are
 * counted), jumping from one break candidate to the next with bulk scans and copying whole runs,
 * and the result is one array of the exact size.
 */
public final class Folding {

  /** RFC 5322 §2.1.1: lines SHOULD be at most 78 characters. */
  public static final int PREFERRED = 78;

  /** RFC 5322 §2.1.1: lines MUST be at most 998 characters. */
  public static final int MAXIMUM = 998;

  private Folding() {}

  /**
   * Returns the field {@code Name: value} folded and ended by CRLF, as UTF-8, or null when the
   * value has a run without white space too long to fit in 998 octets.
   *
   * <p>A line is broken at the last break candidate (white space after something else, past the
   * name) at or before the octet that would make it longer than 78, or, when there is none, at
   * the first candidate after it; the last line is never broken for its last character alone.
   */
  public static byte[] line(String name, String value) {
    byte[] u = text(name, value);
    int len = u.length;
    if (len <= PREFERRED) {
      return withCrlf(u, len, null, 0);
    }
    int minBreak = name.length() + 2; // candidates lie after "Name: "
    // Where the last character starts: the last line is never broken for it alone. Columns count
    // a supplementary character as two UTF-16 units of two octets each.
    int lastChar = len - 1;
    while (lastChar > 0 && (u[lastChar] & 0xC0) == 0x80) {
      lastChar--;
    }
    if (len - lastChar == 4) {
      lastChar += 2;
    }
    int[] breaks = new int[8];
    int nBreaks = 0;
    int lineStart = 0;
    while (true) {
      int limit = lineStart + PREFERRED; // the octet that makes the line 79 long
      if (limit >= lastChar) {
        break; // the rest fits, or exceeds by its last character only
      }
      int cut = lastCandidate(u, Math.max(lineStart, minBreak), limit);
      if (cut < 0) {
        // No candidate in reach: the line runs long up to the next one.
        int next = nextCandidate(u, Math.max(limit + 1, minBreak + 1), len);
        if (next < 0 || next == len - 1) {
          if (lineStart + MAXIMUM < len) {
            return null;
          }
          break;
        }
        if (next > lineStart + MAXIMUM) {
          return null;
        }
        cut = next;
      }
      if (nBreaks == breaks.length) {
        breaks = Arrays.copyOf(breaks, nBreaks * 2);
      }
      breaks[nBreaks++] = cut;
      lineStart = cut;
    }
    return withCrlf(u, len, breaks, nBreaks);
  }

  /** {@code Name: value} (or {@code Name:} for an empty value) as UTF-8, in one array. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exact for US-ASCII
  private static byte[] text(String name, String value) {
    int nameLen = name.length(); // a field name is US-ASCII
    if (value.isEmpty()) {
      byte[] u = new byte[nameLen + 1];
      name.getBytes(0, nameLen, u, 0);
      u[nameLen] = ':';
      return u;
    }
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    byte[] u = new byte[nameLen + 2 + v.length];
    name.getBytes(0, nameLen, u, 0);
    u[nameLen] = ':';
    u[nameLen + 1] = ' ';
    System.arraycopy(v, 0, u, nameLen + 2, v.length);
    return u;
  }

  /**
   * The last break candidate {@code i} with {@code from < i <= to}: white space whose previous
   * octet is not white space; -1 if none.
   */
  private static int lastCandidate(byte[] u, int from, int to) {
    for (int i = to; i > from; i--) {
      byte c = u[i];
      if ((c == ' ' || c == '\t') && u[i - 1] != ' ' && u[i - 1] != '\t') {
        return i;
      }
    }
    return -1;
  }

  /** The first break candidate {@code i} with {@code from <= i < to}; -1 if none. */
  private static int nextCandidate(byte[] u, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = u[i];
      if ((c == ' ' || c == '\t') && u[i - 1] != ' ' && u[i - 1] != '\t') {
        return i;
      }
    }
    return -1;
  }

  /** {@code u[0, len)} with CRLF inserted before each break and appended: one exact array. */
  private static byte[] withCrlf(byte[] u, int len, int[] breaks, int nBreaks) {
    byte[] out = new byte[len + 2 * nBreaks + 2];
    int from = 0;
    int n = 0;
    for (int k = 0; k < nBreaks; k++) {
      int at = breaks[k];
      System.arraycopy(u, from, out, n, at - from);
      n += at - from;
      out[n++] = '\r';
      out[n++] = '\n';
      from = at;
    }
    System.arraycopy(u, from, out, n, len - from);
    n += len - from;
    out[n++] = '\r';
    out[n] = '\n';
    return out;
  }

  /** Whether {@code value} can be folded under {@code name} within 998-octet lines. */
  public static boolean foldable(String name, String value) {
    return line(name, value) != null;
  }

  /** {@code Name: value} unfolded on one line, ended by CRLF, as UTF-8. */
  public static byte[] unfolded(String name, String value) {
    return (name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
