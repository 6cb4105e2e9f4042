package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmsstack.capture.TestCaptures.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures written from the corpus in every container and link variant read back as exactly the
 * corpus PDUs and mails, compared octet for octet with the files themselves.
 */
class CorpusCapturesTest {
  private static final int MSS = 1400;

  @TempDir Path dir;

  private static List<byte[]> corpusPdus() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Path p : files(corpus("pdus"))) {
      byte[] b = Files.readAllBytes(p);
      if (b.length > 0 && b.length < 200_000) {
        out.add(b);
      }
    }
    assertTrue(out.size() > 10, "corpus PDUs: " + out.size());
    return out;
  }

  /** IP packets of one HTTP connection posting every PDU in its own request. */
  private static List<byte[]> httpPackets(
      List<byte[]> pdus, InetSocketAddress client, InetSocketAddress server) {
    List<byte[]> packets = new ArrayList<>();
    long seq = 7000;
    packets.add(
        CaptureWriter.tcpPacket(client, server, seq - 1, 0, CaptureWriter.SYN, new byte[0]));
    for (byte[] pdu : pdus) {
      byte[] req = postRequest(pdu);
      for (int off = 0; off < req.length; off += MSS) {
        packets.add(
            CaptureWriter.tcpPacket(
                client,
                server,
                seq + off,
                1,
                CaptureWriter.ACK,
                slice(req, off, Math.min(req.length, off + MSS))));
      }
      seq += req.length;
    }
    packets.add(
        CaptureWriter.tcpPacket(
            client, server, seq, 1, CaptureWriter.FIN | CaptureWriter.ACK, new byte[0]));
    return packets;
  }

  private static byte[] write(
      CaptureWriter.Format format, ByteOrder order, int linkType, List<byte[]> frames) {
    return capture(format, order, linkType, frames);
  }

  private static void assertPdus(List<byte[]> expected, CaptureResult r, String what) {
    assertEquals(List.of(), r.findings(), what);
    assertEquals(expected.size(), r.pdus().size(), what);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), r.pdus().get(i).dataBytes(), what + " pdu " + i);
      assertEquals(CapturedPdu.Transport.HTTP, r.pdus().get(i).transport(), what);
    }
  }

  private static List<byte[]> map(List<byte[]> packets, Function<byte[], byte[]> link) {
    List<byte[]> out = new ArrayList<>();
    packets.forEach(p -> out.add(link.apply(p)));
    return out;
  }

  @Test
  void pcapInBothByteOrdersAndNanosecondsAndPcapngReadAsTheCorpus() throws IOException {
    List<byte[]> pdus = corpusPdus();
    List<byte[]> frames = map(httpPackets(pdus, PHONE, MMSC), CaptureWriter::ethernet);
    for (CaptureWriter.Format format : CaptureWriter.Format.values()) {
      for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
        byte[] cap = write(format, order, CaptureWriter.LINKTYPE_ETHERNET, frames);
        assertPdus(pdus, CaptureReader.read(cap), format + " " + order);
      }
    }
  }

  @Test
  void gzipCompressedCapturesAreReadFromPathAndStream() throws IOException {
    List<byte[]> pdus = corpusPdus();
    List<byte[]> frames = map(httpPackets(pdus, PHONE, MMSC), CaptureWriter::ethernet);
    for (CaptureWriter.Format format :
        List.of(CaptureWriter.Format.PCAP, CaptureWriter.Format.PCAPNG)) {
      byte[] gz = gzip(write(format, ByteOrder.LITTLE_ENDIAN, 1, frames));
      Path file = dir.resolve("trace-" + format + ".gz");
      Files.write(file, gz);
      CaptureResult fromPath = CaptureReader.read(file);
      assertPdus(pdus, fromPath, "gzip " + format);
      assertEquals(
          format == CaptureWriter.Format.PCAP ? CaptureFormat.PCAP : CaptureFormat.PCAPNG,
          fromPath.format());
      List<CapturedPdu> streamed = new ArrayList<>();
      CaptureResult fromStream =
          CaptureReader.read(new ByteArrayInputStream(gz), CaptureConfig.DEFAULT, streamed::add);
      assertEquals(List.of(), fromStream.pdus());
      assertEquals(fromPath.pdus(), streamed);
      assertEquals(CaptureFormat.GZIP, CaptureFormat.detect(gz));
      assertEquals(fromPath.pdus(), CaptureReader.extract(gz).pdus());
    }
  }

  @Test
  void aCutGzipCaptureGivesWhatCameBeforeTheCutAndAFinding() throws IOException {
    List<byte[]> pdus = corpusPdus();
    List<byte[]> frames = map(httpPackets(pdus, PHONE, MMSC), CaptureWriter::ethernet);
    byte[] gz = gzip(write(CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, 1, frames));
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    List<CapturedPdu> streamed = new ArrayList<>();
    CaptureResult r =
        CaptureReader.read(new ByteArrayInputStream(cut), CaptureConfig.DEFAULT, streamed::add);
    assertTrue(r.has(CaptureFindingCodes.TRUNCATED_CAPTURE), r.findings().toString());
    assertTrue(streamed.size() > 0 && streamed.size() < pdus.size(), "PDUs " + streamed.size());
    for (int i = 0; i < streamed.size(); i++) {
      assertArrayEquals(pdus.get(i), streamed.get(i).dataBytes(), "pdu " + i);
    }
    byte[] damaged = gz.clone();
    for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
      damaged[i] ^= 0x5A;
    }
    CaptureResult d = CaptureReader.read(damaged);
    assertTrue(
        d.has(CaptureFindingCodes.TRUNCATED_CAPTURE)
            || d.has(CaptureFindingCodes.MALFORMED_CAPTURE),
        d.findings().toString());
    assertThrows(CaptureFormatException.class, () -> CaptureReader.read(cut, CaptureConfig.STRICT));
  }

  @Test
  void pcapngWithSeveralInterfacesOfDifferentLinkTypes() throws IOException {
    List<byte[]> pdus = corpusPdus();
    List<byte[]> packets = httpPackets(pdus, PHONE, MMSC);
    TestCaptures.Pcapng ng =
        new TestCaptures.Pcapng()
            .section(ByteOrder.BIG_ENDIAN)
            .iface(1, 9, 0)
            .iface(101, 6, 0)
            .iface(276, 3, 0);
    long ts = 0;
    for (int i = 0; i < packets.size(); i++) {
      byte[] p = packets.get(i);
      switch (i % 3) {
        case 0 -> ng.epb(0, ts, CaptureWriter.ethernet(p));
        case 1 -> ng.epb(1, ts, p);
        default -> ng.epb(2, ts, sll2(p));
      }
      ts++;
    }
    assertPdus(pdus, CaptureReader.read(ng.bytes()), "pcapng interfaces");
  }

  @Test
  void vlanQinQAndLinuxCookedV1AndV2AndRawIp() throws IOException {
    List<byte[]> pdus = corpusPdus();
    List<byte[]> packets = httpPackets(pdus, PHONE, MMSC);
    assertPdus(
        pdus,
        CaptureReader.read(
            write(
                CaptureWriter.Format.PCAP,
                ByteOrder.BIG_ENDIAN,
                1,
                map(packets, CorpusCapturesTest::qinq))),
        "QinQ");
    assertPdus(
        pdus,
        CaptureReader.read(
            write(
                CaptureWriter.Format.PCAP,
                ByteOrder.BIG_ENDIAN,
                276,
                map(packets, CorpusCapturesTest::sll2))),
        "cooked v2");
    assertPdus(
        pdus,
        CaptureReader.read(
            write(
                CaptureWriter.Format.PCAP,
                ByteOrder.BIG_ENDIAN,
                113,
                map(
                    packets,
                    p -> concat(new byte[] {0, 4, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, 8, 0}, p)))),
        "cooked v1");
    assertPdus(
        pdus,
        CaptureReader.read(write(CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, 101, packets)),
        "raw IP");
  }

  @Test
  void gtpUTunnelsAreUnwrapped() throws IOException {
    List<byte[]> pdus = corpusPdus();
    InetSocketAddress enb = addr("192.0.2.1", CaptureReader.PORT_GTP_U);
    InetSocketAddress sgw = addr("192.0.2.2", CaptureReader.PORT_GTP_U);
    List<byte[]> frames = new ArrayList<>();
    int n = 0;
    for (byte[] inner : httpPackets(pdus, PHONE, MMSC)) {
      // Every other G-PDU carries a sequence number and a PDU session container extension.
      byte[] gtp = n++ % 2 == 0 ? gtpU(inner, false) : gtpU(inner, true);
      frames.add(CaptureWriter.ethernet(CaptureWriter.udpPacket(enb, sgw, gtp)));
    }
    CaptureResult r =
        CaptureReader.read(write(CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, 1, frames));
    assertPdus(pdus, r, "GTP-U");
    assertEquals(
        PHONE.getAddress().getHostAddress(), r.pdus().get(0).source().orElseThrow().host());
  }

  @Test
  void ipv6FragmentsAreReassembled() throws IOException {
    List<byte[]> pdus = corpusPdus();
    List<byte[]> frames = new ArrayList<>();
    int id = 1;
    for (byte[] p : httpPackets(pdus, addr("2001:db8::1", 40_000), addr("2001:db8::2", 80))) {
      for (byte[] frag : fragmentIpv6(p, 512, id++)) {
        frames.add(CaptureWriter.ethernet(frag));
      }
    }
    CaptureResult r =
        CaptureReader.read(write(CaptureWriter.Format.PCAPNG, ByteOrder.BIG_ENDIAN, 1, frames));
    assertPdus(pdus, r, "IPv6 fragments");
    assertEquals("[2001:db8:0:0:0:0:0:1]", r.pdus().get(0).source().orElseThrow().host());
  }

  @Test
  void mm4MailIsTakenFromSmtpDataAndDotUnstuffed() throws IOException {
    List<byte[]> mails = new ArrayList<>();
    for (Path p : files(corpus("mm4"))) {
      mails.add(crlf(Files.readAllBytes(p)));
    }
    InetSocketAddress relay = addr("10.9.0.1", 41_000);
    InetSocketAddress mx = addr("10.9.0.2", CaptureReader.PORT_SMTP);
    TestCaptures.Tcp t = new TestCaptures.Tcp(relay, mx, 100, 900);
    ByteArrayOutputStream session = new ByteArrayOutputStream();
    session.writeBytes(ascii("EHLO relay.example.net\r\n"));
    boolean anyDot = false;
    for (byte[] mail : mails) {
      session.writeBytes(ascii("MAIL FROM:<a@example.net>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n"));
      session.writeBytes(dotStuff(mail));
      anyDot |= dotStuff(mail).length != mail.length;
      session.writeBytes(ascii(".\r\n"));
    }
    session.writeBytes(ascii("QUIT\r\n"));
    byte[] s = session.toByteArray();
    List<byte[]> frames = new ArrayList<>(List.of(t.syn(), t.synAck()));
    for (int off = 0; off < s.length; off += 700) {
      frames.add(t.c(off, slice(s, off, Math.min(s.length, off + 700))));
    }
    frames.add(t.s(0, ascii("220 mx ESMTP\r\n")));
    frames.add(t.cFin(s.length));
    CaptureResult r = read(pcap(frames));
    assertTrue(anyDot, "the corpus mail has lines starting with a dot");
    assertEquals(List.of(), r.findings());
    assertEquals(mails.size(), r.pdus().size());
    for (int i = 0; i < mails.size(); i++) {
      CapturedPdu p = r.pdus().get(i);
      assertArrayEquals(mails.get(i), p.dataBytes(), "mail " + i);
      assertEquals(CapturedPdu.Transport.SMTP, p.transport());
      assertEquals(CapturedPdu.Kind.MM4_MAIL, p.kind());
      assertEquals(
          mx,
          new InetSocketAddress(
              p.destination().orElseThrow().host(), p.destination().orElseThrow().port()));
    }
    assertEquals(mails.size(), r.stats().smtpMails());
  }

  @Test
  void smtpSessionCutInsideDataIsAFinding() {
    InetSocketAddress relay = addr("10.9.0.1", 41_000);
    InetSocketAddress mx = addr("10.9.0.2", CaptureReader.PORT_SUBMISSION);
    TestCaptures.Tcp t = new TestCaptures.Tcp(relay, mx, 100, 900);
    byte[] s = ascii("EHLO x\r\nDATA\r\nX-Mms-Message-Type: MM4_forward.REQ\r\n\r\nhello\r\n");
    CaptureResult r = read(pcap(List.of(t.syn(), t.c(0, s))));
    assertTrue(r.has(CaptureFindingCodes.SMTP_INCOMPLETE), r.findings().toString());
    assertEquals(0, r.pdus().size());
  }

  // ---- writers of what CaptureWriter does not make ------------------------------------------

  static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] qinq(byte[] ip) {
    byte[] eth = CaptureWriter.ethernet(ip);
    return concat(
        slice(eth, 0, 12),
        new byte[] {(byte) 0x88, (byte) 0xA8, 0, 7, (byte) 0x81, 0, 0, 42},
        slice(eth, 12, eth.length));
  }

  static byte[] sll2(byte[] ip) {
    int type = (ip[0] & 0xF0) == 0x60 ? 0x86DD : 0x0800;
    return concat(
        new byte[] {
          (byte) (type >> 8), (byte) type, 0, 0, 0, 0, 0, 3, 0, 1, 4, 6, 2, 0, 0, 0, 0, 9, 0, 0
        },
        ip);
  }

  /** A GTP-U G-PDU (TS 29.281): version 1, PT 1, TEID 0x1234, optionally S and E with one extension. */
  static byte[] gtpU(byte[] inner, boolean optional) {
    ByteBuffer b = ByteBuffer.allocate(8 + (optional ? 8 : 0) + inner.length);
    b.put((byte) (optional ? 0x36 : 0x30))
        .put((byte) 0xFF)
        .putShort((short) (b.capacity() - 8))
        .putInt(0x1234);
    if (optional) {
      b.putShort((short) 77).put((byte) 0).put((byte) 0x85); // sequence, N-PDU, next: container
      b.put((byte) 1).put((byte) 0x10).put((byte) 9).put((byte) 0); // length 1, QFI 9, no next
    }
    return b.put(inner).array();
  }

  /** Splits an IPv6 packet's payload into fragments of at most {@code size} octets (RFC 8200 §4.5). */
  static List<byte[]> fragmentIpv6(byte[] packet, int size, int id) {
    int step = size & ~7;
    byte[] payload = slice(packet, 40, packet.length);
    List<byte[]> out = new ArrayList<>();
    for (int off = 0; off < payload.length; off += step) {
      int n = Math.min(step, payload.length - off);
      ByteBuffer b = ByteBuffer.allocate(48 + n);
      b.put(packet, 0, 40);
      b.putShort(4, (short) (8 + n));
      b.put(6, (byte) 44);
      b.position(40);
      b.put(packet[6])
          .put((byte) 0)
          .putShort((short) (off | (off + n < payload.length ? 1 : 0)))
          .putInt(id)
          .put(payload, off, n);
      out.add(b.array());
    }
    return out;
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
