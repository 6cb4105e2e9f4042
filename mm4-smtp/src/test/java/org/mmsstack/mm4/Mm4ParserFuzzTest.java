package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.validate.Mm4Validator;

/**
 * Fuzzes the parser: any input either parses or fails with an {@link Mm4FormatException} that
 * names an offset inside it, strictly and leniently; the headers-only path agrees with the full
 * decode; every header value, every leaf's data and text can be read and the deferred body checks
 * run; what parses formats and parses again; the input is never changed. In the normal build this
 * runs the saved inputs under src/test/resources/org/mmsstack/mm4/Mm4ParserFuzzTestInputs/parse;
 * with JAZZER_FUZZ=1 it fuzzes.
 */
class Mm4ParserFuzzTest {

  private static final Mm4Config LENIENT = Mm4Config.builder().maxMessageSize(1 << 20).build();
  private static final Mm4Config STRICT = LENIENT.toBuilder().strict(true).build();

  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    byte[] copy = input.clone();
    try {
      Mm4Codec.decode(input, STRICT);
    } catch (Mm4FormatException e) {
      checkException(e, input.length);
    }
    Mm4Message m;
    try {
      m = Mm4Codec.decode(input, LENIENT);
    } catch (Mm4FormatException e) {
      checkException(e, input.length);
      try {
        Mm4Codec.decodeHeaders(input, LENIENT);
      } catch (Mm4FormatException h) {
        checkException(h, input.length);
      }
      assertArrayEquals(copy, input, "the input was changed");
      return;
    }
    Mm4Headers own;
    try {
      own = Mm4Codec.decodeHeaders(input, LENIENT);
    } catch (Mm4FormatException e) {
      throw new AssertionError("decodeHeaders refused what decode took: " + e.getMessage(), e);
    }
    assertEquals(m.headers(), own, "the headers-only path and the full decode disagree");
    read(m.content(), 0);
    try {
      m.content().checkData().forEach(f -> assertNotNull(f.toString()));
    } catch (Mm4FormatException e) {
      checkException(e, input.length);
    }
    m.findings().forEach(f -> assertNotNull(f.toString()));
    byte[] out = Mm4Codec.encode(m);
    try {
      Mm4Codec.decode(out, LENIENT);
    } catch (Mm4FormatException e) {
      throw new AssertionError("formatted output does not parse again: " + e.getMessage(), e);
    }
    Mm4Validator.validate(m);
    // A decoded body builds again unchanged through its builder, and the message with it parses.
    MimeEntity rebuilt = m.content().toBuilder().build();
    try {
      Mm4Codec.decode(Mm4Codec.encode(m.toBuilder().content(rebuilt).build()), LENIENT);
    } catch (Mm4FormatException e) {
      throw new AssertionError("a rebuilt body does not parse again: " + e.getMessage(), e);
    }
    assertArrayEquals(copy, input, "the input was changed");
  }

  /** Every header value of the tree, and every leaf's data and text. */
  private static void read(MimeEntity e, int depth) {
    for (Mm4Header h : e.headers()) {
      assertNotNull(h.value(), h.name());
    }
    if (e.isMultipart()) {
      for (MimeEntity p : e.parts()) {
        read(p, depth + 1);
      }
    } else {
      assertEquals(e.dataSize(), e.data().remaining());
      assertNotNull(e.text());
    }
  }

  private static void checkException(Mm4FormatException e, int length) {
    assertNotNull(e.reason());
    assertNotNull(e.getMessage());
    assertTrue(e.offset() >= -1 && e.offset() <= length, () -> "offset " + e.offset());
  }
}
