package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.EncodedString;

/** Caller mistakes in EncodedString's range factories are named exceptions, not index errors. */
class EncodedStringTest {

  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void rangesOutsideTheArrayAreIllegalArguments() {
    int[][] bad = {
      {-1, 1}, {0, -1}, {0, 4}, {2, 2}, {4, 0}, {Integer.MAX_VALUE, 1}, {1, Integer.MAX_VALUE}
    };
    for (int[] r : bad) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> EncodedString.viewOf(ABC, r[0], r[1]));
      assertTrue(e.getMessage().contains("off: " + r[0] + ", len: " + r[1]), e.getMessage());
      assertTrue(e.getMessage().contains("3-octet"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> EncodedString.viewOf(CharacterSet.UTF_8, ABC, r[0], r[1]));
      assertThrows(IllegalArgumentException.class, () -> EncodedString.ofOctets(ABC, r[0], r[1]));
      assertThrows(
          IllegalArgumentException.class,
          () -> EncodedString.ofOctets(CharacterSet.UTF_8, ABC, r[0], r[1]));
    }
  }

  @Test
  void aNullArrayIsNamed() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> EncodedString.viewOf(null, 0, 0));
    assertEquals("src", e.getMessage());
    assertThrows(
        NullPointerException.class, () -> EncodedString.viewOf(CharacterSet.UTF_8, null, 0, 0));
  }

  @Test
  void rangesWithinTheArrayAreViews() {
    assertEquals("bc", EncodedString.viewOf(ABC, 1, 2).text());
    assertEquals("", EncodedString.viewOf(ABC, 3, 0).text());
    assertEquals("a", EncodedString.ofOctets(ABC, 0, 1).text());
    assertEquals(EncodedString.viewOf(ABC, 0, 3), EncodedString.ofOctets(ABC, 0, 3));
  }

  @Test
  void asciiStartingWithAControlCharacterTakesTheUtf8FormAndReadsBack() throws Exception {
    assertTrue(EncodedString.of("Hello").charset().isEmpty());
    EncodedString tab = EncodedString.of("\tHello");
    assertEquals(CharacterSet.UTF_8, tab.charset().orElseThrow());
    Pdu built =
        RetrieveConf.builder()
            .date(java.time.Instant.EPOCH)
            .subject(tab)
            .body(
                org.mmsstack.encapsulation.value.ContentType.of(
                    org.mmsstack.encapsulation.value.MediaType.TEXT_PLAIN),
                org.mmsstack.encapsulation.body.SinglePartBody.of(new byte[] {'x'}))
            .build();
    Pdu back = PduCodec.decode(PduCodec.encode(built), DecodeConfig.STRICT);
    assertEquals("\tHello", back.get(HeaderField.SUBJECT).orElseThrow().text());
  }
}
