package org.mmsstack.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.RequestStatusCode;

/** The intake's reads of a header section agree with the decoded message's accessors. */
class LabWireTest {

  private static final byte[] REPORT =
      ("X-Mms-3GPP-MMS-Version: 6.10.0\r\n"
              + "X-Mms-Message-Type: MM4_delivery_report.REQ\r\n"
              + "X-Mms-Transaction-ID:  \"t-7\" \r\n"
              + "X-Mms-Message-ID: m-1\r\n"
              + "X-Mms-Ack-Request: Yes\r\n"
              + "From: +491701111111/TYPE=PLMN@mms.example.net\r\n"
              + "To: +491711234567/TYPE=PLMN@mms.example.net\r\n"
              + "Date: Sat, 21 Sep 2026 12:00:00 +0000\r\n"
              + "X-Mms-MM-Status-Code: Retrieved\r\n"
              + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void idsOfTheHeaderSectionAreTheAccessorsValues() throws Exception {
    Mm4Headers h = Mm4Codec.decodeHeaders(REPORT);
    Mm4Message m = Mm4Codec.decode(REPORT);
    assertEquals(m.transactionId(), LabWire.id(h, Mm4HeaderNames.TRANSACTION_ID));
    assertEquals(m.messageId(), LabWire.id(h, Mm4HeaderNames.MESSAGE_ID));
    assertEquals(Optional.empty(), LabWire.id(h, Mm4HeaderNames.RFC822_MESSAGE_ID));
  }

  @Test
  void answersEachRequestTypeWithItsResponse() {
    for (Mm4MessageType t : Mm4MessageType.values()) {
      if (t.isRequest()) {
        Mm4Message res = LabWire.response(t, "m-1", RequestStatusCode.OK, "t-7");
        assertEquals(t.response(), res.messageType());
        assertEquals(Optional.of("m-1"), res.messageId());
      }
    }
  }
}
