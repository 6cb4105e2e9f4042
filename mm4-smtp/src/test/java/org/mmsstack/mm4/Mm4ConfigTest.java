package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A configuration is a value: equal settings are equal, whichever way they were made. */
class Mm4ConfigTest {

  @Test
  void equalSettingsAreEqualAndEachSettingCounts() {
    assertEquals(Mm4Config.DEFAULT, Mm4Config.builder().build());
    assertEquals(Mm4Config.STRICT, Mm4Config.builder().strict(true).maxLineLength(998).build());
    assertEquals(Mm4Config.STRICT.hashCode(), Mm4Config.STRICT.toBuilder().build().hashCode());
    assertEquals(Mm4Config.STRICT, Mm4Config.STRICT.toBuilder().build());
    assertNotEquals(Mm4Config.LENIENT, Mm4Config.STRICT);
    List<UnaryOperator<Mm4Config.Builder>> changes =
        List.of(
            b -> b.strict(true),
            b -> b.maxHeaders(7),
            b -> b.maxLineLength(100),
            b -> b.maxNestingDepth(2),
            b -> b.maxParts(7),
            b -> b.maxMessageSize(1000),
            b -> b.checkBodies(true),
            // The same effective checkBodies, but set: its builder keeps it when strictness
            // changes.
            b -> b.checkBodies(false));
    for (UnaryOperator<Mm4Config.Builder> change : changes) {
      Mm4Config changed = change.apply(Mm4Config.builder()).build();
      assertNotEquals(Mm4Config.DEFAULT, changed, changed.toString());
      assertEquals(changed, change.apply(Mm4Config.builder()).build());
      assertEquals(changed, changed.toBuilder().build());
    }
  }
}
