package org.mmsstack.mm4.smtp;

import java.util.Objects;

/**
 * The server's answer to one RCPT TO.
 *
 * @param recipient the forward-path sent
 * @param reply the server's reply to it
 */
public record SmtpRecipientResult(SmtpAddress recipient, SmtpReply reply) {
  /** Checks that neither component is null. */
  public SmtpRecipientResult {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(reply, "reply");
  }

  /** Whether the server accepted the recipient (a 2yz reply, normally 250 or 251). */
  public boolean accepted() {
    return reply.isPositiveCompletion();
  }
}
