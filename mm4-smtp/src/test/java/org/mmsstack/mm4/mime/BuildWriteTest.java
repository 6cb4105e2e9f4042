package org.mmsstack.mm4.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.value.Mm4Address;

/** Building over the caller's data, the boundary choice, and the base64 writer. */
class BuildWriteTest {

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  private static Mm4ForwardReq message(MimeEntity content) {
    return Mm4ForwardReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("t1")
        .messageId("m1")
        .from(Mm4Address.plmn("+4915550000001"))
        .to(Mm4Address.plmn("+4915550000002"))
        .date(java.time.OffsetDateTime.parse("2024-03-01T12:30:45Z"))
        .rfc822MessageId("mail-1@mms.example")
        .originatorSystem(Mm4Address.parse("system-user@mms.mnc001.mcc262.gprs"))
        .content(content)
        .build();
  }

  private static MimeEntity text(String s) {
    return MimeEntity.builder(ContentType.of("text", "plain"))
        .data(s.getBytes(StandardCharsets.US_ASCII))
        .build();
  }

  @Test
  void aNestedBoundaryThatStartsTheUsualStemStillLeavesAFreeBoundary() throws Exception {
    for (String inner : new String[] {"=", "=_", "=_m", "=_mm4", "=_mm4_", "0"}) {
      MimeEntity nested =
          MimeEntity.builder(ContentType.of("multipart", "mixed").withParameter("boundary", inner))
              .addPart(text("inside"))
              .build();
      MimeEntity outer =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              java.time.Duration.ofSeconds(10),
              () ->
                  MimeEntity.builder(ContentType.of("multipart", "related"))
                      .addPart(nested)
                      .addPart(text("outside"))
                      .build(),
              inner);
      String b = outer.contentType().boundary().orElseThrow();
      assertFalse(b.startsWith(inner) || inner.startsWith(b), inner + " / " + b);
      MimeEntity back = Mm4Codec.decode(Mm4Codec.encode(message(outer))).content();
      assertEquals(2, back.parts().size(), inner);
      assertEquals(1, back.parts().get(0).parts().size(), inner);
    }
  }

  @Test
  void base64LinesMatchTheJdkMimeEncoderAtEveryLengthAndOffset() {
    Base64.Encoder jdk = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});
    byte[] src = random(700, 1);
    for (int len = 0; len <= 600; len++) {
      for (int off : new int[] {0, 1, 2, 57}) {
        byte[] enc = jdk.encode(Arrays.copyOfRange(src, off, off + len));
        byte[] expected = Arrays.copyOf(enc, enc.length + (len == 0 ? 0 : 2));
        if (len > 0) {
          expected[enc.length] = '\r';
          expected[enc.length + 1] = '\n';
        }
        byte[] out = new byte[(int) Base64Lines.size(len) + 3];
        int end = Base64Lines.encode(src, off, len, out, 3);
        assertEquals(out.length, end, "len " + len);
        assertArrayEquals(expected, Arrays.copyOfRange(out, 3, end), "len " + len + " off " + off);
      }
    }
  }

  @Test
  void arrayAndStreamWritesAgreeForLargeBase64Parts() throws Exception {
    MimeEntity image =
        MimeEntity.builder(ContentType.of("image", "jpeg")).data(random(300_001, 2)).build();
    MimeEntity related =
        MimeEntity.builder(ContentType.of("multipart", "related"))
            .addPart(text("hello"))
            .addPart(image)
            .build();
    Mm4ForwardReq m = message(related);
    byte[] bytes = Mm4Codec.encode(m);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Mm4Codec.encode(m, out);
    assertArrayEquals(bytes, out.toByteArray());
    assertEquals(m, Mm4Codec.decode(bytes, Mm4Config.STRICT));
  }

  @Test
  void builtPartsViewTheCallersData() {
    byte[] data = random(1000, 3);
    MimeEntity e = MimeEntity.builder(ContentType.of("image", "png")).data(data).build();
    assertEquals(TransferEncoding.BASE64, e.transferEncoding().orElseThrow());
    data[10] ^= 1;
    assertEquals(data[10], e.data().get(10), "the data is a view, not a copy");

    byte[] backing = random(100, 4);
    ByteBuffer slice = ByteBuffer.wrap(backing, 20, 50);
    MimeEntity fromBuffer = MimeEntity.builder(ContentType.of("image", "png")).data(slice).build();
    assertArrayEquals(Arrays.copyOfRange(backing, 20, 70), fromBuffer.dataBytes());
    assertEquals(20, slice.position(), "the buffer's position is not moved");

    ByteBuffer direct = ByteBuffer.allocateDirect(30).put(random(30, 5)).flip();
    byte[] expected = new byte[30];
    direct.duplicate().get(expected);
    MimeEntity copied = MimeEntity.builder(ContentType.of("image", "png")).data(direct).build();
    direct.put(0, (byte) (direct.get(0) ^ 1));
    assertArrayEquals(expected, copied.dataBytes(), "a direct buffer is copied");
  }

  @Test
  void boundaryDoesNotDependOnBase64DataButAvoidsIdentityContent() {
    MimeEntity a =
        MimeEntity.builder(ContentType.of("multipart", "mixed"))
            .addPart(text("hello"))
            .addPart(MimeEntity.builder(ContentType.of("image", "png")).data(random(99, 6)).build())
            .build();
    MimeEntity b =
        MimeEntity.builder(ContentType.of("multipart", "mixed"))
            .addPart(text("hello"))
            .addPart(MimeEntity.builder(ContentType.of("image", "png")).data(random(99, 7)).build())
            .build();
    String boundary = a.contentType().boundary().orElseThrow();
    assertTrue(boundary.startsWith("=_mm4_"), boundary);
    assertEquals(boundary, b.contentType().boundary().orElseThrow());

    // A 7bit part of the same size and header fields that holds the delimiter the builder
    // would choose: another one is chosen.
    MimeEntity plain =
        MimeEntity.builder(ContentType.of("multipart", "mixed"))
            .addPart(text("y".repeat(40)))
            .build();
    String wanted = plain.contentType().boundary().orElseThrow();
    String holding = "x--" + wanted;
    holding += "y".repeat(40 - holding.length());
    MimeEntity clash =
        MimeEntity.builder(ContentType.of("multipart", "mixed")).addPart(text(holding)).build();
    String chosen = clash.contentType().boundary().orElseThrow();
    assertNotEquals(wanted, chosen);
    assertFalse(holding.contains("--" + chosen), chosen);
  }

  @Test
  void nestedMultipartsGetBoundariesThatAreNotPrefixesOfEachOther() throws Exception {
    MimeEntity inner =
        MimeEntity.builder(ContentType.of("multipart", "alternative"))
            .addPart(text("a"))
            .addPart(text("b"))
            .build();
    MimeEntity outer =
        MimeEntity.builder(ContentType.of("multipart", "mixed"))
            .addPart(inner)
            .addPart(text("c"))
            .build();
    String i = inner.contentType().boundary().orElseThrow();
    String o = outer.contentType().boundary().orElseThrow();
    assertFalse(i.startsWith(o) || o.startsWith(i), i + " / " + o);
    Mm4ForwardReq m = message(outer);
    assertEquals(m, Mm4Codec.decode(Mm4Codec.encode(m), Mm4Config.STRICT));

    MimeEntity.Builder prefixed =
        MimeEntity.builder(ContentType.of("multipart", "mixed").withParameter("boundary", "=_a"))
            .addPart(
                MimeEntity.builder(
                        ContentType.of("multipart", "alternative")
                            .withParameter("boundary", "=_ab"))
                    .addPart(text("a"))
                    .build());
    assertThrows(IllegalStateException.class, prefixed::build);
  }

  @Test
  void buildingTheSameMessageTwiceGivesTheSameBytes() {
    byte[] image = random(5000, 8);
    MimeEntity e1 =
        MimeEntity.builder(ContentType.of("multipart", "related"))
            .addPart(text("hello"))
            .addPart(MimeEntity.builder(ContentType.of("image", "png")).data(image).build())
            .build();
    MimeEntity e2 =
        MimeEntity.builder(ContentType.of("multipart", "related"))
            .addPart(text("hello"))
            .addPart(MimeEntity.builder(ContentType.of("image", "png")).data(image.clone()).build())
            .build();
    assertArrayEquals(Mm4Codec.encode(message(e1)), Mm4Codec.encode(message(e2)));
  }
}
