package org.mmsstack.cli.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Extracts MMS PDUs from captures and other inputs.
 *
 * <pre>{@code
 * CaptureResult r = new CaptureReader().read(Path.of("trace.pcapng"));
 * for (CapturedPdu p : r.pdus()) {
 *   System.out.println(p.frame() + " " + p.transport() + " " + p.length() + " octets");
 * }
 * r.findings().forEach(System.out::println);
 * }</pre>
 *
 * <p>What is read: pcap and pcapng containers; Ethernet (with 802.1Q/802.1ad tags), Linux cooked
 * (SLL, SLL2), raw IP (link types 101, 12, 14, 228, 229) and BSD loopback (0, 108) links; IPv4
 * with fragment reassembly and IPv6 with extension headers and fragments; TCP reassembled per
 * direction into HTTP/1.x messages whose Content-Type is application/vnd.wap.mms-message; UDP to
 * or from ports 2948 (WAP push) and 9200 (connectionless WSP) decoded as WSP pushes.
 *
 * <p>Bad data inside a recognised input never throws: whatever could be read is returned with
 * {@link CaptureFinding}s. Instances are immutable and thread-safe; each read is independent.
 */
public final class CaptureReader {
  /** UDP port of WAP push (connectionless WSP push, IANA "wap-push"). */
  public static final int PORT_WAP_PUSH = 2948;

  /** UDP port of connectionless WSP (IANA "wap-wsp"). */
  public static final int PORT_WSP = 9200;

  private final CaptureConfig config;

  /** A reader with {@link CaptureConfig#DEFAULT}. */
  public CaptureReader() {
    this(CaptureConfig.DEFAULT);
  }

