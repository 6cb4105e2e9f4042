package org.mmsstack.encapsulation.value;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The value of X-Mms-Expiry, X-Mms-Delivery-Time and X-Mms-Reply-Charging-Deadline: an absolute
 * date (Absolute-token 0x80, seconds since 1970) or an interval relative to the time the PDU
 * was sent or received (Relative-token 0x81, delta-seconds).
 *
 * @param relative whether {@link #seconds()} is a delta rather than a date
 * @param seconds seconds since 1970-01-01T00:00:00Z, or delta-seconds; never negative
 */
public record TimeValue(boolean relative, long seconds) {

  public TimeValue {
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds: " + seconds + " (expected: >= 0)");
    }
    if (!relative && seconds > Instant.MAX.getEpochSecond()) {
      // A date java.time cannot hold; the decoder refuses such dates as malformed too.
      throw new IllegalArgumentException(
          "seconds: "
              + seconds
              + " (expected: <= "
              + Instant.MAX.getEpochSecond()
              + " for an absolute time)");
    }
  }

  /** An absolute time, truncated to whole seconds. */
  public static TimeValue absolute(Instant when) {
    return new TimeValue(false, when.getEpochSecond());
  }

  /** A time relative to sending or receipt, truncated to whole seconds. */
  public static TimeValue relative(Duration delta) {
    return new TimeValue(true, delta.toSeconds());
  }

  /** The absolute time, given the time the relative form counts from. */
  public Instant resolve(Instant base) {
    Objects.requireNonNull(base, "base");
    return relative ? base.plusSeconds(seconds) : Instant.ofEpochSecond(seconds);
  }

  @Override
  public String toString() {
    return relative ? "+" + seconds + "s" : Instant.ofEpochSecond(seconds).toString();
  }
}
