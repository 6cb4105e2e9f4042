package org.mmsstack.mm4.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A media type keeps its parameters as a map would: in order, a name set again replaced in place,
 * names in any case, equality and hash codes of the type, subtype and parameter map.
 */
class MediaTypeTest {

  private static final String[] NAMES = {"charset", "Name", "TYPE", "start", "boundary", "x-a"};
  private static final String[] VALUES = {
    "utf-8", "a b", "<smil>", "application/smil", "\u00e9t\u00e9", "q\"uote", "=_x"
  };

  @Test
  void parametersBehaveAsAnOrderedMap() {
    SplittableRandom r = new SplittableRandom(17);
    for (int round = 0; round < 2_000; round++) {
      ContentType t = ContentType.of("multipart", "Related");
      Map<String, String> model = new LinkedHashMap<>();
      int steps = r.nextInt(0, 8);
      for (int s = 0; s < steps; s++) {
        String name = NAMES[r.nextInt(NAMES.length)];
        if (r.nextInt(4) == 0) {
          t = t.withoutParameter(name);
          model.remove(name.toLowerCase(Locale.ROOT));
        } else {
          String value = VALUES[r.nextInt(VALUES.length)];
          t = t.withParameter(name, value);
          model.put(name.toLowerCase(Locale.ROOT), value);
        }
      }
      assertEquals(model, t.parameters());
      assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(t.parameters().keySet()));
      for (String name : NAMES) {
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<String> expected = Optional.ofNullable(model.get(lower));
        assertEquals(expected, t.parameter(name));
        assertEquals(expected, t.parameter(name.toUpperCase(Locale.ROOT)));
      }
      assertEquals(Objects.hash("multipart", "related", model), t.hashCode());
      // Read back from its text: the same type, whose parameters came from a parsed map (RFC
      // 2231 parameters last, hence compared as maps).
      ContentType back = ContentType.parse(t.toString());
      assertEquals(t, back, t::toString);
      assertEquals(back, t, t::toString);
      assertEquals(t.hashCode(), back.hashCode());
      assertEquals(model, back.parameters());
    }
  }

  @Test
  void equalityIgnoresTheOrderOfParameters() {
    ContentType a = ContentType.of("text", "plain").withParameter("a", "1").withParameter("b", "2");
    ContentType b = ContentType.of("text", "plain").withParameter("b", "2").withParameter("a", "1");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(List.of("a", "b"), new ArrayList<>(a.parameters().keySet()));
    assertEquals("text/plain; a=1; b=2", a.toString());
    assertEquals("text/plain; b=2; a=1", b.toString());
    assertNotEquals(a, b.withParameter("a", "3"));
    assertNotEquals(a, a.withoutParameter("b"));
    assertEquals(a, a.withoutParameter("c"));
    assertEquals("text/plain; a=3; b=2", a.withParameter("A", "3").toString());
    assertEquals(ContentType.parse("text/plain; charset=us-ascii"), ContentType.DEFAULT);
    assertEquals(Optional.of("us-ascii"), ContentType.DEFAULT.charset());
  }

  @Test
  void badParametersFailNamingTheParameter() {
    ContentType t = ContentType.of("text", "plain");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.withParameter("a b", "x"));
    assertEquals("name: \"a b\" (expected: an RFC 2045 token without '*')", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.withParameter("a", "x\ny"));
    assertEquals("value: \"x\ny\" (expected: no control characters)", e.getMessage());
  }
}
