package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A line-based raw client for tests that need to send what our client never would. */
final class RawSession implements AutoCloseable {
  final Socket socket;
  final InputStream in;
  final OutputStream out;

  RawSession(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    String greeting = readReply();
    assertTrue(greeting != null && greeting.startsWith("220 "), "greeting: " + greeting);
  }

  void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one whole reply; returns its last line, or null at end of stream. */
  String readReply() throws IOException {
    List<String> lines = readReplyLines();
    return lines.isEmpty() ? null : lines.get(lines.size() - 1);
  }

  List<String> readReplyLines() throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = readLine();
      if (line == null) {
        return lines;
      }
      lines.add(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return lines;
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

  void transaction() throws IOException {
    assertTrue(command("EHLO client.test").startsWith("250 "));
    transactionAfterEhlo();
  }

  void transactionAfterEhlo() throws IOException {
    assertTrue(command("MAIL FROM:<a@example.org>").startsWith("250 "));
    assertTrue(command("RCPT TO:<b@example.org>").startsWith("250 "));
    assertTrue(command("DATA").startsWith("354 "));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
