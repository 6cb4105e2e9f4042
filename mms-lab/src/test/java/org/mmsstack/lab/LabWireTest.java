package org.mmsstack.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.RoutingHeaders;
import org.mmsstack.routing.RoutingMm4;

/** The lab's MM4 edits, and its answers from a header section. */
class LabWireTest {

  private static final byte[] REPORT =
      ("X-Mms-3GPP-MMS-Version: 6.10.0\r\n"
              + "X-Mms-Message-Type: MM4_delivery_report.REQ\r\n"
              + "X-Mms-Transaction-ID:  \"t-7\" \r\n"
              + "X-Mms-Message-ID: m-1\r\n"
              + "Message-ID: <r-1@mms.example.net>\r\n"
              + "X-Mms-Ack-Request: Yes\r\n"
              + "From: +491701111111/TYPE=PLMN@mms.example.net\r\n"
              + "To: +491711234567/TYPE=PLMN@mms.example.net\r\n"
              + "Date: Sat, 21 Sep 2026 12:00:00 +0000\r\n"
              + "X-Mms-MM-Status-Code: Retrieved\r\n"
              + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void theIntakeAnswersFromTheHeaderSectionAsFromTheDecodedMessage() throws Exception {
    Mm4Headers h = Mm4Codec.decodeHeaders(REPORT);
    Mm4Message m = Mm4Codec.decode(REPORT);
    Mm4Message fromHeaders = Mm4Message.responseTo(h, RequestStatusCode.OK);
    assertEquals(Mm4Message.responseTo(m.headers(), RequestStatusCode.OK), fromHeaders);
    assertEquals(Mm4MessageType.DELIVERY_REPORT_RES, fromHeaders.messageType());
    assertEquals(m.transactionId(), fromHeaders.transactionId());
    assertEquals(m.messageId(), fromHeaders.messageId());
  }

  @Test
  void routingFieldsAreSeenInTheMailAndGoneAfterTheStrip() throws Exception {
    Mm4Message m = Mm4Codec.decode(REPORT);
    Mm4Message routed = m.toBuilder().addHeader(RoutingHeaders.HOP_LIMIT, "3").build();
    assertTrue(LabWire.mentionsRouting(Mm4Codec.encode(routed)));
    assertFalse(LabWire.mentionsRouting(Mm4Codec.encode(RoutingMm4.strip(routed))));
    assertFalse(LabWire.mentionsRouting(REPORT));
  }
}
