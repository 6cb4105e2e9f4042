package org.mmsstack.mm4.smtp;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a message the server acknowledged: only returned when the final reply after
 * the message content was 250, so every recipient in {@link #acceptedRecipients()} has been
 * taken over by the server. Recipients the server refused at RCPT time are listed in
 * {@link #refusedRecipients()} with their replies; they did not get the message.
 *
 * @param envelope the envelope that was sent
 * @param recipientResults the reply to every RCPT TO, in the order sent; unmodifiable
 * @param dataReply the final 250 reply after the message content
 */
public record SmtpSendResult(
    SmtpEnvelope envelope, List<SmtpRecipientResult> recipientResults, SmtpReply dataReply) {
  /** Copies the list and checks that the data reply is 250 and a recipient was accepted. */
  public SmtpSendResult {
    Objects.requireNonNull(envelope, "envelope");
    recipientResults = List.copyOf(recipientResults);
    Objects.requireNonNull(dataReply, "dataReply");
    if (dataReply.code() != 250) {
      throw new IllegalArgumentException("dataReply: " + dataReply.code() + " (expected: 250)");
    }
    if (recipientResults.stream().noneMatch(SmtpRecipientResult::accepted)) {
      throw new IllegalArgumentException("recipientResults: no accepted recipient");
    }
  }

  /** The recipients the server accepted, and therefore delivered to or relayed for. */
  public List<SmtpAddress> acceptedRecipients() {
    return recipientResults.stream()
        .filter(SmtpRecipientResult::accepted)
        .map(SmtpRecipientResult::recipient)
        .toList();
  }

  /** The recipients the server refused, with the reasons in {@link #recipientResults()}. */
  public List<SmtpAddress> refusedRecipients() {
    return recipientResults.stream()
        .filter(r -> !r.accepted())
        .map(SmtpRecipientResult::recipient)
        .toList();
  }

  /** Whether every recipient of the envelope was accepted. */
  public boolean allRecipientsAccepted() {
    return recipientResults.stream().allMatch(SmtpRecipientResult::accepted);
  }
}
