package org.mmsstack.mm4.smtp;

/**
 * What an {@link SmtpMessageHandler} decided about a received message; the receiver sends it as
 * the reply to the end of DATA.
 *
 * @param code 250 to accept, 4yz to ask the client to retry later, 5yz to refuse for good
 * @param text the reply text (one line, printable US-ASCII)
 */
public record SmtpDeliveryOutcome(int code, String text) {
  /**
   * @throws IllegalArgumentException when the code is not 250, 4yz or 5yz, or the text is not
   *     one line of printable US-ASCII
   */
  public SmtpDeliveryOutcome {
    if (code != 250 && (code < 400 || code > 599)) {
      throw new IllegalArgumentException("code: " + code + " (expected: 250 or 400 ~ 599)");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(
            "text: character 0x"
                + Integer.toHexString(c)
                + " at index "
                + i
                + " (expected: printable US-ASCII, one line)");
      }
    }
  }

  /** 250: the message is taken over. */
  public static SmtpDeliveryOutcome accepted() {
    return new SmtpDeliveryOutcome(250, "2.0.0 OK");
  }

  /** 451: a transient local problem; the client should retry later. */
  public static SmtpDeliveryOutcome temporaryFailure(String reason) {
    return new SmtpDeliveryOutcome(451, "4.3.0 " + reason);
  }

  /** 554: the message is refused for good. */
  public static SmtpDeliveryOutcome permanentFailure(String reason) {
    return new SmtpDeliveryOutcome(554, "5.6.0 " + reason);
  }

  /** Whether this outcome accepts the message. */
  public boolean isAccepted() {
    return code == 250;
  }
}
