package org.mmsstack.encapsulation.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;

/** One test per validator rule, on hand-written octets or built PDUs. */
class ValidatorTest {

  /** A valid m-notifyresp-ind: Type, Transaction-ID "t", Version 1.2, Status Retrieved. */
  private static final String NOTIFYRESP = "8C 83 98 \"t\" 8D 92 95 81";

  private List<Finding> validate(String spec) {
    return PduValidator.validate(Bytes.of(spec)).findings();
  }

  private static List<Finding> withCode(List<Finding> findings, String code) {
    return findings.stream().filter(f -> f.code().equals(code)).collect(Collectors.toList());
  }

  private static Finding only(List<Finding> findings, String code) {
    List<Finding> l = withCode(findings, code);
    assertEquals(1, l.size(), () -> code + " in " + findings);
    return l.get(0);
  }

  private static SendReq.Builder sendReq() {
    return SendReq.builder()
        .transactionId("t1")
        .from(FromValue.insertAddress())
        .to("+491234/TYPE=PLMN");
  }

  @Test
  void validPduHasNoFindings() {
    assertEquals(List.of(), validate(NOTIFYRESP));
    ValidationReport r = PduValidator.validate(Bytes.of(NOTIFYRESP));
    assertTrue(r.isClean());
    assertFalse(r.hasErrors());
  }

  @Test
  void undecodableInputGivesOneErrorInsteadOfThrowing() {
    List<Finding> empty = PduValidator.validate(new byte[0]).findings();
    assertEquals(1, empty.size());
    assertEquals("undecodable-not-a-pdu", empty.get(0).code());
    assertEquals(Severity.ERROR, empty.get(0).severity());
    assertEquals(0, empty.get(0).offset());

    Finding truncated = validate("8C 83 98 \"t\" 8D").get(0);
    assertEquals("undecodable-truncated", truncated.code());
    assertEquals(6, truncated.offset());
    assertEquals("X-Mms-MMS-Version", truncated.header().orElse(null));
  }

