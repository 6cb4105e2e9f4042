package org.mmsstack.routing.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the parser with arbitrary bytes. Every input must either parse (and then survive a write
 * and re-parse unchanged, through both the byte and the stream path) or fail with
 * {@link RoutingTableFormatException} naming a line and column; any other exception, or a hang,
 * is a bug. In a normal test run this replays the inputs under
 * {@code src/test/resources/.../RoutingTableParserFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it
 * fuzzes.
 */
class RoutingTableParserFuzzTest {

  private static final RoutingTableParser PARSER = new RoutingTableParser(new RoutingTableParser.Limits(200, 10_000, 50));

  @FuzzTest(maxDuration = "60s")
  void parserEitherParsesOrReportsProblems(byte[] input) throws Exception {
    RoutingTable fromBytes = null;
    RoutingTableFormatException bytesFailure = null;
    try {
      fromBytes = PARSER.parse(input);
    } catch (RoutingTableFormatException e) {
      bytesFailure = e;
      assertFalse(e.problems().isEmpty());
      for (RoutingTableFormatException.Problem p : e.problems()) {
        if (p.line() < 1 || p.column() < 1) {
          throw new AssertionError("bad position in " + p);
        }
      }
    }
    RoutingTable fromStream = null;
    try {
      fromStream = PARSER.parse(new ByteArrayInputStream(input));
    } catch (RoutingTableFormatException e) {
      if (bytesFailure == null) {
        throw new AssertionError("stream failed where bytes parsed", e);
      }
      assertEquals(bytesFailure.problems(), e.problems());
    }
    // The two paths must agree: both fail with the same problems, or both parse equal tables.
    if (bytesFailure != null && fromStream != null) {
      throw new AssertionError("bytes failed where the stream parsed: " + bytesFailure.problems());
    }
    if (fromBytes != null) {
      assertEquals(fromBytes, fromStream);
      String text = RoutingTableWriter.toText(fromBytes);
      RoutingTable again = PARSER.parse(text.getBytes(StandardCharsets.US_ASCII));
      assertEquals(fromBytes, again);
      // Lookups on whatever was parsed must not throw either.
      fromBytes.lookupAddress(new String(input, StandardCharsets.ISO_8859_1));
    }
  }
}
