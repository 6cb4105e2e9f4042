package org.mmsstack.benchmarks.routing;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableCodec;
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
 * Time to load the 2,000,000-entry table (1,000,000 ranges, 1,000,000 overrides, about 60 MB of
 * text): from a file (including the read through the file system cache) and from bytes already
 * in memory (the parser and table build alone).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class RoutingLoadBenchmark {

  private Path file;
  private byte[] content;

  /** Writes the data set once per run. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    RoutingData data = new RoutingData(1_000_000, 1_000_000);
    file = data.writeTempFile();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
    data.write(out);
    content = out.toByteArray();
  }

  /** Parse from the file. */
  @Benchmark
  public RoutingTable loadFile() throws Exception {
    return RoutingTableCodec.decode(file);
  }

  /** Parse from memory. */
  @Benchmark
  public RoutingTable loadBytes() throws Exception {
    return RoutingTableCodec.decode(content);
  }
}
