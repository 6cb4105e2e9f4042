package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.BorderFilter.Action;
import org.mmsstack.routing.BorderFilter.Direction;
import org.mmsstack.routing.BorderFilter.Policy;

/** Routing fields on whole MM4 messages, and the border filter over them. */
class RoutingMm4Test {

  private static final String HEAD =
      "X-Mms-3GPP-MMS-Version: 6.10.0\r\n"
          + "X-Mms-Message-Type: MM4_forward.REQ\r\n"
          + "X-Mms-Transaction-ID: t-1\r\n"
          + "X-Mms-Message-ID: m-1\r\n"
          + "Date: Sat, 21 Sep 2026 12:00:00 +0000\r\n"
          + "From: +491701111111/TYPE=PLMN@mms.example.net\r\n"
          + "To: +491711234567/TYPE=PLMN@mms.example.net\r\n"
          + "X-Mms-Originator-System: system-user@mms.example.net\r\n"
          + "Message-ID: <t-1@mms.example.net>\r\n";

  private static final String TAIL =
      "Subject: =?utf-8?q?gr=C3=BC=C3=9Fe?=\r\n"
          + "X-Private:   kept   as sent\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"b\"\r\n"
          + "\r\n"
          + "--b\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "Content-Transfer-Encoding: quoted-printable\r\n"
          + "\r\n"
          + "hello =C3=BC\r\n"
          + "--b--\r\n";

  private static byte[] forward(String extraHeaders) {
    return (HEAD + extraHeaders + TAIL).getBytes(StandardCharsets.UTF_8);
  }

  private static Mm4ForwardReq decodeForward(String extraHeaders) throws Exception {
    return (Mm4ForwardReq) Mm4Codec.decode(forward(extraHeaders));
  }

  @Test
  void attachedFieldsReadBackAndStripLeavesTheMailAsItCame() throws Exception {
    Mm4ForwardReq m = decodeForward("");
    RoutingFields f = Fixtures.fields();
    Mm4ForwardReq routed = RoutingMm4.attach(m, f);
    assertEquals(Optional.of(f), RoutingHeaders.read(routed.headers()));
    assertTrue(RoutingMm4.hasRoutingHeaders(routed));
    // Through the wire and back: the routing fields survive, and stripping them gives the
    // original octets (every other field kept its raw bytes, the body was not re-encoded).
    Mm4Message again = Mm4Codec.decode(Mm4Codec.encode(routed));
    assertEquals(Optional.of(f), RoutingHeaders.read(again.headers()));
    assertArrayEquals(Mm4Codec.encode(m), Mm4Codec.encode(RoutingMm4.strip(again)));
    assertArrayEquals(forward(""), Mm4Codec.encode(RoutingMm4.strip(routed)));
  }

  @Test
  void attachReplacesTheFieldsAMessageHad() throws Exception {
    Mm4ForwardReq m =
        decodeForward(
            "x-mms-routing-path: rs-x\r\nX-MMS-ROUTING-Bogus: 1\r\nX-Mms-Routing-Home: rs-y\r\n");
    RoutingFields f = Fixtures.fields();
    Mm4ForwardReq routed = RoutingMm4.attach(m, f);
    assertEquals(Optional.of(f), RoutingHeaders.read(routed.headers()));
    assertEquals(
        RoutingHeaders.write(f).size(),
        routed.headers().list().stream()
            .filter(h -> RoutingHeaders.isRoutingHeader(h.name()))
            .count());
  }

  @Test
  void stripRemovesEverySpellingAndNothingElse() throws Exception {
    Mm4ForwardReq m =
        decodeForward(
            "x-mms-routing-path: rs-x\r\nX-MMS-ROUTING-Bogus: 1\r\nX-Mms-Routing-Path: rs-z\r\n");
    Mm4ForwardReq plain = RoutingMm4.strip(m);
    assertFalse(RoutingMm4.hasRoutingHeaders(plain));
    assertArrayEquals(forward(""), Mm4Codec.encode(plain));
    Mm4ForwardReq clean = decodeForward("");
    assertFalse(RoutingMm4.hasRoutingHeaders(clean));
    assertSame(clean, RoutingMm4.strip(clean), "nothing to remove, nothing rebuilt");
  }

