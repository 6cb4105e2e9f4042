package org.mmsstack.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.format.Hex;
import org.mmsstack.cli.format.Wire;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.routing.RoutingFields;

/**
 * A decoded PDU as the JSON document of {@code mms decode --json} (described in
 * {@code mms-cli/JSON-SCHEMA.md}). The document carries every original octet it needs, so that
 * {@link JsonEncoder} writes the same PDU back.
 */
public final class PduJson {

  /** The value of the {@code "schema"} member; changes only with incompatible schema changes. */
  public static final String SCHEMA = "mmsstack-pdu/1";

  /**
   * The most octets a document embeds of an input it could not decode ({@code pdu}, an MM4
   * document's {@code mail}), and the most characters of an error message: an undecodable input
   * of any size gives a document of bounded size. A document that was cut says so in its {@code
   * cut} member, and {@code encode} refuses it.
   */
  public static final int MAX_EMBEDDED = 1 << 20;

  /** The most characters of an {@code error} member. */
  static final int MAX_ERROR = 1000;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PduJson() {}

  /** The document for one input item (a PDU, decoded or not, or an input problem). */
  public static ObjectNode document(InputItem item, Checker.Result result) {
    ObjectNode doc = opening(SCHEMA, item);
    if (item.frame() > 0) {
      doc.put("frame", item.frame());
      if (item.timestamp() != null) {
        doc.put("timestamp", item.timestamp().toString());
      }
    }
    if (item.pdu() == null) {
      error(doc, item.problem());
      doc.putArray("findings");
      return doc;
    }
    byte[] octets = item.pdu();
    doc.put("size", octets.length);
    Pdu pdu = result.pdu();
    if (pdu == null) {
      doc.putNull("messageType");
      doc.putNull("mmsVersion");
      error(doc, result.error().getMessage());
      // Nothing decoded, so the whole PDU travels as it is: encode writes it back unchanged.
      // Up to a limit: an undecodable input of 40 MiB must not make a document of 54 MB.
      embed(doc, "pdu", octets);
      doc.putNull("routing");
    } else {
      doc.put("messageType", pdu.messageType().wireName());
      if (pdu.mmsVersion().isPresent()) {
        doc.put("mmsVersion", pdu.mmsVersion().get().toString());
      } else {
        doc.putNull("mmsVersion");
      }
      ArrayNode hs = doc.putArray("headers");
      int bodyStart = -1;
      for (Header h : pdu.headers()) {
        ObjectNode n = hs.addObject();
        n.put("offset", h.offset());
        header(n, h);
        byte[] raw = h.originalEncoding().orElse(null);
        if (raw != null) {
          n.put("raw", Hex.of(raw));
          if (h.field().code() == 0x04 && !h.field().isApplication()) {
            bodyStart = h.offset() + raw.length;
          }
        }
      }
      body(doc, pdu, octets, bodyStart);
      byte[] trailing = pdu.trailingOctets();
      if (trailing.length > 0) {
        doc.put("trailing", Hex.of(trailing));
      } else {
        doc.putNull("trailing");
      }
      doc.set("routing", routing(result.routing()));
    }
    ArrayNode fs = doc.putArray("findings");
    for (Finding f : result.findings()) {
      fs.add(finding(f, false));
    }
    return doc;
  }

