package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.mm4.validate.Mm4FindingCodes;
import org.mmsstack.mm4.validate.Mm4Validator;

/** Mandatory elements per type (builders and validator) and bad values, each naming the header. */
class ValidatorTest {

  private static Set<String> missing(String mail) throws Exception {
    Mm4Message m = Mm4Codec.decode(Fixtures.mail(mail));
    return Mm4Validator.validate(m).findings().stream()
        .filter(f -> f.code().equals(Mm4FindingCodes.MISSING_HEADER))
        .map(f -> f.header().orElseThrow())
        .collect(Collectors.toSet());
  }

  @Test
  void reportsEveryMissingMandatoryElementOfEachType() throws Exception {
    assertEquals(
        Set.of(
            "X-Mms-3GPP-MMS-Version",
            "X-Mms-Transaction-ID",
            "X-Mms-Message-ID",
            "X-Mms-Request-Status-Code"),
        missing("X-Mms-Message-Type: MM4_forward.RES\n\n"));
    assertEquals(
        Set.of(
            "X-Mms-3GPP-MMS-Version",
            "X-Mms-Transaction-ID",
            "X-Mms-Message-ID",
            "To",
            "From",
            "Date",
            "X-Mms-Originator-System",
            "Message-ID",
            "MIME-Version",
            "Content-Type"),
        missing("X-Mms-Message-Type: MM4_forward.REQ\n\n"));
    assertEquals(
        Set.of(
            "X-Mms-3GPP-MMS-Version",
            "X-Mms-Transaction-ID",
            "X-Mms-Message-ID",
            "To",
            "From",
            "Date",
            "X-Mms-MM-Status-Code",
            "Message-ID"),
        missing("X-Mms-Message-Type: MM4_delivery_report.REQ\n\n"));
    assertEquals(
        Set.of(
            "X-Mms-3GPP-MMS-Version",
            "X-Mms-Transaction-ID",
            "X-Mms-Message-ID",
            "To",
            "From",
            "Date",
            "X-Mms-Read-Status",
            "Message-ID"),
        missing("X-Mms-Message-Type: MM4_read_reply_report.REQ\n\n"));
    for (String t : List.of("MM4_delivery_report.RES", "MM4_read_reply_report.RES")) {
      assertEquals(
          Set.of(
              "X-Mms-3GPP-MMS-Version",
              "X-Mms-Transaction-ID",
              "X-Mms-Message-ID",
              "X-Mms-Request-Status-Code"),
          missing("X-Mms-Message-Type: " + t + "\n\n"));
    }
  }

