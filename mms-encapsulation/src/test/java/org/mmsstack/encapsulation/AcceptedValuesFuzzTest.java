package org.mmsstack.encapsulation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Coverage-guided fuzzing of the builders: a value made from the input, put into one of the
 * places of {@link AcceptedValuesRoundTripTest}, is either refused with a message naming the
 * header or read back equal, strictly and leniently.
 *
 * <p>The first input octet picks the place (text, octets or a number, then which), the rest is
 * the value: UTF-16BE code units for text (any char, NUL and lone surrogates included), the
 * octets themselves, or a big-endian long. In the normal build this runs the inputs in {@code
 * src/test/resources/org/mmsstack/encapsulation/AcceptedValuesFuzzTestInputs/acceptedValuesReadBack/};
 * to fuzz for real (five minutes):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl mms-encapsulation test -Dtest=AcceptedValuesFuzzTest -DskipDocs
 * </pre>
 */
class AcceptedValuesFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void acceptedValuesReadBack(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int pick = input[0] & 0xFF;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    String what = HexFormat.of().formatHex(input);
    switch (pick % 3) {
      case 0:
        {
          List<AcceptedValuesRoundTripTest.Place<String>> places =
              AcceptedValuesRoundTripTest.TEXT_PLACES;
          String text = new String(rest, 0, rest.length & ~1, StandardCharsets.UTF_16BE);
          AcceptedValuesRoundTripTest.check(places.get(pick / 3 % places.size()), text, () -> what);
          return;
        }
      case 1:
        {
          List<AcceptedValuesRoundTripTest.Place<byte[]>> places =
              AcceptedValuesRoundTripTest.OCTET_PLACES;
          AcceptedValuesRoundTripTest.check(places.get(pick / 3 % places.size()), rest, () -> what);
          return;
        }
      default:
        {
          List<AcceptedValuesRoundTripTest.Place<Long>> places =
              AcceptedValuesRoundTripTest.NUMBER_PLACES;
          long n = ByteBuffer.wrap(Arrays.copyOf(rest, 8)).getLong();
          AcceptedValuesRoundTripTest.check(places.get(pick / 3 % places.size()), n, () -> what);
        }
    }
  }
}
