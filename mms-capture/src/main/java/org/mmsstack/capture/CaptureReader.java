package org.mmsstack.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Extracts MMS PDUs and MM4 mail from captures and other inputs.
 *
 * <pre>{@code
 * // Streaming: memory bounded by the configuration, whatever the capture's size.
 * CaptureResult r = CaptureReader.read(Path.of("day.pcap.gz"), CaptureConfig.DEFAULT,
 *     p -> System.out.println(p.frame() + " " + p.description() + " " + p.dataSize() + " octets"));
 * r.findings().forEach(System.out::println);
 * }</pre>
 *
 * <p>What is read: pcap (either byte order, micro- or nanosecond, the modified format) and pcapng
 * (several sections and interfaces), either of them gzip-compressed (told by the gzip magic
 * number, never by the file name); Ethernet (with 802.1Q/802.1ad/QinQ tags), Linux cooked (SLL,
 * SLL2), raw IP (link types 101, 12, 14, 228, 229) and BSD loopback (0, 108) links; IPv4 with
 * fragment reassembly and IPv6 with extension headers and fragments; GTP-U tunnels (UDP port
 * 2152), whose inner IP packets are read like any other; TCP reassembled per direction into
 * HTTP/1.x messages whose Content-Type is application/vnd.wap.mms-message, and into the mails of
 * SMTP sessions (ports 25 and 587) that carry an X-Mms-Message-Type field (MM4); UDP to or from
 * ports 2948 (WAP push) and 9200 (connectionless WSP) decoded as WSP pushes.
 *
 * <p>A capture is read as a stream, once, front to back; nothing but the frame at hand, buffered
 * TCP data and IP fragments is held, all within the {@link CaptureConfig}. Bad data inside a
 * recognised input does not throw in lenient mode: whatever could be read is returned with
 * findings (codes in {@link CaptureFindingCodes}). In strict mode the first finding of severity
 * ERROR throws {@link CaptureFormatException}.
 *
 * <p>Stateless and thread-safe: every method is static and each read is independent. The caller
 * keeps ownership of the arrays and streams it passes; streams are not closed.
 */
public final class CaptureReader {
  /** UDP port of WAP push (connectionless WSP push, IANA "wap-push"). */
  public static final int PORT_WAP_PUSH = 2948;

  /** UDP port of connectionless WSP (IANA "wap-wsp"). */
  public static final int PORT_WSP = 9200;

  /** UDP port of GTP-U (3GPP TS 29.281). */
  public static final int PORT_GTP_U = 2152;

  /** TCP port of SMTP. */
  public static final int PORT_SMTP = 25;

  /** TCP port of mail submission. */
  public static final int PORT_SUBMISSION = 587;

  private static final int GZIP_MAGIC = 0x1F8B;

  private CaptureReader() {}

  /** {@link #read(byte[], CaptureConfig)} with {@link CaptureConfig#DEFAULT}. */
  public static CaptureResult read(byte[] capture) throws CaptureFormatException {
    return read(capture, CaptureConfig.DEFAULT);
  }

  /**
   * Reads a pcap or pcapng capture (gzip-compressed or not) held in memory, collecting the PDUs
   * in the result. The array is not changed.
   *
   * @throws CaptureFormatException if it is neither, or (strict) at the first ERROR finding
   */
  public static CaptureResult read(byte[] capture, CaptureConfig config)
      throws CaptureFormatException {
    try {
      return read(new ByteArrayInputStream(capture), config);
    } catch (CaptureFormatException e) {
      throw e;
    } catch (IOException e) {
      // Only a damaged gzip stream fails here: the array itself cannot.
      throw CaptureFormatException.notACapture(0, "cannot decompress: " + e.getMessage());
    }
  }

  /** {@link #read(Path, CaptureConfig)} with {@link CaptureConfig#DEFAULT}. */
  public static CaptureResult read(Path file) throws IOException {
    return read(file, CaptureConfig.DEFAULT);
  }

  /** Reads a capture file, collecting the PDUs in the result; see {@link #read(InputStream, CaptureConfig, Consumer)}. */
  public static CaptureResult read(Path file, CaptureConfig config) throws IOException {
    List<CapturedPdu> pdus = new ArrayList<>();
    CaptureResult r = read(file, config, pdus::add);
    return new CaptureResult(r.format(), pdus, r.findings(), r.stats());
  }

