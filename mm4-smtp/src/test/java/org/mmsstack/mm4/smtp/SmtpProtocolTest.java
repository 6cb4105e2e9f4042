package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP corrections of issue 15 (dot-stuffed full-length lines, reply codes, a failing
 * handler, PIPELINING) and peer authentication: require TLS, mutual TLS with the verified identity
 * in the envelope, the client-name allow-list, and the listener's view of it all.
 */
class SmtpProtocolTest {
  final List<SmtpEnvelope> envelopes = new CopyOnWriteArrayList<>();
  final List<byte[]> delivered = new CopyOnWriteArrayList<>();
  final RecordingListener listener = new RecordingListener();
  SmtpReceiver receiver;

  SmtpReceiver start(SmtpReceiverConfig.Builder config, SmtpMessageHandler handler)
      throws IOException {
    receiver = SmtpReceiver.start(config.listener(listener).build(), handler);
    return receiver;
  }

  SmtpReceiver start(SmtpReceiverConfig.Builder config) throws IOException {
    return start(
        config,
        (envelope, message) -> {
          envelopes.add(envelope);
          delivered.add(message);
          return SmtpDeliveryOutcome.accepted();
        });
  }

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  static SmtpEnvelope envelope() {
    return SmtpEnvelope.of("a@example.org", "b@example.org");
  }

  @Test
  void ourClientSendsAndOurReceiverAcceptsADotStuffedLineOf998Octets() throws Exception {
    start(SmtpReceiverConfig.builder());
    byte[] message =
        ("Subject: dots\r\n\r\n." + "d".repeat(997) + "\r\n" + "e".repeat(998) + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (SmtpClient client =
        SmtpClient.connect("127.0.0.1", receiver.port(), SmtpClientConfig.DEFAULT)) {
      client.send(envelope(), message);
      // One octet more is over the limit, dot or not.
      byte[] tooLong =
          ("Subject: dots\r\n\r\n." + "d".repeat(998) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(envelope(), tooLong),
              "the client refuses it itself");
      assertEquals(SmtpException.Reason.LINE_TOO_LONG, e.reason());
    }
    assertArrayEquals(message, delivered.get(0));
    try (RawSession c = new RawSession(receiver.port())) {
      c.transaction();
      c.write(".." + "d".repeat(998) + "\r\n.\r\n");
      assertTrue(c.readReply().startsWith("500 5.5.2"), "999 octets after unstuffing");
    }
    assertEquals(1, delivered.size());
  }

  @Test
  void nonAsciiPathsGet553AndDoNotCountAsErrors() throws Exception {
    start(SmtpReceiverConfig.builder().maxErrors(3));
    try (RawSession c = new RawSession(receiver.port())) {
      assertTrue(c.command("EHLO c.test").startsWith("250 "));
      for (int i = 0; i < 5; i++) {
        String reply = c.command("MAIL FROM:<j\u00f6rg@example.org>");
        assertTrue(reply.startsWith("553 5.6.7"), reply);
      }
      assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("250 "));
      assertTrue(c.command("RCPT TO:<m\u00fcller@example.org>").startsWith("553 5.6.7"));
      assertTrue(
          c.command("NOOP \u00e9").startsWith("501 "), "a known command with a bad argument");
      assertTrue(
          c.command("NOOP").startsWith("250 "), "still open after 7 refusals with maxErrors 3");
    }
    assertEquals(6, listener.count("rejected MAIL 553") + listener.count("rejected RCPT 553"));
  }

