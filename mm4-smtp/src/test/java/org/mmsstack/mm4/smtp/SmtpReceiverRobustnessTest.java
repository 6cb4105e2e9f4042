package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw, misbehaving clients against our receiver on 127.0.0.1. */
class SmtpReceiverRobustnessTest {
  final List<byte[]> delivered = new CopyOnWriteArrayList<>();
  SmtpReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver =
        SmtpReceiver.start(
            SmtpReceiverConfig.builder()
                .maxMessageSize(4096)
                .maxRecipients(3)
                .maxErrors(5)
                .idleTimeout(Duration.ofSeconds(20))
                .build(),
            (envelope, message) -> {
              delivered.add(message);
              return SmtpDeliveryOutcome.accepted();
            });
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  /** A line-based raw client. */
  final class RawClient implements AutoCloseable {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    RawClient() throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), receiver.port());
      socket.setSoTimeout(20_000);
      in = socket.getInputStream();
      out = socket.getOutputStream();
      assertTrue(readReply().startsWith("220 "));
    }

    void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Reads one whole (possibly multi-line) reply; returns its last line, or null at end of stream. */
    String readReply() throws IOException {
      while (true) {
        String line = readLine();
        if (line == null || line.length() < 4 || line.charAt(3) != '-') {
          return line;
        }
      }
    }

    String readLine() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          String s = line.toString(StandardCharsets.ISO_8859_1);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        line.write(b);
      }
      return null;
    }

    String command(String line) throws IOException {
      write(line + "\r\n");
      return readReply();
    }

    void startTransaction() throws IOException {
      assertTrue(command("EHLO client.test").startsWith("250 "));
      assertTrue(command("MAIL FROM:<a@example.org>").startsWith("250 "));
      assertTrue(command("RCPT TO:<b@example.org>").startsWith("250 "));
      assertTrue(command("DATA").startsWith("354 "));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** After each misbehaviour, a well-behaved client must still be served. */
  private void assertStillServing() throws Exception {
    int before = delivered.size();
    try (SmtpClient client =
        SmtpClient.connect(
            "127.0.0.1",
            receiver.port(),
            SmtpClientConfig.builder().readTimeout(Duration.ofSeconds(20)).build())) {
      client.send(
          SmtpEnvelope.of("a@example.org", "b@example.org"),
          "Subject: ok\r\n\r\nfine\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    assertEquals(before + 1, delivered.size());
    assertArrayEquals(
        "Subject: ok\r\n\r\nfine\r\n".getBytes(StandardCharsets.US_ASCII), delivered.get(before));
  }

  @Test
  void answersSequenceAndSyntaxErrors() throws Exception {
    try (RawClient c = new RawClient()) {
      assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("503 "), "MAIL before EHLO");
      assertTrue(c.command("EHLO").startsWith("501 "), "EHLO without domain");
      assertTrue(c.command("HELO client.test").startsWith("250 "));
      assertTrue(c.command("RCPT TO:<b@example.org>").startsWith("503 "), "RCPT before MAIL");
      assertTrue(c.command("DATA").startsWith("503 "), "DATA before MAIL");
      assertTrue(c.command("RSET").startsWith("250 "));
      assertTrue(c.command("NOOP").startsWith("250 "));
      assertTrue(c.command("QUIT").startsWith("221 "));
      assertNull(c.readLine(), "the receiver closes after QUIT");
    }
    try (RawClient c = new RawClient()) {
      assertTrue(c.command("EHLO client.test").startsWith("250 "));
      assertTrue(c.command("MAIL FROM:a@example.org").startsWith("501 "), "path without brackets");
      assertTrue(
          c.command("MAIL FROM:<a@example.org> FOO=BAR").startsWith("555 "), "unknown parameter");
      assertTrue(
          c.command("MAIL FROM:<a@example.org> SIZE=99999").startsWith("552 "),
          "declared size too big");
      assertTrue(c.command("MAIL FROM:<a@example.org> BODY=8BITMIME SIZE=100").startsWith("250 "));
      assertTrue(c.command("MAIL FROM:<a@example.org>").startsWith("503 "), "nested MAIL");
      assertTrue(c.command("DATA").startsWith("554 "), "DATA without recipients");
    }
    assertTrue(delivered.isEmpty());
    assertStillServing();
  }

  @Test
  void boundsRecipientsPerTransaction() throws Exception {
    try (RawClient c = new RawClient()) {
      c.command("EHLO client.test");
      c.command("MAIL FROM:<>");
      for (int i = 0; i < 3; i++) {
        assertTrue(c.command("RCPT TO:<r" + i + "@example.org>").startsWith("250 "));
      }
      assertTrue(c.command("RCPT TO:<r3@example.org>").startsWith("452 "));
      assertTrue(c.command("RCPT TO:<not an address>").startsWith("501 "));
    }
  }

  @Test
  void refusesOverlongCommandLineAndKeepsTheSession() throws Exception {
    try (RawClient c = new RawClient()) {
      assertTrue(c.command("NOOP " + "x".repeat(5000)).startsWith("500 "));
      assertTrue(c.command("EHLO client.test").startsWith("250 "));
    }
    assertStillServing();
  }

  @Test
  void refusesMessageWithOverlongLineWithoutDelivering() throws Exception {
    try (RawClient c = new RawClient()) {
      c.startTransaction();
      c.write("Subject: long\r\n\r\n" + "y".repeat(1200) + "\r\nend\r\n.\r\n");
      assertTrue(c.readReply().startsWith("500 "));
      assertTrue(c.command("NOOP").startsWith("250 "), "the session goes on after the refusal");
    }
    assertTrue(delivered.isEmpty());
    assertStillServing();
  }

  @Test
  void refusesOversizeMessageWithoutDelivering() throws Exception {
    try (RawClient c = new RawClient()) {
      c.startTransaction();
      c.write(("0123456789".repeat(7) + "\r\n").repeat(200) + ".\r\n");
      assertTrue(c.readReply().startsWith("552 "));
    }
    assertTrue(delivered.isEmpty());
    assertStillServing();
  }

  @Test
  void closesAfterTooManyGarbageCommands() throws Exception {
    try (RawClient c = new RawClient()) {
      for (int i = 0; i < 4; i++) {
        assertTrue(c.command("GARBAGE\u0001\u00ff " + i).startsWith("500 "));
      }
      assertTrue(c.command("XYZZY").startsWith("421 "));
      assertNull(c.readLine());
    }
    assertStillServing();
  }

  @Test
  void neverDeliversAMessageCutOffMidData() throws Exception {
    try (RawClient c = new RawClient()) {
      c.startTransaction();
      c.write("Subject: cut\r\n\r\nhalf a message\r\n");
    }
    // The session thread sees the end of stream and drops the transaction; a later connection
    // proves the receiver is still up, and no partial message was handed over.
    assertStillServing();
    assertEquals(1, delivered.size());
  }

  @Test
  void bareLineFeedDotDoesNotEndDataAndMessageIsRefused() throws Exception {
    try (RawClient c = new RawClient()) {
      c.startTransaction();
      // "\n.\r\n" is not the end-of-data mark; the real one follows.
      c.write("Subject: smuggle\r\n\r\ntext\n.\r\nMAIL FROM:<evil@example.org>\r\n.\r\n");
      assertTrue(c.readReply().startsWith("554 "));
      assertTrue(c.command("NOOP").startsWith("250 "));
    }
    assertTrue(delivered.isEmpty());
  }

  @Test
  void acceptsPipelinedDotStuffedDataFromRawClient() throws Exception {
    try (RawClient c = new RawClient()) {
      c.startTransaction();
      c.write("Subject: dots\r\n\r\n..one\r\n...\r\n.\r\n");
      assertTrue(c.readReply().startsWith("250 "));
    }
    assertArrayEquals(
        "Subject: dots\r\n\r\n.one\r\n..\r\n".getBytes(StandardCharsets.US_ASCII),
        delivered.get(0));
  }
}
