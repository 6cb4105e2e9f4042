package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.internal.mime.TransferDecoding;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * Bodies checked when read instead of by decode ({@code Mm4Config.checkBodies(false)}), and the
 * one-pass base64 decoder that reading them uses.
 */
class DeferredBodyChecksTest {

  private static final Mm4Config DEFERRED = Mm4Config.builder().checkBodies(false).build();

  /** Lenient, bodies checked by decode (the default before lazy body checks). */
  private static final Mm4Config CHECKED = Mm4Config.DEFAULT.toBuilder().checkBodies(true).build();

  private static final Mm4Config DEFERRED_STRICT =
      Mm4Config.STRICT.toBuilder().checkBodies(false).build();

  private static final String MULTI_HEAD =
      Fixtures.RES_HEAD
          + "MIME-Version: 1.0\n"
          + "Content-Type: multipart/mixed; boundary=x\n\n--x\n";

  private static final List<String> BODY_CODES =
      List.of(
          Mm4FindingCodes.BAD_BASE64,
          Mm4FindingCodes.TRUNCATED_BASE64,
          Mm4FindingCodes.BAD_QUOTED_PRINTABLE);

  private static String describe(Finding f) {
    return f.severity()
        + " "
        + f.code()
        + " line "
        + f.line()
        + " offset "
        + f.offset()
        + " "
        + f.header().orElse("-")
        + ": "
        + f.message();
  }

