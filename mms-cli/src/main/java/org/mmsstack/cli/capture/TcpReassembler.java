package org.mmsstack.cli.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts each direction of each TCP connection back in sequence order and feeds it to an {@link
 * HttpStreamParser}: out-of-order segments wait, retransmissions and overlaps are trimmed (the
 * first copy wins), SYN and FIN take their sequence number, and sequence numbers wrap modulo
 * 2^32 (all arithmetic is on 32-bit differences against the next expected number, mapped to a
 * 64-bit stream offset).
 *
 * <p>Memory per direction (waiting segments plus the unfinished HTTP message) and in total is
 * held within {@link CaptureConfig#maxStreamBytes()} and {@link
 * CaptureConfig#maxTotalStreamBytes()}: a direction that would exceed either is dropped with a
 * finding.
 */
final class TcpReassembler {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  private static final long MASK = 0xFFFF_FFFFL;

  private final class Connection {
    boolean done;
    final Deque<HttpStreamParser.Request> requests = new ArrayDeque<>();
    final Map<String, Direction> dirs = new HashMap<>(4);

    Direction dir(Endpoint src, Endpoint dst) {
      return dirs.computeIfAbsent(src + ">" + dst, k -> new Direction(this, src, dst));
    }
  }

  private final class Direction {
    final HttpStreamParser http;
    final TreeMap<Long, byte[]> pending = new TreeMap<>();
    boolean started;
    long nextSeq;
    long delivered;
    long pendingBytes;
    long finAt = -1;
    boolean closed;
    boolean failed;
    long usage;
    Frame lastFrame;

    Direction(Connection c, Endpoint src, Endpoint dst) {
      http = new HttpStreamParser(x, c.requests, src, dst);
    }

    long offsetOf(long seq) {
      return delivered + (int) (seq - nextSeq);
    }
  }

  private final Extraction x;
  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private long buffered;
  private boolean connectionLimitReported;

  TcpReassembler(Extraction x) {
    this.x = x;
  }

  void segment(Frame f, Endpoint src, Endpoint dst, long seq, int flags, byte[] d, int from,
      int to) {
    String key = src.toString().compareTo(dst.toString()) < 0
        ? src + "|" + dst : dst + "|" + src;
    Connection c = connections.get(key);
    if (c == null) {
      if ((flags & RST) != 0 || (to == from && (flags & (SYN | FIN)) == 0)) {
        return; // a stray reset or bare acknowledgement opens nothing
      }
      if (connections.size() >= x.config.maxTcpConnections()) {
        connections.values().removeIf(old -> old.done);
      }
      if (connections.size() >= x.config.maxTcpConnections()) {
        if (!connectionLimitReported) {
          connectionLimitReported = true;
          x.finding(CaptureFinding.Kind.STREAM_LIMIT_EXCEEDED, f.number(), -1,
              "more than maxTcpConnections " + x.config.maxTcpConnections()
                  + " open TCP connections; segments of further ones ignored");
        }
        return;
      }
      c = new Connection();
      connections.put(key, c);
      x.tcpConnections++;
    }
    Direction dir = c.dir(src, dst);
    if ((flags & SYN) != 0) {
      long first = (seq + 1) & MASK;
      if (dir.started && first != dir.nextSeq
          && (dir.delivered > 0 || dir.closed || dir.finAt >= 0 || dir.failed)) {
        // A new connection on the same ports: finish the old one, start afresh.
        close(c, f, "a new connection reused its ports");
        connections.remove(key);
        segment(f, src, dst, seq, flags, d, from, to);
        return;
      }
      if (!dir.started || dir.delivered == 0) {
        dir.started = true;
        dir.nextSeq = first;
        dir.pending.clear();
        dir.pendingBytes = 0;
      }
      seq = first; // data on a SYN (TCP Fast Open) starts after it
    }
    if (!dir.started) {
      dir.started = true; // capture began mid-stream
      dir.nextSeq = seq;
    }
    dir.lastFrame = f;
    if (!dir.failed && !dir.closed) {
      int len = to - from;
      if (len > 0) {
        accept(dir, seq, d, from, len, f);
      }
      if ((flags & FIN) != 0 && !dir.failed && dir.finAt < 0) {
        dir.finAt = dir.offsetOf(seq) + len;
      }
      checkFin(dir, f);
      account(dir);
    }
    if ((flags & RST) != 0) {
      close(c, f, "the connection was reset");
      connections.remove(key);
      return;
    }
    boolean allClosed = true;
    for (Direction other : c.dirs.values()) {
      allClosed &= other.closed || other.failed;
    }
    if (allClosed && c.dirs.size() == 2 && !c.done) {
      // Kept (small now) so that late acknowledgements and retransmissions find it closed.
      release(c);
      c.done = true;
    }
  }

  private void accept(Direction dir, long seq, byte[] d, int from, int len, Frame f) {
    long off = dir.offsetOf(seq);
    long end = off + len;
    if (end <= dir.delivered) {
      return; // retransmission of delivered data
    }
    if (off < dir.delivered) {
      int trim = (int) (dir.delivered - off);
      from += trim;
      len -= trim;
      off = dir.delivered;
    }
    if (off == dir.delivered) {
      if (!deliver(dir, d, from, len, f)) {
        return;
      }
      drain(dir, f);
      return;
    }
    long ahead = end - dir.delivered;
    if (ahead > x.config.maxStreamBytes()
        || dir.pendingBytes + dir.http.buffered() + len > x.config.maxStreamBytes()) {
      fail(dir, f, "out-of-order data up to " + ahead + " octets ahead would exceed"
          + " maxStreamBytes " + x.config.maxStreamBytes());
      return;
    }
    if (buffered + len > x.config.maxTotalStreamBytes()) {
      fail(dir, f, "buffered TCP data would exceed maxTotalStreamBytes "
          + x.config.maxTotalStreamBytes());
      return;
    }
    byte[] old = dir.pending.get(off);
    if (old == null || old.length < len) {
      byte[] copy = new byte[len];
      System.arraycopy(d, from, copy, 0, len);
      dir.pending.put(off, copy);
      dir.pendingBytes += len - (old == null ? 0 : old.length);
      account(dir);
    }
  }

  /** Hands in-order data to the parser, within the limits; returns false if the direction failed. */
  private boolean deliver(Direction dir, byte[] d, int from, int len, Frame f) {
    if (dir.http.ignoring()) {
      dir.delivered += len;
      dir.nextSeq = (dir.nextSeq + len) & MASK;
      return true;
    }
    if (dir.pendingBytes + dir.http.buffered() + len > x.config.maxStreamBytes()) {
      fail(dir, f, "an unfinished HTTP message would exceed maxStreamBytes "
          + x.config.maxStreamBytes());
      return false;
    }
    if (buffered + len > x.config.maxTotalStreamBytes()) {
      fail(dir, f, "buffered TCP data would exceed maxTotalStreamBytes "
          + x.config.maxTotalStreamBytes());
      return false;
    }
    dir.delivered += len;
    dir.nextSeq = (dir.nextSeq + len) & MASK;
    dir.http.feed(d, from, len, f);
    account(dir);
    return !dir.failed;
  }

  private void drain(Direction dir, Frame f) {
    while (!dir.pending.isEmpty() && !dir.failed) {
      Map.Entry<Long, byte[]> e = dir.pending.firstEntry();
      if (e.getKey() > dir.delivered) {
        return;
      }
      dir.pending.pollFirstEntry();
      byte[] seg = e.getValue();
      dir.pendingBytes -= seg.length;
      long segEnd = e.getKey() + seg.length;
      if (segEnd <= dir.delivered) {
        continue;
      }
      int skip = (int) (dir.delivered - e.getKey());
      if (!deliver(dir, seg, skip, seg.length - skip, f)) {
        return;
      }
    }
  }

  private void checkFin(Direction dir, Frame f) {
    if (dir.finAt >= 0 && dir.delivered >= dir.finAt && !dir.closed && !dir.failed) {
      dir.closed = true;
      dir.http.close(f, true, "the connection closed");
      dir.pending.clear();
      dir.pendingBytes = 0;
    }
  }

  private void account(Direction dir) {
    long u = dir.failed ? 0 : dir.pendingBytes + dir.http.buffered();
    buffered += u - dir.usage;
    dir.usage = u;
  }

  private void fail(Direction dir, Frame f, String detail) {
    x.finding(CaptureFinding.Kind.STREAM_LIMIT_EXCEEDED, f.number(), dir.delivered,
        "TCP stream dropped: " + detail);
    dir.failed = true;
    dir.pending.clear();
    dir.pendingBytes = 0;
    dir.http.abandon();
    account(dir);
  }

  /** Ends a connection: streams with a gap are reported, the others closed. */
  private void close(Connection c, Frame f, String why) {
    for (Direction dir : c.dirs.values()) {
      if (dir.failed || dir.closed) {
        continue;
      }
      Frame last = dir.lastFrame == null ? f : dir.lastFrame;
      if (!dir.pending.isEmpty()) {
        long gapAt = dir.delivered;
        x.finding(CaptureFinding.Kind.TCP_GAP, last.number(), gapAt,
            dir.pendingBytes + " octets in " + dir.pending.size() + " segments after a gap at"
                + " stream offset " + gapAt + " were never delivered (" + why + ")");
        dir.http.close(last, false, "data is missing at stream offset " + gapAt);
      } else {
        dir.http.close(last, false, why);
      }
      dir.closed = true;
      dir.pending.clear();
      dir.pendingBytes = 0;
      account(dir);
    }
    release(c);
  }

  private void release(Connection c) {
    for (Direction dir : c.dirs.values()) {
      buffered -= dir.usage;
      dir.usage = 0;
    }
  }

  /** The capture ended: closes every connection still open. */
  void finish(Frame lastFrame) {
    List<Connection> open = new ArrayList<>(connections.values());
    for (Iterator<Connection> it = open.iterator(); it.hasNext(); ) {
      Connection c = it.next();
      close(c, lastFrame, "the capture ended");
    }
    connections.clear();
  }
}
