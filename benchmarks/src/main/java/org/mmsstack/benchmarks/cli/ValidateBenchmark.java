package org.mmsstack.benchmarks.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.cli.check.Checker;
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
 * Throughput of {@code mms validate}'s per-PDU work (lenient decode, every value read, the
 * codec's validator) over every PDU of the shared corpus in turn: the score is
 * PDUs per second. File reading and printing are not included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValidateBenchmark {

  private byte[][] pdus;
  private int next;

  @Setup
  public void setUp() {
    try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("pdus"))) {
      List<Path> files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
      pdus = new byte[files.size()][];
      for (int i = 0; i < pdus.length; i++) {
        pdus[i] = Files.readAllBytes(files.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One PDU validated per operation, cycling through the corpus. */
  @Benchmark
  public Checker.Result validate() {
    byte[] b = pdus[next];
    next = next + 1 == pdus.length ? 0 : next + 1;
    return Checker.check(b);
  }
}
