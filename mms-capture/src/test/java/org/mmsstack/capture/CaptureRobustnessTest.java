package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmsstack.capture.TestCaptures.*;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged captures: every prefix, seeded random mutations. No unchecked exception may escape. */
class CaptureRobustnessTest {

  /** A small capture with a handshake, a POST in two segments, a response, a push and FINs. */
  static byte[] small(CaptureWriter.Format format, ByteOrder order) {
    byte[] req = postRequest(pdu(0x80, 120, 40));
    byte[] resp = okResponse(pdu(0x81, 30, 41));
    Tcp t = new Tcp(PHONE, MMSC, 100, 200);
    List<byte[]> frames =
        List.of(
            t.syn(),
            t.synAck(),
            t.c(60, slice(req, 60, req.length)),
            t.c(0, slice(req, 0, 60)),
            t.s(0, resp),
            CaptureWriter.udpFrame(PPG, PHONE_PUSH, wspPush(1, pdu(0x82, 40, 42))),
            t.cFin(req.length),
            t.sFin(resp.length));
    return capture(format, order, 1, frames);
  }

  @Test
  void everyPrefixOfACaptureYieldsWhatWasReadPlusAFinding() throws CaptureFormatException {
    for (CaptureWriter.Format format : CaptureWriter.Format.values()) {
      for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
        byte[] whole = small(format, order);
        CaptureResult full = read(whole);
        assertEquals(List.of(), full.findings());
        assertEquals(3, full.pdus().size());
        int previousPdus = 0;
        for (int n = 0; n < whole.length; n++) {
          byte[] prefix = Arrays.copyOf(whole, n);
          CaptureResult r;
          try {
            r = CaptureReader.read(prefix);
          } catch (CaptureFormatException e) {
            assertTrue(
                n < 4 || (format == CaptureWriter.Format.PCAPNG && n < 12),
                format + " prefix " + n + ": " + e);
            continue;
          }
          // A longer prefix never loses a PDU; each one found is one of the full capture's.
          assertTrue(r.pdus().size() >= previousPdus, format + " prefix " + n);
          for (int i = 0; i < r.pdus().size(); i++) {
            final CapturedPdu got = r.pdus().get(i);
            assertTrue(
                full.pdus().stream().anyMatch(p -> Arrays.equals(p.dataBytes(), got.dataBytes())),
                format + " prefix " + n);
          }
          previousPdus = r.pdus().size();
          boolean atBoundary =
              r.findings().stream()
                  .noneMatch(f -> f.code() == CaptureFindingCodes.TRUNCATED_CAPTURE);
          if (atBoundary) {
            // a prefix ending exactly between records is a shorter but whole capture
            assertTrue(r.stats().frames() < full.stats().frames(), format + " " + n);
          }
        }
      }
    }
  }

  @Test
  void seededMutationsNeverThrowUnchecked() throws IOException {
    Random rnd = new Random(20241125);
    List<byte[]> seeds = new ArrayList<>();
    for (CaptureWriter.Format format : CaptureWriter.Format.values()) {
      seeds.add(small(format, ByteOrder.LITTLE_ENDIAN));
      seeds.add(exchange(format));
    }
    CaptureConfig tight =
        CaptureConfig.DEFAULT.toBuilder()
            .maxStreamBytes(2048)
            .maxTotalStreamBytes(4096)
            .maxFrameBytes(4096)
            .maxBlockBytes(8192)
            .maxFragmentBytes(4096)
            .maxFindings(20)
            .maxTcpConnections(4)
            .build();
    for (int round = 0; round < 3000; round++) {
      byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
      int edits = 1 + rnd.nextInt(8);
      for (int e = 0; e < edits; e++) {
        int at = rnd.nextInt(b.length);
        switch (rnd.nextInt(3)) {
          case 0:
            b[at] = (byte) rnd.nextInt(256);
            break;
          case 1:
            b[at] ^= (byte) (1 << rnd.nextInt(8));
            break;
          default:
            b[at] = (byte) (rnd.nextBoolean() ? 0xFF : 0);
        }
      }
      for (CaptureConfig config : List.of(CaptureConfig.DEFAULT, tight)) {
        try {
          CaptureResult r = CaptureReader.extract(b, config);
          assertTrue(r.findings().size() <= config.maxFindings() + 1);
        } catch (CaptureFormatException e) {
          // the magic was hit: fine
        }
      }
    }
  }

  /** A push, a POST answered by a response, a GET answered by a response, over one connection. */
  static byte[] exchange(CaptureWriter.Format format) {
    TestCaptures.Tcp t = new TestCaptures.Tcp(PHONE, MMSC, 1000, 5000);
    byte[] post = postRequest(pdu(0x80, 200, 3));
    byte[] conf = okResponse(pdu(0x81, 20, 4));
    byte[] get = ascii("GET /mms/1 HTTP/1.1\r\nHost: mmsc\r\n\r\n");
    byte[] retrieve = okResponse(pdu(0x84, 3000, 2));
    return capture(
        format,
        ByteOrder.LITTLE_ENDIAN,
        CaptureWriter.LINKTYPE_ETHERNET,
        List.of(
            CaptureWriter.udpFrame(PPG, PHONE_PUSH, wspPush(1, pdu(0x82, 50, 1))),
            t.syn(),
            t.synAck(),
            t.c(0, post),
            t.s(0, conf),
            t.c(post.length, get),
            t.s(conf.length, slice(retrieve, 0, 1400)),
            t.s(conf.length + 1400, slice(retrieve, 1400, retrieve.length)),
            t.cFin(post.length + get.length),
            t.sFin(conf.length + retrieve.length)));
  }
}
