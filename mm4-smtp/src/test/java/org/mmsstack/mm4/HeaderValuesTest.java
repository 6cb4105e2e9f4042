package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.internal.mime.Utf8;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.mime.TransferEncoding;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/** Header values located on decode and read on first use; lookups; encoding once. */
class HeaderValuesTest {

  private static byte[] crlf(String s) {
    return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] mail(String extra) {
    return crlf(Fixtures.RES_HEAD + extra + "\n");
  }

  @Test
  void valuesAreUnfoldedAndStrippedAsBefore() throws Exception {
    Mm4Message m =
        Mm4Codec.decode(
            mail(
                "X-A:   spaced \t\n"
                    + "X-B:\n  folded,\n\tlines  \n"
                    + "X-C:\n"
                    + "X-D: Grüße, \"Ärger\"\n"));
    assertEquals(Optional.of("spaced"), m.header("X-A"));
    assertEquals(Optional.of("folded,\tlines"), m.header("X-B"));
    assertEquals(Optional.of(""), m.header("X-C"));
    assertEquals(Optional.of("Grüße, \"Ärger\""), m.header("X-D"));
    assertTrue(m.findings().isEmpty(), m.findings().toString());
    // The value read twice is the same string; the field still writes its raw bytes back.
    Mm4Header b = m.headers().firstField("x-b").orElseThrow();
    assertSame(b.value(), b.value());
    assertTrue(b.hasOriginalEncoding());
    byte[] original = b.originalEncoding().orElseThrow();
    assertEquals(
        "X-B:\r\n  folded,\r\n\tlines  \r\n", new String(original, StandardCharsets.UTF_8));
    assertEquals(original.length, b.originalLength());
    Mm4Header c = m.headers().firstField("x-c").orElseThrow();
    assertEquals(b.offset() + b.originalLength(), c.offset());
    // A built field keeps no octets of its own.
    Mm4Header built = Mm4Header.of("X-B", "folded");
    assertFalse(built.hasOriginalEncoding());
    assertEquals(Optional.empty(), built.originalEncoding());
    assertEquals(-1, built.originalLength());
    assertArrayEquals(
        mail("X-A:   spaced \t\nX-B:\n  folded,\n\tlines  \nX-C:\nX-D: Grüße, \"Ärger\"\n"),
        Mm4Codec.encode(m));
  }

  /**
   * Only spaces and tabs surround a header value (RFC 5322 WSP): Unicode white space at either
   * end of a UTF-8 value (RFC 6532), an ideographic space after a Japanese subject, is text.
   */
  @Test
  void unicodeWhiteSpaceAtTheEndsIsKept() throws Exception {
    String subject = "\u3000件名\u2003";
    Mm4Message m = Mm4Codec.decode(mail("Subject: " + subject + " \t\nX-E:\t\u3000x\n"));
    assertEquals(Optional.of(subject), m.header("Subject"));
    assertEquals(Optional.of(subject), m.subject());
    assertEquals(Optional.of("\u3000x"), m.header("X-E"));
    assertEquals("\u3000x\u3000", Mm4Header.of("X-E", " \u3000x\u3000\t").value());
    Mm4Message built = Fixtures.fullForwardReq().subject(subject).build();
    assertEquals(Optional.of(subject), built.subject());
    assertEquals(Optional.of(subject), Mm4Codec.decode(Mm4Codec.encode(built)).subject());
  }

  @Test
  void invalidUtf8IsReportedOnDecodeAndReplacedOnRead() throws Exception {
    byte[] head = mail("");
    byte[] bad = "X-Bad: a\u00ffb\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] in = new byte[head.length + bad.length];
    System.arraycopy(head, 0, in, 0, head.length - 2);
    System.arraycopy(bad, 0, in, head.length - 2, bad.length);
    in[in.length - 2] = '\r';
    in[in.length - 1] = '\n';
    Mm4Message m = Mm4Codec.decode(in);
    List<Finding> f = m.findings();
    assertEquals(1, f.size(), f.toString());
    assertEquals(Mm4FindingCodes.BAD_HEADER_BYTES, f.get(0).code());
    assertEquals(Optional.of("X-Bad"), f.get(0).header());
    assertEquals(10, f.get(0).line());
    assertEquals(Optional.of("a\ufffdb"), m.header("X-Bad"));
  }

  @Test
  void utf8CheckAgreesWithTheJdkDecoder() {
    SplittableRandom r = new SplittableRandom(17);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[r.nextInt(1, 9)];
      for (int i = 0; i < b.length; i++) {
        // Mostly lead and continuation bytes, where the interesting cases are.
        b[i] = (byte) (r.nextBoolean() ? 0x80 + r.nextInt(0x80) : r.nextInt(256));
      }
      boolean jdk;
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b));
        jdk = true;
      } catch (CharacterCodingException e) {
        jdk = false;
      }
      boolean hasLineEnd = false;
      for (byte x : b) {
        hasLineEnd |= x == '\r' || x == '\n';
      }
      if (!hasLineEnd) {
        assertEquals(jdk, Utf8.isValid(b, 0, b.length), java.util.Arrays.toString(b));
      }
    }
    // A fold's line end inside a sequence is left out, as unfolding removes it.
    byte[] split = {(byte) 0xC3, '\r', '\n', (byte) 0xBC};
    assertTrue(Utf8.isValid(split, 0, split.length));
    assertFalse(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3));
  }

  @Test
  void lookupsIgnoreCaseAndCountRepeats() throws Exception {
    Mm4Headers h = Mm4Codec.decodeHeaders(mail("Received: one\nreceived: two\nRECEIVED: three\n"));
    assertEquals(3, h.count("Received"));
    assertEquals(List.of("one", "two", "three"), h.all("rEcEiVeD"));
    assertEquals(Optional.of("MM4_forward.RES"), h.first("x-mms-message-type"));
    assertEquals(List.of(), h.all("X-None"));
    assertEquals(List.of("t1"), h.all("X-MMS-TRANSACTION-ID"));
    assertFalse(h.contains("Receive"));
  }

  @Test
  void quotedPrintableIsWrittenAlikeToArraysAndStreams() throws Exception {
    MimeEntity text =
        MimeEntity.builder(ContentType.of("text", "plain"))
            .text("Grüße = greetings\r\n".repeat(20), StandardCharsets.UTF_8)
            .build();
    assertEquals(Optional.of(TransferEncoding.QUOTED_PRINTABLE), text.transferEncoding());
    Mm4ForwardReq m =
        Fixtures.fullForwardReq()
            .content(
                MimeEntity.builder(ContentType.of("multipart", "mixed"))
                    .addPart(text)
                    .addPart(text)
                    .build())
            .build();
    byte[] bytes = Mm4Codec.encode(m);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Mm4Codec.encode(m, out);
    assertArrayEquals(out.toByteArray(), bytes);
    Mm4ForwardReq back = (Mm4ForwardReq) Mm4Codec.decode(bytes);
    assertEquals("Grüße = greetings\r\n".repeat(20), back.content().parts().get(1).text());
  }

  @Test
  void entityHashIsThePolynomialHashOfHeadersAndData() {
    SplittableRandom r = new SplittableRandom(5);
    for (int n = 0; n < 40; n++) {
      byte[] data = new byte[r.nextInt(0, 64)];
      r.nextBytes(data);
      MimeEntity e = MimeEntity.builder(ContentType.of("image", "jpeg")).data(data).build();
      int h = e.headers().hashCode();
      for (byte b : data) {
        h = h * 31 + b;
      }
      assertEquals(h, e.hashCode());
    }
  }
}
