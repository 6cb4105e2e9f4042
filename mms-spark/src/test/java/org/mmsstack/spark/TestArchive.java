package org.mmsstack.spark;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureWriter;

/**
 * Writes a small archive of captures from the shared corpus: HTTP in pcap, pcapng and gzip, the
 * same inside GTP-U, WSP pushes, MM4 over SMTP, a capture cut short, a file that is no capture,
 * and hidden files that listing skips.
 */
final class TestArchive {
  static final Instant T0 = Instant.parse("2026-05-06T07:08:09.123456789Z");
  private static final int MSS = 1400;

  /** The files written that are read (hidden ones excluded), relative to the archive root. */
  static final List<String> FILES =
      List.of(
          "gtpu.pcap",
          "http.pcap",
          "http.pcap.gz",
          "http.pcapng",
          "mm4.pcap",
          "notes.txt",
          "push.pcap",
          "sub/cut.pcap.gz");

  private TestArchive() {}

  static Path corpus(String sub) {
    String root = System.getProperty("mmsstack.corpus", "../../shared/corpus");
    return Path.of(root, sub);
  }

  static List<byte[]> corpusFiles(String sub, int maxSize) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(corpus(sub))) {
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        byte[] b = Files.readAllBytes(p);
        if (b.length > 0 && b.length <= maxSize) {
          out.add(b);
        }
      }
    }
    return out;
  }

  static void write(Path dir) throws IOException {
    List<byte[]> pdus = new ArrayList<>(corpusFiles("pdus", 200_000));
    pdus.addAll(corpusFiles("malformed", 200_000));
    InetSocketAddress phone = addr("10.0.0.1", 40_000);
    InetSocketAddress mmsc = addr("10.0.0.2", 80);
    List<byte[]> http = httpPackets(pdus, phone, mmsc);
    List<byte[]> ethernet = map(http);
    byte[] pcap = capture(CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, ethernet);
    Files.write(dir.resolve("http.pcap"), pcap);
    Files.write(
        dir.resolve("http.pcapng"),
        capture(CaptureWriter.Format.PCAPNG, ByteOrder.LITTLE_ENDIAN, ethernet));
    Files.write(dir.resolve("http.pcap.gz"), gzip(pcap));

    // The same traffic tunnelled between an eNodeB and a gateway (S1-U), IPv4 in GTP-U.
    InetSocketAddress enb = addr("172.16.0.1", CaptureReader.PORT_GTP_U);
    InetSocketAddress sgw = addr("172.16.0.2", CaptureReader.PORT_GTP_U);
    List<byte[]> gtp = new ArrayList<>();
    for (byte[] inner : httpPackets(pdus.subList(0, Math.min(20, pdus.size())), phone, mmsc)) {
      gtp.add(CaptureWriter.ethernet(CaptureWriter.udpPacket(enb, sgw, gtpU(inner))));
    }
    Files.write(
        dir.resolve("gtpu.pcap"),
        capture(CaptureWriter.Format.PCAP_NANOS, ByteOrder.BIG_ENDIAN, gtp));

    InetSocketAddress ppg = addr("10.0.0.9", 9200);
    InetSocketAddress handset = addr("10.0.0.1", CaptureReader.PORT_WAP_PUSH);
    List<byte[]> pushes = new ArrayList<>();
    for (byte[] push : corpusFiles("wsp-push", 60_000)) {
      pushes.add(CaptureWriter.udpFrame(ppg, handset, push));
    }
    Files.write(
        dir.resolve("push.pcap"), capture(CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, pushes));

    Files.write(dir.resolve("mm4.pcap"), smtp(corpusFiles("mm4", 200_000)));

    Path sub = Files.createDirectories(dir.resolve("sub"));
    byte[] gz = gzip(pcap);
    Files.write(sub.resolve("cut.pcap.gz"), Arrays.copyOf(gz, gz.length / 2));
    Files.writeString(
        dir.resolve("notes.txt"), "captures of 2026-05-06\n", StandardCharsets.US_ASCII);
    Files.write(dir.resolve(".partial.pcap"), pcap);
    Files.write(dir.resolve("_SUCCESS"), new byte[0]);
  }

  private static List<byte[]> map(List<byte[]> ip) {
    List<byte[]> out = new ArrayList<>(ip.size());
    for (byte[] p : ip) {
      out.add(CaptureWriter.ethernet(p));
    }
    return out;
  }

  static InetSocketAddress addr(String literal, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(literal), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** IP packets of one HTTP connection posting every PDU in its own request. */
  static List<byte[]> httpPackets(
      List<byte[]> pdus, InetSocketAddress client, InetSocketAddress server) {
    List<byte[]> packets = new ArrayList<>();
    long seq = 7000;
    packets.add(
        CaptureWriter.tcpPacket(client, server, seq - 1, 0, CaptureWriter.SYN, new byte[0]));
    for (byte[] pdu : pdus) {
      ByteArrayOutputStream req = new ByteArrayOutputStream();
      req.writeBytes(
          ascii(
              "POST /mms HTTP/1.1\r\nHost: mmsc\r\nContent-Type: "
                  + "application/vnd.wap.mms-message\r\nContent-Length: "
                  + pdu.length
                  + "\r\n\r\n"));
      req.writeBytes(pdu);
      byte[] r = req.toByteArray();
      for (int off = 0; off < r.length; off += MSS) {
        packets.add(
            CaptureWriter.tcpPacket(
                client,
                server,
                seq + off,
                1,
                CaptureWriter.ACK,
                Arrays.copyOfRange(r, off, Math.min(r.length, off + MSS))));
      }
      seq += r.length;
    }
    packets.add(
        CaptureWriter.tcpPacket(
            client, server, seq, 1, CaptureWriter.FIN | CaptureWriter.ACK, new byte[0]));
    return packets;
  }

  /** One SMTP session relaying every mail (CRLF line ends, dot-stuffed). */
  static byte[] smtp(List<byte[]> mails) {
    InetSocketAddress relay = addr("10.9.0.1", 41_000);
    InetSocketAddress mx = addr("10.9.0.2", CaptureReader.PORT_SMTP);
    ByteArrayOutputStream session = new ByteArrayOutputStream();
    session.writeBytes(ascii("EHLO relay.example.net\r\n"));
    for (byte[] mail : mails) {
      session.writeBytes(ascii("MAIL FROM:<a@example.net>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n"));
      session.writeBytes(dotStuff(crlf(mail)));
      session.writeBytes(ascii(".\r\n"));
    }
    session.writeBytes(ascii("QUIT\r\n"));
    byte[] s = session.toByteArray();
    long isn = 100;
    List<byte[]> frames = new ArrayList<>();
    frames.add(CaptureWriter.tcpFrame(relay, mx, isn, 0, CaptureWriter.SYN, new byte[0]));
    frames.add(
        CaptureWriter.tcpFrame(
            mx, relay, 900, isn + 1, CaptureWriter.SYN | CaptureWriter.ACK, new byte[0]));
    for (int off = 0; off < s.length; off += 700) {
      frames.add(
          CaptureWriter.tcpFrame(
              relay,
              mx,
              isn + 1 + off,
              901,
              CaptureWriter.ACK,
              Arrays.copyOfRange(s, off, Math.min(s.length, off + 700))));
    }
    frames.add(
        CaptureWriter.tcpFrame(
            relay,
            mx,
            isn + 1 + s.length,
            901,
            CaptureWriter.FIN | CaptureWriter.ACK,
            new byte[0]));
    return capture(CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, frames);
  }

  static byte[] capture(CaptureWriter.Format format, ByteOrder order, List<byte[]> frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CaptureWriter w = new CaptureWriter(out, format, CaptureWriter.LINKTYPE_ETHERNET, order)) {
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

  /** A GTP-U G-PDU (TS 29.281): version 1, PT 1, message type 255, TEID 0x1234. */
  static byte[] gtpU(byte[] inner) {
    ByteBuffer b = ByteBuffer.allocate(8 + inner.length);
    b.put((byte) 0x30).put((byte) 0xFF).putShort((short) inner.length).putInt(0x1234);
    return b.put(inner).array();
  }

  static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] crlf(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length; i++) {
      if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(text[i]);
    }
    if (text.length > 0 && text[text.length - 1] != '\n') {
      out.writeBytes(new byte[] {'\r', '\n'});
    }
    return out.toByteArray();
  }

  static byte[] dotStuff(byte[] mail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean lineStart = true;
    for (byte c : mail) {
      if (lineStart && c == '.') {
        out.write('.');
      }
      out.write(c);
      lineStart = c == '\n';
    }
    return out.toByteArray();
  }
}
