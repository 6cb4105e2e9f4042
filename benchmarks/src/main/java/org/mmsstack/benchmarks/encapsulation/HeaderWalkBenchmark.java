package org.mmsstack.benchmarks.encapsulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduLayout;
import org.mmsstack.encapsulation.internal.PlainValues;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.wire.Findings;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why the decoder has two header-value readers: the headers of every corpus PDU that decodes
 * cleanly, checked and stepped over three ways in one run. {@code plainThenFull} is what
 * {@link PduCodec#decode} does (runs of plain values in the array-index loop of {@code
 * PlainValues.scanHeaders}, the rest by the full reader); {@code fullReaderOnly} hands every
 * value to the full reader ({@code ValueCodec.read} over a {@code WspReader}, checking without
 * building), as a decoder with one reader would; {@code layoutOnly} is {@link PduLayout}'s walk
 * (extents only, no grammar checked). Floor: one pass over the header octets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeaderWalkBenchmark {

  private static final int CONTENT_TYPE_OCTET = 0x80 | HeaderField.CONTENT_TYPE.code();

  private byte[][] pdus;
  private int[] headerEnds;
  private byte[] forms;

  @Setup
  public void setUp() throws IOException {
    List<byte[]> clean = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("pdus"))) {
      files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path p : files) {
      byte[] b = Files.readAllBytes(p);
      try {
        if (PduCodec.decode(b, DecodeConfig.STRICT).findings().isEmpty()) {
          clean.add(b);
        }
      } catch (PduFormatException e) {
        // left out of every measurement
      }
    }
    pdus = clean.toArray(new byte[0][]);
    headerEnds = new int[pdus.length];
    for (int i = 0; i < pdus.length; i++) {
      PduLayout l = PduLayout.of(pdus[i]);
      headerEnds[i] = l.bodyStart().orElse(l.stop());
    }
    forms = new byte[256];
    for (HeaderField<?> f : HeaderField.knownFields()) {
      if (f != HeaderField.MESSAGE_TYPE) {
        forms[0x80 | f.code()] = PlainValues.formOf(ValueCodec.kindOf(f.code()));
      }
    }
  }

  /** The floor: every header octet loaded once. */
  @Benchmark
  public int floorOnePass() {
    int x = 0;
    for (int i = 0; i < pdus.length; i++) {
      byte[] b = pdus[i];
      for (int k = 0, end = headerEnds[i]; k < end; k++) {
        x += b[k];
      }
    }
    return x;
  }

  /** The decoder's way: the plain loop, the full reader for what it leaves. */
  @Benchmark
  public int plainThenFull() throws PduFormatException {
    int[] starts = new int[64];
    int x = 0;
    for (int i = 0; i < pdus.length; i++) {
      byte[] b = pdus[i];
      int end = headerEnds[i];
      int pos = 2;
      Findings findings = new Findings(false); // one per PDU, as in the decoder
      while (pos < end) {
        int n = PlainValues.scanHeaders(forms, b, pos, end, Integer.MAX_VALUE, starts, 0, 63);
        pos = starts[n];
        if (pos < end) {
          pos = full(b, pos, end, findings);
        }
        x += n;
      }
    }
    return x;
  }

  /** One reader for everything. */
  @Benchmark
  public int fullReaderOnly() throws PduFormatException {
    int x = 0;
    for (int i = 0; i < pdus.length; i++) {
      byte[] b = pdus[i];
      int end = headerEnds[i];
      int pos = 2;
      Findings findings = new Findings(false); // one per PDU, as in the decoder
      while (pos < end) {
        pos = full(b, pos, end, findings);
        x++;
      }
    }
    return x;
  }

  /** The public layout walk: extents only. */
  @Benchmark
  public int layoutOnly() {
    int x = 0;
    for (byte[] b : pdus) {
      x += PduLayout.of(b).headers().size();
    }
    return x;
  }

  /** One header by the full reader; returns the index after it. */
  private static int full(byte[] b, int pos, int end, Findings findings) throws PduFormatException {
    WspReader r = new WspReader(b, 0, pos, end - pos);
    int o = b[pos] & 0xFF;
    if (o >= 0x80) {
      r.readOctet();
      int code = o & 0x7F;
      ValueCodec.read(ValueCodec.kindOf(code), code, r, findings, Integer.MAX_VALUE, false);
    } else {
      r.skipPastTerminator(Integer.MAX_VALUE);
      r.skipPastTerminator(Integer.MAX_VALUE);
    }
    return o == CONTENT_TYPE_OCTET ? end : r.index();
  }
}
