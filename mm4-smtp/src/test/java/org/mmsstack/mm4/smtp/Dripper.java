package org.mmsstack.mm4.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An attacking client from a chosen loopback address (Linux routes all of 127.0.0.0/8 to the
 * loopback interface, so 127.0.0.2 is a second "peer" on one machine): it connects, then sends
 * its script slowly, one write per period, looping, while it records every line the receiver sends
 * until the receiver closes the connection.
 */
final class Dripper implements AutoCloseable {
  final Socket socket;
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean stop;
  private volatile long closedAtNanos;

  Dripper(String from, int port) throws IOException {
    socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    socket.setSoTimeout(30_000);
    Thread reader = new Thread(this::readAll, "dripper-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll() {
    try {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          lines.add(line.toString(StandardCharsets.ISO_8859_1).trim());
          line.reset();
        } else {
          line.write(b);
        }
      }
    } catch (IOException e) {
      // Reset or closed: the connection is over either way.
    } finally {
      closedAtNanos = System.nanoTime();
      closed.countDown();
    }
  }

  /** Sends {@code preamble} at once, then {@code drip} in pieces of {@code step} octets every {@code periodMillis}, for ever. */
  Dripper drip(String preamble, String drip, int step, long periodMillis) {
    Thread writer =
        new Thread(
            () -> {
              try {
                OutputStream out = socket.getOutputStream();
                out.write(preamble.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                byte[] bytes = drip.getBytes(StandardCharsets.ISO_8859_1);
                int i = 0;
                while (!stop) {
                  int n = Math.min(step, bytes.length - i);
                  out.write(bytes, i, n);
                  out.flush();
                  i = (i + n) % bytes.length;
                  Thread.sleep(periodMillis);
                }
              } catch (IOException | InterruptedException e) {
                // The receiver cut us off: that is what the tests want to see.
              }
            },
            "dripper-writer");
    writer.setDaemon(true);
    writer.start();
    return this;
  }

  /** Waits for the first line (the greeting or a refusal). */
  String greeting() throws InterruptedException {
    long end = System.nanoTime() + 5_000_000_000L;
    while (lines.isEmpty() && System.nanoTime() < end && closed.getCount() > 0) {
      Thread.sleep(5);
    }
    return lines.isEmpty() ? "" : lines.get(0);
  }

  /** Whether the receiver closed the connection within {@code millis}. */
  boolean awaitClosed(long millis) throws InterruptedException {
    return closed.await(millis, TimeUnit.MILLISECONDS);
  }

  /** {@link System#nanoTime()} when the reader saw the connection end; only after {@link #awaitClosed}. */
  long closedAtNanos() {
    return closedAtNanos;
  }

  String lastLine() {
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Override
  public void close() throws IOException {
    stop = true;
    socket.close();
  }
}
