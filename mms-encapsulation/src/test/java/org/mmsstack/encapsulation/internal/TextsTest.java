package org.mmsstack.encapsulation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Unlabelled text: ASCII as such, valid UTF-8 as UTF-8, anything else as ISO-8859-1. */
class TextsTest {

  private static String decode(byte[] b) {
    // In the middle of a larger array, as the decoder calls it.
    byte[] padded = new byte[b.length + 6];
    padded[0] = (byte) 0x8C;
    padded[1] = (byte) 0xFF;
    padded[2] = (byte) 0xFE;
    System.arraycopy(b, 0, padded, 3, b.length);
    padded[padded.length - 3] = (byte) 0xC3;
    return Texts.decodeUnlabelled(padded, 3, b.length);
  }

  @Test
  void asciiUtf8AndLatin1() {
    assertEquals("", decode(new byte[0]));
    assertEquals("OgQKKB", decode("OgQKKB".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("Grüße", decode("Grüße".getBytes(StandardCharsets.UTF_8)));
    assertEquals("Grüße", decode("Grüße".getBytes(StandardCharsets.ISO_8859_1)));
    // A replacement character sent as UTF-8 is text like any other.
    assertEquals("a\uFFFDb", decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyOctetStringOfRandomInputDecodesAsTheRuleSays() {
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[random.nextInt(100)]; // short text has a path of its own
      for (int i = 0; i < b.length; i++) {
        // Mostly ASCII, sometimes a high octet (two in a row are now and then valid UTF-8).
        int r = random.nextInt(20);
        b[i] = (byte) (r == 0 ? 0x80 + random.nextInt(0x80) : 0x20 + random.nextInt(0x5F));
      }
      assertEquals(expected(b), decode(b), () -> HexFormat.of().formatHex(b));
    }
  }

  /** The rule, written plainly. */
  private static String expected(byte[] b) {
    boolean ascii = true;
    for (byte x : b) {
      ascii &= x >= 0;
    }
    if (ascii) {
      return new String(b, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }
}
