package org.mmsstack.routing.data;

import java.time.Duration;
import java.util.Objects;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataConfig;

/**
 * How a {@link RoutingDataSource} watches its store. Immutable and thread-safe; its {@link
 * Builder} is not.
 *
 * <p>There is no strictness switch: routing data is decoded strictly ({@link RoutingDataConfig}),
 * because every Relay/Server must run the same data; a version with any problem is not
 * installed, and the node keeps the one it runs.
 */
@Provisional
public final class RoutingDataSourceConfig {

  /** Re-check every 5 seconds, keep the previous version live, 100 findings, default limits. */
  public static final RoutingDataSourceConfig DEFAULT = builder().build();

  private final Duration recheckInterval;
  private final boolean keepPrevious;
  private final int maxFindings;
  private final RoutingDataConfig dataConfig;

  private RoutingDataSourceConfig(Builder b) {
    this.recheckInterval = b.recheckInterval;
    this.keepPrevious = b.keepPrevious;
    this.maxFindings = b.maxFindings;
    this.dataConfig = b.dataConfig;
  }

  /** A builder starting from the {@link #DEFAULT} values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.recheckInterval = recheckInterval;
    b.keepPrevious = keepPrevious;
    b.maxFindings = maxFindings;
    b.dataConfig = dataConfig;
    return b;
  }

  /**
   * How often the store is read again whatever the change notifications said (a watched
   * directory's fallback when file events are lost; a store's retry while disconnected).
   * Default 5 seconds.
   */
  public Duration recheckInterval() {
    return recheckInterval;
  }

  /** Whether the version replaced stays live as the previous one (default true). */
  public boolean keepPrevious() {
    return keepPrevious;
  }

  /** How many recent findings {@link RoutingDataSource#findings()} keeps (default 100). */
  public int maxFindings() {
    return maxFindings;
  }

  /** The limits for decoding each version (default {@link RoutingDataConfig#DEFAULT}). */
  public RoutingDataConfig dataConfig() {
    return dataConfig;
  }

  /** Equal when every setting is equal: such configurations behave alike. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RoutingDataSourceConfig c
        && recheckInterval.equals(c.recheckInterval)
        && keepPrevious == c.keepPrevious
        && maxFindings == c.maxFindings
        && dataConfig.equals(c.dataConfig);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recheckInterval, keepPrevious, maxFindings, dataConfig);
  }

  @Override
  public String toString() {
    return "RoutingDataSourceConfig[recheckInterval="
        + recheckInterval
        + ", keepPrevious="
        + keepPrevious
        + ", maxFindings="
        + maxFindings
        + ", dataConfig="
        + dataConfig
        + "]";
  }

  /** Builds a {@link RoutingDataSourceConfig}. Not thread-safe. */
  @Provisional
  public static final class Builder {
    private Duration recheckInterval = Duration.ofSeconds(5);
    private boolean keepPrevious = true;
    private int maxFindings = 100;
    private RoutingDataConfig dataConfig = RoutingDataConfig.DEFAULT;

    private Builder() {}

    /**
     * @throws IllegalArgumentException if {@code recheckInterval} is shorter than 10 ms or
     *     longer than a day
     */
    public Builder recheckInterval(Duration recheckInterval) {
      Objects.requireNonNull(recheckInterval, "recheckInterval");
      if (recheckInterval.toMillis() < 10 || recheckInterval.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            "recheckInterval: " + recheckInterval + " (expected: 10 ms to 1 day)");
      }
      this.recheckInterval = recheckInterval;
      return this;
    }

    /** Whether the version replaced stays live as the previous one. */
    public Builder keepPrevious(boolean keepPrevious) {
      this.keepPrevious = keepPrevious;
      return this;
    }

    /** @throws IllegalArgumentException if {@code maxFindings} is below 1 */
    public Builder maxFindings(int maxFindings) {
      if (maxFindings < 1) {
        throw new IllegalArgumentException("maxFindings: " + maxFindings + " (expected: >= 1)");
      }
      this.maxFindings = maxFindings;
      return this;
    }

    /** The limits for decoding each version. */
    public Builder dataConfig(RoutingDataConfig dataConfig) {
      this.dataConfig = Objects.requireNonNull(dataConfig, "dataConfig");
      return this;
    }

    /** The configuration. */
    public RoutingDataSourceConfig build() {
      return new RoutingDataSourceConfig(this);
    }
  }
}
