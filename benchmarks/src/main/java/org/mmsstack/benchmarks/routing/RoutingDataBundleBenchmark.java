package org.mmsstack.benchmarks.routing;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.data.MessageIdSecrets;
import org.mmsstack.routing.data.RoutingDataCodec;
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
 * What a node pays to install a published version of the 2,000,000-entry table (the data set of
 * {@link RoutingLoadBenchmark}) with a 16-key ring and two Message-ID secrets: decoding the
 * bundle a store holds ({@code decodeBundle}: framing, digest check, the three parts, and the
 * canonical re-encoding that proves the digest names this content), beside the floor of parsing
 * the table text alone ({@code tableFloor}), and what making the unit costs a publisher ({@code
 * makeUnit}: canonical encoding and SHA-256).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class RoutingDataBundleBenchmark {

  private byte[] tableText;
  private RoutingTable table;
  private KeyRing ring;
  private MessageIdSecrets secrets;
  private byte[] bundle;

  /** Builds the data set and its bundle once per run. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    RoutingData data = new RoutingData(1_000_000, 1_000_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 20);
    data.write(out);
    tableText = out.toByteArray();
    table = RoutingTableCodec.decode(tableText);
    KeyRing.Builder keys = KeyRing.builder();
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 16; i++) {
      byte[] seed = new byte[32];
      Arrays.fill(seed, (byte) (i + 1));
      keys.add(
          RoutingSigner.fromSeed("rs-" + i + ".1", RelayId.of("rs-" + i), seed)
              .trustedKey(from, from.plusSeconds(10L * 365 * 86400)));
    }
    ring = keys.build();
    byte[] s1 = new byte[32];
    byte[] s2 = new byte[32];
    Arrays.fill(s1, (byte) 7);
    Arrays.fill(s2, (byte) 8);
    secrets = MessageIdSecrets.of(s1, s2);
    bundle =
        RoutingDataCodec.encode(org.mmsstack.routing.data.RoutingData.of(table, ring, secrets));
  }

  /** The floor: the table text parsed, which installing any version needs. */
  @Benchmark
  public RoutingTable tableFloor() throws Exception {
    return RoutingTableCodec.decode(tableText);
  }

  /** A node reading a published version from its store's bytes. */
  @Benchmark
  public org.mmsstack.routing.data.RoutingData decodeBundle() throws Exception {
    return RoutingDataCodec.decode(bundle);
  }

  /** A publisher making the unit: canonical encoding of the parts and their digest. */
  @Benchmark
  public org.mmsstack.routing.data.RoutingData makeUnit() {
    return org.mmsstack.routing.data.RoutingData.of(table, ring, secrets);
  }
}
