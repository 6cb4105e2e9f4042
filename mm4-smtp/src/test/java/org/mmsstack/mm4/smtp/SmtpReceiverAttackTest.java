package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver under the attacks of issue 15, each with small limits so the test is fast: the
 * attackers hold what the limits let them hold, and a legitimate client (from 127.0.0.1, while
 * the attackers come from 127.0.0.2 and 127.0.0.3) is served all the same.
 *
 * <p>The deadline tests must hold on a slow, loaded machine: each deadline under test is the one
 * that comes first by a wide margin (the others are several times longer), margins are derived
 * from the configured deadlines, a lower bound on when something happened is measured from before
 * it could have started, and upper bounds are generous (they only tell a deadline that works from
 * one that does not).
 */
class SmtpReceiverAttackTest {
  static final byte[] MESSAGE =
      "Subject: legit\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

  final List<byte[]> delivered = new CopyOnWriteArrayList<>();
  final RecordingListener listener = new RecordingListener();
  final List<Dripper> attackers = new ArrayList<>();
  SmtpReceiver receiver;

  SmtpReceiver start(SmtpReceiverConfig.Builder config) throws IOException {
    receiver =
        SmtpReceiver.start(
            config.listener(listener).build(),
            (envelope, message) -> {
              delivered.add(message);
              return SmtpDeliveryOutcome.accepted();
            });
    return receiver;
  }

