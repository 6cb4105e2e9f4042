package org.mmsstack.mm4.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.Mm4MessageType;

/**
 * Which elements each MM4 message type requires (TS 23.140 §8.4 as summarised in our mm4
 * reference): builders enforce them, the validator reports their absence.
 */
public final class Rules {

  /** Pseudo-name: the message needs content (Content-Type and a body). */
  public static final String CONTENT = "(content)";

  /** Pseudo-name: the message needs To or Cc. */
  public static final String RECIPIENTS = "(recipients)";

  private static final List<String> COMMON =
      List.of(Mm4HeaderNames.MMS_VERSION, Mm4HeaderNames.TRANSACTION_ID, Mm4HeaderNames.MESSAGE_ID);

  private static final Map<Mm4MessageType, List<String>> MANDATORY =
      new EnumMap<>(Mm4MessageType.class);

  static {
    MANDATORY.put(
        Mm4MessageType.FORWARD_REQ,
        concat(
            COMMON,
            List.of(
                RECIPIENTS,
                Mm4HeaderNames.FROM,
                Mm4HeaderNames.DATE,
                Mm4HeaderNames.ORIGINATOR_SYSTEM,
                Mm4HeaderNames.RFC822_MESSAGE_ID,
                Mm4HeaderNames.MIME_VERSION,
                CONTENT)));
    MANDATORY.put(
        Mm4MessageType.DELIVERY_REPORT_REQ,
        concat(
            COMMON,
            List.of(
                Mm4HeaderNames.FROM,
                Mm4HeaderNames.TO,
                Mm4HeaderNames.DATE,
                Mm4HeaderNames.MM_STATUS_CODE,
                Mm4HeaderNames.RFC822_MESSAGE_ID)));
    MANDATORY.put(
        Mm4MessageType.READ_REPLY_REPORT_REQ,
        concat(
            COMMON,
            List.of(
                Mm4HeaderNames.FROM,
                Mm4HeaderNames.TO,
                Mm4HeaderNames.DATE,
                Mm4HeaderNames.READ_STATUS,
                Mm4HeaderNames.RFC822_MESSAGE_ID)));
    for (Mm4MessageType t :
        new Mm4MessageType[] {
          Mm4MessageType.FORWARD_RES,
          Mm4MessageType.DELIVERY_REPORT_RES,
          Mm4MessageType.READ_REPLY_REPORT_RES
        }) {
      MANDATORY.put(t, concat(COMMON, List.of(Mm4HeaderNames.REQUEST_STATUS_CODE)));
    }
  }

  /** Header fields that may appear once only. */
  public static final Set<String> SINGLE =
      Set.of(
          "from",
          "sender",
          "date",
          "subject",
          "message-id",
          "mime-version",
          "content-type",
          "content-transfer-encoding",
          "x-mms-message-type",
          "x-mms-3gpp-mms-version",
          "x-mms-transaction-id",
          "x-mms-message-id",
          "x-mms-request-status-code",
          "x-mms-mm-status-code",
          "x-mms-read-status",
          "x-mms-message-class",
          "x-mms-expiry",
          "x-mms-delivery-report",
          "x-mms-originator-system",
          "x-mms-priority",
          "x-mms-sender-visibility",
          "x-mms-read-reply",
          "x-mms-ack-request",
          "x-mms-forward-counter",
          "x-mms-content-class",
          "x-mms-drm-content",
          "x-mms-adaptation-allowed",
          "x-mms-status-text",
          "x-mms-mm-status-extension");

  /** Header fields (lower case) whose values {@code Checks} reads. */
  public static final Set<String> CHECKED =
      Set.of(
          "x-mms-3gpp-mms-version",
          "x-mms-message-type",
          "x-mms-transaction-id",
          "x-mms-message-id",
          "x-mms-request-status-code",
          "x-mms-mm-status-code",
          "x-mms-read-status",
          "x-mms-priority",
          "x-mms-sender-visibility",
          "x-mms-content-class",
          "x-mms-delivery-report",
          "x-mms-read-reply",
          "x-mms-ack-request",
          "x-mms-drm-content",
          "x-mms-adaptation-allowed",
          "x-mms-message-class",
          "x-mms-forward-counter",
          "x-mms-previously-sent-by",
          "x-mms-previously-sent-date-and-time",
          "date",
          "x-mms-expiry",
          "from",
          "sender",
          "x-mms-originator-system",
          "to",
          "cc",
          "content-type",
          "mime-version",
          "message-id",
          "subject",
          "x-mms-status-text",
          "x-mms-mm-status-extension",
          "x-mms-applic-id",
          "x-mms-reply-applic-id",
          "x-mms-aux-applic-info");

  private Rules() {}

  public static List<String> mandatory(Mm4MessageType type) {
    return MANDATORY.get(type);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    java.util.ArrayList<String> l = new java.util.ArrayList<>(a);
    l.addAll(b);
    return List.copyOf(l);
  }
}
