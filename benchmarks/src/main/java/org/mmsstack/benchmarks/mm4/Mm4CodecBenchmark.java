package org.mmsstack.benchmarks.mm4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.mime.MediaType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.YesNo;
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
    OffsetDateTime date = OffsetDateTime.of(2024, 3, 1, 12, 30, 45, 0, ZoneOffset.UTC);
    byte[] image = new byte[100 * 1024];
    new SplittableRandom(42).nextBytes(image);
    MimeEntity smil =
        MimeEntity.builder(MediaType.of("application", "smil"))
            .data(
                ("<smil><head><layout><root-layout/><region id=\"Image\"/><region id=\"Text\"/></layout></head>"
                        + "<body><par dur=\"5000ms\"><img src=\"image.jpg\" region=\"Image\"/><text src=\"text.txt\" "
                        + "region=\"Text\"/></par></body></smil>")
                    .getBytes(StandardCharsets.US_ASCII))
            .contentId("smil")
            .contentLocation("smil.xml")
            .build();
    MimeEntity text =
        MimeEntity.builder(MediaType.of("text", "plain"))
            .text("Greetings from the benchmark, with a few words of text.", StandardCharsets.UTF_8)
            .contentId("text")
            .contentLocation("text.txt")
            .build();
    MimeEntity jpeg =
        MimeEntity.builder(MediaType.of("image", "jpeg"))
            .data(image)
            .contentId("image")
            .contentLocation("image.jpg")
            .build();
    MimeEntity related =
        MimeEntity.builder(
                MediaType.of("multipart", "related")
                    .withParameter("type", "application/smil")
                    .withParameter("start", "<smil>"))
            .addPart(smil)
            .addPart(text)
            .addPart(jpeg)
            .build();
    forwardBuilt =
        Mm4ForwardReq.builder()
            .mmsVersion(Mm4Version.V6_8_0)
            .transactionId("tx-0001@mms.example")
            .messageId("mm-0001@mms.example")
            .from(Mm4Address.plmn("+4915550000001"))
            .to(Mm4Address.plmn("+4915550000002"))
            .date(date)
            .subject("Holiday picture")
            .rfc822MessageId("mail-0001@mms.example")
            .originatorSystem(Mm4Address.parse("system-user@mms.mnc001.mcc262.gprs"))
            .messageClass(MessageClass.PERSONAL)
            .priority(Priority.NORMAL)
            .deliveryReport(YesNo.YES)
            .readReply(YesNo.NO)
            .ackRequest(YesNo.YES)
            .expiry(date.plusDays(7))
            .content(related)
            .build();
    forwardBytes = Mm4Codec.encode(forwardBuilt);
    forwardParsed = Mm4Codec.decode(forwardBytes);
    reportBuilt =
        Mm4DeliveryReportReq.builder()
            .mmsVersion(Mm4Version.V6_8_0)
            .transactionId("dr-0001")
            .messageId("mm-0001@mms.example")
            .from(Mm4Address.plmn("+4915550000002"))
            .to(Mm4Address.plmn("+4915550000001"))
            .date(date)
            .mmStatusCode(MmStatusCode.RETRIEVED)
            .ackRequest(YesNo.NO)
            .rfc822MessageId("dr-0001@mms.example")
            .sender(Mm4Address.parse("system-user@mms.mnc002.mcc262.gprs"))
            .build();
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
