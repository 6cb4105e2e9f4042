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

  /** A capture of {@code n} POSTs of a PDU (with a finding or not) on one connection. */
  private static byte[] capture(int n, byte[] pdu) throws IOException {
    byte[] req =
        ("POST /mms HTTP/1.1\r\nHost: mmsc\r\nContent-Type: application/vnd.wap.mms-message\r\n"
                + "Content-Length: "
                + pdu.length
                + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] message = java.util.Arrays.copyOf(req, req.length + pdu.length);
    System.arraycopy(pdu, 0, message, req.length, pdu.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CaptureWriter w =
        new CaptureWriter(
            out,
            CaptureWriter.Format.PCAP,
            CaptureWriter.LINKTYPE_ETHERNET,
            java.nio.ByteOrder.LITTLE_ENDIAN)) {
      java.net.InetSocketAddress client = new java.net.InetSocketAddress("10.0.0.1", 40_000);
      java.net.InetSocketAddress server = new java.net.InetSocketAddress("10.0.0.2", 80);
      java.time.Instant t = java.time.Instant.parse("2024-01-01T00:00:00Z");
      long seq = 1;
      for (int i = 0; i < n; i++) {
        w.writeFrame(t, CaptureWriter.tcpFrame(client, server, seq, 1, CaptureWriter.ACK, message));
        seq += message.length;
      }
    }
    return out.toByteArray();
  }

  @Test
  void inputsOfMorePdusThanAQueueHoldsGiveTheSameOutputWithAnyNumberOfJobs() throws IOException {
    // Without --html a queued result keeps only what is reported (size, type, findings), so a
    // worker can check a whole capture ahead of the one being reported: what is reported must
    // not change with it, in text or JSON, whatever the order the workers finish in.
    Path in = Files.createDirectories(dir.resolve("many"));
    byte[] clean = Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-send-req.mms"));
    byte[] broken =
        Files.readAllBytes(SamplesTest.SAMPLES.resolve("broken-truncated-notification.mms"));
    Files.write(in.resolve("a.pcap"), capture(700, clean));
    Files.write(in.resolve("b.pcap"), capture(600, broken));
    Files.write(in.resolve("c.pcap"), capture(5, clean));
    for (String mode : new String[] {"--json", "--severity=INFO"}) {
      Tool.Outcome one = Tool.run("validate", mode, "--jobs", "1", in.toString());
      Tool.Outcome three = Tool.run("validate", mode, "--jobs", "3", in.toString());
      assertEquals(one.stdout(), three.stdout(), mode);
      assertEquals(one.status(), three.status(), mode);
    }
    List<String> lines =
        Tool.run("validate", "--json", "--jobs", "3", in.toString()).stdout().lines().toList();
    assertEquals(700 + 600 + 5 + 1, lines.size());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals(clean.length, first.get("size").asInt());
    assertEquals("m-send-req", first.get("messageType").asText());
    JsonNode b = JSON.readTree(lines.get(700));
    assertTrue(b.get("file").asText().endsWith("b.pcap"), b::toString);
    assertEquals(broken.length, b.get("size").asInt());
    assertFalse(b.get("findings").isEmpty(), b::toString);
    JsonNode s = JSON.readTree(lines.get(lines.size() - 1)).get("summary");
    assertEquals(1305, s.get("pdus").asInt(), s::toString);
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
