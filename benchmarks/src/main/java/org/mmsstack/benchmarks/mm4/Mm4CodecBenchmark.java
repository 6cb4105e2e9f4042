package org.mmsstack.benchmarks.mm4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
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
 * Parse and format of a typical MM4_forward.REQ (SMIL, a text part and a ~100 KB JPEG-sized
 * image, base64) and of an MM4_delivery_report.REQ. Inputs are generated with a fixed seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Mm4CodecBenchmark {

  private Mm4ForwardReq forwardBuilt;
  private Mm4Message forwardParsed;
  private byte[] forwardBytes;
  private Mm4DeliveryReportReq reportBuilt;
  private byte[] reportBytes;

  @Setup
  public void setup() throws Mm4FormatException {
    forwardBuilt = Mm4Mails.forward(Mm4Mails.image(100 * 1024), "Holiday picture");
    forwardBytes = Mm4Codec.encode(forwardBuilt);
    forwardParsed = Mm4Codec.decode(forwardBytes);
    reportBuilt = Mm4Mails.report();
    reportBytes = Mm4Codec.encode(reportBuilt);
  }

  /** Decode from an array: identity-encoded parts stay views of the input (no copy). */
  @Benchmark
  public Mm4Message parseForwardReq() throws Mm4FormatException {
    return Mm4Codec.decode(forwardBytes);
  }

  /** Decode from a stream: the input is read into a buffer the message owns. */
  @Benchmark
  public Mm4Message parseForwardReqFromStream() throws IOException {
    return Mm4Codec.decode(new ByteArrayInputStream(forwardBytes));
  }

  /** Format a built message: every field folded, the image base64-encoded. */
  @Benchmark
  public byte[] formatForwardReq() {
    return Mm4Codec.encode(forwardBuilt);
  }

  /** Format a parsed, unchanged message: raw bytes written back. */
  @Benchmark
  public byte[] formatParsedForwardReq() {
    return Mm4Codec.encode(forwardParsed);
  }

  @Benchmark
  public Mm4Message parseDeliveryReport() throws Mm4FormatException {
    return Mm4Codec.decode(reportBytes);
  }

  @Benchmark
  public byte[] formatDeliveryReport() {
    return Mm4Codec.encode(reportBuilt);
  }
}
