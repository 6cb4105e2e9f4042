package org.mmsstack.mm4.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The word-at-a-time line check agrees with a plain octet loop on every kind of data. */
class EncodingsTest {

  /** The rule spelled out: CRLF lines of at most 998 octets, no NUL, no 8-bit for 7bit. */
  private static boolean reference(byte[] d, int from, int to, boolean sevenBit) {
    int lineLen = 0;
    for (int i = from; i < to; i++) {
      int c = d[i] & 0xff;
      if (c == 0 || (sevenBit && c > 127) || c == '\n') {
        return false;
      }
      if (c == '\r') {
        if (i + 1 >= to || d[i + 1] != '\n') {
          return false;
        }
        i++;
        lineLen = 0;
      } else if (++lineLen > 998) {
        return false;
      }
    }
    return true;
  }

  @Test
  void agreesWithTheOctetLoop() {
    SplittableRandom r = new SplittableRandom(5);
    byte[] specials = {'\r', '\n', 0, (byte) 0x80, (byte) 0xff, '\t', 0x0d, 0x0e, 0x7f, 1};
    for (int round = 0; round < 30_000; round++) {
      int len = r.nextInt(0, round % 10 == 0 ? 2_100 : 40);
      byte[] d = new byte[len + 4];
      for (int i = 0; i < d.length; i++) {
        d[i] = (byte) r.nextInt(0x20, 0x7f);
      }
      // Line ends at random places, so that some lines come near 998 octets.
      int lineEvery = r.nextInt(1, 1_100);
      for (int i = lineEvery; i + 1 < d.length; i += lineEvery) {
        d[i] = '\r';
        d[i + 1] = '\n';
      }
      int oddities = r.nextInt(0, 3);
      for (int k = 0; k < oddities && len > 0; k++) {
        d[2 + r.nextInt(len)] = specials[r.nextInt(specials.length)];
      }
      int from = r.nextInt(0, 3);
      int to = Math.max(from, 2 + len);
      for (TransferEncoding te :
          new TransferEncoding[] {TransferEncoding.SEVEN_BIT, TransferEncoding.EIGHT_BIT}) {
        boolean seven = te == TransferEncoding.SEVEN_BIT;
        assertEquals(
            reference(d, from, to, seven),
            Encodings.canCarry(te, d, from, to - from),
            () -> te + " round " + "len " + len);
      }
    }
  }
}
