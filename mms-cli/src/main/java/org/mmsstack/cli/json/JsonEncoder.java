package org.mmsstack.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.mmsstack.cli.format.Hex;
import org.mmsstack.cli.format.Wire;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.Uintvar;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * Writes the binary PDU a {@code decode --json} document describes. Each header, part header
 * block, length and count is written from its original octets ({@code raw}, {@code rawHeaders},
 * {@code rawLengths}, {@code rawCount}) when those are present and still say what the typed
 * members say; otherwise from the typed members, canonically (through the codec). A document
 * straight from {@code decode --json} therefore gives back the decoded octets exactly, and an
 * edited one gives a PDU with exactly the edits.
 */
public final class JsonEncoder {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonEncoder() {}

  /** The document does not describe a PDU; the message names the JSON member at fault. */
  public static final class JsonPduException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A problem with the document; {@code message} starts with the JSON pointer at fault. */
    public JsonPduException(String message) {
      super(message);
    }
  }

  /**
   * A PDU and what {@code encode} changed on its way (notes for the user, such as a header moved
   * before Content-Type).
   */
  public record Encoded(byte[] pdu, List<String> notes) {}

  /** The PDU octets of a document. */
  public static byte[] encode(JsonNode doc) throws JsonPduException {
    return encodeWithNotes(doc).pdu();
  }

  /**
   * The PDU octets of a document, and notes on what was changed. Content-Type is the last header
   * of a PDU with a body (the body follows it): headers given after it are written before it, in
   * their order, and a note says so.
   */
  public static Encoded encodeWithNotes(JsonNode doc) throws JsonPduException {
    if (!doc.isObject()) {
      throw new JsonPduException("the document is not a JSON object");
    }
    JsonNumbers.check(doc);
    for (JsonNode cut : doc.path("cut")) {
      if (cut.asText().equals("pdu")) {
        throw new JsonPduException(
            "/pdu: holds only the first "
                + PduJson.MAX_EMBEDDED
                + " octets of the input (decode --json cut it, see \"cut\"); there is nothing"
                + " to write back");
      }
    }
    List<String> notes = new ArrayList<>();
    JsonNode headers = doc.path("headers");
    if (doc.hasNonNull("error") && !doc.hasNonNull("pdu") && headers.isMissingNode()) {
      throw new JsonPduException(
          "the document describes an input that held no PDU (" + doc.get("error").asText() + ")");
    }
    if (doc.hasNonNull("pdu") && (headers.isMissingNode() || headers.isEmpty())) {
      try {
        return new Encoded(Base64.getDecoder().decode(doc.get("pdu").asText()), notes);
      } catch (IllegalArgumentException e) {
        throw new JsonPduException("/pdu: not base64");
      }
    }
    if (!headers.isArray() || headers.isEmpty()) {
      throw new JsonPduException(
          "/headers: expected a non-empty array starting with X-Mms-Message-Type");
    }
    int type = messageTypeCode(headers);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream contentType = new ByteArrayOutputStream();
    String contentTypeAt = null;
    for (int i = 0; i < headers.size(); i++) {
      JsonNode h = headers.get(i);
      String where = "/headers/" + i + " (" + h.path("name").asText("?") + ")";
      try {
        byte[] b = headerOctets(h, type);
        if ((b[0] & 0xFF) == 0x84) {
          contentType.writeBytes(b);
          contentTypeAt = contentTypeAt == null ? "/headers/" + i : contentTypeAt;
        } else {
          if (contentTypeAt != null) {
            notes.add(
                where
                    + ": given after Content-Type ("
                    + contentTypeAt
                    + "); written before it, since the body follows Content-Type");
          }
          out.writeBytes(b);
        }
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new JsonPduException(where + ": " + e.getMessage());
      }
    }
    out.writeBytes(contentType.toByteArray());
    boolean hasContentType = contentTypeAt != null;
    JsonNode body = doc.path("body");
    if (body.isObject()) {
      if (!hasContentType) {
        throw new JsonPduException(
            "/body: a PDU with a body needs a Content-Type header (the last header)");
      }
      String kind = body.path("kind").asText();
      if (kind.equals("single")) {
        out.writeBytes(data(body, "/body", charsetOf(headers)));
      } else if (kind.equals("multipart")) {
        multipart(out, body, "/body", doc.path("parts"), "/parts", 0);
      } else {
        throw new JsonPduException("/body/kind: expected \"single\" or \"multipart\"");
      }
    }
    if (doc.hasNonNull("trailing")) {
      try {
        out.writeBytes(Hex.parse(doc.get("trailing").asText()));
      } catch (IllegalArgumentException e) {
        throw new JsonPduException("/trailing: not hex");
      }
    }
    return new Encoded(out.toByteArray(), List.copyOf(notes));
  }

  private static int messageTypeCode(JsonNode headers) throws JsonPduException {
    JsonNode first = headers.get(0);
    if (first.path("code").asInt() != 0x8C
        && !"X-Mms-Message-Type".equalsIgnoreCase(first.path("name").asText())) {
      throw new JsonPduException("/headers/0: the first header must be X-Mms-Message-Type");
    }
    try {
      return ((MessageType) ValueJson.parse(HeaderField.MESSAGE_TYPE, first)).code();
    } catch (IllegalArgumentException e) {
      throw new JsonPduException("/headers/0 (X-Mms-Message-Type): " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Headers

  private static byte[] headerOctets(JsonNode h, int type) {
    if (h.hasNonNull("raw")) {
      byte[] raw = Hex.parse(h.get("raw").asText());
      if (raw.length > 0 && rawStillSays(raw, h, type)) {
        return raw;
      }
    }
    HeaderField<?> field = field(h, type);
    if (field.code() == 0x0C && !field.isApplication()) {
      MessageType t = (MessageType) ValueJson.parse(field, h);
      return new byte[] {(byte) 0x8C, (byte) t.code()};
    }
    Object value = ValueJson.parse(field, h);
    Header header =
        value instanceof RawValue ? Header.ofRaw(field, (RawValue) value) : typed(field, value);
    return canonical(header, type);
  }

  @SuppressWarnings("unchecked")
  private static Header typed(HeaderField<?> field, Object value) {
    return Header.of((HeaderField<Object>) field, value);
  }

  /** Whether the original octets decode to what the entry's typed members say (so: unedited). */
  private static boolean rawStillSays(byte[] raw, JsonNode h, int type) {
    byte[] stub = new byte[raw.length + 3];
    stub[0] = (byte) 0x8C;
    stub[1] = (byte) type;
    System.arraycopy(raw, 0, stub, 2, raw.length);
    // After a Content-Type the body follows: an empty multipart keeps the stub decodable.
    int len = (raw[0] & 0xFF) == 0x84 ? stub.length : stub.length - 1;
    Pdu pdu;
    try {
      pdu = PduCodec.decode(stub, 0, len, DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      return true; // cannot be checked: the octets are all there is
    }
    if (pdu.headers().size() < 2) {
      return true;
    }
    ObjectNode decoded = F.objectNode();
    PduJson.header(decoded, pdu.headers().get(1));
    return decoded.equals(withoutPosition(h));
  }

  private static ObjectNode withoutPosition(JsonNode h) {
    ObjectNode c = ((ObjectNode) h).deepCopy();
    c.remove("offset");
    c.remove("raw");
    return c;
  }

  private static HeaderField<?> field(JsonNode h, int type) {
    JsonNode code = h.path("code");
    if (code.isIntegralNumber()) {
      int c = code.asInt();
      if (c < 0x80 || c > 0xFF) {
        throw new IllegalArgumentException("code: expected the field's octet, 0x80-0xFF");
      }
      boolean deleteConf =
          type == MessageType.MBOX_DELETE_CONF.code() || type == MessageType.DELETE_CONF.code();
      if (deleteConf && h.path("value").has("index")) {
        switch (c & 0x7F) {
          case 0x03:
            return HeaderField.CONTENT_LOCATION_INDEXED;
          case 0x12:
            return HeaderField.RESPONSE_STATUS_INDEXED;
          case 0x13:
            return HeaderField.RESPONSE_TEXT_INDEXED;
          default:
            break;
        }
      }
      return HeaderField.valueOf(c & 0x7F);
    }
    String name = h.path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("needs a code or a name");
    }
    return HeaderField.byName(name).orElseGet(() -> HeaderField.application(name));
  }

  /** The canonical octets of one header, as the codec writes it. */
  private static byte[] canonical(Header h, int type) {
    Pdu stub;
    try {
      stub = PduCodec.decode(new byte[] {(byte) 0x8C, (byte) type});
    } catch (PduFormatException e) {
      throw new IllegalStateException(
          "message type 0x" + Integer.toHexString(type) + ": " + e.getMessage());
    }
    Pdu one = stub.toBuilder().add(h).build();
    byte[] all = PduCodec.encode(one);
    return java.util.Arrays.copyOfRange(all, 2, all.length);
  }

  // ---------------------------------------------------------------------------------------------
  // Bodies

  private static Charset charsetOf(JsonNode headers) {
    for (JsonNode h : headers) {
      if (h.path("code").asInt() == 0x84) {
        for (JsonNode p : h.path("parameters")) {
          if (p.path("name").asText().equalsIgnoreCase("charset")) {
            Optional<Charset> cs =
                p.path("value").isIntegralNumber()
                    ? CharacterSet.valueOf(p.get("value").asLong()).javaCharset()
                    : CharacterSet.byName(p.path("value").asText())
                        .flatMap(CharacterSet::javaCharset);
            if (cs.isPresent()) {
              return cs.get();
            }
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static byte[] data(JsonNode n, String where, Charset cs) throws JsonPduException {
    if (n.hasNonNull("data")) {
      try {
        return Base64.getDecoder().decode(n.get("data").asText());
      } catch (IllegalArgumentException e) {
        throw new JsonPduException(where + "/data: not base64");
      }
    }
    if (n.hasNonNull("text")) {
      return n.get("text").asText().getBytes(cs);
    }
    throw new JsonPduException(where + ": needs \"data\" (base64) or \"text\"");
  }

  /**
   * Writes a multipart body: its entry count (from {@code counted}: {@code rawCount}, {@code
   * declaredCount}) and the entries in {@code parts}, each of which may be a nested multipart
   * with {@code parts} of its own.
   */
  private static void multipart(
      ByteArrayOutputStream out,
      JsonNode counted,
      String countedAt,
      JsonNode parts,
      String partsAt,
      int depth)
      throws JsonPduException {
    if (!parts.isArray()) {
      throw new JsonPduException(partsAt + ": expected an array");
    }
    if (depth > DecodeConfig.DEFAULT.maxNestingDepth()) {
      throw new JsonPduException(
          partsAt
              + ": multiparts nested deeper than "
              + DecodeConfig.DEFAULT.maxNestingDepth()
              + " (the decoder's DecodeConfig.maxNestingDepth)");
    }
    long count =
        counted.hasNonNull("declaredCount") ? counted.get("declaredCount").asLong() : parts.size();
    out.writeBytes(
        lengthOctets(counted.path("rawCount"), new long[] {count}, countedAt + "/rawCount"));
    for (int i = 0; i < parts.size(); i++) {
      String where = partsAt + "/" + i;
      JsonNode p = parts.get(i);
      byte[] head;
      try {
        head = partHead(p);
      } catch (IllegalArgumentException e) {
        throw new JsonPduException(where + ": " + e.getMessage());
      }
      ContentType ct;
      try {
        ct = ValueJson.contentType(p.path("contentType"));
      } catch (IllegalArgumentException e) {
        throw new JsonPduException(where + "/contentType: " + e.getMessage());
      }
      byte[] data;
      if (p.has("parts")) {
        // A nested multipart, shown part by part: its data is written from its parts.
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        multipart(nested, p, where, p.get("parts"), where + "/parts", depth + 1);
        data = nested.toByteArray();
      } else {
        Charset cs = ct.charset().flatMap(CharacterSet::javaCharset).orElse(StandardCharsets.UTF_8);
        data = data(p, where, cs);
      }
      out.writeBytes(
          lengthOctets(
              p.path("rawLengths"), new long[] {head.length, data.length}, where + "/rawLengths"));
      out.writeBytes(head);
      out.writeBytes(data);
    }
  }

  /** The original Uintvars when they still hold these values, else the canonical ones. */
  private static byte[] lengthOctets(JsonNode raw, long[] values, String where)
      throws JsonPduException {
    if (raw.isTextual()) {
      byte[] b;
      try {
        b = Hex.parse(raw.asText());
      } catch (IllegalArgumentException e) {
        throw new JsonPduException(where + ": not hex");
      }
      int i = 0;
      boolean same = true;
      for (long v : values) {
        Uintvar u = Wire.uintvar(b, i, b.length);
        if (u == null || u.value() != v) {
          same = false;
          break;
        }
        i = u.end();
      }
      if (same && i == b.length) {
        return b;
      }
    }
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (long v : values) {
      o.writeBytes(Uintvar.octets(v));
    }
    return o.toByteArray();
  }

  /** A part's ContentType and header octets. */
  private static byte[] partHead(JsonNode p) {
    if (p.hasNonNull("rawHeaders")) {
      byte[] raw = Hex.parse(p.get("rawHeaders").asText());
      if (rawHeadStillSays(raw, p)) {
        return raw;
      }
    }
    ContentType ct = ValueJson.contentType(p.path("contentType"));
    List<PartHeader> hs = new ArrayList<>();
    for (JsonNode h : p.path("headers")) {
      hs.add(partHeader(h));
    }
    Part part = Part.builder().contentType(ct).data(new byte[0]).headers(hs).build();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    try {
      MultipartBody.of(part).writeTo(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    byte[] b = o.toByteArray();
    Uintvar n = Wire.uintvar(b, 0, b.length);
    Uintvar hl = Wire.uintvar(b, n.end(), b.length);
    Uintvar dl = Wire.uintvar(b, hl.end(), b.length);
    return java.util.Arrays.copyOfRange(b, dl.end(), (int) (dl.end() + hl.value()));
  }

  private static boolean rawHeadStillSays(byte[] raw, JsonNode p) {
    if (raw.length == 0) {
      return false;
    }
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(1);
    o.writeBytes(Uintvar.octets(raw.length));
    o.write(0);
    o.writeBytes(raw);
    byte[] b = o.toByteArray();
    Part part;
    try {
      part = MultipartBody.decode(b, 0, b.length, DecodeConfig.LENIENT).parts().get(0);
    } catch (PduFormatException | RuntimeException e) {
      return true; // cannot be checked: the octets are all there is
    }
    ObjectNode decoded = F.objectNode();
    PduJson.partHeaders(decoded, part);
    ObjectNode given = F.objectNode();
    given.set("contentType", p.path("contentType"));
    given.set("headers", p.path("headers").isMissingNode() ? F.arrayNode() : p.path("headers"));
    return decoded.equals(given);
  }

  private static PartHeader partHeader(JsonNode h) {
    String name = h.path("name").asText("");
    JsonNode code = h.path("code");
    JsonNode v = h.path("value");
    if (!code.isIntegralNumber()) {
      if (!v.isTextual()) {
        throw new IllegalArgumentException(
            "header " + name + ": a textual header needs a string value");
      }
      return PartHeader.text(name, v.asText());
    }
    int c = code.asInt();
    if (h.hasNonNull("octets") && v.isNull()) {
      return PartHeader.raw(c, RawValue.of(Hex.parse(h.get("octets").asText())));
    }
    switch (c) {
      case PartHeader.CONTENT_LOCATION:
        return PartHeader.contentLocation(v.asText());
      case PartHeader.CONTENT_ID:
        return PartHeader.contentId(v.asText());
      case PartHeader.CONTENT_DISPOSITION:
      case PartHeader.CONTENT_DISPOSITION_1_4:
        return new PartHeader(
            name.isEmpty() ? "Content-Disposition" : name, c, ValueJson.disposition(v));
      default:
        throw new IllegalArgumentException(
            "header "
                + name
                + ": only Content-Location, Content-ID, "
                + "Content-Disposition and textual headers take a value; give other headers as \"octets\"");
    }
  }
}
