package org.mmsstack.mm4;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsstack.mm4.validate.Mm4Validator;

/**
 * Fuzzes the parser: any input either parses or fails with Mm4FormatException, and what parses
 * formats and parses again. In the normal build this runs the saved inputs under
 * src/test/resources/org/mmsstack/mm4/Mm4ParserFuzzTestInputs/parse; with JAZZER_FUZZ=1 it fuzzes.
 */
class Mm4ParserFuzzTest {

  private static final Mm4Config LENIENT = Mm4Config.builder().maxMessageSize(1 << 20).build();

  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    Mm4Message m;
    try {
      m = Mm4Codec.decode(input, LENIENT);
    } catch (Mm4FormatException expected) {
      return;
    }
    byte[] out = Mm4Codec.encode(m);
    try {
      Mm4Codec.decode(out, LENIENT);
    } catch (Mm4FormatException e) {
      throw new AssertionError("formatted output does not parse again: " + e.getMessage(), e);
    }
    Mm4Validator.validate(m);
  }
}
