package org.mmsstack.encapsulation.value;

import java.util.Objects;

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

    Unit(int code) {
      this.code = code;
    }

    /** The wire octet. */
    public int code() {
      return code;
    }

    /** The unit for an octet, or {@code null}. */
    public static Unit valueOf(int code) {
      return code == 0x80 ? MESSAGES : code == 0x81 ? OCTETS : null;
    }
  }

  public MboxCount {
    Objects.requireNonNull(unit, "unit");
    if (value < 0) {
      throw new IllegalArgumentException("value: " + value + " (expected: >= 0)");
    }
  }
}
