package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsstack.encapsulation.PduRules.Requirement;
import org.mmsstack.encapsulation.PduRules.Rule;
import org.mmsstack.encapsulation.internal.HeaderTable;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.ValueKind;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * The header table ({@link HeaderField}) is the one source of field knowledge: the grammar
 * dispatch, the per-type rules and the 24 hand-written PDU classes must all agree with it.
 */
class HeaderTableTest {

  /** The accessors every PDU inherits from {@link Pdu} for these fields. */
  private static final Set<HeaderField<?>> INHERITED =
      Set.of(
          HeaderField.MESSAGE_TYPE,
          HeaderField.TRANSACTION_ID,
          HeaderField.MMS_VERSION,
          HeaderField.CONTENT_TYPE);

  private static final Path SOURCES = Path.of("src/main/java/org/mmsstack/encapsulation");

  /** A known field names the version that introduced it; other fields have none. */
  @Test
  void sinceIsEmptyForFieldsOutsideTheTable() {
    assertEquals(Optional.of(MmsVersion.V1_0), HeaderField.FROM.since());
    assertEquals(Optional.empty(), HeaderField.application("X-Private").since());
    assertEquals(Optional.empty(), HeaderField.valueOf(0x7F).since());
  }

  @TestFactory
  Stream<DynamicTest> everyAccessorAgreesWithTheTable() {
    return Stream.of(MessageType.values())
        .map(t -> DynamicTest.dynamicTest(t.wireName(), () -> checkAccessors(t)));
  }

