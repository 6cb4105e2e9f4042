package org.mmsstack.benchmarks.routing;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableCodec;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap retained by a loaded table, per million entries.
 *
 * <p>Method: with the text already in memory, force full collections until the used heap stops
 * shrinking, note it, parse the 2,000,000-entry table, force collections again and note the used
 * heap while the table is still referenced; the difference is what the table retains (the
 * parser's temporary arrays are garbage by then). Reported as the auxiliary counter
 * {@code retainedBytesPerMillionEntries}, next to {@code estimatedBytesPerMillionEntries}, the
 * table's own count of its array sizes. The time score is only the cost of the measurement.
 * Runs with a fixed heap so that the measurement is not disturbed by heap resizing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class RoutingMemoryBenchmark {

  /** The text of the table, generated once. */
  @State(Scope.Benchmark)
  public static class Text {
    byte[] content;
    int entries;

    /** Generates the data set. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
      RoutingData data = new RoutingData(1_000_000, 1_000_000);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
      data.write(out);
      content = out.toByteArray();
      entries = data.entryCount();
    }
  }

  /** The figures, reported by JMH as they are (not per second). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Memory {
    /** Measured heap growth per million entries. */
    public long retainedBytesPerMillionEntries;

    /** The table's own estimate per million entries. */
    public long estimatedBytesPerMillionEntries;
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(20);
      long now = rt.totalMemory() - rt.freeMemory();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }

  /** One measurement. */
  @Benchmark
  public RoutingTable retainedHeap(Text text, Memory memory) throws Exception {
    long before = usedAfterGc();
    RoutingTable table = RoutingTableCodec.decode(text.content);
    long after = usedAfterGc();
    double millions = text.entries / 1e6;
    memory.retainedBytesPerMillionEntries = (long) ((after - before) / millions);
    memory.estimatedBytesPerMillionEntries = (long) (table.estimatedSizeInBytes() / millions);
    return table;
  }
}
