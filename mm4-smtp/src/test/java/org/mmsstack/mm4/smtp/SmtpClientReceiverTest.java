package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our client against our receiver, over real sockets on 127.0.0.1. */
class SmtpClientReceiverTest {
  static final String FROM = "system-user@mms.mnc002.mcc262.gprs";
  static final String TO1 = "+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs";
  static final String TO2 = "+4912345679/TYPE=PLMN@mms.mnc001.mcc262.gprs";
  static final String TO3 = "+4912345670/TYPE=PLMN@mms.mnc001.mcc262.gprs";

  record Delivery(SmtpEnvelope envelope, byte[] message) {}

  final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  SmtpReceiver receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  SmtpReceiver start(
      SmtpReceiverConfig config, Set<String> refused, Function<byte[], SmtpDeliveryOutcome> outcome)
      throws Exception {
    receiver =
        SmtpReceiver.start(
            config,
            new SmtpMessageHandler() {
              @Override
              public SmtpDeliveryOutcome deliver(SmtpEnvelope envelope, byte[] message) {
                deliveries.add(new Delivery(envelope, message));
                return outcome.apply(message);
              }

              @Override
              public boolean acceptsRecipient(SmtpAddress recipient) {
                return !refused.contains(recipient.toSmtpString());
              }
            });
    return receiver;
  }

  SmtpReceiver start() throws Exception {
    return start(
        SmtpReceiverConfig.builder().build(), Set.of(), m -> SmtpDeliveryOutcome.accepted());
  }

  static SmtpClientConfig clientConfig() {
    return SmtpClientConfig.builder().readTimeout(Duration.ofSeconds(20)).build();
  }

  static byte[] mm4Message(String body) {
    return ("From: +4930123456/TYPE=PLMN\r\n"
            + "To: +4912345678/TYPE=PLMN\r\n"
            + "X-Mms-3GPP-MMS-Version: 6.8.0\r\n"
            + "X-Mms-Message-Type: MM4_forward.REQ\r\n"
            + "X-Mms-Transaction-ID: \"tx-1\"\r\n"
            + "Message-ID: <1@mms.mnc002.mcc262.gprs>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "\r\n"
            + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deliversToOneRecipientByteForByte() throws Exception {
    start();
    byte[] message = mm4Message("Hello MM4\r\n");
    byte[] copy = message.clone();
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      assertTrue(client.isEsmtp());
      assertTrue(client.supports("8bitmime"));
      assertEquals(
          String.valueOf(10L * 1024 * 1024), client.extensionParameters("SIZE").orElseThrow());
      SmtpSendResult result = client.send(SmtpEnvelope.of(FROM, TO1), message);
      assertEquals(250, result.dataReply().code());
      assertEquals(List.of(SmtpAddress.parse(TO1)), result.acceptedRecipients());
      assertTrue(result.allRecipientsAccepted());
    }
    assertArrayEquals(copy, message, "the caller's array must not change");
    assertEquals(1, deliveries.size());
    assertArrayEquals(message, deliveries.get(0).message());
    assertEquals(SmtpEnvelope.of(FROM, TO1), deliveries.get(0).envelope());
  }

  @Test
  void deliversToSeveralRecipientsInOneTransaction() throws Exception {
    start();
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      SmtpSendResult result =
          client.send(SmtpEnvelope.of(FROM, TO1, TO2, TO3), mm4Message("x\r\n"));
      assertEquals(3, result.acceptedRecipients().size());
    }
    assertEquals(1, deliveries.size());
    assertEquals(
        List.of(SmtpAddress.parse(TO1), SmtpAddress.parse(TO2), SmtpAddress.parse(TO3)),
        deliveries.get(0).envelope().recipients());
  }

