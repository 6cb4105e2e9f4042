package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmsstack.capture.TestCaptures.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.RawValue;

class CaptureReaderTest {

  @Test
  void manyInterleavedClientsKeepTheirOwnEndpoints() {
    // More hosts and connections than the decoder's tables of recent addresses and endpoints
    // hold, interleaved, so that slots are overwritten while their connections are still open.
    int n = 3000;
    List<Tcp> flows = new ArrayList<>();
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Tcp t = new Tcp(addr("10." + (i >> 8) + "." + (i & 0xFF) + ".7", 1024 + i), MMSC, i, 9);
      flows.add(t);
      frames.add(t.syn());
    }
    for (int i = 0; i < n; i++) {
      frames.add(flows.get(i).c(0, postRequest(pdu(0x80, 40, i))));
    }
    CaptureResult r = read(pcap(frames));
    assertEquals(n, r.pdus().size());
    for (int i = 0; i < n; i++) {
      CapturedPdu p = r.pdus().get(i);
      Endpoint src = p.source().orElseThrow();
      assertEquals(new Endpoint("10." + (i >> 8) + "." + (i & 0xFF) + ".7", 1024 + i), src);
      assertEquals(new Endpoint("10.0.0.2", 80), p.destination().orElseThrow());
      assertArrayEquals(pdu(0x80, 40, i), p.dataBytes());
    }
  }

  @Test
  void digitsAreCheckedWithoutARegularExpression() {
    assertTrue(HttpStreamParser.digits("200", 3, 3, false));
    assertFalse(HttpStreamParser.digits("20", 3, 3, false));
    assertFalse(HttpStreamParser.digits("2000", 3, 3, false));
    assertFalse(HttpStreamParser.digits("2a0", 3, 3, false));
    assertTrue(HttpStreamParser.digits("1fA0", 1, 15, true));
    assertFalse(HttpStreamParser.digits("1fA0", 1, 15, false));
    assertFalse(HttpStreamParser.digits("", 1, 15, true));
    assertFalse(HttpStreamParser.digits("g", 1, 15, true));
    assertFalse(HttpStreamParser.digits("+1", 1, 18, false));
    assertFalse(HttpStreamParser.digits("\u0661", 1, 18, false)); // Arabic-Indic one: not [0-9]
  }

  @Test
  void reassemblesPostSplitOutOfOrderWithRetransmission() {
    byte[] sendReq = pdu(0x80, 3000, 1);
    byte[] req = postRequest(sendReq);
    Tcp t = new Tcp(PHONE, MMSC, 1000, 5000);
    int a = 700;
    int b = 1900;
    List<byte[]> frames = new ArrayList<>();
    frames.add(t.syn()); // 1
    frames.add(t.synAck()); // 2
    frames.add(t.c(0, slice(req, 0, a))); // 3
    frames.add(t.c(b, slice(req, b, req.length))); // 4: out of order
    frames.add(t.c(0, slice(req, 0, a))); // 5: retransmission
    frames.add(t.c(a - 100, slice(req, a - 100, b + 50))); // 6: overlaps both sides; completes
    byte[] resp = okResponse(pdu(0x81, 40, 2));
    frames.add(t.s(0, resp)); // 7
    frames.add(t.cFin(req.length)); // 8
    frames.add(t.sFin(resp.length)); // 9
    CaptureResult r = read(pcap(frames));
    assertEquals(List.of(), r.findings());
    assertEquals(2, r.pdus().size());
    CapturedPdu p = r.pdus().get(0);
    assertArrayEquals(sendReq, p.dataBytes());
    assertEquals(6, p.frame());
    assertEquals(
        Optional.of(Instant.parse("2024-05-06T07:08:09.128456Z")), p.timestamp()); // microseconds
    assertEquals(CapturedPdu.Transport.HTTP, p.transport());
    assertEquals("HTTP POST /mms 10.0.0.1:40000 -> 10.0.0.2:80", p.description());
    CapturedPdu conf = r.pdus().get(1);
    assertEquals(CapturedPdu.Transport.HTTP, conf.transport());
    assertEquals(
        "HTTP 200 response to POST /mms 10.0.0.2:80 -> 10.0.0.1:40000", conf.description());
    assertEquals(7, conf.frame());
    assertEquals(1, r.stats().tcpConnections());
    assertEquals(2, r.stats().httpMessages());
  }

  @Test
  void decodesChunkedResponseWithTrailers() {
    byte[] conf = pdu(0x84, 500, 3);
    byte[] head =
        ascii(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: Application/VND.WAP.MMS-Message; charset=binary\r\n\r\n");
    byte[] body =
        concat(
            ascii("64;ext=1\r\n"),
            slice(conf, 0, 100),
            ascii("\r\n"),
            ascii("190\r\n"),
            slice(conf, 100, 500),
            ascii("\r\n"),
            ascii("0\r\nX-Trailer: yes\r\nX-Other: 2\r\n\r\n"));
    byte[] resp = concat(head, body);
    byte[] get = ascii("GET /mms/abc?x=1 HTTP/1.1\r\nHost: mmsc\r\n\r\n");
    Tcp t = new Tcp(PHONE, MMSC, 0xFFFFFF00L, 77);
    List<byte[]> frames = new ArrayList<>();
    frames.add(t.syn());
    frames.add(t.synAck());
    frames.add(t.c(0, get));
    // one segment per 37 octets so that chunk lines are split everywhere
    for (int off = 0; off < resp.length; off += 37) {
      frames.add(t.s(off, slice(resp, off, Math.min(resp.length, off + 37))));
    }
    CaptureResult r = read(pcap(frames));
    assertEquals(List.of(), r.findings());
    assertEquals(1, r.pdus().size());
    assertArrayEquals(conf, r.pdus().get(0).dataBytes());
    assertEquals(
        "HTTP 200 response to GET /mms/abc?x=1 10.0.0.2:80 -> 10.0.0.1:40000",
        r.pdus().get(0).description());
    assertEquals(frames.size(), r.pdus().get(0).frame());
  }

  @Test
  void keepAliveConnectionCarriesTwoPdusAndSkipsOtherBodies() {
    byte[] one = pdu(0x84, 900, 4);
    byte[] two = pdu(0x84, 1200, 5);
    byte[] requests =
        concat(
            ascii("GET /mms/1 HTTP/1.1\r\nHost: m\r\n\r\n"),
            ascii("HEAD /mms/2 HTTP/1.1\r\nHost: m\r\n\r\n"),
            ascii("GET /favicon.ico HTTP/1.1\r\nHost: m\r\n\r\n"),
            ascii("GET /mms/2 HTTP/1.1\r\nHost: m\r\n\r\n"),
            ascii("GET /mms/3 HTTP/1.1\r\nHost: m\r\n\r\n"));
    byte[] responses =
        concat(
            okResponse(one),
            // a HEAD response announces a length but has no body
            ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.wap.mms-message\r\n"
                    + "Content-Length: 1200\r\n\r\n"),
            ascii("HTTP/1.1 200 OK\r\nContent-Type: image/x-icon\r\nContent-Length: 4\r\n\r\nICON"),
            okResponse(two),
            ascii(
                "HTTP/1.1 304 Not Modified\r\nContent-Type: application/vnd.wap.mms-message\r\n"
                    + "\r\n"));
    Tcp t = new Tcp(PHONE, MMSC, 10, 20);
    List<byte[]> frames =
        List.of(
            t.syn(),
            t.synAck(),
            t.c(0, requests),
            t.s(0, responses),
            t.cFin(requests.length),
            t.sFin(responses.length));
    CaptureResult r = read(pcap(frames));
    assertEquals(List.of(), r.findings());
    List<CapturedPdu> mms = new ArrayList<>();
    for (CapturedPdu p : r.pdus()) {
      if (p.dataSize() > 0) {
        mms.add(p);
      }
    }
    assertEquals(2, mms.size());
    assertArrayEquals(one, mms.get(0).dataBytes());
    assertArrayEquals(two, mms.get(1).dataBytes());
    assertEquals(
        "HTTP 200 response to GET /mms/2 10.0.0.2:80 -> 10.0.0.1:40000", mms.get(1).description());
    assertEquals(1, r.stats().nonMmsHttpBodies());
    assertEquals(10, r.stats().httpMessages());
  }

  @Test
  void responseDelimitedByCloseIsTakenAtFin() {
    byte[] conf = pdu(0x84, 300, 6);
    byte[] resp =
        concat(
            ascii("HTTP/1.0 200 OK\r\nContent-Type: application/vnd.wap.mms-message" + "\r\n\r\n"),
            conf);
    byte[] get = ascii("GET /x HTTP/1.0\r\n\r\n");
    Tcp t = new Tcp(PHONE, MMSC, 1, 2);
    CaptureResult r =
        read(
            pcap(
                List.of(
                    t.syn(),
                    t.synAck(),
                    t.c(0, get),
                    t.s(0, resp),
                    t.sFin(resp.length),
                    t.cFin(get.length))));
    assertEquals(List.of(), r.findings());
    assertArrayEquals(conf, r.pdus().get(0).dataBytes());
    assertEquals(5, r.pdus().get(0).frame());
  }

  @Test
  void wapPushOn2948AndWspOn9200() {
    byte[] ind = pdu(0x82, 80, 7);
    byte[] deliv = pdu(0x86, 60, 8);
    List<byte[]> frames =
        List.of(
            CaptureWriter.udpFrame(PPG, PHONE_PUSH, wspPush(5, ind)),
            CaptureWriter.udpFrame(
                addr("10.0.0.9", 1234), addr("10.0.0.1", 9200), wspPush(6, deliv)),
            CaptureWriter.udpFrame(
                addr("10.0.0.9", 1234),
                addr("10.0.0.1", 9200),
                new byte[] {7, 0x04, 0x20, 0x01, (byte) 0x83}), // a WSP Reply: counted only
            CaptureWriter.udpFrame(addr("10.0.0.9", 53), addr("10.0.0.1", 53), new byte[12]));
    CaptureResult r = read(pcap(frames));
    assertEquals(List.of(), r.findings());
    assertEquals(2, r.pdus().size());
    CapturedPdu p = r.pdus().get(0);
    assertArrayEquals(ind, p.dataBytes());
    assertEquals(CapturedPdu.Transport.WSP, p.transport());
    assertEquals("WSP Push tid 5 udp 10.0.0.9:9200 -> 10.0.0.1:2948", p.description());
    WspPush push = p.push().orElseThrow();
    assertEquals(5, push.tid());
    assertEquals(WspPush.PUSH, push.pduType());
    assertEquals(
        List.of(PartHeader.raw(0x2F, RawValue.of(new byte[] {(byte) 0x84}))), push.headers());
    assertEquals(MediaType.MMS_MESSAGE, push.contentType().mediaType());
    assertArrayEquals(deliv, r.pdus().get(1).dataBytes());
    assertEquals(2, r.pdus().get(1).frame());
    assertEquals(3, r.stats().wspPdus());
    assertEquals(1, r.stats().nonMmsWspPdus());
  }

  @ParameterizedTest
  @EnumSource(CaptureWriter.Format.class)
  void readsEveryFormatInBothByteOrders(CaptureWriter.Format format) {
    for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
      byte[] ind = pdu(0x82, 50, 9);
      byte[] cap =
          capture(
              format, order, 1, List.of(CaptureWriter.udpFrame(PPG, PHONE_PUSH, wspPush(1, ind))));
      CaptureResult r = read(cap);
      assertEquals(
          format == CaptureWriter.Format.PCAPNG ? CaptureFormat.PCAPNG : CaptureFormat.PCAP,
          r.format());
      assertEquals(List.of(), r.findings(), format + " " + order);
      assertArrayEquals(ind, r.pdus().get(0).dataBytes());
      Instant expected =
          format == CaptureWriter.Format.PCAP ? Instant.parse("2024-05-06T07:08:09.123456Z") : T0;
      assertEquals(Optional.of(expected), r.pdus().get(0).timestamp(), format + " " + order);
    }
  }

  @Test
  void pcapngSectionsInterfacesAndBlockKinds() {
    byte[] a = pdu(0x82, 40, 10);
    byte[] b = pdu(0x86, 41, 11);
    byte[] c = pdu(0x88, 42, 12);
    byte[] d = pdu(0x82, 43, 13);
    byte[] ipA = CaptureWriter.udpPacket(PPG, PHONE_PUSH, wspPush(1, a));
    byte[] ipB = CaptureWriter.udpPacket(PPG, PHONE_PUSH, wspPush(2, b));
    byte[] ipC = CaptureWriter.udpPacket(PPG, PHONE_PUSH, wspPush(3, c));
    byte[] ipD = CaptureWriter.udpPacket(PPG, PHONE_PUSH, wspPush(4, d));
    byte[] file =
        new Pcapng()
            .section(ByteOrder.LITTLE_ENDIAN)
            .iface(1, -1, 0) // interface 0: Ethernet, microseconds
            .iface(101, 0x80 | 10, 0) // interface 1: raw IP, 2^-10 s
            .unknown(0x0BAD, 10) // skipped
            .spb(CaptureWriter.ethernet(ipA)) // frame 1 on interface 0, no time
            .epb(1, 3L << 10 | 512, ipB) // frame 2: 3.5 s
            .section(ByteOrder.BIG_ENDIAN)
            .iface(228, 3, 1_000_000) // raw IPv4, milliseconds, offset 1e6 s
            .opb(0, 1500, ipC) // frame 3
            .epb(5, 0, ipD) // frame 4: undefined interface
            .bytes();
    CaptureResult r = read(file);
    assertEquals(3, r.pdus().size());
    assertEquals(Optional.empty(), r.pdus().get(0).timestamp()); // a Simple Packet Block
    assertEquals(1, r.pdus().get(0).frame());
    assertEquals(Optional.of(Instant.ofEpochSecond(3, 500_000_000)), r.pdus().get(1).timestamp());
    assertEquals(
        Optional.of(Instant.ofEpochSecond(1_000_001, 500_000_000)), r.pdus().get(2).timestamp());
    assertArrayEquals(c, r.pdus().get(2).dataBytes());
    assertEquals(4, r.stats().frames());
    assertEquals(1, r.findings().size());
    assertEquals(CaptureFindingCodes.MALFORMED_CAPTURE, r.findings().get(0).code());
    assertTrue(r.findings().get(0).message().startsWith("frame 4:"), r.findings().toString());
  }

  @Test
  void decodesEveryLinkType() {
    byte[] ind = pdu(0x82, 30, 14);
    byte[] ip4 = CaptureWriter.udpPacket(PPG, PHONE_PUSH, wspPush(1, ind));
    byte[] ip6 =
        CaptureWriter.udpPacket(
            addr("2001:db8::9", 9200), addr("2001:db8::1", 2948), wspPush(1, ind));
    byte[] eth = CaptureWriter.ethernet(ip4);
    byte[] vlan =
        concat(
            slice(eth, 0, 12),
            new byte[] {(byte) 0x88, (byte) 0xA8, 0, 1, (byte) 0x81, 0, 0, 2},
            slice(eth, 12, eth.length));
    byte[] sll =
        concat(
            new byte[] {0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, (byte) 0x86, (byte) 0xDD}, ip6);
    byte[] sll2 =
        concat(new byte[] {8, 0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0}, ip4);
    byte[] nullLe = concat(new byte[] {2, 0, 0, 0}, ip4);
    byte[] nullBe = concat(new byte[] {0, 0, 0, 30}, ip6);
    Object[][] cases = {
      {1, vlan},
      {113, sll},
      {276, sll2},
      {101, ip6},
      {12, ip4},
      {14, ip6},
      {0, nullLe},
      {0, nullBe},
      {229, ip6},
    };
    for (Object[] c : cases) {
      CaptureResult r =
          read(
              capture(
                  CaptureWriter.Format.PCAP,
                  ByteOrder.LITTLE_ENDIAN,
                  (Integer) c[0],
                  List.of((byte[]) c[1])));
      assertEquals(List.of(), r.findings(), "link type " + c[0]);
      assertEquals(1, r.pdus().size(), "link type " + c[0]);
      assertArrayEquals(ind, r.pdus().get(0).dataBytes(), "link type " + c[0]);
    }
    CaptureResult r =
        read(capture(CaptureWriter.Format.PCAP, ByteOrder.BIG_ENDIAN, 127, List.of(ip4, ip4)));
    assertEquals(1, r.findings().size());
    assertEquals(CaptureFindingCodes.UNSUPPORTED_LINK_TYPE, r.findings().get(0).code());
    assertEquals(2, r.stats().undecodedFrames());
  }

  @Test
  void skipsIpv6ExtensionHeadersAndReassemblesFragments() {
    byte[] ind = pdu(0x82, 3000, 15);
    byte[] push = wspPush(9, ind);
    byte[] ip4 = CaptureWriter.udpPacket(PPG, PHONE_PUSH, push);
    List<byte[]> frags = CaptureWriter.fragmentIpv4(ip4, 1000);
    assertEquals(4, frags.size());
    List<byte[]> frames = new ArrayList<>();
    frames.add(CaptureWriter.ethernet(frags.get(2)));
    frames.add(CaptureWriter.ethernet(frags.get(0)));
    frames.add(CaptureWriter.ethernet(frags.get(3)));
    frames.add(CaptureWriter.ethernet(frags.get(1)));
    // IPv6: hop-by-hop options, destination options and a fragment header split in two
    byte[] udp6 =
        CaptureWriter.udpPacket(addr("2001:db8::9", 9200), addr("2001:db8::1", 2948), push);
    byte[] l4 = slice(udp6, 40, udp6.length);
    int cut = 1456;
    byte[] hbh = {60, 0, 1, 4, 0, 0, 0, 0};
    byte[] dst = {44, 0, 1, 4, 0, 0, 0, 0};
    for (int i = 0; i < 2; i++) {
      byte[] part = i == 0 ? slice(l4, 0, cut) : slice(l4, cut, l4.length);
      int off = i == 0 ? 0 : cut;
      byte[] frag = {
        17, 0, (byte) (off >> 8), (byte) ((off & 0xF8) | (i == 0 ? 1 : 0)), 0, 0, 0, 42
      };
      byte[] payload = concat(hbh, dst, frag, part);
      byte[] hdr = slice(udp6, 0, 40);
      hdr[4] = (byte) (payload.length >> 8);
      hdr[5] = (byte) payload.length;
      hdr[6] = 0; // hop-by-hop first
      frames.add(CaptureWriter.ethernet(concat(hdr, payload)));
    }
    CaptureResult r = read(pcap(frames));
    assertEquals(List.of(), r.findings());
    assertEquals(2, r.pdus().size());
    assertArrayEquals(ind, r.pdus().get(0).dataBytes());
    assertEquals(4, r.pdus().get(0).frame());
    assertArrayEquals(ind, r.pdus().get(1).dataBytes());
    assertTrue(r.pdus().get(1).description().contains("[2001:db8:0:0:0:0:0:9]:9200"));
  }

  @Test
  void reportsFragmentsThatNeverComplete() {
    byte[] ip4 = CaptureWriter.udpPacket(PPG, PHONE_PUSH, wspPush(1, pdu(0x82, 2000, 16)));
    List<byte[]> frags = CaptureWriter.fragmentIpv4(ip4, 800);
    CaptureResult r =
        read(
            pcap(
                List.of(
                    CaptureWriter.ethernet(frags.get(0)), CaptureWriter.ethernet(frags.get(2)))));
    assertEquals(0, r.pdus().size());
    assertTrue(r.has(CaptureFindingCodes.IP_FRAGMENTS_INCOMPLETE));
  }

  @Test
  void sequenceNumbersWrapAround() {
    byte[] sendReq = pdu(0x80, 2000, 17);
    byte[] req = postRequest(sendReq);
    Tcp t = new Tcp(PHONE, MMSC, 0xFFFFFFFFL - 500, 0);
    List<byte[]> frames = new ArrayList<>();
    frames.add(t.syn());
    for (int off = req.length - (req.length % 300); off >= 0; off -= 300) {
      frames.add(t.c(off, slice(req, off, Math.min(req.length, off + 300)))); // reversed order
    }
    CaptureResult r = read(pcap(frames));
    assertEquals(List.of(), r.findings());
    assertArrayEquals(sendReq, r.pdus().get(0).dataBytes());
  }

  @Test
  void midStreamCaptureWithoutHandshake() {
    byte[] conf = pdu(0x84, 100, 18);
    Tcp t = new Tcp(PHONE, MMSC, 123456, 654321);
    CaptureResult r =
        read(pcap(List.of(t.c(0, ascii("GET /a HTTP/1.1\r\n\r\n")), t.s(0, okResponse(conf)))));
    assertEquals(List.of(), r.findings());
    assertArrayEquals(conf, r.pdus().get(0).dataBytes());
  }

  @Test
  void streamLimitDropsTheStreamWithAFinding() throws CaptureFormatException {
    byte[] big = pdu(0x80, 20_000, 19);
    byte[] req = postRequest(big);
    Tcp t = new Tcp(PHONE, MMSC, 0, 0);
    List<byte[]> frames = new ArrayList<>();
    frames.add(t.syn());
    for (int off = 0; off < req.length; off += 1000) {
      frames.add(t.c(off, slice(req, off, Math.min(req.length, off + 1000))));
    }
    CaptureConfig small = CaptureConfig.DEFAULT.toBuilder().maxStreamBytes(8192).build();
    CaptureResult r = CaptureReader.read(pcap(frames), small);
    assertEquals(0, r.pdus().size());
    assertTrue(r.has(CaptureFindingCodes.STREAM_LIMIT_EXCEEDED));
    // Out-of-order data beyond the limit is refused too, before it is buffered.
    List<byte[]> reversed = new ArrayList<>(frames.subList(1, frames.size()));
    java.util.Collections.reverse(reversed);
    reversed.add(0, t.syn());
    r = CaptureReader.read(pcap(reversed), small);
    assertTrue(r.has(CaptureFindingCodes.STREAM_LIMIT_EXCEEDED));
    CaptureConfig total = CaptureConfig.DEFAULT.toBuilder().maxTotalStreamBytes(4096).build();
    r = CaptureReader.read(pcap(reversed), total);
    assertTrue(r.has(CaptureFindingCodes.STREAM_LIMIT_EXCEEDED));
  }

  @Test
  void gapAndUnfinishedBodiesAreFindings() {
    byte[] sendReq = pdu(0x80, 2000, 20);
    byte[] req = postRequest(sendReq);
    Tcp t = new Tcp(PHONE, MMSC, 0, 0);
    CaptureResult r =
        read(
            pcap(
                List.of(
                    t.syn(), t.c(0, slice(req, 0, 500)), t.c(1000, slice(req, 1000, req.length)))));
    assertEquals(0, r.pdus().size());
    assertTrue(r.has(CaptureFindingCodes.TCP_GAP));
    assertTrue(r.has(CaptureFindingCodes.HTTP_INCOMPLETE));
  }

  @Test
  void strictReadingStopsAtTheFirstErrorNamingItsOffset() {
    byte[] sendReq = pdu(0x80, 2000, 20);
    byte[] req = postRequest(sendReq);
    Tcp t = new Tcp(PHONE, MMSC, 0, 0);
    byte[] cap =
        pcap(List.of(t.syn(), t.c(0, slice(req, 0, 500)), t.c(1000, slice(req, 1000, req.length))));
    CaptureResult lenient = read(cap);
    CaptureFormatException e =
        assertThrows(
            CaptureFormatException.class, () -> CaptureReader.read(cap, CaptureConfig.STRICT));
    assertEquals(CaptureFormatException.Reason.STRICT_FINDING, e.reason());
    assertEquals("strict-finding", e.reason().code());
    for (CaptureFormatException.Reason r : CaptureFormatException.Reason.values()) {
      assertEquals(Optional.of(r), CaptureFormatException.Reason.fromCode(r.code()));
    }
    assertEquals(Optional.empty(), CaptureFormatException.Reason.fromCode("STRICT_FINDING"));
    assertEquals(lenient.findings().get(0), e.finding().orElseThrow());
    assertEquals(lenient.findings().get(0).offset(), e.offset());
    // A warning does not stop a strict read.
    byte[] push = concat(new byte[] {1, 0x06, 0x00, (byte) 0xBE}, pdu(0x82, 30, 2));
    assertEquals(
        1,
        assertDoesNotThrow(() -> CaptureReader.extract(push, CaptureConfig.STRICT)).pdus().size());
  }

  @Test
  void configBuilderNamesTheSettingItRefuses() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CaptureConfig.builder().maxStreamBytes(0));
    assertTrue(e.getMessage().startsWith("maxStreamBytes: 0"), e.getMessage());
    assertEquals(CaptureConfig.DEFAULT, CaptureConfig.DEFAULT.toBuilder().build());
    assertTrue(CaptureConfig.STRICT.strict());
    assertFalse(CaptureConfig.LENIENT.strict());
  }

  @Test
  void nonHttpStreamsAreCountedNotReported() {
    Tcp t = new Tcp(PHONE, addr("10.0.0.2", 443), 0, 0);
    CaptureResult r =
        read(pcap(List.of(t.syn(), t.c(0, new byte[] {0x16, 3, 1, 0, 5, 1, 2, 3, 4, 5}))));
    assertEquals(List.of(), r.findings());
    assertEquals(1, r.stats().nonHttpStreams());
    // a text protocol on a port that is not SMTP's is not HTTP either, and not a problem
    Tcp other = new Tcp(PHONE, addr("10.0.0.2", 2525), 0, 0);
    byte[] hello = ascii("EHLO mms.example.net\r\nMAIL FROM:<a@b>\r\n");
    r = read(pcap(List.of(other.syn(), other.c(0, hello), other.cFin(hello.length))));
    assertEquals(List.of(), r.findings());
    assertEquals(1, r.stats().nonHttpStreams());
    // on port 25 it is SMTP: a session without DATA yields nothing and no finding
    Tcp smtp = new Tcp(PHONE, addr("10.0.0.2", 25), 0, 0);
    r = read(pcap(List.of(smtp.syn(), smtp.c(0, hello), smtp.cFin(hello.length))));
    assertEquals(List.of(), r.findings());
    assertEquals(0, r.stats().nonHttpStreams());
    assertEquals(0, r.stats().smtpMails());
  }

  @Test
  void malformedHttpIsAFinding() {
    Tcp t = new Tcp(PHONE, MMSC, 0, 0);
    byte[] bad =
        ascii("POST /mms HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n" + "hello!");
    CaptureResult r = read(pcap(List.of(t.syn(), t.c(0, bad))));
    assertTrue(r.has(CaptureFindingCodes.HTTP_MALFORMED));
  }

  @Test
  void contentEncodingIsReported() {
    byte[] body = pdu(0x84, 10, 21);
    byte[] resp =
        concat(
            ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.wap.mms-message"
                    + "\r\nContent-Encoding: gzip\r\nContent-Length: 10\r\n\r\n"),
            body);
    Tcp t = new Tcp(PHONE, MMSC, 0, 0);
    CaptureResult r = read(pcap(List.of(t.s(0, resp))));
    assertTrue(r.has(CaptureFindingCodes.HTTP_CONTENT_ENCODING));
    assertEquals(1, r.pdus().size());
    assertEquals(
        "HTTP 200 response to an unseen request 10.0.0.2:80 -> 10.0.0.1:40000",
        r.pdus().get(0).description());
  }

  @Test
  void connectionReuseAfterCloseStartsANewStream() {
    byte[] one = pdu(0x80, 100, 22);
    byte[] two = pdu(0x80, 120, 23);
    Tcp a = new Tcp(PHONE, MMSC, 1000, 2000);
    Tcp b = new Tcp(PHONE, MMSC, 900_000, 800_000);
    byte[] r1 = postRequest(one);
    byte[] r2 = postRequest(two);
    CaptureResult r =
        read(
            pcap(
                List.of(
                    a.syn(),
                    a.synAck(),
                    a.c(0, r1),
                    a.cFin(r1.length),
                    b.syn(),
                    b.synAck(),
                    b.c(0, r2),
                    b.cFin(r2.length))));
    assertEquals(List.of(), r.findings());
    assertEquals(2, r.pdus().size());
    assertArrayEquals(two, r.pdus().get(1).dataBytes());
    assertEquals(2, r.stats().tcpConnections());
  }

  @Test
  void rejectsWhatIsNotACapture() {
    CaptureFormatException e =
        assertThrows(
            CaptureFormatException.class, () -> CaptureReader.read(ascii("hello world, not pcap")));
    assertEquals(CaptureFormatException.Reason.NOT_A_CAPTURE, e.reason());
    // The code a lenient listing reports for such a file is the reason's, and a listed code.
    assertEquals(CaptureFindingCodes.NOT_A_CAPTURE, e.reason().code());
    assertThrows(CaptureFormatException.class, () -> CaptureReader.read(new byte[3]));
    assertThrows(
        CaptureFormatException.class, () -> CaptureReader.extract(new byte[] {1, 2, 3, 4, 5}));
  }

  @Test
  void extractHandlesRawPduPushFileAndHex() throws CaptureFormatException {
    byte[] ind = pdu(0x82, 20, 24);
    CaptureResult raw = CaptureReader.extract(ind);
    assertEquals(CaptureFormat.MMS_PDU, raw.format());
    assertArrayEquals(ind, raw.pdus().get(0).dataBytes());
    assertEquals(CapturedPdu.Transport.NONE, raw.pdus().get(0).transport());
    CaptureResult push = CaptureReader.extract(wspPush(3, ind));
    assertEquals(CaptureFormat.WSP_PUSH, push.format());
    assertEquals(CapturedPdu.Transport.WSP, push.pdus().get(0).transport());
    assertArrayEquals(ind, push.pdus().get(0).dataBytes());
    StringBuilder hex = new StringBuilder();
    for (byte b : wspPush(3, ind)) {
      hex.append(String.format("%02x ", b));
    }
    CaptureResult fromHex = CaptureReader.extract(ascii(hex.toString()));
    assertEquals(CaptureFormat.WSP_PUSH, fromHex.format());
    assertArrayEquals(ind, fromHex.pdus().get(0).dataBytes());
  }

  @Test
  void capturedPduIsImmutable() {
    byte[] b = {(byte) 0x8C, (byte) 0x80};
    CapturedPdu p =
        new CapturedPdu(
            1,
            Optional.of(Instant.EPOCH),
            CapturedPdu.Transport.NONE,
            CapturedPdu.Kind.MMS_PDU,
            Optional.empty(),
            Optional.empty(),
            "x",
            0,
            b,
            Optional.empty());
    b[0] = 0;
    assertEquals((byte) 0x8C, p.dataBytes()[0]);
    p.dataBytes()[1] = 0;
    assertEquals((byte) 0x80, p.dataBytes()[1]);
    assertEquals(b.length, p.dataSize());
    assertTrue(p.data().isReadOnly());
    assertEquals(ByteBuffer.wrap(p.dataBytes()), p.data());
    assertEquals(
        p,
        new CapturedPdu(
            1,
            Optional.of(Instant.EPOCH),
            CapturedPdu.Transport.NONE,
            CapturedPdu.Kind.MMS_PDU,
            Optional.empty(),
            Optional.empty(),
            "x",
            0,
            new byte[] {(byte) 0x8C, (byte) 0x80},
            Optional.empty()));
    assertFalse(p.toString().isEmpty());
    // A frame captured at the epoch has a time; one without a time is not equal to it.
    assertEquals(Optional.of(Instant.EPOCH), p.timestamp());
    CapturedPdu untimed =
        new CapturedPdu(
            1,
            Optional.empty(),
            CapturedPdu.Transport.NONE,
            CapturedPdu.Kind.MMS_PDU,
            Optional.empty(),
            Optional.empty(),
            "x",
            0,
            b,
            Optional.empty());
    assertEquals(Optional.empty(), untimed.timestamp());
    assertFalse(untimed.equals(p));
  }

  /** A push given to the public constructor must be where the PDU came from. */
  @Test
  void capturedPduWithAPushIsThePushsPdu() {
    byte[] pdu = {(byte) 0x8C, (byte) 0x82, (byte) 0x98, 'T', 0};
    WspPush push = WspPush.mms(1, pdu);
    CapturedPdu ok = pushed(CapturedPdu.Transport.WSP, CapturedPdu.Kind.MMS_PDU, pdu, push);
    assertEquals(Optional.of(push), ok.push());
    for (Runnable r :
        List.<Runnable>of(
            () -> pushed(CapturedPdu.Transport.HTTP, CapturedPdu.Kind.MMS_PDU, pdu, push),
            () -> pushed(CapturedPdu.Transport.WSP, CapturedPdu.Kind.MM4_MAIL, pdu, push),
            () ->
                pushed(
                    CapturedPdu.Transport.WSP,
                    CapturedPdu.Kind.MMS_PDU,
                    Arrays.copyOf(pdu, 4),
                    push))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
      assertTrue(e.getMessage().startsWith("push: "), e.getMessage());
    }
    assertThrows(
        NullPointerException.class,
        () -> pushed(CapturedPdu.Transport.WSP, CapturedPdu.Kind.MMS_PDU, null, push));
  }

  private static CapturedPdu pushed(
      CapturedPdu.Transport transport, CapturedPdu.Kind kind, byte[] content, WspPush push) {
    return new CapturedPdu(
        1,
        Optional.empty(),
        transport,
        kind,
        Optional.empty(),
        Optional.empty(),
        "x",
        0,
        content,
        Optional.of(push));
  }
}
