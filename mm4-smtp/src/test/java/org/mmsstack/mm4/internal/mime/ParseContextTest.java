package org.mmsstack.mm4.internal.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Config;

/** Lines of findings: line feeds counted eight octets a step, as one at a time would. */
class ParseContextTest {

  @Test
  void lineFeedsCountedByWordsAgreeWithOctetByOctet() {
    SplittableRandom r = new SplittableRandom(3);
    byte[] alphabet = {'\n', '\r', 'a', (byte) 0x8a, 0, (byte) 0xff, 0x0b, 0x09};
    for (int k = 0; k < 5_000; k++) {
      byte[] b = new byte[r.nextInt(0, 100)];
      for (int i = 0; i < b.length; i++) {
        b[i] = alphabet[r.nextInt(alphabet.length)];
      }
      int from = r.nextInt(0, b.length + 1);
      int to = r.nextInt(from, b.length + 1);
      int expected = 0;
      for (int i = from; i < to; i++) {
        expected += b[i] == '\n' ? 1 : 0;
      }
      assertEquals(expected, ParseContext.countLineFeeds(b, from, to));
      // Asked in any order, line() answers 1 + the line feeds before the position.
      ParseContext ctx = new ParseContext(b, 0, Mm4Config.DEFAULT);
      for (int q = 0; q < 3; q++) {
        int pos = r.nextInt(0, b.length + 1);
        assertEquals(1 + ParseContext.countLineFeeds(b, 0, pos), ctx.line(pos));
      }
    }
  }
}
