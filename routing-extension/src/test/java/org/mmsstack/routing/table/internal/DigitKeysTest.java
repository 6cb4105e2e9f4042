package org.mmsstack.routing.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitKeysTest {

  /** The reciprocal multiplication must equal the division for every value of up to 15 digits. */
  @Test
  void dropDigitsEqualsDivisionAtTheEdgesAndAtRandom() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < DigitKeys.MAX_DIGITS; k++) {
      long d = DigitKeys.pow10(k);
      long max = DigitKeys.pow10(DigitKeys.MAX_DIGITS) - 1;
      // Around every multiple boundary near the top, where rounding errors would show first.
      for (long q = max / d; q > max / d - 1000 && q >= 0; q--) {
        for (long v : new long[] {q * d - 1, q * d, q * d + d - 1}) {
          if (v >= 0 && v <= max) {
            assertEquals(v / d, DigitKeys.dropDigits(v, k), () -> v + " / 10^" + d);
          }
        }
      }
      for (int i = 0; i < 200_000; i++) {
        long v = random.nextLong(max + 1);
        assertEquals(v / d, DigitKeys.dropDigits(v, k), () -> v + " / " + d);
      }
      assertEquals(0, DigitKeys.dropDigits(0, k));
      assertEquals(max / d, DigitKeys.dropDigits(max, k));
    }
  }
}
