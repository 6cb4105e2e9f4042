package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mms mm4 receive} and {@code mms mm4 send} against each other on 127.0.0.1. */
class Mm4SmtpCommandsTest {

  private static final Path EML = SamplesTest.SAMPLES.resolve("mm4-forward-req.eml");

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static void awaitListening(int port) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < end) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("mms mm4 receive does not listen on " + port);
  }

  @Test
  void sendStoresEachMessageExactlyAsSentAndBothSidesReportIt(@TempDir Path dir) throws Exception {
    int port = freePort();
    Path out = dir.resolve("in");
    CompletableFuture<Tool.Outcome> receive =
        CompletableFuture.supplyAsync(
            () ->
                Tool.run(
                    "mm4",
                    "receive",
                    "--listen",
                    "127.0.0.1:" + port,
                    "--out",
                    out.toString(),
                    "--count",
                    "2",
                    "--session-timeout",
                    "30"));
    awaitListening(port);
    // Probing the port above was a connection too; it ended without a message.

    Path second = dir.resolve("second.eml");
    byte[] original = Files.readAllBytes(EML);
    Files.write(
        second,
        new String(original, StandardCharsets.US_ASCII)
            .replace("Message-ID: <T0003.mm4@", "Message-ID: <T0004.mm4@")
            .getBytes(StandardCharsets.US_ASCII));
    Tool.Outcome send =
        Tool.run(
                "mm4",
                "send",
                "--to",
                "127.0.0.1:" + port,
                "--helo",
                "mmsc.test",
                EML.toString(),
                second.toString())
            .assertNoStackTrace();
    assertEquals(Main.EXIT_OK, send.status(), send.stdout() + send.stderr());
    List<String> sent = send.stdout().lines().toList();
    assertEquals(4, sent.size(), send.stdout());
    assertTrue(
        sent.get(0).endsWith("+15550123/TYPE=PLMN@mms.partner.example: 250 2.1.5 Recipient OK"),
        sent.get(0));
    assertTrue(sent.get(1).contains(": accepted: 250"), sent.get(1));

    Tool.Outcome received = receive.get(60, TimeUnit.SECONDS).assertNoStackTrace();
    assertEquals(Main.EXIT_OK, received.status(), received.stderr());
    List<Path> files;
    try (Stream<Path> s = Files.list(out)) {
      files = s.sorted().collect(Collectors.toList());
    }
    assertEquals(2, files.size(), files.toString());
    assertArrayEquals(original, Files.readAllBytes(files.get(0)));
    assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(files.get(1)));
    List<String> lines = received.stdout().lines().toList();
    assertEquals(2, lines.size(), received.stdout());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                files.get(0).getFileName().toString()
                    + " peer=127.0.0.1 helo=mmsc.test tls=none "
                    + "from=<system-user@mms.example.net> rcpt=1 size="
                    + original.length
                    + " mm4=MM4_forward.REQ findings="),
        lines.get(0));
  }

  @Test
  void sendReportsAFileThatIsNotMm4AndAnUnreachablePeer(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.eml");
    Files.writeString(junk, "not mail at all");
    int port = freePort(); // nothing listens there
    Tool.Outcome send =
        Tool.run("mm4", "send", "--to", "127.0.0.1:" + port, junk.toString(), EML.toString())
            .assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, send.status());
    List<String> lines = send.stdout().lines().toList();
    assertTrue(lines.get(0).startsWith(junk + ": not an MM4 message"), lines.get(0));
    assertTrue(lines.get(1).startsWith(EML + ": not delivered: CONNECT"), lines.get(1));
  }

  @Test
  void badOptionsAreOneLineAndStatus2() {
    Tool.Outcome r =
        Tool.run("mm4", "receive", "--listen", "nonsense", "--out", "x").assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, r.status());
    assertTrue(r.stderr().contains("--listen: 'nonsense' (expected: HOST:PORT"), r.stderr());
    Tool.Outcome s =
        Tool.run("mm4", "receive", "--listen", "127.0.0.1:0", "--out", "x", "--require-tls")
            .assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, s.status());
    assertTrue(s.stderr().contains("need --tls-keystore"), s.stderr());
  }
}
