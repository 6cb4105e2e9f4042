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
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding and then reading every value ({@link ReadEveryValue}), beside its floor: one pass
 * over the same octets. {@code corpus} is one operation over every PDU of
 * {@code ../shared/corpus/pdus} that decodes (leniently); {@code notification-121B} is the
 * m-notification-ind {@code mmsd/ni-mms-1-3-con-271.mms}; {@code acknowledge-33B} and {@code
 * send-conf-24B} are mms-engine's {@code test_retrieve/Success1/m-acknowledge.ind} and {@code
 * test_send/Accept/m-send.conf}, the small PDUs whose fixed costs dominate; {@code
 * multipart-parts} is one operation over twelve retrieve-confs and send-reqs of one to three
 * parts each, with Content-ID, Content-Location and Content-Disposition part headers ({@link
 * #MULTIPART}), where the per-part cost shows; {@code send-conf-9B} and {@code send-conf-11B}
 * are mms-engine's {@code test_send/Failure} and {@code test_send/EmptyMessageID} m-send.conf,
 * four and five headers and nothing else. Every input but {@code corpus} is measured after the
 * setup has read the whole corpus for a while ({@link #MIX_MILLIS}), so that its figures are
 * those of code compiled for every PDU type, as in an application. Run with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReadEveryValueBenchmark {

  @Param({
    "corpus",
    "notification-121B",
    "acknowledge-33B",
    "send-conf-24B",
    "send-conf-9B",
    "send-conf-11B",
    "multipart-parts"
  })
  public String input;

  /**
   * How long the setup reads every corpus PDU before a single-PDU or multipart input is
   * measured, so that the shared code is compiled with the mixed type profiles of an
   * application that sees every PDU type (as the corpus input does), not for one PDU alone.
   */
  static final long MIX_MILLIS = 2_000;

  /** The {@code multipart-parts} input: small multipart PDUs whose parts carry headers. */
  static final String[] MULTIPART = {
    "mms-engine/test_mms_codec/m-retrieve_8.conf",
    "python-messaging/openwave.mms",
    "mmsd/inline-retrieve-conf-1.mms",
    "python-messaging/SEC-SGHS300M.mms",
    "mms-engine/test_mms_codec/m-retrieve_9.conf",
    "python-messaging/SIMPLE.MMS",
    "python-messaging/projekt_exempel.mms",
    "python-messaging/27d0a048cd79555de05283a22372b0eb.mms",
    "mmsd/rc-mms-1-3-con-211.mms",
    "mmsd/sr-mms-related-multi-to.mms",
    "mmsd/rc-mms-1-3-con-271.mms",
    "mmsd/sr-mms-mixed.mms"
  };

  private byte[][] pdus;

  @Setup
  public void setUp() throws IOException {
    byte[][] corpus = decodableCorpus();
    String single =
        switch (input) {
          case "notification-121B" -> "pdus/mmsd/ni-mms-1-3-con-271.mms";
          case "acknowledge-33B" -> "pdus/mms-engine/test_retrieve/Success1/m-acknowledge.ind";
          case "send-conf-24B" -> "pdus/mms-engine/test_send/Accept/m-send.conf";
          case "send-conf-9B" -> "pdus/mms-engine/test_send/Failure/m-send.conf";
          case "send-conf-11B" -> "pdus/mms-engine/test_send/EmptyMessageID/m-send.conf";
          default -> null;
        };
    if (single != null) {
      pdus = new byte[][] {CorpusFiles.read(single)};
    } else if (input.equals("multipart-parts")) {
      pdus = new byte[MULTIPART.length][];
      for (int k = 0; k < MULTIPART.length; k++) {
        pdus[k] = CorpusFiles.read("pdus/" + MULTIPART[k]);
      }
    } else {
      pdus = corpus;
      return;
    }
    mix(corpus);
  }

  /** Reads every corpus PDU for {@link #MIX_MILLIS} (see there). */
  private static void mix(byte[][] corpus) throws PduFormatException {
    Blackhole bh =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    long end = System.nanoTime() + MIX_MILLIS * 1_000_000;
    while (System.nanoTime() < end) {
      for (byte[] b : corpus) {
        Pdu pdu = PduCodec.decode(b, DecodeConfig.LENIENT);
        ReadEveryValue.read(pdu, DecodeConfig.LENIENT, bh);
        ReadEveryValue.readListed(pdu, DecodeConfig.LENIENT, bh);
      }
    }
  }

  /** Every PDU of the corpus that decodes leniently. */
  private static byte[][] decodableCorpus() throws IOException {
    List<byte[]> decodable = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("pdus"))) {
      files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path p : files) {
      byte[] b = Files.readAllBytes(p);
      try {
        PduCodec.decode(b, DecodeConfig.LENIENT);
        decodable.add(b);
      } catch (PduFormatException e) {
        // not a PDU this codec decodes: left out of both the floor and the measurement
      }
    }
    return decodable.toArray(new byte[0][]);
  }

  /** The floor: every octet of every PDU loaded once. */
  @Benchmark
  public int floorOnePass() {
    int x = 0;
    for (byte[] b : pdus) {
      for (byte v : b) {
        x += v;
      }
    }
    return x;
  }

  /** The structure checked, values left for later. */
  @Benchmark
  public void decode(Blackhole bh) throws PduFormatException {
    for (byte[] b : pdus) {
      bh.consume(PduCodec.decode(b, DecodeConfig.LENIENT));
    }
  }

  /** Decoded, then every value read, with the header and part cursors. */
  @Benchmark
  public void decodeAndReadEveryValue(Blackhole bh) throws PduFormatException {
    for (byte[] b : pdus) {
      Pdu pdu = PduCodec.decode(b, DecodeConfig.LENIENT);
      ReadEveryValue.read(pdu, DecodeConfig.LENIENT, bh);
    }
  }

  /**
   * The same, read through {@code Pdu.headers()} and {@code MultipartBody.parts()} (a {@code
   * Header} and a {@code Part} each).
   */
  @Benchmark
  public void decodeAndReadEveryValueListed(Blackhole bh) throws PduFormatException {
    for (byte[] b : pdus) {
      Pdu pdu = PduCodec.decode(b, DecodeConfig.LENIENT);
      ReadEveryValue.readListed(pdu, DecodeConfig.LENIENT, bh);
    }
  }
}
