package org.mmsstack.benchmarks.encapsulation;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
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

/**
 * Building and encoding the README's m-send-req (SMIL, a text and a JPEG of {@code jpegSize}
 * octets) beside its floor: one {@code System.arraycopy} into a new array of the output's size.
 * The interesting figure is the allocation ({@code -prof gc}) against the output size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BuildEncodeBenchmark {

  @Param({"10240", "219136"})
  public int jpegSize;

  private byte[] smil;
  private byte[] jpeg;
  private byte[] output;

  @Setup
  public void setUp() {
    smil =
        ("<smil><head><layout><region id=\"Image\" top=\"0\" left=\"0\" height=\"80%\" width=\"100%\"/>"
                + "<region id=\"Text\" top=\"80%\" left=\"0\" height=\"20%\" width=\"100%\"/></layout></head>"
                + "<body><par dur=\"5000ms\"><img src=\"photo.jpg\" region=\"Image\"/>"
                + "<text src=\"text.txt\" region=\"Text\"/></par></body></smil>")
            .getBytes(StandardCharsets.US_ASCII);
    jpeg = new byte[jpegSize];
    new Random(7).nextBytes(jpeg);
    jpeg[0] = (byte) 0xFF;
    jpeg[1] = (byte) 0xD8;
    output = buildAndEncode();
  }

  /** The floor: the output's size allocated and filled by one copy. */
  @Benchmark
  public byte[] floorOneCopy() {
    byte[] out = new byte[output.length];
    System.arraycopy(output, 0, out, 0, output.length);
    return out;
  }

  @Benchmark
  public byte[] buildAndEncode() {
    Part smilPart =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data(smil)
            .contentId("<smil>")
            .build();
    Part text =
        Part.builder().text("Hello").contentId("<text>").contentLocation("text.txt").build();
    Part photo =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG).withParameter("name", "photo.jpg"))
            .data(jpeg)
            .contentId("<photo>")
            .build();
    SendReq req =
        SendReq.builder()
            .transactionId("T1")
            .from(FromValue.insertAddress())
            .to("+4917612345678/TYPE=PLMN")
            .subject("Grüße")
            .body(
                ContentType.of(MediaType.MULTIPART_RELATED)
                    .withParameter("start", "<smil>")
                    .withParameter("type", MediaType.APPLICATION_SMIL),
                MultipartBody.of(smilPart, text, photo))
            .build();
    return PduCodec.encode(req);
  }
}
