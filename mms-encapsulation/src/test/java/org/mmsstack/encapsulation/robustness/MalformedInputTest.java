package org.mmsstack.encapsulation.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsstack.encapsulation.Corpus;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduFormatException.Reason;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.validate.PduValidator;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

/**
 * One test per kind of bad input: strict decoding throws one {@link PduFormatException} whose
 * {@link PduFormatException#reason() reason} and {@link PduFormatException#offset() offset} say
 * what and where; lenient decoding recovers where the grammar allows and records an
 * {@link Severity#ERROR} finding, or throws the same way. Messages are not asserted.
 */
class MalformedInputTest {

  /** m-retrieve-conf 1.2 with a Date, then Content-Type multipart/mixed: the body starts at 9. */
  private static final String RETRIEVE_MIXED = "8C 84 8D 92 85 01 01 84 A3";

  private static byte[] bytes(String hex) {
    String h = hex.replace(" ", "");
    byte[] b = new byte[h.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  private static PduFormatException strictFails(byte[] pdu) {
    return assertThrows(PduFormatException.class, () -> PduCodec.decode(pdu, DecodeConfig.STRICT));
  }

  private static PduFormatException lenientFails(byte[] pdu) {
    return assertThrows(PduFormatException.class, () -> PduCodec.decode(pdu, DecodeConfig.LENIENT));
  }

  private static void fails(byte[] pdu, DecodeConfig cfg, Reason reason, int offset) {
    PduFormatException e = assertThrows(PduFormatException.class, () -> PduCodec.decode(pdu, cfg));
    assertEquals(reason, e.reason(), e::getMessage);
    assertEquals(offset, e.offset(), e::getMessage);
  }

  /** Both modes throw the same reason at the same offset. */
  private static void bothFail(byte[] pdu, Reason reason, int offset) {
    fails(pdu, DecodeConfig.STRICT, reason, offset);
    fails(pdu, DecodeConfig.LENIENT, reason, offset);
    assertEquals(1, PduValidator.validate(pdu).findings().size());
  }

  @Test
  void rejectsEmptyInput() {
    bothFail(new byte[0], Reason.NOT_A_PDU, 0);
  }

  @Test
  void rejectsInputThatIsNotAPdu() {
    bothFail("This is not an MMS PDU".getBytes(StandardCharsets.US_ASCII), Reason.NOT_A_PDU, 0);
    bothFail(bytes("8C"), Reason.NOT_A_PDU, 0);
  }

  @Test
  void rejectsUnknownMessageType() {
    bothFail(bytes("8C 98 8D 92"), Reason.UNKNOWN_MESSAGE_TYPE, 1);
    bothFail(bytes("8C 7F"), Reason.UNKNOWN_MESSAGE_TYPE, 1);
  }

  @Test
  void rejectsValueLengthPastTheEnd() {
    // Subject announces 5 octets, 2 remain.
    bothFail(bytes("8C 83 98 74 00 8D 92 96 05 EA 41"), Reason.LENGTH_PAST_END, 8);
  }

  @Test
  void namesTheHeaderBeingReadOrNone() {
    // Subject announces 5 octets, 2 remain: the exception names Subject.
    PduFormatException inHeader = strictFails(bytes("8C 83 98 74 00 8D 92 96 05 EA 41"));
    assertEquals(Optional.of(HeaderField.SUBJECT.name()), inHeader.header());
    assertTrue(
        inHeader.getMessage().endsWith("(at offset 8, header " + HeaderField.SUBJECT.name() + ")"),
        inHeader::getMessage);
    // Nothing to read: no header, and the message names none.
    PduFormatException outside = strictFails(new byte[0]);
    assertEquals(Optional.empty(), outside.header());
    assertFalse(outside.getMessage().contains("header"), outside::getMessage);
    // An exception made without a header reports an empty one.
    PduFormatException built = PduFormatException.of(Reason.TRUNCATED, -1, null, "cut");
    assertEquals(Optional.empty(), built.header());
    assertEquals("cut", built.getMessage());
  }

  @Test
  void madeByOfWithItsArgumentsChecked() {
    PduFormatException e = PduFormatException.of(Reason.LENGTH_PAST_END, 8, "Subject", "past");
    assertEquals(Reason.LENGTH_PAST_END, e.reason());
    assertEquals(8, e.offset());
    assertEquals(Optional.of("Subject"), e.header());
    assertEquals("past", e.detail());
    assertEquals("past (at offset 8, header Subject)", e.getMessage());
    assertEquals(-1, PduFormatException.of(Reason.TRUNCATED, -1, null, "cut").offset());
    assertThrows(
        NullPointerException.class, () -> PduFormatException.of(null, 0, null, "no reason"));
    assertThrows(
        NullPointerException.class, () -> PduFormatException.of(Reason.TRUNCATED, 0, null, null));
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> PduFormatException.of(Reason.TRUNCATED, -2, null, "cut"));
    assertTrue(bad.getMessage().startsWith("offset: -2"), bad::getMessage);
  }

  @Test
  void everyReasonHasItsKebabCaseCodeAndIsFoundByIt() {
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (Reason r : Reason.values()) {
      assertTrue(r.code().matches("[a-z]+(-[a-z]+)*"), r::code);
      assertEquals(r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), r.code());
      assertEquals(Optional.of(r), Reason.fromCode(r.code()));
      assertTrue(codes.add(r.code()), r::code);
    }
    assertEquals("length-past-end", Reason.LENGTH_PAST_END.code());
    assertEquals(Optional.empty(), Reason.fromCode("LENGTH_PAST_END"));
    assertEquals(Optional.empty(), Reason.fromCode("undecodable-truncated"));
    assertEquals(Optional.empty(), Reason.fromCode(""));
  }

