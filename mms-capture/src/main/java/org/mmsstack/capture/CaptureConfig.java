package org.mmsstack.capture;

import java.util.Objects;

/**
 * How a capture is read: the limits that keep memory bounded whatever the capture holds, and the
 * one strictness switch. Every limit is checked before the memory it guards is allocated; going
 * over one produces a finding naming it (an exception only in strict mode, for findings of
 * severity ERROR).
 *
 * <p>Memory is counted by the capacity of the buffers held (not the live bytes in them) plus a
 * fixed {@link #FLOW_OVERHEAD} per TCP flow, so that {@link #maxTotalStreamBytes()} bounds what a
 * read retains however the traffic is cut up: when it would be exceeded, the least recently active
 * flows are evicted first, with a {@link CaptureFindingCodes#FLOW_EVICTED} finding. The heap a
 * read needs is therefore about {@code maxTotalStreamBytes + maxFragmentBytes + maxBlockBytes}
 * plus small constant costs, independent of the capture's size.
 *
 * <p>Immutable and thread-safe. Start from {@link #DEFAULT} and change what you need with {@link
 * #toBuilder()}, or from {@link #builder()}.
 */
public final class CaptureConfig {

  /** Octets counted against {@link #maxTotalStreamBytes()} for each TCP flow tracked. */
  public static final int FLOW_OVERHEAD = 1024;

  /**
   * Lenient, with limits sized for real MMS traffic in a 256 MiB heap: 256 KiB frames (jumbo frames
   * and TSO-merged segments in captures made on the sending host), 16 MiB blocks, 16 MiB per
   * stream (MMS messages are at most a few MiB), 64 MiB over all flows, 65,536 flows, 64 KiB HTTP
   * headers, 4 MiB of IP fragments, 1,000 findings.
   */
  public static final CaptureConfig DEFAULT = new Builder().build();

  /** The same as {@link #DEFAULT}: findings are recorded and reading goes on. */
  public static final CaptureConfig LENIENT = DEFAULT;

  /** {@link #DEFAULT}'s limits; the first finding of severity ERROR ends the read. */
  public static final CaptureConfig STRICT = DEFAULT.toBuilder().strict(true).build();

  private final int maxFrameBytes;
  private final int maxBlockBytes;
  private final int maxStreamBytes;
  private final long maxTotalStreamBytes;
  private final int maxTcpConnections;
  private final int maxHttpHeaderBytes;
  private final int maxFragmentBytes;
  private final int maxFindings;
  private final boolean strict;

  private CaptureConfig(Builder b) {
    maxFrameBytes = b.maxFrameBytes;
    maxBlockBytes = b.maxBlockBytes;
    maxStreamBytes = b.maxStreamBytes;
    maxTotalStreamBytes = b.maxTotalStreamBytes;
    maxTcpConnections = b.maxTcpConnections;
    maxHttpHeaderBytes = b.maxHttpHeaderBytes;
    maxFragmentBytes = b.maxFragmentBytes;
    maxFindings = b.maxFindings;
    strict = b.strict;
  }

  /** A builder starting from {@link #DEFAULT}'s values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Largest captured frame accepted (pcap record, pcapng packet data); larger is corruption. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** Largest pcapng block read into memory; larger blocks that carry no packet are skipped unread. */
  public int maxBlockBytes() {
    return maxBlockBytes;
  }

  /**
   * Octets buffered for one TCP direction (out-of-order segments plus the unfinished HTTP message
   * or mail, by buffer capacity); this also caps one HTTP message or mail.
   */
  public int maxStreamBytes() {
    return maxStreamBytes;
  }

  /** Octets buffered over all TCP flows together, by capacity, {@link #FLOW_OVERHEAD} per flow included. */
  public long maxTotalStreamBytes() {
    return maxTotalStreamBytes;
  }

  /** TCP flows tracked at once; a further one evicts the least recently active. */
  public int maxTcpConnections() {
    return maxTcpConnections;
  }

  /** Size of an HTTP start line plus header section. */
  public int maxHttpHeaderBytes() {
    return maxHttpHeaderBytes;
  }

  /** Octets of IP fragments held while waiting for the rest of their datagrams. */
  public int maxFragmentBytes() {
    return maxFragmentBytes;
  }

  /** Findings kept; further ones are counted in one final finding. */
  public int maxFindings() {
    return maxFindings;
  }

