package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mmsstack.mm4.mime.ContentDisposition;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.TransferEncoding;

/** MIME bodies: nesting, transfer encodings, typed part access, data views. */
class MimeTest {

  private static Mm4ForwardReq withContent(MimeEntity content) {
    return Fixtures.fullForwardReq().content(content).build();
  }

  private static Mm4ForwardReq roundTrip(Mm4ForwardReq m) throws Exception {
    Mm4ForwardReq back = (Mm4ForwardReq) Mm4Codec.decode(Mm4Codec.encode(m), Mm4Config.STRICT);
    assertEquals(m, back);
    return back;
  }

  @Test
  void nestedRelatedMixedAlternativeRoundTrip() throws Exception {
    MimeEntity plain =
        MimeEntity.builder(ContentType.of("text", "plain"))
            .text("hello", StandardCharsets.US_ASCII)
            .build();
    MimeEntity html =
        MimeEntity.builder(ContentType.of("text", "html"))
            .text("<p>hello</p>", StandardCharsets.UTF_8)
            .build();
    MimeEntity alt =
        MimeEntity.builder(ContentType.of("multipart", "alternative"))
            .addPart(plain)
            .addPart(html)
            .build();
    MimeEntity related = Fixtures.smilAndText();
    MimeEntity mixed =
        MimeEntity.builder(ContentType.of("multipart", "mixed"))
            .addPart(alt)
            .addPart(related)
            .addPart(
                MimeEntity.builder(ContentType.of("application", "octet-stream"))
                    .data(Fixtures.bytes(500, 3))
                    .build())
            .build();
    Mm4ForwardReq back = roundTrip(withContent(mixed));
    MimeEntity root = back.content();
    assertEquals("multipart/mixed", root.contentType().baseType());
    assertEquals("multipart/alternative", root.parts().get(0).contentType().baseType());
    assertEquals("<p>hello</p>", root.parts().get(0).parts().get(1).text());
    assertEquals("multipart/related", root.parts().get(1).contentType().baseType());
    assertEquals("image/jpeg", root.parts().get(1).parts().get(2).contentType().baseType());
    assertArrayEquals(Fixtures.bytes(3000, 7), root.parts().get(1).parts().get(2).dataBytes());
    assertEquals(
        "img.jpg",
        root.parts()
            .get(1)
            .parts()
            .get(2)
            .contentDisposition()
            .orElseThrow()
            .filename()
            .orElseThrow());
    assertEquals(TransferEncoding.BASE64, root.parts().get(2).transferEncoding().orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(TransferEncoding.class)
  void everyTransferEncodingCarriesWhatItCan(TransferEncoding te) throws Exception {
    byte[] data =
        te == TransferEncoding.SEVEN_BIT
            ? "line one\r\nline two".getBytes(StandardCharsets.US_ASCII)
            : te == TransferEncoding.EIGHT_BIT
                ? "Grüße\r\nzweite Zeile".getBytes(StandardCharsets.UTF_8)
                : Fixtures.bytes(1000, te.ordinal());
    MimeEntity leaf =
        MimeEntity.builder(ContentType.of("application", "x-test"))
            .data(data)
            .transferEncoding(te)
            .build();
    MimeEntity root =
        MimeEntity.builder(ContentType.of("multipart", "mixed")).addPart(leaf).build();
    Mm4ForwardReq back = roundTrip(withContent(root));
    assertArrayEquals(data, back.content().parts().get(0).dataBytes());
    assertEquals(te, back.content().parts().get(0).transferEncoding().orElseThrow());
  }

  /**
   * Quoted-printable data of one and two octets (a text of one accented letter is two): every
   * octet alone, and every pair of a set that covers printable, "=", space, tab, CR, LF and high
   * octets, written and read back. Commons Codec's strict encoder returns null below three
   * octets; the writer encodes such data itself.
   */
  @Test
  void shortQuotedPrintableDataRoundTrips() throws Exception {
    List<byte[]> inputs = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      inputs.add(new byte[] {(byte) b});
    }
    byte[] some = {'a', '=', ' ', '\t', '\r', '\n', 0, 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xFF};
    for (byte x : some) {
      for (byte y : some) {
        inputs.add(new byte[] {x, y});
      }
    }
    MimeEntity.Builder root = MimeEntity.builder(ContentType.of("multipart", "mixed"));
    for (byte[] data : inputs) {
      root.addPart(
          MimeEntity.builder(ContentType.of("application", "x-test"))
              .data(data)
              .transferEncoding(TransferEncoding.QUOTED_PRINTABLE)
              .build());
    }
    List<MimeEntity> back = roundTrip(withContent(root.build())).content().parts();
    for (int i = 0; i < inputs.size(); i++) {
      assertArrayEquals(inputs.get(i), back.get(i).dataBytes(), "part " + i);
    }
    // The builder's own choice for a short non-ASCII text.
    MimeEntity e =
        MimeEntity.builder(ContentType.of("text", "plain"))
            .text("é", StandardCharsets.UTF_8)
            .build();
    assertEquals(TransferEncoding.QUOTED_PRINTABLE, e.transferEncoding().orElseThrow());
    MimeEntity single = MimeEntity.builder(ContentType.of("multipart", "mixed")).addPart(e).build();
    assertEquals("é", roundTrip(withContent(single)).content().parts().get(0).text());
  }

  @Test
  void builderPicksEncodingsAndRejectsImpossibleOnes() {
    assertEquals(
        TransferEncoding.SEVEN_BIT,
        MimeEntity.builder(ContentType.of("text", "plain"))
            .data("abc".getBytes(StandardCharsets.US_ASCII))
            .build()
            .transferEncoding()
            .orElseThrow());
    assertEquals(
        TransferEncoding.QUOTED_PRINTABLE,
        MimeEntity.builder(ContentType.of("text", "plain"))
            .text("äbc", StandardCharsets.UTF_8)
            .build()
            .transferEncoding()
            .orElseThrow());
    assertEquals(
        TransferEncoding.BASE64,
        MimeEntity.builder(ContentType.of("image", "png"))
            .data(new byte[] {(byte) 0x89, 'P', 'N', 'G'})
            .build()
            .transferEncoding()
            .orElseThrow());
    assertThrows(
        IllegalStateException.class,
        () ->
            MimeEntity.builder(ContentType.of("text", "plain"))
                .data("a\nb".getBytes(StandardCharsets.US_ASCII))
                .transferEncoding(TransferEncoding.SEVEN_BIT)
                .build());
    assertThrows(
        IllegalStateException.class,
        () -> MimeEntity.builder(ContentType.of("multipart", "mixed")).build());
  }

  @Test
  void quotedPrintableAndBase64DecodeFromTheWire() throws Exception {
    String body =
        "--b\n"
            + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
            + "Gr=C3=BC=C3=9Fe, a long line that was wrapped with a soft =\nbreak   \nsecond line\n"
            + "--b\n"
            + "Content-Type: image/gif\nContent-Transfer-Encoding: BASE64\nContent-ID: <g>\n\n"
            + "R0lGODlh\nAQABAA==\n"
            + "--b--\n";
    byte[] in =
        Fixtures.mail(
            Fixtures.RES_HEAD
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + body);
    Mm4Message m = Mm4Codec.decode(in, Mm4Config.STRICT);
    MimeEntity qp = m.content().parts().get(0);
    assertEquals("Grüße, a long line that was wrapped with a soft break\r\nsecond line", qp.text());
    MimeEntity gif = m.content().parts().get(1);
    assertArrayEquals(new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}, gif.dataBytes());
    assertEquals("g", gif.contentId().orElseThrow());
    assertArrayEquals(in, Mm4Codec.encode(m));
  }

