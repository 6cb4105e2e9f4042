package org.mmsstack.encapsulation.value;

import java.time.Instant;
import java.util.Objects;

/**
 * One X-Mms-Previously-Sent-Date entry (0x21, MMS 1.1): when the MM was forwarded at hop
 * {@code forwardedCount}.
 *
 * @param forwardedCount the Forwarded-count-value
 * @param date the date, whole seconds
 */
public record PreviouslySentDate(long forwardedCount, Instant date) {
  public PreviouslySentDate {
    if (forwardedCount < 0) {
      throw new IllegalArgumentException("forwardedCount: " + forwardedCount + " (expected: >= 0)");
    }
    Objects.requireNonNull(date, "date");
  }
}
