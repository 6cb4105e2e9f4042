package org.mmsstack.encapsulation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.wire.Findings;
import org.mmsstack.encapsulation.internal.wire.WspReader;

/**
 * The contract of {@link PlainValues}: whatever it steps over, the full reader accepts without
 * a finding and ends at the same octet. Checked over every input of up to two octets and over a
 * million generated values per kind, drawn from the octets each grammar branches on.
 */
class PlainValuesTest {

  /** Octets where the WSP grammars branch, plus ordinary text. */
  private static final byte[] ALPHABET =
      bytes(
          "00 01 02 03 04 06 07 08 09 0A 0B 17 19 1E 1F 20 22 2F 41 61 7E 7F"
              + " 80 81 82 83 84 89 8A 8E B3 C0 FF");

  private static final int MAX_TEXT = 12;

  /** Kinds too rare to be worth a plain form: every value of theirs goes to the full reader. */
  private static final Set<ValueKind> ALWAYS_FULL_READER =
      EnumSet.of(
          ValueKind.MESSAGE_TYPE,
          ValueKind.PREVIOUSLY_SENT_BY,
          ValueKind.PREVIOUSLY_SENT_DATE,
          ValueKind.MM_FLAGS,
          ValueKind.MBOX_COUNT,
          ValueKind.ELEMENT_DESCRIPTOR,
          ValueKind.ATTRIBUTE,
          ValueKind.RAW,
          ValueKind.INDEXED_TEXT,
          ValueKind.INDEXED_OCTET,
          ValueKind.INDEXED_ENCODED_STRING,
          ValueKind.APPLICATION);