  private static void checkAccessors(MessageType type) throws Exception {
    Class<?> pduClass = pduClass(type);
    Map<String, String> javadocs = accessorJavadocs(pduClass);
    Set<HeaderField<?>> covered = new HashSet<>();
    for (Method m : pduClass.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers())
          || Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() != 0
          || m.isSynthetic()
          || m.getName().equals("toBuilder")) {
        continue;
      }
      String where = pduClass.getSimpleName() + "." + m.getName() + "()";
      HeaderField<?> field = fieldNamed(m.getName());
      assertNotNull(field, where + " names no field of the table");
      HeaderField<?> plain = field.isIndexed() ? HeaderField.valueOf(field.code()) : field;
      Rule rule =
          PduRules.rule(type, plain)
              .orElseThrow(
                  () ->
                      new AssertionError(
                          where + ": " + type.wireName() + " does not carry " + field));
      if (field.isIndexed()) {
        assertTrue(
            type == MessageType.MBOX_DELETE_CONF || type == MessageType.DELETE_CONF,
            where + ": the indexed form belongs to the delete confirmations");
      }
      // Return type: the value type, in a List when the type may repeat it, else an Optional.
      Type ret = m.getGenericReturnType();
      assertTrue(ret instanceof ParameterizedType, where + " returns " + ret);
      ParameterizedType p = (ParameterizedType) ret;
      boolean many = rule.repeatable() || field.isIndexed();
      assertEquals(many ? List.class : Optional.class, p.getRawType(), where + " container");
      Type arg = p.getActualTypeArguments()[0];
      Class<?> raw =
          arg instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) arg;
      assertEquals(field.valueType(), raw, where + " value type");
      // Presence, as the javadoc tells it: "(mandatory)", "(optional since 1.2)"...
      String doc = javadocs.get(m.getName());
      assertNotNull(doc, where + " has no javadoc in the source");
      if (!field.isIndexed()) {
        String said = presence(rule, type);
        assertTrue(doc.contains("(" + said + ")"), where + ": javadoc '" + doc + "', rule " + said);
      }
      covered.add(field);
    }
    // Completeness: every field the type carries has its accessor (the indexed ones too).
    for (Rule r : PduRules.rules(type)) {
      if (!INHERITED.contains(r.field())) {
        assertTrue(covered.contains(r.field()), pduClass.getSimpleName() + " lacks " + r.field());
      }
    }
    if (type == MessageType.MBOX_DELETE_CONF || type == MessageType.DELETE_CONF) {
      assertTrue(covered.contains(HeaderField.CONTENT_LOCATION_INDEXED));
      assertTrue(covered.contains(HeaderField.RESPONSE_STATUS_INDEXED));
      assertTrue(covered.contains(HeaderField.RESPONSE_TEXT_INDEXED));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBuilderSetterNamesAFieldItsTypeCarries() {
    return Stream.of(MessageType.values())
        .map(t -> DynamicTest.dynamicTest(t.wireName(), () -> checkSetters(t)));
  }

  private static void checkSetters(MessageType type) throws Exception {
    Class<?> builder = Class.forName(pduClass(type).getName() + "$Builder");
    int checked = 0;
    for (Method m : builder.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
        continue;
      }
      String where = builder.getName() + "." + m.getName();
      HeaderField<?> field = fieldNamed(m.getName());
      assertNotNull(field, where + " names no field of the table");
      assertEquals(builder, m.getReturnType(), where + " returns its builder");
      HeaderField<?> plain = field.isIndexed() ? HeaderField.valueOf(field.code()) : field;
      assertTrue(
          PduRules.rule(type, plain).isPresent(),
          where + ": " + type.wireName() + " does not carry " + field);
      // The value's own type, or text, or (indexed forms) the request entry and the value.
      Class<?>[] params = m.getParameterTypes();
      Class<?> value = params[params.length - 1];
      if (field.isIndexed()) {
        assertEquals(2, params.length, where);
        assertEquals(long.class, params[0], where);
      } else {
        assertEquals(1, params.length, where);
        assertTrue(
            field.valueType().isAssignableFrom(value)
                || value == String.class
                || value == long.class
                || value == boolean.class
                || (value == Address.class && field.valueType() == FromValue.class),
            where + "(" + value.getSimpleName() + ") for a " + field.valueType().getSimpleName());
      }
      checked++;
    }
    assertTrue(checked > 0, builder.getName() + " has no setter");
  }

  private static String presence(Rule rule, MessageType type) {
    String req = rule.requirement().name().toLowerCase(Locale.ROOT);
    MmsVersion since = rule.since();
    return since.equals(type.since()) ? req : req + " since " + since.major() + "." + since.minor();
  }

  /** accessorName -> its javadoc's first line, from the class's source. */
  private static Map<String, String> accessorJavadocs(Class<?> c) throws IOException {
    String src =
        Files.readString(SOURCES.resolve(c.getSimpleName() + ".java"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile(
                "/\\*\\*\\s*(.*?)\\s*\\*/\\s*public [^(]*? (\\w+)\\(\\) \\{", Pattern.DOTALL)
            .matcher(src);
    Map<String, String> out = new HashMap<>();
    while (m.find()) {
      out.put(m.group(2), m.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " "));
    }
    return out;
  }

  /** The class named after the type, NOTIFYRESP_IND -> NotifyRespInd (case aside). */
  private static Class<?> pduClass(MessageType type) throws Exception {
    String file = type.name().replace("_", "") + ".java";
    String name;
    try (Stream<Path> files = Files.list(SOURCES)) {
      name =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.equalsIgnoreCase(file))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no PDU class for " + type));
    }
    Class<?> c = Class.forName("org.mmsstack.encapsulation." + name.replace(".java", ""));
    assertTrue(Pdu.class.isAssignableFrom(c), c + " is a Pdu");
    return c;
  }

  /** The HeaderField constant whose name is the accessor's, in UPPER_SNAKE_CASE. */
  private static HeaderField<?> fieldNamed(String accessor) throws IllegalAccessException {
    String constant = accessor.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    for (Field f : HeaderField.class.getFields()) {
      if (f.getName().equals(constant) && f.getType() == HeaderField.class) {
        return (HeaderField<?>) f.get(null);
      }
    }
    return null;
  }

  @Test
  void theDecodersGrammarTablesComeFromTheHeaderTable() {
    for (int code = 0; code < 0x80; code++) {
      HeaderField<?> f = HeaderField.valueOf(code);
      ValueKind kind = ValueCodec.kindOf(code);
      if (!f.isKnown() || f == HeaderField.CONTENT || f == HeaderField.ADDITIONAL_HEADERS) {
        assertEquals(ValueKind.RAW, kind, f.toString());
      } else {
        assertSame(HeaderTable.kind(f), kind, f.toString());
        assertSame(kind, ValueCodec.kindOf(f), f.toString());
      }
    }
    assertEquals(ValueKind.APPLICATION, ValueCodec.kindOf(HeaderField.application("X-Foo")));
    assertEquals(ValueKind.INDEXED_TEXT, ValueCodec.kindOf(HeaderField.CONTENT_LOCATION_INDEXED));
    assertEquals(ValueKind.INDEXED_OCTET, ValueCodec.kindOf(HeaderField.RESPONSE_STATUS_INDEXED));
    assertEquals(
        ValueKind.INDEXED_ENCODED_STRING, ValueCodec.kindOf(HeaderField.RESPONSE_TEXT_INDEXED));
  }

  @Test
  void namesLeadBackToTheirFields() {
    for (HeaderField<?> f : HeaderField.knownFields()) {
      assertSame(f, HeaderField.byName(f.name()).orElseThrow(), f.toString());
      assertSame(f, HeaderField.byName(f.name().toUpperCase(Locale.ROOT)).orElseThrow());
      assertSame(f, HeaderField.valueOf(f.code()), f.toString());
    }
    assertTrue(HeaderField.byName("X-Mms-No-Such-Header").isEmpty());
  }

  @Test
  void eachGrammarGivesItsFieldsValueType() {
    Map<ValueKind, Class<?>> expected = new HashMap<>();
    expected.put(ValueKind.ADDRESS, Address.class);
    expected.put(ValueKind.TEXT, String.class);
    expected.put(ValueKind.CONTENT_TYPE, ContentType.class);
    expected.put(ValueKind.DATE, Instant.class);
    expected.put(ValueKind.YES_NO, Boolean.class);
    expected.put(ValueKind.TIME, TimeValue.class);
    expected.put(ValueKind.FROM, FromValue.class);
    expected.put(ValueKind.MESSAGE_CLASS, MessageClass.class);
    expected.put(ValueKind.MESSAGE_TYPE, MessageType.class);
    expected.put(ValueKind.VERSION, MmsVersion.class);
    expected.put(ValueKind.LONG, Long.class);
    expected.put(ValueKind.INTEGER, Long.class);
    expected.put(ValueKind.ENCODED_STRING, EncodedString.class);
    expected.put(ValueKind.ATTRIBUTE, HeaderField.class);
    expected.put(ValueKind.RAW, RawValue.class);
    for (HeaderField<?> f : HeaderField.knownFields()) {
      ValueKind kind = HeaderTable.kind(f);
      if (kind == ValueKind.OCTET) {
        assertTrue(OctetToken.class.isAssignableFrom(f.valueType()), f.toString());
        // The octet column makes values of the field's own type.
        OctetToken v = HeaderTable.octet(f, 0x80);
        assertTrue(f.valueType().isInstance(v), f + " -> " + v.getClass());
      } else if (expected.containsKey(kind)) {
        assertEquals(expected.get(kind), f.valueType(), f.toString());
      } else {
        assertEquals(
            kind.name().replace("_", ""),
            f.valueType().getSimpleName().toUpperCase(Locale.ROOT),
            f.toString());
      }
    }
  }

  @Test
  void aRuleSaysFromWhichVersionItsTypeCarriesTheField() {
    // Added to an MMS 1.0 type in 1.2.
    assertEquals(MmsVersion.V1_2, since(MessageType.SEND_REQ, HeaderField.STORE));
    // A 1.0 field of a 1.0 type.
    assertEquals(MmsVersion.V1_0, since(MessageType.SEND_REQ, HeaderField.TRANSACTION_ID));
    // A 1.0 field of a 1.1 type: from the type's version, not the field's.
    assertEquals(MmsVersion.V1_1, since(MessageType.READ_ORIG_IND, HeaderField.MESSAGE_ID));
    // A 1.2 field of a 1.2 type, listed without a version of its own.
    assertEquals(MmsVersion.V1_2, since(MessageType.MBOX_STORE_REQ, HeaderField.MM_STATE));
    assertEquals(MmsVersion.V1_2, since(MessageType.MBOX_STORE_REQ, HeaderField.TRANSACTION_ID));
  }

  private static MmsVersion since(MessageType type, HeaderField<?> field) {
    return PduRules.rule(type, field).orElseThrow().since();
  }

  @Test
  void rulesAreDerivedInTheSpecificationsFrame() {
    for (MessageType t : MessageType.values()) {
      List<Rule> rules = PduRules.rules(t);
      assertSame(HeaderField.MESSAGE_TYPE, rules.get(0).field(), t.wireName());
      assertEquals(Requirement.MANDATORY, rules.get(0).requirement(), t.wireName());
      List<HeaderField<?>> fields = new ArrayList<>();
      for (Rule r : rules) {
        if (fields.contains(r.field())) {
          fail(t.wireName() + " lists " + r.field() + " twice");
        }
        fields.add(r.field());
        // The version from which the type carries the field: never before the type or the field.
        assertTrue(r.since().compareTo(t.since()) >= 0, t.wireName() + " " + r);
        assertTrue(
            r.since().compareTo(r.field().since().orElseThrow()) >= 0, t.wireName() + " " + r);
      }
      int ct = fields.indexOf(HeaderField.CONTENT_TYPE);
      assertTrue(ct < 0 || ct == fields.size() - 1, t.wireName() + ": Content-Type last");
      // A body travels with its Content-Type: only the types that carry one list it.
      assertEquals(t.mayCarryBody(), ct >= 0, t.wireName());
    }
    // A field's repeatability is derived: it repeats in some PDU type.
    for (HeaderField<?> f : HeaderField.knownFields()) {
      boolean somewhere =
          Stream.of(MessageType.values())
              .map(t -> PduRules.rule(t, f))
              .anyMatch(r -> r.isPresent() && r.get().repeatable());
      assertEquals(somewhere, f.repeatable(), f.toString());
    }
  }
}