  @AfterEach
  void stop() throws IOException {
    for (Dripper d : attackers) {
      d.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  Dripper attacker(String from) throws IOException {
    Dripper d = new Dripper(from, receiver.port());
    attackers.add(d);
    return d;
  }

  /** A well-behaved client from 127.0.0.1 sends one message; it must be delivered unchanged. */
  void assertLegitimateClientServed() throws Exception {
    int before = delivered.size();
    try (SmtpClient client =
        SmtpClient.connect(
            "127.0.0.1",
            receiver.port(),
            SmtpClientConfig.builder().readTimeout(Duration.ofSeconds(10)).build())) {
      client.send(SmtpEnvelope.of("a@example.org", "b@example.org"), MESSAGE);
    }
    assertEquals(before + 1, delivered.size());
    assertArrayEquals(MESSAGE, delivered.get(before));
  }

  @Test
  void slowlorisFromOneAddressHoldsOnlyItsShareAndIsCutByTheCommandDeadline() throws Exception {
    // The attack of the issue: 16 sockets (the default maxConnections), each sending "NOOP\r\n"
    // one octet at a time, half a command deadline apart: one command takes three deadlines (a
    // slow machine only makes the drip slower). The idle and session deadlines are far away, so
    // the command deadline is what cuts the attackers, and the legitimate client has time.
    Duration command = Duration.ofSeconds(2);
    start(
        SmtpReceiverConfig.builder()
            .idleTimeout(command.multipliedBy(5))
            .commandTimeout(command)
            .sessionTimeout(command.multipliedBy(30)));
    int admitted = 0;
    for (int i = 0; i < 16; i++) {
      Dripper d = attacker("127.0.0.2").drip("", "NOOP\r\n", 1, command.toMillis() / 2);
      if (d.greeting().startsWith("220 ")) {
        admitted++;
      } else {
        assertTrue(d.greeting().startsWith("421 "), d.greeting());
      }
    }
    // A quarter of maxConnections at once. Only a machine so slow that admitting the 16 took a
    // command deadline could have freed a slot (and admitted another) before the loop ended.
    long freed = listener.count("closed 127.0.0.2");
    assertTrue(
        admitted >= 4 && admitted <= 4 + freed,
        admitted + " admitted, " + freed + " closed meanwhile: " + listener.events);
    assertEquals(16 - admitted, listener.count("refused 127.0.0.2 too-many-connections-from-peer"));
    assertLegitimateClientServed();
    long generous = command.multipliedBy(10).toMillis();
    for (Dripper d : attackers) {
      if (d.greeting().startsWith("220 ")) {
        assertTrue(d.awaitClosed(generous), "attacker still connected");
        assertTrue(d.lastLine().startsWith("421 4.4.2"), d.lastLine());
      }
    }
    assertEquals(
        admitted,
        listener.awaitCount("closed 127.0.0.2 command-timeout", admitted, generous),
        listener.events.toString());
    long end = System.nanoTime() + generous * 1_000_000L;
    while (receiver.activeConnections() > 0 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertEquals(0, receiver.activeConnections(), "every slot is free again");
  }

  @Test
  void sessionDeadlineEndsAPeerThatSendsWholeCommandsForEver() throws Exception {
    // Whole commands every 100 ms: never idle, never slow within a command, so only the session
    // deadline can end the connection. The idle and command deadlines are longer than it, so the
    // legitimate client, which lives under the same deadlines, has the whole session to be served.
    Duration session = Duration.ofSeconds(3);
    start(
        SmtpReceiverConfig.builder()
            .idleTimeout(session.multipliedBy(2))
            .commandTimeout(session)
            .sessionTimeout(session));
    long started = System.nanoTime(); // before the connection exists: a lower bound of its accept
    Dripper d = attacker("127.0.0.2").drip("EHLO attacker.test\r\n", "NOOP\r\n", 6, 100);
    assertLegitimateClientServed();
    long generous = session.multipliedBy(10).toMillis();
    assertTrue(d.awaitClosed(generous), "the session deadline must end the connection");
    long millis = (d.closedAtNanos() - started) / 1_000_000;
    // Not before the deadline (less a timer's tolerance); after it, however slow the machine, by
    // no more than the generous bound.
    assertTrue(
        millis >= session.toMillis() - 100 && millis < generous, "closed after " + millis + " ms");
    assertTrue(
        d.lastLine().startsWith("421 4.4.2") && d.lastLine().contains("too long"), d.lastLine());
    assertTrue(
        listener.await("closed 127.0.0.2 session-timeout", 1000), listener.events.toString());
  }

  @Test
  void minimumDataRateEndsADripFedMessageAndNothingIsDelivered() throws Exception {
    start(
        SmtpReceiverConfig.builder()
            .idleTimeout(Duration.ofSeconds(3))
            .commandTimeout(Duration.ofSeconds(1))
            .minDataRate(1000)
            .sessionTimeout(Duration.ofSeconds(20)));
    Dripper d =
        attacker("127.0.0.2")
            .drip(
                "EHLO a.test\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                    + "DATA\r\n",
                "x",
                1,
                50);
    assertTrue(
        d.awaitClosed(6000),
        "a 20 octets/s DATA must be cut by a 1000 octets/s minimum after the 1 s grace");
    assertTrue(
        d.lastLine().startsWith("421 4.4.2") && d.lastLine().contains("slowly"), d.lastLine());
    assertTrue(listener.await("closed 127.0.0.2 data-rate", 1000), listener.events.toString());
    assertTrue(delivered.isEmpty());
    // A message of 600 kB at full speed is far above the rate and is served.
    byte[] big =
        ("Subject: big\r\n\r\n" + "0123456789".repeat(99) + "\r\n")
            .repeat(600)
            .getBytes(StandardCharsets.US_ASCII);
    try (SmtpClient client =
        SmtpClient.connect("127.0.0.1", receiver.port(), SmtpClientConfig.DEFAULT)) {
      client.send(SmtpEnvelope.of("a@example.org", "b@example.org"), big);
    }
    assertArrayEquals(big, delivered.get(0));
  }

  @Test
  void fairShareKeepsSlotsForOtherAddressesWhenTheReceiverIsBusy() throws Exception {
    // No static per-address cap: only the fair share applies.
    start(
        SmtpReceiverConfig.builder()
            .maxConnections(8)
            .maxConnectionsPerPeer(8)
            .commandTimeout(Duration.ofSeconds(5)));
    Dripper other = attacker("127.0.0.3").drip("", "NOOP\r\n", 6, 200);
    assertTrue(other.greeting().startsWith("220 "));
    int admitted = 0;
    for (int i = 0; i < 8; i++) {
      if (attacker("127.0.0.2").drip("", "NOOP\r\n", 6, 200).greeting().startsWith("220 ")) {
        admitted++;
      }
    }
    // Two addresses connected: once half of the 8 slots are in use, 127.0.0.2 gets no more than 8 /
    // 2.
    assertEquals(4, admitted);
    assertLegitimateClientServed();
  }

  @Test
  void failingAcceptBacksOffAndLogsInsteadOfSpinning() throws Exception {
    AtomicInteger failures = new AtomicInteger();
    ServerSocket flaky =
        new ServerSocket() {
          @Override
          public Socket accept() throws IOException {
            if (failures.incrementAndGet() <= 6) {
              throw new IOException("Too many open files");
            }
            return super.accept();
          }
        };
    flaky.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    long started = System.nanoTime();
    receiver =
        SmtpReceiver.start(
            SmtpReceiverConfig.builder()
                .acceptBackoff(Duration.ofMillis(100))
                .listener(listener)
                .build(),
            (envelope, message) -> {
              delivered.add(message);
              return SmtpDeliveryOutcome.accepted();
            },
            flaky);
    assertLegitimateClientServed();
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(6, listener.backoffs.size(), "each failure reported once");
    assertEquals(
        List.of(10L, 20L, 40L, 80L, 100L, 100L),
        listener.backoffs.stream().map(Duration::toMillis).toList(),
        "doubling, capped at acceptBackoff");
    assertTrue(millis >= 350, "the loop paused: " + millis + " ms");
  }

  @Test
  void addressesOutsideTheAllowListAreRefusedAtOnce() throws Exception {
    start(SmtpReceiverConfig.builder().allowedNetworks(List.of("127.0.0.1/32", "::1")));
    Dripper d = attacker("127.0.0.2");
    assertTrue(d.greeting().startsWith("554 5.7.1"), d.greeting());
    assertTrue(d.awaitClosed(2000));
    assertTrue(listener.count("refused 127.0.0.2 peer-not-allowed") == 1);
    assertLegitimateClientServed();
  }
}
