package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client against raw peers that misbehave: every case must end in an {@link SmtpException},
 * never in a result that claims delivery.
 */
class SmtpClientFailureTest {
  static final SmtpEnvelope ENVELOPE =
      SmtpEnvelope.of(
          SmtpClientReceiverTest.FROM, SmtpClientReceiverTest.TO1, SmtpClientReceiverTest.TO2);
  static final byte[] MESSAGE = SmtpClientReceiverTest.mm4Message("body\r\n");

  static SmtpClientConfig config(Duration readTimeout) {
    return SmtpClientConfig.builder().readTimeout(readTimeout).build();
  }

  @Test
  void connectionDroppedMidDataIsConnectionLost() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("DATA")) {
            peer.send("354 go ahead");
            peer.readData(40); // part of the content, then hang up
            peer.drop();
            return false;
          }
          return ScriptedPeer.wellBehaved("8BITMIME").onCommand(line, peer);
        };
    byte[] big = SmtpClientReceiverTest.mm4Message("a line of content\r\n".repeat(20_000));
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)));
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, big));
      assertEquals(SmtpPhase.MESSAGE, e.phase());
      assertTrue(e.reason() == SmtpException.Reason.CONNECTION_LOST, e.toString());
      assertEquals(354, e.lastReplyCode());
      assertEquals(2, e.recipientResults().size());
      assertFalse(client.isOpen());
      client.close();
    }
  }

  @Test
  void connectionDroppedBeforeFinalReplyIsUncertainFailure() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("DATA")) {
            peer.send("354 go ahead");
            peer.readDataUntilEnd();
            peer.drop(); // all content read, no final reply
            return false;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)));
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, MESSAGE));
      assertEquals(SmtpPhase.MESSAGE, e.phase());
      assertEquals(SmtpException.Reason.CONNECTION_LOST, e.reason());
      assertTrue(e.deliveryUncertain());
      client.close();
    }
  }

  @Test
  void missingFinalReplyTimesOut() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("DATA")) {
            peer.send("354 go ahead");
            peer.readDataUntilEnd();
            peer.sleepUntilClosed(); // keep the line open, never answer
            return false;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofMillis(500)));
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, MESSAGE));
      assertEquals(SmtpException.Reason.TIMEOUT, e.reason());
      assertEquals(SmtpPhase.MESSAGE, e.phase());
      assertTrue(e.deliveryUncertain());
      assertFalse(client.isOpen());
      assertArrayEqualsIgnoringEnd(peer.data());
    }
  }

  private static void assertArrayEqualsIgnoringEnd(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    assertTrue(text.endsWith("body\r\n.\r\n"), text);
  }

  @Test
  void dataRefusedWith452IsAFailure() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("DATA")) {
            peer.send("452 4.3.1 Insufficient system storage");
            return true;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      try (SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)))) {
        SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, MESSAGE));
        assertEquals(SmtpPhase.DATA, e.phase());
        assertEquals(SmtpException.Reason.REPLY_REJECTED, e.reason());
        assertEquals(452, e.lastReplyCode());
        assertEquals(2, e.recipientResults().size());
        assertFalse(e.deliveryUncertain());
      }
      assertEquals("QUIT", peer.commands().get(peer.commands().size() - 1));
    }
  }

  @Test
  void allRecipientsRefusedIsAFailureAndDataIsNeverSent() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("RCPT")) {
            peer.send("550 5.1.1 No such user");
            return true;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      try (SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)))) {
        SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, MESSAGE));
        assertEquals(SmtpException.Reason.NO_RECIPIENT_ACCEPTED, e.reason());
        assertTrue(e.recipientResults().stream().noneMatch(SmtpRecipientResult::accepted));
      }
      assertTrue(
          peer.commands().stream().noneMatch(c -> c.startsWith("DATA")),
          peer.commands().toString());
    }
  }

  @Test
  void reusedConnectionSendsRsetBetweenTransactions() throws Exception {
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", ScriptedPeer.wellBehaved())) {
      try (SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)))) {
        client.send(ENVELOPE, MESSAGE);
        client.send(ENVELOPE, MESSAGE);
      }
      List<String> commands = peer.commands();
      assertEquals(
          List.of(
              "MAIL FROM:<system-user@mms.mnc002.mcc262.gprs>",
              "RCPT TO:<+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs>",
              "RCPT TO:<+4912345679/TYPE=PLMN@mms.mnc001.mcc262.gprs>",
              "DATA",
              "RSET",
              "MAIL FROM:<system-user@mms.mnc002.mcc262.gprs>"),
          commands.subList(1, 7));
    }
  }

  @Test
  void announces8BitMimeAndSizeWhenOffered() throws Exception {
    byte[] eightBit = SmtpClientReceiverTest.mm4Message("Grüße\r\n");
    try (ScriptedPeer peer =
        new ScriptedPeer("220 peer.test", ScriptedPeer.wellBehaved("8BITMIME", "SIZE 100000"))) {
      try (SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)))) {
        client.send(ENVELOPE, eightBit);
      }
      assertEquals(
          "MAIL FROM:<system-user@mms.mnc002.mcc262.gprs> BODY=8BITMIME SIZE=" + eightBit.length,
          peer.commands().get(1));
    }
  }

  @Test
  void refuses8BitContentWithout8BitMime() throws Exception {
    byte[] eightBit = SmtpClientReceiverTest.mm4Message("Grüße\r\n");
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", ScriptedPeer.wellBehaved("SIZE"))) {
      try (SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)))) {
        SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, eightBit));
        assertEquals(SmtpException.Reason.EIGHT_BIT_UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("8BITMIME"), e.getMessage());
        // The message is the phase, then the detail (and the last reply, when there was one).
        assertTrue(e.detail().contains("8BITMIME"), e.detail());
        assertEquals(e.phase() + ": " + e.detail(), e.getMessage());
        assertEquals("eight-bit-unsupported", e.reason().code());
        // Serialised and read back: the phase, reason and text survive; the replies are not kept.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
          o.writeObject(e);
        }
        SmtpException back;
        try (java.io.ObjectInputStream i =
            new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
          back = (SmtpException) i.readObject();
        }
        assertEquals(e.phase(), back.phase());
        assertEquals(e.reason(), back.reason());
        assertEquals(e.detail(), back.detail());
        assertEquals(e.getMessage(), back.getMessage());
        assertEquals(List.of(), back.recipientResults());
        // A 7-bit message still goes through on the same connection, without BODY=.
        client.send(ENVELOPE, MESSAGE);
      }
      assertEquals(
          "MAIL FROM:<system-user@mms.mnc002.mcc262.gprs> SIZE=" + MESSAGE.length,
          peer.commands().get(1));
    }
  }

  @Test
  void fallsBackToHeloWhenEhloIsUnknown() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("EHLO")) {
            peer.send("500 5.5.1 Command unrecognized");
            return true;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      try (SmtpClient client =
          SmtpClient.connect(
              "127.0.0.1",
              peer.port(),
              config(Duration.ofSeconds(20)).toBuilder().helloName("relay.example.org").build())) {
        assertFalse(client.isEsmtp());
        client.send(ENVELOPE, MESSAGE);
      }
      assertEquals(
          List.of("EHLO relay.example.org", "HELO relay.example.org"),
          peer.commands().subList(0, 2));
    }
  }

  @Test
  void multiLineGreetingAndRepliesAreRead() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("MAIL")) {
            peer.send("250-first", "250-second", "250 third");
            return true;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220-peer.test\r\n220 welcome", script)) {
      try (SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)))) {
        assertEquals(List.of("peer.test", "welcome"), client.greeting().lines());
        client.send(ENVELOPE, MESSAGE);
      }
    }
  }

  @Test
  void malformedReplyIsAFailure() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("MAIL")) {
            peer.send("250-first", "251 code changed");
            return true;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)));
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, MESSAGE));
      assertEquals(SmtpException.Reason.MALFORMED_REPLY, e.reason());
      assertFalse(client.isOpen());
    }
  }

  @Test
  void refusedGreetingFailsConnect() throws Exception {
    try (ScriptedPeer peer = new ScriptedPeer("554 5.3.2 no service", ScriptedPeer.wellBehaved())) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20))));
      assertEquals(SmtpPhase.GREETING, e.phase());
      assertEquals(554, e.lastReplyCode());
    }
  }

  @Test
  void serverClosingWith421EndsTheConnection() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("RCPT")) {
            peer.send("421 4.3.2 shutting down");
            return false;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect("127.0.0.1", peer.port(), config(Duration.ofSeconds(20)));
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, MESSAGE));
      assertFalse(client.isOpen());
      assertTrue(e.phase() == SmtpPhase.RCPT, e.toString());
    }
  }

  @Test
  void refusedConnectionIsConnectFailure() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    SmtpException e =
        assertThrows(
            SmtpException.class,
            () -> SmtpClient.connect("127.0.0.1", port, config(Duration.ofSeconds(5))));
    assertEquals(SmtpPhase.CONNECT, e.phase());
  }
}
