package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The tool run end to end over every file of the shared corpus: exit status and output. */
class CorpusEndToEndTest {

  @TestFactory
  Stream<DynamicTest> decodeEveryPdu() {
    return CorpusFiles.files("pdus").stream()
        .map(
            f ->
                dynamicTest(
                    CorpusFiles.name(f),
                    () -> {
                      Tool.Outcome o = Tool.run("decode", f.toString()).assertNoStackTrace();
                      assertTrue(
                          o.status() == 0 || o.status() == 1,
                          () -> "status " + o.status() + "\n" + o.stderr());
                      assertTrue(o.stdout().startsWith(f + ": m-"), o::stdout);
                      assertTrue(o.stdout().contains("  X-Mms-Message-Type: m-"), o::stdout);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> decodeJsonThenEncodeGivesTheSameOctets() {
    return Stream.concat(
            CorpusFiles.files("pdus").stream(), CorpusFiles.files("malformed").stream())
        .map(f -> dynamicTest(CorpusFiles.name(f), () -> roundTrip(f)));
  }

  /**
   * Every corpus PDU with a multipart inside a multipart shows the inner parts in JSON (content
   * type, headers, data, recursively) instead of one opaque base64 member, and encodes back to
   * the same octets.
   */
  @Test
  void nestedMultipartsAreShownPartByPartAndEncodeByteExact() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    int nested = 0;
    for (Path f : CorpusFiles.files("pdus")) {
      Tool.Outcome json = Tool.run("decode", "--json", f.toString()).assertNoStackTrace();
      JsonNode doc = mapper.readTree(json.stdoutBytes());
      boolean found = false;
      for (JsonNode p : doc.path("parts")) {
        if (p.has("parts")) {
          found = true;
          assertFalse(p.has("data"), () -> f + ": a nested multipart is shown by its parts");
          assertTrue(p.has("rawCount"), f::toString);
          for (JsonNode inner : p.get("parts")) {
            assertTrue(inner.path("contentType").has("value"), () -> f + ": " + inner);
            assertTrue(inner.has("headers") && inner.has("rawHeaders"), () -> f + ": " + inner);
            assertTrue(inner.has("data") || inner.has("parts"), () -> f + ": " + inner);
          }
        }
      }
      if (found) {
        nested++;
        roundTrip(f);
      }
    }
    assertTrue(nested > 0, "the corpus has PDUs with nested multiparts");
  }

  static void roundTrip(Path f) throws IOException {
    Tool.Outcome json = Tool.run("decode", "--json", f.toString()).assertNoStackTrace();
    byte[] original = Files.readAllBytes(f);
    if ((original[0] & 0xFF) != 0x8C) {
      // Not a PDU (ASCII text served as one): the document says so and encode refuses it.
      assertEquals(2, json.status(), json::stderr);
      Tool.Outcome enc = Tool.runWithInput(json.stdoutBytes(), "encode", "-").assertNoStackTrace();
      assertEquals(1, enc.status());
      assertEquals(1, enc.stderr().lines().count(), enc::stderr);
      return;
    }
    Tool.Outcome enc = Tool.runWithInput(json.stdoutBytes(), "encode", "-").assertNoStackTrace();
    assertEquals(0, enc.status(), enc::stderr);
    assertArrayEquals(original, enc.stdoutBytes());
  }

  @TestFactory
  Stream<DynamicTest> validateEveryPdu() {
    return CorpusFiles.files("pdus").stream()
        .map(
            f ->
                dynamicTest(
                    CorpusFiles.name(f),
                    () -> {
                      Tool.Outcome o = Tool.run("validate", f.toString()).assertNoStackTrace();
                      assertTrue(o.status() == 0 || o.status() == 1, () -> "status " + o.status());
                      assertTrue(o.stdout().contains("Summary"), o::stdout);
                      assertTrue(o.stdout().matches("(?s).*  PDUs +1\n.*"), o::stdout);
                      // Every finding line names the file.
                      o.stdout()
                          .lines()
                          .filter(l -> l.contains(" ERROR ") || l.contains(" WARNING "))
                          .forEach(l -> assertTrue(l.startsWith(f.toString()), l));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> malformedGivesStatusOneOrTwoAndOneLineErrors() {
    return CorpusFiles.files("malformed").stream()
        .map(
            f ->
                dynamicTest(
                    CorpusFiles.name(f),
                    () -> {
                      for (String cmd : List.of("validate", "decode")) {
                        Tool.Outcome o = Tool.run(cmd, f.toString()).assertNoStackTrace();
                        // inline-PduParserTest-NPE is valid by the grammar when nested multiparts
                        // stay opaque.
                        if (!f.toString().contains("NPE")) {
                          assertTrue(
                              o.status() == 1 || o.status() == 2,
                              () -> cmd + ": status " + o.status() + "\n" + o.stdout());
                        }
                        o.stderr().lines().forEach(l -> assertTrue(l.startsWith("mms: "), l));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> wspPushFilesGiveTheirNotification() {
    return CorpusFiles.files("wsp-push").stream()
        .map(
            f ->
                dynamicTest(
                    CorpusFiles.name(f),
                    () -> {
                      Tool.Outcome o = Tool.run("decode", f.toString()).assertNoStackTrace();
                      assertTrue(
                          o.status() == 0 || o.status() == 1,
                          () -> "status " + o.status() + "\n" + o.stderr());
                      assertTrue(o.stdout().startsWith(f + " [WSP Push"), o::stdout);
                    }));
  }

  @Test
  void validateWalksTheCorpusAndSummarises() {
    Path root = CorpusFiles.root();
    int pdus = CorpusFiles.files("pdus").size();
    Tool.Outcome o =
        Tool.run("validate", "-q", root.resolve("pdus").toString()).assertNoStackTrace();
    // Two corpus PDUs carry errors (a stray 0x00 after the headers; a retrieve-conf without
    // Content-Type).
    assertEquals(1, o.status(), o::stdout);
    assertTrue(
        o.stdout().matches("(?s).*  files +" + pdus + "\n  PDUs +" + pdus + "\n.*"), o::stdout);
    assertTrue(o.stdout().matches("(?s).*    m-retrieve-conf +\\d+\n.*"), o::stdout);

    Tool.Outcome all = Tool.run("validate", "--json", root.toString()).assertNoStackTrace();
    List<String> lines = all.stdout().lines().toList();
    assertTrue(
        lines.get(lines.size() - 1).startsWith("{\"schema\":\"mmsstack-validate/2\",\"summary\":"),
        all::stdout);
    assertTrue(lines.get(lines.size() - 1).contains("\"skipped\":"), all::stdout);
  }
}
