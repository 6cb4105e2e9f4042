package org.mmsstack.encapsulation.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Corpus;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.wire.Findings;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.value.ContentType;

/**
 * A part's content type and headers read straight from the array ({@link
 * BodyCodec#readPlainPartHead}) are what the full reader builds from the same octets: for every
 * part of every corpus PDU, nested ones included, and for generated heads.
 */
class PlainPartHeadTest {

  private static final byte[] ALPHABET =
      HexFormat.ofDelimiter(" ")
          .parseHex(
              "00 01 02 03 04 05 06 09 0A 0E 17 18 19 1E 1F 20 22 2F 3C 3E 41 61 7E 7F 80 81 83"
                  + " 85 89 8E AE C0 C5 EA FF");

  @Test
  void plainHeadsAgreeWithTheFullReaderOverTheCorpus() throws Exception {
    int plain = 0;
    int full = 0;
    for (Path file : Corpus.files("pdus")) {
      Pdu pdu;
      try {
        pdu = PduCodec.decode(Corpus.read(file), DecodeConfig.LENIENT);
      } catch (PduFormatException e) {
        continue;
      }
      if (pdu.body().orElse(null) instanceof MultipartBody body) {
        int[] counts = check(body, Corpus.name(file));
        plain += counts[0];
        full += counts[1];
      }
    }
    assertTrue(plain > 5 * full, "most corpus parts are plain: " + plain + " plain, " + full);
  }

  private static int[] check(MultipartBody body, String where) throws PduFormatException {
    int[] counts = new int[2];
    for (Part p : body.parts()) {
      Part fast = copy(p);
      Part built = copy(p);
      BodyCodec.readFullPartHead(built, p.src(), 0, p.headStart(), p.headEnd());
      if (BodyCodec.readPlainPartHead(fast, p.src(), p.headStart(), -1, p.headEnd())) {
        counts[0]++;
        assertEquals(built.contentType(), fast.contentType(), where);
        assertEquals(built.headers(), fast.headers(), where);
      } else {
        counts[1]++;
      }
      assertEquals(built.contentType(), p.contentType(), where);
      assertEquals(built.headers(), p.headers(), where);
      if (p.isMultipart()) {
        int[] nested = check(p.asMultipart(DecodeConfig.LENIENT), where + " (nested)");
        counts[0] += nested[0];
        counts[1] += nested[1];
      }
    }
    return counts;
  }

  private static Part copy(Part p) {
    byte[] src = p.src();
    return new Part(src, ByteBuffer.wrap(src), 0, p.headStart(), -1, p.headEnd(), p.headEnd(), 0);
  }

  @Test
  void anAttachmentDispositionIsPlain() {
    // text/plain, Content-Disposition: attachment; filename=ab; charset=utf-8
    byte[] in = HexFormat.ofDelimiter(" ").parseHex("83 AE 07 81 98 61 62 00 81 EA");
    assertTrue(BodyCodec.plainPartHeaders(in, 1, in.length, 100));
    Part fast = new Part(in, ByteBuffer.wrap(in), 0, 0, 1, in.length, in.length, 0);
    Part built = new Part(in, ByteBuffer.wrap(in), 0, 0, -1, in.length, in.length, 0);
    BodyCodec.readFullPartHead(built, in, 0, 0, in.length);
    assertEquals(built.headers(), fast.headers());
    assertEquals(
        "attachment ab",
        fast.contentDisposition().map(d -> d.type() + " " + d.filename().orElseThrow()).get());
  }

  /** Whatever the plain path reads, the full reader accepts silently and reads the same. */
  @Test
  void generatedPlainHeadsAgreeWithTheFullReader() {
    Random random = new Random(11);
    int plain = 0;
    for (int n = 0; n < 500_000; n++) {
      byte[] in = new byte[1 + random.nextInt(18)];
      for (int k = 0; k < in.length; k++) {
        in[k] =
            random.nextInt(4) == 0
                ? (byte) random.nextInt(256)
                : ALPHABET[random.nextInt(ALPHABET.length)];
      }
      if (random.nextBoolean() && in.length > 2) {
        in[0] = (byte) (in.length - 1 - random.nextInt(Math.min(3, in.length - 1))); // a length
      }
      Part fast = new Part(in, ByteBuffer.wrap(in), 0, 0, -1, in.length, in.length, 0);
      if (!BodyCodec.readPlainPartHead(fast, in, 0, -1, in.length)) {
        continue;
      }
      plain++;
      String hex = HexFormat.ofDelimiter(" ").formatHex(in);
      Findings findings = new Findings(true);
      WspReader r = new WspReader(in, 0, in.length);
      try {
        ContentType type = ValueCodec.readContentType(r, findings, Integer.MAX_VALUE, true);
        assertEquals(type, fast.contentType(), hex);
        BodyCodec.scanHeaders(r, findings, Integer.MAX_VALUE);
      } catch (PduFormatException | RuntimeException e) {
        fail(hex + ": plain, but the full reader says " + e);
      }
      assertEquals(0, findings.toList().size(), hex + ": " + findings.toList());
      Part built = new Part(in, ByteBuffer.wrap(in), 0, 0, -1, in.length, in.length, 0);
      BodyCodec.readFullPartHead(built, in, 0, 0, in.length);
      assertEquals(built.contentType(), fast.contentType(), hex);
      assertEquals(built.headers(), fast.headers(), hex);
    }
    assertTrue(plain > 10_000, "only " + plain + " plain heads generated");
  }
}
