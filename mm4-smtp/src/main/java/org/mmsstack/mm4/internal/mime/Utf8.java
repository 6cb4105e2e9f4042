package org.mmsstack.mm4.internal.mime;

/** UTF-8 well-formedness (RFC 3629), checked on the bytes without decoding them. */
public final class Utf8 {

  private Utf8() {}

  /**
   * Whether {@code b[from, to)} is well-formed UTF-8 once CR and LF (the line ends of folds) are
   * left out: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence.
   */
  public static boolean isValid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i++] & 0xff;
      if (c < 0x80) {
        continue;
      }
      int need;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return false;
      }
      int cp = c & (0x3F >> need);
      for (int k = 0; k < need; k++) {
        while (i < to && (b[i] == '\r' || b[i] == '\n')) {
          i++;
        }
        if (i >= to || (b[i] & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (b[i++] & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
    }
    return true;
  }
}
