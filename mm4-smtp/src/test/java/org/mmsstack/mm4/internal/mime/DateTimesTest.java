package org.mmsstack.mm4.internal.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The check of dates on their characters agrees with the full reader. */
class DateTimesTest {

  @Test
  void canonicalFormsAreReadWithoutTheReader() {
    for (String s :
        List.of(
            "Wed, 26 Jan 2022 00:17:43 +0200",
            "26 Jan 2022 00:17:43 -0000",
            "Thu, 1 FEB 2024 23:59:60 +1800",
            "Thu, 29 Feb 2024 12:00:00 -1800",
            "Wed, 26 Jan 2022 00:17:43 GMT",
            "Tue, 01 Feb 2022 22:17:44 gmt",
            "Tue, 01 Feb 2022 22:17:44 UT",
            "Wed, 26 Jan 2022 00:17:43 +0200 (IST)",
            "Thu, 13 Jan 2022 01:19:21 +0200  (Israel, winter)  ")) {
      assertTrue(DateTimes.isCanonical(s), s);
      assertTrue(DateTimes.parse(s).isPresent(), s);
    }
    for (String s :
        List.of(
            "Wed, 29 Feb 2023 00:17:43 +0200", // no such day
            "Wed, 26 Jan 2022 24:00:00 +0200",
            "Wed, 26 Jan 2022 00:17:43 +1801",
            "Wed, 26 Jan 2022 00:17:43 UTC",
            "Wed, 26 Jan 2022 00:17:43 GMTX",
            "Wed, 26 Jan 2022 00:17 +0200",
            "Wed, 26 Jan 22 00:17:43 +0200",
            "Wed,  26 Jan 2022 00:17:43 +0200",
            "Wed, 26 Jan 2022 00:17:43 +0200 (IST",
            "Wed, 26 Jan 2022 00:17:43 +0200 (I(S)T)",
            "Wed, 26 Jan 2022 00:17:43 +0200(IST)",
            "Wed, 26 Jan 2022 00:17:43 +0200 (IST) x",
            "Wed, 0 Jan 2022 00:17:43 +0200",
            "Wed, 26 Jxn 2022 00:17:43 +0200")) {
      assertFalse(DateTimes.isCanonical(s), s);
      assertEquals(DateTimes.parse(s).isPresent(), DateTimes.isValid(s), s);
    }
    assertTrue(DateTimes.isValid("Wed, 26 Jan 2022 00:17:43 GMT"));
    assertFalse(DateTimes.isValid("Wed, 29 Feb 2023 00:17:43 +0200"));
  }

  @Test
  void isValidAgreesWithParseOnMutatedDates() {
    String alphabet = "0123456789 :+-,aFJWbeXzGMTU()\\\"\t";
    SplittableRandom r = new SplittableRandom(5);
    for (int k = 0; k < 300_000; k++) {
      String base =
          switch (k % 3) {
            case 0 -> "Wed, 26 Jan 2022 00:17:43 +0200";
            case 1 -> "Tue, 01 Feb 2022 22:17:44 GMT";
            default -> "Thu, 13 Jan 2022 01:19:21 +0200 (IST)";
          };
      char[] c = base.toCharArray();
      for (int m = r.nextInt(1, 4); m > 0; m--) {
        c[r.nextInt(c.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
      }
      String s = new String(c, 0, r.nextInt(c.length - 5, c.length + 1));
      boolean parsed = DateTimes.parse(s).isPresent();
      if (DateTimes.isCanonical(s)) {
        assertTrue(parsed, s);
      }
      assertEquals(parsed, DateTimes.isValid(s), s);
    }
  }
}
