package org.mmsstack.benchmarks.mm4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.mime.TransferEncoding;
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
 * The five kinds of MM4 work a Relay/Server does, each beside a floor measured in the same run on
 * the same bytes:
 *
 * <ul>
 *   <li>{@link #fullParse}: every header of every entity read, every part decoded, and the
 *       findings of the bodies asked for ({@code checkData()}: lenient decoding locates the
 *       bodies and checks each as it is read); floor {@link #floorFullParse}, one pass over the
 *       bytes plus {@code java.util.Base64} decoding of the same base64 parts.
 *   <li>{@link #headersOnly}: the message's own header block, what routing and the border filter
 *       read; floor {@link #floorHeaders}, one pass over that block.
 *   <li>{@link #treeHeaders}: every header of the MIME tree, no body decoded; floor {@link
 *       #floorPass}, one pass over the bytes.
 *   <li>{@link #fullParseChecked} and {@link #treeHeadersChecked}: rows 1 and 3 decoded with
 *       {@code Mm4Config.checkBodies(true)} (what strict decoding does): every body checked by
 *       decode.
 *   <li>{@link #writeBuilt}: a built message written; floor {@link #floorWrite}, one array of the
 *       output size allocated and filled by one arraycopy.
 *   <li>{@link #buildWrite}: the message built and written (its parts' data made beforehand);
 *       {@link #build}: the same building alone (the corpus input builds the small forward
 *       request only).
 *       {@link #floorBase64Write}: the JDK's MIME base64 encoder over the same image data, the
 *       bulk of the output at 100 KB and 1 MB.
 * </ul>
 *
 * <p>{@code input}: {@code corpus} is every real MM4 capture of the shared corpus per operation
 * (parse rows; the write rows then use a small built MM4_forward.REQ and a delivery report);
 * {@code 10k}, {@code 100k}, {@code 1m} are generated MM4_forward.REQ mails of about that size
 * (SMIL, text, one base64 image).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Mm4PathsBenchmark {

  static final String[] CORPUS = {
    "mm4/davidtzur-mms/MM4Req/Fromhotmobile.txt",
    "mm4/davidtzur-mms/MM4Res/CellcomRES.txt",
    "mm4/davidtzur-mms/MM4Res/GolantelecomRES.txt",
    "mm4/davidtzur-mms/MM4Res/PelephoneRES.txt",
    "mm4/davidtzur-mms/MM4Res/We4gRES.txt",
  };

  private static final Mm4Config CHECKED = Mm4Config.DEFAULT.toBuilder().checkBodies(true).build();

  @Param({"corpus", "10k", "100k", "1m"})
  public String input;

  private byte[][] mails;
  private int[] headerEnds;
  private ByteBuffer[] base64Parts;
  private Mm4Message[] built;
  private int[] builtSizes;
  private byte[] image;
  private byte[] writeSource;

  @Setup
  public void setup() throws Mm4FormatException {
    List<byte[]> in = new ArrayList<>();
    if (input.equals("corpus")) {
      for (String f : CORPUS) {
        in.add(CorpusFiles.read(f));
      }
      image = new byte[0];
      built = new Mm4Message[] {Mm4Mails.forward(new byte[0]), Mm4Mails.report()};
    } else {
      int size =
          switch (input) {
            case "10k" -> 10 * 1024;
            case "100k" -> 100 * 1024;
            default -> 1024 * 1024;
          };
      // Base64 grows data by 4/3 plus line ends; the rest of the mail is about 1.5 KB.
      image = Mm4Mails.image(Math.max(0, (size - 1536) * 57 / 78));
      Mm4Message m = Mm4Mails.forward(image);
      in.add(Mm4Codec.encode(m));
      built = new Mm4Message[] {m};
    }
    mails = in.toArray(new byte[0][]);
    headerEnds = new int[mails.length];
    List<ByteBuffer> b64 = new ArrayList<>();
    for (int i = 0; i < mails.length; i++) {
      headerEnds[i] = headerEnd(mails[i]);
      collectBase64(Mm4Codec.decode(mails[i]).content(), b64);
    }
    base64Parts = b64.toArray(new ByteBuffer[0]);
    builtSizes = new int[built.length];
    for (int i = 0; i < built.length; i++) {
      builtSizes[i] = Mm4Codec.encode(built[i]).length;
    }
    writeSource = new byte[java.util.Arrays.stream(builtSizes).max().orElse(0)];
    new SplittableRandom(7).nextBytes(writeSource);
  }

  /** The same parts as base64 text in 76-character lines, for the floor's JDK decoder. */
  private static void collectBase64(MimeEntity e, List<ByteBuffer> out) {
    if (e.isMultipart()) {
      for (MimeEntity p : e.parts()) {
        collectBase64(p, out);
      }
    } else if (e.transferEncoding().orElse(null) == TransferEncoding.BASE64) {
      out.add(ByteBuffer.wrap(Base64.getMimeEncoder().encode(e.dataBytes())));
    }
  }

  private static int headerEnd(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      if (b[i] == '\n' && (b[i + 1] == '\n' || (b[i + 1] == '\r' && i + 2 < b.length))) {
        return i + 1;
      }
    }
    return b.length;
  }

  private static void readHeaders(Mm4Headers headers, Blackhole bh) {
    for (Mm4Header h : headers) {
      bh.consume(h.value());
    }
  }

  private static void walk(MimeEntity e, boolean data, Blackhole bh) {
    readHeaders(e.headers(), bh);
    if (e.isMultipart()) {
      for (MimeEntity p : e.parts()) {
        walk(p, data, bh);
      }
    } else if (data) {
      bh.consume(e.data());
    }
  }

  /**
   * Row 1: every header read, every part decoded, the bodies' findings asked for (each body
   * checked and decoded in one pass when read).
   */
  @Benchmark
  public void fullParse(Blackhole bh) throws Mm4FormatException {
    for (byte[] m : mails) {
      MimeEntity root = Mm4Codec.decode(m).content();
      walk(root, true, bh);
      bh.consume(root.checkData());
    }
  }

  /** Row 1 with every body checked by decode, then decoded when read. */
  @Benchmark
  public void fullParseChecked(Blackhole bh) throws Mm4FormatException {
    for (byte[] m : mails) {
      walk(Mm4Codec.decode(m, CHECKED).content(), true, bh);
    }
  }

  /** Floor of row 1: one pass over the bytes, and the JDK's base64 decoding of the same parts. */
  @Benchmark
  public void floorFullParse(Blackhole bh) {
    floorPass(bh);
    Base64.Decoder d = Base64.getMimeDecoder();
    for (ByteBuffer b : base64Parts) {
      bh.consume(d.decode(b.duplicate()));
    }
  }

  /** Row 2: the message's own header block only. */
  @Benchmark
  public void headersOnly(Blackhole bh) throws Mm4FormatException {
    for (byte[] m : mails) {
      readHeaders(Mm4Codec.decodeHeaders(m), bh);
    }
  }

  /** Floor of row 2: one pass over the header block. */
  @Benchmark
  public int floorHeaders() {
    int lines = 0;
    for (int i = 0; i < mails.length; i++) {
      byte[] m = mails[i];
      for (int j = 0, end = headerEnds[i]; j < end; j++) {
        if (m[j] == '\n') {
          lines++;
        }
      }
    }
    return lines;
  }

  /**
   * Row 3: every header of the MIME tree, no body decoded (nor checked): what a Relay/Server
   * routing on the tree's headers does.
   */
  @Benchmark
  public void treeHeaders(Blackhole bh) throws Mm4FormatException {
    for (byte[] m : mails) {
      walk(Mm4Codec.decode(m).content(), false, bh);
    }
  }

  /** Row 3 with every body checked by decode. */
  @Benchmark
  public void treeHeadersChecked(Blackhole bh) throws Mm4FormatException {
    for (byte[] m : mails) {
      walk(Mm4Codec.decode(m, CHECKED).content(), false, bh);
    }
  }

  /** Floor of rows 1 and 3: one pass over the bytes. */
  @Benchmark
  public void floorPass(Blackhole bh) {
    int lines = 0;
    for (byte[] m : mails) {
      for (byte b : m) {
        if (b == '\n') {
          lines++;
        }
      }
    }
    bh.consume(lines);
  }

  /** Row 4: a built message written. */
  @Benchmark
  public void writeBuilt(Blackhole bh) {
    for (Mm4Message m : built) {
      bh.consume(Mm4Codec.encode(m));
    }
  }

  /** Floor of rows 4 and 5: an array of the output size, filled by one arraycopy. */
  @Benchmark
  public void floorWrite(Blackhole bh) {
    for (int n : builtSizes) {
      byte[] out = new byte[n];
      System.arraycopy(writeSource, 0, out, 0, n);
      bh.consume(out);
    }
  }

  /** Floor of the base64 in rows 4 and 5: {@code java.util.Base64}'s MIME encoder, same data. */
  @Benchmark
  public byte[] floorBase64Write() {
    return Base64.getMimeEncoder().encode(image);
  }

  /** Row 5 split: the message built (from data made beforehand), not written. */
  @Benchmark
  public Mm4Message build() {
    return Mm4Mails.forward(image);
  }

  /** Row 5: the message built (from data made beforehand) and written. */
  @Benchmark
  public byte[] buildWrite() {
    return Mm4Codec.encode(Mm4Mails.forward(image));
  }
}
