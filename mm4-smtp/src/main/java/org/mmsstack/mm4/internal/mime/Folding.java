package org.mmsstack.mm4.internal.mime;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5322 §2.2.3 folding: a CRLF is inserted before white space so that lines stay within 78
 * octets where the value allows it, and never exceed 998. Folding only ever inserts CRLF before
 * existing white space, so unfolding (removing those CRLFs) gives the value back exactly.
 */
public final class Folding {

  /** RFC 5322 §2.1.1: lines SHOULD be at most 78 characters. */
  public static final int PREFERRED = 78;

  /** RFC 5322 §2.1.1: lines MUST be at most 998 characters. */
  public static final int MAXIMUM = 998;

  private Folding() {}

  /**
   * Returns {@code Name: value} folded, without the final CRLF, or null when the value has a run
   * without white space too long to fit in 998 octets.
   */
  public static String fold(String name, String value) {
    String line = value.isEmpty() ? name + ":" : name + ": " + value;
    if (octets(line, 0, line.length()) <= PREFERRED) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length() + 16);
    int lineStart = 0;
    int minBreak = name.length() + 2;
    int lastBreak = -1;
    int col = 0; // octets since lineStart
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean candidate =
          i > minBreak
              && (c == ' ' || c == '\t')
              && line.charAt(i - 1) != ' '
              && line.charAt(i - 1) != '\t'
              && i > lineStart;
      if (candidate) {
        if (col > PREFERRED && lastBreak > lineStart) {
          out.append(line, lineStart, lastBreak).append("\r\n");
          col -= octets(line, lineStart, lastBreak);
          lineStart = lastBreak;
        }
        lastBreak = i;
      }
      col += octets(c);
      if (col > PREFERRED && lastBreak > lineStart && i + 1 < line.length()) {
        out.append(line, lineStart, lastBreak).append("\r\n");
        col -= octets(line, lineStart, lastBreak);
        lineStart = lastBreak;
      }
      if (col > MAXIMUM) {
        return null;
      }
    }
    out.append(line, lineStart, line.length());
    return out.toString();
  }

  /** Whether {@code value} can be folded under {@code name} within 998-octet lines. */
  public static boolean foldable(String name, String value) {
    return fold(name, value) != null;
  }

  private static int octets(char c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
  }

  private static int octets(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += octets(s.charAt(i));
    }
    return n;
  }

  /** UTF-8 bytes of a folded header line plus CRLF. */
  public static byte[] bytes(String folded) {
    return (folded + "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
