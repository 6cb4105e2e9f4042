package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmsstack.capture.TestCaptures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * However an HTTP message is cut into TCP segments, reordered, duplicated or overlapped, and
 * wherever the sequence numbers start (wrap-around included), the same body comes out.
 */
class TcpReassemblyPropertyTest {

  @Property(tries = 300, seed = "4242")
  void sameBodyWhateverTheSegmentation(
      @ForAll @IntRange(min = 1, max = 6000) int bodySize,
      @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long isn,
      @ForAll @IntRange(min = 1, max = 1500) int maxSegment,
      @ForAll @IntRange(min = 0, max = 20) int duplicates,
      @ForAll boolean chunked,
      @ForAll boolean handshake,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    byte[] body = pdu(0x80, bodySize, seed);
    byte[] message;
    if (chunked) {
      List<byte[]> parts = new ArrayList<>();
      parts.add(
          ascii(
              "POST /mms HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                  + "Content-Type: application/vnd.wap.mms-message\r\n\r\n"));
      for (int off = 0; off < body.length; ) {
        int n = Math.min(body.length - off, 1 + rnd.nextInt(700));
        parts.add(ascii(Integer.toHexString(n) + "\r\n"));
        parts.add(slice(body, off, off + n));
        parts.add(ascii("\r\n"));
        off += n;
      }
      parts.add(ascii("0\r\n\r\n"));
      message = concat(parts.toArray(new byte[0][]));
    } else {
      message = postRequest(body);
    }
    Tcp t = new Tcp(PHONE, MMSC, isn, 1);
    List<byte[]> segments = new ArrayList<>();
    for (int off = 0; off < message.length; ) {
      int n = Math.min(message.length - off, 1 + rnd.nextInt(maxSegment));
      segments.add(t.c(off, slice(message, off, off + n)));
      off += n;
    }
    for (int i = 0; i < duplicates; i++) {
      // a retransmission that may straddle original segment borders
      int from = rnd.nextInt(message.length);
      int to = Math.min(message.length, from + 1 + rnd.nextInt(maxSegment));
      segments.add(t.c(from, slice(message, from, to)));
    }
    java.util.Collections.shuffle(segments, rnd);
    // Shuffling keeps the first segment anywhere; without a handshake the stream starts at the
    // first segment seen, so put the one at offset 0 first in that case.
    List<byte[]> frames = new ArrayList<>();
    if (handshake) {
      frames.add(t.syn());
    } else {
      frames.add(t.c(0, slice(message, 0, Math.min(message.length, 1))));
    }
    frames.addAll(segments);
    CaptureResult r = read(pcap(frames));
    assertEquals(List.of(), r.findings());
    assertEquals(1, r.pdus().size());
    assertArrayEquals(body, r.pdus().get(0).dataBytes());
  }
}