  /**
   * Base64 bodies written by an independent encoder (the JDK's) decode to the original octets,
   * for every length modulo 3, lines of any length (even splitting a quantum), CRLF or LF, and in
   * lenient mode a tail without its '=' padding.
   */
  @Test
  void base64DecodesLikeTheJdkAtEveryLengthAndLineWidth() throws Exception {
    java.util.SplittableRandom random = new java.util.SplittableRandom(2026);
    for (int round = 0; round < 300; round++) {
      byte[] data = new byte[random.nextInt(2000)];
      random.nextBytes(data);
      String encoded = java.util.Base64.getEncoder().encodeToString(data);
      boolean unpadded = random.nextInt(4) == 0;
      if (unpadded) {
        encoded = encoded.replace("=", "");
      }
      int width = 1 + random.nextInt(100);
      String eol = random.nextBoolean() ? "\r\n" : "\n";
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < encoded.length(); i += width) {
        lines.append(encoded, i, Math.min(encoded.length(), i + width)).append(eol);
      }
      String body =
          "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
              + lines
              + "--b--\n";
      byte[] in =
          Fixtures.mail(
              Fixtures.RES_HEAD
                  + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                  + body);
      Mm4Message m = Mm4Codec.decode(in);
      assertArrayEquals(
          data,
          m.content().parts().get(0).dataBytes(),
          () -> "width " + width + (unpadded ? ", unpadded" : ""));
    }
  }

  @Test
  void identityPartsAreViewsOfTheDecodedArray() throws Exception {
    byte[] in =
        Fixtures.mail(
            Fixtures.RES_HEAD
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/plain\n\nabc\n--b--\n");
    Mm4Message m = Mm4Codec.decode(in);
    ByteBuffer view = m.content().parts().get(0).data();
    assertTrue(view.isReadOnly());
    assertEquals("abc", StandardCharsets.US_ASCII.decode(view.duplicate()).toString());
    int at = new String(in, StandardCharsets.US_ASCII).indexOf("abc");
    in[at] = 'X'; // a view: the caller's bytes are the part's data
    assertEquals('X', m.content().parts().get(0).data().get(0));
    byte[] in2 = in.clone();
    Mm4Message owned = Mm4Codec.decode(new java.io.ByteArrayInputStream(in2));
    in2[at] = 'Y'; // decode(InputStream) reads into its own buffer: the caller may reuse the array
    assertEquals('X', owned.content().parts().get(0).data().get(0));
    byte[] in3 = in.clone();
    Mm4Message slice = Mm4Codec.decode(in3, 0, in3.length, Mm4Config.DEFAULT);
    assertEquals(m, slice);
  }

  @Test
  void parametersAreTypedAndCaseInsensitive() {
    ContentType t =
        ContentType.parse(
            "Multipart/Related;Start=\"<smil>\";Type=\"application/smil\"; \tboundary=\"--=_x\"");
    assertEquals("multipart/related", t.baseType());
    assertEquals("<smil>", t.parameter("start").orElseThrow());
    assertEquals("--=_x", t.boundary().orElseThrow());
    ContentType rfc2231 = ContentType.parse("image/jpeg; name*=utf-8''Gr%C3%BC%C3%9Fe.jpg");
    assertEquals("Grüße.jpg", rfc2231.parameter("name").orElseThrow());
    assertEquals(rfc2231, ContentType.parse(rfc2231.toString()));
    ContentType continued = ContentType.parse("image/jpeg; name*0=\"long\"; name*1=\"name.jpg\"");
    assertEquals("longname.jpg", continued.parameter("name").orElseThrow());
    assertEquals(
        "inline", ContentDisposition.tryParse("INLINE; filename=a.txt").orElseThrow().type());
  }
}
