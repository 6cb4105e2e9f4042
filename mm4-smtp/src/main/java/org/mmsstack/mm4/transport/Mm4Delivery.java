package org.mmsstack.mm4.transport;

import java.util.List;
import java.util.Objects;
import org.mmsstack.mm4.Mm4Finding;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.smtp.SmtpEnvelope;

/**
 * One MM4 message an {@link Mm4Receiver} accepted at the SMTP level and parsed.
 *
 * @param envelope the reverse-path and the recipients accepted at RCPT time
 * @param message the parsed message
 * @param findings what lenient parsing tolerated (empty for a clean message)
 */
public record Mm4Delivery(SmtpEnvelope envelope, Mm4Message message, List<Mm4Finding> findings) {

  /** Copies the findings. */
  public Mm4Delivery {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(message, "message");
    findings = List.copyOf(findings);
  }
}