  private static List<String> describe(List<Finding> findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(describe(f)));
    return out;
  }

  private static List<String> bodyFindings(List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (BODY_CODES.contains(f.code())) {
        out.add(f);
      }
    }
    return describe(out);
  }

  private static void leaves(MimeEntity e, List<MimeEntity> out) {
    if (e.isMultipart()) {
      e.parts().forEach(p -> leaves(p, out));
    } else {
      out.add(e);
    }
  }

  private static List<byte[]> data(Mm4Message m) {
    List<MimeEntity> l = new ArrayList<>();
    leaves(m.content(), l);
    List<byte[]> out = new ArrayList<>();
    l.forEach(e -> out.add(e.dataBytes()));
    return out;
  }

  /** Decoding with and without the body checks: same data, same output, findings moved. */
  private static void assertSameOutcome(byte[] mail) throws Exception {
    Mm4Message checked = Mm4Codec.decode(mail, CHECKED);
    Mm4Message deferred = Mm4Codec.decode(mail, DEFERRED);
    List<Finding> later = deferred.content().checkData();
    assertEquals(bodyFindings(checked.findings()), describe(later));
    assertEquals(bodyFindings(deferred.findings()), List.of());
    List<Finding> rest = new ArrayList<>(checked.findings());
    rest.removeIf(f -> BODY_CODES.contains(f.code()));
    assertEquals(describe(rest), describe(deferred.findings()));
    List<byte[]> a = data(checked);
    List<byte[]> b = data(deferred);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i), "leaf " + i);
    }
    assertArrayEquals(Mm4Codec.encode(checked), Mm4Codec.encode(deferred));
    assertEquals(checked, deferred);
  }

  @Test
  void canonicalDecoderMatchesTheJdkForEverySizeAndLineLength() {
    SplittableRandom r = new SplittableRandom(17);
    for (int n = 0; n < 400; n++) {
      byte[] data = new byte[n];
      r.nextBytes(data);
      for (Base64.Encoder enc :
          List.of(
              Base64.getMimeEncoder(),
              Base64.getMimeEncoder(64, new byte[] {'\r', '\n'}),
              Base64.getMimeEncoder(4, new byte[] {'\r', '\n'}),
              Base64.getEncoder())) {
        byte[] text = enc.encode(data);
        assertArrayEquals(data, TransferDecoding.decodeCanonicalBase64(text, 0, text.length));
        // With the line end a body that is not a part keeps, and inside a larger array.
        byte[] framed = new byte[text.length + 5];
        framed[0] = '#';
        System.arraycopy(text, 0, framed, 1, text.length);
        framed[text.length + 1] = '\r';
        framed[text.length + 2] = '\n';
        framed[text.length + 3] = '-';
        framed[text.length + 4] = '-';
        assertArrayEquals(data, TransferDecoding.decodeCanonicalBase64(framed, 1, text.length + 3));
        assertArrayEquals(data, TransferDecoding.decodeBase64Tolerant(text, 0, text.length));
      }
    }
    byte[] big = new byte[1 << 20];
    r.nextBytes(big);
    byte[] text = Base64.getMimeEncoder().encode(big);
    assertArrayEquals(big, TransferDecoding.decodeCanonicalBase64(text, 0, text.length));
  }

  @Test
  void canonicalDecoderLeavesEverythingElseToTheCheck() {
    for (String s :
        List.of(
            "QUJD\nQUJD", // LF alone
            "QUJD\r\nQU\r\nQUJD", // a short line before the last
            "QUJDRA", // not a multiple of four
            "QU*D", // outside the alphabet
            "QU=D\r\nQUJD", // padding inside
            "QUJD\r\nQUJDQUJD", // last line longer than the others
            "QUJD\r\n\r\n", // an empty last line
            "QUJD QUJD")) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertNull(TransferDecoding.decodeCanonicalBase64(b, 0, b.length), s);
    }
    byte[] empty = new byte[0];
    assertEquals(0, TransferDecoding.decodeCanonicalBase64(empty, 0, 0).length);
  }

  @Test
  void decodeLeavesBodyFindingsToCheckDataWithTheSameLinesAndOffsets() throws Exception {
    for (String body :
        List.of(
            "Content-Transfer-Encoding: base64\n\n" + ("QUJD" + "*".repeat(40) + "\n").repeat(200),
            "Content-Transfer-Encoding: base64\n\nQUJDRA\n",
            "Content-Transfer-Encoding: quoted-printable\n\na=ZZb\nc=XYd\n",
            "Content-Transfer-Encoding: base64\n\nQUJD\n",
            "Content-Type: text/plain\n\nplain\n")) {
      byte[] mail = Fixtures.mail(MULTI_HEAD + body + "--x\n" + body + "--x--\n");
      assertSameOutcome(mail);
    }
  }

  @Test
  void strictDecodingWithDeferredChecksThrowsFromCheckData() throws Exception {
    String body =
        "Content-Transfer-Encoding: base64\n\n"
            + ("QUJD" + "*".repeat(40) + "\n").repeat(2000)
            + "--x--\n";
    byte[] mail = Fixtures.mail(MULTI_HEAD + body);
    assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(mail, Mm4Config.STRICT));
    Mm4Message m = Mm4Codec.decode(mail, DEFERRED_STRICT);
    assertTrue(m.findings().isEmpty());
    MimeEntity part = m.content().parts().get(0);
    assertEquals("ABC".repeat(2000), new String(part.dataBytes(), StandardCharsets.US_ASCII));
    Mm4FormatException e = assertThrows(Mm4FormatException.class, part::checkData);
    assertEquals(Mm4FormatException.Reason.BAD_BASE64, e.reason());
    assertEquals(16, e.line());
    // The check runs once: the same failure again.
    assertSame(e, assertThrows(Mm4FormatException.class, () -> m.content().checkData()));
    // Lenient: the same finding, returned.
    List<Finding> f = Mm4Codec.decode(mail, DEFERRED).content().checkData();
    assertEquals(1, f.size());
    assertEquals(16, f.get(0).line());
    assertEquals(
        "byte 0x2a outside the base64 alphabet ignored (79999 more in this part)",
        f.get(0).message());
  }

  @Test
  void undecodableBodiesFailInCheckDataAndReadAsFarAsTheyGo() throws Exception {
    for (String[] c :
        new String[][] {{"QUJDR", "ABC", "TRUNCATED_BASE64"}, {"QUI=QUJD", "AB", "BAD_BASE64"}}) {
      byte[] mail =
          Fixtures.mail(MULTI_HEAD + "Content-Transfer-Encoding: base64\n\n" + c[0] + "\n--x--\n");
      assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(mail, CHECKED));
      Mm4Message m = Mm4Codec.decode(mail, DEFERRED);
      MimeEntity part = m.content().parts().get(0);
      assertEquals(c[1], new String(part.dataBytes(), StandardCharsets.US_ASCII));
      assertEquals(c[1].length(), part.dataSize());
      Mm4FormatException e = assertThrows(Mm4FormatException.class, part::checkData);
      assertEquals(Mm4FormatException.Reason.valueOf(c[2]), e.reason());
      assertEquals(16, e.line());
    }
  }

  @Test
  void bodiesWithLineFeedsAloneAreWrittenAnewAsWhenChecked() throws Exception {
    // Header sections and delimiters in CRLF, the base64 and quoted-printable bodies in LF alone:
    // only the body check sees those line ends, and the writer must not send them back out.
    String head = new String(Fixtures.mail(MULTI_HEAD), StandardCharsets.US_ASCII);
    String mail =
        head
            + "Content-Transfer-Encoding: base64\r\n\r\nQUJD\nQUJD\n\r\n--x\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\na=3Db\nc\r\n--x--\r\n";
    byte[] b = mail.getBytes(StandardCharsets.US_ASCII);
    assertSameOutcome(b);
    byte[] out = Mm4Codec.encode(Mm4Codec.decode(b, DEFERRED));
    for (int i = 0; i < out.length; i++) {
      if (out[i] == '\n') {
        assertEquals('\r', out[i - 1], "LF alone at " + i);
      }
    }
  }

  @Test
  void unchangedMessagesAreWrittenBackByteForByte() throws Exception {
    for (Mm4Message built : Fixtures.allFull()) {
      byte[] mail = Mm4Codec.encode(built);
      Mm4Message m = Mm4Codec.decode(mail, DEFERRED);
      assertTrue(m.content().checkData().isEmpty());
      assertArrayEquals(mail, Mm4Codec.encode(m));
      assertEquals(Mm4Codec.decode(mail), m);
    }
    byte[] image = Fixtures.bytes(50_000, 3);
    Mm4Message big =
        Fixtures.fullForwardReq()
            .content(
                MimeEntity.builder(org.mmsstack.mm4.mime.ContentType.parse("image/jpeg"))
                    .data(image)
                    .build())
            .build();
    byte[] mail = Mm4Codec.encode(big);
    Mm4Message m = Mm4Codec.decode(mail, DEFERRED);
    assertArrayEquals(image, m.content().dataBytes());
    assertArrayEquals(mail, Mm4Codec.encode(m));
  }

  @Test
  void everyCorpusMailDecodesAlikeWithDeferredChecks() throws Exception {
    List<Path> files = CorpusGoldenTest.corpusFiles();
    assertFalse(files.isEmpty());
    for (Path p : files) {
      assertSameOutcome(Files.readAllBytes(p));
    }
  }

  @Test
  void configSaysWhenBodiesAreChecked() {
    // Lenient decoding defers the body checks, strict decoding keeps them in decode.
    assertFalse(Mm4Config.DEFAULT.checkBodies());
    assertFalse(Mm4Config.LENIENT.checkBodies());
    assertTrue(Mm4Config.STRICT.checkBodies());
    assertFalse(DEFERRED.checkBodies());
    assertTrue(DEFERRED_STRICT.strict());
    assertFalse(DEFERRED_STRICT.checkBodies());
    assertFalse(DEFERRED.toBuilder().build().checkBodies());
    assertTrue(DEFERRED.toString().contains("checkBodies=false"));
    // Unless set, the setting follows strict, also through toBuilder.
    assertTrue(Mm4Config.builder().strict(true).build().checkBodies());
    assertTrue(Mm4Config.DEFAULT.toBuilder().strict(true).build().checkBodies());
    assertFalse(Mm4Config.STRICT.toBuilder().strict(false).build().checkBodies());
    assertFalse(DEFERRED.toBuilder().strict(true).build().checkBodies());
    assertTrue(CHECKED.checkBodies());
    assertFalse(CHECKED.strict());
    assertTrue(CHECKED.toBuilder().build().checkBodies());
  }
}
