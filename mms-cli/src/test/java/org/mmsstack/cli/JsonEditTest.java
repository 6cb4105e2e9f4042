package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.Priority;

/** decode --json, edit, encode: edits are encoded canonically and everything else keeps its octets. */
class JsonEditTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode decode(Path f) throws Exception {
    return (ObjectNode) JSON.readTree(Tool.run("decode", "--json", f.toString()).stdoutBytes());
  }

  private static byte[] encode(JsonNode doc) throws Exception {
    Tool.Outcome o =
        Tool.runWithInput(JSON.writeValueAsBytes(doc), "encode", "-").assertNoStackTrace();
    assertEquals(0, o.status(), o::stderr);
    return o.stdoutBytes();
  }

  private static ObjectNode header(ObjectNode doc, String name) {
    for (JsonNode h : doc.get("headers")) {
      if (h.get("name").asText().equals(name)) {
        return (ObjectNode) h;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void anEditedValueIsEncodedAndTheRestKeepsItsOctets() throws Exception {
    Path f = SamplesTest.SAMPLES.resolve("m-notification-ind.mms");
    byte[] original = Files.readAllBytes(f);
    ObjectNode doc = decode(f);
    header(doc, "Subject").put("value", "Grüße"); // raw left in place: it no longer says this
    header(doc, "X-Mms-Priority").put("value", "High").remove("raw");
    Pdu pdu = PduCodec.decode(encode(doc));
    assertEquals(EncodedString.of("Grüße"), pdu.get(HeaderField.SUBJECT).orElseThrow());
    assertEquals(Priority.HIGH, pdu.get(HeaderField.PRIORITY).orElseThrow());
    // Every other header: the same octets as before.
    Pdu before = PduCodec.decode(original);
    for (Header h : before.headers()) {
      if (h.field().equals(HeaderField.SUBJECT) || h.field().equals(HeaderField.PRIORITY)) {
        continue;
      }
      Header after =
          pdu.headers().stream().filter(x -> x.field().equals(h.field())).findFirst().orElseThrow();
      assertArrayEquals(
          h.originalEncoding().orElse(null), after.originalEncoding().orElse(null), h.name());
    }
  }

  @Test
  void aDocumentWithoutRawOctetsEncodesCanonically() throws Exception {
    Path f = SamplesTest.SAMPLES.resolve("m-send-req.mms");
    byte[] original = Files.readAllBytes(f);
    ObjectNode doc = decode(f);
    stripRaw(doc);
    // The samples are canonical, so the typed members alone give the same octets.
    assertArrayEquals(original, encode(doc));
  }

  @Test
  void partsCanBeEditedAndRemoved() throws Exception {
    ObjectNode doc = decode(SamplesTest.SAMPLES.resolve("m-send-req.mms"));
    ArrayNode parts = (ArrayNode) doc.get("parts");
    parts.remove(2); // the image
    ObjectNode text = (ObjectNode) parts.get(1);
    text.remove("data");
    text.put("text", "Edited text");
    Pdu pdu = PduCodec.decode(encode(doc));
    MultipartBody body = (MultipartBody) pdu.body().orElseThrow();
    assertEquals(2, body.parts().size());
    assertEquals("Edited text", body.parts().get(1).text());
    assertEquals("<text>", body.parts().get(1).contentId().orElseThrow());
    assertTrue(Tool.run("validate", "-").status() != 0); // empty standard input is no PDU
  }

  @Test
  void nonCanonicalCorpusPduKeepsItsOctetsWhenAnotherHeaderIsEdited() throws Exception {
    Path f =
        CorpusFiles.root()
            .resolve("pdus/mmsd/ni-mms-1-3-con-271.mms"); // Subject with a charset of us-ascii
    byte[] original = Files.readAllBytes(f);
    ObjectNode doc = decode(f);
    header(doc, "X-Mms-Message-Size").put("value", 23070);
    byte[] edited = encode(doc);
    assertEquals(original.length, edited.length);
    int differing = 0;
    for (int i = 0; i < original.length; i++) {
      differing += original[i] != edited[i] ? 1 : 0;
    }
    assertEquals(1, differing, Arrays.toString(edited));
  }

  @Test
  void badDocumentsGiveOneLineErrors() {
    Tool.Outcome notJson =
        Tool.runWithInput("{".getBytes(StandardCharsets.UTF_8), "encode", "-").assertNoStackTrace();
    assertEquals(2, notJson.status());
    assertTrue(notJson.stderr().startsWith("mms: -: not JSON"), notJson::stderr);
    Tool.Outcome badValue =
        Tool.runWithInput(
                ("{\"headers\":[{\"code\":140,\"name\":\"X-Mms-Message-Type\","
                        + "\"value\":\"m-send-conf\"},{\"name\":\"X-Mms-Response-Status\",\"value\":42}]}")
                    .getBytes(StandardCharsets.UTF_8),
                "encode",
                "-")
            .assertNoStackTrace();
    assertEquals(1, badValue.status());
    assertEquals(
        "mms: -: /headers/1 (X-Mms-Response-Status): value: no ResponseStatus named 42\n",
        badValue.stderr().replace("\r", ""));
  }

  private static void stripRaw(JsonNode n) {
    if (n instanceof ObjectNode) {
      ((ObjectNode) n).remove(java.util.List.of("raw", "rawHeaders", "rawLengths", "rawCount"));
    }
    n.forEach(JsonEditTest::stripRaw);
  }
}