  @Test
  void reportsBadValuesNamingTheHeader() throws Exception {
    String mail =
        Fixtures.RES_HEAD.replace("6.8.0", "six")
            + "X-Mms-Priority: Urgent\nX-Mms-Ack-Request: Maybe\n"
            + "X-Mms-Forward-Counter: -1\nX-Mms-Message-Class: Premium\nX-Mms-Content-Class: huge\n"
            + "X-Mms-Expiry: someday\nX-Mms-Message-ID: m2\n\n";
    Mm4Message parsed = Mm4Codec.decode(Fixtures.mail(mail));
    ValidationReport report = Mm4Validator.validate(parsed);
    List<Finding> f = report.findings();
    Set<String> bad =
        f.stream()
            .filter(x -> x.code().equals(Mm4FindingCodes.INVALID_VALUE))
            .map(x -> x.header().orElseThrow())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "X-Mms-3GPP-MMS-Version",
            "X-Mms-Priority",
            "X-Mms-Ack-Request",
            "X-Mms-Forward-Counter",
            "X-Mms-Message-Class",
            "X-Mms-Content-Class",
            "X-Mms-Expiry"),
        bad);
    assertTrue(
        f.stream()
            .anyMatch(
                x ->
                    x.header().orElseThrow().equals("X-Mms-3GPP-MMS-Version")
                        && x.severity() == Severity.ERROR));
    assertTrue(
        f.stream()
            .anyMatch(
                x ->
                    x.header().orElseThrow().equals("X-Mms-Message-Class")
                        && x.severity() == Severity.INFO));
    assertTrue(
        f.stream()
            .anyMatch(
                x ->
                    x.code().equals(Mm4FindingCodes.DUPLICATE_HEADER)
                        && x.header().orElseThrow().equals("X-Mms-Message-ID")));
    // The report is ordered by offset, and decoding found the same, with lines.
    for (int i = 1; i < f.size(); i++) {
      assertTrue(f.get(i - 1).offset() <= f.get(i).offset() || !f.get(i).hasOffset(), f::toString);
    }
    assertEquals(f.size(), parsed.findings().size());
    assertTrue(parsed.findings().stream().allMatch(x -> x.line() > 0));
    assertEquals(1, report.count(Severity.INFO));
    assertTrue(report.hasErrors());
  }

  @Test
  void everyReasonHasTheFindingCodeOfItsName() throws Exception {
    Set<String> codes = new java.util.HashSet<>();
    for (java.lang.reflect.Field f : Mm4FindingCodes.class.getFields()) {
      codes.add((String) f.get(null));
    }
    // Every constant but the prefix of undecodable mail and the conversions' codes (findings
    // about values, not the decoder's reasons) is a reason's code.
    assertTrue(codes.remove(Mm4FindingCodes.UNDECODABLE_PREFIX));
    assertEquals("undecodable-", Mm4FindingCodes.UNDECODABLE_PREFIX);
    codes.remove(Mm4FindingCodes.CONVERSION_DROPPED);
    codes.remove(Mm4FindingCodes.CONVERSION_MAPPED);
    Set<String> reasons = new java.util.HashSet<>();
    for (Mm4FormatException.Reason r : Mm4FormatException.Reason.values()) {
      reasons.add(r.code());
      assertEquals(r, Mm4FormatException.Reason.fromCode(r.code()).orElseThrow());
    }
    assertEquals(codes, reasons);
    assertEquals("byte-order-mark", Mm4FormatException.Reason.BYTE_ORDER_MARK.code());
    Mm4FormatException e =
        Mm4FormatException.of(
            Finding.ofLine(
                Severity.ERROR, Mm4FindingCodes.BAD_FOLDING, 4, 0, 17, "Subject", "folded"));
    assertEquals(Mm4FormatException.Reason.BAD_FOLDING, e.reason());
    assertEquals(4, e.line());
    assertEquals(17, e.offset());
    assertThrows(
        IllegalArgumentException.class,
        () -> Mm4FormatException.of(Finding.of(Severity.ERROR, "no-such-code", 0, null, "x")));
  }

  @Test
  void buildersEnforceMandatoryElements() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Fixtures.fullForwardRes().removeHeader(Mm4HeaderNames.REQUEST_STATUS_CODE).build());
    assertTrue(e.getMessage().contains("X-Mms-Request-Status-Code"));
    assertThrows(
        IllegalStateException.class,
        () -> Mm4ForwardReq.builder().mmsVersion(Mm4Version.V6_8_0).build());
    assertThrows(
        IllegalStateException.class,
        () -> Fixtures.fullDeliveryReportReq().removeHeader(Mm4HeaderNames.MM_STATUS_CODE).build());
    assertThrows(
        IllegalStateException.class,
        () -> Fixtures.fullReadReplyReportReq().removeHeader(Mm4HeaderNames.READ_STATUS).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.fullForwardRes().header("X-Mms-Message-Type", "x"));
    assertThrows(
        IllegalArgumentException.class, () -> Fixtures.fullForwardReq().forwardCounter(-1));
  }

  @Test
  void aDecodedMessageThatLacksAMandatoryElementCanBeEditedButNotEmptiedFurther() throws Exception {
    // Leniently decoded, without X-Mms-Originator-System (mandatory in MM4_forward.REQ).
    String full =
        new String(Mm4Codec.encode(Fixtures.fullForwardReq().build()), StandardCharsets.UTF_8);
    byte[] mail =
        full.replaceFirst("X-Mms-Originator-System:[^\\r]*\\r\\n", "")
            .getBytes(StandardCharsets.UTF_8);
    assertTrue(mail.length < full.length());
    Mm4ForwardReq lacking = (Mm4ForwardReq) Mm4Codec.decode(mail);
    Mm4ForwardReq edited = lacking.toBuilder().header("X-Private", "1").build();
    assertEquals(Optional.of("1"), edited.header("X-Private"));
    assertEquals(lacking, edited.toBuilder().removeHeader("X-Private").build());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> lacking.toBuilder().removeHeader(Mm4HeaderNames.FROM).build());
    assertTrue(e.getMessage().contains("From"), e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> Fixtures.fullForwardReq().removeHeader(Mm4HeaderNames.ORIGINATOR_SYSTEM).build());
  }

  @Test
  void previouslySentWithoutForwardCounterIsAWarning() {
    Mm4ForwardReq m =
        Fixtures.fullForwardReq().removeHeader(Mm4HeaderNames.FORWARD_COUNTER).build();
    assertTrue(
        Mm4Validator.validate(m).findings().stream()
            .anyMatch(
                x ->
                    x.header().orElseThrow().equals("X-Mms-Forward-Counter")
                        && x.severity() == Severity.WARNING));
  }

  @Test
  void checksTheBodiesDecodingLocatedWithoutCheckingThem() throws Exception {
    String head =
        Fixtures.RES_HEAD
            + "MIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
            + "Content-Transfer-Encoding: base64\n\n";
    byte[] junk = Fixtures.mail(head + "QUJD!\n--x--\n");
    // Lenient decoding locates the body; the validator reports what checking it finds.
    Mm4Message m = Mm4Codec.decode(junk);
    assertTrue(m.findings().stream().noneMatch(f -> f.code().equals(Mm4FindingCodes.BAD_BASE64)));
    Finding bad =
        Mm4Validator.validate(m).findings().stream()
            .filter(f -> f.code().equals(Mm4FindingCodes.BAD_BASE64))
            .findFirst()
            .orElseThrow();
    Finding atDecode =
        Mm4Codec.decode(junk, Mm4Config.DEFAULT.toBuilder().checkBodies(true).build())
            .findings()
            .stream()
            .filter(f -> f.code().equals(Mm4FindingCodes.BAD_BASE64))
            .findFirst()
            .orElseThrow();
    assertEquals(atDecode, bad);
    // A body that cannot be decoded is one ERROR finding, not an exception.
    Mm4Message truncated = Mm4Codec.decode(Fixtures.mail(head + "QUJDR\n--x--\n"));
    ValidationReport r = Mm4Validator.validate(truncated);
    assertTrue(
        r.findings().stream()
            .anyMatch(
                f ->
                    f.code().equals(Mm4FindingCodes.TRUNCATED_BASE64)
                        && f.severity() == Severity.ERROR
                        && f.line() == 16),
        r.findings()::toString);
    // Bodies checked by decode are reported once: decoding's finding.
    assertEquals(
        1,
        Mm4Validator.validate(
                Mm4Codec.decode(junk, Mm4Config.DEFAULT.toBuilder().checkBodies(true).build()))
            .findings()
            .stream()
            .filter(f -> f.code().equals(Mm4FindingCodes.BAD_BASE64))
            .count());
  }

  @Test
  void reportsEveryDeferredBodyOfAStrictlyDecodedMessage() throws Exception {
    // Three bodies, each at fault: outside the base64 alphabet, a broken quoted-printable escape,
    // base64 that cannot be decoded. Strict decoding with deferred body checks accepts the
    // message; the validator reports all three, as a lenient check of each body does.
    byte[] mail =
        Fixtures.mail(
            Fixtures.RES_HEAD
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
                + "Content-Transfer-Encoding: base64\n\nQUJD!\n--x\n"
                + "Content-Transfer-Encoding: quoted-printable\n\na=ZZb\n--x\n"
                + "Content-Transfer-Encoding: base64\n\nQUJDR\n--x--\n");
    Mm4Config strictDeferred = Mm4Config.STRICT.toBuilder().checkBodies(false).build();
    Mm4Message m = Mm4Codec.decode(mail, strictDeferred);
    List<Finding> found = Mm4Validator.validate(m).findings();
    List<String> codes = new ArrayList<>();
    for (Finding f : found) {
      codes.add(f.code());
    }
    assertTrue(codes.contains(Mm4FindingCodes.BAD_BASE64), codes::toString);
    assertTrue(codes.contains(Mm4FindingCodes.BAD_QUOTED_PRINTABLE), codes::toString);
    assertTrue(codes.contains(Mm4FindingCodes.TRUNCATED_BASE64), codes::toString);
    // The same findings as for the message decoded leniently: strictness does not hide any.
    Mm4Message lenient =
        Mm4Codec.decode(mail, Mm4Config.DEFAULT.toBuilder().checkBodies(false).build());
    assertEquals(Mm4Validator.validate(lenient).findings(), found);
    // Each body's finding once, in body order.
    assertEquals(
        List.of(
            Mm4FindingCodes.BAD_BASE64,
            Mm4FindingCodes.BAD_QUOTED_PRINTABLE,
            Mm4FindingCodes.TRUNCATED_BASE64),
        codes.stream()
            .filter(
                c ->
                    c.equals(Mm4FindingCodes.BAD_BASE64)
                        || c.equals(Mm4FindingCodes.BAD_QUOTED_PRINTABLE)
                        || c.equals(Mm4FindingCodes.TRUNCATED_BASE64))
            .toList());
  }

  @Test
  void validatesMailAsDecodingAndValidationReportIt() throws Exception {
    // Bad values and a repeated field: the findings of decoding, with lines and offsets, once.
    byte[] mail =
        Fixtures.mail(
            Fixtures.RES_HEAD.replace("6.8.0", "six")
                + "X-Mms-Priority: Urgent\nX-Mms-Message-ID: m2\n\n");
    Mm4Message m = Mm4Codec.decode(mail);
    ValidationReport r = Mm4Validator.validate(mail);
    assertEquals(m.findings(), r.findings());
    assertTrue(r.findings().size() >= 3, r::toString);
    assertTrue(r.findings().stream().allMatch(f -> f.line() > 0 && f.hasOffset()), r::toString);
    // validate(Mm4Message) of the decoded message reports the same: decoding's findings, with
    // their lines, and nothing the checks find again.
    assertEquals(r.findings(), Mm4Validator.validate(m).findings());
    // A clean message gives a clean report, also from its octets.
    byte[] clean = Mm4Codec.encode(Fixtures.fullForwardReq().build());
    assertTrue(
        Mm4Validator.validate(clean).isClean(), () -> Mm4Validator.validate(clean).toString());
    // A strict configuration is relaxed: every problem, not an exception at the first.
    byte[] bareLf =
        (new String(mail, StandardCharsets.UTF_8).replace("\r\n", "\n"))
            .getBytes(StandardCharsets.UTF_8);
    assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(bareLf, Mm4Config.STRICT));
    List<Finding> relaxed = Mm4Validator.validate(bareLf, Mm4Config.STRICT).findings();
    assertTrue(
        relaxed.stream().anyMatch(f -> f.code().equals(Mm4FindingCodes.BARE_LINE_FEED)),
        relaxed::toString);
    assertTrue(
        relaxed.stream().anyMatch(f -> f.code().equals(Mm4FindingCodes.DUPLICATE_HEADER)),
        relaxed::toString);
    // A decoded message keeps decoding's findings that no check repeats (a bare line feed) ...
    Mm4Message lf = Mm4Codec.decode(bareLf);
    assertEquals(lf.findings(), Mm4Validator.validate(lf).findings());
    // ... and a changed one gives what the checks find in it now.
    Mm4Message changed = lf.toBuilder().header("X-Mms-Read-Reply", "Perhaps").build();
    List<Finding> now = Mm4Validator.validate(changed).findings();
    assertTrue(
        now.stream()
            .anyMatch(
                f ->
                    f.code().equals(Mm4FindingCodes.INVALID_VALUE)
                        && f.header().equals(Optional.of("X-Mms-Read-Reply"))),
        now::toString);
  }

  @Test
  void mailThatCannotBeDecodedIsOneUndecodableFindingWithItsPosition() throws Exception {
    String head =
        Fixtures.RES_HEAD
            + "MIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
            + "Content-Type: text/plain\n\nhello\n";
    byte[] cut = Fixtures.mail(head); // the close delimiter never comes
    Mm4FormatException e = assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(cut));
    assertEquals(Mm4FormatException.Reason.UNTERMINATED_MULTIPART, e.reason());
    ValidationReport r = Mm4Validator.validate(cut);
    assertEquals(1, r.findings().size(), r::toString);
    Finding f = r.findings().get(0);
    assertEquals("undecodable-unterminated-multipart", f.code());
    assertEquals(Mm4FindingCodes.UNDECODABLE_PREFIX + e.reason().code(), f.code());
    assertEquals(Mm4FindingCodes.undecodable(e.reason()), f.code());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(e.line(), f.line());
    assertTrue(f.line() > 0, f::toString);
    assertEquals(e.offset(), f.offset());
    assertTrue(f.hasOffset(), f::toString);
    assertEquals(Finding.NO_COLUMN, f.column());
    assertEquals(e.header(), f.header());
    assertEquals(e.detail(), f.message());
    // A tool holding the exception makes the same finding without decoding again.
    assertEquals(f, Mm4Validator.undecodable(e));
    assertTrue(r.hasErrors());
    // STRICT checks the bodies: relaxed to lenient, it still does, so a base64 body that cannot
    // be decoded makes the mail undecodable, as with checkBodies(true).
    byte[] badBody =
        Fixtures.mail(
            Fixtures.RES_HEAD
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
                + "Content-Transfer-Encoding: base64\n\nQUJDR\n--x--\n");
    assertEquals(
        "undecodable-truncated-base64",
        Mm4Validator.validate(badBody, Mm4Config.STRICT).findings().get(0).code());
    assertEquals(
        "undecodable-truncated-base64",
        Mm4Validator.validate(badBody, Mm4Config.DEFAULT.toBuilder().checkBodies(true).build())
            .findings()
            .get(0)
            .code());
    // A limit of the configuration the validator is given, at the start of the mail.
    byte[] whole = Mm4Codec.encode(Fixtures.fullForwardReq().build());
    Mm4Config small = Mm4Config.builder().maxMessageSize(100).build();
    Finding limit = Mm4Validator.validate(whole, small).findings().get(0);
    assertEquals("undecodable-limit-exceeded", limit.code());
    Mm4FormatException tooLarge =
        assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(whole, small));
    assertEquals(tooLarge.offset(), limit.offset());
    assertEquals(tooLarge.line(), limit.line());
    // No message type: nothing to validate.
    assertEquals(
        "undecodable-unknown-message-type",
        Mm4Validator.validate(Fixtures.mail("From: a@b.example\n\n")).findings().get(0).code());
  }

  @Test
  void aBodyThatCannotBeDecodedIsAFindingOfADecodedMailUnlessDecodingChecksBodies()
      throws Exception {
    byte[] mail =
        Fixtures.mail(
            Fixtures.RES_HEAD
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
                + "Content-Transfer-Encoding: base64\n\nQUJDR\n--x--\n");
    // Deferred (the default): the mail decodes, the body is a finding with the reason's code.
    ValidationReport deferred = Mm4Validator.validate(mail);
    assertTrue(
        deferred.findings().stream()
            .anyMatch(f -> f.code().equals(Mm4FindingCodes.TRUNCATED_BASE64) && f.line() == 16),
        deferred::toString);
    assertEquals(
        Mm4Validator.validate(Mm4Codec.decode(mail)).findings().stream()
            .filter(f -> f.code().equals(Mm4FindingCodes.TRUNCATED_BASE64))
            .toList(),
        deferred.findings().stream()
            .filter(f -> f.code().equals(Mm4FindingCodes.TRUNCATED_BASE64))
            .toList());
    // Checked by decoding: the mail as a whole cannot be decoded.
    Mm4Config checked = Mm4Config.DEFAULT.toBuilder().checkBodies(true).build();
    List<Finding> undecodable = Mm4Validator.validate(mail, checked).findings();
    assertEquals(1, undecodable.size(), undecodable::toString);
    assertEquals("undecodable-truncated-base64", undecodable.get(0).code());
    assertEquals(16, undecodable.get(0).line());
  }

  @Test
  void nullArgumentsAreNamed() {
    // The validator's shape (static, final, signatures) is checked with the others' in
    // jpms-consumer's ValidatorShapeTest.
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Mm4Validator.validate((byte[]) null));
    assertEquals("mail", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> Mm4Validator.validate(new byte[0], null));
    assertEquals("config", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> Mm4Validator.undecodable(null));
    assertEquals("e", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> Mm4Validator.validate((Mm4Message) null));
    assertEquals("message", e.getMessage());
  }

  @Test
  void repeatedFieldsAreFoundWhateverTheSpellingOfTheirNames() throws Exception {
    for (String[] spellings :
        new String[][] {
          {"X-Mms-Transaction-ID", "X-Mms-Transaction-Id"},
          {"X-Mms-Transaction-Id", "x-mms-transaction-id"},
          {"X-Mms-Message-Id", "X-MMS-MESSAGE-ID"}
        }) {
      String head =
          Fixtures.RES_HEAD
              .replace(
                  "X-Mms-Transaction-ID: t1\n",
                  spellings[0].contains("Trans") ? "" : "X-Mms-Transaction-ID: t1\n")
              .replace(
                  "X-Mms-Message-ID: m1\n",
                  spellings[0].contains("Trans") ? "X-Mms-Message-ID: m1\n" : "");
      String mail = head + spellings[0] + ": a\n" + spellings[1] + ": b\n\n";
      Mm4Message m = Mm4Codec.decode(Fixtures.mail(mail));
      List<Finding> dup =
          m.findings().stream()
              .filter(f -> f.code().equals(Mm4FindingCodes.DUPLICATE_HEADER))
              .toList();
      assertEquals(1, dup.size(), m.findings()::toString);
      assertEquals(spellings[1], dup.get(0).header().orElseThrow());
    }
  }
}
