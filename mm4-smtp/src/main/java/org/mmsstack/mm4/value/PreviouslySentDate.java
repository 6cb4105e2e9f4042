package org.mmsstack.mm4.value;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.mmsstack.mm4.internal.Values;

/**
 * One X-Mms-Previously-sent-date-and-time entry, {@code <index>, <RFC 5322 date>}: when the MM
 * was sent before it was forwarded; the index pairs it with a {@link PreviouslySentBy}.
 *
 * @param index the forward index (0 or more)
 * @param date the earlier submission time (whole seconds, as RFC 5322 carries it)
 */
public record PreviouslySentDate(int index, OffsetDateTime date) {

  /** Checks the components and drops sub-second precision, which the wire cannot carry. */
  public PreviouslySentDate {
    if (index < 0) {
      throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
    }
    Objects.requireNonNull(date, "date");
    date = date.withNano(0);
  }

  /** Reads a header value, {@code <index>, <value>}; empty if it is not one. */
  public static java.util.Optional<PreviouslySentDate> tryParse(String value) {
    return Values.previouslySentDate(value);
  }
}
