package org.mmsstack.mm4.internal.mime;

import java.nio.charset.StandardCharsets;

/** Reading the value of a header field that the scanner located ({@link HeaderScanner.Sink}). */
public final class RawField {

  private RawField() {}

  /**
   * The unfolded value of a field located in {@code b[from, to)} (surrounding white space
   * already excluded): the line ends of folds are removed, and non-ASCII text is read as UTF-8
   * (RFC 6532), invalid sequences replaced.
   */
  public static String value(byte[] b, int from, int to, boolean folded, boolean ascii) {
    byte[] v = b;
    int off = from;
    int len = to - from;
    if (folded) {
      v = new byte[len];
      int n = 0;
      for (int i = from; i < to; i++) {
        byte c = b[i];
        if (c != '\r' && c != '\n') {
          v[n++] = c; // a fold's line end, or a stray CR, which no header value may hold
        }
      }
      off = 0;
      len = n;
    }
    return new String(v, off, len, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }
}
