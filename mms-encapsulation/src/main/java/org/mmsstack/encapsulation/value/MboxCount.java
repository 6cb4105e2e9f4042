package org.mmsstack.encapsulation.value;

import java.util.Objects;
import java.util.Optional;

/**
 * An X-Mms-Mbox-Totals (0x2A) or X-Mms-Mbox-Quotas (0x2C) value (MMS 1.2): a number of messages
 * or a size in octets.
 *
 * @param unit what {@code value} counts
 * @param value the count
 */
public record MboxCount(Unit unit, long value) {

  /** The token before the number. */
  public enum Unit {
    MESSAGES(0x80),
    OCTETS(0x81);

    private final int code;

    // Made once so that fromCode(int) does not allocate: the decoder calls it per header.
    private final Optional<Unit> self;

    Unit(int code) {
      this.code = code;
      this.self = Optional.of(this);
    }

    /** The wire octet. */
    public int code() {
      return code;
    }

    /**
     * The unit for an octet 0x80 or 0x81, or empty for any other octet. Allocates nothing: the
     * Optionals are made once.
     */
    public static Optional<Unit> fromCode(int code) {
      return code == 0x80 ? MESSAGES.self : code == 0x81 ? OCTETS.self : Optional.empty();
    }
  }

  public MboxCount {
    Objects.requireNonNull(unit, "unit");
    if (value < 0) {
      throw new IllegalArgumentException("value: " + value + " (expected: >= 0)");
    }
  }
}