  /**
   * Puts {@code octets} base64 under {@code member}, the first {@link #MAX_EMBEDDED} of them
   * when there are more, and then names the member in {@code cut}.
   */
  static void embed(ObjectNode doc, String member, byte[] octets) {
    int n = Math.min(octets.length, MAX_EMBEDDED);
    doc.put(member, Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(octets, n)));
    if (n < octets.length) {
      cut(doc, member);
    }
  }

  /** Puts an {@code error} member of at most {@link #MAX_ERROR} characters. */
  static void error(ObjectNode doc, String message) {
    if (message.length() > MAX_ERROR) {
      doc.put("error", message.substring(0, MAX_ERROR) + "...");
      cut(doc, "error");
    } else {
      doc.put("error", message);
    }
  }

  private static void cut(ObjectNode doc, String member) {
    JsonNode cut = doc.get("cut");
    (cut instanceof ArrayNode ? (ArrayNode) cut : doc.putArray("cut")).add(member);
  }

  /**
   * The members both documents, PDU and MM4, start with, in this order: {@code schema},
   * {@code file}, and {@code origin} (null when the item is the whole file).
   */
  static ObjectNode opening(String schema, InputItem item) {
    ObjectNode doc = F.objectNode();
    doc.put("schema", schema);
    doc.put("file", item.file());
    if (item.origin() != null) {
      doc.put("origin", item.origin());
    } else {
      doc.putNull("origin");
    }
    return doc;
  }

  /**
   * The routing extension fields: {@code null} when absent; {@code {"error", "header", "reason"}}
   * when malformed; otherwise every field by name.
   */
  public static JsonNode routing(Checker.Routing r) {
    if (r == null) {
      return F.nullNode();
    }
    ObjectNode n = F.objectNode();
    if (r.fields() == null) {
      n.put("error", r.error().detail());
      n.put("header", r.error().header());
      n.put("reason", r.error().reason().name());
      return n;
    }
    RoutingFields f = r.fields();
    n.put("version", f.version());
    n.put("entry", f.entry().value());
    n.put("home", f.home().value());
    ArrayNode path = n.putArray("path");
    f.path().forEach(p -> path.add(p.value()));
    n.put("hopLimit", f.hopLimit());
    n.put("tableVersion", f.tableVersion());
    n.put("charging", f.charging().value());
    ArrayNode rs = n.putArray("recipients");
    f.recipients().forEach(rc -> rs.add(rc.wireText()));
    n.put("issued", f.issuedAt().toString());
    if (f.signature().isPresent()) {
      n.put("signatureKeyId", f.signature().get().keyId());
    } else {
      n.putNull("signatureKeyId");
    }
    return n;
  }

  /**
   * A finding as JSON: its position is an {@code offset} (bytes, binary PDUs) or, when
   * {@code lines}, a {@code "line"} followed by the byte {@code offset} in the mail (MM4).
   */
  public static ObjectNode finding(Finding f, boolean lines) {
    ObjectNode n = F.objectNode();
    n.put("severity", f.severity().name());
    if (lines) {
      if (f.line() != Finding.NO_LINE) {
        n.put("line", f.line());
      } else {
        n.putNull("line");
      }
    }
    if (f.offset() != Finding.NO_OFFSET) {
      n.put("offset", f.offset());
    } else {
      n.putNull("offset");
    }
    if (f.header().isPresent()) {
      n.put("header", f.header().get());
    } else {
      n.putNull("header");
    }
    n.put("code", f.code());
    n.put("message", f.message());
    return n;
  }

  /** {@code code}, {@code name}, the value and {@code wellFormed}: everything but position and octets. */
  static void header(ObjectNode n, Header h) {
    if (h.field().isApplication()) {
      n.putNull("code");
    } else {
      n.put("code", h.field().code() | 0x80);
    }
    n.put("name", h.name());
    ValueJson.put(n, h.value());
    if (!h.isWellFormed()) {
      n.put("wellFormed", false);
    }
  }

  private static void body(ObjectNode doc, Pdu pdu, byte[] octets, int bodyStart) {
    Body body = pdu.body().orElse(null);
    ArrayNode parts = F.arrayNode();
    if (body == null) {
      doc.putNull("body");
    } else if (body instanceof SinglePartBody) {
      SinglePartBody s = (SinglePartBody) body;
      ObjectNode b = doc.putObject("body");
      b.put("kind", "single");
      b.put("offset", bodyStart);
      b.put("size", s.dataSize());
      MediaType m = pdu.contentType().map(ct -> ct.mediaType()).orElse(null);
      if (m != null && isText(m) && s.dataSize() > 0) {
        java.nio.charset.Charset cs =
            pdu.contentType()
                .flatMap(ct -> ct.charset())
                .flatMap(c -> c.javaCharset())
                .orElse(java.nio.charset.StandardCharsets.UTF_8);
        b.put("text", new String(s.dataBytes(), cs));
      }
      b.put("data", base64(s.data()));
    } else {
      MultipartBody mb = (MultipartBody) body;
      ObjectNode b = doc.putObject("body");
      b.put("kind", "multipart");
      b.put("offset", bodyStart);
      Wire.Multipart layout =
          bodyStart >= 0
              ? Wire.multipart(octets, bodyStart, octets.length - trailingLength(pdu))
              : null;
      if (layout != null && layout.entries().size() != mb.parts().size()) {
        layout = null;
      }
      if (layout != null) {
        b.put("rawCount", Hex.of(octets, layout.count().offset(), layout.count().end()));
        if (layout.count().value() != mb.parts().size()) {
          b.put("declaredCount", layout.count().value());
        }
      }
      List<Part> ps = mb.parts();
      for (int i = 0; i < ps.size(); i++) {
        parts.add(part(i, ps.get(i), octets, layout == null ? null : layout.entries().get(i)));
      }
    }
    doc.set("parts", parts);
  }

  private static int trailingLength(Pdu pdu) {
    return pdu.trailingOctets().length;
  }

  private static ObjectNode part(int index, Part p, byte[] octets, Wire.Entry e) {
    ObjectNode n = F.objectNode();
    n.put("index", index);
    if (e != null) {
      n.put("offset", e.start());
    }
    partHeaders(n, p);
    n.put("size", p.dataSize());
    ArrayNode nested = e == null ? null : nested(p, octets, e);
    if (nested == null && isText(p.contentType().mediaType())) {
      n.put("text", p.text());
    }
    if (nested == null) {
      n.put("data", base64(p.data()));
    }
    if (e != null) {
      n.put("rawLengths", Hex.of(octets, e.headersLength().offset(), e.dataLength().end()));
      n.put("rawHeaders", Hex.of(octets, e.headStart(), e.dataStart()));
    }
    if (nested != null) {
      Wire.Multipart layout = Wire.multipart(octets, e.dataStart(), e.dataEnd());
      n.put("rawCount", Hex.of(octets, layout.count().offset(), layout.count().end()));
      if (layout.count().value() != nested.size()) {
        n.put("declaredCount", layout.count().value());
      }
      n.set("parts", nested);
    }
    return n;
  }

  /**
   * The parts of a nested multipart, each as a part (recursively), or {@code null} when the part
   * is not a multipart or its data does not decode as one entry for entry (then it stays {@code
   * data}, base64, so that encode still writes it back as it was).
   */
  private static ArrayNode nested(Part p, byte[] octets, Wire.Entry e) {
    if (!p.isMultipart()) {
      return null;
    }
    MultipartBody mb;
    try {
      mb = p.asMultipart(DecodeConfig.LENIENT);
    } catch (PduFormatException ex) {
      return null;
    }
    Wire.Multipart layout = Wire.multipart(octets, e.dataStart(), e.dataEnd());
    if (layout == null || layout.entries().size() != mb.parts().size()) {
      return null;
    }
    ArrayNode parts = F.arrayNode();
    List<Part> ps = mb.parts();
    for (int i = 0; i < ps.size(); i++) {
      parts.add(part(i, ps.get(i), octets, layout.entries().get(i)));
    }
    return parts;
  }

  /** {@code contentType} and {@code headers} of a part: what its header octets say. */
  static void partHeaders(ObjectNode n, Part p) {
    ValueJson.putContentType(n.putObject("contentType"), p.contentType());
    ArrayNode hs = n.putArray("headers");
    for (PartHeader h : p.headers()) {
      ObjectNode o = hs.addObject();
      o.put("name", h.name());
      if (h.code() >= 0) {
        o.put("code", h.code());
      } else {
        o.putNull("code");
      }
      Object v = h.value();
      if (v instanceof ContentDisposition) {
        o.set("value", ValueJson.disposition((ContentDisposition) v));
      } else if (v instanceof RawValue) {
        o.putNull("value");
        o.put("octets", Hex.of(((RawValue) v).octets()));
      } else {
        o.put("value", String.valueOf(v));
      }
    }
  }

  /** Whether a media type's data is shown as text. */
  public static boolean isText(MediaType m) {
    String name = m.name().toLowerCase(java.util.Locale.ROOT);
    return m.isText()
        || name.startsWith("text/")
        || name.endsWith("/smil")
        || name.endsWith("+xml")
        || name.endsWith("/xml");
  }

  private static String base64(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] a = new byte[d.remaining()];
    d.get(a);
    return Base64.getEncoder().encodeToString(a);
  }
}
