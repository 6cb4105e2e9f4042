package org.mmsstack.mm4.transport;

import java.util.Objects;
import org.mmsstack.mm4.smtp.SmtpAddress;
import org.mmsstack.mm4.smtp.SmtpReply;

/**
 * The peer's answer to one recipient of an MM4 message.
 *
 * @param recipient the RCPT TO address
 * @param reply the peer's reply to RCPT TO
 */
public record Mm4RecipientResult(SmtpAddress recipient, SmtpReply reply) {

  /** Checks the components. */
  public Mm4RecipientResult {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(reply, "reply");
  }

  /** @return whether the peer took the message over for this recipient */
  public boolean accepted() {
    return reply.isPositiveCompletion();
  }
}
