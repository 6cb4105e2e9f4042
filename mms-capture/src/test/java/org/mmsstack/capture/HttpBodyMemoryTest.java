package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;

/**
 * A Content-Length body costs memory by what has arrived, not by what its header claims: a few
 * hundred octets announcing {@code maxStreamBytes} must not make the reader hold that much.
 */
class HttpBodyMemoryTest {
  private static final int CLAIM = CaptureConfig.DEFAULT.maxStreamBytes();

  /** The most a body under way may hold beyond {@link #GROWTH} times what arrived. */
  private static final int FIRST = HttpStreamParser.FIRST_BODY_BUFFER;

  private static final int GROWTH = HttpStreamParser.BODY_GROWTH;

  private static final Frame FRAME = new Frame(1, TestCaptures.T0, 1, new byte[0], 0, 0, 0, 0);

  private static byte[] header(long length) {
    return TestCaptures.ascii(
        "POST /mms HTTP/1.1\r\nHost: mmsc\r\nContent-Type: application/vnd.wap.mms-message\r\n"
            + "Content-Length: "
            + length
            + "\r\n\r\n");
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void aBodyHoldsWhatArrivedAndGrowsToItsDeclaredLength() {
    List<CapturedPdu> pdus = new ArrayList<>();
    Extraction x = new Extraction(CaptureConfig.DEFAULT, pdus::add);
    HttpStreamParser p =
        new HttpStreamParser(
            x, new ArrayDeque<>(), new Endpoint("10.0.0.1", 40000), new Endpoint("10.0.0.2", 80));
    // The header and 300 octets claiming the most a stream may hold.
    byte[] h = header(CLAIM);
    p.feed(h, 0, h.length, FRAME);
    byte[] start = random(300, 1);
    p.feed(start, 0, start.length, FRAME);
    assertEquals(300, p.live());
    assertTrue(p.buffered() <= FIRST + h.length, () -> "buffered " + p.buffered());
    // Segments of 1,460 octets: what is held stays within GROWTH times what arrived (or the first
    // allocation) and the live figure is exact.
    assertTrue(FIRST <= CLAIM / 64 && GROWTH <= 4);
    byte[] seg = random(1460, 2);
    long arrived = 300;
    while (arrived < 3L << 20) {
      p.feed(seg, 0, seg.length, FRAME);
      arrived += seg.length;
      assertEquals(arrived, p.live());
      long held = p.buffered();
      long limit = Math.max(FIRST, GROWTH * arrived) + h.length;
      assertTrue(held <= limit, () -> "buffered " + held + " for " + p.live() + " arrived");
    }
    assertTrue(pdus.isEmpty());
  }

  @Test
  void aCompleteBodyIsHandedOnWholeWhateverItsSegments() {
    for (int length : new int[] {1, 1000, FIRST - 1, FIRST, FIRST + 1, 5 * FIRST, 3 << 20}) {
      List<CapturedPdu> pdus = new ArrayList<>();
      Extraction x = new Extraction(CaptureConfig.DEFAULT, pdus::add);
      HttpStreamParser p =
          new HttpStreamParser(
              x, new ArrayDeque<>(), new Endpoint("10.0.0.1", 40000), new Endpoint("10.0.0.2", 80));
      byte[] body = random(length, length);
      byte[] h = header(length);
      p.feed(h, 0, h.length, FRAME);
      // Odd segment sizes, the last one running on into the next request's first octets.
      byte[] next = TestCaptures.ascii("POST /x HTTP/1.1\r\n");
      byte[] rest = TestCaptures.concat(body, next);
      int at = 0;
      for (int i = 0; at < rest.length; i++) {
        int n = Math.min(rest.length - at, 1 + (i * 977) % 3000);
        p.feed(rest, at, n, FRAME);
        at += n;
        if (pdus.isEmpty()) {
          assertEquals(at, p.live(), "length " + length);
        }
      }
      assertEquals(1, pdus.size(), "length " + length);
      assertArrayEquals(body, pdus.get(0).dataBytes(), "length " + length);
      // What is left is the next request's start, held in the stream buffer only.
      assertEquals(next.length, p.live(), "length " + length);
      assertTrue(p.buffered() <= 4096, () -> "buffered " + p.buffered());
    }
  }

  /**
   * Many connections each claiming {@code maxStreamBytes} after a few hundred octets: the reader's
   * memory budget is a small fraction of what they claim, and none of them is evicted for want of
   * room, because each holds about what it sent.
   */
  @Test
  void manyShortStreamsClaimingTheStreamLimitStayWithinWhatArrived() throws Exception {
    int streams = 128;
    long budget = 48L << 20; // three streams' claims, 3/128 of all of them
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      TestCaptures.Tcp t =
          new TestCaptures.Tcp(
              TestCaptures.addr("10.1." + (i >> 8) + "." + (i & 0xFF), 30_000 + i),
              TestCaptures.MMSC,
              1000L * i,
              7000L * i);
      frames.add(t.syn());
      frames.add(t.synAck());
      frames.add(t.c(0, TestCaptures.concat(header(CLAIM), random(300, i))));
    }
    CaptureConfig config =
        CaptureConfig.DEFAULT.toBuilder()
            .maxTotalStreamBytes(budget)
            .maxFindings(2 * streams)
            .build();
    CaptureResult r = CaptureReader.read(TestCaptures.pcap(frames), config);
    assertEquals(streams, r.stats().tcpConnections());
    assertEquals(0, r.stats().evictedFlows(), r.stats().toString());
    assertFalse(r.has(CaptureFindingCodes.FLOW_EVICTED));
    assertFalse(r.has(CaptureFindingCodes.STREAM_LIMIT_EXCEEDED));
    // Every stream was read into its body and reported unfinished at the end of the capture.
    int incomplete = 0;
    for (Finding f : r.findings()) {
      if (f.code().equals(CaptureFindingCodes.HTTP_INCOMPLETE)) {
        assertTrue(f.message().contains("after 300 body octets of " + CLAIM), f.message());
        incomplete++;
      }
    }
    assertEquals(streams, incomplete);
    assertTrue(r.pdus().isEmpty());
  }

  @Test
  void theFirstAllocationIsTheWholeBodyWhenItIsSmall() {
    List<CapturedPdu> pdus = new ArrayList<>();
    Extraction x = new Extraction(CaptureConfig.DEFAULT, pdus::add);
    HttpStreamParser p =
        new HttpStreamParser(
            x, new ArrayDeque<>(), new Endpoint("10.0.0.1", 40000), new Endpoint("10.0.0.2", 80));
    byte[] body = random(24_000, 3);
    byte[] msg = TestCaptures.concat(header(body.length), body);
    // The header and the body's first segment together, then the rest in one.
    p.feed(msg, 0, 2000, FRAME);
    long held = p.buffered();
    p.feed(msg, 2000, msg.length - 2000, FRAME);
    assertEquals(1, pdus.size());
    assertArrayEquals(body, pdus.get(0).dataBytes());
    assertTrue(held <= body.length + 4096, () -> "buffered " + held);
  }
}
