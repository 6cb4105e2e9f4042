package org.mmsstack.mm4.mime;

/** Which Content-Transfer-Encoding can carry which data (RFC 2045 §2.7-2.9, §6). */
final class Encodings {

  private Encodings() {}

  /**
   * 7bit when the data already is short CRLF lines of US-ASCII; else quoted-printable for text,
   * base64 for the rest. The check stops at the first octet 7bit cannot carry, so binary data
   * costs a few octets, not a pass.
   */
  static TransferEncoding choose(MediaType type, byte[] data, int off, int len) {
    if (canCarry(TransferEncoding.SEVEN_BIT, data, off, len)) {
      return TransferEncoding.SEVEN_BIT;
    }
    return type.type().equals("text") ? TransferEncoding.QUOTED_PRINTABLE : TransferEncoding.BASE64;
  }

  /** Whether {@code te} can carry {@code data} unchanged. */
  static boolean canCarry(TransferEncoding te, byte[] data, int off, int len) {
    switch (te) {
      case SEVEN_BIT:
        return lines(data, off, off + len, true);
      case EIGHT_BIT:
        return lines(data, off, off + len, false);
      default:
        return true;
    }
  }

  private static boolean lines(byte[] d, int from, int to, boolean sevenBit) {
    int lineLen = 0;
    for (int i = from; i < to; i++) {
      int c = d[i] & 0xff;
      if (c == 0 || (sevenBit && c > 127)) {
        return false;
      }
      if (c == '\r') {
        if (i + 1 >= to || d[i + 1] != '\n') {
          return false;
        }
        i++;
        lineLen = 0;
        continue;
      }
      if (c == '\n') {
        return false;
      }
      if (++lineLen > 998) {
        return false;
      }
    }
    return true;
  }
}
