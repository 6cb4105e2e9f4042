package org.mmsstack.mm4;

import java.util.Objects;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.RequestStatusCode;

/** The response to a request's header section: the body of {@link Mm4Message#responseTo}. */
final class Responses {

  private Responses() {}

  static Mm4Message to(Mm4Headers request, RequestStatusCode status) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    String typeToken =
        request
            .first(Mm4HeaderNames.MESSAGE_TYPE)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not an MM4 request: no " + Mm4HeaderNames.MESSAGE_TYPE));
    Mm4MessageType type =
        Mm4MessageType.fromToken(typeToken)
            .filter(Mm4MessageType::isRequest)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not an MM4 request: " + Mm4HeaderNames.MESSAGE_TYPE + " " + typeToken));
    String txn = required(request, Mm4HeaderNames.TRANSACTION_ID);
    String id = required(request, Mm4HeaderNames.MESSAGE_ID);
    Mm4Version version =
        request
            .first(Mm4HeaderNames.MMS_VERSION)
            .flatMap(Mm4Version::tryParse)
            .orElse(Mm4Version.V6_8_0);
    switch (type) {
      case DELIVERY_REPORT_REQ:
        return Mm4DeliveryReportRes.builder()
            .mmsVersion(version)
            .transactionId(txn)
            .messageId(id)
            .requestStatusCode(status)
            .build();
      case READ_REPLY_REPORT_REQ:
        return Mm4ReadReplyReportRes.builder()
            .mmsVersion(version)
            .transactionId(txn)
            .messageId(id)
            .requestStatusCode(status)
            .build();
      default:
        return Mm4ForwardRes.builder()
            .mmsVersion(version)
            .transactionId(txn)
            .messageId(id)
            .requestStatusCode(status)
            .build();
    }
  }

  private static String required(Mm4Headers request, String name) {
    return Values.id(request, name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the request has no " + name + " for its response to repeat"));
  }
}
