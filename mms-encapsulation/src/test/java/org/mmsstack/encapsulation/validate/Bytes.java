package org.mmsstack.encapsulation.validate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes test PDUs: hex octets ("8C 80") and text ('"abc"', written with its 0x00). */
final class Bytes {

  private Bytes() {}

  /**
   * Octets from tokens separated by blanks: two hex digits each, or a double-quoted string
   * written as US-ASCII followed by 0x00.
   */
  static byte[] of(String spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < spec.length()) {
      char c = spec.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '"') {
        int end = spec.indexOf('"', i + 1);
        out.writeBytes(spec.substring(i + 1, end).getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        i = end + 1;
      } else {
        out.write(Integer.parseInt(spec.substring(i, i + 2), 16));
        i += 2;
      }
    }
    return out.toByteArray();
  }
}
