package org.mmsstack.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes pcap or pcapng files, and synthesizes the Ethernet/IPv4/IPv6/TCP/UDP packets to put in
 * them (with correct IP, TCP and UDP checksums, so other tools accept them).
 *
 * <pre>{@code
 * try (CaptureWriter w = new CaptureWriter(out, CaptureWriter.Format.PCAP)) {
 *   w.writeFrame(Instant.now(), CaptureWriter.udpFrame(ppg, phone, pushBytes));
 * }
 * }</pre>
 *
 * <p>Meant for tests and sample files: the packets are well-formed but minimal (no TCP options,
 * fixed MAC addresses). Not thread-safe; the caller owns the stream, which {@link #close()}
 * closes.
 */
public final class CaptureWriter implements Closeable {
  /** TCP flag FIN. */
  public static final int FIN = 0x01;

  /** TCP flag SYN. */
  public static final int SYN = 0x02;

  /** TCP flag RST. */
  public static final int RST = 0x04;

  /** TCP flag PSH. */
  public static final int PSH = 0x08;

  /** TCP flag ACK. */
  public static final int ACK = 0x10;

  /** Link type of Ethernet frames (the default). */
  public static final int LINKTYPE_ETHERNET = 1;

  private static final int SNAP_LEN = 262_144;

  /** The file format to write. */
  public enum Format {
    /** libpcap with microsecond timestamps (magic 0xA1B2C3D4). */
    PCAP,
    /** libpcap with nanosecond timestamps (magic 0xA1B23C4D). */
    PCAP_NANOS,
    /** pcapng: one section, one interface with if_tsresol 9 (nanoseconds), Enhanced Packet Blocks. */
    PCAPNG
  }

  private final OutputStream out;
  private final Format format;
  private final ByteOrder order;

  /** A writer of Ethernet frames in big-endian byte order; writes the file header at once. */
  public CaptureWriter(OutputStream out, Format format) throws IOException {
    this(out, format, LINKTYPE_ETHERNET, ByteOrder.BIG_ENDIAN);
  }

  /**
   * A writer of frames of {@code linkType} in the given byte order; writes the file header (for
   * pcapng the section header and interface description) at once.
   */
  public CaptureWriter(OutputStream out, Format format, int linkType, ByteOrder order)
      throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    this.format = Objects.requireNonNull(format, "format");
    this.order = Objects.requireNonNull(order, "order");
    if (linkType < 0 || linkType > 0xFFFF) {
      throw new IllegalArgumentException("linkType: " + linkType + " (expected: 0 ~ 65535)");
    }
    if (format == Format.PCAPNG) {
      ByteBuffer shb = buffer(28);
      shb.putInt(PcapngFrames.SHB)
          .putInt(28)
          .putInt(PcapngFrames.BYTE_ORDER_MAGIC)
          .putShort((short) 1)
          .putShort((short) 0)
          .putLong(-1L)
          .putInt(28);
      out.write(shb.array());
      ByteBuffer idb = buffer(32);
      idb.putInt(PcapngFrames.IDB)
          .putInt(32)
          .putShort((short) linkType)
          .putShort((short) 0)
          .putInt(SNAP_LEN)
          .putShort((short) 9)
          .putShort((short) 1)
          .put((byte) 9)
          .put(new byte[3]) // if_tsresol
          .putShort((short) 0)
          .putShort((short) 0) // opt_endofopt
          .putInt(32);
      out.write(idb.array());
    } else {
      ByteBuffer h = buffer(24);
      h.putInt(format == Format.PCAP ? PcapFrames.MAGIC_MICROS : PcapFrames.MAGIC_NANOS)
          .putShort((short) 2)
          .putShort((short) 4)
          .putInt(0)
          .putInt(0)
          .putInt(SNAP_LEN)
          .putInt(linkType);
      out.write(h.array());
    }
  }

  private ByteBuffer buffer(int n) {
    return ByteBuffer.allocate(n).order(order);
  }

  /** Appends one frame with its capture time; the array is not kept. */
  public void writeFrame(Instant timestamp, byte[] frame) throws IOException {
    if (frame.length > SNAP_LEN) {
      throw new IllegalArgumentException(
          "frame.length: " + frame.length + " (expected: <= " + SNAP_LEN + ")");
    }
    long sec = timestamp.getEpochSecond();
    int nanos = timestamp.getNano();
    if (format == Format.PCAPNG) {
      int padded = (frame.length + 3) & ~3;
      int len = 32 + padded;
      long units = Math.addExact(Math.multiplyExact(sec, 1_000_000_000L), nanos);
      ByteBuffer b = buffer(len);
      b.putInt(PcapngFrames.EPB)
          .putInt(len)
          .putInt(0)
          .putInt((int) (units >>> 32))
          .putInt((int) units)
          .putInt(frame.length)
          .putInt(frame.length)
          .put(frame);
      b.position(28 + padded);
      b.putInt(len);
      out.write(b.array());
    } else {
      ByteBuffer b = buffer(16 + frame.length);
      b.putInt((int) sec)
          .putInt(format == Format.PCAP ? nanos / 1000 : nanos)
          .putInt(frame.length)
          .putInt(frame.length)
          .put(frame);
      out.write(b.array());
    }
  }

  /** Flushes and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    out.flush();
    out.close();
  }

  // ---- packet synthesis ------------------------------------------------------------------

  /** Wraps an IPv4 or IPv6 packet in an Ethernet II header (locally administered addresses). */
  public static byte[] ethernet(byte[] ipPacket) {
    byte[] f = new byte[14 + ipPacket.length];
    byte[] head = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1};
    System.arraycopy(head, 0, f, 0, 12);
    int type = ipPacket.length > 0 && (ipPacket[0] & 0xF0) == 0x60 ? 0x86DD : 0x0800;
    f[12] = (byte) (type >> 8);
    f[13] = (byte) type;
    System.arraycopy(ipPacket, 0, f, 14, ipPacket.length);
    return f;
  }

  /**
   * A TCP segment in an IPv4 or IPv6 packet (by the addresses' family, which must match). {@code
   * seq} and {@code ack} are taken modulo 2^32; flags are the constants of this class.
   */
  public static byte[] tcpPacket(
      InetSocketAddress src, InetSocketAddress dst, long seq, long ack, int flags, byte[] payload) {
    byte[] t = new byte[20 + payload.length];
    putU16(t, 0, src.getPort());
    putU16(t, 2, dst.getPort());
    putU32(t, 4, seq);
    putU32(t, 8, (flags & ACK) != 0 ? ack : 0);
    t[12] = 5 << 4;
    t[13] = (byte) flags;
    putU16(t, 14, 65_535);
    System.arraycopy(payload, 0, t, 20, payload.length);
    return ip(src.getAddress(), dst.getAddress(), 6, t, 16, (int) (seq ^ (seq >>> 16)));
  }

  /** A UDP datagram in an IPv4 or IPv6 packet (by the addresses' family, which must match). */
  public static byte[] udpPacket(InetSocketAddress src, InetSocketAddress dst, byte[] payload) {
    byte[] u = new byte[8 + payload.length];
    putU16(u, 0, src.getPort());
    putU16(u, 2, dst.getPort());
    putU16(u, 4, u.length);
    System.arraycopy(payload, 0, u, 8, payload.length);
    return ip(src.getAddress(), dst.getAddress(), 17, u, 6, payload.length * 31 + src.getPort());
  }

  /** {@link #ethernet(byte[])} of {@link #tcpPacket}. */
  public static byte[] tcpFrame(
      InetSocketAddress src, InetSocketAddress dst, long seq, long ack, int flags, byte[] payload) {
    return ethernet(tcpPacket(src, dst, seq, ack, flags, payload));
  }

  /** {@link #ethernet(byte[])} of {@link #udpPacket}. */
  public static byte[] udpFrame(InetSocketAddress src, InetSocketAddress dst, byte[] payload) {
    return ethernet(udpPacket(src, dst, payload));
  }

  /**
   * Splits an IPv4 packet into fragments carrying at most {@code maxPayload} octets each (rounded
   * down to a multiple of 8), in order; the packet itself is not changed.
   */
  public static List<byte[]> fragmentIpv4(byte[] packet, int maxPayload) {
    int ihl = (packet[0] & 0x0F) * 4;
    int step = maxPayload & ~7;
    if (step <= 0) {
      throw new IllegalArgumentException("maxPayload: " + maxPayload + " (expected: >= 8)");
    }
    List<byte[]> out = new ArrayList<>();
    int dataLen = packet.length - ihl;
    for (int off = 0; off < dataLen; off += step) {
      int n = Math.min(step, dataLen - off);
      byte[] f = new byte[ihl + n];
      System.arraycopy(packet, 0, f, 0, ihl);
      System.arraycopy(packet, ihl + off, f, ihl, n);
      putU16(f, 2, f.length);
      putU16(f, 6, (off + n < dataLen ? 0x2000 : 0) | (off / 8));
      putU16(f, 10, 0);
      putU16(f, 10, checksum(f, 0, ihl, 0));
      out.add(f);
    }
    return out;
  }

  private static byte[] ip(
      InetAddress src, InetAddress dst, int proto, byte[] l4, int csumAt, int id) {
    byte[] s = src.getAddress();
    byte[] d = dst.getAddress();
    if (s.length != d.length) {
      throw new IllegalArgumentException(
          "src and dst are of different address families: " + src + ", " + dst);
    }
    long pseudo = sum(s, 0, s.length) + sum(d, 0, d.length) + proto + l4.length;
    putU16(l4, csumAt, 0);
    int c = checksum(l4, 0, l4.length, pseudo);
    if (proto == 17 && c == 0) {
      c = 0xFFFF; // zero means "no checksum" in UDP
    }
    putU16(l4, csumAt, c);
    if (src instanceof Inet4Address) {
      byte[] p = new byte[20 + l4.length];
      p[0] = 0x45;
      putU16(p, 2, p.length);
      putU16(p, 4, id & 0xFFFF);
      putU16(p, 6, 0x4000); // don't fragment
      p[8] = 64;
      p[9] = (byte) proto;
      System.arraycopy(s, 0, p, 12, 4);
      System.arraycopy(d, 0, p, 16, 4);
      putU16(p, 10, checksum(p, 0, 20, 0));
      System.arraycopy(l4, 0, p, 20, l4.length);
      return p;
    }
    byte[] p = new byte[40 + l4.length];
    p[0] = 0x60;
    putU16(p, 4, l4.length);
    p[6] = (byte) proto;
    p[7] = 64;
    System.arraycopy(s, 0, p, 8, 16);
    System.arraycopy(d, 0, p, 24, 16);
    System.arraycopy(l4, 0, p, 40, l4.length);
    return p;
  }

  private static long sum(byte[] b, int off, int len) {
    long s = 0;
    for (int i = 0; i + 1 < len; i += 2) {
      s += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
    }
    if ((len & 1) != 0) {
      s += (b[off + len - 1] & 0xFF) << 8;
    }
    return s;
  }

  private static int checksum(byte[] b, int off, int len, long initial) {
    long s = initial + sum(b, off, len);
    while ((s >>> 16) != 0) {
      s = (s & 0xFFFF) + (s >>> 16);
    }
    return (int) (~s & 0xFFFF);
  }

  private static void putU16(byte[] b, int off, int v) {
    b[off] = (byte) (v >> 8);
    b[off + 1] = (byte) v;
  }

  private static void putU32(byte[] b, int off, long v) {
    b[off] = (byte) (v >> 24);
    b[off + 1] = (byte) (v >> 16);
    b[off + 2] = (byte) (v >> 8);
    b[off + 3] = (byte) v;
  }
}