  /** Whether the first finding of severity ERROR ends the read with a {@link CaptureFormatException}. */
  public boolean strict() {
    return strict;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaptureConfig c
        && maxFrameBytes == c.maxFrameBytes
        && maxBlockBytes == c.maxBlockBytes
        && maxStreamBytes == c.maxStreamBytes
        && maxTotalStreamBytes == c.maxTotalStreamBytes
        && maxTcpConnections == c.maxTcpConnections
        && maxHttpHeaderBytes == c.maxHttpHeaderBytes
        && maxFragmentBytes == c.maxFragmentBytes
        && maxFindings == c.maxFindings
        && strict == c.strict;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxFrameBytes,
        maxBlockBytes,
        maxStreamBytes,
        maxTotalStreamBytes,
        maxTcpConnections,
        maxHttpHeaderBytes,
        maxFragmentBytes,
        maxFindings,
        strict);
  }

  @Override
  public String toString() {
    return "CaptureConfig[maxFrameBytes="
        + maxFrameBytes
        + ", maxBlockBytes="
        + maxBlockBytes
        + ", maxStreamBytes="
        + maxStreamBytes
        + ", maxTotalStreamBytes="
        + maxTotalStreamBytes
        + ", maxTcpConnections="
        + maxTcpConnections
        + ", maxHttpHeaderBytes="
        + maxHttpHeaderBytes
        + ", maxFragmentBytes="
        + maxFragmentBytes
        + ", maxFindings="
        + maxFindings
        + ", strict="
        + strict
        + "]";
  }

  /**
   * Builds a {@link CaptureConfig}. Each setter checks its value and throws {@link
   * IllegalArgumentException} naming the setting and the value. Not thread-safe.
   */
  public static final class Builder {
    private int maxFrameBytes = 256 * 1024;
    private int maxBlockBytes = 16 * 1024 * 1024;
    private int maxStreamBytes = 16 * 1024 * 1024;
    private long maxTotalStreamBytes = 64L * 1024 * 1024;
    private int maxTcpConnections = 65_536;
    private int maxHttpHeaderBytes = 64 * 1024;
    private int maxFragmentBytes = 4 * 1024 * 1024;
    private int maxFindings = 1_000;
    private boolean strict;

    private Builder() {}

    private Builder(CaptureConfig c) {
      maxFrameBytes = c.maxFrameBytes;
      maxBlockBytes = c.maxBlockBytes;
      maxStreamBytes = c.maxStreamBytes;
      maxTotalStreamBytes = c.maxTotalStreamBytes;
      maxTcpConnections = c.maxTcpConnections;
      maxHttpHeaderBytes = c.maxHttpHeaderBytes;
      maxFragmentBytes = c.maxFragmentBytes;
      maxFindings = c.maxFindings;
      strict = c.strict;
    }

    private static int positive(String name, long value, long max) {
      if (value <= 0 || value > max) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: 1 ~ " + max + ")");
      }
      return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** See {@link CaptureConfig#maxFrameBytes()}. */
    public Builder maxFrameBytes(int v) {
      maxFrameBytes = positive("maxFrameBytes", v, Integer.MAX_VALUE - 64);
      return this;
    }

    /** See {@link CaptureConfig#maxBlockBytes()}. */
    public Builder maxBlockBytes(int v) {
      maxBlockBytes = positive("maxBlockBytes", v, Integer.MAX_VALUE - 64);
      return this;
    }

    /** See {@link CaptureConfig#maxStreamBytes()}. */
    public Builder maxStreamBytes(int v) {
      maxStreamBytes = positive("maxStreamBytes", v, Integer.MAX_VALUE - 64);
      return this;
    }

    /** See {@link CaptureConfig#maxTotalStreamBytes()}. */
    public Builder maxTotalStreamBytes(long v) {
      positive("maxTotalStreamBytes", v, Long.MAX_VALUE);
      maxTotalStreamBytes = v;
      return this;
    }

    /** See {@link CaptureConfig#maxTcpConnections()}. */
    public Builder maxTcpConnections(int v) {
      maxTcpConnections = positive("maxTcpConnections", v, Integer.MAX_VALUE);
      return this;
    }

    /** See {@link CaptureConfig#maxHttpHeaderBytes()}. */
    public Builder maxHttpHeaderBytes(int v) {
      maxHttpHeaderBytes = positive("maxHttpHeaderBytes", v, Integer.MAX_VALUE - 64);
      return this;
    }

    /** See {@link CaptureConfig#maxFragmentBytes()}. */
    public Builder maxFragmentBytes(int v) {
      maxFragmentBytes = positive("maxFragmentBytes", v, Integer.MAX_VALUE);
      return this;
    }

    /** See {@link CaptureConfig#maxFindings()}. */
    public Builder maxFindings(int v) {
      maxFindings = positive("maxFindings", v, Integer.MAX_VALUE);
      return this;
    }

    /** See {@link CaptureConfig#strict()}. */
    public Builder strict(boolean v) {
      strict = v;
      return this;
    }

    /** The configuration. */
    public CaptureConfig build() {
      return new CaptureConfig(this);
    }
  }
}
