package org.mmsstack.mm4.transport;

import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.smtp.SmtpEnvelope;

/**
 * One MM4 message an {@link Mm4Receiver} accepted at the SMTP level and decoded. Immutable; the
 * message views the mail the receiver read, which nothing else holds.
 *
 * @param envelope the reverse-path and the recipients accepted at RCPT time
 * @param message the decoded message
 */
public record Mm4Delivery(SmtpEnvelope envelope, Mm4Message message) {

  /** Checks the components. */
  public Mm4Delivery {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(message, "message");
  }

  /**
   * @return what lenient decoding tolerated ({@link Mm4Message#findings()}: base64 and
   *     quoted-printable bodies included only when the receiver decodes with body checks on)
   */
  public List<Finding> findings() {
    return message.findings();
  }
}
