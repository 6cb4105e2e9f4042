package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mmsstack.capture.CaptureWriter;

/**
 * `mms decode` streams a capture: each PDU is shown as soon as its carrier completes, while the
 * rest of the capture has not even been written yet. A decode that collected the capture's items
 * first would show nothing before the end of its input (and hold every PDU of a capture of any
 * size in memory).
 */
class DecodeStreamingTest {

  private static byte[] post(byte[] pdu) {
    return concat(
        ("POST /mms HTTP/1.1\r\nHost: mmsc\r\nContent-Type: application/vnd.wap.mms-message\r\n"
                + "Content-Length: "
                + pdu.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII),
        pdu);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static String waitFor(ByteArrayOutputStream out, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String s = out.toString(StandardCharsets.UTF_8);
    while (!s.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      s = out.toString(StandardCharsets.UTF_8);
    }
    return s;
  }

  @Test
  void decodeShowsEachPduOfACaptureBeforeTheCaptureEnds() throws Exception {
    byte[] request = post(Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-send-req.mms")));
    InetSocketAddress phone = new InetSocketAddress("10.0.0.1", 40_000);
    InetSocketAddress mmsc = new InetSocketAddress("10.0.0.2", 80);
    PipedInputStream stdin = new PipedInputStream(1 << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExecutorService tool = Executors.newSingleThreadExecutor();
    PipedOutputStream feed = new PipedOutputStream(stdin);
    try {
      CaptureWriter w = new CaptureWriter(feed, CaptureWriter.Format.PCAP);
      Future<Integer> status =
          tool.submit(
              () ->
                  Main.run(
                      new String[] {"decode", "--json", "--compact", "-"},
                      stdin,
                      out,
                      new PrintStream(err, true, StandardCharsets.UTF_8),
                      false,
                      false));
      long seq = 1;
      for (int i = 1; i <= 3; i++) {
        w.writeFrame(
            Instant.EPOCH.plusSeconds(i),
            CaptureWriter.tcpFrame(phone, mmsc, seq, 1, CaptureWriter.ACK, request));
        feed.flush();
        seq += request.length;
        // The capture is still open: the PDU must be out before anything more is written.
        String shown = waitFor(out, "\"frame\":" + i);
        assertEquals(i, shown.lines().count(), () -> shown + err);
      }
      w.close(); // the end of the capture: decode ends
      assertEquals(0, status.get(60, TimeUnit.SECONDS), () -> out + "\n" + err);
    } finally {
      feed.close();
      tool.shutdownNow();
    }
    assertEquals(3, out.toString(StandardCharsets.UTF_8).lines().count());
  }
}
