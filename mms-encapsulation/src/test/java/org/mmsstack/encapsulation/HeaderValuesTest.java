package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.ValueKind;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * Header values read straight from the array ({@link ValueCodec#readPlain}) are the values the
 * full reader builds, for every header of every corpus PDU and for hand-made edge cases.
 */
class HeaderValuesTest {

  @Test
  void plainReadingAgreesWithTheFullReaderOverTheCorpus() throws Exception {
    int plain = 0;
    int full = 0;
    for (Path file : Corpus.files("pdus")) {
      Pdu pdu;
      try {
        pdu = PduCodec.decode(Corpus.read(file));
      } catch (PduFormatException e) {
        continue;
      }
      for (Header h : pdu.headers()) {
        if (!h.isWellFormed() || h.field().isApplication() || !h.field().isKnown()) {
          continue;
        }
        byte[] octets = h.originalEncoding().orElseThrow();
        ValueKind kind = ValueCodec.kindOf(h.field());
        Object fast = ValueCodec.readPlain(kind, h.field().code(), octets, 1, octets.length);
        Object built = fullRead(kind, h.field().code(), octets);
        if (fast != null) {
          plain++;
          assertEquals(built, fast, Corpus.name(file) + " " + h.name());
        } else {
          full++;
        }
        assertEquals(built, h.value(), Corpus.name(file) + " " + h.name());
      }
    }
    assertTrue(
        plain > 5 * full, "most corpus values are plain: " + plain + " plain, " + full + " not");
  }

  /**
   * A typed accessor on a decoded PDU whose headers were never listed reads its value straight
   * from the input; it answers exactly as the listed headers do, for every known field of every
   * corpus PDU.
   */
  @Test
  void directReadsAgreeWithTheListedHeaders() throws Exception {
    for (Path file : Corpus.files("pdus")) {
      byte[] bytes = Corpus.read(file);
      try {
        PduCodec.decode(bytes);
      } catch (PduFormatException e) {
        continue;
      }
      for (HeaderField<?> field : HeaderField.knownFields()) {
        Pdu fresh = PduCodec.decode(bytes);
        Object direct = fresh.get(field);
        Pdu listed = PduCodec.decode(bytes);
        listed.headers();
        assertEquals(listed.get(field), direct, Corpus.name(file) + " " + field.name());
      }
    }
  }

  @Test
  void formsThePlainPathLeavesToTheFullReader() throws Exception {
    List<byte[]> cases = new ArrayList<>();
    cases.add(new byte[] {(byte) 0x8E, 0x00}); // Message-Size: Long-integer of no octets (AOSP)
    cases.add(new byte[] {(byte) 0x8E, (byte) 0x85}); // Message-Size as a Short-integer
    cases.add(new byte[] {(byte) 0x85, 0x07, 0, 0, 0, 0, 0, 0, 1}); // a 7-octet Date
    cases.add(new byte[] {(byte) 0x96, 0x7F, 'a', 0}); // Subject: a Quote before ASCII
    cases.add(new byte[] {(byte) 0x96, 0x04, (byte) 0xEA, 'a', 'b', 0}); // Subject with a charset
    cases.add(
        new byte[] {
          (byte) 0x98, 0x7F, (byte) 0xC3, (byte) 0xA9, 0
        }); // Transaction-Id, Quote, UTF-8
    cases.add(new byte[] {(byte) 0x8A, 'x', '-', 'c', 0}); // Message-Class as a token
    for (byte[] c : cases) {
      int code = c[0] & 0x7F;
      ValueKind kind = ValueCodec.kindOf(code);
      Object fast = ValueCodec.readPlain(kind, code, c, 1, c.length);
      Object built = fullRead(kind, code, c);
      if (fast != null) {
        assertEquals(built, fast);
      }
    }
    assertEquals(
        null, ValueCodec.readPlain(ValueKind.LONG, 0x0E, new byte[] {(byte) 0x8E, 0x00}, 1, 2));
    assertEquals(
        "\u00e9",
        ValueCodec.readPlain(
            ValueKind.TEXT,
            0x18,
            new byte[] {(byte) 0x98, 0x7F, (byte) 0xC3, (byte) 0xA9, 0},
            1,
            5));
  }

  /**
   * Over generated values of the kinds with a structured plain form (Encoded-string-values in
   * both forms, addresses, From, Content-Type with parameters): wherever the full reader accepts
   * the whole value and the plain path answers, both give the same value.
   */
  @Test
  void plainReadingAgreesWithTheFullReaderOnGeneratedValues() {
    byte[] alphabet =
        java.util.HexFormat.ofDelimiter(" ")
            .parseHex(
                "00 01 02 03 04 05 06 09 0A 17 1E 1F 20 22 2F 41 61 7E 7F 80 81 83 85 89 8E AE"
                    + " C0 EA FF");
    int[] codes = {0x16, 0x17, 0x09, 0x04}; // Subject, To, From, Content-Type
    java.util.Random random = new java.util.Random(12);
    int agreed = 0;
    for (int n = 0; n < 150_000; n++) {
      byte[] in = new byte[2 + random.nextInt(14)];
      int code = codes[random.nextInt(codes.length)];
      in[0] = (byte) (0x80 | code);
      for (int k = 1; k < in.length; k++) {
        in[k] =
            random.nextInt(5) == 0
                ? (byte) random.nextInt(256)
                : alphabet[random.nextInt(alphabet.length)];
      }
      if (random.nextBoolean()) {
        in[1] = (byte) (in.length - 2); // a Value-length that fits
      }
      if (random.nextBoolean()) {
        in[in.length - 1] = 0;
      }
      ValueKind kind = ValueCodec.kindOf(code);
      Object built;
      try {
        WspReader r = new WspReader(in, 1, in.length - 1);
        built = ValueCodec.read(kind, code, r, null, Integer.MAX_VALUE, true);
        if (r.index() != in.length) {
          continue;
        }
      } catch (PduFormatException | RuntimeException e) {
        continue;
      }
      Object fast = ValueCodec.readPlain(kind, code, in, 1, in.length);
      if (fast != null) {
        agreed++;
        assertEquals(built, fast, java.util.HexFormat.ofDelimiter(" ").formatHex(in));
      }
    }
    assertTrue(agreed > 2_000, "only " + agreed + " plain values generated");
  }

  /**
   * The shared constants the cursor answers one-octet values with are what {@link
   * ValueCodec#readPlain} returns for the same octet, the same object, for every field code
   * and every octet from 0x80 up; and the common one-octet fields have them.
   */
  @Test
  void oneOctetConstantsAreWhatThePlainReaderReturns() {
    int constants = 0;
    for (int code = 0; code < 0x80; code++) {
      ValueKind kind = ValueCodec.kindOf(code);
      for (int v = 0x80; v <= 0xFF; v++) {
        Object constant = ValueCodec.plainConstant(code, (byte) v);
        if (constant != null) {
          constants++;
          Object plain = ValueCodec.readPlain(kind, code, new byte[] {(byte) v}, 0, 1);
          assertSame(plain, constant, String.format("code 0x%02X, octet 0x%02X", code, v));
        }
      }
      for (int v = 0; v < 0x80; v++) {
        assertNull(ValueCodec.plainConstant(code, (byte) v), "a value octet below 0x80");
      }
    }
    assertSame(
        MessageType.SEND_CONF,
        ValueCodec.plainConstant(HeaderField.MESSAGE_TYPE.code(), (byte) 0x81));
    assertSame(
        MmsVersion.V1_1, ValueCodec.plainConstant(HeaderField.MMS_VERSION.code(), (byte) 0x91));
    assertSame(
        ResponseStatus.OK,
        ValueCodec.plainConstant(HeaderField.RESPONSE_STATUS.code(), (byte) 0x80));
    // an octet a field does not define is made by the reader with its code, never shared here
    assertNull(ValueCodec.plainConstant(HeaderField.RESPONSE_STATUS.code(), (byte) 0xFF));
    assertTrue(constants > 500, constants + " constants");
  }

  private static Object fullRead(ValueKind kind, int code, byte[] octets)
      throws PduFormatException {
    WspReader r = new WspReader(octets, 1, octets.length - 1);
    return ValueCodec.read(kind, code, r, null, Integer.MAX_VALUE, true);
  }
}
