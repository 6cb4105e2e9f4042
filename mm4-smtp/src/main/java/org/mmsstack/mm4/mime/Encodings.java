package org.mmsstack.mm4.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Which Content-Transfer-Encoding can carry which data (RFC 2045 §2.7-2.9, §6). */
final class Encodings {

  private Encodings() {}

  /**
   * 7bit when the data already is short CRLF lines of US-ASCII; else quoted-printable for text,
   * base64 for the rest. The check stops at the first octet 7bit cannot carry, so binary data
   * costs a few octets, not a pass.
   */
  static TransferEncoding choose(ContentType type, byte[] data, int off, int len) {
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

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Whether {@code d[from, to)} is lines ended by CRLF of at most 998 octets, without NUL, bare
   * CR or LF, nor (for 7bit) octets over 127. Eight octets at a time while they all lie in
   * {@code 0x0E-0x7F} (one subtraction and one mask per word), octet by octet in a word holding
   * anything else.
   */
  private static boolean lines(byte[] d, int from, int to, boolean sevenBit) {
    int lineStart = from;
    int i = from;
    while (i < to) {
      while (i + 8 <= to) {
        long x = (long) LONGS.get(d, i);
        if ((((x - 0x0E0E0E0E0E0E0E0EL) | x) & 0x8080808080808080L) != 0) {
          break;
        }
        i += 8;
      }
      for (int stop = Math.min(i + 8, to); i < stop; i++) {
        int c = d[i] & 0xff;
        if (c >= 0x0E) {
          if (c >= 0x80 && sevenBit) {
            return false;
          }
        } else if (c == '\r') {
          if (i + 1 >= to || d[i + 1] != '\n' || i - lineStart > 998) {
            return false;
          }
          i++;
          lineStart = i + 1;
        } else if (c == '\n' || c == 0) {
          return false;
        }
      }
    }
    return to - lineStart <= 998;
  }
}
