package org.mmsstack.cli.format;

import java.util.HexFormat;

/** Hex strings for JSON and dumps. */
public final class Hex {

  private static final HexFormat LOWER = HexFormat.of();
  private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

  private Hex() {}

  /** {@code 8c82} */
  public static String of(byte[] b, int from, int to) {
    return LOWER.formatHex(b, from, to);
  }

  /** {@code 8c82} */
  public static String of(byte[] b) {
    return LOWER.formatHex(b);
  }

  /** {@code 8c 82} */
  public static String spaced(byte[] b, int from, int to) {
    return SPACED.formatHex(b, from, to);
  }

  /**
   * Parses hex digits, ignoring whitespace and an optional {@code 0x} prefix.
   *
   * @throws IllegalArgumentException when the text is not an even number of hex digits
   */
  public static byte[] parse(String s) {
    String t = s.replaceAll("\\s+", "");
    if (t.startsWith("0x") || t.startsWith("0X")) {
      t = t.substring(2);
    }
    return LOWER.parseHex(t);
  }
}