  @Test
  void rejectsUintvarOfSixOctets() {
    bothFail(bytes(RETRIEVE_MIXED + " 81 81 81 81 81 01"), Reason.MALFORMED_UINTVAR, 9);
  }

  @Test
  void rejectsUintvarAbove32Bits() {
    // Five octets whose first carries 0x1F: 35 significant bits.
    bothFail(bytes(RETRIEVE_MIXED + " 9F FF FF FF 7F"), Reason.MALFORMED_UINTVAR, 9);
    // The same as a Length-quoted Value-length in a header.
    bothFail(bytes("8C 83 98 74 00 8D 92 96 1F 9F FF FF FF 7F 00"), Reason.MALFORMED_UINTVAR, 9);
  }

  @Test
  void rejectsLongIntegerOfNineOctetsStrictlyAndKeepsItRawLeniently() throws Exception {
    byte[] pdu = bytes("8C 84 8D 92 85 09 01 02 03 04 05 06 07 08 09 84 83");
    fails(pdu, DecodeConfig.STRICT, Reason.INTEGER_TOO_WIDE, 5);
    Pdu lenient = PduCodec.decode(pdu, DecodeConfig.LENIENT);
    Finding f = lenient.findings().get(0);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("malformed-value", f.code());
    assertEquals(5, f.offset());
    assertFalse(lenient.headers().get(2).isWellFormed());
    assertTrue(lenient.contentType().isPresent()); // decoding went on after the bad Date
  }

  @Test
  void rejectsDateBeyondWhatInstantHolds() throws Exception {
    // Found by fuzzing: 8 octets of seconds decoded, then failed when the Date was looked at.
    byte[] pdu = bytes("8C 84 8D 92 85 08 7F FF FF FF FF FF FF FF 84 83");
    fails(pdu, DecodeConfig.STRICT, Reason.MALFORMED_VALUE, 5);
    Pdu lenient = PduCodec.decode(pdu, DecodeConfig.LENIENT);
    assertEquals("malformed-value", lenient.findings().get(0).code());
    assertTrue(lenient.get(org.mmsstack.encapsulation.HeaderField.DATE).isEmpty());
    Exercise.all(pdu);
  }

  @Test
  void rejectsTextWithoutTerminator() {
    bothFail(bytes("8C 83 98 74 65 73 74"), Reason.UNTERMINATED_TEXT, 3);
  }

