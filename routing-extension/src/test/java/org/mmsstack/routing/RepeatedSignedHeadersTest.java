package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * A hop whose signed single-valued headers occur twice must not verify: the signature covers
 * one occurrence while a consumer that reads another would see unsigned text.
 */
class RepeatedSignedHeadersTest {

  private static final Instant NOW = Fixtures.T0.plusSeconds(10);
  private static final RoutingSigner SIGNER =
      RoutingSigner.fromSeed("rs-b.1", Fixtures.B, Fixtures.seed(1));
  private static final RoutingVerifier VERIFIER =
      RoutingVerifier.of(
          KeyRing.of(
              List.of(
                  SIGNER.trustedKey(
                      Fixtures.T0.minus(Duration.ofDays(1)),
                      Fixtures.T0.plus(Duration.ofDays(1))))));

  private static List<HeaderPair> mm4Headers() {
    return List.of(
        new HeaderPair("X-Mms-3GPP-MMS-Version", "6.8.0"),
        new HeaderPair("X-Mms-Message-Type", "MM4_forward.REQ"),
        new HeaderPair("X-Mms-Transaction-ID", "t-1"),
        new HeaderPair("X-Mms-Message-ID", "r1.rs-c.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbb"),
        new HeaderPair("From", "+491701111111/TYPE=PLMN@mms.example.net"),
        new HeaderPair("To", "+491711234567/TYPE=PLMN@mms.example.net"),
        new HeaderPair("Date", "Tue, 22 Sep 2026 10:00:00 +0000"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "From",
        "Date",
        "X-Mms-Message-ID",
        "X-Mms-Transaction-ID",
        "X-Mms-Message-Type",
        "x-mms-message-id"
      })
  void mm4HopWithARepeatedSignedHeaderIsRefused(String name) throws Exception {
    List<HeaderPair> headers = mm4Headers();
    RoutingFields signed = SIGNER.sign(Fixtures.fields(), MessageIdentity.ofMm4(headers));
    VERIFIER.verify(signed, MessageIdentity.ofMm4(headers), NOW); // the hop as sent verifies

    // An attacker appends a second occurrence (a consumer taking the last would read it).
    List<HeaderPair> tampered = new ArrayList<>(headers);
    String original =
        headers.stream().filter(h -> h.hasName(name)).findFirst().orElseThrow().value();
    tampered.add(
        new HeaderPair(
            name,
            original.equals("MM4_forward.REQ") ? "MM4_read_reply_report.REQ" : "x" + original));
    RoutingFieldException e =
        assertThrows(
            RoutingFieldException.class,
            () -> VERIFIER.verify(signed, MessageIdentity.ofMm4(tampered), NOW));
    assertEquals(RoutingFieldException.Reason.DUPLICATE_SIGNED_HEADER, e.reason());
    assertEquals(name.toLowerCase(Locale.ROOT), e.header().toLowerCase(Locale.ROOT));
    assertEquals(ResponseStatus.ERROR_PERMANENT_SERVICE_DENIED, e.responseStatus());
    assertEquals("Error-service-denied", e.mm4StatusCode().token());

    // The same value twice is refused too: the rule is about the count, not about a conflict.
    List<HeaderPair> same = new ArrayList<>(headers);
    same.add(new HeaderPair(name, original));
    assertEquals(
        RoutingFieldException.Reason.DUPLICATE_SIGNED_HEADER,
        assertThrows(RoutingFieldException.class, () -> MessageIdentity.ofMm4(same)).reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"From", "Date", "X-Mms-Transaction-Id", "Message-ID"})
  void binaryHopWithARepeatedSignedHeaderIsRefused(String field) throws Exception {
    SendReq pdu =
        RoutingPdusTest.sendReq().toBuilder()
            .set(HeaderField.MESSAGE_ID, "r1.rs-c.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbb")
            .build();
    RoutingFields signed = SIGNER.sign(Fixtures.fields(), RoutingPdus.identity(pdu));
    Pdu sent = RoutingPdus.attach(pdu, signed);
    Pdu received = PduCodec.decode(PduCodec.encode(sent), DecodeConfig.LENIENT);
    VERIFIER.verify(RoutingPdus.read(received).orElseThrow(), RoutingPdus.identity(received), NOW);

    // A second occurrence added on the wire; the lenient decoder keeps both.
    Pdu.Builder<? extends Pdu, ?> b = sent.toBuilder();
    switch (field) {
      case "From" -> b.add(HeaderField.FROM, FromValue.of(Address.plmn("+491709999999")));
      case "Date" -> b.add(HeaderField.DATE, Instant.ofEpochSecond(1_790_000_001L));
      case "X-Mms-Transaction-Id" -> b.add(HeaderField.TRANSACTION_ID, "tx-78");
      default -> b.add(HeaderField.MESSAGE_ID, "other-id");
    }
    Pdu tampered = PduCodec.decode(PduCodec.encode(b.build()), DecodeConfig.LENIENT);
    RoutingFields fields = RoutingPdus.read(tampered).orElseThrow();
    RoutingFieldException e =
        assertThrows(
            RoutingFieldException.class,
            () -> VERIFIER.verify(fields, RoutingPdus.identity(tampered), NOW));
    assertEquals(RoutingFieldException.Reason.DUPLICATE_SIGNED_HEADER, e.reason());
    assertEquals(field, e.header());
    assertEquals(ResponseStatus.ERROR_PERMANENT_SERVICE_DENIED, e.responseStatus());
  }
}
