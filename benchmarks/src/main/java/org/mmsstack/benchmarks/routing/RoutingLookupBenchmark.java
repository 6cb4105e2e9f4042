package org.mmsstack.benchmarks.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing decisions per second (one lookup per operation) on a table of 1,000,000 number ranges
 * and 1,000,000 overrides, over 2^20 pre-generated lookup numbers visited in a fixed random order
 * (a third override hits, a third prefix hits, a third misses), so neither the caches nor the
 * branch predictor see a repeating pattern smaller than the table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class RoutingLookupBenchmark {

  private static final int KEYS = 1 << 20;
  private static final int MASK = KEYS - 1;

  /** The table and the keys, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Data {
    RoutingTable table;
    String[] text;
    long[] values;
    int[] counts;
    byte[] bytes;
    int[] offsets;

    /** Generates the data set and loads it through the parser, as a Relay/Server would. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
      RoutingData data = new RoutingData(1_000_000, 1_000_000);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
      data.write(out);
      table = RoutingTableCodec.decode(out.toByteArray());
      text = data.lookupKeys(KEYS);
      values = new long[KEYS];
      counts = new int[KEYS];
      offsets = new int[KEYS + 1];
      ByteArrayOutputStream all = new ByteArrayOutputStream(KEYS * 13);
      for (int i = 0; i < KEYS; i++) {
        values[i] = Long.parseLong(text[i]);
        counts[i] = text[i].length();
        offsets[i] = all.size();
        all.writeBytes(text[i].getBytes(StandardCharsets.US_ASCII));
      }
      offsets[KEYS] = all.size();
      bytes = all.toByteArray();
    }
  }

  /** Each thread's position in the key sequence. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance() {
      int i = next;
      next = (i + 1) & MASK;
      return i;
    }
  }

  /** The primitive form: number value and digit count. */
  @Benchmark
  public RouteTarget lookupLongDigits(Data d, Cursor c) {
    int i = c.advance();
    return d.table.lookupNumber(d.values[i], d.counts[i]);
  }

  /** The text form, as a decoded address string. */
  @Benchmark
  public RouteTarget lookupCharSequence(Data d, Cursor c) {
    return d.table.lookupNumber(d.text[c.advance()]);
  }

  /** The byte-slice form, as found inside a received PDU. */
  @Benchmark
  public RouteTarget lookupByteSlice(Data d, Cursor c) {
    int i = c.advance();
    return d.table.lookupNumber(d.bytes, d.offsets[i], d.offsets[i + 1] - d.offsets[i]);
  }

  /** Batch size of {@link #lookupBatch}: the recipients of a few messages. */
  static final int BATCH = 64;

  /** Output of a batch, per thread. */
  @State(Scope.Thread)
  public static class BatchOut {
    final RouteTarget[] out = new RouteTarget[BATCH];
  }

  /**
   * The batch form: {@value #BATCH} decisions per operation (the score is already per decision, through
   * {@code @OperationsPerInvocation}).
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public RouteTarget[] lookupBatch(Data d, Cursor c, BatchOut b) {
    int i = c.next;
    c.next = (i + BATCH) & MASK;
    d.table.lookupNumbers(d.values, d.counts, i, BATCH, b.out, 0);
    return b.out;
  }
}