  @Test
  void refusesMultipartAnnouncing2Pow31EntriesBeforeAllocating() {
    // 2^31 as a Uintvar: 88 80 80 80 00.
    bothFail(bytes(RETRIEVE_MIXED + " 88 80 80 80 00"), Reason.LIMIT_EXCEEDED, 9);
  }

  @Test
  void announcedEntryCountNeverSizesAnAllocation() throws Exception {
    // With the limit lifted, 2^31-1 announced entries and none present: nothing is allocated
    // for the announcement, strict decoding reports the mismatch, lenient decoding records it.
    byte[] pdu = bytes(RETRIEVE_MIXED + " 87 FF FF FF 7F");
    DecodeConfig unlimited = DecodeConfig.builder().maxParts(Integer.MAX_VALUE).build();
    fails(pdu, unlimited.toBuilder().strict(true).build(), Reason.MALFORMED_MULTIPART, 14);
    Pdu p = PduCodec.decode(pdu, unlimited);
    assertEquals("multipart-count-mismatch", p.findings().get(0).code());
    assertEquals(Severity.ERROR, p.findings().get(0).severity());
  }

  @Test
  void refusesPartAnnouncingHugeDataLength() {
    // AOSP's OOM trigger: the entry announces 2147483647 data octets with 0 left.
    bothFail(
        Corpus.read("malformed/aosp-telephony/inline-PduParserTest-OOM.mms"),
        Reason.LENGTH_PAST_END,
        11);
  }

  @Test
  void refusesMultipartNestedDeeperThanTheLimit() throws Exception {
    // Five levels of multipart/mixed, each holding the next as its only part.
    byte[] body = nestedBody(4);
    DecodeConfig cfg = DecodeConfig.builder().maxNestingDepth(2).build();
    MultipartBody top = MultipartBody.decode(body, 0, body.length, cfg);
    MultipartBody level1 = top.parts().get(0).asMultipart(cfg);
    MultipartBody level2 = level1.parts().get(0).asMultipart(cfg);
    PduFormatException e =
        assertThrows(PduFormatException.class, () -> level2.parts().get(0).asMultipart(cfg));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    // The offset names the data of the part that would nest too deep.
    int dataOffset = body.length - level2.parts().get(0).dataSize();
    assertEquals(dataOffset, e.offset());
  }

  /** A multipart body nesting a text part {@code levels} multipart/mixed parts below the top. */
  private static byte[] nestedBody(int levels) {
    byte[] body = multipartBytes(MultipartBody.of(Part.text("core")));
    for (int i = 0; i < levels; i++) {
      body =
          multipartBytes(
              MultipartBody.of(Part.of(ContentType.of(MediaType.MULTIPART_MIXED), body)));
    }
    return body;
  }

