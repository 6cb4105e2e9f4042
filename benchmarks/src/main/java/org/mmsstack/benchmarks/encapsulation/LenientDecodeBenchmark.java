package org.mmsstack.benchmarks.encapsulation;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
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
 * Lenient decoding of a PDU with one finding (mms-engine's {@code Success2/m-notification.ind},
 * which ends with a stray 0x00) beside the clean decode of the same PDU without that octet, and
 * the floor: one pass over the octets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LenientDecodeBenchmark {

  private byte[] withFinding;
  private byte[] clean;

  @Setup
  public void setUp() throws PduFormatException {
    withFinding = CorpusFiles.read("pdus/mms-engine/test_retrieve/Success2/m-notification.ind");
    if (withFinding[withFinding.length - 1] != 0) {
      throw new IllegalStateException("expected the PDU to end with a stray 0x00");
    }
    clean = Arrays.copyOf(withFinding, withFinding.length - 1);
    if (PduCodec.decode(withFinding).findings().size() != 1
        || !PduCodec.decode(clean).findings().isEmpty()) {
      throw new IllegalStateException("expected one finding with the 0x00 and none without it");
    }
  }

  /** The floor: every octet loaded once. */
  @Benchmark
  public int floorOnePass() {
    int x = 0;
    for (byte v : withFinding) {
      x += v;
    }
    return x;
  }

  @Benchmark
  public Pdu cleanDecode() throws PduFormatException {
    return PduCodec.decode(clean, DecodeConfig.LENIENT);
  }

  @Benchmark
  public Pdu lenientDecodeOneFinding() throws PduFormatException {
    return PduCodec.decode(withFinding, DecodeConfig.LENIENT);
  }
}
