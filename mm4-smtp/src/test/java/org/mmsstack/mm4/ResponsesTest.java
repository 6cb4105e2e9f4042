package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.RequestStatusCode;

/** Mm4Message.responseTo and Mm4Message.toBuilder. */
class ResponsesTest {

  private static byte[] request(String type, String extra) {
    return ("X-Mms-3GPP-MMS-Version: 5.5.0\r\n"
            + "X-Mms-Message-Type: "
            + type
            + "\r\n"
            + "X-Mms-Transaction-ID:  \"t-7\" \r\n"
            + extra
            + "From: +491701111111/TYPE=PLMN@mms.example.net\r\n"
            + "To: +491711234567/TYPE=PLMN@mms.example.net\r\n"
            + "Date: Sat, 21 Sep 2026 12:00:00 +0000\r\n"
            + "X-Mms-MM-Status-Code: Retrieved\r\n"
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void answersEachRequestTypeFromItsHeaderSection() throws Exception {
    for (Mm4MessageType t : Mm4MessageType.values()) {
      if (!t.isRequest()) {
        continue;
      }
      Mm4Headers h = Mm4Codec.decodeHeaders(request(t.token(), "X-Mms-Message-ID: m-1\r\n"));
      Mm4Message res = Mm4Message.responseTo(h, RequestStatusCode.ERROR_SERVICE_DENIED);
      assertEquals(t.response(), res.messageType());
      assertEquals(Optional.of("t-7"), res.transactionId(), "the request's, unquoted");
      assertEquals(Optional.of("m-1"), res.messageId());
      assertEquals(Optional.of(Mm4Version.V5_5_0), res.mmsVersion());
      assertEquals(
          Optional.of(RequestStatusCode.ERROR_SERVICE_DENIED.token()),
          res.header(Mm4HeaderNames.REQUEST_STATUS_CODE));
      // what it builds is a valid message of its type: it survives its own codec
      Mm4Message back = Mm4Codec.decode(Mm4Codec.encode(res));
      assertEquals(res, back);
    }
  }

  @Test
  void aDecodedRequestAnswersThroughItsHeaders() throws Exception {
    Mm4Message req =
        Mm4Codec.decode(request("MM4_delivery_report.REQ", "X-Mms-Message-ID: m-1\r\n"));
    Mm4DeliveryReportRes res =
        (Mm4DeliveryReportRes) Mm4Message.responseTo(req.headers(), RequestStatusCode.OK);
    assertEquals(Optional.of(RequestStatusCode.OK), res.requestStatusCode());
    assertEquals(req.messageId(), res.messageId());
  }

  @Test
  void anUnreadableVersionIsAnsweredWithTheNewest() throws Exception {
    byte[] mail =
        new String(
                request("MM4_forward.REQ", "X-Mms-Message-ID: m-1\r\n"), StandardCharsets.US_ASCII)
            .replace("5.5.0", "five")
            .getBytes(StandardCharsets.US_ASCII);
    Mm4Message res = Mm4Message.responseTo(Mm4Codec.decodeHeaders(mail), RequestStatusCode.OK);
    assertEquals(Optional.of(Mm4Version.V6_8_0), res.mmsVersion());
  }

  @Test
  void refusesWhatIsNotARequestOrLacksAnId() throws Exception {
    Mm4Headers noId = Mm4Codec.decodeHeaders(request("MM4_forward.REQ", ""));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Mm4Message.responseTo(noId, RequestStatusCode.OK));
    assertTrue(e.getMessage().contains(Mm4HeaderNames.MESSAGE_ID), e.getMessage());

    Mm4Headers response =
        Mm4Codec.decodeHeaders(request("MM4_forward.RES", "X-Mms-Message-ID: m-1\r\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Mm4Message.responseTo(response, RequestStatusCode.OK));
    assertThrows(
        IllegalArgumentException.class,
        () -> Mm4Message.responseTo(Mm4Headers.empty(), RequestStatusCode.OK));
    assertThrows(
        NullPointerException.class,
        () -> Mm4Message.responseTo(noId.with(Mm4HeaderNames.MESSAGE_ID, "m-1"), null));
  }

  @Test
  void toBuilderThroughTheInterfaceKeepsTheTypeAndEveryOtherField() throws Exception {
    List<Mm4Message> all =
        List.of(
            Fixtures.fullForwardReq().build(),
            Fixtures.fullForwardRes().build(),
            Fixtures.fullDeliveryReportReq().build(),
            Fixtures.fullDeliveryReportRes().build(),
            Fixtures.fullReadReplyReportReq().build(),
            Fixtures.fullReadReplyReportRes().build());
    for (Mm4Message built : all) {
      Mm4Message m = Mm4Codec.decode(Mm4Codec.encode(built));
      Mm4Message edited = m.toBuilder().transactionId("t-8").build();
      assertEquals(m.getClass(), edited.getClass());
      assertEquals(Optional.of("t-8"), edited.transactionId());
      Mm4Message restored = edited.toBuilder().transactionId(m.transactionId().get()).build();
      assertEquals(m, restored, "every other field kept");
    }
  }
}