  @ParameterizedTest
  @EnumSource(ValueKind.class)
  void everyShortInputAgrees(ValueKind kind) {
    for (int length = 0; length <= 2; length++) {
      for (int v = 0; v < 1 << (8 * length); v++) {
        byte[] in = new byte[length];
        for (int k = 0; k < length; k++) {
          in[k] = (byte) (v >>> (8 * k));
        }
        check(kind, in);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ValueKind.class)
  void generatedValuesAgree(ValueKind kind) {
    Random random = new Random(kind.ordinal() * 31L + 7);
    int plain = 0;
    for (int n = 0; n < 1_000_000; n++) {
      byte[] in = new byte[1 + random.nextInt(20)];
      for (int k = 0; k < in.length; k++) {
        in[k] =
            random.nextInt(4) == 0
                ? (byte) random.nextInt(256)
                : ALPHABET[random.nextInt(ALPHABET.length)];
      }
      if (check(kind, in)) {
        plain++;
      }
    }
    if (ALWAYS_FULL_READER.contains(kind)) {
      assertEquals(0, plain, kind + " has no plain form: the full reader takes all of it");
    } else {
      assertTrue(plain > 50, kind + ": only " + plain + " generated values were plain");
    }
  }

  @Test
  void theFormsConformingComposersWriteArePlain() {
    assertPlain(ValueKind.TEXT, "41 42 00");
    assertPlain(ValueKind.ENCODED_STRING, "1F 06 EA 7F C3 A9 61 00"); // UTF-8 text after its Quote
    assertPlain(ValueKind.ENCODED_STRING, "04 83 61 62 00");
    assertPlain(ValueKind.FROM, "06 80 2B 31 32 33 00");
    assertPlain(ValueKind.FROM, "01 81");
    assertPlain(ValueKind.TIME, "05 81 03 03 F4 80");
    assertPlain(ValueKind.DATE, "04 4D E8 DC B9");
    assertPlain(
        ValueKind.CONTENT_TYPE,
        "1B B3 89 61 70 70 6C 69 63 61 74 69 6F 6E 2F 73 6D 69 6C 00" + " 8A 3C 53 4D 49 4C 3E 00");
    assertPlain(ValueKind.CONTENT_TYPE, "0A 83 81 EA 85 61 2E 74 78 74 00");
    // untyped parameters: cs=utf (Token-text), a=1 (Short-integer)
    assertPlain(ValueKind.CONTENT_TYPE, "0B 83 63 73 00 75 74 66 00 61 00 81");
  }

  @Test
  void theHeaderScanRecordsEveryHeaderAndStopsWhereItMust() {
    byte[] forms = new byte[256];
    forms[0x98] = PlainValues.formOf(ValueKind.TEXT);
    forms[0x8A] = PlainValues.formOf(ValueKind.MESSAGE_CLASS);
    forms[0x8E] = PlainValues.formOf(ValueKind.LONG);
    forms[0x84] = PlainValues.formOf(ValueKind.CONTENT_TYPE);
    // Transaction-Id, Message-Class, Message-Size, Content-Type, then two body octets.
    byte[] pdu = bytes("98 41 42 00 8A 80 8E 02 5A 1D 84 B3 01 02");
    int[] starts = new int[8];
    assertEquals(4, PlainValues.scanHeaders(forms, pdu, 0, pdu.length, 100, starts, 0, 100));
    assertEquals(
        List.of(0, 4, 6, 10, 12), box(starts, 5)); // stops after the Content-Type: the body

    starts = new int[8];
    assertEquals(2, PlainValues.scanHeaders(forms, pdu, 0, pdu.length, 100, starts, 0, 2));
    assertEquals(List.of(0, 4, 6), box(starts, 3)); // maxHeaders reached

    starts = new int[3];
    assertEquals(2, PlainValues.scanHeaders(forms, pdu, 0, pdu.length, 100, starts, 0, 100));
    assertEquals(List.of(0, 4, 6), box(starts, 3)); // room for the stop index only

    starts = new int[8];
    starts[0] = 99;
    assertEquals(4, PlainValues.scanHeaders(forms, pdu, 4, pdu.length, 100, starts, 1, 100));
    assertEquals(List.of(99, 4, 6, 10, 12), box(starts, 5)); // goes on from a count already there

    byte[] unknownField = bytes("98 41 00 99 80 8A 80");
    starts = new int[8];
    assertEquals(
        1,
        PlainValues.scanHeaders(forms, unknownField, 0, unknownField.length, 100, starts, 0, 100));
    assertEquals(List.of(0, 3), box(starts, 2)); // before the field with no plain form

    byte[] notPlain = bytes("8A 80 98 41 42"); // a text without its 0x00
    starts = new int[8];
    assertEquals(
        1, PlainValues.scanHeaders(forms, notPlain, 0, notPlain.length, 100, starts, 0, 100));
    assertEquals(List.of(0, 2), box(starts, 2));

    starts = new int[8];
    assertEquals(
        0, PlainValues.scanHeaders(forms, pdu, 0, pdu.length, 1, starts, 0, 100)); // over maxText
    assertEquals(0, starts[0]);
    assertEquals(
        0, PlainValues.scanHeaders(forms, pdu, 0, 1, 100, starts, 0, 100)); // a field octet alone
  }

  @Test
  void theSmallPduScanPacksEveryHeaderOrNone() {
    byte[] forms = new byte[256];
    forms[0x98] = PlainValues.formOf(ValueKind.TEXT);
    forms[0x8A] = PlainValues.formOf(ValueKind.MESSAGE_CLASS);
    forms[0x8E] = PlainValues.formOf(ValueKind.LONG);
    forms[0x84] = PlainValues.formOf(ValueKind.CONTENT_TYPE);
    // Message-Type, Transaction-Id, Message-Class, Message-Size: headers at 0, 2, 6 and 8.
    byte[] pdu = bytes("8C 82 98 41 42 00 8A 80 8E 02 5A 1D");
    long packed = PlainValues.scanPacked(forms, pdu, 0, pdu.length, 100, 100);
    assertEquals(2L << 7 | 6L << 14 | 8L << 21, packed);
    assertEquals(4, PlainValues.packedCount(packed));
    // The same at an offset: relative to the PDU's start.
    byte[] shifted = new byte[pdu.length + 3];
    System.arraycopy(pdu, 0, shifted, 3, pdu.length);
    assertEquals(packed, PlainValues.scanPacked(forms, shifted, 3, shifted.length, 100, 100));
    // The message type alone.
    assertEquals(0, PlainValues.scanPacked(forms, pdu, 0, 2, 100, 100));
    assertEquals(1, PlainValues.packedCount(0));

    assertEquals(-1, PlainValues.scanPacked(forms, pdu, 0, pdu.length, 100, 3)); // maxHeaders
    assertEquals(-1, PlainValues.scanPacked(forms, pdu, 0, pdu.length, 1, 100)); // over maxText
    assertEquals(-1, PlainValues.scanPacked(forms, pdu, 0, pdu.length - 1, 100, 100)); // cut
    byte[] withBody = bytes("8C 82 8A 80 84 B3 01 02");
    assertEquals(-1, PlainValues.scanPacked(forms, withBody, 0, withBody.length, 100, 100));
    byte[] unknownField = bytes("8C 82 8A 80 99 80");
    assertEquals(-1, PlainValues.scanPacked(forms, unknownField, 0, unknownField.length, 100, 100));

    // Nine headers fill the 63 bits; a tenth is the array's work.
    StringBuilder nine = new StringBuilder("8C 82");
    for (int k = 1; k < 9; k++) {
      nine.append(" 8A 80");
    }
    byte[] nineHeaders = bytes(nine.toString());
    packed = PlainValues.scanPacked(forms, nineHeaders, 0, nineHeaders.length, 100, 100);
    assertEquals(9, PlainValues.packedCount(packed));
    assertEquals(16, (int) (packed >>> 56) & 0x7F);
    byte[] tenHeaders = bytes(nine + " 8A 80");
    assertEquals(-1, PlainValues.scanPacked(forms, tenHeaders, 0, tenHeaders.length, 100, 100));
  }

  private static List<Integer> box(int[] a, int n) {
    return java.util.Arrays.stream(a, 0, n).boxed().toList();
  }

  @Test
  void theWordAtATimeTerminatorSearchFindsTheFirstNul() {
    Random random = new Random(3);
    for (int n = 0; n < 200_000; n++) {
      // Zeros dense, sparse, or just one: the first, second and later words and the tail all
      // hold the first one often enough.
      byte[] in = new byte[random.nextInt(80)];
      int density = n % 3 == 0 ? 8 : n % 3 == 1 ? 64 : Integer.MAX_VALUE;
      for (int k = 0; k < in.length; k++) {
        int pick = random.nextInt(8);
        in[k] = (byte) (pick == 1 ? 0x80 : pick == 2 ? 0x01 : 1 + random.nextInt(255));
        if (random.nextInt(density) == 0) {
          in[k] = 0;
        }
      }
      if (density == Integer.MAX_VALUE && in.length > 0 && random.nextBoolean()) {
        in[random.nextInt(in.length)] = 0;
      }
      int from = in.length == 0 ? 0 : random.nextInt(in.length + 1);
      int to = from + random.nextInt(in.length - from + 1);
      int expected = -1;
      for (int i = from; i < to; i++) {
        if (in[i] == 0) {
          expected = i;
          break;
        }
      }
      assertEquals(
          expected, WspReader.indexOfNul(in, from, to), () -> HexFormat.of().formatHex(in));
    }
  }

  @Test
  void uintvarsReadAsTheFullReaderReadsThem() throws PduFormatException {
    Random random = new Random(5);
    int checked = 0;
    for (int n = 0; n < 1_000_000; n++) {
      byte[] in = new byte[random.nextInt(7)];
      for (int k = 0; k < in.length; k++) {
        in[k] = (byte) (random.nextBoolean() ? 0x80 | random.nextInt(128) : random.nextInt(256));
      }
      int end = PlainValues.uintvarEnd(in, 0, in.length);
      WspReader r = new WspReader(in, 0, in.length);
      if (end < 0) {
        assertThrows(PduFormatException.class, r::readUintvar, () -> HexFormat.of().formatHex(in));
        continue;
      }
      long value = PlainValues.uintvarValue(in, 0);
      if (value > 0xFFFFFFFFL) {
        assertThrows(PduFormatException.class, r::readUintvar, () -> HexFormat.of().formatHex(in));
        continue;
      }
      assertEquals(r.readUintvar(), value);
      assertEquals(r.index(), end);
      checked++;
    }
    assertTrue(checked > 100_000);
    assertEquals(5, PlainValues.uintvarEnd(bytes("8F FF FF FF 7F"), 0, 5));
    assertEquals(0xFFFFFFFFL, PlainValues.uintvarValue(bytes("8F FF FF FF 7F"), 0));
    assertEquals(-1, PlainValues.uintvarEnd(bytes("81 80 80 80 80 00"), 0, 6));
    assertEquals(-1, PlainValues.uintvarEnd(bytes("81"), 0, 1));
  }

  private static void assertPlain(ValueKind kind, String hex) {
    byte[] in = bytes(hex);
    assertEquals(in.length, skip(kind, in, 1000), kind + " " + hex);
    check(kind, in);
  }

  /**
   * Steps over one value of {@code kind} the way the decoder does: a header scan over a field
   * octet whose form is that kind's (scanHeaders holds the only dispatch on forms).
   *
   * @return the value's end in {@code value}, or {@code -1} if it is not plain
   */
  private static int skip(ValueKind kind, byte[] value, int maxText) {
    byte[] in = new byte[value.length + 1];
    in[0] = (byte) 0x85;
    System.arraycopy(value, 0, in, 1, value.length);
    byte[] forms = new byte[256];
    forms[0x85] = PlainValues.formOf(kind);
    int[] starts = new int[2];
    int m = PlainValues.scanHeaders(forms, in, 0, in.length, maxText, starts, 0, 1);
    int end = m == 1 ? starts[1] - 1 : -1;
    // The small PDUs' scan holds the same dispatch: after an X-Mms-Message-Type, the same field
    // is plain for it exactly when it is for scanHeaders and ends the PDU (a Content-Type never
    // is: a body follows it).
    if (end < 0 || end == value.length) {
      byte[] pdu = new byte[in.length + 2];
      pdu[0] = (byte) 0x8C;
      pdu[1] = (byte) 0x80;
      System.arraycopy(in, 0, pdu, 2, in.length);
      long packed = PlainValues.scanPacked(forms, pdu, 0, pdu.length, maxText, 9);
      boolean expected = end >= 0 && kind != ValueKind.CONTENT_TYPE;
      assertEquals(expected ? 2L << 7 : -1L, packed, kind + " " + HexFormat.of().formatHex(in));
    }
    return end;
  }

  /** Fails if the plain reader accepts what the full reader does not; returns whether it accepted. */
  private static boolean check(ValueKind kind, byte[] in) {
    int end = skip(kind, in, MAX_TEXT);
    if (end < 0) {
      return false;
    }
    Findings findings = new Findings(true);
    WspReader r = new WspReader(in, 0, in.length);
    try {
      ValueCodec.read(kind, 0x0F, r, findings, MAX_TEXT, true);
    } catch (PduFormatException | RuntimeException e) {
      fail(
          kind
              + " "
              + HexFormat.ofDelimiter(" ").formatHex(in)
              + ": plain up to "
              + end
              + ", but the full reader says "
              + e);
    }
    List<?> reported = findings.toList();
    assertEquals(List.of(), reported, kind + " " + HexFormat.ofDelimiter(" ").formatHex(in));
    assertEquals(r.index(), end, kind + " " + HexFormat.ofDelimiter(" ").formatHex(in));
    return true;
  }

  private static byte[] bytes(String hex) {
    return HexFormat.ofDelimiter(" ").parseHex(hex);
  }
}
