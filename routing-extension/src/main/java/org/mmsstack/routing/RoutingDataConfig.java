package org.mmsstack.routing;

import java.util.Objects;

/**
 * Limits for decoding routing data (routing tables and key rings), so that a hostile or broken
 * file cannot cost unbounded memory or time. Every limit is checked before anything is allocated
 * for what it bounds, and a problem over a limit names the setting.
 *
 * <p>There is no lenient mode, and so no strictness switch: every Relay/Server must run the same
 * routing function on the same data, and a table or key ring loaded with a line skipped would
 * route or verify differently from its peers. Decoding therefore refuses any input with a
 * problem, after checking all of it and reporting every problem
 * ({@link RoutingDataFormatException}). Immutable and thread-safe.
 */
@Provisional
public final class RoutingDataConfig {

  /** 1,024-byte lines, 50 million table entries, 10,000 keys, 16 MiB key rings, 1,000 reported problems. */
  public static final RoutingDataConfig DEFAULT = builder().build();

  private final int maxLineLength;
  private final int maxEntries;
  private final int maxKeys;
  private final long maxFileSize;
  private final int maxFindings;

  private RoutingDataConfig(Builder b) {
    this.maxLineLength = b.maxLineLength;
    this.maxEntries = b.maxEntries;
    this.maxKeys = b.maxKeys;
    this.maxFileSize = b.maxFileSize;
    this.maxFindings = b.maxFindings;
  }

  /** A builder starting from the {@link #DEFAULT} values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxLineLength = maxLineLength;
    b.maxEntries = maxEntries;
    b.maxKeys = maxKeys;
    b.maxFileSize = maxFileSize;
    b.maxFindings = maxFindings;
    return b;
  }

  /** Longest line in bytes, without its line break (at least 80; default 1,024). */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** Most prefixes, overrides and domain suffixes of one routing table (default 50 million). */
  public int maxEntries() {
    return maxEntries;
  }

  /** Most keys of one key ring (default 10,000). */
  public int maxKeys() {
    return maxKeys;
  }

  /**
   * Largest key ring read from a file or stream, in bytes (default 16 MiB; a key ring is read
   * whole). Routing tables are read a line at a time and bounded by {@link #maxEntries()}.
   */
  public long maxFileSize() {
    return maxFileSize;
  }

  /** Most problems kept in one exception; further ones are counted (default 1,000). */
  public int maxFindings() {
    return maxFindings;
  }

  /** Equal when every setting is equal: such configurations decode alike. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RoutingDataConfig c
        && maxLineLength == c.maxLineLength
        && maxEntries == c.maxEntries
        && maxKeys == c.maxKeys
        && maxFileSize == c.maxFileSize
        && maxFindings == c.maxFindings;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxLineLength, maxEntries, maxKeys, maxFileSize, maxFindings);
  }

  @Override
  public String toString() {
    return "RoutingDataConfig[maxLineLength="
        + maxLineLength
        + ", maxEntries="
        + maxEntries
        + ", maxKeys="
        + maxKeys
        + ", maxFileSize="
        + maxFileSize
        + ", maxFindings="
        + maxFindings
        + "]";
  }

  /** Builds a {@link RoutingDataConfig}. Not thread-safe. */
  @Provisional
  public static final class Builder {
    private int maxLineLength = 1024;
    private int maxEntries = 50_000_000;
    private int maxKeys = 10_000;
    private long maxFileSize = 16L * 1024 * 1024;
    private int maxFindings = 1000;

    private Builder() {}

    /** @throws IllegalArgumentException if {@code maxLineLength} is below 80 */
    public Builder maxLineLength(int maxLineLength) {
      if (maxLineLength < 80) {
        throw new IllegalArgumentException(
            "maxLineLength: " + maxLineLength + " (expected: >= 80)");
      }
      this.maxLineLength = maxLineLength;
      return this;
    }

    /** @throws IllegalArgumentException if {@code maxEntries} is negative */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 0) {
        throw new IllegalArgumentException("maxEntries: " + maxEntries + " (expected: >= 0)");
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /** @throws IllegalArgumentException if {@code maxKeys} is negative */
    public Builder maxKeys(int maxKeys) {
      if (maxKeys < 0) {
        throw new IllegalArgumentException("maxKeys: " + maxKeys + " (expected: >= 0)");
      }
      this.maxKeys = maxKeys;
      return this;
    }

    /** @throws IllegalArgumentException if {@code maxFileSize} is not between 1 and 2^31 - 2 */
    public Builder maxFileSize(long maxFileSize) {
      if (maxFileSize < 1 || maxFileSize > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException(
            "maxFileSize: " + maxFileSize + " (expected: 1 to 2^31 - 2)");
      }
      this.maxFileSize = maxFileSize;
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

    /** The configuration. */
    public RoutingDataConfig build() {
      return new RoutingDataConfig(this);
    }
  }
}
