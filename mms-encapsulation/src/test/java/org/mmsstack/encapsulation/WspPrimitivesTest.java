package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.internal.wire.WspWriter;

/**
 * Golden byte vectors of the WSP primitives (WAP-230 8.4 as MMS uses them), written by the one
 * writer and read by the one reader of the module, in both directions.
 */
class WspPrimitivesTest {

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  static WspReader reader(String hex) {
    byte[] b = hex(hex);
    return new WspReader(b, 0, b.length);
  }

  static String written(java.util.function.Consumer<WspWriter> body) {
    WspWriter w = new WspWriter(8);
    body.accept(w);
    return HexFormat.of().formatHex(w.toByteArray()).toUpperCase(Locale.ROOT);
  }

  @ParameterizedTest(name = "Short-integer {0} = {1}")
  @CsvSource({"0, 80", "5, 85", "127, FF"})
  void shortInteger(int value, String wire) throws Exception {
    assertEquals(wire, written(w -> w.writeShortInteger(value)));
    assertEquals(value, reader(wire).readShortInteger());
  }

  @Test
  void shortIntegerRejectsOctetWithoutHighBit() {
    PduFormatException e =
        assertThrows(PduFormatException.class, () -> reader("05").readShortInteger());
    assertEquals(PduFormatException.Reason.MALFORMED_VALUE, e.reason());
    assertEquals(0, e.offset());
  }

  @ParameterizedTest(name = "Long-integer {0} = {1}")
  @CsvSource({
    "0, 0100",
    "1, 0101",
    "255, 01FF",
    "256, 020100",
    "1069542000, 043FBFEA70",
    "4294967295, 04FFFFFFFF",
    "9223372036854775807, 087FFFFFFFFFFFFFFF"
  })
  void longInteger(long value, String wire) throws Exception {
    assertEquals(wire, written(w -> w.writeLongInteger(value)));
    assertEquals(value, reader(wire).readLongInteger());
  }

  @Test
  void longIntegerOfNoOctetsIsZero() throws Exception {
    // AOSP's composer writes a zero Date/Expiry this way.
    assertEquals(0, reader("00").readLongInteger());
  }

  @Test
  void longIntegerWiderThanEightOctetsIsATypedError() {
    PduFormatException e =
        assertThrows(
            PduFormatException.class,
            () -> reader("09 01 02 03 04 05 06 07 08 09").readLongInteger());
    assertEquals(PduFormatException.Reason.INTEGER_TOO_WIDE, e.reason());
  }

  @ParameterizedTest(name = "Integer-value {0} = {1}")
  @CsvSource({"0, 80", "127, FF", "128, 0180", "1000, 0203E8"})
  void integerValue(long value, String wire) throws Exception {
    assertEquals(wire, written(w -> w.writeIntegerValue(value)));
    assertEquals(value, reader(wire).readIntegerValue());
  }

  @ParameterizedTest(name = "Uintvar {0} = {1}")
  @CsvSource({
    "0, 00",
    "127, 7F",
    "128, 8100",
    "300, 822C",
    "16383, FF7F",
    "16384, 818000",
    "2097151, FFFF7F",
    "4294967295, 8FFFFFFF7F"
  })
  void uintvar(long value, String wire) throws Exception {
    assertEquals(wire, written(w -> w.writeUintvar(value)));
    assertEquals(value, reader(wire).readUintvar());
  }

  @ParameterizedTest(name = "non-minimal Uintvar {1} = {0}")
  @CsvSource({"127, 807F", "16383, 80FF7F", "2097151, 80FFFF7F", "0, 8080808000"})
  void nonMinimalUintvarDecodes(long value, String wire) throws Exception {
    // AOSP's composer writes these.
    assertEquals(value, reader(wire).readUintvar());
  }

  @Test
  void uintvarOfSixOctetsIsRejected() {
    PduFormatException e =
        assertThrows(PduFormatException.class, () -> reader("80 80 80 80 80 01").readUintvar());
    assertEquals(PduFormatException.Reason.MALFORMED_UINTVAR, e.reason());
  }

