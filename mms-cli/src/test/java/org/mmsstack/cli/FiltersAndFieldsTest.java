package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tshark-like --severity, --code, --ignore-code and --fields, and the per-code histogram. */
class FiltersAndFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String sample(String name) {
    return SamplesTest.SAMPLES.resolve(name).toString();
  }

  @TempDir static Path dir;

  private static String mixed;

  /**
   * m-notification-ind with an Application-header (INFO), a Bcc it may not have (WARNING) and
   * without its X-Mms-Content-Location (ERROR).
   */
  @BeforeAll
  static void mixedFindings() throws Exception {
    mixed = writeMixed(dir.resolve("mixed.mms")).toString();
  }

  /** Writes the PDU above to {@code f}. */
  static Path writeMixed(Path f) throws Exception {
    ObjectNode doc =
        (ObjectNode)
            JSON.readTree(
                Tool.run("decode", "--json", sample("m-notification-ind.mms")).stdoutBytes());
    ArrayNode hs = (ArrayNode) doc.get("headers");
    for (int i = hs.size() - 1; i >= 0; i--) {
      if (hs.get(i).get("name").asText().equals("X-Mms-Content-Location")) {
        hs.remove(i);
      }
    }
    hs.addObject().putNull("code").put("name", "X-Test").put("value", "1");
    hs.addObject().put("code", 0x81).put("name", "Bcc").put("value", "+123/TYPE=PLMN");
    Tool.Outcome o =
        Tool.runWithInput(JSON.writeValueAsBytes(doc), "encode", "-", "-o", f.toString());
    assertEquals(0, o.status(), o::stderr);
    return f;
  }

  /** The codes of the findings of validate --json's first line. */
  private static List<String> codes(Tool.Outcome o) throws Exception {
    JsonNode first = JSON.readTree(o.stdout().lines().findFirst().orElseThrow());
    return first.get("findings").findValuesAsText("code");
  }

  @Test
  void severityKeepsFindingsOfThatLevelOrWorse() throws Exception {
    List<String> all = codes(Tool.run("validate", "--json", mixed));
    Tool.Outcome errors = Tool.run("validate", "--json", "--severity", "error", mixed);
    JsonNode first = JSON.readTree(errors.stdout().lines().findFirst().orElseThrow());
    assertFalse(first.get("findings").isEmpty(), errors::stdout);
    for (JsonNode f : first.get("findings")) {
      assertEquals("ERROR", f.get("severity").asText());
    }
    assertTrue(all.size() > first.get("findings").size(), () -> all + " " + errors.stdout());
    Tool.Outcome bad = Tool.run("validate", "--severity", "loud", mixed);
    assertEquals(2, bad.status());
  }

  @Test
  void codeAndIgnoreCodeSelectFindingsAndTheExitStatusFollows() throws Exception {
    List<String> all = codes(Tool.run("validate", "--json", mixed));
    String one = all.get(0);
    Tool.Outcome only = Tool.run("validate", "--json", "--code", one, mixed);
    assertTrue(codes(only).stream().allMatch(one::equals), only::stdout);
    String[] args = new String[all.size() * 2 + 1];
    for (int i = 0; i < all.size(); i++) {
      args[2 * i] = "--ignore-code";
      args[2 * i + 1] = all.get(i);
    }
    args[args.length - 1] = mixed;
    String[] full = new String[args.length + 1];
    full[0] = "validate";
    System.arraycopy(args, 0, full, 1, args.length);
    Tool.Outcome none = Tool.run(full).assertNoStackTrace();
    assertEquals(0, none.status(), none::stdout);
    assertTrue(none.stdout().matches("(?s).*\n  errors +0\n.*"), none::stdout);
    Tool.Outcome decode = Tool.run("decode", "--ignore-code", String.join(",", all), mixed);
    assertFalse(decode.stdout().contains("Findings:"), decode::stdout);
  }

  @Test
  void theSummaryHasAPerCodeHistogramInTextAndJson() throws Exception {
    Tool.Outcome text = Tool.run("validate", "-q", mixed, sample("m-send-req.mms"));
    assertTrue(text.stdout().contains("  findings by code\n"), text::stdout);
    String code = codes(Tool.run("validate", "--json", mixed)).get(0);
    assertTrue(text.stdout().matches("(?s).*\n    " + code + " +\\d+  #+\n.*"), text::stdout);
    Tool.Outcome json = Tool.run("validate", "--json", mixed);
    List<String> lines = json.stdout().lines().toList();
    JsonNode summary = JSON.readTree(lines.get(lines.size() - 1)).get("summary");
    assertTrue(summary.get("findingsByCode").get(code).asInt() > 0, summary::toString);
  }

  @Test
  void fieldsGiveOneTabSeparatedLinePerPdu() {
    Tool.Outcome o =
        Tool.run(
                "decode",
                "--fields",
                "file,message-type,transaction-id,from,to,subject,priority,nonexistent",
                sample("m-send-req.mms"),
                sample("m-notification-ind.mms"),
                sample("mm4-forward-req.eml"))
            .assertNoStackTrace();
    List<String> lines = o.stdout().lines().toList();
    assertEquals(3, lines.size(), o::stdout);
    for (String l : lines) {
      assertEquals(8, l.split("\t", -1).length, l);
      assertTrue(l.endsWith("\t"), "an absent field is an empty column: " + l);
    }
    String[] send = lines.get(0).split("\t", -1);
    assertEquals(sample("m-send-req.mms"), send[0]);
    assertEquals("m-send-req", send[1]);
    assertFalse(send[2].isEmpty(), lines.get(0));
    assertFalse(send[5].isEmpty(), "subject: " + lines.get(0));
    assertFalse(send[6].contains("0x"), "values without wire codes: " + lines.get(0));
    assertTrue(lines.get(2).split("\t", -1)[1].startsWith("MM4_forward.REQ"), lines.get(2));
    Tool.Outcome bad = Tool.run("decode", "--fields", "subject,a b", sample("m-send-req.mms"));
    assertEquals(2, bad.status());
    assertTrue(bad.stderr().contains("--fields"), bad::stderr);
  }
}