  /** A reader with the given limits. */
  public CaptureReader(CaptureConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The limits this reader applies. */
  public CaptureConfig config() {
    return config;
  }

  /**
   * Reads a pcap or pcapng capture held in memory. The array is not changed.
   *
   * @throws CaptureFormatException if it is neither
   */
  public CaptureResult read(byte[] capture) throws CaptureFormatException {
    try {
      return read(new ByteArrayInputStream(capture));
    } catch (CaptureFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading an array cannot fail", e);
    }
  }

  /** Reads a pcap or pcapng file; see {@link #read(InputStream)}. */
  public CaptureResult read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(in);
    }
  }

  /**
   * Reads a pcap or pcapng capture from a stream, to its end; the stream is not closed. Memory use
   * is bounded by the {@link CaptureConfig}, not by the capture's size (except for the PDUs found).
   *
   * @throws CaptureFormatException if the stream does not start like pcap or pcapng
   * @throws IOException if the stream itself fails
   */
  public CaptureResult read(InputStream in) throws IOException {
    byte[] head = new byte[12];
    CaptureInput probe = new CaptureInput(in);
    int got = probe.read(head, 0, 4);
    if (got < 4) {
      throw CaptureFormatException.notACapture(
          got, "too short for a capture file header (" + got + " octets)");
    }
    int magic = (int) CaptureInput.u32(head, 0, false);
    CaptureFormat format;
    if (PcapFrames.isMagic(magic) || PcapFrames.isMagic(Integer.reverseBytes(magic))) {
      format = CaptureFormat.PCAP;
    } else if (magic == PcapngFrames.SHB) {
      got += probe.read(head, 4, 8);
      if (got == 12) {
        int bom = (int) CaptureInput.u32(head, 8, false);
        if (bom != PcapngFrames.BYTE_ORDER_MAGIC
            && Integer.reverseBytes(bom) != PcapngFrames.BYTE_ORDER_MAGIC) {
          throw CaptureFormatException.notACapture(8, "pcapng block type without the"
              + " byte-order magic 0x1A2B3C4D");
        }
      }
      format = CaptureFormat.PCAPNG;
    } else {
      throw CaptureFormatException.notACapture(0, String.format(
          "no pcap or pcapng magic number (first octets %08X)", magic));
    }
    CaptureInput input = new CaptureInput(
        new SequenceInputStream(new ByteArrayInputStream(head, 0, got), in));
    Extraction x = new Extraction(config);
    FrameSource frames = format == CaptureFormat.PCAP
        ? new PcapFrames(input, x) : new PcapngFrames(input, x);
    run(frames, x);
    return x.result(format);
  }

  /**
   * Reads any supported input, told apart by {@link CaptureFormat#detect(byte[])}: a capture (as
   * {@link #read(byte[])}), a WSP push file (its MMS body, {@link CapturedPdu.Origin#WSP_FILE}),
   * a bare MMS PDU ({@link CapturedPdu.Origin#RAW}), or hex text of any of these (decoded first;
   * the result's format is then that of the decoded bytes). The array is not changed.
   *
   * @throws CaptureFormatException if the input is none of these
   */
  public CaptureResult extract(byte[] input) throws CaptureFormatException {
    return extract(input, true);
  }

  @SuppressWarnings("fallthrough") // hex text that is not allowed is 'not a capture'
  private CaptureResult extract(byte[] input, boolean hexAllowed)
      throws CaptureFormatException {
    CaptureFormat format = CaptureFormat.detect(input);
    switch (format) {
      case PCAP:
      case PCAPNG:
        return read(input);
      case MMS_PDU:
        {
          Extraction x = new Extraction(config);
          x.pdus.add(new CapturedPdu(0, Instant.EPOCH, CapturedPdu.Origin.RAW, "MMS PDU",
              input, Optional.empty()));
          return x.result(format);
        }
      case WSP_PUSH:
        {
          Extraction x = new Extraction(config);
          WspPush push = WspPushParser.parse(input);
          x.wspPdus++;
          push.findings().forEach(x::finding);
          if (push.isMmsMessage()) {
            x.pdus.add(new CapturedPdu(0, Instant.EPOCH, CapturedPdu.Origin.WSP_FILE,
                describe(push) + " (file)", push.body(), Optional.of(push)));
          } else {
            x.nonMmsWspPdus++;
          }
          return x.result(format);
        }
      case HEX_TEXT:
        if (hexAllowed) {
          return extract(HexText.decode(new String(input,
              java.nio.charset.StandardCharsets.US_ASCII)), false);
        }
        // fall through: hex of hex is not an input
      default:
        throw CaptureFormatException.notACapture(0,
            "not pcap, pcapng, a WSP push, an MMS PDU or hex text");
    }
  }

  static String describe(WspPush push) {
    return "WSP " + (push.isConfirmed() ? "ConfirmedPush" : "Push") + " tid " + push.tid();
  }

  private static void run(FrameSource frames, Extraction x) throws IOException {
    TcpReassembler tcp = new TcpReassembler(x);
    PacketDecoder decoder = new PacketDecoder(x, new PacketDecoder.Sink() {
      @Override
      public void tcp(Frame f, Endpoint src, Endpoint dst, long seq, int flags, byte[] d,
          int from, int to) {
        tcp.segment(f, src, dst, seq, flags, d, from, to);
      }

      @Override
      public void udp(Frame f, Endpoint src, Endpoint dst, byte[] d, int from, int to) {
        wsp(x, f, src, dst, d, from, to);
      }
    });
    Frame last = null;
    Frame f;
    while ((f = frames.next()) != null) {
      decoder.decode(f);
      last = f;
    }
    decoder.finish();
    tcp.finish(last != null ? last : new Frame(0, Instant.EPOCH, 0, new byte[0], 0));
  }

  private static void wsp(Extraction x, Frame f, Endpoint src, Endpoint dst, byte[] d, int from,
      int to) {
    boolean wspPort = src.port() == PORT_WAP_PUSH || dst.port() == PORT_WAP_PUSH
        || src.port() == PORT_WSP || dst.port() == PORT_WSP;
    if (!wspPort) {
      return;
    }
    x.wspPdus++;
    if (to - from >= 2 && d[from + 1] != WspPush.PUSH && d[from + 1] != WspPush.CONFIRMED_PUSH) {
      x.nonMmsWspPdus++; // another connectionless WSP PDU (Get, Post, Reply, ...)
      return;
    }
    WspPush push;
    try {
      push = WspPushParser.parse(d, from, to - from);
    } catch (CaptureFormatException e) {
      x.finding(CaptureFinding.Kind.WSP_MALFORMED, f.number(), e.offset(),
          "WSP datagram " + src + " -> " + dst + ": " + e.detail());
      return;
    }
    for (CaptureFinding pf : push.findings()) {
      x.finding(pf.kind(), f.number(), pf.offset(), pf.detail());
    }
    if (!push.isMmsMessage()) {
      x.nonMmsWspPdus++;
      return;
    }
    x.pdus.add(new CapturedPdu(f.number(), f.timestamp(), CapturedPdu.Origin.WSP_UDP,
        describe(push) + " udp " + src + " -> " + dst, push.body(), Optional.of(push)));
  }
}