  @Test
  void undecodableFindingCarriesTheReasonCodeOffsetAndHeader() {
    // Subject announces 5 octets, 2 remain.
    byte[] pdu = Bytes.of("8C 83 98 74 00 8D 92 96 05 EA 41");
    PduFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            PduFormatException.class, () -> PduCodec.decode(pdu));
    ValidationReport r = PduValidator.validate(pdu);
    assertEquals(1, r.findings().size(), r::toString);
    Finding f = r.findings().get(0);
    assertEquals(FindingCodes.UNDECODABLE_PREFIX + e.reason().code(), f.code());
    assertEquals(FindingCodes.undecodable(e.reason()), f.code());
    assertEquals("undecodable-length-past-end", f.code());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(e.offset(), f.offset());
    assertEquals(8, f.offset());
    assertEquals(e.header(), f.header());
    assertEquals(e.detail(), f.message());
    // A tool holding the exception makes the same finding without decoding again.
    assertEquals(f, PduValidator.undecodable(e));
    // A limit of the configuration the validator is given.
    DecodeConfig small = DecodeConfig.builder().maxPduSize(4).build();
    assertEquals(
        "undecodable-limit-exceeded",
        PduValidator.validate(Bytes.of(NOTIFYRESP), small).findings().get(0).code());
    // Every reason's code follows the prefix, and the prefix is no reason's code.
    for (PduFormatException.Reason reason : PduFormatException.Reason.values()) {
      String code = FindingCodes.undecodable(reason);
      assertEquals(
          java.util.Optional.of(reason),
          PduFormatException.Reason.fromCode(
              code.substring(FindingCodes.UNDECODABLE_PREFIX.length())));
    }
    assertEquals(java.util.Optional.empty(), PduFormatException.Reason.fromCode("undecodable"));
    assertEquals(
        java.util.Optional.empty(),
        PduFormatException.Reason.fromCode(FindingCodes.UNDECODABLE_PREFIX));
  }

  @Test
  void nullArgumentsAreNamed() throws Exception {
    // The validator's shape (static, final, signatures) is checked with the others' in
    // jpms-consumer's ValidatorShapeTest.
    Pdu pdu = PduCodec.decode(Bytes.of(NOTIFYRESP));
    NullPointerException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NullPointerException.class, () -> PduValidator.validate((byte[]) null));
    assertEquals("pdu", e.getMessage());
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NullPointerException.class, () -> PduValidator.undecodable(null));
    assertEquals("e", e.getMessage());
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NullPointerException.class, () -> PduValidator.validate((Pdu) null));
    assertEquals("pdu", e.getMessage());
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NullPointerException.class, () -> PduValidator.validate(pdu, null));
    assertEquals("config", e.getMessage());
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NullPointerException.class,
            () -> PduValidator.validate(Bytes.of(NOTIFYRESP), (DecodeConfig) null));
    assertEquals("config", e.getMessage());
    // The decoded and the undecoded forms agree.
    assertEquals(
        PduValidator.validate(Bytes.of(NOTIFYRESP)).findings(),
        PduValidator.validate(pdu).findings());
  }

  @Test
  void reportsMissingMandatoryHeader() {
    Finding f = only(validate("8C 83 98 \"t\" 8D 92"), FindingCodes.MISSING_MANDATORY_HEADER);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("X-Mms-Status", f.header().orElse(null));
    assertEquals(-1, f.offset());
  }

  @Test
  void reportsMessageTypeNewerThanDeclaredVersion() {
    // m-read-rec-ind (1.1) declaring 1.0: Message-ID, To, From insert-address, Read-Status.
    List<Finding> fs = validate("8C 87 8D 90 8B \"m\" 97 \"a\" 89 01 81 9B 80");
    Finding f = only(fs, FindingCodes.MESSAGE_TYPE_NEWER_THAN_VERSION);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(0, f.offset());
    // Said once for the type, not again for each of its 1.0 headers: only the 1.1 Read-Status
    // is newer than the declared version on its own.
    assertEquals(
        "X-Mms-Read-Status",
        only(fs, FindingCodes.HEADER_NEWER_THAN_VERSION).header().orElseThrow(),
        fs::toString);
  }

  @Test
  void reportsHeaderNewerThanDeclaredVersionAsWarning() {
    // A 1.0 m-retrieve-conf carrying the 1.1 X-Mms-Retrieve-Status (seen in real PDUs).
    List<Finding> fs = validate("8C 84 8D 90 85 01 01 99 80 84 83");
    Finding f = only(fs, FindingCodes.HEADER_NEWER_THAN_VERSION);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(7, f.offset());
    assertEquals("X-Mms-Retrieve-Status", f.header().orElse(null));
    assertEquals(1, fs.size(), fs::toString);
  }

  @Test
  void reportsHeaderNotAllowedInType() {
    // m-delivery-ind has no Transaction-ID.
    List<Finding> fs = validate("8C 86 98 \"t\" 8D 92 8B \"m\" 97 \"a\" 85 01 01 95 81");
    Finding f = only(fs, FindingCodes.HEADER_NOT_ALLOWED);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(2, f.offset());
    assertEquals("X-Mms-Transaction-Id", f.header().orElse(null));
  }

  @Test
  void reportsApplicationHeadersAsInfoAndBadNamesAsErrors() {
    List<Finding> fs = validate(NOTIFYRESP + " \"X-Foo\" \"bar\" \"a/b\" \"v\"");
    List<Finding> app = withCode(fs, FindingCodes.APPLICATION_HEADER);
    assertEquals(2, app.size());
    assertEquals(Severity.INFO, app.get(0).severity());
    assertEquals(9, app.get(0).offset());
    Finding bad = only(fs, FindingCodes.APPLICATION_HEADER_NAME);
    assertEquals(Severity.ERROR, bad.severity());
    assertEquals(19, bad.offset());
  }

  @Test
  void reportsUnknownHeaderCodeOnceAsInfo() {
    List<Finding> fs = validate(NOTIFYRESP + " C5 80");
    Finding f = only(fs, FindingCodes.UNKNOWN_HEADER);
    assertEquals(Severity.INFO, f.severity());
    assertEquals(9, f.offset());
  }

  @Test
  void reportsTransactionIdNotSecondAsOrderError() {
    List<Finding> fs = validate("8C 83 8D 92 98 \"t\" 95 81");
    Finding f = only(fs, FindingCodes.HEADER_ORDER);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(4, f.offset());
    assertEquals("X-Mms-Transaction-Id", f.header().orElse(null));
  }

  @Test
  void reportsVersionNotNextAsOrderError() {
    List<Finding> fs = validate("8C 83 98 \"t\" 95 81 8D 92");
    Finding f = only(fs, FindingCodes.HEADER_ORDER);
    assertEquals(7, f.offset());
    assertEquals("X-Mms-MMS-Version", f.header().orElse(null));
  }

  @Test
  void reportsEachExtraOccurrenceOfANonRepeatableHeader() {
    List<Finding> fs = validate(NOTIFYRESP + " 95 81 95 82");
    List<Finding> dup = withCode(fs, FindingCodes.DUPLICATE_HEADER);
    assertEquals(2, dup.size());
    assertEquals(Severity.ERROR, dup.get(0).severity());
    assertEquals(9, dup.get(0).offset());
    assertTrue(dup.get(0).message().contains("occurrence 2"), dup.get(0).message());
    assertTrue(dup.get(0).message().contains("offset 7"), dup.get(0).message());
    assertEquals(11, dup.get(1).offset());
    assertTrue(dup.get(1).message().contains("occurrence 3"), dup.get(1).message());
  }

  @Test
  void repeatableHeadersAreNotDuplicates() {
    Pdu p =
        sendReq()
            .to("+49555/TYPE=PLMN")
            .body(
                ContentType.of(MediaType.TEXT_PLAIN),
                org.mmsstack.encapsulation.body.SinglePartBody.of(new byte[] {'x'}))
            .build();
    assertEquals(List.of(), PduValidator.validate(PduCodec.encode(p)).findings());
  }

  @Test
  void reportsUnknownOctetTokenAsWarning() {
    // Status 0x8F is not defined.
    Finding f = only(validate("8C 83 98 \"t\" 8D 92 95 8F"), FindingCodes.UNKNOWN_TOKEN);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(7, f.offset());
    assertEquals("X-Mms-Status", f.header().orElse(null));
  }

  @Test
  void yesNoOtherThan80Or81IsAMalformedValueFromDecoding() {
    // X-Mms-Report-Allowed 0x82.
    Finding f = only(validate(NOTIFYRESP + " 91 82"), "malformed-value");
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(10, f.offset()); // the decoder names the offending value octet
  }

  @Test
  void messageClassTokensAreFine() {
    // m-notification-ind with a textual Message-Class token (conformance case MMS-1.3-con-282).
    List<Finding> fs =
        validate(
            "8C 82 98 \"t\" 8D 92 8A \"NewMessageClass\" 8E 01 10 88 05 81 03 02 A2 FF"
                + " 83 \"http://x/y\"");
    assertEquals(List.of(), fs);
  }

  @Test
  void reportsVersionOutsideOneZeroToOneThree() {
    Finding f = only(validate("8C 83 98 \"t\" 8D A0 95 81"), FindingCodes.UNSUPPORTED_VERSION);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(5, f.offset());
    Finding f14 = only(validate("8C 83 98 \"t\" 8D 94 95 81"), FindingCodes.UNSUPPORTED_VERSION);
    assertTrue(f14.message().contains("1.4"), f14.message());
  }

  @Test
  void reportsTrailingOctets() {
    List<Finding> fs = validate(NOTIFYRESP + " 00 01");
    Finding f = only(fs, FindingCodes.TRAILING_OCTETS);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(9, f.offset());
    assertTrue(f.message().startsWith("2 octet"), f.message());
    only(fs, "invalid-header-start"); // the decoder's own finding is passed through
  }

  @Test
  void passesMultipartCountMismatchThrough() {
    // m-retrieve-conf 1.2, Date, Content-Type multipart/mixed announcing 2 entries, holding 1.
    List<Finding> fs = validate("8C 84 8D 92 85 01 01 84 A3 02 01 01 83 41");
    Finding f = only(fs, "multipart-count-mismatch");
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void reportsStartMatchingNoContentId() throws Exception {
    ContentType related =
        ContentType.of(MediaType.MULTIPART_RELATED)
            .withParameter("start", "<smil>")
            .withParameter("type", "application/smil");
    Part smil =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data(new byte[] {'<', 's', '/', '>'})
            .contentId("<other>")
            .build();
    SendReq p = sendReq().body(related, MultipartBody.of(smil)).build();
    Finding built =
        only(PduValidator.validate(p).findings(), FindingCodes.MULTIPART_START_UNMATCHED);
    assertEquals(Severity.WARNING, built.severity());
    assertEquals(-1, built.offset()); // a built PDU has no offsets

    byte[] bytes = PduCodec.encode(p);
    Pdu decoded = PduCodec.decode(bytes);
    Finding f =
        only(PduValidator.validate(decoded).findings(), FindingCodes.MULTIPART_START_UNMATCHED);
    assertEquals(decoded.headers().get(decoded.headers().size() - 1).offset(), f.offset());

    Part matching =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data(new byte[] {'x'})
            .contentId("<smil>")
            .build();
    SendReq ok = sendReq().body(related, MultipartBody.of(matching)).build();
    assertEquals(List.of(), PduValidator.validate(PduCodec.encode(ok)).findings());
    // Content-IDs are compared without angle brackets.
    SendReq bare =
        sendReq()
            .body(
                related,
                MultipartBody.of(
                    Part.builder()
                        .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
                        .data(new byte[] {'x'})
                        .contentId("smil")
                        .build()))
            .build();
    assertEquals(List.of(), PduValidator.validate(bare).findings());
  }

  @Test
  void reportsTypeParameterDisagreeingWithRootPart() {
    ContentType related =
        ContentType.of(MediaType.MULTIPART_RELATED)
            .withParameter("start", "<smil>")
            .withParameter("type", "application/smil");
    Part root = Part.builder().text("hello").contentId("<smil>").build();
    SendReq p = sendReq().body(related, MultipartBody.of(Part.text("first"), root)).build();
    Finding f =
        only(
            PduValidator.validate(PduCodec.encode(p)).findings(),
            FindingCodes.MULTIPART_TYPE_MISMATCH);
    assertEquals(Severity.WARNING, f.severity());
    assertTrue(f.message().contains("text/plain"), f.message());

    // Without start, the first part is the root.
    ContentType noStart =
        ContentType.of(MediaType.MULTIPART_RELATED).withParameter("type", "text/plain");
    assertEquals(
        List.of(),
        PduValidator.validate(sendReq().body(noStart, MultipartBody.of(Part.text("a"))).build())
            .findings());
  }

  private static final ContentType OCTET_STREAM = ContentType.of("application/octet-stream");

  /**
   * The PDU with its last part, typed application/octet-stream and holding {@code data}, typed
   * multipart/alternative instead: the builder refuses a multipart-typed part whose data is no
   * multipart body, so such a PDU is made by changing the one content type octet.
   */
  private static byte[] typedMultipartAlternative(byte[] pdu, byte[] data) {
    int at = pdu.length - data.length - 1;
    assertEquals(0x80 | OCTET_STREAM.mediaType().code(), pdu[at] & 0xFF);
    pdu[at] = (byte) (0x80 | MediaType.MULTIPART_ALTERNATIVE.code());
    return pdu;
  }

  @Test
  void reportsNestedMultipartWhoseLengthsDoNotAddUp() {
    // Part typed multipart/alternative whose data announces an entry with 127 header octets.
    byte[] data = {0x01, 0x7F, 0x00};
    SendReq p =
        sendReq()
            .body(
                ContentType.of(MediaType.MULTIPART_MIXED),
                MultipartBody.of(Part.text("a"), Part.of(OCTET_STREAM, data)))
            .build();
    byte[] bytes = typedMultipartAlternative(PduCodec.encode(p), data);
    List<Finding> fs = PduValidator.validate(bytes).findings();
    Finding f = only(fs, FindingCodes.NESTED_MULTIPART_MALFORMED);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("multipart entry 1", f.header().orElse(null));
    // The error is at the nested entry: the last 2 octets of the PDU are its lengths.
    assertEquals(bytes.length - 2, f.offset());
  }

  @Test
  void passesNestedMultipartCountMismatchThroughAtThePart() {
    byte[] data = {0x01};
    SendReq p =
        sendReq()
            .body(
                ContentType.of(MediaType.MULTIPART_MIXED),
                MultipartBody.of(Part.of(OCTET_STREAM, data)))
            .build();
    byte[] bytes = typedMultipartAlternative(PduCodec.encode(p), data);
    Finding f = only(PduValidator.validate(bytes).findings(), "multipart-count-mismatch");
    assertEquals("multipart entry 0", f.header().orElse(null));
    assertEquals(bytes.length, f.offset()); // the nested body ends where it should hold an entry
  }

  @Test
  void reportsUnknownCharsets() throws Exception {
    EncodedString subject =
        EncodedString.ofOctets(CharacterSet.valueOf(3000), new byte[] {'h', 'i'});
    Part part =
        Part.of(
            ContentType.of(MediaType.TEXT_PLAIN)
                .withParameter("charset", CharacterSet.valueOf(4000)),
            new byte[] {'x'});
    SendReq p =
        sendReq()
            .subject(subject)
            .body(ContentType.of(MediaType.MULTIPART_MIXED), MultipartBody.of(part))
            .build();
    byte[] bytes = PduCodec.encode(p);
    List<Finding> fs =
        withCode(PduValidator.validate(bytes).findings(), FindingCodes.UNKNOWN_CHARSET);
    assertEquals(2, fs.size(), fs::toString);
    assertEquals("Subject", fs.get(0).header().orElse(null));
    assertEquals(Severity.WARNING, fs.get(0).severity());
    assertEquals("multipart entry 0", fs.get(1).header().orElse(null));
    assertTrue(
        fs.get(1).offset() > fs.get(0).offset() && fs.get(1).offset() < bytes.length, fs::toString);

    ContentType named = ContentType.of(MediaType.TEXT_PLAIN).withParameter("charset", "x-klingon");
    SendReq q =
        sendReq()
            .body(named, org.mmsstack.encapsulation.body.SinglePartBody.of(new byte[] {'x'}))
            .build();
    Finding f = only(PduValidator.validate(q).findings(), FindingCodes.UNKNOWN_CHARSET);
    assertEquals("Content-Type", f.header().orElse(null));
  }

  @Test
  void passesNonCanonicalEncodingsThrough() {
    // Date as a Long-integer of no octets (AOSP's composer writes it).
    Finding f = only(validate("8C 84 8D 92 85 00 84 83"), "non-canonical-integer");
    assertEquals(Severity.INFO, f.severity());
    assertEquals(5, f.offset());
  }

  @Test
  void strictConfigurationIsRelaxedSoEveryFindingIsReported() {
    List<Finding> fs =
        PduValidator.validate(Bytes.of(NOTIFYRESP + " 00"), DecodeConfig.STRICT).findings();
    only(fs, FindingCodes.TRAILING_OCTETS);
  }

  @Test
  void builtPdusValidateWithoutOffsets() {
    RetrieveConf p =
        RetrieveConf.builder()
            .mmsVersion(MmsVersion.V1_0)
            .date(java.time.Instant.ofEpochSecond(1))
            .set(
                org.mmsstack.encapsulation.HeaderField.RETRIEVE_STATUS,
                org.mmsstack.encapsulation.value.RetrieveStatus.valueOf(0x80))
            .body(
                ContentType.of(MediaType.TEXT_PLAIN),
                org.mmsstack.encapsulation.body.SinglePartBody.of(new byte[0]))
            .build();
    Finding f = only(PduValidator.validate(p).findings(), FindingCodes.HEADER_NEWER_THAN_VERSION);
    assertEquals(-1, f.offset());
  }

  @Test
  void reportCountsBySeverityAndCode() {
    ValidationReport r = PduValidator.validate(Bytes.of("8C 83 98 \"t\" 8D A0 \"X-A\" \"b\" 00"));
    assertEquals(1, r.count(Severity.INFO));
    assertEquals(1, r.count(Severity.WARNING));
    assertEquals(
        3, r.count(Severity.ERROR), r::toString); // missing Status, invalid start, trailing
    assertTrue(r.hasErrors());
    assertEquals(1, r.countsByCode().get(FindingCodes.MISSING_MANDATORY_HEADER));
    assertEquals(
        r.findings().size(), r.counts().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void findingsAreOrderedByOffsetWholePduLast() {
    List<Finding> fs = validate("8C 83 8D A0 98 \"t\" 00");
    for (int i = 1; i < fs.size(); i++) {
      long a = fs.get(i - 1).hasOffset() ? fs.get(i - 1).offset() : Long.MAX_VALUE;
      long b = fs.get(i).hasOffset() ? fs.get(i).offset() : Long.MAX_VALUE;
      assertTrue(a <= b, fs::toString);
    }
    assertEquals(Finding.NO_OFFSET, fs.get(fs.size() - 1).offset());
  }

  @Test
  void neverChangesItsInput() {
    byte[] in = Bytes.of(NOTIFYRESP + " \"X-A\" \"b\" 95 81 00 01 02");
    byte[] copy = in.clone();
    PduValidator.validate(in);
    PduValidator.validate(in, DecodeConfig.STRICT);
    assertArrayEquals(copy, in);
  }
}
