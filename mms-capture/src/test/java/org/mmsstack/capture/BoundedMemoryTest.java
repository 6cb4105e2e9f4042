package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and huge captures read within a 256 MiB heap, in a JVM of its own so the heap limit is
 * real, and memory counted by capacity evicts flows oldest first.
 */
class BoundedMemoryTest {
  private static final int FLOWS = 65_536;

  @TempDir Path dir;

  /** 65,536 TCP flows of one octet each, as a user of the old reader found them (9 MB). */
  private Path oneOctetFlows() throws IOException {
    Path file = dir.resolve("flows.pcap");
    try (OutputStream out = Files.newOutputStream(file);
        CaptureWriter w =
            new CaptureWriter(
                out,
                CaptureWriter.Format.PCAP,
                CaptureWriter.LINKTYPE_ETHERNET,
                ByteOrder.LITTLE_ENDIAN)) {
      Instant t = TestCaptures.T0;
      for (int i = 0; i < FLOWS; i++) {
        String client = "10." + (i >> 14) + "." + ((i >> 7) & 0x7F) + "." + (i & 0x7F);
        w.writeFrame(
            t,
            CaptureWriter.tcpFrame(
                TestCaptures.addr(client, 1024 + (i & 0x3FFF)),
                TestCaptures.MMSC,
                1,
                1,
                CaptureWriter.ACK,
                new byte[] {'P'}));
      }
    }
    return file;
  }

  private static String runWithSmallHeap(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                BoundedMemoryMain.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void sixtyFiveThousandOneOctetFlowsDecodeIn256MiB() throws Exception {
    String out = runWithSmallHeap("file", oneOctetFlows().toString());
    assertTrue(out.contains("frames=" + FLOWS + " "), out);
    assertTrue(out.contains("heap=256MiB") || out.matches("(?s).*heap=2[0-9]{2}MiB.*"), out);
  }

  @Test
  void a300MiBCaptureStreamsIn256MiB() throws Exception {
    long size = 300L << 20;
    String out = runWithSmallHeap("generated", Long.toString(size));
    Matcher m = Pattern.compile("pdus=(\\d+) octets=(\\d+) expectedPdus=(\\d+) ").matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Long.parseLong(m.group(2)) >= size, out);
    assertEquals(m.group(3), m.group(1), out);
    assertTrue(out.contains("findings=0"), out);
  }

  @Test
  void flowsBeyondTheMemoryBudgetAreEvictedOldestFirstWithAFinding() throws Exception {
    CaptureConfig small =
        CaptureConfig.DEFAULT.toBuilder().maxTotalStreamBytes(1 << 20).maxFindings(10).build();
    CaptureResult r = CaptureReader.read(oneOctetFlows(), small);
    assertEquals(FLOWS, r.stats().frames());
    assertEquals(FLOWS, r.stats().tcpConnections());
    // About 1 MiB / (FLOW_OVERHEAD + a 64-octet buffer) flows fit; the others made room.
    long fit = (1 << 20) / (CaptureConfig.FLOW_OVERHEAD + 64);
    assertTrue(r.stats().evictedFlows() >= FLOWS - fit - 1, r.stats().toString());
    assertTrue(r.stats().evictedFlows() < FLOWS, r.stats().toString());
    assertTrue(r.has(CaptureFindingCodes.FLOW_EVICTED));
    assertTrue(r.has(CaptureFindingCodes.FINDINGS_SUPPRESSED));
    // The first eviction is of the first flow: the least recently active.
    assertTrue(
        r.findings().get(0).message().contains("10.0.0.0:1024"), r.findings().get(0).message());
    // A connection limit evicts the same way.
    CaptureResult few =
        CaptureReader.read(
            oneOctetFlows(),
            CaptureConfig.DEFAULT.toBuilder().maxTcpConnections(100).maxFindings(5).build());
    assertEquals(FLOWS - 100, few.stats().evictedFlows());
  }
}