  @Test
  void uintvarAbove32BitsIsRejected() {
    assertEquals(
        PduFormatException.Reason.MALFORMED_UINTVAR,
        assertThrows(PduFormatException.class, () -> reader("9F FF FF FF 7F").readUintvar())
            .reason());
  }

  @ParameterizedTest(name = "Value-length {0} = {1}")
  @CsvSource({"0, 00", "5, 05", "30, 1E", "31, 1F1F", "300, 1F822C"})
  void valueLength(int length, String wire) throws Exception {
    assertEquals(wire, written(w -> w.writeValueLength(length)));
    byte[] b = new byte[hex(wire).length + length];
    System.arraycopy(hex(wire), 0, b, 0, hex(wire).length);
    assertEquals(length, new WspReader(b, 0, b.length).readValueLength());
  }

  @Test
  void valueLengthQuoteIsAcceptedForSmallLengths() throws Exception {
    assertEquals(5, reader("1F 05 01 02 03 04 05").readValueLength());
  }

  @Test
  void valueLengthPastTheEndIsATypedError() {
    assertEquals(
        PduFormatException.Reason.LENGTH_PAST_END,
        assertThrows(PduFormatException.class, () -> reader("1F 82 2C 00").readValueLength())
            .reason());
  }

  @Test
  void octetAbove0x1FIsNotAValueLength() {
    assertEquals(
        PduFormatException.Reason.MALFORMED_VALUE,
        assertThrows(PduFormatException.class, () -> reader("40").readValueLength()).reason());
  }

  @ParameterizedTest(name = "Text-string {0}")
  @CsvSource(value = {"'', 00", "abc, 61626300", "é, 7FC3A900"})
  void textString(String text, String wire) throws Exception {
    byte[] octets = org.mmsstack.encapsulation.internal.Texts.encodeUnlabelled(text);
    assertEquals(wire, written(w -> w.writeTextString(octets)));
    assertEquals(
        text,
        org.mmsstack.encapsulation.internal.ValueCodec.readTextString(
            reader(wire), null, 100, true));
  }

