package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureWriter;

/** validate over many inputs at once, captures streamed from files and standard input, JSON Lines. */
class ValidateStreamingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A directory of inputs of every kind: samples, a gzip capture, a cut capture, a text file. */
  private Path inputs() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    try (var s = Files.list(SamplesTest.SAMPLES)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        Files.copy(p, in.resolve(p.getFileName()));
      }
    }
    byte[] pcap = Files.readAllBytes(SamplesTest.SAMPLES.resolve("mms-exchange.pcap"));
    Files.write(in.resolve("zz-exchange.pcap.gz"), gzip(pcap));
    Files.write(in.resolve("zz-cut.pcap"), java.util.Arrays.copyOf(pcap, pcap.length / 2));
    return in;
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void parallelJobsGiveTheSameOutputInInputOrder() throws IOException {
    Path in = inputs();
    Tool.Outcome one = Tool.run("validate", "--jobs", "1", in.toString()).assertNoStackTrace();
    Tool.Outcome four = Tool.run("validate", "--jobs", "4", in.toString()).assertNoStackTrace();
    Tool.Outcome dflt = Tool.run("validate", in.toString()).assertNoStackTrace();
    assertEquals(one.stdout(), four.stdout());
    assertEquals(one.stdout(), dflt.stdout());
    assertEquals(one.stderr(), four.stderr());
    assertEquals(one.status(), four.status());
    assertTrue(one.stdout().contains("zz-cut.pcap [offset "), one::stdout);
    assertEquals(2, Tool.run("validate", "--jobs", "0", in.toString()).status());
  }

  @Test
  void jsonIsOneResultPerLineThenTheSummary() throws IOException {
    Path in = inputs();
    Tool.Outcome o =
        Tool.run("validate", "--json", "--jobs", "3", in.toString()).assertNoStackTrace();
    List<String> lines = o.stdout().lines().toList();
    List<JsonNode> docs = new ArrayList<>();
    for (String l : lines) {
      docs.add(JSON.readTree(l)); // every line is one whole JSON document
    }
    JsonNode last = docs.get(docs.size() - 1);
    assertEquals("mmsstack-validate/2", last.get("schema").asText());
    assertEquals(o.status(), last.get("exitStatus").asInt());
    int results = 0;
    for (JsonNode d : docs.subList(0, docs.size() - 1)) {
      assertTrue(d.has("file") && d.has("status") && d.has("findings"), d::toString);
      assertFalse(d.has("summary"));
      results++;
    }
    JsonNode s = last.get("summary");
    assertEquals(
        results,
        s.get("pdus").asInt()
            + s.get("mm4Messages").asInt()
            + s.get("inputsWithoutPdu").asInt()
            + s.get("unreadable").asInt(),
        s::toString);
    // The gzip capture's PDUs are there, after the PDUs of the files before it.
    assertTrue(
        docs.stream()
            .anyMatch(
                d -> d.get("file").asText().endsWith("zz-exchange.pcap.gz") && d.has("frame")),
        o::stdout);
  }

  @Test
  void capturesOnStandardInputAreStreamedGzipIncluded() throws IOException {
    byte[] pcap = Files.readAllBytes(SamplesTest.SAMPLES.resolve("mms-exchange.pcap"));
    Tool.Outcome file =
        Tool.run("validate", "--json", SamplesTest.SAMPLES.resolve("mms-exchange.pcap").toString());
    Tool.Outcome stdin =
        Tool.runWithInput(gzip(pcap), "validate", "--json", "-").assertNoStackTrace();
    assertEquals(file.status(), stdin.status());
    List<String> a = file.stdout().lines().toList();
    List<String> b = stdin.stdout().lines().toList();
    assertEquals(a.size(), b.size());
    int pdus = CaptureReader.read(pcap).pdus().size();
    assertEquals(pdus + 1, b.size(), stdin::stdout);
    for (int i = 0; i < a.size() - 1; i++) {
      JsonNode x = JSON.readTree(a.get(i));
      JsonNode y = JSON.readTree(b.get(i));
      assertEquals(x.get("origin"), y.get("origin"));
      assertEquals(x.get("findings"), y.get("findings"));
      assertEquals("(stdin)", y.get("file").asText());
    }
  }

  @Test
  void mm4MailInAnSmtpCaptureIsValidatedAsMm4() throws IOException {
    byte[] mail = Files.readAllBytes(SamplesTest.SAMPLES.resolve("mm4-forward-req.eml"));
    String text =
        new String(mail, java.nio.charset.StandardCharsets.ISO_8859_1)
            .replaceAll("(?<!\r)\n", "\r\n");
    byte[] session =
        ("EHLO a\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n"
                + text.replaceAll("(?m)^\\.", "..")
                + (text.endsWith("\r\n") ? "" : "\r\n")
                + ".\r\nQUIT\r\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    var client = new java.net.InetSocketAddress("10.0.0.1", 40_000);
    var server = new java.net.InetSocketAddress("10.0.0.2", 25);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CaptureWriter w = new CaptureWriter(out, CaptureWriter.Format.PCAPNG)) {
      w.writeFrame(
          java.time.Instant.EPOCH,
          CaptureWriter.tcpFrame(client, server, 0, 0, CaptureWriter.SYN, new byte[0]));
      w.writeFrame(
          java.time.Instant.EPOCH,
          CaptureWriter.tcpFrame(client, server, 1, 1, CaptureWriter.ACK, session));
      w.writeFrame(
          java.time.Instant.EPOCH,
          CaptureWriter.tcpFrame(
              client,
              server,
              1 + session.length,
              1,
              CaptureWriter.FIN | CaptureWriter.ACK,
              new byte[0]));
    }
    Path f = dir.resolve("mm4.pcapng");
    Files.write(f, out.toByteArray());
    Tool.Outcome o = Tool.run("validate", "--json", f.toString()).assertNoStackTrace();
    JsonNode first = JSON.readTree(o.stdout().lines().findFirst().orElseThrow());
    assertEquals("mm4", first.get("format").asText(), o::stdout);
    assertEquals("MM4_forward.REQ", first.get("messageType").asText(), o::stdout);
    assertTrue(
        first.get("origin").asText().contains("SMTP DATA 10.0.0.1:40000 -> 10.0.0.2:25"),
        o::stdout);
  }
}
