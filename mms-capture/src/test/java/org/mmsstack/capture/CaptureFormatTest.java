package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mmsstack.capture.TestCaptures.ascii;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CaptureFormatTest {

  @Test
  void detectsEachKindByContent() {
    byte[] frame = CaptureWriter.udpFrame(TestCaptures.PPG, TestCaptures.PHONE_PUSH, new byte[4]);
    for (CaptureWriter.Format f : CaptureWriter.Format.values()) {
      for (ByteOrder o : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
        byte[] cap = TestCaptures.capture(f, o, 1, List.of(frame));
        assertEquals(
            f == CaptureWriter.Format.PCAPNG ? CaptureFormat.PCAPNG : CaptureFormat.PCAP,
            CaptureFormat.detect(cap),
            f + " " + o);
      }
    }
    assertEquals(
        CaptureFormat.PCAP,
        CaptureFormat.detect(new byte[] {(byte) 0x34, (byte) 0xCD, (byte) 0xB2, (byte) 0xA1}));
    assertEquals(
        CaptureFormat.MMS_PDU, CaptureFormat.detect(new byte[] {(byte) 0x8C, (byte) 0x97}));
    assertEquals(
        CaptureFormat.UNKNOWN, CaptureFormat.detect(new byte[] {(byte) 0x8C, (byte) 0x98}));
    assertEquals(
        CaptureFormat.WSP_PUSH,
        CaptureFormat.detect(new byte[] {1, 6, 1, (byte) 0xBE, (byte) 0x8C, (byte) 0x82}));
    assertEquals(CaptureFormat.HEX_TEXT, CaptureFormat.detect(ascii("8c 82 98\n")));
    assertEquals(CaptureFormat.UNKNOWN, CaptureFormat.detect(ascii("hello")));
    assertEquals(CaptureFormat.UNKNOWN, CaptureFormat.detect(new byte[0]));
    assertEquals(
        CaptureFormat.UNKNOWN,
        CaptureFormat.detect(new byte[] {0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 28, 1, 2, 3, 4}));
  }

  @Test
  void decodesXxdOutput() throws CaptureFormatException {
    String xxd =
        "00000000: 0106 2461 7070 6c69 6361 7469 6f6e 2f76  ..$application/v\n"
            + "00000010: 6e64 2e77                                nd.w\n";
    assertArrayEquals(
        new byte[] {
          1, 6, 0x24, 'a', 'p', 'p', 'l', 'i', 'c', 'a', 't', 'i', 'o', 'n', '/', 'v', 'n', 'd',
          '.', 'w'
        },
        HexText.decode(xxd));
  }

  @Test
  void decodesHexdumpCanonicalOutput() throws CaptureFormatException {
    String dump =
        "00000000  8c 82 98 41 42 00 8d 90  89 20 20 7c 20 7c 00 00  |...AB....  | |..|\n"
            + "00000010  01                                                |.|\n"
            + "00000011\n";
    byte[] b = HexText.decode(dump);
    assertEquals(17, b.length);
    assertEquals((byte) 0x8C, b[0]);
    assertEquals((byte) 0x7C, b[11]);
    assertEquals(1, b[16]);
  }

  @Test
  void decodesPlainHexInAnyLayout() throws CaptureFormatException {
    assertArrayEquals(
        new byte[] {(byte) 0x8C, (byte) 0x80, 0x0A}, HexText.decode("  8C80\r\n\t0a "));
    assertArrayEquals(new byte[] {(byte) 0x8C, (byte) 0x80}, HexText.decode("0x8c, 0x80"));
  }

  @Test
  void rejectsTextThatIsNotHex() {
    CaptureFormatException e =
        assertThrows(CaptureFormatException.class, () -> HexText.decode("8c 80\n8g"));
    assertEquals(CaptureFormatException.Reason.NOT_HEX, e.reason());
    assertEquals(7, e.offset());
    assertThrows(CaptureFormatException.class, () -> HexText.decode("8c8"));
  }

  @Test
  void hexRoundTripsRandomBytes() throws CaptureFormatException {
    Random rnd = new Random(42);
    for (int n = 0; n < 200; n++) {
      byte[] b = new byte[rnd.nextInt(64)];
      rnd.nextBytes(b);
      StringBuilder xxd = new StringBuilder();
      for (int off = 0; off < b.length; off += 16) {
        xxd.append(String.format("%08x: ", off));
        StringBuilder ascii = new StringBuilder();
        for (int i = off; i < off + 16; i++) {
          if (i < b.length) {
            xxd.append(String.format("%02x", b[i]));
            ascii.append(b[i] >= 0x20 && b[i] < 0x7F ? (char) b[i] : '.');
          } else {
            xxd.append("  ");
          }
          if ((i & 1) == 1) {
            xxd.append(' ');
          }
        }
        xxd.append(' ').append(ascii).append('\n');
      }
      assertArrayEquals(b, HexText.decode(xxd), xxd.toString());
    }
  }
}
