package org.mmsstack.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.format.LineIndex;
import org.mmsstack.cli.format.Mm4Values;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.render.TextRenderer;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;

/**
 * An MM4 message as the JSON document of {@code mms decode --json} (schema {@value #SCHEMA},
 * described in {@code mms-cli/JSON-SCHEMA.md}). The document keeps the whole mail, base64, in
 * its {@code mail} member, and {@code mms encode} writes that back when nothing else was edited
 * ({@link #unedited}); an edited MM4 document is refused, since writing MM4 from the document's
 * members is not what the tool is for.
 */
public final class Mm4Json {

  /** The value of the {@code "schema"} member; changes only with incompatible schema changes. */
  public static final String SCHEMA = "mmsstack-mm4/1";

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The members {@link #unedited} compares: everything the mail determines. */
  private static final List<String> DERIVED =
      List.of("size", "messageType", "mmsVersion", "headers", "content", "routing");

  private Mm4Json() {}

  /** The document for one MM4 item and its check result. */
  public static ObjectNode document(InputItem item, Checker.Result r) {
    byte[] mail = item.pdu();
    ObjectNode doc = PduJson.opening(SCHEMA, item);
    doc.put("size", mail.length);
    Mm4Message m = r.mm4();
    if (m == null) {
      doc.putNull("messageType");
      doc.putNull("mmsVersion");
      doc.putArray("headers");
    } else {
      doc.put("messageType", m.messageType().token());
      if (m.mmsVersion().isPresent()) {
        doc.put("mmsVersion", m.mmsVersion().get().toString());
      } else {
        doc.putNull("mmsVersion");
      }
      LineIndex lines = LineIndex.of(mail);
      ArrayNode hs = doc.putArray("headers");
      for (Mm4Header h : m.headers()) {
        ObjectNode n = hs.addObject();
        int line = lines.line(h.offset());
        if (line > 0) {
          n.put("line", line);
        } else {
          n.putNull("line");
        }
        n.put("name", h.name());
        n.put("value", h.value());
        String typed = Mm4Values.parsed(m, h);
        if (typed != null) {
          n.put("parsed", typed);
        }
      }
      ObjectNode content = doc.putObject("content");
      entity(content, m.content(), true);
    }
    doc.set("routing", PduJson.routing(r.routing()));
    ArrayNode fs = doc.putArray("findings");
    for (Finding f : r.findings()) {
      fs.add(PduJson.finding(f, true));
    }
    if (m == null) {
      PduJson.error(doc, r.mm4Error().getMessage());
      // What could not be parsed is embedded up to a limit (a 50 MB header line must not make a
      // 67 MB document); mail that was parsed is embedded whole, for encode to write it back.
      PduJson.embed(doc, "mail", mail);
    } else {
      doc.put("mail", Base64.getEncoder().encodeToString(mail));
    }
    return doc;
  }

  private static void entity(ObjectNode n, MimeEntity e, boolean root) {
    contentType(n.putObject("contentType"), e.contentType());
    if (!root) {
      ArrayNode hs = n.putArray("headers");
      for (Mm4Header h : e.headers()) {
        hs.addObject().put("name", h.name()).put("value", h.value());
      }
    }
    if (e.isMultipart()) {
      ArrayNode parts = n.putArray("parts");
      List<MimeEntity> ps = e.parts();
      for (int i = 0; i < ps.size(); i++) {
        ObjectNode p = parts.addObject();
        p.put("index", i);
        entity(p, ps.get(i), false);
      }
    } else {
      n.put("size", e.dataSize());
      if (TextRenderer.isText(e.contentType())) {
        n.put("text", e.text());
      }
    }
  }

  private static void contentType(ObjectNode n, ContentType t) {
    n.put("value", t.baseType());
    if (!t.parameters().isEmpty()) {
      ObjectNode ps = n.putObject("parameters");
      for (Map.Entry<String, String> p : t.parameters().entrySet()) {
        ps.put(p.getKey(), p.getValue());
      }
    }
  }

  /**
   * The original mail of an MM4 document when no member the mail determines was changed (the
   * document is what {@code decode --json} makes of its own {@code mail}), else {@code null}.
   */
  public static byte[] unedited(JsonNode doc) {
    JsonNode mailNode = doc.get("mail");
    if (mailNode == null || !mailNode.isTextual()) {
      return null;
    }
    byte[] mail;
    try {
      mail = Base64.getDecoder().decode(mailNode.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (mail.length == 0) {
      return null;
    }
    InputItem item = InputItem.mm4(doc.path("file").asText("-"), mail);
    JsonNode again;
    try {
      // Through text, so that numbers compare as JSON numbers (a long written, an int read back).
      again =
          MAPPER.readTree(
              MAPPER.writeValueAsString(document(item, Checker.standard().check(item))));
    } catch (java.io.IOException e) {
      return null;
    }
    for (String member : DERIVED) {
      if (!again.path(member).equals(doc.path(member))) {
        return null;
      }
    }
    return mail;
  }
}
