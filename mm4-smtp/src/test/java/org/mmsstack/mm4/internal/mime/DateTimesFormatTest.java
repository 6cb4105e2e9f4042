package org.mmsstack.mm4.internal.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The date writer, character by character, agrees with the formatter pattern it replaces. */
class DateTimesFormatTest {

  private static final DateTimeFormatter PATTERN =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ROOT);

  @Test
  void writesWhatTheFormatterPatternWrites() {
    SplittableRandom r = new SplittableRandom(17);
    for (int i = 0; i < 20_000; i++) {
      LocalDateTime local =
          LocalDateTime.of(
              r.nextInt(1000, 10_000),
              r.nextInt(1, 13),
              r.nextInt(1, 29),
              r.nextInt(24),
              r.nextInt(60),
              r.nextInt(60),
              r.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(r.nextInt(-18 * 60, 18 * 60 + 1) * 60);
      OffsetDateTime t = OffsetDateTime.of(local, offset);
      assertEquals(PATTERN.format(t.withNano(0)), DateTimes.format(t), t::toString);
    }
  }

  @Test
  void yearsOutsideFourDigitsAndOffsetsWithSecondsStillFormat() {
    for (OffsetDateTime t :
        new OffsetDateTime[] {
          OffsetDateTime.of(999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
          OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-3)),
          OffsetDateTime.of(2024, 3, 1, 12, 30, 45, 0, ZoneOffset.ofTotalSeconds(3_601)),
        }) {
      assertEquals(PATTERN.format(t), DateTimes.format(t), t::toString);
    }
    assertEquals(
        "Fri, 01 Mar 2024 12:30:45 -0930",
        DateTimes.format(OffsetDateTime.of(2024, 3, 1, 12, 30, 45, 5, ZoneOffset.of("-09:30"))));
  }
}
