package org.mmsstack.benchmarks.mm4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.convert.ConversionContext;
import org.mmsstack.mm4.convert.ConversionException;
import org.mmsstack.mm4.convert.Mm1ToMm4;
import org.mmsstack.mm4.convert.Mm4ToMm1;
import org.mmsstack.mm4.value.Mm4Address;
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
 * What a Relay/Server pays per MM crossing MMSEs: a binary m-send-req (SMIL, text, a ~100 KB
 * image) decoded, converted to an MM4_forward.REQ and formatted as mail bytes; and the way back,
 * mail bytes parsed, converted to an m-retrieve-conf and encoded. Inputs use a fixed seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConvertBenchmark {

  private ConversionContext context;
  private byte[] sendReqBytes;
  private byte[] mailBytes;

  @Setup
  public void setup() throws Exception {
    byte[] image = new byte[100 * 1024];
    new SplittableRandom(42).nextBytes(image);
    Part smil =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data(
                ("<smil><head><layout><root-layout/><region id=\"Image\"/><region id=\"Text\"/></layout></head>"
                        + "<body><par dur=\"5000ms\"><img src=\"cid:img\" region=\"Image\"/><text src=\"cid:txt\" "
                        + "region=\"Text\"/></par></body></smil>")
                    .getBytes(StandardCharsets.US_ASCII))
            .contentId("<smil>")
            .build();
    Part text =
        Part.builder()
            .contentType(
                ContentType.of(MediaType.TEXT_PLAIN).withParameter("charset", CharacterSet.UTF_8))
            .data(
                "Grüße from the benchmark, with a few words of text."
                    .getBytes(StandardCharsets.UTF_8))
            .contentId("<txt>")
            .build();
    Part jpeg =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG).withParameter("name", "image.jpg"))
            .data(image)
            .contentId("<img>")
            .contentLocation("image.jpg")
            .build();
    SendReq req =
        SendReq.builder()
            .transactionId("bench-1")
            .from(FromValue.insertAddress())
            .to("+491700000002/TYPE=PLMN")
            .subject("Benchmark")
            .body(
                ContentType.of(MediaType.MULTIPART_RELATED)
                    .withParameter("start", "<smil>")
                    .withParameter("type", MediaType.APPLICATION_SMIL),
                MultipartBody.of(smil, text, jpeg))
            .build();
    sendReqBytes = PduCodec.encode(req);
    context =
        ConversionContext.builder()
            .originatorSystem(Mm4Address.of(null, "system-user", null, "mms.mnc002.mcc262.gprs"))
            .localDomain("mms.mnc002.mcc262.gprs")
            .recipientDomain("mms.mnc001.mcc262.gprs")
            .messageId("MM-1@mms.mnc002.mcc262.gprs")
            .senderAddress(Address.plmn("+491700000001"))
            .clock(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC))
            .contentLocation("http://mmsc/mm/1")
            .build();
    mailBytes = sendReqToMm4Bytes();
  }

  /** Binary m-send-req bytes -> decoded -> MM4_forward.REQ -> mail bytes. */
  @Benchmark
  public byte[] sendReqToMm4Bytes() throws PduFormatException, ConversionException {
    SendReq req = (SendReq) PduCodec.decode(sendReqBytes);
    return Mm4Codec.encode(Mm1ToMm4.forwardReq(req, context).message());
  }

  /** Mail bytes -> parsed MM4_forward.REQ -> m-retrieve-conf -> binary bytes. */
  @Benchmark
  public byte[] mm4BytesToRetrieveConf() throws Mm4FormatException, ConversionException {
    Mm4ForwardReq fwd = (Mm4ForwardReq) Mm4Codec.decode(mailBytes);
    RetrieveConf conf = Mm4ToMm1.retrieveConf(fwd, context).value();
    return PduCodec.encode(conf);
  }
}
