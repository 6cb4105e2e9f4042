package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.cli.json.PduJson;

/** Output that cannot blow up, and the small cases of hostile input files. */
class HostileInputOutputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String sample(String name) {
    return SamplesTest.SAMPLES.resolve(name).toString();
  }

  /** m-send-req with a text part of {@code lines} numbered lines. */
  private Path longTextPdu(int lines) throws Exception {
    ObjectNode doc =
        (ObjectNode)
            JSON.readTree(Tool.run("decode", "--json", sample("m-send-req.mms")).stdoutBytes());
    ObjectNode text = null;
    for (JsonNode p : doc.get("parts")) {
      if (p.path("contentType").path("value").asText().equals("text/plain")) {
        text = (ObjectNode) p;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= lines; i++) {
      sb.append("line ").append(i).append("\r\n");
    }
    text.remove("text");
    text.put(
        "data", Base64.getEncoder().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8)));
    Path f = dir.resolve("long.mms");
    Tool.Outcome enc =
        Tool.runWithInput(JSON.writeValueAsBytes(doc), "encode", "-", "-o", f.toString());
    assertEquals(0, enc.status(), enc::stderr);
    return f;
  }

  @Test
  void theTextDumpShowsAPartsFirstLinesAndSaysWhatIsLeft() throws Exception {
    Path f = longTextPdu(100);
    String out = Tool.run("decode", f.toString()).assertNoStackTrace().stdout();
    assertTrue(out.contains("| line 20\n"), out);
    assertFalse(out.contains("line 21"), out);
    // Lines 21 to 99 of 9 octets each (with CR LF), line 100 of 10.
    int left = 79 * 9 + 10;
    assertTrue(out.contains("(" + left + " more octets not shown; --full prints all)"), out);
    String all = Tool.run("decode", "--full", f.toString()).stdout();
    assertTrue(all.contains("| line 100\n"), all);
    assertFalse(all.contains("more octets not shown"), all);
  }

  @Test
  void anEmptyFileInAWalkedDirectoryIsAnInputWithAnError() throws Exception {
    Path d = Files.createDirectory(dir.resolve("walked"));
    Files.copy(SamplesTest.SAMPLES.resolve("m-send-conf.mms"), d.resolve("a.mms"));
    Files.write(d.resolve("b.mms"), new byte[0]);
    for (String cmd : List.of("validate", "decode")) {
      Tool.Outcome o = Tool.run(cmd, d.toString()).assertNoStackTrace();
      assertEquals(1, o.status(), () -> cmd + ": " + o.stdout() + o.stderr());
      assertTrue((o.stdout() + o.stderr()).contains("b.mms: "), o::stdout);
      assertTrue((o.stdout() + o.stderr()).contains("empty file"), o::stdout);
    }
  }

  @Test
  void mm4WithAFirstHeaderLineLongerThanTheSniffWindowIsStillMm4() throws Exception {
    Path f = dir.resolve("long-first-line");
    String mail =
        "Received: from relay.example "
            + "x".repeat(70 * 1024)
            + "\r\nX-Mms-Message-Type: MM4_forward.REQ\r\nX-Mms-3GPP-MMS-Version: 6.3.0\r\n"
            + "From: +123/TYPE=PLMN@a.example\r\nTo: +456/TYPE=PLMN@b.example\r\n\r\nhi\r\n";
    Files.write(f, mail.getBytes(StandardCharsets.US_ASCII));
    Tool.Outcome o = Tool.run("validate", f.toString()).assertNoStackTrace();
    assertFalse(o.stderr().contains("not an MMS PDU"), o::stderr);
    assertTrue(o.stdout().contains("MM4 messages"), o::stdout);
    assertTrue(o.stdout().contains("maxLineLength"), o::stdout);
    assertTrue(o.stdout().contains("[Received]"), o::stdout);
  }

  @Test
  void theLineLengthErrorNamesTheHeaderOfThatLine() throws Exception {
    Path f = dir.resolve("long-subject.eml");
    String mail =
        "X-Mms-Message-Type: MM4_forward.REQ\r\nX-Mms-3GPP-MMS-Version: 6.3.0\r\nSubject: "
            + "y".repeat(20_000)
            + "\r\nFrom: +123/TYPE=PLMN@a.example\r\n\r\nhi\r\n";
    Files.write(f, mail.getBytes(StandardCharsets.US_ASCII));
    Tool.Outcome o = Tool.run("validate", f.toString()).assertNoStackTrace();
    assertTrue(o.stdout().contains("[Subject]"), o::stdout);
    assertFalse(o.stdout().contains("[X-Mms-3GPP-MMS-Version]"), o::stdout);
  }

  /**
   * In a JVM of 256 MiB, decode --json of an undecodable 40 MiB PDU, MM4 mail with a 50 MB
   * header line and MM4 mail with an unparsable 40 MB body: each document embeds at most
   * {@link PduJson#MAX_EMBEDDED} octets, says so, and the next input is decoded.
   */
  @Test
  void undecodableHugeInputsGiveBoundedDocumentsIn256MiB() throws Exception {
    Path pdu = dir.resolve("huge.mms");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(pdu), 1 << 16)) {
      o.write(new byte[] {(byte) 0x8C, (byte) 0x80, (byte) 0x98}); // a Transaction-Id ...
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < 40; i++) {
        o.write(chunk); // ... that never ends
      }
    }
    Path line = dir.resolve("huge-line.eml");
    Path body = dir.resolve("huge-body.eml");
    String head = "X-Mms-Message-Type: MM4_forward.REQ\r\nX-Mms-3GPP-MMS-Version: 6.3.0\r\n";
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(line), 1 << 16)) {
      o.write((head + "Subject: ").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "z".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 50; i++) {
        o.write(chunk);
      }
      o.write("\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(body), 1 << 16)) {
      o.write(
          (head + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "w".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 40; i++) {
        o.write(chunk); // the closing boundary never comes
      }
    }
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "decode",
            "--json",
            "--compact",
            pdu.toString(),
            line.toString(),
            body.toString(),
            sample("m-send-req.mms"));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    Path out = dir.resolve("out.jsonl");
    Files.copy(p.getInputStream(), out);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), err);
    assertFalse(err.contains("OutOfMemory") || err.contains("\tat "), err);
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(out.toFile())) {
      it.forEachRemaining(docs::add);
    }
    assertEquals(4, docs.size(), err);
    assertTrue(Files.size(out) < 8L << 20, "bounded output: " + Files.size(out));
    assertEquals(
        "pdu", docs.get(0).path("cut").path(0).asText(), docs.get(0).path("cut")::toString);
    assertEquals(40 * (1 << 20) + 3, docs.get(0).path("size").asLong());
    assertEquals(
        PduJson.MAX_EMBEDDED, Base64.getDecoder().decode(docs.get(0).get("pdu").asText()).length);
    for (int i = 1; i <= 2; i++) {
      JsonNode d = docs.get(i);
      assertEquals("mmsstack-mm4/1", d.path("schema").asText(), d::toString);
      assertTrue(d.path("cut").toString().contains("\"mail\""), d.path("cut")::toString);
    }
    assertEquals("m-send-req", docs.get(3).path("messageType").asText());
    // A cut document cannot be written back: encode says so in one line.
    Tool.Outcome enc =
        Tool.runWithInput(JSON.writeValueAsBytes(docs.get(0)), "encode", "-").assertNoStackTrace();
    assertEquals(1, enc.status());
    assertTrue(enc.stderr().contains("/pdu: holds only the first"), enc::stderr);
  }
}
