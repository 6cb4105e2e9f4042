package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.TimeValue;

/** Composing PDUs with the builders, and changing decoded ones with toBuilder(). */
class BuilderTest {

  private static final byte[] JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, (byte) 0xFF, (byte) 0xD9
  };
  private static final String SMIL =
      "<smil><body><par><img src=\"cid:img\"/><text src=\"cid:txt\"/></par></body></smil>";

  static SendReq smilTextJpeg() {
    Part smil =
        Part.builder()
            .contentType(
                ContentType.of(MediaType.APPLICATION_SMIL)
                    .withParameter("charset", CharacterSet.UTF_8))
            .data(SMIL.getBytes(StandardCharsets.UTF_8))
            .contentId("<smil>")
            .contentLocation("smil.xml")
            .build();
    Part text =
        Part.builder().text("Вид с крыши").contentId("<txt>").contentLocation("text.txt").build();
    Part jpeg =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG).withParameter("name", "photo.jpg"))
            .data(JPEG)
            .contentId("<img>")
            .build();
    ContentType related =
        ContentType.of(MediaType.MULTIPART_RELATED)
            .withParameter("start", "<smil>")
            .withParameter("type", "application/smil");
    return SendReq.builder()
        .subject("Питер")
        .to("+4912345678/TYPE=PLMN")
        .to(Address.email("a@example.com"))
        .from(FromValue.insertAddress())
        .messageClass(MessageClass.PERSONAL)
        .priority(Priority.HIGH)
        .expiry(TimeValue.relative(java.time.Duration.ofDays(7)))
        .transactionId("T-1")
        .body(related, MultipartBody.of(smil, text, jpeg))
        .build();
  }

  @Test
  void composesSendReqWithSmilTextAndJpeg() throws Exception {
    SendReq req = smilTextJpeg();
    byte[] wire = PduCodec.encode(req);
    // Canonical order: Message-Type, Transaction-ID, MMS-Version first; Content-Type last.
    assertArrayEquals(
        new byte[] {(byte) 0x8C, (byte) 0x80, (byte) 0x98, 'T', '-', '1', 0, (byte) 0x8D},
        java.util.Arrays.copyOf(wire, 8));
    Pdu decoded = PduCodec.decode(wire, DecodeConfig.STRICT);
    assertEquals(req, decoded);
    assertTrue(decoded.findings().isEmpty(), () -> decoded.findings().toString());
    List<Header> hs = decoded.headers();
    assertEquals(HeaderField.MESSAGE_TYPE, hs.get(0).field());
    assertEquals(HeaderField.TRANSACTION_ID, hs.get(1).field());
    assertEquals(HeaderField.MMS_VERSION, hs.get(2).field());
    assertEquals(HeaderField.CONTENT_TYPE, hs.get(hs.size() - 1).field());
    // The other headers keep the order they were added in.
    assertEquals(
        List.of(
            HeaderField.SUBJECT,
            HeaderField.TO,
            HeaderField.TO,
            HeaderField.FROM,
            HeaderField.MESSAGE_CLASS,
            HeaderField.PRIORITY,
            HeaderField.EXPIRY),
        hs.subList(3, hs.size() - 1).stream().map(Header::field).toList());

    SendReq back = (SendReq) decoded;
    assertEquals(List.of(Address.plmn("+4912345678"), Address.email("a@example.com")), back.to());
    assertEquals("Питер", back.get(HeaderField.SUBJECT).orElseThrow().text());
    assertEquals(
        Optional.of(CharacterSet.UTF_8), back.get(HeaderField.SUBJECT).orElseThrow().charset());
    ContentType ct = back.contentType().orElseThrow();
    assertEquals("<smil>", ct.parameter("start").orElseThrow().text());
    assertEquals(MediaType.APPLICATION_SMIL, ct.parameter("type").orElseThrow().value());
    MultipartBody body = (MultipartBody) back.body().orElseThrow();
    assertEquals(3, body.parts().size());
    assertEquals("<smil>", body.parts().get(0).contentId().orElseThrow());
    assertEquals(SMIL, body.parts().get(0).text());
    assertEquals("Вид с крыши", body.parts().get(1).text());
    assertEquals("photo.jpg", body.parts().get(2).name().orElseThrow());
    assertArrayEquals(JPEG, body.parts().get(2).dataBytes());
    assertArrayEquals(wire, PduCodec.encode(decoded));
  }

  @Test
  void defaultVersionIsAddedAfterTransactionId() throws Exception {
    Pdu p =
        SendConf.builder()
            .responseStatus(org.mmsstack.encapsulation.value.ResponseStatus.OK)
            .transactionId("x")
            .build();
    assertEquals(MmsVersion.V1_2, p.mmsVersion().orElseThrow());
    Pdu c = CancelReq.builder().transactionId("x").set(HeaderField.CANCEL_ID, "m").build();
    assertEquals(
        MmsVersion.V1_3,
        c.mmsVersion().orElseThrow(),
        "a 1.3 PDU is not labelled older than its type");
  }

  @Test
  void missingMandatoryHeadersAreNamed() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SendReq.builder().build());
    assertTrue(e.getMessage().contains("X-Mms-Transaction-Id"), e.getMessage());
    assertTrue(e.getMessage().contains("From"), e.getMessage());
    assertTrue(e.getMessage().contains("Content-Type"), e.getMessage());
    e =
        assertThrows(
            IllegalStateException.class,
            () -> NotificationInd.builder().transactionId("t").build());
    for (String h :
        List.of(
            "X-Mms-Message-Class",
            "X-Mms-Message-Size",
            "X-Mms-Expiry",
            "X-Mms-Content-Location")) {
      assertTrue(e.getMessage().contains(h), e.getMessage());
    }
    e = assertThrows(IllegalStateException.class, () -> DeliveryInd.builder().build());
    assertTrue(
        e.getMessage().contains("Message-ID") && e.getMessage().contains("X-Mms-Status"),
        e.getMessage());
    e =
        assertThrows(
            IllegalStateException.class, () -> CancelReq.builder().transactionId("t").build());
    assertTrue(e.getMessage().contains("X-Mms-Cancel-ID"), e.getMessage());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Pdu> pdus() {
    return PduGenerators.pdu();
  }

  /** Dropping any one mandatory header of a generated PDU makes build() name that header. */
  @net.jqwik.api.Property(seed = "7", tries = 200)
  void everyTypeNeedsExactlyItsMandatoryHeaders(@net.jqwik.api.ForAll("pdus") Pdu full) {
    MessageType t = full.messageType();
    for (PduRules.Rule r : PduRules.rules(t)) {
      int code = r.field().code();
      if (r.requirement() != PduRules.Requirement.MANDATORY || code == 0x0C || code == 0x0D) {
        continue; // the type is fixed and the builder supplies a default version
      }
      Pdu.Builder<?, ?> b = PduGenerators.builder(t);
      full.headers().stream()
          .filter(
              h -> h.field().code() != 0x0C && h.field().code() != 0x04 && h.field().code() != code)
          .forEach(b::add);
      if (code != 0x04) {
        full.body().ifPresent(body -> b.body(full.contentType().orElseThrow(), body));
      }
      IllegalStateException e =
          assertThrows(IllegalStateException.class, b::build, t + " without " + r.field());
      assertTrue(e.getMessage().contains(r.field().name()), e.getMessage());
    }
    // With all of them it builds.
    Pdu.Builder<?, ?> b = PduGenerators.builder(t);
    full.headers().stream()
        .filter(h -> h.field().code() != 0x0C && h.field().code() != 0x04)
        .forEach(b::add);
    full.body().ifPresent(body -> b.body(full.contentType().orElseThrow(), body));
    assertEquals(full, b.build());
  }

  @Test
  void bodyAndContentTypeGoTogether() {
    assertThrows(
        IllegalStateException.class,
        () ->
            RetrieveConf.builder()
                .date(Instant.EPOCH)
                .set(HeaderField.CONTENT_TYPE, ContentType.of(MediaType.TEXT_PLAIN))
                .build());
  }

  /** Adding one Application-header to a decoded PDU inserts its octets and changes nothing else. */
  @TestFactory
  Stream<DynamicTest> toBuilderChangesOnlyTheAddedOctets() {
    return Corpus.files("pdus").stream()
        .map(p -> DynamicTest.dynamicTest(Corpus.name(p), () -> addOne(p)));
  }

  private static void addOne(Path p) throws Exception {
    byte[] original = Corpus.read(p);
    Pdu pdu = PduCodec.decode(original, DecodeConfig.LENIENT);
    Pdu changed = pdu.toBuilder().applicationHeader("X-Mmsstack-Test", "added").build();
    byte[] added = "X-Mmsstack-Test\0added\0".getBytes(StandardCharsets.US_ASCII);
    int at =
        pdu.headers().stream()
            .filter(h -> h.field().code() == 0x04)
            .findFirst()
            .map(Header::offset)
            .orElse(original.length - pdu.trailingOctets().length);
    byte[] expected = new byte[original.length + added.length];
    System.arraycopy(original, 0, expected, 0, at);
    System.arraycopy(added, 0, expected, at, added.length);
    System.arraycopy(original, at, expected, at + added.length, original.length - at);
    assertArrayEquals(expected, PduCodec.encode(changed));
    assertEquals("added", changed.applicationHeader("x-mmsstack-test").orElseThrow());
    // Removing it again gives the original octets back.
    assertArrayEquals(
        original,
        PduCodec.encode(
            changed.toBuilder().remove(HeaderField.application("X-Mmsstack-Test")).build()));
  }

  @Test
  void toBuilderReplacingOneHeaderKeepsTheOthers() throws Exception {
    byte[] original = Corpus.read("pdus/python-messaging/27d0a048cd79555de05283a22372b0eb.mms");
    Pdu pdu = PduCodec.decode(original);
    Pdu changed = pdu.toBuilder().set(HeaderField.SUBJECT, EncodedString.of("x")).build();
    Pdu back = PduCodec.decode(PduCodec.encode(changed));
    assertEquals("x", back.get(HeaderField.SUBJECT).orElseThrow().text());
    assertEquals(pdu.headers().size(), back.headers().size());
    for (int i = 0; i < pdu.headers().size(); i++) {
      if (pdu.headers().get(i).field() != HeaderField.SUBJECT) {
        assertEquals(pdu.headers().get(i), back.headers().get(i));
      }
    }
    assertEquals(pdu.body(), back.body());
  }

  @Test
  void toBuilderKeepsWhatIsMandatoryButDoesNotAskForWhatWasLacking() throws Exception {
    // An m-send-conf without X-Mms-Response-Status (mandatory): lenient decoding takes it.
    byte[] lacking = {(byte) 0x8C, (byte) 0x81, (byte) 0x98, 'T', '1', 0, (byte) 0x8D, (byte) 0x90};
    Pdu pdu = PduCodec.decode(lacking);
    Pdu edited = pdu.toBuilder().applicationHeader("X-Mmsstack-Test", "1").build();
    assertEquals(Optional.of("1"), edited.get(HeaderField.application("X-Mmsstack-Test")));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> pdu.toBuilder().remove(HeaderField.TRANSACTION_ID).build());
    assertTrue(e.getMessage().contains("X-Mms-Transaction-Id"), e.getMessage());
    // A complete PDU: a mandatory header cannot be dropped, an optional one can.
    Pdu full = PduCodec.decode(Corpus.read("pdus/mmsd/ni-mms-1-3-con-271.mms"));
    assertThrows(
        IllegalStateException.class,
        () -> full.toBuilder().remove(HeaderField.CONTENT_LOCATION).build());
    assertTrue(
        full.toBuilder().remove(HeaderField.SUBJECT).build().get(HeaderField.SUBJECT).isEmpty());
  }

  // ---- what is copied and what is a view
  // -----------------------------------------------------------

  @Test
  void encodeReturnsAFreshArrayEachTime() {
    SendReq req = smilTextJpeg();
    byte[] a = PduCodec.encode(req);
    byte[] b = PduCodec.encode(req);
    assertNotSame(a, b);
    java.util.Arrays.fill(a, (byte) 0);
    assertArrayEquals(b, PduCodec.encode(req));
  }

  @Test
  void optionalValuesAreEmptyRatherThanNull() throws Exception {
    EncodedString plain = EncodedString.ofOctets(new byte[] {'h', 'i'});
    assertEquals(Optional.empty(), plain.charset());
    assertEquals(EncodedString.of("hi"), plain);
    assertEquals(plain, EncodedString.ofOctets(new byte[] {'x', 'h', 'i'}, 1, 2));
    assertEquals(Optional.of(CharacterSet.UTF_8), EncodedString.of("ä").charset());
    NullPointerException e =
        assertThrows(
            NullPointerException.class, () -> EncodedString.ofOctets(null, new byte[] {'h'}));
    assertTrue(e.getMessage().startsWith("charset"), e.getMessage());

    assertEquals(Optional.of("PLMN"), Address.plmn("+4912345678").typeName());
    assertEquals(Optional.empty(), Address.email("a@example.com").typeName());

    assertEquals(Optional.of(StandardCharsets.UTF_8), CharacterSet.UTF_8.javaCharset());
    assertEquals(Optional.empty(), CharacterSet.valueOf(3000).javaCharset());
    assertEquals(Optional.empty(), CharacterSet.ANY.javaCharset());

    Header built = Header.of(HeaderField.SUBJECT, EncodedString.of("hi"));
    assertEquals(Optional.empty(), built.originalEncoding());
    assertEquals(-1, built.originalLength());
    Pdu decoded =
        PduCodec.decode(
            PduCodec.encode(
                RetrieveConf.builder()
                    .date(Instant.EPOCH)
                    .subject("hi")
                    .body(
                        ContentType.of(MediaType.MULTIPART_MIXED),
                        MultipartBody.of(Part.copyOf(ContentType.of(MediaType.IMAGE_JPEG), JPEG)))
                    .build()));
    List<Header> headers = decoded.headers();
    for (int i = 0; i < headers.size(); i++) {
      Header h = headers.get(i);
      assertEquals(h.originalEncoding().orElseThrow().length, h.originalLength(), h.name());
      if (i + 1 < headers.size()) {
        assertEquals(headers.get(i + 1).offset(), h.offset() + h.originalLength(), h.name());
      }
    }
  }

  @Test
  void builderInputArraysAreCopiedWhenAsked() {
    byte[] data = JPEG.clone();
    Part part = Part.copyOf(ContentType.of(MediaType.IMAGE_JPEG), data);
    SinglePartBody single = SinglePartBody.copyOf(data);
    byte[] octets = {'a', 'b'};
    EncodedString s = EncodedString.ofOctets(CharacterSet.UTF_8, octets);
    RawValue raw = RawValue.of(new byte[] {(byte) 0x80});
    Pdu pdu =
        RetrieveConf.builder()
            .date(Instant.EPOCH)
            .subject(s)
            .add(Header.ofRaw(HeaderField.valueOf(0x50), raw))
            .body(ContentType.of(MediaType.MULTIPART_MIXED), MultipartBody.of(part))
            .build();
    byte[] before = PduCodec.encode(pdu);
    java.util.Arrays.fill(data, (byte) 0);
    java.util.Arrays.fill(octets, (byte) 0);
    assertArrayEquals(before, PduCodec.encode(pdu));
    assertArrayEquals(JPEG, part.dataBytes());
    assertArrayEquals(JPEG, single.dataBytes());
    // Accessors hand out copies too.
    s.octets()[0] = 0;
    raw.octets()[0] = 0;
    assertEquals("ab", s.text());
    assertArrayEquals(new byte[] {(byte) 0x80}, raw.octets());
  }

  /** Part.of and SinglePartBody.of are views of the caller's octets: nothing is copied to build. */
  @Test
  void partDataIsAViewOfTheCallersArray() throws Exception {
    byte[] data = JPEG.clone();
    Part part = Part.of(ContentType.of(MediaType.IMAGE_JPEG), data);
    SinglePartBody single = SinglePartBody.of(data);
    java.nio.ByteBuffer window = java.nio.ByteBuffer.wrap(data, 1, 2);
    Part sliced = Part.of(ContentType.of(MediaType.IMAGE_JPEG), window);
    assertEquals(1, window.position());
    data[1] = 0x11;
    assertEquals(0x11, part.data().get(1));
    assertEquals(0x11, single.data().get(1));
    assertEquals(0x11, sliced.data().get(0));
    assertEquals(2, sliced.dataSize());
    assertTrue(part.data().isReadOnly());
    assertTrue(single.data().isReadOnly());
    // The encoder writes the data from the caller's array.
    Pdu pdu =
        RetrieveConf.builder()
            .date(Instant.EPOCH)
            .body(ContentType.of(MediaType.MULTIPART_MIXED), MultipartBody.of(part, sliced))
            .build();
    byte[] wire = PduCodec.encode(pdu);
    MultipartBody back = (MultipartBody) PduCodec.decode(wire).body().orElseThrow();
    assertArrayEquals(data, back.parts().get(0).dataBytes());
    assertArrayEquals(new byte[] {0x11, data[2]}, back.parts().get(1).dataBytes());
  }

  /** encode(pdu) and encode(pdu, stream) write the same octets, in an array of the exact size. */
  @Test
  void encodedSizeMatchesWhatIsWritten() throws Exception {
    Part smil =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data(new byte[] {'<', 's', '/', '>'})
            .contentId("<smil>")
            .build();
    Part big =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG))
            .data(java.nio.ByteBuffer.wrap(new byte[70_000]).asReadOnlyBuffer())
            .contentLocation("x.jpg")
            .build();
    MultipartBody body = MultipartBody.of(smil, Part.text("hi"), big);
    Pdu pdu =
        RetrieveConf.builder()
            .date(Instant.EPOCH)
            .body(ContentType.of(MediaType.MULTIPART_RELATED), body)
            .build();
    byte[] wire = PduCodec.encode(pdu);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PduCodec.encode(pdu, out);
    assertArrayEquals(wire, out.toByteArray());
    java.io.ByteArrayOutputStream bodyOut = new java.io.ByteArrayOutputStream();
    body.writeTo(bodyOut);
    assertEquals(bodyOut.size(), body.encodedSize());
    assertEquals(0, MultipartBody.of().encodedSize() - 1);
  }

  /**
   * encode(pdu) writes the largest part data first, at its place, and the rest around it: the
   * octets must be those the in-order stream encoder writes, wherever the largest part is and
   * whatever holds its data (an array, a buffer with an offset, a read-only buffer, a decoded
   * part), for multipart, single-part and decoded bodies.
   */
  @Test
  void largestPartWrittenFirstLandsWhereTheStreamEncoderPutsIt() throws Exception {
    byte[] pattern = new byte[5000];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = (byte) (i * 31 + 7);
    }
    Part small = Part.builder().text("hi").contentId("<t>").build();
    Part empty = Part.of(ContentType.of(MediaType.TEXT_PLAIN), new byte[0]);
    Part array =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG))
            .data(pattern)
            .contentId("<a>")
            .build();
    Part offset =
        Part.of(ContentType.of(MediaType.IMAGE_GIF), java.nio.ByteBuffer.wrap(pattern, 7, 4000));
    Part readOnly =
        Part.of(
            ContentType.of(MediaType.IMAGE_PNG),
            java.nio.ByteBuffer.wrap(pattern, 3, 4500).asReadOnlyBuffer());
    byte[] decodedWire = PduCodec.encode(smilTextJpeg());
    Part decoded =
        ((MultipartBody) PduCodec.decode(decodedWire).body().orElseThrow()).parts().get(0);
    List<List<Part>> bodies =
        List.of(
            List.of(array, small, empty),
            List.of(small, array, empty),
            List.of(small, empty, array),
            List.of(offset, array, readOnly),
            List.of(readOnly, small),
            List.of(offset, offset),
            List.of(empty),
            List.of(empty, empty),
            List.of(decoded, small),
            List.of());
    for (List<Part> parts : bodies) {
      assertEncodesAsStream(
          SendReq.builder()
              .transactionId("T")
              .from(FromValue.insertAddress())
              .body(ContentType.of(MediaType.MULTIPART_MIXED), MultipartBody.of(parts))
              .build());
    }
    assertEncodesAsStream(
        SendReq.builder()
            .transactionId("T")
            .from(FromValue.insertAddress())
            .body(ContentType.of(MediaType.IMAGE_JPEG), SinglePartBody.of(pattern))
            .build());
    // A decoded PDU with one header changed: its decoded body is written as one run.
    assertEncodesAsStream(
        PduCodec.decode(decodedWire).toBuilder().set(HeaderField.TRANSACTION_ID, "T-2").build());
  }

  private static void assertEncodesAsStream(Pdu pdu) throws Exception {
    byte[] wire = PduCodec.encode(pdu);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PduCodec.encode(pdu, out);
    assertArrayEquals(out.toByteArray(), wire);
    assertEquals(pdu, PduCodec.decode(wire, DecodeConfig.STRICT));
  }

  /**
   * Decoded PDUs are views of their input (no copy on decode): part data are read-only buffers
   * over the caller's array, which the caller must therefore leave alone while the PDU is used.
   */
  @Test
  void decodedPartDataIsAReadOnlyViewOfTheInput() throws Exception {
    byte[] wire = PduCodec.encode(smilTextJpeg());
    Pdu pdu = PduCodec.decode(wire);
    Part jpeg = ((MultipartBody) pdu.body().orElseThrow()).parts().get(2);
    assertTrue(jpeg.data().isReadOnly());
    assertThrows(java.nio.ReadOnlyBufferException.class, () -> jpeg.data().put(0, (byte) 1));
    byte[] copy = jpeg.dataBytes();
    copy[0] = 0;
    assertArrayEquals(JPEG, jpeg.dataBytes(), "toByteArray() is a copy");
  }
}
