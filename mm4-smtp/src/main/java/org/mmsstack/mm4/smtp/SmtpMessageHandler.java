package org.mmsstack.mm4.smtp;

/**
 * Receives the messages an {@link SmtpReceiver} accepts. Called on the connection's thread; one
 * handler serves all connections, so it must be thread-safe.
 */
@FunctionalInterface
public interface SmtpMessageHandler {
  /**
   * Takes a complete message. Only called after the client's end-of-data mark arrived and the
   * message passed the receiver's limits: never with a partial message.
   *
   * @param envelope the reverse-path and the recipients that were accepted at RCPT time
   * @param message the content with dot-stuffing removed and CR LF line ends; the receiver
   *     keeps no reference to it
   * @return the reply to DATA; a {@link RuntimeException} thrown here becomes a 451 reply
   */
  SmtpDeliveryOutcome deliver(SmtpEnvelope envelope, byte[] message);

  /**
   * Decides whether a recipient is accepted at RCPT time (250) or refused (550). The default
   * accepts every recipient.
   */
  default boolean acceptsRecipient(SmtpAddress recipient) {
    return true;
  }
}