  /** Streams a capture file to {@code sink}; see {@link #read(InputStream, CaptureConfig, Consumer)}. */
  public static CaptureResult read(
      Path file, CaptureConfig config, Consumer<? super CapturedPdu> sink) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, config, sink);
    }
  }

  /** {@link #read(InputStream, CaptureConfig)} with {@link CaptureConfig#DEFAULT}. */
  public static CaptureResult read(InputStream in) throws IOException {
    return read(in, CaptureConfig.DEFAULT);
  }

  /** Reads a capture from a stream, collecting the PDUs in the result. */
  public static CaptureResult read(InputStream in, CaptureConfig config) throws IOException {
    List<CapturedPdu> pdus = new ArrayList<>();
    CaptureResult r = read(in, config, pdus::add);
    return new CaptureResult(r.format(), pdus, r.findings(), r.stats());
  }

  /**
   * Reads a pcap or pcapng capture, gzip-compressed or not, from a stream to its end, handing each
   * PDU to {@code sink} as soon as its carrier completes; the stream is not closed. Memory use is
   * bounded by {@code config}, not by the capture's size; the result's PDU list is empty.
   *
   * @throws CaptureFormatException if the stream does not start like pcap or pcapng, or (strict)
   *     at the first ERROR finding
   * @throws IOException if the stream itself fails
   */
  public static CaptureResult read(
      InputStream in, CaptureConfig config, Consumer<? super CapturedPdu> sink) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    InputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    GzipGuard gzip = null;
    if (b0 >= 0 && b1 >= 0 && (b0 << 8 | b1) == GZIP_MAGIC) {
      gzip = new GzipGuard(new GZIPInputStream(buffered, 1 << 16));
      buffered = new BufferedInputStream(gzip, 1 << 16);
    }
    byte[] head = new byte[12];
    buffered.mark(12);
    CaptureInput probe = new CaptureInput(buffered);
    int got = probe.read(head, 0, 12);
    buffered.reset();
    if (got < 4) {
      throw CaptureFormatException.notACapture(
          got, "too short for a capture file header (" + got + " octets)");
    }
    int magic = (int) CaptureInput.u32(head, 0, false);
    CaptureFormat format;
    if (PcapFrames.isMagic(magic) || PcapFrames.isMagic(Integer.reverseBytes(magic))) {
      format = CaptureFormat.PCAP;
    } else if (magic == PcapngFrames.SHB) {
      if (got == 12) {
        int bom = (int) CaptureInput.u32(head, 8, false);
        if (bom != PcapngFrames.BYTE_ORDER_MAGIC
            && Integer.reverseBytes(bom) != PcapngFrames.BYTE_ORDER_MAGIC) {
          throw CaptureFormatException.notACapture(
              8, "pcapng block type without the" + " byte-order magic 0x1A2B3C4D");
        }
      }
      format = CaptureFormat.PCAPNG;
    } else {
      throw CaptureFormatException.notACapture(
          0, String.format("no pcap or pcapng magic number (first octets %08X)", magic));
    }
    CaptureInput input = new CaptureInput(buffered);
    Extraction x = new Extraction(config, sink);
    try {
      FrameSource frames =
          format == CaptureFormat.PCAP ? new PcapFrames(input, x) : new PcapngFrames(input, x);
      run(frames, x);
      if (gzip != null && gzip.failure != null) {
        x.finding(
            CaptureFindingCodes.TRUNCATED_CAPTURE,
            0,
            gzip.position,
            "the gzip stream "
                + (gzip.failure instanceof EOFException ? "ends early" : "is damaged")
                + " after "
                + gzip.position
                + " decompressed octets ("
                + gzip.failure.getMessage()
                + "); what came before was read");
      }
    } catch (Extraction.Stop stop) {
      throw stop.cause;
    }
    return x.result(format, List.of());
  }

  /** {@link #extract(byte[], CaptureConfig)} with {@link CaptureConfig#DEFAULT}. */
  public static CaptureResult extract(byte[] input) throws CaptureFormatException {
    return extract(input, CaptureConfig.DEFAULT);
  }

  /**
   * Reads any supported input, told apart by {@link CaptureFormat#detect(byte[])}: a capture (as
   * {@link #read(byte[], CaptureConfig)}), a WSP push file (its MMS body), a bare MMS PDU, or hex
   * text of any of these (decoded first; the result's format is then that of the decoded bytes).
   * The array is not changed.
   *
   * @throws CaptureFormatException if the input is none of these
   */
  public static CaptureResult extract(byte[] input, CaptureConfig config)
      throws CaptureFormatException {
    return extract(input, config, true);
  }

  private static CaptureResult extract(byte[] input, CaptureConfig config, boolean hexAllowed)
      throws CaptureFormatException {
    CaptureFormat format = CaptureFormat.detect(input);
    switch (format) {
      case PCAP:
      case PCAPNG:
      case GZIP:
        return read(input, config);
      case MMS_PDU:
        {
          List<CapturedPdu> pdus = new ArrayList<>(1);
          Extraction x = new Extraction(config, pdus::add);
          x.pdu(
              new CapturedPdu(
                  0,
                  Optional.empty(),
                  CapturedPdu.Transport.NONE,
                  CapturedPdu.Kind.MMS_PDU,
                  Optional.empty(),
                  Optional.empty(),
                  "MMS PDU",
                  0,
                  input,
                  Optional.empty()));
          return x.result(format, pdus);
        }
      case WSP_PUSH:
        {
          List<CapturedPdu> pdus = new ArrayList<>(1);
          Extraction x = new Extraction(config, pdus::add);
          WspPush push = WspPushCodec.decode(input);
          x.wspPdus++;
          try {
            push.findings().forEach(f -> x.finding(f.code(), 0, f.offset(), f.message()));
          } catch (Extraction.Stop stop) {
            throw stop.cause;
          }
          if (push.isMmsMessage()) {
            x.pdu(
                new CapturedPdu(
                    0,
                    null,
                    CapturedPdu.Transport.WSP,
                    CapturedPdu.Kind.MMS_PDU,
                    Optional.empty(),
                    Optional.empty(),
                    () -> describe(push) + " (file)",
                    push.dataOffset(),
                    null, // the push's data
                    Optional.of(push)));
          } else {
            x.nonMmsWspPdus++;
          }
          return x.result(format, pdus);
        }
      case HEX_TEXT:
        if (hexAllowed) {
          return extract(
              HexText.decode(new String(input, StandardCharsets.US_ASCII)), config, false);
        }
        // hex of hex is not an input
        throw notACapture();
      default:
        throw notACapture();
    }
  }

  /**
   * Ends a gzip stream where it is cut short or damaged, remembering why: a capture copied while
   * it was still being written is common, and what came before the damage is worth reading.
   * Failures of the underlying stream itself still throw.
   */
  private static final class GzipGuard extends FilterInputStream {
    long position;
    IOException failure;

    GzipGuard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          position += n;
        }
        return n;
      } catch (EOFException | ZipException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
      int r = read(scratch, 0, scratch.length);
      return Math.max(0, r);
    }
  }

  static String describe(WspPush push) {
    return "WSP " + (push.isConfirmed() ? "ConfirmedPush" : "Push") + " tid " + push.tid();
  }

  private static void run(FrameSource frames, Extraction x) throws IOException {
    TcpReassembler tcp = new TcpReassembler(x);
    PacketDecoder decoder =
        new PacketDecoder(
            x,
            new PacketDecoder.Sink() {
              @Override
              public void tcp(
                  Frame f,
                  Endpoint src,
                  Endpoint dst,
                  long seq,
                  int flags,
                  byte[] d,
                  int from,
                  int to) {
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
    tcp.finish(last != null ? last : new Frame(0, null, 0, new byte[0], 0, 0, -1, -1));
  }

  private static void wsp(
      Extraction x, Frame f, Endpoint src, Endpoint dst, byte[] d, int from, int to) {
    boolean wspPort =
        src.port() == PORT_WAP_PUSH
            || dst.port() == PORT_WAP_PUSH
            || src.port() == PORT_WSP
            || dst.port() == PORT_WSP;
    if (!wspPort) {
      return;
    }
    x.wspPdus++;
    if (to - from >= 2 && d[from + 1] != WspPush.PUSH && d[from + 1] != WspPush.CONFIRMED_PUSH) {
      x.nonMmsWspPdus++; // another connectionless WSP PDU (Get, Post, Reply, ...)
      return;
    }
    // Offsets in the file exist only when the datagram lies in the frame as captured.
    long base = d == f.data() ? f.dataOffset() + from : -1;
    WspPush push;
    try {
      push = WspPushCodec.decode(d, from, to - from);
    } catch (CaptureFormatException e) {
      x.finding(
          CaptureFindingCodes.WSP_MALFORMED,
          f.number(),
          base < 0 ? f.fileOffset() : base + e.offset(),
          "WSP datagram " + src + " -> " + dst + ": " + e.detail());
      return;
    }
    for (org.mmsstack.encapsulation.Finding pf : push.findings()) {
      x.finding(
          pf.code(), f.number(), base < 0 ? f.fileOffset() : base + pf.offset(), pf.message());
    }
    if (!push.isMmsMessage()) {
      x.nonMmsWspPdus++;
      return;
    }
    x.pdu(
        new CapturedPdu(
            f.number(),
            f.timestamp(),
            CapturedPdu.Transport.WSP,
            CapturedPdu.Kind.MMS_PDU,
            Optional.of(src),
            Optional.of(dst),
            () -> describe(push) + " udp " + src + " -> " + dst,
            base < 0 ? -1 : base + push.dataOffset(),
            null, // the push's data
            Optional.of(push)));
  }

  private static CaptureFormatException notACapture() {
    return CaptureFormatException.notACapture(
        0, "not pcap, pcapng, a WSP push, an MMS PDU or hex text");
  }
}
