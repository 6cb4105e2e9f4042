package org.mmsstack.mm4.transport;

import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.smtp.SmtpSendResult;

/**
 * An MM4 message the peer acknowledged: which message it was, and the SMTP outcome of sending
 * it. Only made after the peer's 250 to the message content, so every recipient in {@code
 * smtp().acceptedRecipients()} has been taken over; recipients refused at RCPT time (in {@code
 * smtp().refusedRecipients()}, with their replies in {@code smtp().recipientResults()}) did not
 * get the message. (The MM4 response, if one was asked for with X-Mms-Ack-Request, comes later as
 * a separate message.)
 *
 * @param messageType the MM4 message type sent
 * @param transactionId its X-Mms-Transaction-ID, if it has one
 * @param smtp the envelope used, the reply to every RCPT TO and the peer's 250 to the content
 */
public record Mm4SendResult(
    Mm4MessageType messageType, Optional<String> transactionId, SmtpSendResult smtp) {

  /** Checks that no component is null. */
  public Mm4SendResult {
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(smtp, "smtp");
  }
}
