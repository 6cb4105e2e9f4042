package org.mmsstack.benchmarks.encapsulation;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.HeaderCursor;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.TimeValue;
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
 * Decode and encode of the PDUs the codec issue names: a 121-octet m-notification-ind, an
 * m-send-req with SMIL and text, an 11 KB m-retrieve-conf with a JPEG (all from the shared
 * corpus), and a generated m-retrieve-conf of about 300 KB.
 *
 * <p>{@code decode} is what a Relay/Server or a phone pays to accept a PDU: the full structural
 * check, no value materialised. {@code decodeAndRead} also reads the values a receiver acts on
 * (for a notification: Content-Location, size, expiry, sender; for the others: every header
 * value and every part's content type), so the lazy design cannot flatter the figure.
 * Run with {@code -prof gc} for allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {

  @Param({
    "notification-121B",
    "send-req-smil-text",
    "retrieve-conf-11KB-jpeg",
    "retrieve-conf-300KB-generated"
  })
  public String input;

  private byte[] bytes;
  private Pdu decoded;
  private Pdu changed;

  @Setup
  public void setUp() throws PduFormatException {
    switch (input) {
      case "notification-121B":
        bytes = CorpusFiles.read("pdus/mmsd/ni-mms-1-3-con-271.mms");
        break;
      case "send-req-smil-text":
        bytes = CorpusFiles.read("pdus/mmsd/sr-mms-related-multi-to.mms");
        break;
      case "retrieve-conf-11KB-jpeg":
        bytes = CorpusFiles.read("pdus/mmsd/rc-mms-1-3-con-216.mms");
        break;
      default:
        bytes = generatedRetrieveConf(300 * 1024);
    }
    decoded = PduCodec.decode(bytes, DecodeConfig.LENIENT);
    changed = decoded.toBuilder().applicationHeader("X-Relay-Trace", "relay-7").build();
  }

  /** An m-retrieve-conf with SMIL, text and a pseudo-random 300 KB "image". */
  static byte[] generatedRetrieveConf(int imageSize) {
    byte[] image = new byte[imageSize];
    new Random(42).nextBytes(image);
    String smil =
        "<smil><body><par dur=\"5s\"><img src=\"cid:img\"/><text src=\"cid:txt\"/></par></body></smil>";
    Part smilPart =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data(smil.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .contentId("<smil>")
            .build();
    Part text =
        Part.builder().text("A generated message for the benchmark.").contentId("<txt>").build();
    Part jpeg =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG).withParameter("name", "photo.jpg"))
            .data(image)
            .contentId("<img>")
            .contentLocation("photo.jpg")
            .build();
    RetrieveConf pdu =
        RetrieveConf.builder()
            .transactionId("T0123456789")
            .messageId("MSG-0001")
            .date(java.time.Instant.ofEpochSecond(1_700_000_000L))
            .from(org.mmsstack.encapsulation.value.FromValue.of(Address.plmn("+4915112345678")))
            .to(Address.plmn("+4917612345678"))
            .subject("Benchmark")
            .body(
                ContentType.of(MediaType.MULTIPART_RELATED)
                    .withParameter("start", "<smil>")
                    .withParameter("type", MediaType.APPLICATION_SMIL),
                MultipartBody.of(smilPart, text, jpeg))
            .build();
    return PduCodec.encode(pdu);
  }

  @Benchmark
  public Pdu decode() throws PduFormatException {
    return PduCodec.decode(bytes, DecodeConfig.LENIENT);
  }

  @Benchmark
  public void decodeAndRead(Blackhole bh) throws PduFormatException {
    Pdu pdu = PduCodec.decode(bytes, DecodeConfig.LENIENT);
    if (pdu instanceof NotificationInd) {
      NotificationInd n = (NotificationInd) pdu;
      bh.consume(n.contentLocation().orElse(null));
      bh.consume(n.messageSize().orElse(0L));
      TimeValue expiry = n.expiry().orElse(null);
      bh.consume(expiry);
      bh.consume(n.from().orElse(null));
      bh.consume(n.transactionId().orElse(null));
      return;
    }
    HeaderCursor c = pdu.headerCursor();
    while (c.next()) {
      if (c.isNumeric()) {
        bh.consume(c.longValue());
      } else {
        bh.consume(c.value());
      }
    }
    pdu.body()
        .ifPresent(
            b -> {
              if (b instanceof MultipartBody) {
                for (Part p : ((MultipartBody) b).parts()) {
                  bh.consume(p.contentType());
                  bh.consume(p.data());
                }
              }
            });
  }

  /** Passing a PDU through unchanged: a decoded PDU encodes as the octets it came from. */
  @Benchmark
  public byte[] encodeDecoded() {
    return PduCodec.encode(decoded);
  }

  /**
   * Passing a PDU through with one header added, as a Relay/Server does: every other header is
   * written from its original octets, one by one, and the body from the input.
   */
  @Benchmark
  public byte[] encodeChanged() {
    return PduCodec.encode(changed);
  }
}