  @Test
  void reportsEachRecipientWhenSomeAreRefused() throws Exception {
    start(SmtpReceiverConfig.builder().build(), Set.of(TO2), m -> SmtpDeliveryOutcome.accepted());
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      SmtpSendResult result =
          client.send(SmtpEnvelope.of(FROM, TO1, TO2, TO3), mm4Message("x\r\n"));
      assertEquals(
          List.of(SmtpAddress.parse(TO1), SmtpAddress.parse(TO3)), result.acceptedRecipients());
      assertEquals(List.of(SmtpAddress.parse(TO2)), result.refusedRecipients());
      assertEquals(550, result.recipientResults().get(1).reply().code());
      assertFalse(result.allRecipientsAccepted());
    }
    assertEquals(
        List.of(SmtpAddress.parse(TO1), SmtpAddress.parse(TO3)),
        deliveries.get(0).envelope().recipients());
  }

  @Test
  void failsWhenEveryRecipientIsRefused() throws Exception {
    start(
        SmtpReceiverConfig.builder().build(),
        Set.of(TO1, TO2),
        m -> SmtpDeliveryOutcome.accepted());
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(SmtpEnvelope.of(FROM, TO1, TO2), mm4Message("x\r\n")));
      assertEquals(SmtpException.Reason.NO_RECIPIENT_ACCEPTED, e.reason());
      assertEquals(SmtpPhase.RCPT, e.phase());
      assertEquals(2, e.recipientResults().size());
      assertEquals(550, e.lastReplyCode());
      // The connection stays usable after a refusal.
      assertTrue(client.isOpen());
    }
    assertTrue(deliveries.isEmpty());
  }

  @Test
  void sends8BitContentWith8BitMime() throws Exception {
    start();
    byte[] message = mm4Message("Grüße aus Köln – ✓\r\n");
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      client.send(SmtpEnvelope.of(FROM, TO1), message);
    }
    assertArrayEquals(message, deliveries.get(0).message());
  }

  @Test
  void dotStuffsLinesStartingWithADot() throws Exception {
    start();
    byte[] message = mm4Message(".\r\n..\r\n.hidden\r\nmiddle . dot\r\n. \r\n...\r\n.");
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      client.send(SmtpEnvelope.of(FROM, TO1), message);
    }
    byte[] expected = mm4Message(".\r\n..\r\n.hidden\r\nmiddle . dot\r\n. \r\n...\r\n.\r\n");
    assertArrayEquals(expected, deliveries.get(0).message());
  }

  @Test
  void normalisesBareLineFeedsAndBareCarriageReturns() throws Exception {
    start();
    byte[] message =
        "Subject: lf\n\nline one\nline two\r\nline three\rend".getBytes(StandardCharsets.US_ASCII);
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      client.send(SmtpEnvelope.of(FROM, TO1), message);
    }
    assertEquals(
        "Subject: lf\r\n\r\nline one\r\nline two\r\nline three\r\nend\r\n",
        new String(deliveries.get(0).message(), StandardCharsets.US_ASCII));
  }

  @Test
  void deliversALargeMessage() throws Exception {
    start();
    Random random = new Random(42);
    StringBuilder body = new StringBuilder();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/.";
    while (body.length() < 4 * 1024 * 1024) {
      for (int i = 0; i < 76; i++) {
        body.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      body.append("\r\n");
    }
    byte[] message = mm4Message(body.toString());
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      client.send(SmtpEnvelope.of(FROM, TO1), message);
    }
    assertArrayEquals(message, deliveries.get(0).message());
  }

  @Test
  void sendsEmptyMessage() throws Exception {
    start();
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      client.send(SmtpEnvelope.of(FROM, TO1), new byte[0]);
    }
    assertEquals(0, deliveries.get(0).message().length);
  }

  @Test
  void reusesOneConnectionForSeveralMessages() throws Exception {
    start();
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      for (int i = 0; i < 5; i++) {
        client.send(
            SmtpEnvelope.of(FROM, i % 2 == 0 ? TO1 : TO2), mm4Message("message " + i + "\r\n"));
      }
    }
    assertEquals(5, deliveries.size());
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(mm4Message("message " + i + "\r\n"), deliveries.get(i).message());
    }
  }

  @Test
  void handlerOutcomeDecidesTheReplyToData() throws Exception {
    start(
        SmtpReceiverConfig.builder().build(),
        Set.of(),
        m ->
            new String(m, StandardCharsets.US_ASCII).contains("reject")
                ? SmtpDeliveryOutcome.permanentFailure("content refused")
                : SmtpDeliveryOutcome.temporaryFailure("try later"));
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(SmtpEnvelope.of(FROM, TO1), mm4Message("reject me\r\n")));
      assertEquals(SmtpPhase.MESSAGE, e.phase());
      assertEquals(554, e.lastReplyCode());
      assertEquals(1, e.recipientResults().size());
      assertFalse(e.deliveryUncertain());
      e =
          assertThrows(
              SmtpException.class,
              () -> client.send(SmtpEnvelope.of(FROM, TO1), mm4Message("later\r\n")));
      assertEquals(451, e.lastReplyCode());
    }
  }

  @Test
  void handlerExceptionBecomes451() throws Exception {
    start(
        SmtpReceiverConfig.builder().build(),
        Set.of(),
        m -> {
          throw new IllegalStateException("store down");
        });
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(SmtpEnvelope.of(FROM, TO1), mm4Message("x\r\n")));
      assertEquals(451, e.lastReplyCode());
    }
  }

  @Test
  void refusesBeforeMailWhenMessageExceedsServerSize() throws Exception {
    start(
        SmtpReceiverConfig.builder().maxMessageSize(1000).build(),
        Set.of(),
        m -> SmtpDeliveryOutcome.accepted());
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(SmtpEnvelope.of(FROM, TO1), mm4Message("y".repeat(900) + "\r\n")));
      assertEquals(SmtpException.Reason.MESSAGE_TOO_LARGE, e.reason());
      // Still usable for a message that fits.
      client.send(SmtpEnvelope.of(FROM, TO1), mm4Message("small\r\n"));
    }
    assertEquals(1, deliveries.size());
  }

  @Test
  void refusesLinesOverTheLimit() throws Exception {
    start();
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(SmtpEnvelope.of(FROM, TO1), mm4Message("z".repeat(999) + "\r\n")));
      assertEquals(SmtpException.Reason.LINE_TOO_LONG, e.reason());
      assertTrue(e.getMessage().contains("line 10"), e.getMessage());
    }
    assertTrue(deliveries.isEmpty());
  }

  @Test
  void startsTlsWithASelfSignedCertificate() throws Exception {
    TestTls tls = TestTls.get();
    start(
        SmtpReceiverConfig.builder().sslContext(tls.serverContext).build(),
        Set.of(),
        m -> SmtpDeliveryOutcome.accepted());
    SmtpClientConfig config =
        clientConfig().toBuilder()
            .tlsMode(SmtpTlsMode.STARTTLS)
            .sslContext(tls.clientContext)
            .build();
    byte[] message = mm4Message("über TLS\r\n");
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), config)) {
      assertTrue(client.isTls());
      assertFalse(client.supports("STARTTLS"), "STARTTLS is not offered again after the upgrade");
      client.send(SmtpEnvelope.of(FROM, TO1, TO2), message);
      client.send(SmtpEnvelope.of(FROM, TO3), message);
    }
    assertEquals(2, deliveries.size());
    assertArrayEquals(message, deliveries.get(1).message());
  }

  @Test
  void speaksImplicitTls() throws Exception {
    TestTls tls = TestTls.get();
    start(
        SmtpReceiverConfig.builder().sslContext(tls.serverContext).implicitTls(true).build(),
        Set.of(),
        m -> SmtpDeliveryOutcome.accepted());
    SmtpClientConfig config =
        clientConfig().toBuilder()
            .tlsMode(SmtpTlsMode.IMPLICIT)
            .sslContext(tls.clientContext)
            .build();
    try (SmtpClient client = SmtpClient.connect("localhost", receiver.port(), config)) {
      assertTrue(client.isTls());
      client.send(SmtpEnvelope.of(FROM, TO1), mm4Message("x\r\n"));
    }
    assertEquals(1, deliveries.size());
  }

  @Test
  void failsTlsWithAnUntrustedCertificate() throws Exception {
    TestTls tls = TestTls.get();
    start(
        SmtpReceiverConfig.builder().sslContext(tls.serverContext).build(),
        Set.of(),
        m -> SmtpDeliveryOutcome.accepted());
    SmtpClientConfig config =
        clientConfig().toBuilder()
            .tlsMode(SmtpTlsMode.STARTTLS)
            .sslContext(tls.untrustingClientContext)
            .build();
    SmtpException e =
        assertThrows(
            SmtpException.class, () -> SmtpClient.connect("127.0.0.1", receiver.port(), config));
    assertEquals(SmtpException.Reason.TLS_FAILED, e.reason());
    assertEquals(SmtpPhase.STARTTLS, e.phase());
  }

  @Test
  void failsWhenStartTlsIsRequiredButNotOffered() throws Exception {
    start();
    SmtpClientConfig config = clientConfig().toBuilder().tlsMode(SmtpTlsMode.STARTTLS).build();
    SmtpException e =
        assertThrows(
            SmtpException.class, () -> SmtpClient.connect("127.0.0.1", receiver.port(), config));
    assertEquals(SmtpException.Reason.TLS_UNAVAILABLE, e.reason());
  }

  @Test
  void sendsQuotedLocalPartsAndReceivesThemDecoded() throws Exception {
    start();
    SmtpAddress odd = SmtpAddress.of("john \"the\" smith", "example.org");
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig())) {
      client.send(SmtpEnvelope.of(null, List.of(odd)), mm4Message("x\r\n"));
    }
    assertEquals(List.of(odd), deliveries.get(0).envelope().recipients());
    assertTrue(deliveries.get(0).envelope().reversePath().isEmpty());
  }

  @Test
  void clientIsUnusableAfterClose() throws Exception {
    start();
    SmtpClient client = SmtpClient.connect("127.0.0.1", receiver.port(), clientConfig());
    client.close();
    SmtpException e =
        assertThrows(
            SmtpException.class, () -> client.send(SmtpEnvelope.of(FROM, TO1), new byte[0]));
    assertEquals(SmtpException.Reason.CLIENT_CLOSED, e.reason());
  }
}
