package org.mmsstack.encapsulation;

import java.util.Objects;

/**
 * How a PDU is decoded: strict or lenient, and the limits that bound the work and memory one
 * PDU may cost. Every limit is checked <em>before</em> anything is allocated for it, and a limit
 * error names the setting that raised it.
 *
 * <p>{@link #LENIENT} (also {@link #DEFAULT}) decodes whatever can be decoded unambiguously and
 * records each departure from the specification as a {@link Finding} on the PDU. {@link #STRICT}
 * throws a {@link PduFormatException} at the first finding of severity {@link Severity#ERROR}.
 * Both use the same code path, so they never disagree about what a PDU says.
 *
 * <p><b>Strict means the grammar, not the header rules.</b> Strict decoding refuses octets that
 * do not follow the encoding (WAP-230 and OMA MMS Encapsulation section 7: lengths, tokens,
 * terminators, header starts); it does not check which headers a PDU type must or may carry, in
 * which order, or since which version. Those rules are the
 * {@link org.mmsstack.encapsulation.validate.PduValidator}'s: it reports them all, with every
 * decoding finding, in one {@link org.mmsstack.encapsulation.validate.ValidationReport}. So an
 * m-retrieve-conf without its mandatory Content-Type (nuntium's {@code m-retrieve.conf_success})
 * decodes strictly with no finding, and validation reports {@code missing-mandatory-header}.
 * Why: a decoder that refused such a PDU would leave a Relay/Server, a phone or a test tool
 * nothing to inspect, pass on or answer with an error status, while the grammar is what makes
 * decoding itself safe or unsafe.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class DecodeConfig {

  /** Lenient decoding with the default limits. */
  public static final DecodeConfig LENIENT = builder().build();

  /** The default: {@link #LENIENT}. */
  public static final DecodeConfig DEFAULT = LENIENT;

  /** Strict decoding with the default limits. */
  public static final DecodeConfig STRICT = builder().strict(true).build();

  private final boolean strict;
  private final int maxPduSize;
  private final int maxHeaders;
  private final int maxParts;
  private final int maxNestingDepth;
  private final int maxTextLength;

  private DecodeConfig(Builder b) {
    this.strict = b.strict;
    this.maxPduSize = b.maxPduSize;
    this.maxHeaders = b.maxHeaders;
    this.maxParts = b.maxParts;
    this.maxNestingDepth = b.maxNestingDepth;
    this.maxTextLength = b.maxTextLength;
  }

  /** A builder starting from the lenient defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.strict = strict;
    b.maxPduSize = maxPduSize;
    b.maxHeaders = maxHeaders;
    b.maxParts = maxParts;
    b.maxNestingDepth = maxNestingDepth;
    b.maxTextLength = maxTextLength;
    return b;
  }

  /**
   * Whether the first {@link Severity#ERROR} finding aborts decoding (grammar only; see the
   * class comment for the header rules).
   */
  public boolean strict() {
    return strict;
  }

  /** The largest PDU accepted, in octets (default 16 MiB). */
  public int maxPduSize() {
    return maxPduSize;
  }

  /** The most header fields accepted in one header section (default 1024). */
  public int maxHeaders() {
    return maxHeaders;
  }

  /** The most entries accepted in one multipart body (default 1024). */
  public int maxParts() {
    return maxParts;
  }

  /** How deep multiparts (and m-mbox-descr PDUs inside bodies) may nest (default 8). */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** The longest text value accepted, in octets (default 64 KiB). */
  public int maxTextLength() {
    return maxTextLength;
  }

  /** Equal when every setting is equal: such configurations decode alike. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DecodeConfig c
        && strict == c.strict
        && maxPduSize == c.maxPduSize
        && maxHeaders == c.maxHeaders
        && maxParts == c.maxParts
        && maxNestingDepth == c.maxNestingDepth
        && maxTextLength == c.maxTextLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(strict, maxPduSize, maxHeaders, maxParts, maxNestingDepth, maxTextLength);
  }

  @Override
  public String toString() {
    return "DecodeConfig{strict="
        + strict
        + ", maxPduSize="
        + maxPduSize
        + ", maxHeaders="
        + maxHeaders
        + ", maxParts="
        + maxParts
        + ", maxNestingDepth="
        + maxNestingDepth
        + ", maxTextLength="
        + maxTextLength
        + '}';
  }

  /** Builds a {@link DecodeConfig}. */
  public static final class Builder {
    private boolean strict;
    private int maxPduSize = 16 << 20;
    private int maxHeaders = 1024;
    private int maxParts = 1024;
    private int maxNestingDepth = 8;
    private int maxTextLength = 64 << 10;

    private Builder() {}

    /** Strict decoding: the first error finding throws. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** See {@link DecodeConfig#maxPduSize()}. */
    public Builder maxPduSize(int octets) {
      this.maxPduSize = positive("maxPduSize", octets);
      return this;
    }

    /** See {@link DecodeConfig#maxHeaders()}. */
    public Builder maxHeaders(int count) {
      this.maxHeaders = positive("maxHeaders", count);
      return this;
    }

    /** See {@link DecodeConfig#maxParts()}. */
    public Builder maxParts(int count) {
      this.maxParts = positive("maxParts", count);
      return this;
    }

    /** See {@link DecodeConfig#maxNestingDepth()}. */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = positive("maxNestingDepth", depth);
      return this;
    }

    /** See {@link DecodeConfig#maxTextLength()}. */
    public Builder maxTextLength(int octets) {
      this.maxTextLength = positive("maxTextLength", octets);
      return this;
    }

    /** The configuration. */
    public DecodeConfig build() {
      return new DecodeConfig(this);
    }

    private static int positive(String name, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
      }
      return value;
    }
  }
}
