package org.mmsstack.benchmarks.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.capture.CaptureConfig;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The capture reader on a generated HTTP capture (MM1 as a handset sends and fetches it: every
 * corpus PDU posted in Content-Length requests of 1,460-octet segments, each answered by a
 * response carrying the next PDU, on keep-alive connections of 100 exchanges), beside a floor
 * that reads the same file without parsing it. Scores are milliseconds per whole file; the file's
 * size in MB divided by the score in seconds is MB/s on one core (one thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaptureReadBenchmark {

  private static final int MSS = 1460;

  /** Size of the generated capture in MiB. */
  @Param("64")
  public int mebibytes;

  private Path file;
  private final byte[] scratch = new byte[1 << 16];

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<byte[]> pdus = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("pdus"))) {
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        pdus.add(Files.readAllBytes(p));
      }
    }
    file = Files.createTempFile("capture-benchmark", ".pcap");
    write(file, pdus, (long) mebibytes << 20);
    System.out.println(
        "capture: "
            + Files.size(file)
            + " octets, "
            + CaptureReader.read(file).pdus().size()
            + " PDUs");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  static void write(Path file, List<byte[]> pdus, long size) throws IOException {
    InetSocketAddress server = new InetSocketAddress("10.1.2.3", 80);
    Instant t = Instant.parse("2024-05-01T10:00:00Z");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        CaptureWriter w =
            new CaptureWriter(
                out,
                CaptureWriter.Format.PCAP,
                CaptureWriter.LINKTYPE_ETHERNET,
                ByteOrder.LITTLE_ENDIAN)) {
      long written = 24;
      int next = 0;
      for (int conn = 0; written < size; conn++) {
        InetSocketAddress client =
            new InetSocketAddress(
                "10.20." + ((conn >> 8) & 0xFF) + "." + (conn & 0xFF), 1024 + conn % 60_000);
        long cs = 1;
        long ss = 1;
        w.writeFrame(
            t, CaptureWriter.tcpFrame(client, server, 0, 0, CaptureWriter.SYN, new byte[0]));
        w.writeFrame(
            t,
            CaptureWriter.tcpFrame(
                server, client, 0, 1, CaptureWriter.SYN | CaptureWriter.ACK, new byte[0]));
        for (int i = 0; i < 100; i++) {
          byte[] req =
              http(
                  "POST /mms HTTP/1.1\r\nHost: mmsc.example.net\r\n",
                  pdus.get(next++ % pdus.size()));
          byte[] res = http("HTTP/1.1 200 OK\r\nServer: mmsc\r\n", pdus.get(next++ % pdus.size()));
          written += segments(w, t, client, server, cs, ss, req);
          cs += req.length;
          written += segments(w, t, server, client, ss, cs, res);
          ss += res.length;
        }
        w.writeFrame(
            t,
            CaptureWriter.tcpFrame(
                client, server, cs, ss, CaptureWriter.FIN | CaptureWriter.ACK, new byte[0]));
        w.writeFrame(
            t,
            CaptureWriter.tcpFrame(
                server, client, ss, cs + 1, CaptureWriter.FIN | CaptureWriter.ACK, new byte[0]));
        written += 2 * (16 + 54);
      }
    }
  }

  private static byte[] http(String head, byte[] body) {
    byte[] h =
        (head
                + "Content-Type: application/vnd.wap.mms-message\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] m = new byte[h.length + body.length];
    System.arraycopy(h, 0, m, 0, h.length);
    System.arraycopy(body, 0, m, h.length, body.length);
    return m;
  }

  private static long segments(
      CaptureWriter w,
      Instant t,
      InetSocketAddress src,
      InetSocketAddress dst,
      long seq,
      long ack,
      byte[] data)
      throws IOException {
    long n = 0;
    for (int off = 0; off < data.length; off += MSS) {
      byte[] seg = new byte[Math.min(MSS, data.length - off)];
      System.arraycopy(data, off, seg, 0, seg.length);
      byte[] f = CaptureWriter.tcpFrame(src, dst, seq + off, ack, CaptureWriter.ACK, seg);
      w.writeFrame(t, f);
      n += 16 + f.length;
    }
    return n;
  }

  /** The whole file through the reader: frames, IP, TCP reassembly, HTTP; PDUs counted. */
  @Benchmark
  public long read() throws IOException {
    long[] count = new long[1];
    CaptureReader.read(file, CaptureConfig.DEFAULT, p -> count[0] += p.dataSize());
    return count[0];
  }

  /** The floor: the same file read through a stream into a 64 KiB buffer, nothing parsed. */
  @Benchmark
  public long floor() throws IOException {
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(scratch)) > 0) {
        sum += n + scratch[0];
      }
    }
    return sum;
  }
}
