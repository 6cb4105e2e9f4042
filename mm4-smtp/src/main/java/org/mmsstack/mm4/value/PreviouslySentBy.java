package org.mmsstack.mm4.value;

import java.util.Objects;
import org.mmsstack.mm4.internal.Values;

/**
 * One X-Mms-Previously-sent-by entry, {@code <index>, <address>}: who sent the MM before it was
 * forwarded; the index pairs it with a {@link PreviouslySentDate}.
 *
 * @param index the forward index (0 or more)
 * @param address the earlier sender
 */
public record PreviouslySentBy(int index, Mm4Address address) {

  /** Checks the components. */
  public PreviouslySentBy {
    if (index < 0) {
      throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
    }
    Objects.requireNonNull(address, "address");
  }

  /** Reads a header value, {@code <index>, <value>}; empty if it is not one. */
  public static java.util.Optional<PreviouslySentBy> tryParse(String value) {
    return Values.previouslySentBy(value);
  }
}