  /**
   * The writers that take a String store its characters straight into the array: the octets
   * must be those of the byte[] writers over {@code Texts.encodeUnlabelled}, Quote included,
   * for ASCII, for text with a non-ASCII character anywhere, for 0x7F first, for a lone
   * surrogate (which UTF-8 turns into '?') and across the writer's growth.
   */
  @ParameterizedTest(name = "String writers = byte[] writers for {0}")
  @CsvSource(
      value = {
        "''",
        "abc",
        "é",
        "aé",
        "Grüße",
        "\u007Fx",
        "\uD800",
        "a\uDC00b",
        "日本",
        "a long enough text to make the writer grow more than once: 0123456789"
      })
  void stringWritersMatchByteWriters(String escaped) {
    String text = unescape(escaped);
    byte[] octets = org.mmsstack.encapsulation.internal.Texts.encodeUnlabelled(text);
    assertEquals(written(w -> w.writeTextString(octets)), written(w -> w.writeTextString(text)));
    assertEquals(written(w -> w.writeTerminated(octets)), written(w -> w.writeTerminated(text)));
    assertEquals(
        written(w -> w.writeQuotedString(octets)), written(w -> w.writeQuotedString(text)));
    // After other octets too, so that a Quote is inserted in the middle of the array.
    assertEquals(
        written(
            w -> {
              w.writeOctet(0x41);
              w.writeTextString(octets);
            }),
        written(
            w -> {
              w.writeOctet(0x41);
              w.writeTextString(text);
            }));
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\u", i)) {
        sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  @Test
  void superfluousQuoteIsStrippedLeniently() throws Exception {
    assertEquals(
        "A",
        org.mmsstack.encapsulation.internal.ValueCodec.readTextString(
            reader("7F 41 00"), null, 10, true));
  }

  @Test
  void quotedStringHasNoClosingQuote() {
    assertEquals(
        "223C736D696C3E00",
        written(
            w ->
                w.writeQuotedString(
                    "<smil>".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
  }

  @ParameterizedTest(name = "skipValue over {0}")
  @CsvSource({
    "81, 1",
    "0301020399, 4",
    "1F2100" + "000000000000000000000000000000000000000000000000000000000000000000, 35",
    "6162630099, 4",
    "0099, 1"
  })
  void everyValueIsSkippableByItsFirstOctet(String wire, int length) throws Exception {
    WspReader r = reader(wire);
    r.skipValue(1000);
    assertEquals(length, r.index());
  }

  @Test
  void unterminatedTextIsATypedError() {
    assertEquals(
        PduFormatException.Reason.UNTERMINATED_TEXT,
        assertThrows(PduFormatException.class, () -> reader("61 62").skipPastTerminator(100))
            .reason());
  }

  @Test
  void writerRejectsWhatTheWireCannotCarry() {
    assertThrows(IllegalArgumentException.class, () -> new WspWriter(1).writeShortInteger(128));
    assertThrows(IllegalArgumentException.class, () -> new WspWriter(1).writeUintvar(0x100000000L));
    assertThrows(IllegalArgumentException.class, () -> new WspWriter(1).writeLongInteger(-1));
    assertFalse(written(w -> w.writeIntegerValue(0)).isEmpty());
  }

  /**
   * A length kept in one octet before its content (begin/end, reserve/fill) is written as the
   * inserted one is, below and above what one octet holds, nested too.
   */
  @ParameterizedTest(name = "kept length octet for {0} content octets")
  @CsvSource({"0", "1", "30", "31", "127", "128", "300", "16383", "16384", "70000"})
  void keptLengthOctetWritesWhatInsertWrites(int length) {
    assertEquals(
        written(
            w -> {
              w.writeOctet(0xAA);
              int mark = w.mark();
              content(w, length);
              w.insertValueLength(mark);
              int outer = w.mark();
              w.writeOctet(0x01);
              int inner = w.mark();
              content(w, length);
              w.insertValueLength(inner);
              w.insertValueLength(outer);
              int u = w.mark();
              content(w, length);
              w.insertUintvar(u, length);
            }),
        written(
            w -> {
              w.writeOctet(0xAA);
              int mark = w.beginValueLength();
              content(w, length);
              w.endValueLength(mark);
              int outer = w.beginValueLength();
              w.writeOctet(0x01);
              int inner = w.beginValueLength();
              content(w, length);
              w.endValueLength(inner);
              w.endValueLength(outer);
              int u = w.reserveUintvar();
              content(w, length);
              w.fillUintvar(u, length);
            }));
  }

  private static void content(WspWriter w, int length) {
    for (int i = 0; i < length; i++) {
      w.writeOctet(i * 7);
    }
  }

  /** An exact writer is written out of order and hands out its own array, of exactly its size. */
  @Test
  void exactWriterIsWrittenOutOfOrder() {
    byte[] data = {1, 2, 3, 4};
    WspWriter w = WspWriter.exactly(8);
    w.moveTo(3);
    w.writeBytes(data, 1, 3); // the first write makes the array with these octets in it
    w.writeOctet(0x80);
    w.moveTo(0);
    w.writeBytes(new byte[] {9, 9});
    w.writeOctet(7);
    w.moveTo(7);
    w.writeOctet(0x55);
    byte[] out = w.toByteArray();
    assertArrayEquals(hex("09 09 07 02 03 04 80 55"), out);
    assertEquals(8, out.length);
    assertThrows(IllegalStateException.class, () -> new WspWriter(4).moveTo(0));
    assertThrows(IllegalArgumentException.class, () -> WspWriter.exactly(2).moveTo(3));
    assertArrayEquals(new byte[3], WspWriter.exactly(3).buffer());
  }

  @Test
  void insertedLengthsShiftContentAfterTheMark() {
    WspWriter w = new WspWriter(4);
    w.writeOctet(0xAA);
    int mark = w.mark();
    for (int i = 0; i < 300; i++) {
      w.writeOctet(0x55);
    }
    w.insertValueLength(mark);
    byte[] b = w.toByteArray();
    assertArrayEquals(hex("AA 1F 82 2C 55"), java.util.Arrays.copyOf(b, 5));
    assertEquals(1 + 3 + 300, b.length);
  }
}