  @Test
  void stripsALenientlyDecodedMailThatLacksMandatoryFields() throws Exception {
    // No X-Mms-Originator-System, no Message-ID: the border must still strip, not throw.
    String mail =
        (HEAD + "X-Mms-Routing-Hop-Limit: 3\r\n" + TAIL)
            .replace("X-Mms-Originator-System: system-user@mms.example.net\r\n", "")
            .replace("Message-ID: <t-1@mms.example.net>\r\n", "");
    Mm4ForwardReq m = (Mm4ForwardReq) Mm4Codec.decode(mail.getBytes(StandardCharsets.UTF_8));
    BorderFilter.Outcome<Mm4ForwardReq> out = BorderFilter.DEFAULT.filter(m, Direction.INBOUND);
    assertEquals(Action.STRIPPED, out.action());
    assertFalse(RoutingMm4.hasRoutingHeaders(out.message()));
    assertEquals(m.headers().size() - 1, out.message().headers().size());
  }

  @Test
  void keepsTheMessageType() throws Exception {
    Mm4DeliveryReportReq report =
        Mm4DeliveryReportReq.builder()
            .mmsVersion(org.mmsstack.mm4.Mm4Version.V6_8_0)
            .transactionId("t-2")
            .messageId("m-1")
            .from(org.mmsstack.mm4.value.Mm4Address.plmn("+491711234567"))
            .to(org.mmsstack.mm4.value.Mm4Address.plmn("+491701111111"))
            .date(Fixtures.T0.atOffset(java.time.ZoneOffset.UTC))
            .mmStatusCode(org.mmsstack.mm4.value.MmStatusCode.RETRIEVED)
            .rfc822MessageId("r-1@mms.example.net")
            .build();
    Mm4DeliveryReportReq routed = RoutingMm4.attach(report, Fixtures.fields());
    Mm4DeliveryReportReq plain = RoutingMm4.strip(routed);
    assertEquals(report, plain);
  }

  @Test
  void borderFilterOnTheWholeMessageAgreesWithTheHeaderSection() throws Exception {
    String routing = "x-mms-routing-path: rs-x\r\nX-Mms-Routing-Home: rs-y\r\n";
    Mm4ForwardReq m = decodeForward(routing);
    for (Direction d : Direction.values()) {
      BorderFilter.Outcome<Mm4ForwardReq> out = BorderFilter.DEFAULT.filter(m, d);
      assertEquals(Action.STRIPPED, out.action());
      assertEquals(List.of("x-mms-routing-path", "X-Mms-Routing-Home"), out.removedHeaders());
      assertEquals(
          BorderFilter.DEFAULT.filter(Mm4Codec.decodeHeaders(forward(routing)), d).removedHeaders(),
          out.removedHeaders());
      assertArrayEquals(forward(""), Mm4Codec.encode(out.message()));
    }
    BorderFilter.Outcome<Mm4ForwardReq> refused =
        BorderFilter.of(Policy.REFUSE, Policy.STRIP).filter(m, Direction.INBOUND);
    assertEquals(Action.REFUSED, refused.action());
    assertSame(m, refused.message());
    assertEquals(Optional.of(RequestStatusCode.ERROR_SERVICE_DENIED), refused.mm4StatusCode());
    Mm4ForwardReq clean = decodeForward("");
    BorderFilter.Outcome<Mm4ForwardReq> passed =
        BorderFilter.of(Policy.REFUSE, Policy.REFUSE).filter(clean, Direction.OUTBOUND);
    assertEquals(Action.PASSED, passed.action());
    assertSame(clean, passed.message());
    assertEquals(List.of(), passed.removedHeaders());
  }
}
