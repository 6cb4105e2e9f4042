package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The client's transaction deadline and its handling of a reply that comes before the content is
 * finished: neither a dripping server nor an early "250" may make it hang or claim delivery.
 */
class SmtpClientDeadlineTest {
  static final SmtpEnvelope ENVELOPE = SmtpEnvelope.of("a@example.org", "b@example.org");

  /** Sends {@code reply} one octet every {@code periodMillis}: each read is quick, the whole is not. */
  static void drip(ScriptedPeer peer, String reply, long periodMillis) throws IOException {
    for (char c : (reply + "\r\n").toCharArray()) {
      peer.out().write(c);
      peer.out().flush();
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }
  }

  @Test
  void aServerDrippingItsReplyIsCutAtTheTransactionDeadline() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("MAIL")) {
            drip(peer, "250 2.1.0 this reply takes a very long time to arrive", 100);
            return true;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect(
              "127.0.0.1",
              peer.port(),
              SmtpClientConfig.builder()
                  .readTimeout(Duration.ofSeconds(2))
                  .transactionTimeout(Duration.ofSeconds(1))
                  .build());
      long started = System.nanoTime();
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () -> client.send(ENVELOPE, "x\r\n".getBytes(StandardCharsets.US_ASCII)));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(SmtpException.Reason.DEADLINE, e.reason(), e.toString());
      assertEquals(SmtpPhase.MAIL, e.phase());
      assertTrue(millis >= 900 && millis < 5000, "gave up after " + millis + " ms");
      assertFalse(client.isOpen());
      client.close();
    }
  }

  @Test
  void closeDoesNotWaitLongerThanTheDeadlineForADrippedQuitReply() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("QUIT")) {
            drip(peer, "221 2.0.0 goodbye, slowly, very slowly indeed", 100);
            return false;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect(
              "127.0.0.1",
              peer.port(),
              SmtpClientConfig.builder()
                  .readTimeout(Duration.ofSeconds(2))
                  .transactionTimeout(Duration.ofSeconds(1))
                  .build());
      long started = System.nanoTime();
      client.close();
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(millis >= 900 && millis < 5000, "close took " + millis + " ms");
      assertFalse(client.isOpen());
    }
  }

  @Test
  void aServerThatStopsReadingTheContentIsCutAtTheTransactionDeadline() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("DATA")) {
            peer.send("354 go ahead");
            peer.stall(); // never reads: the client's writes block once the buffers are full
            return false;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    byte[] big =
        ("Subject: big\r\n\r\n" + ("z".repeat(900) + "\r\n").repeat(20_000))
            .getBytes(StandardCharsets.US_ASCII);
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client =
          SmtpClient.connect(
              "127.0.0.1",
              peer.port(),
              SmtpClientConfig.builder().transactionTimeout(Duration.ofSeconds(1)).build());
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, big));
      assertTrue(e.reason() == SmtpException.Reason.DEADLINE, e.toString());
      assertFalse(e.deliveryUncertain(), "the content was not sent in full");
    }
  }

  @Test
  void aSuccessReplyBeforeTheEndOfTheContentIsNotTakenAsDelivery() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("DATA")) {
            peer.send("354 go ahead");
            peer.readData(20_000);
            peer.send("250 2.0.0 queued (far too early)");
            peer.sleepUntilClosed();
            return false;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    // 18 MB: far more than the socket buffers hold, so the client is still writing when the reply
    // comes.
    byte[] big =
        ("Subject: big\r\n\r\n" + ("z".repeat(900) + "\r\n").repeat(20_000))
            .getBytes(StandardCharsets.US_ASCII);
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client = SmtpClient.connect("127.0.0.1", peer.port(), SmtpClientConfig.DEFAULT);
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, big));
      assertEquals(SmtpException.Reason.EARLY_REPLY, e.reason(), e.toString());
      assertEquals(250, e.lastReplyCode());
      assertFalse(e.deliveryUncertain());
      assertFalse(client.isOpen(), "the dialogue cannot be trusted after an early reply");
    }
  }

  @Test
  void aRefusalBeforeTheEndOfTheContentIsReportedWithItsReply() throws Exception {
    ScriptedPeer.Script script =
        (line, peer) -> {
          if (line.startsWith("DATA")) {
            peer.send("354 go ahead");
            peer.readData(20_000);
            peer.send("554 5.3.4 message too big for us");
            peer.drop();
            return false;
          }
          return ScriptedPeer.wellBehaved().onCommand(line, peer);
        };
    byte[] big =
        ("Subject: big\r\n\r\n" + ("z".repeat(900) + "\r\n").repeat(20_000))
            .getBytes(StandardCharsets.US_ASCII);
    try (ScriptedPeer peer = new ScriptedPeer("220 peer.test", script)) {
      SmtpClient client = SmtpClient.connect("127.0.0.1", peer.port(), SmtpClientConfig.DEFAULT);
      SmtpException e = assertThrows(SmtpException.class, () -> client.send(ENVELOPE, big));
      assertTrue(e.reason() == SmtpException.Reason.EARLY_REPLY, e.toString());
      assertEquals(554, e.lastReplyCode());
      assertFalse(e.deliveryUncertain());
    }
  }
}
