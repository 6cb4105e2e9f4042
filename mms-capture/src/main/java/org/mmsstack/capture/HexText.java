package org.mmsstack.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes hex dumps back to bytes. Three layouts are understood, line by line:
 *
 * <ul>
 *   <li>xxd: {@code 00000000: 0106 2461 ...  ..$a} (offset and colon, hex groups, two spaces, the
 *       ASCII column);
 *   <li>hexdump -C: {@code 00000000  01 06 24 61 ...  |..$a|} (offset, hex bytes, the ASCII column
 *       between bars; a last line holding only the end offset);
 *   <li>plain hex digits with any whitespace between them, optionally with {@code 0x} prefixes
 *       and commas (as pasted from source code).
 * </ul>
 */
public final class HexText {

  private HexText() {}

  /**
   * Whether {@code data} is ASCII text that {@link #decode(CharSequence)} turns into at least one
   * octet. The array is not changed.
   */
  public static boolean isHex(byte[] data) {
    if (data.length < 2) {
      return false;
    }
    for (byte b : data) {
      int c = b & 0xFF;
      if (c >= 0x7F || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
        return false;
      }
    }
    try {
      return decode(new String(data, StandardCharsets.US_ASCII)).length > 0;
    } catch (CaptureFormatException e) {
      return false;
    }
  }

  /**
   * Decodes a hex dump.
   *
   * @throws CaptureFormatException ({@link CaptureFormatException.Reason#NOT_HEX}) naming the
   *     character offset and line of the first character that is not hex, or if the number of hex
   *     digits is odd
   */
  public static byte[] decode(CharSequence text) throws CaptureFormatException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
    int n = text.length();
    int lineNo = 0;
    int pos = 0;
    int pending = -1; // a high nibble waiting for its low one
    boolean hexdumpLayout = false;
    while (pos < n) {
      int eol = pos;
      while (eol < n && text.charAt(eol) != '\n') {
        eol++;
      }
      lineNo++;
      int start = pos;
      int end = eol;
      pos = eol + 1;
      // Layouts with an offset column: drop the offset and the ASCII column.
      int offEnd = start;
      while (offEnd < end && isHexDigit(text.charAt(offEnd))) {
        offEnd++;
      }
      int bar = indexOf(text, '|', start, end);
      if (offEnd > start && offEnd < end && text.charAt(offEnd) == ':') {
        start = offEnd + 1;
        int dbl = indexOfDoubleSpace(text, start + 1, end);
        if (dbl >= 0) {
          end = dbl;
        }
      } else if (bar >= 0 && offEnd - start >= 6 && offEnd < end && text.charAt(offEnd) == ' ') {
        hexdumpLayout = true;
        start = offEnd;
        end = bar;
      } else if (hexdumpLayout && offEnd - start >= 6 && isBlank(text, offEnd, end)) {
        continue; // hexdump -C's closing line: just the end offset
      }
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == ',') {
          continue;
        }
        if (c == '0'
            && i + 1 < end
            && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
            && pending < 0
            && (i == start || !isHexDigit(text.charAt(i - 1)))) {
          i++;
          continue;
        }
        int v = Character.digit(c, 16);
        if (v < 0 || c > 'f') {
          throw CaptureFormatException.notHex(
              i, lineNo, "character '" + printable(c) + "' is not a hex digit");
        }
        if (pending < 0) {
          pending = v;
        } else {
          out.write((pending << 4) | v);
          pending = -1;
        }
      }
    }
    if (pending >= 0) {
      throw CaptureFormatException.notHex(n, lineNo, "odd number of hex digits");
    }
    return out.toByteArray();
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int indexOf(CharSequence s, char c, int from, int end) {
    for (int i = from; i < end; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfDoubleSpace(CharSequence s, int from, int end) {
    for (int i = from; i + 1 < end; i++) {
      if (s.charAt(i) == ' ' && s.charAt(i + 1) == ' ') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(CharSequence s, int from, int end) {
    for (int i = from; i < end; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
