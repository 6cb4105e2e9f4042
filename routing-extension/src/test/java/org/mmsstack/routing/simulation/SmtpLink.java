package org.mmsstack.routing.simulation;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mmsstack.mm4.smtp.SmtpClient;
import org.mmsstack.mm4.smtp.SmtpClientConfig;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpReceiver;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;
import org.mmsstack.mm4.smtp.SmtpSendResult;

/**
 * Carries MM4 between the MMSE's Relay/Servers over real SMTP on the loopback interface: one
 * {@link SmtpReceiver} per Relay/Server (port 0), one pooled {@link SmtpClient} per receiving
 * Relay/Server. The simulation stays single-threaded and deterministic: a transfer returns only
 * after the receiver has handed the message to its handler, and the bytes the node then
 * processes are exactly those the receiver produced. Every wait is bounded.
 */
final class SmtpLink implements Network.Mm4Link, AutoCloseable {

  private static final long WAIT_SECONDS = 10;

  private final String domain;
  private final Map<String, SmtpReceiver> receivers = new LinkedHashMap<>();
  private final Map<String, BlockingQueue<byte[]>> inboxes = new LinkedHashMap<>();
  private final Map<String, SmtpClient> clients = new LinkedHashMap<>();
  private long messages;
  private long octets;

  SmtpLink(String domain) {
    this.domain = domain;
  }

  @Override
  public byte[] carry(Node from, Node to, List<String> rcptTo, byte[] mail) throws IOException {
    BlockingQueue<byte[]> inbox =
        inboxes.computeIfAbsent(to.name, k -> new LinkedBlockingQueue<>());
    SmtpReceiver receiver = receivers.get(to.name);
    if (receiver == null) {
      SmtpReceiverConfig rc =
          SmtpReceiverConfig.builder()
              .bindAddress(InetAddress.getLoopbackAddress())
              .port(0)
              .serverName(to.name + "." + domain)
              .maxMessageSize(4_000_000)
              .idleTimeout(Duration.ofSeconds(WAIT_SECONDS * 6))
              .build();
      receiver =
          SmtpReceiver.start(
              rc,
              (envelope, message) -> {
                inbox.add(message);
                return SmtpDeliveryOutcome.accepted();
              });
      receivers.put(to.name, receiver);
    }
    SmtpClient client = clients.get(to.name);
    if (client == null || !client.isOpen()) {
      SmtpClientConfig cc =
          SmtpClientConfig.builder()
              .helloName("mm4." + domain)
              .connectTimeout(Duration.ofSeconds(WAIT_SECONDS))
              .readTimeout(Duration.ofSeconds(WAIT_SECONDS))
              .build();
      client = SmtpClient.connect(receiver.localAddress().getHostString(), receiver.port(), cc);
      clients.put(to.name, client);
    }
    SmtpEnvelope envelope =
        SmtpEnvelope.of(Mm1Mm4.systemUser(from.name + "." + domain), rcptTo.toArray(new String[0]));
    SmtpSendResult result = client.send(envelope, mail);
    if (!result.allRecipientsAccepted()) {
      throw new IOException("SMTP receiver of " + to + " refused " + result.refusedRecipients());
    }
    byte[] received;
    try {
      received = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (received == null) {
      throw new IOException("SMTP receiver of " + to + " acknowledged but delivered nothing");
    }
    messages++;
    octets += received.length;
    return received;
  }

  long messages() {
    return messages;
  }

  long octets() {
    return octets;
  }

  @Override
  public void close() {
    for (SmtpClient c : clients.values()) {
      try {
        c.quit();
      } catch (IOException e) {
        // Closing anyway.
      }
      c.close();
    }
    receivers.values().forEach(SmtpReceiver::close);
  }
}
