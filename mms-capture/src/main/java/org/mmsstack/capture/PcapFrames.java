package org.mmsstack.capture;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads libpcap files: 24-octet file header, then records of a 16-octet header (24 in the
 * "modified" format) and the captured data. Byte order and time resolution come from the magic.
 */
final class PcapFrames implements FrameSource {
  static final int MAGIC_MICROS = 0xA1B2C3D4;
  static final int MAGIC_NANOS = 0xA1B23C4D;

  /** Alexey Kuznetzov's patched libpcap: 8 more octets per record (ifindex, protocol, type). */
  static final int MAGIC_MODIFIED = 0xA1B2CD34;

  private final CaptureInput in;
  private final Extraction x;
  private boolean le;
  private boolean nanos;
  private int recordHeader = 16;
  private int linkType;
  private boolean done;
  private final byte[] hdr = new byte[24];

  /** The frame buffer, reused: frames are handled one at a time. */
  private byte[] data = new byte[2048];

  static boolean isMagic(int m) {
    return m == MAGIC_MICROS || m == MAGIC_NANOS || m == MAGIC_MODIFIED;
  }

  PcapFrames(CaptureInput in, Extraction x) throws IOException {
    this.in = in;
    this.x = x;
    int got = in.read(hdr, 0, 24);
    int m = (int) CaptureInput.u32(hdr, 0, false);
    if (!isMagic(m)) {
      le = true;
      m = Integer.reverseBytes(m);
    }
    nanos = m == MAGIC_NANOS;
    if (m == MAGIC_MODIFIED) {
      recordHeader = 24;
    }
    if (got < 24) {
      x.finding(
          CaptureFindingCodes.TRUNCATED_CAPTURE,
          0,
          got,
          "pcap file header has " + got + " of 24 octets");
      done = true;
      return;
    }
    // The high bits of the link-type word carry FCS information in newer writers.
    linkType = (int) (CaptureInput.u32(hdr, 20, le) & 0xFFFF);
  }

  int linkType() {
    return linkType;
  }

  @Override
  public Frame next() throws IOException {
    if (done) {
      return null;
    }
    long at = in.position();
    int got = in.read(hdr, 0, recordHeader);
    if (got == 0) {
      done = true;
      return null;
    }
    long number = x.frames + 1;
    if (got < recordHeader) {
      x.finding(
          CaptureFindingCodes.TRUNCATED_CAPTURE,
          number,
          at,
          "record header has " + got + " of " + recordHeader + " octets");
      done = true;
      return null;
    }
    long sec = CaptureInput.u32(hdr, 0, le);
    long frac = CaptureInput.u32(hdr, 4, le);
    long incl = CaptureInput.u32(hdr, 8, le);
    long orig = CaptureInput.u32(hdr, 12, le);
    if (incl > x.config.maxFrameBytes()) {
      // Nothing marks where the next record starts, so a bad length ends the file.
      x.finding(
          CaptureFindingCodes.MALFORMED_CAPTURE,
          number,
          at + 8,
          String.format(
              Locale.ROOT,
              "record length %d exceeds maxFrameBytes %d; reading stopped (corrupt file?)",
              incl,
              x.config.maxFrameBytes()));
      done = true;
      return null;
    }
    if (incl > data.length) {
      data = new byte[(int) Math.max(incl, Math.min(2L * data.length, x.config.maxFrameBytes()))];
    }
    int n = in.read(data, 0, (int) incl);
    if (n < incl) {
      x.finding(
          CaptureFindingCodes.TRUNCATED_CAPTURE,
          number,
          at + recordHeader,
          "record data has " + n + " of " + incl + " octets");
      done = true;
      return null;
    }
    x.frames = number;
    Instant ts = Instant.ofEpochSecond(sec).plusNanos(nanos ? frac : frac * 1000);
    return new Frame(number, ts, linkType, data, (int) incl, orig, at, at + recordHeader);
  }
}
