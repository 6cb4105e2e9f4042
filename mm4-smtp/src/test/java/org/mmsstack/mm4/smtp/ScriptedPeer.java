package org.mmsstack.mm4.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately minimal raw SMTP peer on 127.0.0.1 for one connection: it answers each
 * command line through {@link Script} and records what it received, so tests can make it
 * misbehave in ways a real server would not (drop mid-DATA, never answer, odd codes).
 */
final class ScriptedPeer implements AutoCloseable {
  /** What to do in reply to one line. */
  interface Script {
    /**
     * @param line the command line without CR LF
     * @param peer to write replies or take actions
     * @return false to stop serving (the socket is then closed)
     */
    boolean onCommand(String line, ScriptedPeer peer) throws IOException;
  }

  private final ServerSocket server;
  private final Thread thread;
  private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();
  private final CountDownLatch done = new CountDownLatch(1);
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private volatile boolean closing;

  ScriptedPeer(String greeting, Script script) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(() -> run(greeting, script), "scripted-peer");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void run(String greeting, Script script) {
    try (Socket s = server.accept()) {
      socket = s;
      s.setSoTimeout(20_000);
      in = s.getInputStream();
      out = s.getOutputStream();
      send(greeting);
      String line;
      while ((line = readLine()) != null) {
        commands.add(line);
        if (!script.onCommand(line, this)) {
          break;
        }
      }
    } catch (IOException e) {
      // The test decides what the client should have seen.
    } finally {
      done.countDown();
    }
  }

  /** Writes one or more reply lines (CR LF added after each). */
  void send(String... lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append("\r\n");
    }
    out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one line up to LF, without the CR LF; null at end of stream. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return null;
  }

  /** Reads the DATA content up to and including the CR LF . CR LF mark; false at end of stream. */
  boolean readDataUntilEnd() throws IOException {
    int b;
    while ((b = in.read()) >= 0) {
      data.write(b);
      byte[] d = data.toByteArray();
      int n = d.length;
      if (n >= 3
          && d[n - 3] == '.'
          && d[n - 2] == '\r'
          && d[n - 1] == '\n'
          && (n == 3 || (n >= 5 && d[n - 5] == '\r' && d[n - 4] == '\n'))) {
        return true;
      }
    }
    return false;
  }

  /** Reads {@code count} octets of DATA content (or fewer at end of stream). */
  void readData(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      data.write(b);
    }
  }

  /** Waits until the peer is blocked in a read for good, i.e. holds the line open without answering. */
  void sleepUntilClosed() throws IOException {
    byte[] sink = new byte[65536];
    while (in.read(sink) >= 0) {
      // Swallow whatever comes; never answer.
    }
  }

  /** Neither reads nor answers until the test closes the peer: the client's writes block once the buffers are full. */
  void stall() throws IOException {
    while (!closing) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }
  }

  /** The raw output to the client, for replies written piecemeal. */
  OutputStream out() {
    return out;
  }

  void drop() throws IOException {
    socket.close();
  }

  List<String> commands() throws InterruptedException {
    done.await(30, TimeUnit.SECONDS);
    return List.copyOf(commands);
  }

  byte[] data() {
    synchronized (data) {
      return data.toByteArray();
    }
  }

  /** A script for a well-behaved server offering the given EHLO keywords; DATA content is kept. */
  static Script wellBehaved(String... ehloKeywords) {
    return (line, peer) -> {
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (verb) {
        case "EHLO":
          List<String> lines = new ArrayList<>();
          lines.add("250" + (ehloKeywords.length == 0 ? " " : "-") + "peer.test");
          for (int i = 0; i < ehloKeywords.length; i++) {
            lines.add("250" + (i == ehloKeywords.length - 1 ? " " : "-") + ehloKeywords[i]);
          }
          peer.send(lines.toArray(new String[0]));
          return true;
        case "DATA":
          peer.send("354 go ahead");
          if (!peer.readDataUntilEnd()) {
            return false;
          }
          peer.send("250 2.0.0 queued");
          return true;
        case "QUIT":
          peer.send("221 bye");
          return false;
        default:
          peer.send("250 OK");
          return true;
      }
    };
  }

  @Override
  public void close() throws IOException {
    closing = true;
    server.close();
    if (socket != null) {
      socket.close();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
