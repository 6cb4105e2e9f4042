package org.mmsstack.cli.capture;

/**
 * Limits that keep reading a hostile or huge capture within bounded memory. Every limit is
 * checked before the memory it guards is allocated; going over one produces a {@link
 * CaptureFinding} naming it, never an exception.
 *
 * <p>Immutable; start from {@link #DEFAULT} and change what you need with {@link #toBuilder()}.
 *
 * @param maxFrameBytes largest captured frame accepted (pcap record, pcapng packet data); a
 *     larger length is taken as corruption
 * @param maxBlockBytes largest pcapng block read into memory; larger blocks of kinds that carry no
 *     packet are skipped without reading them
 * @param maxStreamBytes bytes buffered for one TCP direction (out-of-order segments plus data of
 *     an HTTP message not yet complete); this also caps one HTTP message
 * @param maxTotalStreamBytes bytes buffered over all TCP streams together
 * @param maxTcpConnections TCP connections tracked at once; segments of further ones are ignored
 * @param maxHttpHeaderBytes size of an HTTP start line plus header section
 * @param maxFragmentBytes bytes of IP fragments held while waiting for the rest of their datagrams
 * @param maxFindings findings kept; further ones are counted in one final finding
 */
public record CaptureConfig(
    int maxFrameBytes,
    int maxBlockBytes,
    long maxStreamBytes,
    long maxTotalStreamBytes,
    int maxTcpConnections,
    int maxHttpHeaderBytes,
    int maxFragmentBytes,
    int maxFindings) {

  /**
   * Defaults sized for real MMS traffic: 256 KiB frames (jumbo frames and TSO-merged segments in
   * captures made on the sending host), 16 MiB per stream (MMS messages are at most a few MiB),
   * 256 MiB in total.
   */
  public static final CaptureConfig DEFAULT =
      new CaptureConfig(
          256 * 1024, 16 * 1024 * 1024, 16L * 1024 * 1024, 256L * 1024 * 1024, 65_536,
          64 * 1024, 4 * 1024 * 1024, 1_000);

  /** Rejects limits that make no sense. */
  public CaptureConfig {
    positive("maxFrameBytes", maxFrameBytes);
    positive("maxBlockBytes", maxBlockBytes);
    positive("maxStreamBytes", maxStreamBytes);
    positive("maxTotalStreamBytes", maxTotalStreamBytes);
    positive("maxTcpConnections", maxTcpConnections);
    positive("maxHttpHeaderBytes", maxHttpHeaderBytes);
    positive("maxFragmentBytes", maxFragmentBytes);
    positive("maxFindings", maxFindings);
    if (maxStreamBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "maxStreamBytes: " + maxStreamBytes + " (expected: <= " + (Integer.MAX_VALUE - 16) + ")");
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link CaptureConfig}; every setter names the limit it sets. */
  public static final class Builder {
    private int maxFrameBytes;
    private int maxBlockBytes;
    private long maxStreamBytes;
    private long maxTotalStreamBytes;
    private int maxTcpConnections;
    private int maxHttpHeaderBytes;
    private int maxFragmentBytes;
    private int maxFindings;

    private Builder(CaptureConfig c) {
      maxFrameBytes = c.maxFrameBytes;
      maxBlockBytes = c.maxBlockBytes;
      maxStreamBytes = c.maxStreamBytes;
      maxTotalStreamBytes = c.maxTotalStreamBytes;
      maxTcpConnections = c.maxTcpConnections;
      maxHttpHeaderBytes = c.maxHttpHeaderBytes;
      maxFragmentBytes = c.maxFragmentBytes;
      maxFindings = c.maxFindings;
    }

    /** See {@link CaptureConfig#maxFrameBytes()}. */
    public Builder maxFrameBytes(int v) {
      maxFrameBytes = v;
      return this;
    }

    /** See {@link CaptureConfig#maxBlockBytes()}. */
    public Builder maxBlockBytes(int v) {
      maxBlockBytes = v;
      return this;
    }

    /** See {@link CaptureConfig#maxStreamBytes()}. */
    public Builder maxStreamBytes(long v) {
      maxStreamBytes = v;
      return this;
    }

    /** See {@link CaptureConfig#maxTotalStreamBytes()}. */
    public Builder maxTotalStreamBytes(long v) {
      maxTotalStreamBytes = v;
      return this;
    }

    /** See {@link CaptureConfig#maxTcpConnections()}. */
    public Builder maxTcpConnections(int v) {
      maxTcpConnections = v;
      return this;
    }

    /** See {@link CaptureConfig#maxHttpHeaderBytes()}. */
    public Builder maxHttpHeaderBytes(int v) {
      maxHttpHeaderBytes = v;
      return this;
    }

    /** See {@link CaptureConfig#maxFragmentBytes()}. */
    public Builder maxFragmentBytes(int v) {
      maxFragmentBytes = v;
      return this;
    }

    /** See {@link CaptureConfig#maxFindings()}. */
    public Builder maxFindings(int v) {
      maxFindings = v;
      return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming a limit that is not positive. */
    public CaptureConfig build() {
      return new CaptureConfig(
          maxFrameBytes, maxBlockBytes, maxStreamBytes, maxTotalStreamBytes, maxTcpConnections,
          maxHttpHeaderBytes, maxFragmentBytes, maxFindings);
    }
  }
}
