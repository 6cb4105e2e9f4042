package org.mmsstack.cli.capture;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
 * <p>{@link #writeSample(OutputStream, Format, List)} writes a whole realistic MMS exchange for a
 * list of PDUs. Not thread-safe.
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
      shb.putInt(PcapngFrames.SHB).putInt(28).putInt(PcapngFrames.BYTE_ORDER_MAGIC)
          .putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28);
      out.write(shb.array());
      ByteBuffer idb = buffer(32);
      idb.putInt(PcapngFrames.IDB).putInt(32).putShort((short) linkType).putShort((short) 0)
          .putInt(SNAP_LEN)
          .putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]) // if_tsresol
          .putShort((short) 0).putShort((short) 0) // opt_endofopt
          .putInt(32);
      out.write(idb.array());
    } else {
      ByteBuffer h = buffer(24);
      h.putInt(format == Format.PCAP ? PcapFrames.MAGIC_MICROS : PcapFrames.MAGIC_NANOS)
          .putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAP_LEN)
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
      throw new IllegalArgumentException("frame.length: " + frame.length + " (expected: <= "
          + SNAP_LEN + ")");
    }
    long sec = timestamp.getEpochSecond();
    int nanos = timestamp.getNano();
    if (format == Format.PCAPNG) {
      int padded = (frame.length + 3) & ~3;
      int len = 32 + padded;
      long units = Math.addExact(Math.multiplyExact(sec, 1_000_000_000L), nanos);
      ByteBuffer b = buffer(len);
      b.putInt(PcapngFrames.EPB).putInt(len).putInt(0).putInt((int) (units >>> 32))
          .putInt((int) units).putInt(frame.length).putInt(frame.length).put(frame);
      b.position(28 + padded);
      b.putInt(len);
      out.write(b.array());
    } else {
      ByteBuffer b = buffer(16 + frame.length);
      b.putInt((int) sec).putInt(format == Format.PCAP ? nanos / 1000 : nanos)
          .putInt(frame.length).putInt(frame.length).put(frame);
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
  public static byte[] tcpPacket(InetSocketAddress src, InetSocketAddress dst, long seq, long ack,
      int flags, byte[] payload) {
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
  public static byte[] tcpFrame(InetSocketAddress src, InetSocketAddress dst, long seq, long ack,
      int flags, byte[] payload) {
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

  private static byte[] ip(InetAddress src, InetAddress dst, int proto, byte[] l4, int csumAt,
      int id) {
    byte[] s = src.getAddress();
    byte[] d = dst.getAddress();
    if (s.length != d.length) {
      throw new IllegalArgumentException("src and dst are of different address families: "
          + src + ", " + dst);
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

  // ---- the sample capture ----------------------------------------------------------------

  /**
   * Writes a realistic capture of an MMS exchange carrying {@code pdus}, in list order, and closes
   * nothing. The handset is 10.20.30.40; the MMS Relay/Server (HTTP, port 80) is 10.1.2.3; the
   * push proxy gateway (UDP 9200 to the handset's 2948) is 10.1.2.4. By the PDU's message type
   * (second octet):
   *
   * <ul>
   *   <li>pushed to the handset (m-notification-ind 0x82, m-delivery-ind 0x86, m-read-orig-ind
   *       0x88, m-cancel-req 0x96): a WSP Push (Content-Type 0xBE, X-Wap-Application-Id
   *       mms.ua) in one UDP datagram;
   *   <li>m-retrieve-conf (0x84): the body of a 200 response to {@code GET /mms/N};
   *   <li>other confirmations (send, forward, mbox, delete): the body of a 200 response to a POST
   *       of the request before it in the list, or to a GET if there is none;
   *   <li>anything else: the body of a {@code POST /mms} request; a request not followed by a
   *       confirmation is answered 204 No Content.
   * </ul>
   *
   * <p>All HTTP exchanges share one keep-alive TCP connection (handshake, MSS-sized segments,
   * acknowledgements, FIN). Timestamps start at 2024-01-01T12:00:00Z and advance 10 ms a packet.
   * The PDU arrays are not changed.
   */
  public static void writeSample(OutputStream out, Format format, List<byte[]> pdus)
      throws IOException {
    CaptureWriter w = new CaptureWriter(out, format);
    Sample s = new Sample(w);
    s.run(pdus);
    out.flush();
  }

  private static final class Sample {
    private static final int MSS = 1400;
    private final CaptureWriter w;
    private final InetSocketAddress phone = address(new byte[] {10, 20, 30, 40}, 49_152);
    private final InetSocketAddress mmsc = address(new byte[] {10, 1, 2, 3}, 80);
    private final InetSocketAddress ppg = address(new byte[] {10, 1, 2, 4}, CaptureReader.PORT_WSP);
    private final InetSocketAddress phonePush =
        address(new byte[] {10, 20, 30, 40}, CaptureReader.PORT_WAP_PUSH);
    private Instant now = Instant.parse("2024-01-01T12:00:00Z");
    private long clientSeq = 0x1000_0000L;
    private long serverSeq = 0x7000_0000L;
    private boolean connected;
    private int tid = 1;
    private int retrieveNo = 1;

    Sample(CaptureWriter w) {
      this.w = w;
    }

    private static InetSocketAddress address(byte[] ip, int port) {
      try {
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    void run(List<byte[]> pdus) throws IOException {
      for (int i = 0; i < pdus.size(); i++) {
        byte[] pdu = pdus.get(i);
        int type = pdu.length > 1 && (pdu[0] & 0xFF) == 0x8C ? pdu[1] & 0xFF : -1;
        if (type == 0x82 || type == 0x86 || type == 0x88 || type == 0x96) {
          push(pdu);
        } else if (isConf(type)) {
          get(type == 0x84 ? "/mms/" + retrieveNo++ : "/mms", pdu);
        } else {
          byte[] conf = null;
          if (i + 1 < pdus.size()) {
            byte[] next = pdus.get(i + 1);
            int nt = next.length > 1 && (next[0] & 0xFF) == 0x8C ? next[1] & 0xFF : -1;
            if (isConf(nt) && nt != 0x84) {
              conf = next;
              i++;
            }
          }
          post(pdu, conf);
        }
      }
      if (connected) {
        tcp(true, FIN | ACK, new byte[0]);
        tcp(false, FIN | ACK, new byte[0]);
        tcp(true, ACK, new byte[0]);
      }
    }

    private static boolean isConf(int type) {
      return type == 0x81 || type == 0x84 || type == 0x8A || type == 0x8C || type == 0x8E
          || type == 0x90 || type == 0x92 || type == 0x95;
    }

    private void push(byte[] pdu) throws IOException {
      ByteArrayOutputStream p = new ByteArrayOutputStream();
      p.write(tid++ & 0xFF);
      p.write(WspPush.PUSH);
      p.write(3); // Headers-Length: Content-Type + X-Wap-Application-Id
      p.write(0x80 | WspContentType.MMS_MESSAGE_CODE);
      p.write(0xAF);
      p.write(0x84); // x-wap-application:mms.ua
      p.write(pdu, 0, pdu.length);
      frame(udpFrame(ppg, phonePush, p.toByteArray()));
    }

    private void get(String path, byte[] body) throws IOException {
      connect();
      send(true, ("GET " + path + " HTTP/1.1\r\nHost: mmsc.example.net\r\n"
          + "User-Agent: mmsstack-sample/1.0\r\nAccept: application/vnd.wap.mms-message\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      respond(body);
    }

    private void post(byte[] pdu, byte[] conf) throws IOException {
      connect();
      byte[] head = ("POST /mms HTTP/1.1\r\nHost: mmsc.example.net\r\n"
          + "User-Agent: mmsstack-sample/1.0\r\nContent-Type: application/vnd.wap.mms-message\r\n"
          + "Content-Length: " + pdu.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      send(true, concat(head, pdu));
      if (conf == null) {
        send(false, "HTTP/1.1 204 No Content\r\nServer: mmsc\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
      } else {
        respond(conf);
      }
    }

    private void respond(byte[] body) throws IOException {
      byte[] head = ("HTTP/1.1 200 OK\r\nServer: mmsc\r\n"
          + "Content-Type: application/vnd.wap.mms-message\r\nContent-Length: " + body.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      send(false, concat(head, body));
    }

    private void connect() throws IOException {
      if (connected) {
        return;
      }
      connected = true;
      frame(tcpFrame(phone, mmsc, clientSeq - 1, 0, SYN, new byte[0]));
      frame(tcpFrame(mmsc, phone, serverSeq - 1, clientSeq, SYN | ACK, new byte[0]));
      frame(tcpFrame(phone, mmsc, clientSeq, serverSeq, ACK, new byte[0]));
    }

    private void send(boolean fromClient, byte[] data) throws IOException {
      for (int off = 0; off < data.length; off += MSS) {
        int n = Math.min(MSS, data.length - off);
        byte[] seg = new byte[n];
        System.arraycopy(data, off, seg, 0, n);
        tcp(fromClient, ACK | (off + n == data.length ? PSH : 0), seg);
      }
      tcp(!fromClient, ACK, new byte[0]);
    }

    private void tcp(boolean fromClient, int flags, byte[] payload) throws IOException {
      if (fromClient) {
        frame(tcpFrame(phone, mmsc, clientSeq, serverSeq, flags, payload));
        clientSeq += payload.length + ((flags & FIN) != 0 ? 1 : 0);
      } else {
        frame(tcpFrame(mmsc, phone, serverSeq, clientSeq, flags, payload));
        serverSeq += payload.length + ((flags & FIN) != 0 ? 1 : 0);
      }
    }

    private void frame(byte[] f) throws IOException {
      w.writeFrame(now, f);
      now = now.plusMillis(10);
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] r = new byte[a.length + b.length];
      System.arraycopy(a, 0, r, 0, a.length);
      System.arraycopy(b, 0, r, a.length, b.length);
      return r;
    }
  }
}
