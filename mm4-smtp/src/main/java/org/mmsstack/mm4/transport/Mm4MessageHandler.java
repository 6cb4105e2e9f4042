package org.mmsstack.mm4.transport;

import org.mmsstack.mm4.smtp.SmtpAddress;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;

/**
 * Takes the MM4 messages an {@link Mm4Receiver} parsed. Called on the connection's thread; one
 * handler serves every connection, so it must be thread-safe.
 */
@FunctionalInterface
public interface Mm4MessageHandler {

  /**
   * Decides about one message; the decision is the SMTP reply to its content: {@link
   * SmtpDeliveryOutcome#accepted()} takes it over (250), {@link
   * SmtpDeliveryOutcome#temporaryFailure} asks the peer to retry (451), {@link
   * SmtpDeliveryOutcome#permanentFailure} refuses it (554). A {@link RuntimeException} becomes 451.
   *
   * @param delivery the envelope, the parsed message and the parser's findings
   * @return the reply to send
   */
  SmtpDeliveryOutcome deliver(Mm4Delivery delivery);

  /** Decides at RCPT time whether a recipient is served here (250) or not (550); default: all. */
  default boolean acceptsRecipient(SmtpAddress recipient) {
    return true;
  }
}
