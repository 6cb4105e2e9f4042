package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * The builders refuse, when a value is set, what the encoder could not write so that a decoder
 * reads the same value back; the message names the header (or part header, or parameter) and
 * says what is wrong. Values next to a refused one that a reader does take back are accepted.
 * {@link AcceptedValuesRoundTripTest} checks the same rules over generated values.
 */
class UnwritableValuesTest {

  private static String refused(Executable set) {
    return assertThrows(IllegalArgumentException.class, set).getMessage();
  }

  private static void readsBack(Pdu pdu) {
    AcceptedValuesRoundTripTest.assertReadsBack(pdu, pdu::toString);
  }

  private static MboxDescr.Builder descr() {
    return MboxDescr.builder();
  }

  private static SendReq.Builder sendReq() {
    return SendReq.builder().transactionId("t1").from(FromValue.insertAddress());
  }

  /** The send-req with a recipient and a body, what it needs besides. */
  private static SendReq complete(SendReq.Builder b) {
    return b.to("+4912/TYPE=PLMN")
        .body(ContentType.of(MediaType.TEXT_PLAIN), SinglePartBody.of(new byte[] {'x'}))
        .build();
  }

  private static byte[] multipart(Part... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MultipartBody.of(parts).writeTo(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  // ---- text ------------------------------------------------------------------------------------

  @Test
  void refusesTextStartingWithAControlCharacter() {
    assertEquals(
        "X-Mms-Transaction-Id: text must not start with a control character (0x0a)",
        refused(() -> sendReq().transactionId("\nT1")));
    assertEquals(
        "X-Test: text must not start with a control character (0x1f)",
        refused(() -> descr().applicationHeader("X-Test", "\u001fvalue")));
  }

  @Test
  void refusesTextWithANul() {
    assertEquals(
        "Message-ID: text must not contain NUL (0x00), at index 3: it ends the text",
        refused(() -> descr().add(HeaderField.MESSAGE_ID, "abc\0def")));
  }

  @Test
  void refusesTextWithAnUnpairedSurrogate() {
    assertEquals(
        "X-Mms-Transaction-Id: text must not contain an unpaired surrogate (U+D83D at index 1):"
            + " UTF-8 cannot carry it",
        refused(() -> sendReq().transactionId("a\ud83d")));
  }

  @Test
  void acceptsTextThatStartsWithTheQuoteADoubleQuoteOrNonAscii() {
    // Sent after a Quote (0x7F), which the reader strips; a double quote is text in a Text-string.
    for (String s :
        List.of("\u007fid", "\u00e9t\u00e9", "\"quoted\"", "\ud83d\ude00", "", "a\nb")) {
      readsBack(descr().add(HeaderField.MESSAGE_ID, s).build());
    }
  }

  @Test
  void refusesAPlainEncodedStringThatAReaderTakesForTheCharsetForm() {
    assertEquals(
        "Subject: text must not start with a control character (0x05)",
        refused(() -> sendReq().subject(EncodedString.ofOctets(new byte[] {5, 'h', 'i'}))));
    assertEquals(
        "Subject: text must not contain NUL (0x00), at octet 1: it ends the text",
        refused(() -> sendReq().subject(EncodedString.ofOctets(new byte[] {'h', 0, 'i'}))));
    assertTrue(
        refused(
                () ->
                    sendReq()
                        .to(
                            Address.of(
                                EncodedString.ofOctets(
                                    "\u0001+4912/TYPE=PLMN".getBytes(StandardCharsets.US_ASCII)))))
            .startsWith("To: "));
    // EncodedString.of gives such text the charset form, which carries it.
    readsBack(complete(sendReq().subject(EncodedString.of("\u0005hi"))));
  }

  @Test
  void acceptsAnyOctetsInTheCharsetForm() {
    // The Value-length delimits the text: a leading control and a NUL read back.
    byte[] octets = {0x05, 'h', 0, 'i'};
    readsBack(complete(sendReq().subject(EncodedString.ofOctets(CharacterSet.UTF_8, octets))));
  }

  // ---- names -----------------------------------------------------------------------------------

  @Test
  void refusesAnApplicationHeaderNameThatIsNoToken() {
    assertEquals(
        "Application-header: name \"X Foo\" is not an RFC 2616 token (U+0020 at index 1)",
        refused(() -> descr().applicationHeader("X Foo", "v")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void refusesANewValueUnderADecodedApplicationHeaderNameThatIsNoToken() throws Exception {
    // Lenient decoding keeps "X Y: v"; the decoded header itself re-encodes as it came.
    byte[] bytes = hex("8C 93 98 74 00 8D 92 58 20 59 00 76 00");
    Pdu pdu = PduCodec.decode(bytes);
    Header odd = pdu.headers().get(3);
    assertEquals("X Y", odd.name());
    assertArrayEquals(bytes, PduCodec.encode(pdu.toBuilder().build()));
    assertTrue(
        refused(() -> Header.of((HeaderField<String>) odd.field(), "w"))
            .startsWith("Application-header: name \"X Y\""));
  }

  @Test
  void refusesAParameterNameThatIsNoToken() {
    assertEquals(
        "Content-Type: parameter name \"file name\" is not an RFC 2616 token (U+0020 at index 4)",
        refused(
            () ->
                BuiltPdus.withBody(
                    ContentType.of(MediaType.TEXT_PLAIN).withParameter("file name", "a"))));
  }

  // ---- numbers and dates -----------------------------------------------------------------------

  @Test
  void refusesADateBefore1970WhenTheHeaderIsMade() {
    Instant before = Instant.parse("1969-12-31T23:59:59Z");
    assertEquals(
        "Date: 1969-12-31T23:59:59Z is before 1970"
            + " (a Date-value counts seconds since 1970-01-01T00:00:00Z)",
        refused(() -> sendReq().date(before)));
    assertTrue(
        refused(
                () ->
                    descr()
                        .add(HeaderField.PREVIOUSLY_SENT_DATE, new PreviouslySentDate(1, before)))
            .startsWith("X-Mms-Previously-Sent-Date: 1969-12-31T23:59:59Z is before 1970"));
    readsBack(complete(sendReq().date(Instant.EPOCH)));
  }

  @Test
  void refusesNegativeNumbers() {
    assertEquals(
        "X-Mms-Message-Size: -1 is negative (expected: >= 0)",
        refused(() -> descr().add(HeaderField.MESSAGE_SIZE, -1L)));
    assertEquals(
        "Content-Type parameter x-n: -5 is negative (expected: >= 0)",
        refused(
            () ->
                BuiltPdus.withBody(ContentType.of(MediaType.TEXT_PLAIN).withParameter("x-n", -5))));
  }

  @Test
  void refusesAnOctetValueBelow0x80() {
    assertEquals(
        "X-Mms-Priority: octet 0x05 is below 0x80 (a reader takes it for a length or text)",
        refused(() -> sendReq().priority(Priority.valueOf(0x05))));
    readsBack(complete(sendReq().priority(Priority.valueOf(0xF0))));
  }

  @Test
  void refusesQValuesAReaderTakesForText() {
    assertEquals(
        "Content-Type parameter q: Q-value 34 is the octet 0x22, which a reader takes for a"
            + " Quoted-string",
        refused(
            () -> BuiltPdus.withBody(ContentType.of(MediaType.TEXT_PLAIN).withParameter("q", 34))));
    assertTrue(
        refused(
                () ->
                    BuiltPdus.withBody(
                        ContentType.of(MediaType.TEXT_PLAIN).withParameter("q", "high")))
            .startsWith("Content-Type parameter q: Q-value text \"high\" is read as a Uintvar"));
    ContentType digitThenDigits =
        ContentType.of(MediaType.TEXT_PLAIN).withParameter("q", (long) '1').withParameter("2", "v");
    assertEquals(
        "Content-Type: Q-value 49 is the octet '1', which a reader reads with the next parameter's"
            + " name \"2\" as Q-value text",
        refused(() -> BuiltPdus.withBody(digitThenDigits)));
    readsBack(BuiltPdus.withBody(ContentType.of(MediaType.TEXT_PLAIN).withParameter("q", "0.5")));
    readsBack(
        BuiltPdus.withBody(ContentType.of(MediaType.TEXT_PLAIN).withParameter("q", (long) '1')));
  }

  // ---- other values ----------------------------------------------------------------------------

  @Test
  void refusesATextualMessageClassThatAReaderTakesForAnOctetOrTheQuote() {
    assertEquals(
        "X-Mms-Message-Class: text must start with printable ASCII, not U+00C9"
            + " (the first octet is not quoted here)",
        refused(() -> sendReq().messageClass(MessageClass.token("\u00c9clair"))));
    readsBack(complete(sendReq().messageClass(MessageClass.token("NewMessageClass"))));
  }

  @Test
  void refusesATextualMediaTypeThatIsEmptyOrStartsAsACode() {
    assertEquals(
        "Content-Type: media type must not be empty",
        refused(() -> BuiltPdus.withBody(ContentType.of(MediaType.text("")))));
    assertEquals(
        "Content-Type parameter type: media type must not start with a double quote (0x22)",
        refused(
            () ->
                BuiltPdus.withBody(
                    ContentType.of(MediaType.TEXT_PLAIN)
                        .withParameter("type", MediaType.text("\"x/y")))));
  }

  @Test
  void refusesRawOctetsThatAreNotOneValue() {
    HeaderField<?> unassigned = HeaderField.valueOf(0x7E);
    assertEquals(
        "Unassigned-0x7E: raw value is not one encoded value: the value its first octet (0x81)"
            + " announces ends after 1 of its 2 octets",
        refused(() -> Header.ofRaw(unassigned, RawValue.of(new byte[] {(byte) 0x81, 0x01}))));
    assertTrue(
        refused(() -> Header.ofRaw(unassigned, RawValue.of(new byte[] {0x41})))
            .startsWith(
                "Unassigned-0x7E: raw value is not one encoded value: text not terminated"));
    assertEquals(
        "Unassigned-0x7E: raw value must not be empty (expected: one encoded value)",
        refused(() -> Header.ofRaw(unassigned, RawValue.of(new byte[0]))));
    readsBack(
        descr().add(Header.ofRaw(unassigned, RawValue.of(new byte[] {0x02, 0x01, 0x02}))).build());
  }

  @Test
  void refusesAnAttributeWithoutACodeOfItsOwn() {
    assertTrue(
        refused(
                () ->
                    MboxViewReq.builder()
                        .transactionId("t")
                        .add(HeaderField.ATTRIBUTES, HeaderField.application("X-A")))
            .startsWith("X-Mms-Attributes: X-A has no code of its own"));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void refusesAnIndexedValueOfAnotherType() {
    assertEquals(
        "X-Mms-Content-Location: indexed value 5 is not a String",
        refused(
            () ->
                Header.of(
                    (HeaderField) HeaderField.CONTENT_LOCATION_INDEXED, new Indexed<>(0, 5L))));
  }

  @Test
  void refusesAnElementDescriptorTypeThatReadsBackOtherwise() {
    assertTrue(
        refused(
                () ->
                    descr()
                        .add(
                            HeaderField.ELEMENT_DESCRIPTOR,
                            new ElementDescriptor(
                                "r", List.of(new ElementDescriptor.Entry("Type", "image/png")))))
            .startsWith("X-Mms-Element-Descriptor: parameter name \"Type\""));
    assertEquals(
        "X-Mms-Element-Descriptor: type \"IMAGE/PNG\" is sent as the well-known media 0x20 and"
            + " read back as \"image/png\"",
        refused(
            () ->
                descr()
                    .add(
                        HeaderField.ELEMENT_DESCRIPTOR,
                        new ElementDescriptor(
                            "r", List.of(new ElementDescriptor.Entry("type", "IMAGE/PNG"))))));
  }

  // ---- in the PDU type -------------------------------------------------------------------------

  @Test
  void refusesTheIndexedFormOutsideTheDeleteConfirmations() {
    assertEquals(
        "X-Mms-Content-Location: the indexed (Del) form is carried only by m-mbox-delete-conf"
            + " and m-delete-conf, not by m-mbox-descr",
        refused(
            () ->
                descr().add(HeaderField.CONTENT_LOCATION_INDEXED, new Indexed<>(0, "http://a/1"))));
  }

  @Test
  void refusesAResponseTextInTheCharsetFormInADeleteConfirmation() {
    DeleteConf.Builder b =
        DeleteConf.builder().transactionId("t").responseStatus(ResponseStatus.OK);
    assertTrue(
        refused(() -> b.add(HeaderField.RESPONSE_TEXT, EncodedString.of("d\u00e9j\u00e0")))
            .startsWith(
                "X-Mms-Response-Text: in m-delete-conf the charset form reads as the indexed"));
    byte[] utf8 = "d\u00e9j\u00e0".getBytes(StandardCharsets.UTF_8);
    readsBack(b.add(HeaderField.RESPONSE_TEXT, EncodedString.ofOctets(utf8)).build());
  }

  @Test
  void refusesABodyOfTheOtherKind() {
    RetrieveConf.Builder b = RetrieveConf.builder().date(Instant.EPOCH);
    assertTrue(
        refused(
                () ->
                    b.body(
                        ContentType.of(MediaType.MULTIPART_RELATED),
                        SinglePartBody.of(new byte[] {1})))
            .startsWith(
                "Content-Type: application/vnd.wap.multipart.related names a multipart body"));
    assertTrue(
        refused(
                () ->
                    b.body(ContentType.of(MediaType.TEXT_PLAIN), MultipartBody.of(Part.text("a"))))
            .startsWith("Content-Type: text/plain names a single-part body"));
  }

  @Test
  void refusesToBuildABodyWithoutItsContentType() throws Exception {
    Pdu pdu =
        PduCodec.decode(PduCodec.encode(BuiltPdus.withBody(ContentType.of(MediaType.TEXT_PLAIN))));
    Pdu.Builder<?, ?> b = pdu.toBuilder().remove(HeaderField.CONTENT_TYPE);
    assertThrows(IllegalStateException.class, b::build);
  }

  // ---- parts -----------------------------------------------------------------------------------

  @Test
  void refusesAPartHeaderNameThatIsNoToken() {
    assertEquals(
        "part header: name \"X Part\" is not an RFC 2616 token (U+0020 at index 1)",
        refused(() -> PartHeader.text("X Part", "v")));
    assertTrue(
        refused(() -> Part.builder().text("a").addHeader(new PartHeader("X:P", -1, "v")))
            .startsWith("part header: name \"X:P\""));
  }

  @Test
  void refusesAContentIdEndingWithADoubleQuote() {
    assertEquals(
        "Content-ID: text must not end with a double quote (0x22): a reader strips it",
        refused(() -> PartHeader.contentId("<a>\"")));
    // Sent as a Quoted-string, delimited by its opening quote and 0x00: a control reads back.
    readsBack(BuiltPdus.withPart(Part.builder().text("a").contentId("\u0001<a>").build()));
  }

  @Test
  void refusesAContentLocationStartingWithAControlCharacter() {
    assertEquals(
        "Content-Location: text must not start with a control character (0x09)",
        refused(() -> Part.builder().text("a").contentLocation("\ta.txt")));
  }

  @Test
  void refusesAWellKnownPartHeaderUnderAnotherNameOrWithAnotherValueType() {
    assertEquals(
        "part header Content-Id: code 0x40 is read back as Content-ID (expected: that name)",
        refused(
            () -> Part.builder().text("a").addHeader(new PartHeader("Content-Id", 0x40, "<a>"))));
    assertEquals(
        "Content-Base: value http://a/ is a String (expected: a RawValue (its encoded octets))",
        refused(
            () ->
                Part.builder()
                    .text("a")
                    .addHeader(new PartHeader("Content-Base", 0x0A, "http://a/"))));
    assertTrue(
        refused(() -> PartHeader.raw(PartHeader.CONTENT_LOCATION, RawValue.of(new byte[] {0})))
            .startsWith("Content-Location: value raw[00] is a RawValue (expected: a String)"));
  }

  @Test
  void refusesATextualPartHeaderWhoseRawValueReadsBackAsText() {
    assertEquals(
        "X-Part: raw value starts as text (0x41) and is read back as a String (expected: a String"
            + " value)",
        refused(
            () ->
                Part.builder()
                    .text("a")
                    .addHeader(new PartHeader("X-Part", -1, RawValue.of(new byte[] {0x41, 0})))));
  }

  @Test
  void refusesADispositionTheReaderTakesBackOtherwise() {
    assertEquals(
        "Content-Disposition type: text must not start with a control character (0x01)",
        refused(() -> PartHeader.contentDisposition(new ContentDisposition("\u0001x", List.of()))));
    assertTrue(
        refused(() -> PartHeader.contentDisposition(ContentDisposition.attachment("a\0.txt")))
            .startsWith("Content-Disposition parameter filename: text must not contain NUL"));
  }

  @Test
  void refusesALeafTypedAsAMultipartWhoseDataIsNoMultipartBody() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    ContentType related = ContentType.of(MediaType.MULTIPART_RELATED);
    String message = refused(() -> Part.of(related, jpeg));
    assertTrue(
        message.startsWith(
            "Content-Type: application/vnd.wap.multipart.related names a multipart, and the data"
                + " is not a multipart body: "),
        message);
    Part.Builder b = Part.builder().contentType(related).data(jpeg);
    assertThrows(IllegalArgumentException.class, b::build);
    // A multipart body as the data: accepted, and it opens strictly after decoding.
    readsBack(BuiltPdus.withPart(Part.of(related, multipart(Part.text("inner")))));
  }

  @Test
  void refusesToRebuildADecodedPartCarryingAValueTheBuildersRefuse() throws Exception {
    // A part whose untyped parameter name "x y" is no token, as a lenient sender writes it.
    byte[] bytes =
        PduCodec.encode(
            BuiltPdus.withPart(
                Part.of(
                    ContentType.of(MediaType.TEXT_PLAIN).withParameter("xqy", "v"),
                    new byte[] {'a'})));
    for (int i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] == 'x' && bytes[i + 1] == 'q' && bytes[i + 2] == 'y') {
        bytes[i + 1] = ' ';
      }
    }
    Pdu decoded = PduCodec.decode(bytes);
    Part part = ((MultipartBody) decoded.body().orElseThrow()).parts().get(0);
    assertEquals("x y", part.contentType().parameters().get(0).name());
    // Passed on as decoded, or with a header added, the part keeps its octets.
    assertArrayEquals(bytes, PduCodec.encode(decoded));
    Pdu relayed = decoded.toBuilder().applicationHeader("X-Relay", "r1").build();
    assertEquals(decoded.body(), PduCodec.decode(PduCodec.encode(relayed)).body());
    // Rebuilt with its head unchanged, new data included, it keeps the head's octets.
    Part sameHead = part.toBuilder().data(new byte[] {'b'}).build();
    assertEquals(part.contentType(), sameHead.contentType());
    byte[] rebuilt = PduCodec.encode(BuiltPdus.withPart(sameHead));
    assertEquals(
        part.contentType(),
        ((MultipartBody) PduCodec.decode(rebuilt).body().orElseThrow())
            .parts()
            .get(0)
            .contentType());
    // Rebuilt with a header changed, it would be written canonically: refused.
    Part.Builder rebuild = part.toBuilder().contentLocation("a.txt");
    assertTrue(
        assertThrows(IllegalArgumentException.class, rebuild::build)
            .getMessage()
            .startsWith("Content-Type: parameter name \"x y\" is not an RFC 2616 token"));
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s.replace(" ", ""));
  }
}
