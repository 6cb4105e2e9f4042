package org.mmsstack.routing.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;

/**
 * Fuzzes the parser with arbitrary bytes. Every input must either parse (and then survive a write
 * and re-parse unchanged, through both the byte and the stream path) or fail with
 * {@link RoutingDataFormatException} naming a line and column; any other exception, or a hang,
 * is a bug. In a normal test run this replays the inputs under
 * {@code src/test/resources/.../RoutingTableParserFuzzTestInputs}; with {@code JAZZER_FUZZ=1} it
 * fuzzes.
 */
class RoutingTableParserFuzzTest {

  private static final RoutingDataConfig CONFIG =
      RoutingDataConfig.builder().maxLineLength(200).maxEntries(10_000).maxFindings(50).build();

  @FuzzTest(maxDuration = "60s")
  void parserEitherParsesOrReportsProblems(byte[] input) throws Exception {
    RoutingTable fromBytes = null;
    RoutingDataFormatException bytesFailure = null;
    try {
      fromBytes = RoutingTableCodec.decode(input, CONFIG);
    } catch (RoutingDataFormatException e) {
      bytesFailure = e;
      assertFalse(e.findings().isEmpty());
      for (Finding p : e.findings()) {
        if (p.line() < 1 || p.column() < 1) {
          throw new AssertionError("bad position in " + p);
        }
      }
    }
    RoutingTable fromStream = null;
    try {
      fromStream = RoutingTableCodec.decode(new ByteArrayInputStream(input), CONFIG);
    } catch (RoutingDataFormatException e) {
      if (bytesFailure == null) {
        throw new AssertionError("stream failed where bytes parsed", e);
      }
      assertEquals(bytesFailure.findings(), e.findings());
    }
    // The two paths must agree: both fail with the same problems, or both parse equal tables.
    if (bytesFailure != null && fromStream != null) {
      throw new AssertionError("bytes failed where the stream parsed: " + bytesFailure.findings());
    }
    if (fromBytes != null) {
      assertEquals(fromBytes, fromStream);
      String text =
          new String(
              RoutingTableCodec.encode(fromBytes), java.nio.charset.StandardCharsets.US_ASCII);
      RoutingTable again =
          RoutingTableCodec.decode(text.getBytes(StandardCharsets.US_ASCII), CONFIG);
      assertEquals(fromBytes, again);
      // Lookups on whatever was parsed must not throw either.
      fromBytes.lookupAddress(new String(input, StandardCharsets.ISO_8859_1));
    }
  }
}
