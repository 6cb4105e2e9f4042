package org.mmsstack.mm4.transport;

import java.util.List;
import java.util.Objects;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.smtp.SmtpClient;
import org.mmsstack.mm4.smtp.SmtpClientConfig;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpException;
import org.mmsstack.mm4.smtp.SmtpSendResult;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * Sends MM4 messages to a peer MMSE over one SMTP connection: formats each message with the MM4
 * codec, derives its envelope ({@link Mm4Envelopes}) and reports, per recipient, what the peer
 * said.
 *
 * <p>The SMTP work is {@link SmtpClient}'s: EHLO (HELO fallback), STARTTLS when the
 * configuration asks for it, {@code BODY=8BITMIME} when the message has 8-bit octets and the peer
 * offers it (a message with 8-bit octets to a peer that does not is refused before MAIL FROM),
 * dot-stuffing. The guarantee carries over: {@link #send} returns only after the peer's 250 to
 * the content; a refusal, a lost connection or a timeout is an {@link SmtpException} (whose
 * {@link SmtpException#deliveryUncertain()} says when the content was sent in full but not
 * acknowledged), never a result.
 *
 * <p>Not thread-safe: one sender per thread. Close it to say QUIT.
 *
 * <pre>{@code
 * try (Mm4Sender sender = Mm4Sender.connect("mx.mms.mnc001.mcc262.gprs", 25, SmtpClientConfig.DEFAULT)) {
 *   Mm4SendResult r = sender.send(forward.message(), forward.envelopeRecipients());
 *   r.smtp().recipientResults().stream()
 *       .filter(x -> !x.accepted())
 *       .forEach(x -> log(x.recipient() + ": " + x.reply()));
 * }
 * }</pre>
 */
public final class Mm4Sender implements AutoCloseable {

  private final SmtpClient client;

  private Mm4Sender(SmtpClient client) {
    this.client = client;
  }

  /**
   * Connects to a peer; messages are encoded with {@link Mm4Codec#encode(Mm4Message)}.
   *
   * @throws SmtpException when the connection, greeting, EHLO or STARTTLS fails
   */
  public static Mm4Sender connect(String host, int port, SmtpClientConfig config)
      throws SmtpException {
    return new Mm4Sender(SmtpClient.connect(host, port, config));
  }

  /** Wraps a connected client (closed with this sender). */
  public static Mm4Sender over(SmtpClient client) {
    return new Mm4Sender(Objects.requireNonNull(client, "client"));
  }

  /**
   * Sends a message to the recipients its headers name ({@link Mm4Envelopes#derive}).
   *
   * @param message the message
   * @param peerDomain the peer MMSE's domain, qualifying typed recipients
   * @return the per-recipient result, after the peer's 250 to the content
   * @throws SmtpException when the peer did not acknowledge the message
   */
  public Mm4SendResult send(Mm4Message message, String peerDomain) throws SmtpException {
    return send(message, Mm4Envelopes.derive(message, peerDomain));
  }

  /** Sends a message to explicit, qualified recipients (a forward's envelope recipients, Bcc included). */
  public Mm4SendResult send(Mm4Message message, List<Mm4Address> recipients) throws SmtpException {
    return send(message, Mm4Envelopes.of(message, recipients));
  }

  /** Sends a message with an envelope of the caller's. */
  public Mm4SendResult send(Mm4Message message, SmtpEnvelope envelope) throws SmtpException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(envelope, "envelope");
    byte[] mail = Mm4Codec.encode(message);
    SmtpSendResult r = client.send(envelope, mail);
    return new Mm4SendResult(message.messageType(), message.transactionId(), r);
  }

  /** @return the SMTP connection (for its extensions, TLS state, ...) */
  public SmtpClient client() {
    return client;
  }

  /** Says QUIT and closes the connection; never throws. */
  @Override
  public void close() {
    client.close();
  }
}