  /** An m-retrieve-conf whose body is {@link #nestedBody}{@code (levels)}. */
  private static byte[] retrieveNested(int levels) {
    byte[] body = nestedBody(levels);
    byte[] head = bytes(RETRIEVE_MIXED);
    byte[] pdu = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, pdu, head.length, body.length);
    return pdu;
  }

  @Test
  void validatorStopsAtTheNestingLimitWithAFinding() {
    byte[] pdu = retrieveNested(40);
    List<Finding> fs = PduValidator.validate(pdu).findings();
    assertEquals(1, fs.size(), fs::toString);
    assertEquals("nested-multipart-malformed", fs.get(0).code());
    assertTrue(fs.get(0).message().contains("maxNestingDepth"), fs.get(0).message());
  }

  @Test
  void validatorTakesTheNestingLimitFromItsConfig() throws Exception {
    byte[] pdu = retrieveNested(3);
    assertEquals(List.of(), PduValidator.validate(pdu).findings());
    DecodeConfig shallow = DecodeConfig.builder().maxNestingDepth(2).build();
    List<Finding> fs = PduValidator.validate(pdu, shallow).findings();
    assertEquals(1, fs.size(), fs::toString);
    assertEquals("nested-multipart-malformed", fs.get(0).code());
    assertTrue(fs.get(0).message().contains("maxNestingDepth"), fs.get(0).message());
    // The same for a PDU decoded beforehand, and with the limit of a strict configuration.
    Pdu decoded = PduCodec.decode(pdu);
    assertEquals(fs, PduValidator.validate(decoded, shallow).findings());
    assertEquals(
        fs, PduValidator.validate(pdu, shallow.toBuilder().strict(true).build()).findings());
    assertEquals(List.of(), PduValidator.validate(decoded).findings());
  }

  @Test
  void deepNestingCannotExhaustTheStackEvenWithoutANestingLimit() {
    byte[] body = multipartBytes(MultipartBody.of(Part.text("core")));
    for (int i = 0; i < 3000; i++) {
      body =
          multipartBytes(
              MultipartBody.of(Part.of(ContentType.of(MediaType.MULTIPART_MIXED), body)));
    }
    byte[] head = bytes(RETRIEVE_MIXED);
    byte[] pdu = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, pdu, head.length, body.length);
    DecodeConfig unlimited = DecodeConfig.builder().maxNestingDepth(Integer.MAX_VALUE).build();
    assertEquals(List.of(), PduValidator.validate(pdu, unlimited).findings());
  }

  @Test
  void enforcesMaxHeaders() {
    byte[] pdu = bytes("8C 83 98 74 00 8D 92 95 81");
    DecodeConfig cfg = DecodeConfig.builder().maxHeaders(3).build();
    fails(pdu, cfg, Reason.LIMIT_EXCEEDED, 7);
    fails(pdu, cfg.toBuilder().strict(true).build(), Reason.LIMIT_EXCEEDED, 7);
  }

  @Test
  void enforcesMaxPduSize() {
    byte[] pdu = bytes("8C 83 98 74 00 8D 92 95 81");
    fails(pdu, DecodeConfig.builder().maxPduSize(8).build(), Reason.LIMIT_EXCEEDED, 0);
  }

  @Test
  void enforcesMaxTextLength() {
    byte[] pdu = bytes("8C 83 98 61 62 63 64 65 66 00 8D 92 95 81");
    DecodeConfig cfg = DecodeConfig.builder().maxTextLength(3).build();
    fails(pdu, cfg, Reason.LIMIT_EXCEEDED, 3);
    fails(pdu, cfg.toBuilder().strict(true).build(), Reason.LIMIT_EXCEEDED, 3);
  }

  @Test
  void enforcesMaxParts() {
    // Three one-octet text/plain entries, limit two.
    byte[] pdu = bytes(RETRIEVE_MIXED + " 03 01 01 83 41 01 01 83 42 01 01 83 43");
    DecodeConfig cfg = DecodeConfig.builder().maxParts(2).build();
    fails(pdu, cfg, Reason.LIMIT_EXCEEDED, 9);
  }

  @Test
  void lenientRecoversVersionWithoutHighBitFromBlockedNumberPush() throws Exception {
    byte[] pdu =
        Corpus.read("malformed/aosp-telephony/pushbody-testDispatchWapPduFromBlockedNumber.mms");
    fails(pdu, DecodeConfig.STRICT, Reason.MALFORMED_VALUE, 21);
    Pdu p = PduCodec.decode(pdu, DecodeConfig.LENIENT);
    assertEquals(MmsVersion.V1_2, p.mmsVersion().orElseThrow());
    Finding f =
        p.findings().stream()
            .filter(x -> x.code().equals("version-not-short-integer"))
            .findFirst()
            .orElseThrow();
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(21, f.offset());
  }

  /**
   * mms-engine's notification ends with a stray 0x00: lenient decoding keeps it, a builder from
   * toBuilder() writes it back, and noTrailingOctets() drops it so a cleaned PDU is passed on.
   */
  @Test
  void trailingOctetsAreKeptUntilDropped() throws Exception {
    byte[] pdu = Corpus.read("pdus/mms-engine/test_retrieve/Success2/m-notification.ind");
    Pdu decoded = PduCodec.decode(pdu, DecodeConfig.LENIENT);
    assertEquals(1, decoded.trailingOctets().length);
    assertArrayEquals(pdu, PduCodec.encode(decoded.toBuilder().build()));
    Pdu cleaned = decoded.toBuilder().noTrailingOctets().build();
    assertEquals(0, cleaned.trailingOctets().length);
    byte[] out = PduCodec.encode(cleaned);
    assertArrayEquals(Arrays.copyOf(pdu, pdu.length - 1), out);
    assertTrue(PduCodec.decode(out, DecodeConfig.STRICT).findings().isEmpty());
  }

  /**
   * The blocked-number push declares a From Value-length of 8 for a 23-octet address and an
   * Expiry Value-length of 3 for 5 octets. Following the lengths loses the header boundaries;
   * the values' own ends (the address's 0x00, the Long-integer's length) keep them, and AOSP
   * reads the subject and content location from there. Lenient decoding takes that reading and
   * says so; strict decoding still stops at the first error.
   */
  @Test
  void lenientResynchronisesWhereValueLengthsDisagreeWithTheirValues() throws Exception {
    byte[] pdu =
        Corpus.read("malformed/aosp-telephony/pushbody-testDispatchWapPduFromBlockedNumber.mms");
    fails(pdu, DecodeConfig.STRICT, Reason.MALFORMED_VALUE, 21);
    NotificationInd n = (NotificationInd) PduCodec.decode(pdu, DecodeConfig.LENIENT);
    assertEquals("Test Mms Subject", n.subject().orElseThrow().text());
    assertEquals("http://www.google.com/sadfdd", n.contentLocation().orElseThrow());
    assertEquals(1000L, n.messageSize().orElseThrow());
    assertEquals(0, n.trailingOctets().length);
    assertTrue(n.headers().stream().noneMatch(h -> h.field().isApplication()));
    List<Finding> mismatches =
        n.findings().stream()
            .filter(x -> x.code().equals("value-length-mismatch"))
            .collect(java.util.stream.Collectors.toList());
    assertEquals(2, mismatches.size());
    assertEquals(HeaderField.FROM.name(), mismatches.get(0).header().orElseThrow());
    assertEquals(23, mismatches.get(0).offset());
    assertTrue(
        mismatches.get(0).message().contains("read to the grammar's end"),
        mismatches.get(0).message());
    assertEquals(HeaderField.EXPIRY.name(), mismatches.get(1).header().orElseThrow());
    assertEquals(Severity.ERROR, mismatches.get(1).severity());
    // the values themselves are kept as they came, and the PDU re-encodes byte for byte
    assertFalse(
        n.headers().stream()
            .filter(h -> h.field().equals(HeaderField.FROM))
            .findFirst()
            .orElseThrow()
            .isWellFormed());
    assertArrayEquals(pdu, PduCodec.encode(n));
  }

  /**
   * Strict decoding checks the grammar only: nuntium's m-retrieve-conf lacks the mandatory
   * Content-Type, decodes strictly without a finding, and the validator reports the absence.
   */
  @Test
  void strictDecodingLeavesMandatoryHeadersToTheValidator() throws Exception {
    byte[] pdu = Corpus.read("pdus/nuntium/m-retrieve.conf_success");
    Pdu p = PduCodec.decode(pdu, DecodeConfig.STRICT);
    assertTrue(p.findings().isEmpty());
    assertFalse(p.contentType().isPresent());
    List<Finding> report = PduValidator.validate(pdu).findings();
    assertTrue(
        report.stream()
            .anyMatch(
                x ->
                    x.code()
                            .equals(
                                org.mmsstack.encapsulation.validate.FindingCodes
                                    .MISSING_MANDATORY_HEADER)
                        && x.header().orElse("").equals(HeaderField.CONTENT_TYPE.name())),
        report::toString);
  }

  /** A length that disagrees with its value but where no reading reaches a header stays as it was. */
  @Test
  void lenientFollowsTheLengthWhenNoReadingResynchronises() throws Exception {
    // From with Value-length 3 over 80 'a' 'b' 'c' 00, then 0x01, which starts no header: the
    // length reading goes on with an Application-header "c" whose value is 01 41.
    byte[] pdu = bytes("8C 82 98 41 00 8D 92 89 03 80 61 62 63 00 01 41");
    Pdu p = PduCodec.decode(pdu, DecodeConfig.LENIENT);
    assertTrue(p.findings().stream().noneMatch(x -> x.code().equals("value-length-mismatch")));
    assertTrue(p.findings().stream().anyMatch(x -> x.code().equals("malformed-value")));
  }

  @TestFactory
  Stream<DynamicTest> everyMalformedCorpusFileFailsStrictlyAndLenientlyAsIndexed()
      throws IOException {
    Map<String, String> outcome = new HashMap<>();
    for (String line :
        Files.readAllLines(Corpus.root().resolve("index.tsv"), StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (cols.length > 11) {
        outcome.put(cols[0], cols[11]);
      }
    }
    return Corpus.files("malformed").stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Corpus.name(p), () -> checkMalformed(p, outcome.get(Corpus.name(p)))));
  }

  private static void checkMalformed(Path file, String expected) {
    byte[] pdu = Corpus.read(file);
    Exercise.all(pdu); // never an unchecked exception, whatever the file
    if ("decoder-dependent".equals(expected)) {
      return; // e.g. the NPE trigger: fine when nested multiparts are kept opaque
    }
    assertEquals("decode-error", expected, "index.tsv outcome of " + Corpus.name(file));
    PduFormatException strict = strictFails(pdu);
    assertTrue(strict.offset() >= 0 && strict.offset() < pdu.length);
    Pdu lenient;
    try {
      lenient = PduCodec.decode(pdu, DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      return; // fails the same way: a typed exception
    }
    assertTrue(
        lenient.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR),
        () -> "lenient decoding recovered without an ERROR finding: " + lenient.findings());
  }

  @TestFactory
  Stream<DynamicTest> everyPrefixOfSmallCorpusPdusFailsCleanly() {
    return Corpus.files("pdus").stream()
        .filter(p -> Corpus.read(p).length <= 1024)
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Corpus.name(p),
                    () -> {
                      byte[] pdu = Corpus.read(p);
                      for (int n = 0; n < pdu.length; n++) {
                        byte[] prefix = Arrays.copyOf(pdu, n);
                        try {
                          Exercise.all(prefix);
                        } catch (AssertionError | RuntimeException e) {
                          throw new AssertionError(
                              "prefix of " + n + " octets of " + Corpus.name(p), e);
                        }
                      }
                    }));
  }

  @Test
  void cuttingACorpusPduInsideAValueIsTruncation() {
    byte[] pdu = Corpus.read("pdus/mmsd/inline-notify-ind-1.mms");
    // Cut inside the Transaction-ID text (its value starts at offset 3).
    PduFormatException e = strictFails(Arrays.copyOf(pdu, 5));
    assertEquals(Reason.UNTERMINATED_TEXT, e.reason());
    assertEquals(3, e.offset());
    assertEquals(e.reason(), lenientFails(Arrays.copyOf(pdu, 5)).reason());
  }

  @TestFactory
  Stream<DynamicTest> decodingAndValidatingNeverChangeTheInput() {
    return Stream.concat(Corpus.files("pdus").stream(), Corpus.files("malformed").stream())
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Corpus.name(p),
                    () -> {
                      byte[] in = Corpus.read(p);
                      byte[] copy = in.clone();
                      for (DecodeConfig cfg : List.of(DecodeConfig.STRICT, DecodeConfig.LENIENT)) {
                        try {
                          Exercise.materialise(PduCodec.decode(in, cfg));
                        } catch (PduFormatException e) {
                          // fine: only the input matters here
                        }
                      }
                      PduValidator.validate(in).findings();
                      assertArrayEquals(copy, in);
                    }));
  }

  private static byte[] multipartBytes(MultipartBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      body.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
