package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A configuration is a value: equal settings are equal, whichever way they were made. */
class DecodeConfigTest {

  @Test
  void equalSettingsAreEqualAndEachSettingCounts() {
    assertEquals(DecodeConfig.DEFAULT, DecodeConfig.builder().build());
    assertEquals(DecodeConfig.STRICT, DecodeConfig.builder().strict(true).build());
    assertEquals(
        DecodeConfig.STRICT.hashCode(), DecodeConfig.builder().strict(true).build().hashCode());
    assertEquals(DecodeConfig.STRICT, DecodeConfig.STRICT.toBuilder().build());
    assertNotEquals(DecodeConfig.LENIENT, DecodeConfig.STRICT);
    List<UnaryOperator<DecodeConfig.Builder>> changes =
        List.of(
            b -> b.strict(true),
            b -> b.maxPduSize(1000),
            b -> b.maxHeaders(7),
            b -> b.maxParts(7),
            b -> b.maxNestingDepth(2),
            b -> b.maxTextLength(100));
    for (UnaryOperator<DecodeConfig.Builder> change : changes) {
      DecodeConfig changed = change.apply(DecodeConfig.builder()).build();
      assertNotEquals(DecodeConfig.DEFAULT, changed, changed.toString());
      assertEquals(changed, change.apply(DecodeConfig.builder()).build());
      assertEquals(changed, changed.toBuilder().build());
    }
  }
}
