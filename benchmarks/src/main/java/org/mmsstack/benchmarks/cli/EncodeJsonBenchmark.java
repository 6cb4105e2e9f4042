package org.mmsstack.benchmarks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.json.JsonEncoder;
import org.mmsstack.cli.json.PduJson;
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
 * Throughput of {@code mms encode}'s per-document work over the {@code decode --json} documents
 * of every decodable PDU of the shared corpus in turn: parsing the JSON text, checking its
 * numbers, and writing the PDU (each header checked against its original octets). The floor,
 * {@link #parseOnly}, is Jackson parsing the same text into a tree, which encode cannot avoid.
 * The score is documents per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeJsonBenchmark {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[][] documents;
  private int next;

  @Setup
  public void setUp() {
    List<byte[]> docs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("pdus"))) {
      for (Path f : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        byte[] pdu = Files.readAllBytes(f);
        Checker.Result r = Checker.check(pdu);
        if (r.pdu() != null) {
          docs.add(
              MAPPER.writeValueAsBytes(
                  PduJson.document(InputItem.pdu(f.toString(), null, pdu), r)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    documents = docs.toArray(new byte[0][]);
  }

  private byte[] nextDocument() {
    byte[] d = documents[next];
    next = next + 1 == documents.length ? 0 : next + 1;
    return d;
  }

  /** One document parsed and encoded per operation. */
  @Benchmark
  public byte[] parseAndEncode() throws Exception {
    return JsonEncoder.encode(MAPPER.readTree(nextDocument()));
  }

  /** The floor: the same document parsed into a tree only. */
  @Benchmark
  public JsonNode parseOnly() throws IOException {
    return MAPPER.readTree(nextDocument());
  }
}
