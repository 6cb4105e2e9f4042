package org.mmsstack.mm4.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.smtp.SmtpAddress;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpMessageHandler;
import org.mmsstack.mm4.smtp.SmtpReceiver;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;

/**
 * Receives MM4 messages over SMTP: an {@link SmtpReceiver} whose complete messages are decoded
 * with {@link Mm4Codec} (as the given {@link Mm4Config} says; leniently, findings on the message;
 * with {@link Mm4Config#DEFAULT} the base64 and quoted-printable bodies are checked when the
 * handler asks, by {@link org.mmsstack.mm4.mime.MimeEntity#checkData()}) and handed to an {@link
 * Mm4MessageHandler}, whose decision becomes the reply to the content. Mail that does not parse as an MM4 message is
 * refused with 554 and the parser's reason, and never reaches the handler; nor does a message
 * whose connection ended before the end-of-data mark (the SMTP layer guarantees that).
 *
 * <pre>{@code
 * try (Mm4Receiver r = Mm4Receiver.start(SmtpReceiverConfig.builder().port(25).build(), Mm4Config.DEFAULT,
 *     d -> {
 *       if (d.message() instanceof Mm4ForwardReq f) {
 *         store(f);
 *       }
 *       return SmtpDeliveryOutcome.accepted();
 *     })) {
 *   ...
 * }
 * }</pre>
 */
public final class Mm4Receiver implements AutoCloseable {

  private final SmtpReceiver receiver;

  private Mm4Receiver(SmtpReceiver receiver) {
    this.receiver = receiver;
  }

  /**
   * Binds and starts accepting connections.
   *
   * @param config the SMTP limits, address and TLS
   * @param mm4Config how messages are decoded; a strict configuration refuses what a lenient one
   *     would report as findings
   * @param handler takes each parsed message
   * @throws IOException when the address cannot be bound
   */
  public static Mm4Receiver start(
      SmtpReceiverConfig config, Mm4Config mm4Config, Mm4MessageHandler handler)
      throws IOException {
    Objects.requireNonNull(mm4Config, "mm4Config");
    Objects.requireNonNull(handler, "handler");
    return new Mm4Receiver(SmtpReceiver.start(config, new Adapter(mm4Config, handler)));
  }

  /** @return the port listened on */
  public int port() {
    return receiver.port();
  }

  /** @return the address and port listened on */
  public InetSocketAddress localAddress() {
    return receiver.localAddress();
  }

  /** Stops listening and closes every connection (a message in transfer is not delivered). */
  @Override
  public void close() {
    receiver.close();
  }

  private static final class Adapter implements SmtpMessageHandler {
    private final Mm4Config mm4Config;
    private final Mm4MessageHandler handler;

    Adapter(Mm4Config mm4Config, Mm4MessageHandler handler) {
      this.mm4Config = mm4Config;
      this.handler = handler;
    }

    @Override
    public SmtpDeliveryOutcome deliver(SmtpEnvelope envelope, byte[] mail) {
      Mm4Message message;
      try {
        // The receiver keeps no reference to the array, so the message may view it.
        message = Mm4Codec.decode(mail, mm4Config);
      } catch (Mm4FormatException e) {
        return SmtpDeliveryOutcome.permanentFailure(
            "not an MM4 message: " + printable(e.getMessage()));
      }
      return handler.deliver(new Mm4Delivery(envelope, message));
    }

    @Override
    public boolean acceptsRecipient(SmtpAddress recipient) {
      return handler.acceptsRecipient(recipient);
    }
  }

  /** A reason as one short line of printable US-ASCII, as an SMTP reply text must be. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    String t = s == null ? "unreadable" : s;
    for (int i = 0; i < t.length() && b.length() < 200; i++) {
      char c = t.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }
}
