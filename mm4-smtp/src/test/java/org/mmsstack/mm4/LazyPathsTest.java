package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.internal.mime.Folding;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.mime.TransferEncoding;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/** Lazy bodies, the headers-only entry point and the exactly sized writer. */
class LazyPathsTest {

  /** Lenient, bodies checked by decode. */
  private static final Mm4Config CHECKED = Mm4Config.DEFAULT.toBuilder().checkBodies(true).build();

  private static final String MULTI_HEAD = Fixtures.RES_HEAD + "MIME-Version: 1.0\n";

  private static List<String> codes(List<Finding> findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.code()));
    return out;
  }

  @Test
  void headersOnlyMatchesTheFullDecode() throws Exception {
    for (Mm4Message m : Fixtures.allFull()) {
      byte[] mail = Mm4Codec.encode(m);
      Mm4Headers headers = Mm4Codec.decodeHeaders(mail);
      assertEquals(Mm4Codec.decode(mail).headers(), headers);
      assertTrue(headers.findings().isEmpty());
    }
  }

  @Test
  void headersOnlyStopsAtTheEmptyLine() throws Exception {
    // The body is a broken multipart: the full decode fails on it, the header block reads fine.
    byte[] mail =
        Fixtures.mail(MULTI_HEAD + "Content-Type: multipart/mixed; boundary=x\n\n--x\n\nhi\n");
    assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(mail));
    Mm4Headers headers = Mm4Codec.decodeHeaders(mail);
    assertEquals("MM4_forward.RES", headers.first(Mm4HeaderNames.MESSAGE_TYPE).orElseThrow());
    assertEquals(11, headers.size());
  }

  @Test
  void headersOnlyRecoversAndReportsCaptureDamage() throws Exception {
    String text = Fixtures.RES_HEAD + "\n";
    byte[] body = text.getBytes(StandardCharsets.US_ASCII); // LF line ends
    byte[] tail =
        ".\n250 2.0.0 Ok: queued\nQUIT\n221 2.0.0 Bye\n".getBytes(StandardCharsets.US_ASCII);
    byte[] mail = new byte[3 + body.length + tail.length];
    mail[0] = (byte) 0xEF;
    mail[1] = (byte) 0xBB;
    mail[2] = (byte) 0xBF;
    System.arraycopy(body, 0, mail, 3, body.length);
    System.arraycopy(tail, 0, mail, 3 + body.length, tail.length);
    Mm4Headers headers = Mm4Codec.decodeHeaders(mail);
    assertEquals("system@mms.example", headers.first("From").orElseThrow());
    assertEquals(
        List.of(
            Mm4FindingCodes.BYTE_ORDER_MARK,
            Mm4FindingCodes.TRAILING_DATA,
            Mm4FindingCodes.BARE_LINE_FEED),
        codes(headers.findings()));
    assertEquals(codes(Mm4Codec.decode(mail).findings()).subList(0, 3), codes(headers.findings()));
    Mm4FormatException e =
        assertThrows(
            Mm4FormatException.class, () -> Mm4Codec.decodeHeaders(mail, Mm4Config.STRICT));
    assertEquals(0, e.offset());
  }

  @Test
  void headersOnlyKeepsTheLimits() {
    Mm4Config c = Mm4Config.builder().maxHeaders(5).build();
    Mm4FormatException e =
        assertThrows(
            Mm4FormatException.class,
            () -> Mm4Codec.decodeHeaders(Fixtures.mail(Fixtures.RES_HEAD + "\n"), c));
    assertEquals(Mm4FormatException.Reason.LIMIT_EXCEEDED, e.reason());
    assertTrue(e.getMessage().contains("maxHeaders"));
  }

  @Test
  void overLongLineNamesItsOwnHeader() {
    byte[] mail = Fixtures.mail(Fixtures.RES_HEAD + "X-Long: " + "a".repeat(1000) + "\n\n");
    Mm4FormatException e =
        assertThrows(
            Mm4FormatException.class, () -> Mm4Codec.decodeHeaders(mail, Mm4Config.STRICT));
    assertEquals("X-Long", e.header().orElseThrow());
    byte[] folded = Fixtures.mail(Fixtures.RES_HEAD + "X-Folded: a\n " + "b".repeat(1000) + "\n\n");
    e = assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(folded, Mm4Config.STRICT));
    assertEquals("X-Folded", e.header().orElseThrow());
  }

  private static byte[] base64Mail(String extraBase64) {
    byte[] data = Fixtures.bytes(3000, 5);
    String b64 = Base64.getMimeEncoder().encodeToString(data);
    return Fixtures.mail(
        MULTI_HEAD
            + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
            + "Content-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n"
            + b64
            + extraBase64
            + "\n--x\nContent-Type: text/plain\n\nplain text\n--x--\n");
  }

  @Test
  void bodiesAreCheckedOnParseAndDecodedOnRead() throws Exception {
    Mm4Message m = Mm4Codec.decode(base64Mail("\n!"), CHECKED);
    // The junk byte is reported by the parse, before any data is read (by default, by
    // checkData(), at the same place).
    assertEquals(
        m.findings().toString(),
        Mm4Codec.decode(base64Mail("\n!")).content().checkData().toString());
    assertEquals(List.of(Mm4FindingCodes.BAD_BASE64), codes(m.findings()));
    MimeEntity image = m.content().parts().get(0);
    assertEquals(3000, image.dataSize());
    ByteBuffer d = image.data();
    assertTrue(d.isReadOnly());
    byte[] got = new byte[d.remaining()];
    d.get(got);
    assertArrayEquals(Fixtures.bytes(3000, 5), got);
    assertArrayEquals(got, image.dataBytes());
    MimeEntity text = m.content().parts().get(1);
    assertTrue(text.data().isReadOnly());
    assertEquals("plain text", text.text());
    assertThrows(
        Mm4FormatException.class, () -> Mm4Codec.decode(base64Mail("\n!"), Mm4Config.STRICT));
    assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(base64Mail("A="), CHECKED));
    Mm4Message located = Mm4Codec.decode(base64Mail("A="));
    assertThrows(Mm4FormatException.class, located.content()::checkData);
  }

  @Test
  void quotedPrintableAndLineFeedBodiesDecodeOnRead() throws Exception {
    Mm4Message qp =
        Mm4Codec.decode(
            Fixtures.mail(
                MULTI_HEAD
                    + "Content-Type: text/plain; charset=utf-8\n"
                    + "Content-Transfer-Encoding: quoted-printable\n\nGr=C3=BC=C3=9Fe=\n aus =3D\n"));
    assertEquals("Grüße aus =\r\n", qp.content().text());
    String lf = MULTI_HEAD + "Content-Type: text/plain\n\none\ntwo\n";
    Mm4Message m = Mm4Codec.decode(lf.getBytes(StandardCharsets.US_ASCII));
    assertEquals(10, m.content().dataSize());
    assertEquals("one\r\ntwo\r\n", m.content().text());
  }

  @Test
  void encodeIsExactlySizedAndEqualsTheStreamForm() throws Exception {
    List<Mm4Message> messages = new ArrayList<>(Fixtures.allFull());
    byte[] image = Fixtures.bytes(100_001, 9);
    messages.add(
        Fixtures.fullForwardReq()
            .content(
                MimeEntity.builder(ContentType.of("multipart", "mixed"))
                    .addPart(Fixtures.smilAndText())
                    .addPart(
                        MimeEntity.builder(ContentType.of("image", "jpeg")).data(image).build())
                    .addPart(
                        MimeEntity.builder(ContentType.of("text", "plain"))
                            .text("é".repeat(200) + "\r\n", StandardCharsets.UTF_8)
                            .transferEncoding(TransferEncoding.QUOTED_PRINTABLE)
                            .build())
                    .build())
            .build());
    for (Path p : CorpusGoldenTest.corpusFiles()) {
      messages.add(Mm4Codec.decode(Files.readAllBytes(p)));
    }
    for (Mm4Message m : messages) {
      byte[] mail = Mm4Codec.encode(m);
      assertEquals(MimeAccess.get().size(m.content()), mail.length, m.toString());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Mm4Codec.encode(m, out);
      assertArrayEquals(mail, out.toByteArray());
      Mm4Message again = Mm4Codec.decode(mail);
      assertEquals(m.content(), again.content());
      assertArrayEquals(mail, Mm4Codec.encode(again));
    }
  }

  @Test
  void foldingMatchesTheCharacterByCharacterRule() {
    SplittableRandom r = new SplittableRandom(17);
    String[] words = {
      "a", "bb", "word", "x".repeat(40), "y".repeat(90), "ü", "€€", "😀", "z".repeat(500)
    };
    String[] spaces = {" ", "  ", "\t", " \t"};
    for (int n = 0; n < 3000; n++) {
      StringBuilder v = new StringBuilder();
      int count = r.nextInt(1, 40);
      for (int k = 0; k < count; k++) {
        if (k > 0) {
          v.append(spaces[r.nextInt(spaces.length)]);
        }
        v.append(words[r.nextInt(words.length)]);
      }
      String name = r.nextBoolean() ? "Subject" : "X-Mms-Some-Rather-Long-Header-Name";
      String value = v.toString();
      String expected = referenceFold(name, value);
      byte[] got = Folding.line(name, value);
      if (expected == null) {
        assertEquals(null, got, value);
        assertFalse(Folding.foldable(name, value));
        assertThrows(IllegalArgumentException.class, () -> Mm4Header.of(name, value));
      } else {
        assertEquals(expected + "\r\n", new String(got, StandardCharsets.UTF_8), value);
      }
    }
  }

  /** The folding rule as first written, one character at a time: the reference. */
  private static String referenceFold(String name, String value) {
    String line = value.isEmpty() ? name + ":" : name + ": " + value;
    if (line.getBytes(StandardCharsets.UTF_8).length <= Folding.PREFERRED) {
      return line;
    }
    StringBuilder out = new StringBuilder();
    int lineStart = 0;
    int minBreak = name.length() + 2;
    int lastBreak = -1;
    int col = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (i > minBreak
          && (c == ' ' || c == '\t')
          && line.charAt(i - 1) != ' '
          && line.charAt(i - 1) != '\t'
          && i > lineStart) {
        if (col > Folding.PREFERRED && lastBreak > lineStart) {
          out.append(line, lineStart, lastBreak).append("\r\n");
          col -= octets(line.substring(lineStart, lastBreak));
          lineStart = lastBreak;
        }
        lastBreak = i;
      }
      col += octets(c);
      if (col > Folding.PREFERRED && lastBreak > lineStart && i + 1 < line.length()) {
        out.append(line, lineStart, lastBreak).append("\r\n");
        col -= octets(line.substring(lineStart, lastBreak));
        lineStart = lastBreak;
      }
      if (col > Folding.MAXIMUM) {
        return null;
      }
    }
    return out.append(line, lineStart, line.length()).toString();
  }

  private static int octets(char c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
  }

  private static int octets(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += octets(s.charAt(i));
    }
    return n;
  }

  @Test
  void decodedBase64IsReadOnceAndShared() throws IOException {
    MimeEntity image = Mm4Codec.decode(base64Mail("")).content().parts().get(0);
    assertEquals(image.data(), image.data());
    assertEquals(image, Mm4Codec.decode(base64Mail("")).content().parts().get(0));
  }

  @Test
  void everyOctetOutsideTheAlphabetIsFoundInsideALongLine() throws Exception {
    // The check passes over runs of alphabet octets eight at a time: any other octet inside
    // such a run must still be reported, at its own offset, and every alphabet octet accepted.
    String line = "A".repeat(40) + "#" + "A".repeat(23);
    byte[] mail =
        Fixtures.mail(
            MULTI_HEAD
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
                + "Content-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n"
                + "B".repeat(76)
                + "\n"
                + line
                + "\n--x--\n");
    int at = new String(mail, StandardCharsets.ISO_8859_1).indexOf('#');
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int v = 0; v < 256; v++) {
      if (v == '\r' || v == '\n' || v == ' ' || v == '\t' || v == '=') {
        continue;
      }
      mail[at] = (byte) v;
      Mm4Message m = Mm4Codec.decode(mail, CHECKED);
      if (alphabet.indexOf(v) >= 0) {
        assertEquals(List.of(), m.findings(), "octet " + v);
        assertEquals(105, m.content().parts().get(0).dataSize(), "octet " + v);
      } else {
        Finding f = m.findings().get(0);
        assertEquals(Mm4FindingCodes.BAD_BASE64, f.code(), "octet " + v);
        assertEquals(at, f.offset(), "octet " + v);
        assertEquals(18, f.line(), "octet " + v);
      }
    }
  }

  @Test
  void delimiterSearchKeepsLookalikesAndBareLineEnds() throws Exception {
    String text =
        (MULTI_HEAD.replace("\n", "\r\n")
            + "Content-Type: multipart/mixed; boundary=x\r\n\r\npreamble --x\r\n--x\r\n"
            + "Content-Type: text/plain\r\n\r\none\r\n--xy\r\n--x-\r\ntwo\n--x \t\r\n"
            + "Content-Type: text/plain\r\n\r\nthree\r\n--x--\r\nepilogue\r\n");
    Mm4Message m = Mm4Codec.decode(text.getBytes(StandardCharsets.US_ASCII));
    List<MimeEntity> parts = m.content().parts();
    assertEquals(2, parts.size());
    // Lines that only start with the delimiter stay in the part; the part's last line ends in LF
    // alone, so its data is made canonical (CRLF) on read.
    assertEquals("one\r\n--xy\r\n--x-\r\ntwo", parts.get(0).text());
    assertEquals("three", parts.get(1).text());
    byte[] crlf = text.replace("two\n", "two\r\n").getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(crlf, Mm4Codec.encode(Mm4Codec.decode(crlf)));
  }
}
