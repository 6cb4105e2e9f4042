package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;

/** mms encode against hostile documents: numbers out of range, headers out of place, many documents. */
class HostileJsonEncodeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static ObjectNode sendReq() throws Exception {
    Path f = SamplesTest.SAMPLES.resolve("m-send-req.mms");
    return (ObjectNode) JSON.readTree(Tool.run("decode", "--json", f.toString()).stdoutBytes());
  }

  /** The document with an X-Mms-Expiry of {@code {"relative": seconds}} as its fourth header. */
  private static ObjectNode withExpiry(JsonNode seconds) throws Exception {
    ObjectNode doc = sendReq();
    ObjectNode h = JSON.createObjectNode();
    h.put("code", 0x88).put("name", "X-Mms-Expiry").putObject("value").set("relative", seconds);
    ((ArrayNode) doc.get("headers")).insert(3, h);
    return doc;
  }

  private static Tool.Outcome encode(JsonNode doc, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("encode", "-"));
    args.addAll(List.of(more));
    return Tool.runWithInput(JSON.writeValueAsBytes(doc), args.toArray(new String[0]))
        .assertNoStackTrace();
  }

  private static void assertRefused(Tool.Outcome o, String pointer, String number) {
    assertEquals(1, o.status(), o::stderr);
    assertEquals(0, o.stdoutBytes().length, "nothing written");
    String err = o.stderr().replace("\r", "");
    assertEquals(1, err.split("\n").length, err);
    assertTrue(err.startsWith("mms: -: " + pointer + ": " + number + " is "), err);
  }

  @Test
  void refusesARelativeTimeOfTwoToTheSixtyFour() throws Exception {
    BigInteger big = BigInteger.TWO.pow(64);
    Tool.Outcome o = encode(withExpiry(JSON.getNodeFactory().numberNode(big)));
    assertRefused(o, "/headers/3/value/relative", big.toString());
    assertTrue(o.stderr().contains("out of range (0 to 9223372036854775807)"), o::stderr);
  }

  @Test
  void refusesTenToTheTwentyInsteadOfWrappingIt() throws Exception {
    BigInteger big = BigInteger.TEN.pow(20);
    assertRefused(
        encode(withExpiry(JSON.getNodeFactory().numberNode(big))),
        "/headers/3/value/relative",
        big.toString());
  }

  @Test
  void refusesNegativeAndFractionalNumbers() throws Exception {
    assertRefused(
        encode(withExpiry(JSON.getNodeFactory().numberNode(-5L))),
        "/headers/3/value/relative",
        "-5");
    Tool.Outcome o = encode(withExpiry(JSON.getNodeFactory().numberNode(1.5)));
    assertRefused(o, "/headers/3/value/relative", "1.5");
    assertTrue(o.stderr().contains("not a whole number"), o::stderr);
  }

  @Test
  void refusesAHeaderCodeBeyondAnOctet() throws Exception {
    ObjectNode doc = sendReq();
    long code = (1L << 32) + 0x8F;
    ((ObjectNode) doc.get("headers").get(2)).put("code", code).remove("raw");
    Tool.Outcome o = encode(doc);
    assertRefused(o, "/headers/2/code", Long.toString(code));
    assertTrue(o.stderr().contains("out of range (0 to 255)"), o::stderr);
  }

  @Test
  void aHeaderAfterContentTypeIsWrittenBeforeItAndSaidSo() throws Exception {
    ObjectNode doc = sendReq();
    ArrayNode hs = (ArrayNode) doc.get("headers");
    ObjectNode priority = JSON.createObjectNode();
    priority.put("code", 0x8F).put("name", "X-Mms-Priority").put("value", "High");
    hs.add(priority);
    Tool.Outcome o = encode(doc);
    assertEquals(0, o.status(), o::stderr);
    int at = hs.size() - 1;
    assertTrue(
        o.stderr()
            .startsWith(
                "mms: -: note: /headers/" + at + " (X-Mms-Priority): given after Content-Type"),
        o::stderr);
    Pdu pdu = PduCodec.decode(o.stdoutBytes());
    List<Header> decoded = pdu.headers();
    assertEquals(HeaderField.CONTENT_TYPE, decoded.get(decoded.size() - 1).field());
    assertEquals(HeaderField.PRIORITY, decoded.get(decoded.size() - 2).field());
    assertTrue(pdu.body().isPresent());
  }

  @Test
  void severalDocumentsAreWrittenOneByOne() throws Exception {
    byte[] one = Tool.run("decode", "--json", "--compact", sample("m-send-req.mms")).stdoutBytes();
    byte[] two =
        Tool.run("decode", "--json", "--compact", sample("m-notification-ind.mms")).stdoutBytes();
    Path stream = dir.resolve("two.jsonl");
    Files.write(stream, concat(one, two));
    Tool.Outcome refused = Tool.run("encode", stream.toString()).assertNoStackTrace();
    assertEquals(2, refused.status());
    assertTrue(refused.stderr().contains("choose one with --index N"), refused::stderr);
    Tool.Outcome second = Tool.run("encode", stream.toString(), "--index", "1");
    assertEquals(0, second.status(), second::stderr);
    assertArrayEquals(
        Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-notification-ind.mms")),
        second.stdoutBytes());
    Path out = Files.createDirectory(dir.resolve("out"));
    Tool.Outcome each = Tool.run("encode", stream.toString(), "-o", out.toString());
    assertEquals(0, each.status(), each::stderr);
    assertArrayEquals(
        Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-send-req.mms")),
        Files.readAllBytes(out.resolve("0.mms")));
    assertArrayEquals(
        Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-notification-ind.mms")),
        Files.readAllBytes(out.resolve("1.mms")));
  }

  /**
   * A stream of documents several times the heap is encoded document by document in a JVM of 64
   * MiB: it could not be parsed whole first.
   */
  @Test
  void aStreamLargerThanTheHeapIsEncodedIn64MiB() throws Exception {
    ObjectNode doc = sendReq();
    // Each document carries 48 KiB of data in its first part (encoded canonically: its raw
    // lengths no longer match): 2,000 of them make a stream of about 130 MB.
    byte[] data = new byte[48 * 1024];
    ObjectNode part = (ObjectNode) doc.get("parts").get(0);
    part.remove("text");
    int documents = 2_000;
    Path stream = dir.resolve("big.jsonl");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(stream), 1 << 16)) {
      for (int i = 0; i < documents; i++) {
        data[0] = (byte) i;
        part.put("data", Base64.getEncoder().encodeToString(data));
        o.write(JSON.writeValueAsBytes(doc));
        o.write('\n');
      }
    }
    assertTrue(Files.size(stream) > 128L << 20);
    Path out = Files.createDirectory(dir.resolve("pdus"));
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "encode",
            stream.toString(),
            "-o",
            out.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    try (var files = Files.list(out)) {
      assertEquals(documents, files.count());
    }
    Pdu last = PduCodec.decode(Files.readAllBytes(out.resolve((documents - 1) + ".mms")));
    assertEquals(
        (byte) (documents - 1),
        ((org.mmsstack.encapsulation.body.MultipartBody) last.body().orElseThrow())
            .parts()
            .get(0)
            .dataBytes()[0]);
  }

  private static String sample(String name) {
    return SamplesTest.SAMPLES.resolve(name).toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
