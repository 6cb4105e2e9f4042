package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UintvarTest {

  @Test
  void readsOneOctetUintvarAtItsOffset() throws PduFormatException {
    Uintvar u = Uintvar.read(new byte[] {0x55, 0x7F, 0x00}, 1, 3);
    assertEquals(0x7F, u.value());
    assertEquals(1, u.offset());
    assertEquals(1, u.length());
    assertEquals(2, u.end());
  }

  @Test
  void readsFiveOctetUintvarOf32Bits() throws PduFormatException {
    byte[] b = {(byte) 0x8F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
    Uintvar u = Uintvar.read(b, 0, b.length);
    assertEquals(0xFFFF_FFFFL, u.value());
    assertEquals(5, u.length());
  }

  @Test
  void readsNonMinimalUintvarWithLeadingZeroGroups() throws PduFormatException {
    byte[] b = {(byte) 0x80, (byte) 0x81, 0x00};
    Uintvar u = Uintvar.read(b, 0, b.length);
    assertEquals(128, u.value());
    assertEquals(3, u.length());
  }

  @Test
  void rejectsUintvarLongerThanFiveOctetsWithItsOffset() {
    byte[] b = {0x00, 0x00, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x81, 0x01};
    PduFormatException e =
        assertThrows(PduFormatException.class, () -> Uintvar.read(b, 2, b.length));
    assertEquals(PduFormatException.Reason.MALFORMED_UINTVAR, e.reason());
    assertEquals(2, e.offset());
  }

  @Test
  void rejectsUintvarAbove32Bits() {
    byte[] b = {(byte) 0x90, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
    PduFormatException e =
        assertThrows(PduFormatException.class, () -> Uintvar.read(b, 0, b.length));
    assertEquals(PduFormatException.Reason.MALFORMED_UINTVAR, e.reason());
  }

  @Test
  void rejectsUintvarRunningPastTheLimit() {
    byte[] b = {(byte) 0x81, (byte) 0x81, 0x01};
    assertThrows(PduFormatException.class, () -> Uintvar.read(b, 0, 2));
  }

  @Test
  void rejectsRangeOutsideTheArray() {
    assertThrows(IllegalArgumentException.class, () -> Uintvar.read(new byte[2], 1, 3));
  }

  @Test
  void writesCanonicalOctetsThatReadBack() throws PduFormatException {
    assertArrayEquals(new byte[] {0x00}, Uintvar.octets(0));
    assertArrayEquals(new byte[] {(byte) 0x81, 0x00}, Uintvar.octets(128));
    for (long v : new long[] {0, 1, 127, 128, 16_383, 16_384, 0xFFFF_FFFFL}) {
      byte[] o = Uintvar.octets(v);
      assertEquals(v, Uintvar.read(o, 0, o.length).value());
      assertEquals(o.length, Uintvar.read(o, 0, o.length).length());
    }
  }
}
