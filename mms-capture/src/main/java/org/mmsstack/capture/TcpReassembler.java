package org.mmsstack.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts each direction of each TCP connection back in sequence order and feeds it to a {@link
 * StreamParser} (HTTP, or SMTP towards ports 25 and 587): out-of-order segments wait,
 * retransmissions and overlaps are trimmed (the first copy wins), SYN and FIN take their sequence
 * number, and sequence numbers wrap modulo 2^32 (all arithmetic is on 32-bit differences against
 * the next expected number, mapped to a 64-bit stream offset).
 *
 * <p>Memory is counted by capacity: the parser's buffers, each waiting segment plus {@link
 * #SEGMENT_OVERHEAD}, and {@link CaptureConfig#FLOW_OVERHEAD} per connection. One direction is held
 * within {@link CaptureConfig#maxStreamBytes()} (over it, the direction is dropped with a finding);
 * all of them together within {@link CaptureConfig#maxTotalStreamBytes()} and {@link
 * CaptureConfig#maxTcpConnections()}, by evicting the least recently active connections first.
 */
final class TcpReassembler {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  private static final long MASK = 0xFFFF_FFFFL;

  /** Octets counted per waiting out-of-order segment beyond its data: array header, map entry. */
  static final int SEGMENT_OVERHEAD = 64;

  /** A connection's endpoints in a fixed order, whichever side sent the segment. */
  private record Key(Endpoint a, Endpoint b) {
    static Key of(Endpoint src, Endpoint dst) {
      int c = src.host().compareTo(dst.host());
      return c < 0 || (c == 0 && src.port() <= dst.port()) ? new Key(src, dst) : new Key(dst, src);
    }

    // Written out: looked up for every segment, and cheaper than the record's generated ones.
    @Override
    public boolean equals(Object o) {
      return o instanceof Key && a.equals(((Key) o).a) && b.equals(((Key) o).b);
    }

    @Override
    public int hashCode() {
      return a.hashCode() * 31 + b.hashCode();
    }
  }

  private final class Connection {
    final Key key;
    boolean done;
    final Deque<HttpStreamParser.Request> requests = new ArrayDeque<>(2);
    Endpoint first;
    Direction forward;
    Direction backward;

    Connection(Key key) {
      this.key = key;
    }

    Direction dir(Endpoint src, Endpoint dst) {
      if (first == null) {
        first = src;
      }
      if (first.equals(src)) {
        if (forward == null) {
          forward = new Direction(this, src, dst);
        }
        return forward;
      }
      if (backward == null) {
        backward = new Direction(this, src, dst);
      }
      return backward;
    }

    int directions() {
      return (forward == null ? 0 : 1) + (backward == null ? 0 : 1);
    }
  }

  private final class Direction {
    final StreamParser parser;
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
      if (isSmtp(dst.port())) {
        parser = new SmtpStreamParser(x, src, dst);
      } else if (isSmtp(src.port())) {
        parser = StreamParser.IGNORE; // the server's replies carry no mail
      } else {
        parser = new HttpStreamParser(x, c.requests, src, dst);
      }
    }

    long offsetOf(long seq) {
      return delivered + (int) (seq - nextSeq);
    }

    long held() {
      return pendingBytes + parser.buffered();
    }
  }

  private static boolean isSmtp(int port) {
    return port == CaptureReader.PORT_SMTP || port == CaptureReader.PORT_SUBMISSION;
  }

  private final Extraction x;

  /** In order of last activity, least recent first: the eviction order. */
  private final LinkedHashMap<Key, Connection> connections = new LinkedHashMap<>(256, 0.75f, true);

  private long buffered;

  TcpReassembler(Extraction x) {
    this.x = x;
  }

  /** Octets held by all connections, by capacity and with their fixed overhead. */
  long buffered() {
    return buffered;
  }

  void segment(
      Frame f, Endpoint src, Endpoint dst, long seq, int flags, byte[] d, int from, int to) {
    Key key = Key.of(src, dst);
    Connection c = connections.get(key);
    if (c == null) {
      if ((flags & RST) != 0 || (to == from && (flags & (SYN | FIN)) == 0)) {
        return; // a stray reset or bare acknowledgement opens nothing
      }
      while (!connections.isEmpty()
          && (connections.size() >= x.config.maxTcpConnections()
              || buffered + CaptureConfig.FLOW_OVERHEAD > x.config.maxTotalStreamBytes())) {
        evictEldest(
            f,
            connections.size() >= x.config.maxTcpConnections()
                ? "maxTcpConnections " + x.config.maxTcpConnections()
                : "maxTotalStreamBytes " + x.config.maxTotalStreamBytes());
      }
      c = new Connection(key);
      connections.put(key, c);
      buffered += CaptureConfig.FLOW_OVERHEAD;
      x.tcpConnections++;
    }
    Direction dir = c.dir(src, dst);
    if ((flags & SYN) != 0) {
      long first = (seq + 1) & MASK;
      if (dir.started
          && first != dir.nextSeq
          && (dir.delivered > 0 || dir.closed || dir.finAt >= 0 || dir.failed)) {
        // A new connection on the same ports: finish the old one, start afresh.
        close(c, f, "a new connection reused its ports");
        remove(c);
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
        accept(c, dir, seq, d, from, len, f);
      }
      if ((flags & FIN) != 0 && !dir.failed && dir.finAt < 0) {
        dir.finAt = dir.offsetOf(seq) + len;
      }
      checkFin(dir, f);
      account(dir);
    }
    if ((flags & RST) != 0) {
      close(c, f, "the connection was reset");
      remove(c);
      return;
    }
    boolean allClosed = true;
    for (Direction other : new Direction[] {c.forward, c.backward}) {
      allClosed &= other == null || other.closed || other.failed;
    }
    if (allClosed && c.directions() == 2 && !c.done) {
      // Kept (small now) so that late acknowledgements and retransmissions find it closed.
      release(c);
      c.done = true;
    }
  }

  /**
   * Brings the total back within {@link CaptureConfig#maxTotalStreamBytes()} after {@code dir} of
   * {@code c} grew, evicting other connections, least recently active first; when {@code c} alone
   * is over, its direction is dropped. The total thus exceeds the limit at most by one growth of
   * one buffer, itself bounded by {@link CaptureConfig#maxStreamBytes()}.
   */
  private void enforceTotal(Connection c, Direction dir, Frame f) {
    while (buffered > x.config.maxTotalStreamBytes()) {
      Connection eldest = eldestOtherThan(c);
      if (eldest == null) {
        fail(
            dir,
            f,
            "buffered TCP data would exceed maxTotalStreamBytes " + x.config.maxTotalStreamBytes());
        return;
      }
      evict(eldest, f, "maxTotalStreamBytes " + x.config.maxTotalStreamBytes());
    }
  }

  private long live(Direction dir) {
    return dir.pendingBytes + dir.parser.live();
  }

  private Connection eldestOtherThan(Connection c) {
    for (Connection o : connections.values()) {
      if (o != c) {
        return o;
      }
    }
    return null;
  }

  private void evictEldest(Frame f, String limit) {
    evict(connections.values().iterator().next(), f, limit);
  }

  private void evict(Connection c, Frame f, String limit) {
    long held =
        (c.forward == null ? 0 : c.forward.usage) + (c.backward == null ? 0 : c.backward.usage);
    if (!c.done) {
      x.evictedFlows++;
      x.finding(
          CaptureFindingCodes.FLOW_EVICTED,
          f,
          "TCP connection "
              + c.key.a()
              + " <-> "
              + c.key.b()
              + " evicted to stay within "
              + limit
              + " ("
              + held
              + " octets buffered); its later data was not examined");
      for (Direction dir : new Direction[] {c.forward, c.backward}) {
        if (dir != null) {
          dir.parser.abandon();
        }
      }
    }
    remove(c);
  }

  private void remove(Connection c) {
    release(c);
    if (connections.remove(c.key) != null) {
      buffered -= CaptureConfig.FLOW_OVERHEAD;
    }
  }

  private void accept(Connection c, Direction dir, long seq, byte[] d, int from, int len, Frame f) {
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
      if (!deliver(c, dir, d, from, len, f)) {
        return;
      }
      drain(c, dir, f);
      return;
    }
    long ahead = end - dir.delivered;
    if (ahead > x.config.maxStreamBytes()
        || live(dir) + len + SEGMENT_OVERHEAD > x.config.maxStreamBytes()) {
      fail(
          dir,
          f,
          "out-of-order data up to "
              + ahead
              + " octets ahead would exceed"
              + " maxStreamBytes "
              + x.config.maxStreamBytes());
      return;
    }
    byte[] old = dir.pending.get(off);
    if (old == null || old.length < len) {
      long more = len - (old == null ? -SEGMENT_OVERHEAD : old.length);
      byte[] copy = new byte[len];
      System.arraycopy(d, from, copy, 0, len);
      dir.pending.put(off, copy);
      dir.pendingBytes += more;
      account(dir);
      enforceTotal(c, dir, f);
    }
  }

  /** Hands in-order data to the parser, within the limits; returns false if the direction failed. */
  private boolean deliver(Connection c, Direction dir, byte[] d, int from, int len, Frame f) {
    if (dir.parser.ignoring()) {
      dir.delivered += len;
      dir.nextSeq = (dir.nextSeq + len) & MASK;
      return true;
    }
    if (live(dir) + len > x.config.maxStreamBytes()) {
      fail(
          dir, f, "an unfinished message would exceed maxStreamBytes " + x.config.maxStreamBytes());
      return false;
    }
    dir.delivered += len;
    dir.nextSeq = (dir.nextSeq + len) & MASK;
    dir.parser.feed(d, from, len, f);
    account(dir);
    enforceTotal(c, dir, f);
    return !dir.failed;
  }

  private void drain(Connection c, Direction dir, Frame f) {
    while (!dir.pending.isEmpty() && !dir.failed) {
      Map.Entry<Long, byte[]> e = dir.pending.firstEntry();
      if (e.getKey() > dir.delivered) {
        return;
      }
      dir.pending.pollFirstEntry();
      byte[] seg = e.getValue();
      dir.pendingBytes -= seg.length + SEGMENT_OVERHEAD;
      long segEnd = e.getKey() + seg.length;
      if (segEnd <= dir.delivered) {
        continue;
      }
      int skip = (int) (dir.delivered - e.getKey());
      if (!deliver(c, dir, seg, skip, seg.length - skip, f)) {
        return;
      }
    }
  }

  private void checkFin(Direction dir, Frame f) {
    if (dir.finAt >= 0 && dir.delivered >= dir.finAt && !dir.closed && !dir.failed) {
      dir.closed = true;
      dir.parser.close(f, true, "the connection closed");
      dir.pending.clear();
      dir.pendingBytes = 0;
    }
  }

  private void account(Direction dir) {
    long u = dir.failed || dir.closed ? 0 : dir.held();
    buffered += u - dir.usage;
    dir.usage = u;
  }

  private void fail(Direction dir, Frame f, String detail) {
    x.finding(
        CaptureFindingCodes.STREAM_LIMIT_EXCEEDED,
        f,
        "TCP stream dropped at stream offset " + dir.delivered + ": " + detail);
    dir.failed = true;
    dir.pending.clear();
    dir.pendingBytes = 0;
    dir.parser.abandon();
    account(dir);
  }

  /** Ends a connection: streams with a gap are reported, the others closed. */
  private void close(Connection c, Frame f, String why) {
    for (Direction dir : new Direction[] {c.forward, c.backward}) {
      if (dir == null || dir.failed || dir.closed) {
        continue;
      }
      Frame last = dir.lastFrame == null ? f : dir.lastFrame;
      if (!dir.pending.isEmpty()) {
        long gapAt = dir.delivered;
        x.finding(
            CaptureFindingCodes.TCP_GAP,
            last,
            dir.pendingBytes
                + " octets (with"
                + " bookkeeping) in "
                + dir.pending.size()
                + " segments after a gap at stream offset "
                + gapAt
                + " were never delivered ("
                + why
                + ")");
        dir.parser.close(last, false, "data is missing at stream offset " + gapAt);
      } else {
        dir.parser.close(last, false, why);
      }
      dir.closed = true;
      dir.pending.clear();
      dir.pendingBytes = 0;
      account(dir);
    }
    release(c);
  }

  private void release(Connection c) {
    for (Direction dir : new Direction[] {c.forward, c.backward}) {
      if (dir != null) {
        buffered -= dir.usage;
        dir.usage = 0;
      }
    }
  }

  /** The capture ended: closes every connection still open. */
  void finish(Frame lastFrame) {
    List<Connection> open = new ArrayList<>(connections.values());
    for (Iterator<Connection> it = open.iterator(); it.hasNext(); ) {
      close(it.next(), lastFrame, "the capture ended");
    }
    connections.clear();
    buffered = 0;
  }
}