  @Test
  void anErrorThrownByTheHandlerIsAnswered451AndTheConnectionGoesOn() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(
        SmtpReceiverConfig.builder(),
        (envelope, message) -> {
          if (calls.incrementAndGet() == 1) {
            throw new StackOverflowError("handler bug");
          }
          delivered.add(message);
          return SmtpDeliveryOutcome.accepted();
        });
    byte[] message = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
    try (SmtpClient client =
        SmtpClient.connect("127.0.0.1", receiver.port(), SmtpClientConfig.DEFAULT)) {
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(envelope(), message));
      assertEquals(451, e.lastReplyCode());
      assertTrue(client.isOpen());
      client.send(envelope(), message);
    }
    assertEquals(1, delivered.size());
    assertEquals(1, listener.count("refused-message 451 handler-failed"));
    assertEquals(1, listener.count("accepted " + message.length));
  }

  @Test
  void pipelinedTransactionIsAnsweredInOrder() throws Exception {
    start(SmtpReceiverConfig.builder());
    try (RawSession c = new RawSession(receiver.port())) {
      c.write("EHLO c.test\r\n");
      List<String> ehlo = c.readReplyLines();
      assertTrue(ehlo.contains("250-PIPELINING"), ehlo.toString());
      assertFalse(ehlo.stream().anyMatch(l -> l.contains("SMTPUTF8")), "SMTPUTF8 is not offered");
      c.write(
          "MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nRCPT TO:<c@example.org>\r\nDATA\r\n");
      assertTrue(c.readReply().startsWith("250 "));
      assertTrue(c.readReply().startsWith("250 "));
      assertTrue(c.readReply().startsWith("250 "));
      assertTrue(c.readReply().startsWith("354 "));
      c.write("Subject: p\r\n\r\nx\r\n.\r\nRSET\r\nQUIT\r\n");
      assertTrue(c.readReply().startsWith("250 "));
      assertTrue(c.readReply().startsWith("250 "));
      assertTrue(c.readReply().startsWith("221 "));
    }
    assertEquals(2, envelopes.get(0).recipients().size());
  }

  @Test
  void requireTlsRefusesMailUntilStartTls() throws Exception {
    TestTls tls = TestTls.get();
    start(SmtpReceiverConfig.builder().sslContext(tls.serverContext).requireTls(true));
    try (RawSession c = new RawSession(receiver.port())) {
      assertTrue(c.command("EHLO c.test").startsWith("250 "));
      assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("530 5.7.0"));
    }
    SmtpClientConfig plain = SmtpClientConfig.DEFAULT;
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), plain)) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(envelope(), "x\r\n".getBytes(StandardCharsets.US_ASCII)));
      assertEquals(530, e.lastReplyCode());
    }
    try (SmtpClient client =
        SmtpClient.connect(
            "127.0.0.1",
            receiver.port(),
            SmtpClientConfig.builder()
                .tlsMode(SmtpTlsMode.STARTTLS)
                .sslContext(tls.clientContext)
                .helloName("sender.test")
                .build())) {
      client.send(envelope(), "x\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    SmtpPeer peer = envelopes.get(0).peer().orElseThrow();
    assertTrue(peer.isTls());
    assertEquals("sender.test", peer.helloName().orElseThrow());
    assertEquals("127.0.0.1", peer.address().getAddress().getHostAddress());
    // The configuration names it as the peer does; empty by default (the address literal).
    assertEquals(
        Optional.of("sender.test"),
        SmtpClientConfig.builder().helloName("sender.test").build().helloName());
    assertEquals(Optional.empty(), SmtpClientConfig.DEFAULT.helloName());
    assertTrue(peer.identity().isEmpty(), "no client certificate was asked for");
  }

  SmtpReceiverConfig.Builder mutualTls(TestTls tls) {
    SSLParameters parameters = new SSLParameters();
    parameters.setNeedClientAuth(true);
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    return SmtpReceiverConfig.builder()
        .sslContext(tls.mutualServerContext)
        .sslParameters(parameters)
        .allowedClientNames(java.util.Set.of(TestTls.PEER));
  }

  static SmtpClientConfig client(javax.net.ssl.SSLContext context) {
    return SmtpClientConfig.builder()
        .tlsMode(SmtpTlsMode.STARTTLS)
        .sslContext(context)
        .helloName("mmsc.test")
        .readTimeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void mutualTlsPutsTheVerifiedPeerIdentityInTheEnvelope() throws Exception {
    TestTls tls = TestTls.get();
    start(mutualTls(tls));
    try (SmtpClient client =
        SmtpClient.connect("127.0.0.1", receiver.port(), client(tls.peerClientContext))) {
      client.send(envelope(), "x\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    SmtpPeer peer = envelopes.get(0).peer().orElseThrow();
    assertEquals(java.util.Set.of(TestTls.PEER), peer.identityNames());
    assertEquals("CN=" + TestTls.PEER, peer.identity().orElseThrow().getName());
    assertEquals(1, peer.certificates().size());
    assertTrue(peer.tlsSession().orElseThrow().getProtocol().startsWith("TLSv1."));
    assertEquals("mmsc.test", peer.helloName().orElseThrow());
    assertTrue(listener.await("closed 127.0.0.1 quit", 2000), listener.events.toString());
    assertTrue(listener.events.contains("tls [" + TestTls.PEER + "]"), listener.events.toString());
  }

  @Test
  void mutualTlsRefusesUntrustedAndUnlistedClients() throws Exception {
    TestTls tls = TestTls.get();
    start(mutualTls(tls));
    // An untrusted certificate (and none at all) fails the handshake.
    for (javax.net.ssl.SSLContext context : List.of(tls.strangerClientContext, tls.clientContext)) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> SmtpClient.connect("127.0.0.1", receiver.port(), client(context)).close());
      assertTrue(
          e.reason() == SmtpException.Reason.TLS_FAILED
              || e.reason() == SmtpException.Reason.CONNECTION_LOST,
          e.toString());
    }
    // A trusted certificate whose name is not on the allow-list may talk, but not send.
    try (SmtpClient client =
        SmtpClient.connect("127.0.0.1", receiver.port(), client(tls.intruderClientContext))) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(envelope(), "x\r\n".getBytes(StandardCharsets.US_ASCII)));
      assertEquals(550, e.lastReplyCode());
    }
    // Plain text: no certificate, no mail.
    try (RawSession c = new RawSession(receiver.port())) {
      assertTrue(c.command("EHLO c.test").startsWith("250 "));
      assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("530 5.7.0"));
    }
    assertTrue(delivered.isEmpty());
    assertEquals(2, listener.awaitCount("tls-failed", 2, 2000), listener.events.toString());
  }

  @Test
  void listenerSeesTheLifeOfAConnection() throws Exception {
    start(SmtpReceiverConfig.builder().maxMessageSize(100));
    try (RawSession c = new RawSession(receiver.port())) {
      c.command("EHLO c.test");
      c.command("BOGUS");
      c.transactionAfterEhlo();
      c.write("Subject: x\r\n\r\nbody\r\n.\r\n");
      assertTrue(c.readReply().startsWith("250 "));
      c.transactionAfterEhlo();
      c.write("x".repeat(90) + "\r\n" + "y".repeat(90) + "\r\n.\r\n");
      assertTrue(c.readReply().startsWith("552 "));
      c.command("QUIT");
    }
    assertTrue(listener.await("closed", 2000));
    assertEquals(
        List.of(
            "opened 127.0.0.1",
            "rejected UNKNOWN 500",
            "accepted 20",
            "refused-message 552 too-large",
            "closed 127.0.0.1 quit"),
        listener.events);
  }
}
