package org.mmsstack.mm4.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpReply;

/**
 * An MM4 message the peer acknowledged: only made after the peer's 250 to the message content,
 * so every {@link #accepted() accepted} recipient has been taken over. Recipients refused at RCPT
 * time did not get the message. (The MM4 response, if one was asked for with X-Mms-Ack-Request,
 * comes later as a separate message.)
 *
 * @param messageType the MM4 message type sent
 * @param transactionId its X-Mms-Transaction-ID, if it has one
 * @param envelope the SMTP envelope used
 * @param recipients the reply to every RCPT TO, in the order sent
 * @param dataReply the peer's 250 reply to the content
 */
public record Mm4SendResult(
    Mm4MessageType messageType,
    Optional<String> transactionId,
    SmtpEnvelope envelope,
    List<Mm4RecipientResult> recipients,
    SmtpReply dataReply) {

  /** Copies the list and checks that the content was acknowledged with 250. */
  public Mm4SendResult {
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(envelope, "envelope");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(dataReply, "dataReply");
    if (dataReply.code() != 250) {
      throw new IllegalArgumentException("dataReply: " + dataReply + " (expected: 250)");
    }
  }

  /** @return the recipients the peer took the message over for */
  public List<Mm4RecipientResult> accepted() {
    return recipients.stream().filter(Mm4RecipientResult::accepted).toList();
  }

  /** @return the recipients the peer refused (they did not get the message) */
  public List<Mm4RecipientResult> refused() {
    return recipients.stream().filter(r -> !r.accepted()).toList();
  }

  /** @return whether every recipient was accepted */
  public boolean allAccepted() {
    return recipients.stream().allMatch(Mm4RecipientResult::accepted);
  }
}
