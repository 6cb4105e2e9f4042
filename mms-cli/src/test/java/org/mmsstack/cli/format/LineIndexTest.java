package org.mmsstack.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineIndexTest {

  @Test
  void givesTheLineOfEveryOffsetAsCountingLineFeedsBeforeItWould() {
    for (String text :
        new String[] {"", "\n", "a", "From: a\r\nTo: b\r\n\r\nbody", "\n\nx\n", "a\nb\rc\r\n"}) {
      byte[] b = text.getBytes(StandardCharsets.US_ASCII);
      LineIndex index = LineIndex.of(b);
      int line = 1;
      for (int offset = 0; offset <= b.length; offset++) {
        assertEquals(line, index.line(offset), text + " @ " + offset);
        if (offset < b.length && b[offset] == '\n') {
          line++;
        }
      }
    }
  }

  @Test
  void anOffsetOutsideTheTextHasNoLine() {
    LineIndex index = LineIndex.of("a\nb".getBytes(StandardCharsets.US_ASCII));
    assertEquals(-1, index.line(-1));
    assertEquals(-1, index.line(4));
    assertEquals(-1, index.line(Long.MAX_VALUE));
  }
}
