package org.mmsstack.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Shared fixtures: addresses, synthetic MMS PDUs, capture builders, the corpus location. */
final class TestCaptures {
  static final InetSocketAddress PHONE = addr("10.0.0.1", 40_000);
  static final InetSocketAddress MMSC = addr("10.0.0.2", 80);
  static final InetSocketAddress PPG = addr("10.0.0.9", 9200);
  static final InetSocketAddress PHONE_PUSH = addr("10.0.0.1", 2948);
  static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456789Z");

  private TestCaptures() {}

  static InetSocketAddress addr(String literal, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(literal), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A synthetic MMS PDU of the given message type with {@code size} octets of seeded filler. */
  static byte[] pdu(int type, int size, long seed) {
    byte[] b = new byte[Math.max(size, 4)];
    new Random(seed).nextBytes(b);
    b[0] = (byte) 0x8C;
    b[1] = (byte) type;
    b[2] = (byte) 0x98; // X-Mms-Transaction-Id, so the filler looks like headers
    return b;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  static byte[] slice(byte[] b, int from, int to) {
    byte[] r = new byte[to - from];
    System.arraycopy(b, from, r, 0, r.length);
    return r;
  }

  static byte[] postRequest(byte[] body) {
    return concat(
        ascii(
            "POST /mms HTTP/1.1\r\nHost: mmsc\r\nContent-Type: "
                + "application/vnd.wap.mms-message\r\nContent-Length: "
                + body.length
                + "\r\n\r\n"),
        body);
  }

  static byte[] okResponse(byte[] body) {
    return concat(
        ascii(
            "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.wap.mms-message\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n"),
        body);
  }

  static byte[] wspPush(int tid, byte[] body) {
    return concat(new byte[] {(byte) tid, 0x06, 0x03, (byte) 0xBE, (byte) 0xAF, (byte) 0x84}, body);
  }

  /** Frames of one TCP connection, with sequence numbers relative to chosen ISNs. */
  static final class Tcp {
    final InetSocketAddress client;
    final InetSocketAddress server;
    final long clientIsn;
    final long serverIsn;

    Tcp(InetSocketAddress client, InetSocketAddress server, long clientIsn, long serverIsn) {
      this.client = client;
      this.server = server;
      this.clientIsn = clientIsn;
      this.serverIsn = serverIsn;
    }

    byte[] syn() {
      return CaptureWriter.tcpFrame(client, server, clientIsn, 0, CaptureWriter.SYN, new byte[0]);
    }

    byte[] synAck() {
      return CaptureWriter.tcpFrame(
          server,
          client,
          serverIsn,
          clientIsn + 1,
          CaptureWriter.SYN | CaptureWriter.ACK,
          new byte[0]);
    }

    /** Client data at stream offset {@code off} (0 = first octet after the SYN). */
    byte[] c(long off, byte[] data) {
      return CaptureWriter.tcpFrame(
          client,
          server,
          (clientIsn + 1 + off) & 0xFFFFFFFFL,
          serverIsn + 1,
          CaptureWriter.ACK,
          data);
    }

    byte[] s(long off, byte[] data) {
      return CaptureWriter.tcpFrame(
          server,
          client,
          (serverIsn + 1 + off) & 0xFFFFFFFFL,
          clientIsn + 1,
          CaptureWriter.ACK,
          data);
    }

    byte[] cFin(long off) {
      return CaptureWriter.tcpFrame(
          client,
          server,
          (clientIsn + 1 + off) & 0xFFFFFFFFL,
          serverIsn + 1,
          CaptureWriter.FIN | CaptureWriter.ACK,
          new byte[0]);
    }

    byte[] sFin(long off) {
      return CaptureWriter.tcpFrame(
          server,
          client,
          (serverIsn + 1 + off) & 0xFFFFFFFFL,
          clientIsn + 1,
          CaptureWriter.FIN | CaptureWriter.ACK,
          new byte[0]);
    }
  }

  /** Writes frames to an Ethernet pcap, 1 ms apart from {@link #T0}. */
  static byte[] pcap(List<byte[]> frames) {
    return capture(
        CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, CaptureWriter.LINKTYPE_ETHERNET, frames);
  }

  static byte[] capture(
      CaptureWriter.Format format, ByteOrder order, int linkType, List<byte[]> frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CaptureWriter w = new CaptureWriter(out, format, linkType, order)) {
      Instant t = T0;
      for (byte[] f : frames) {
        w.writeFrame(t, f);
        t = t.plusMillis(1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static CaptureResult read(byte[] capture) {
    try {
      return CaptureReader.read(capture);
    } catch (CaptureFormatException e) {
      throw new AssertionError(e);
    }
  }

  /** Builds pcapng files block by block, for the block kinds the writer does not produce. */
  static final class Pcapng {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    Pcapng section(ByteOrder o) {
      order = o;
      return block(
          0x0A0D0D0A,
          buf(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).array());
    }

    /** An IDB; {@code tsresol} < 0 for no if_tsresol option. */
    Pcapng iface(int linkType, int tsresol, long tsOffset) {
      ByteBuffer b = buf(8 + 8 + 12 + 4);
      b.putShort((short) linkType).putShort((short) 0).putInt(0);
      if (tsresol >= 0) {
        b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
      } else {
        b.putShort((short) 1).putShort((short) 4).putInt(0x41414141); // opt_comment "AAAA"
      }
      b.putShort((short) 14).putShort((short) 8).putLong(tsOffset);
      b.putShort((short) 0).putShort((short) 0);
      return block(1, b.array());
    }

    Pcapng epb(int ifId, long ts, byte[] data) {
      ByteBuffer b = buf(20 + pad(data.length));
      b.putInt(ifId)
          .putInt((int) (ts >>> 32))
          .putInt((int) ts)
          .putInt(data.length)
          .putInt(data.length)
          .put(data);
      return block(6, b.array());
    }

    Pcapng opb(int ifId, long ts, byte[] data) {
      ByteBuffer b = buf(20 + pad(data.length));
      b.putShort((short) ifId)
          .putShort((short) 0)
          .putInt((int) (ts >>> 32))
          .putInt((int) ts)
          .putInt(data.length)
          .putInt(data.length)
          .put(data);
      return block(2, b.array());
    }

    Pcapng spb(byte[] data) {
      ByteBuffer b = buf(4 + pad(data.length));
      b.putInt(data.length).put(data);
      return block(3, b.array());
    }

    Pcapng unknown(int type, int len) {
      return block(type, new byte[pad(len)]);
    }

    Pcapng block(int type, byte[] body) {
      int len = 12 + body.length;
      ByteBuffer b = buf(len);
      b.putInt(type).putInt(len).put(body).putInt(len);
      out.writeBytes(b.array());
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private ByteBuffer buf(int n) {
      return ByteBuffer.allocate(n).order(order);
    }

    private static int pad(int n) {
      return (n + 3) & ~3;
    }
  }

  /** The shared corpus folder, or a skipped (or, when required, failed) test. */
  static Path corpus(String sub) {
    String prop = System.getProperty("mmsstack.corpus");
    Path dir = prop == null ? null : Paths.get(prop).resolve(sub);
    boolean present = dir != null && Files.isDirectory(dir);
    if (!present) {
      String msg =
          "corpus folder " + (dir == null ? "(mmsstack.corpus unset)" : dir) + " is absent";
      if ("1".equals(System.getenv("MMSSTACK_REQUIRE_CORPUS"))) {
        Assertions.fail(msg + " and MMSSTACK_REQUIRE_CORPUS=1");
      }
      Assumptions.assumeTrue(false, msg + "; corpus tests skipped");
    }
    return dir;
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> r = new ArrayList<>();
      s.filter(Files::isRegularFile).sorted().forEach(r::add);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
