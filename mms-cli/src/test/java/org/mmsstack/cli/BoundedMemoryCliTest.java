package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.capture.CaptureWriter;

/** `mms validate` in a JVM limited to 256 MiB of heap: a capture larger than the heap, hostile flows. */
class BoundedMemoryCliTest {

  @TempDir Path dir;

  private static Tool.Outcome runWithSmallHeap(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    byte[] err = p.getErrorStream().readAllBytes();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS));
    return new Tool.Outcome(p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void a300MiBCaptureValidatesIn256MiBOfHeap() throws Exception {
    byte[] pdu = Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-send-req.mms"));
    byte[] req =
        ("POST /mms HTTP/1.1\r\nHost: mmsc\r\nContent-Type: application/vnd.wap.mms-message\r\n"
                + "Content-Length: "
                + pdu.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    one.writeBytes(req);
    one.writeBytes(pdu);
    byte[] message = one.toByteArray();
    Path file = dir.resolve("big.pcap");
    long connections = 0;
    long target = 300L << 20;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        CaptureWriter w =
            new CaptureWriter(
                out,
                CaptureWriter.Format.PCAP,
                CaptureWriter.LINKTYPE_ETHERNET,
                ByteOrder.LITTLE_ENDIAN)) {
      InetSocketAddress server = new InetSocketAddress("10.0.0.2", 80);
      Instant t = Instant.parse("2024-01-01T00:00:00Z");
      long written = 0;
      while (written < target) {
        InetSocketAddress client =
            new InetSocketAddress(
                "10.0." + ((connections >> 8) & 0xFF) + "." + (connections & 0xFF),
                1024 + (int) (connections % 60_000));
        long seq = 1;
        for (int i = 0; i < 200; i++) {
          byte[] f = CaptureWriter.tcpFrame(client, server, seq, 1, CaptureWriter.ACK, message);
          w.writeFrame(t, f);
          written += 16 + f.length;
          seq += message.length;
        }
        byte[] fin =
            CaptureWriter.tcpFrame(
                client, server, seq, 1, CaptureWriter.FIN | CaptureWriter.ACK, new byte[0]);
        w.writeFrame(t, fin);
        written += 16 + fin.length;
        connections++;
      }
    }
    assertTrue(Files.size(file) > target);
    Tool.Outcome o = runWithSmallHeap("validate", "-q", "--jobs", "1", file.toString());
    assertEquals(0, o.status(), () -> o.stdout() + o.stderr());
    assertTrue(o.stdout().matches("(?s).*  PDUs +" + connections * 200 + "\n.*"), o::stdout);
  }

  @Test
  void sixtyFiveThousandOneOctetFlowsValidateIn256MiBOfHeap() throws Exception {
    Path file = dir.resolve("flows.pcap");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        CaptureWriter w = new CaptureWriter(out, CaptureWriter.Format.PCAP)) {
      InetSocketAddress server = new InetSocketAddress("10.0.0.2", 80);
      for (int i = 0; i < 65_536; i++) {
        InetSocketAddress client =
            new InetSocketAddress(
                "10." + (i >> 14) + "." + ((i >> 7) & 0x7F) + "." + (i & 0x7F),
                1024 + (i & 0x3FFF));
        w.writeFrame(
            Instant.EPOCH,
            CaptureWriter.tcpFrame(client, server, 1, 1, CaptureWriter.ACK, new byte[] {'P'}));
      }
    }
    Tool.Outcome o = runWithSmallHeap("validate", "-q", file.toString());
    assertTrue(o.status() <= 1, () -> o.stdout() + o.stderr());
    assertTrue(o.stdout().contains("Summary"), o::stdout);
    assertTrue(o.stderr().isEmpty() || !o.stderr().contains("OutOfMemory"), o::stderr);
  }
}
