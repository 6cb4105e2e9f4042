package org.mmsstack.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mmsstack.cli.format.Hex;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MboxCount;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * Typed header values to and from JSON, as JSON-SCHEMA.md describes: the value itself under
 * {@code "value"} and what qualifies it beside it ({@code "wireCode"}, {@code "charset"},
 * {@code "octets"}, {@code "token"}).
 */
final class ValueJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ValueJson() {}

  /** Puts {@code "value"} and its qualifiers into {@code n}. */
  static void put(ObjectNode n, Object v) {
    if (v instanceof String) {
      n.put("value", (String) v);
    } else if (v instanceof Long) {
      n.put("value", (Long) v);
    } else if (v instanceof EncodedString) {
      putEncoded(n, "value", (EncodedString) v);
    } else if (v instanceof Address) {
      putEncoded(n, "value", ((Address) v).encoded());
    } else if (v instanceof Boolean) {
      n.put("value", (Boolean) v);
      n.put("wireCode", (Boolean) v ? 0x80 : 0x81);
    } else if (v instanceof OctetToken) {
      OctetToken t = (OctetToken) v;
      n.put("value", t.isKnown() ? t.name() : "unknown");
      n.put("wireCode", t.code());
    } else if (v instanceof MessageType) {
      n.put("value", ((MessageType) v).wireName());
      n.put("wireCode", ((MessageType) v).code());
    } else if (v instanceof MmsVersion) {
      n.put("value", v.toString());
      n.put("wireCode", ((MmsVersion) v).toOctet());
    } else if (v instanceof MessageClass) {
      MessageClass c = (MessageClass) v;
      n.put("value", c.name());
      if (!c.isToken()) {
        n.put("wireCode", c.code());
      }
    } else if (v instanceof Instant) {
      n.put("value", v.toString());
    } else if (v instanceof TimeValue) {
      TimeValue t = (TimeValue) v;
      ObjectNode o = n.putObject("value");
      if (t.relative()) {
        o.put("relative", t.seconds());
      } else {
        o.put("absolute", Instant.ofEpochSecond(t.seconds()).toString());
      }
    } else if (v instanceof FromValue) {
      FromValue f = (FromValue) v;
      if (f.isInsertAddress()) {
        n.putNull("value");
        n.put("token", "insert-address");
      } else {
        putEncoded(n, "value", f.address().orElseThrow().encoded());
      }
    } else if (v instanceof ContentType) {
      putContentType(n, (ContentType) v);
    } else if (v instanceof HeaderField) {
      n.put("value", ((HeaderField<?>) v).name());
      n.put("wireCode", ((HeaderField<?>) v).code() | 0x80);
    } else if (v instanceof MboxCount) {
      MboxCount m = (MboxCount) v;
      ObjectNode o = n.putObject("value");
      o.put("unit", m.unit() == MboxCount.Unit.MESSAGES ? "messages" : "octets");
      o.put("count", m.value());
    } else if (v instanceof PreviouslySentBy) {
      PreviouslySentBy p = (PreviouslySentBy) v;
      ObjectNode o = n.putObject("value");
      o.put("count", p.forwardedCount());
      putEncoded(o, "address", p.address().encoded());
    } else if (v instanceof PreviouslySentDate) {
      PreviouslySentDate p = (PreviouslySentDate) v;
      ObjectNode o = n.putObject("value");
      o.put("count", p.forwardedCount());
      o.put("date", p.date().toString());
    } else if (v instanceof MmFlags) {
      MmFlags m = (MmFlags) v;
      ObjectNode o = n.putObject("value");
      o.put("operation", m.operation().name().toLowerCase(Locale.ROOT));
      putEncoded(o, "keyword", m.keyword());
    } else if (v instanceof ElementDescriptor) {
      ElementDescriptor e = (ElementDescriptor) v;
      ObjectNode o = n.putObject("value");
      o.put("reference", e.contentReference());
      ArrayNode ps = o.putArray("parameters");
      for (ElementDescriptor.Entry p : e.parameters()) {
        ps.addObject().put("name", p.name()).put("value", p.value());
      }
    } else if (v instanceof Indexed) {
      Indexed<?> i = (Indexed<?>) v;
      ObjectNode o = n.putObject("value");
      o.put("index", i.index());
      put(o, i.value());
    } else if (v instanceof RawValue) {
      n.putNull("value");
      n.put("octets", Hex.of(((RawValue) v).octets()));
    } else {
      n.put("value", String.valueOf(v));
    }
  }

  /** Text under {@code key}; {@code key + "Charset"} (or {@code charset}) and octets beside it when needed. */
  private static void putEncoded(ObjectNode n, String key, EncodedString e) {
    String csKey = key.equals("value") ? "charset" : key + "Charset";
    String octetsKey = key.equals("value") ? "octets" : key + "Octets";
    CharacterSet cs = e.charset().orElse(null);
    boolean decodable = cs == null || cs.javaCharset().isPresent();
    String text = null;
    if (decodable) {
      try {
        text = e.text();
      } catch (RuntimeException ex) {
        decodable = false;
      }
    }
    if (decodable) {
      n.put(key, text);
    } else {
      n.putNull(key);
    }
    if (cs != null) {
      if (cs.isKnown()) {
        n.put(csKey, cs.name());
      } else {
        n.put(csKey, cs.mibEnum());
      }
    }
    if (!decodable) {
      n.put(octetsKey, Hex.of(e.octets()));
    }
  }

  static void putContentType(ObjectNode n, ContentType ct) {
    MediaType m = ct.mediaType();
    n.put("value", m.name());
    if (m.code() >= 0) {
      n.put("mediaCode", m.code());
    }
    if (!ct.parameters().isEmpty()) {
      putParameters(n.putArray("parameters"), ct.parameters());
    }
  }

  static void putParameters(ArrayNode a, List<Parameter> ps) {
    for (Parameter p : ps) {
      ObjectNode o = a.addObject();
      o.put("name", p.name());
      p.wellKnown().ifPresent(wk -> o.put("code", wk.code()));
      Object v = p.value();
      if (v instanceof Long) {
        o.put("value", (Long) v);
      } else if (v instanceof CharacterSet) {
        CharacterSet cs = (CharacterSet) v;
        if (cs.isKnown()) {
          o.put("value", cs.name());
        } else {
          o.put("value", cs.mibEnum());
        }
      } else if (v instanceof MediaType) {
        o.put("value", ((MediaType) v).name());
        if (((MediaType) v).code() >= 0) {
          o.put("mediaCode", ((MediaType) v).code());
        }
      } else {
        o.put("value", String.valueOf(v));
      }
    }
  }

  static ObjectNode disposition(ContentDisposition d) {
    ObjectNode o = F.objectNode();
    o.put("type", d.type());
    if (!d.parameters().isEmpty()) {
      putParameters(o.putArray("parameters"), d.parameters());
    }
    return o;
  }

  // ---------------------------------------------------------------------------------------------
  // JSON to values

  /**
   * The typed value of a header entry for a field.
   *
   * @throws IllegalArgumentException when the entry does not describe a value of the field's type
   */
  static Object parse(HeaderField<?> field, JsonNode n) {
    if (n.has("octets") && !n.has("charset") && n.path("value").isNull()) {
      return RawValue.of(Hex.parse(n.get("octets").asText()));
    }
    return parse(field.valueType(), field, n);
  }

  private static Object parse(Class<?> type, HeaderField<?> field, JsonNode n) {
    JsonNode v = n.path("value");
    if (type == String.class) {
      return text(v, "value");
    }
    if (type == Long.class) {
      if (!v.canConvertToLong()) {
        throw new IllegalArgumentException("value: expected an integer");
      }
      return v.asLong();
    }
    if (type == EncodedString.class) {
      return encoded(n, "value");
    }
    if (type == Address.class) {
      return Address.of(encoded(n, "value"));
    }
    if (type == Boolean.class) {
      if (v.isBoolean()) {
        return v.asBoolean();
      }
      String s = text(v, "value").toLowerCase(Locale.ROOT);
      if (s.equals("yes")) {
        return true;
      }
      if (s.equals("no")) {
        return false;
      }
      throw new IllegalArgumentException("value: expected true or false");
    }
    if (OctetToken.class.isAssignableFrom(type)) {
      return octetToken(type, n);
    }
    if (type == MessageType.class) {
      String s = v.asText();
      for (MessageType t : MessageType.values()) {
        if (t.wireName().equalsIgnoreCase(s)) {
          return t;
        }
      }
      Optional<MessageType> t =
          n.has("wireCode") ? MessageType.fromCode(n.get("wireCode").asInt()) : Optional.empty();
      return t.orElseThrow(() -> new IllegalArgumentException("value: no message type " + s));
    }
    if (type == MmsVersion.class) {
      String[] p = text(v, "value").split("\\.");
      try {
        return new MmsVersion(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 15);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("value: expected a version such as 1.2");
      }
    }
    if (type == MessageClass.class) {
      String s = text(v, "value");
      return n.has("wireCode") ? MessageClass.of(s) : MessageClass.token(s);
    }
    if (type == Instant.class) {
      return instant(v, "value");
    }
    if (type == TimeValue.class) {
      if (v.has("relative")) {
        return new TimeValue(true, v.get("relative").asLong());
      }
      if (v.has("absolute")) {
        return new TimeValue(false, instant(v.get("absolute"), "absolute").getEpochSecond());
      }
      throw new IllegalArgumentException(
          "value: expected {\"relative\": seconds} or {\"absolute\": date}");
    }
    if (type == FromValue.class) {
      if (v.isNull() || "insert-address".equals(n.path("token").asText())) {
        return FromValue.insertAddress();
      }
      return FromValue.of(Address.of(encoded(n, "value")));
    }
    if (type == ContentType.class) {
      return contentType(n);
    }
    if (type == HeaderField.class) {
      String s = v.asText();
      Optional<HeaderField<?>> known = HeaderField.byName(s);
      if (known.isPresent()) {
        return known.get();
      }
      if (n.has("wireCode")) {
        return HeaderField.valueOf(n.get("wireCode").asInt() & 0x7F);
      }
      throw new IllegalArgumentException("value: no header field " + s);
    }
    if (type == MboxCount.class) {
      String unit = text(v.path("unit"), "unit");
      return new MboxCount(
          unit.equalsIgnoreCase("octets") ? MboxCount.Unit.OCTETS : MboxCount.Unit.MESSAGES,
          v.path("count").asLong());
    }
    if (type == PreviouslySentBy.class) {
      return new PreviouslySentBy(v.path("count").asLong(), Address.of(encoded(v, "address")));
    }
    if (type == PreviouslySentDate.class) {
      return new PreviouslySentDate(v.path("count").asLong(), instant(v.path("date"), "date"));
    }
    if (type == MmFlags.class) {
      MmFlags.Operation op =
          MmFlags.Operation.valueOf(
              text(v.path("operation"), "operation").toUpperCase(Locale.ROOT));
      return new MmFlags(op, encoded(v, "keyword"));
    }
    if (type == ElementDescriptor.class) {
      List<ElementDescriptor.Entry> es = new ArrayList<>();
      for (JsonNode p : v.path("parameters")) {
        es.add(
            new ElementDescriptor.Entry(
                text(p.path("name"), "name"), text(p.path("value"), "value")));
      }
      return new ElementDescriptor(text(v.path("reference"), "reference"), es);
    }
    if (type == Indexed.class) {
      Class<?> inner =
          field.code() == 0x03
              ? String.class
              : field.code() == 0x12
                  ? org.mmsstack.encapsulation.value.ResponseStatus.class
                  : EncodedString.class;
      return new Indexed<>(v.path("index").asLong(), parse(inner, field, v));
    }
    if (type == RawValue.class) {
      return RawValue.of(Hex.parse(text(n.path("octets"), "octets")));
    }
    throw new IllegalArgumentException(
        "values of " + type.getSimpleName() + " cannot be given as JSON");
  }

  private static Object octetToken(Class<?> type, JsonNode n) {
    String name = n.path("value").asText("");
    try {
      Method byName = type.getMethod("byName", String.class);
      if (!name.isEmpty() && !name.equals("unknown")) {
        Optional<?> t = (Optional<?>) byName.invoke(null, name);
        if (t.isPresent()) {
          return t.get();
        }
      }
      if (n.has("wireCode")) {
        return type.getMethod("valueOf", int.class).invoke(null, n.get("wireCode").asInt());
      }
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("value: " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalArgumentException("value: no " + type.getSimpleName() + " named " + name);
  }

  static ContentType contentType(JsonNode n) {
    String name = text(n.path("value"), "value");
    MediaType m = n.has("mediaCode") ? MediaType.of(name) : MediaType.text(name);
    if (n.has("mediaCode") && m.code() < 0 && MediaType.isWellKnown(n.get("mediaCode").asLong())) {
      m = MediaType.valueOf(n.get("mediaCode").asLong());
    }
    return ContentType.of(m, parameters(n.path("parameters")));
  }

  static List<Parameter> parameters(JsonNode a) {
    List<Parameter> out = new ArrayList<>();
    for (JsonNode p : a) {
      String name = text(p.path("name"), "parameter name");
      JsonNode v = p.path("value");
      Object value = v.isIntegralNumber() ? (Object) v.asLong() : v.asText();
      if (p.has("code") && !p.get("code").isNull()) {
        Parameter.WellKnown w =
            Parameter.WellKnown.fromCode(p.get("code").asLong())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "parameter " + name + ": no well-known code " + p.get("code")));
        value = typed(w.kind(), value, p);
        out.add(Parameter.of(w, value));
      } else {
        out.add(Parameter.untyped(name, value));
      }
    }
    return out;
  }

  private static Object typed(Parameter.Kind kind, Object value, JsonNode p) {
    switch (kind) {
      case CHARSET:
        if (value instanceof Long) {
          return CharacterSet.valueOf((Long) value);
        }
        Optional<CharacterSet> cs = CharacterSet.byName((String) value);
        return cs.isPresent() ? cs.get() : value;
      case MEDIA:
        if (value instanceof String) {
          return p.has("mediaCode") ? MediaType.of((String) value) : MediaType.text((String) value);
        }
        return value;
      default:
        return value;
    }
  }

  static ContentDisposition disposition(JsonNode o) {
    return new ContentDisposition(text(o.path("type"), "type"), parameters(o.path("parameters")));
  }

  private static EncodedString encoded(JsonNode n, String key) {
    String csKey = key.equals("value") ? "charset" : key + "Charset";
    String octetsKey = key.equals("value") ? "octets" : key + "Octets";
    JsonNode csNode = n.path(csKey);
    CharacterSet cs = null;
    if (csNode.isIntegralNumber()) {
      cs = CharacterSet.valueOf(csNode.asLong());
    } else if (csNode.isTextual()) {
      cs =
          CharacterSet.byName(csNode.asText())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(csKey + ": unknown charset " + csNode.asText()));
    }
    if (n.hasNonNull(octetsKey) && n.path(key).isNull()) {
      byte[] octets = Hex.parse(n.get(octetsKey).asText());
      return cs == null ? EncodedString.ofOctets(octets) : EncodedString.ofOctets(cs, octets);
    }
    String text = text(n.path(key), key);
    return cs == null ? EncodedString.of(text) : EncodedString.of(text, cs);
  }

  private static Instant instant(JsonNode v, String what) {
    try {
      return v.isIntegralNumber() ? Instant.ofEpochSecond(v.asLong()) : Instant.parse(v.asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          what + ": expected an ISO-8601 instant such as 2024-01-31T12:00:00Z");
    }
  }

  private static String text(JsonNode v, String what) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException(what + ": expected a string");
    }
    return v.asText();
  }
}
