package org.mmsstack.capture;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles IPv4 and IPv6 fragments (RFC 791, RFC 8200 §4.5) within {@link
 * CaptureConfig#maxFragmentBytes()}: when the held bytes would exceed it, the oldest incomplete
 * datagrams are dropped and reported.
 */
final class IpFragments {
  private static final int MAX_DATAGRAM = 65_535;

  /** Octets counted per fragment held beyond its data: the array header and the map entry. */
  private static final int FRAGMENT_OVERHEAD = 64;

  private static final class Datagram {
    final TreeMap<Integer, byte[]> parts = new TreeMap<>();
    final long firstFrame;
    final long firstOffset;
    int total = -1;
    long held;

    Datagram(Frame f) {
      this.firstFrame = f.number();
      this.firstOffset = f.fileOffset();
    }
  }

  private final Extraction x;
  private final Map<String, Datagram> pending = new LinkedHashMap<>();
  private long held;

  IpFragments(Extraction x) {
    this.x = x;
  }

  /**
   * Adds one fragment; returns the whole payload when this fragment completes its datagram, else
   * null.
   */
  byte[] add(String key, int offset, boolean more, byte[] d, int from, int to, Frame frame) {
    int len = to - from;
    if (offset + len > MAX_DATAGRAM) {
      x.finding(
          CaptureFindingCodes.MALFORMED_PACKET,
          frame,
          "IP fragment at offset " + offset + " of " + len + " octets ends past 65535");
      return null;
    }
    if (more && len % 8 != 0) {
      x.finding(
          CaptureFindingCodes.MALFORMED_PACKET,
          frame,
          "IP fragment with more-fragments set is " + len + " octets, not a multiple of 8");
      return null;
    }
    while (held + len + FRAGMENT_OVERHEAD > x.config.maxFragmentBytes() && !pending.isEmpty()) {
      Iterator<Map.Entry<String, Datagram>> it = pending.entrySet().iterator();
      Map.Entry<String, Datagram> oldest = it.next();
      it.remove();
      held -= oldest.getValue().held;
      x.finding(
          CaptureFindingCodes.IP_FRAGMENTS_INCOMPLETE,
          oldest.getValue().firstFrame,
          oldest.getValue().firstOffset,
          "incomplete fragmented datagram dropped: held fragments reached maxFragmentBytes "
              + x.config.maxFragmentBytes());
    }
    if (len + FRAGMENT_OVERHEAD > x.config.maxFragmentBytes()) {
      x.finding(
          CaptureFindingCodes.IP_FRAGMENTS_INCOMPLETE,
          frame,
          "IP fragment of " + len + " octets exceeds maxFragmentBytes; dropped");
      return null;
    }
    Datagram dg = pending.computeIfAbsent(key, k -> new Datagram(frame));
    byte[] old = dg.parts.get(offset);
    if (old == null || old.length < len) {
      byte[] copy = new byte[len];
      System.arraycopy(d, from, copy, 0, len);
      dg.parts.put(offset, copy);
      long delta = len - (old == null ? -FRAGMENT_OVERHEAD : old.length);
      dg.held += delta;
      held += delta;
    }
    if (!more) {
      dg.total = offset + len;
    }
    if (dg.total < 0) {
      return null;
    }
    int covered = 0;
    for (Map.Entry<Integer, byte[]> e : dg.parts.entrySet()) {
      if (e.getKey() > covered) {
        return null;
      }
      covered = Math.max(covered, e.getKey() + e.getValue().length);
    }
    if (covered < dg.total) {
      return null;
    }
    byte[] whole = new byte[dg.total];
    for (Map.Entry<Integer, byte[]> e : dg.parts.entrySet()) {
      int n = Math.min(e.getValue().length, dg.total - e.getKey());
      if (n > 0) {
        System.arraycopy(e.getValue(), 0, whole, e.getKey(), n);
      }
    }
    pending.remove(key);
    held -= dg.held;
    return whole;
  }

  /** Reports datagrams still incomplete at the end of the capture. */
  void finish() {
    for (Datagram dg : pending.values()) {
      x.finding(
          CaptureFindingCodes.IP_FRAGMENTS_INCOMPLETE,
          dg.firstFrame,
          dg.firstOffset,
          "fragmented datagram never completed ("
              + dg.parts.size()
              + " fragments, "
              + dg.held
              + " octets held)");
    }
    pending.clear();
    held = 0;
  }
}
