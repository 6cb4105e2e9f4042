package org.mmsstack.mm4.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * What the conversions do with values the other side cannot carry, as the fuzz test found them
 * (its saved inputs): an optional value is left out with a note, a required one is refused with
 * {@link ConversionException.Reason#UNREPRESENTABLE}; the result always encodes and decodes.
 */
class HostileValuesTest {

  private static final String INPUTS = "ConversionFuzzTestInputs/mm4ToMm1/";

  private static Mm4ForwardReq mail(String name) throws Exception {
    try (InputStream in = HostileValuesTest.class.getResourceAsStream(INPUTS + name)) {
      return (Mm4ForwardReq)
          Mm4Codec.decode(in.readAllBytes(), Mm4Config.builder().maxMessageSize(1 << 20).build());
    }
  }

  /** Converts, checks the PDU reads back, and returns the notes' fields. */
  private static List<String> noteFields(String input) throws Exception {
    Conversion<RetrieveConf> c = Mm4ToMm1.retrieveConf(mail(input), TestContexts.context());
    PduCodec.decode(PduCodec.encode(c.value()), DecodeConfig.STRICT);
    for (Finding note : c.notes()) { // left out (a WARNING) or sent in another form (INFO)
      boolean dropped = note.code().equals(Mm4FindingCodes.CONVERSION_DROPPED);
      assertTrue(dropped || note.code().equals(Mm4FindingCodes.CONVERSION_MAPPED), note.toString());
      assertEquals(dropped ? Severity.WARNING : Severity.INFO, note.severity(), note.toString());
    }
    return c.notes().stream().map(f -> f.header().orElseThrow()).toList();
  }

  private static boolean anyContains(List<String> fields, String part) {
    return fields.stream().anyMatch(f -> f.contains(part));
  }

  /** A forward.REQ whose one text part carries {@code partHeaders}. */
  private static Mm4ForwardReq mailWithPartHeaders(String partHeaders) throws Exception {
    String m =
        "X-Mms-3GPP-MMS-Version: 6.10.0\r\n"
            + "X-Mms-Message-Type: MM4_forward.REQ\r\n"
            + "X-Mms-Transaction-ID: t-1\r\n"
            + "X-Mms-Message-ID: m-1\r\n"
            + "Date: Sat, 21 Sep 2026 12:00:00 +0000\r\n"
            + "From: +491701111111/TYPE=PLMN@mms.example.net\r\n"
            + "To: +491711234567/TYPE=PLMN@mms.example.net\r\n"
            + "X-Mms-Originator-System: system-user@mms.example.net\r\n"
            + "Message-ID: <t-1@mms.example.net>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n"
            + partHeaders
            + "\r\nhello\r\n--b--\r\n";
    return (Mm4ForwardReq) Mm4Codec.decode(m.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void partValuesTheBuildersRefuseAreLeftOutWithANote() throws Exception {
    // A Content-ID ending in a double quote (a WSP reader strips it) and a textual header whose
    // name is no token: the PDU builders refuse both; the conversion drops them with a note.
    Conversion<RetrieveConf> c =
        Mm4ToMm1.retrieveConf(
            mailWithPartHeaders("Content-ID: abc\"\r\nX-Bad[name]: v\r\n"), TestContexts.context());
    PduCodec.decode(PduCodec.encode(c.value()), DecodeConfig.STRICT);
    List<String> fields = c.notes().stream().map(f -> f.header().orElseThrow()).toList();
    assertTrue(anyContains(fields, "Content-ID"), fields.toString());
    assertTrue(anyContains(fields, "X-Bad[name]"), fields.toString());
  }

  @Test
  void aMessageClassThePduBuildersRefuseIsLeftOutOrRefusedWhereRequired() throws Exception {
    // A textual X-Mms-Message-Class holding a NUL: optional in m-retrieve-conf (a note),
    // mandatory in m-notification-ind (UNREPRESENTABLE), never an unchecked exception.
    assertTrue(anyContains(noteFields("regression-message-class-nul"), "X-Mms-Message-Class"));
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () ->
                Mm4ToMm1.notificationInd(
                    mail("regression-message-class-nul"), TestContexts.context()));
    assertEquals(ConversionException.Reason.UNREPRESENTABLE, e.reason());
    assertEquals(Optional.of("X-Mms-Message-Class"), e.header());
  }

  @Test
  void mailValuesAWspReaderCouldNotTakeBackAreLeftOutWithANote() throws Exception {
    assertTrue(
        anyContains(noteFields("regression-content-location-control-octet"), "Content-Location"));
    assertTrue(anyContains(noteFields("regression-content-type-parameter-name"), "Content-Type"));
    assertTrue(
        anyContains(noteFields("regression-type-parameter-not-a-media-type"), "Content-Type type"));
    assertTrue(anyContains(noteFields("regression-leaf-typed-wsp-multipart"), "Content-Type"));
    assertFalse(noteFields("regression-extension-header-control-octet").isEmpty());
  }

  @Test
  void aMailDateBefore1970IsRefused() throws Exception {
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () ->
                Mm4ToMm1.retrieveConf(mail("regression-date-before-1970"), TestContexts.context()));
    assertEquals(ConversionException.Reason.UNREPRESENTABLE, e.reason());
    assertEquals(Optional.of("Date"), e.header());
  }

  private static SendReq.Builder sendReq() {
    return SendReq.builder()
        .transactionId("T1")
        .from(org.mmsstack.encapsulation.value.FromValue.insertAddress())
        .mmsVersion(MmsVersion.V1_3)
        .to(Address.plmn("+491700000002"))
        .body(
            org.mmsstack.encapsulation.value.ContentType.of(
                org.mmsstack.encapsulation.value.MediaType.of("text/plain")),
            org.mmsstack.encapsulation.body.SinglePartBody.of(new byte[] {'h', 'i'}));
  }

  @Test
  void aPduDateAMailCannotHoldIsRefusedAndAnExpiryDropped() throws Exception {
    Instant farFuture = Instant.ofEpochSecond(400_000_000_000L); // year 14,645
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () -> Mm1ToMm4.forwardReq(sendReq().date(farFuture).build(), TestContexts.context()));
    assertEquals(ConversionException.Reason.UNREPRESENTABLE, e.reason());
    assertEquals(e.header().orElseThrow() + ": " + e.detail(), e.getMessage());
    assertEquals(Optional.of("Date"), e.header());

    ForwardConversion c =
        Mm1ToMm4.forwardReq(
            sendReq().set(HeaderField.EXPIRY, TimeValue.absolute(farFuture)).build(),
            TestContexts.context());
    assertTrue(c.message().expiry().isEmpty());
    assertTrue(
        anyContains(
            c.notes().stream().map(f -> f.header().orElseThrow()).toList(), "X-Mms-Expiry"));
    Mm4Codec.decode(Mm4Codec.encode(c.message()), Mm4Config.STRICT);
  }
}
