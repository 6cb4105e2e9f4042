package org.mmsstack.spark;

import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.Objects;
import org.mmsstack.capture.CaptureConfig;

/**
 * How capture files are read on Spark: the {@link CaptureConfig} limits each task reads its file
 * with (memory per task is bounded by them, whatever the file's size), whether directories are
 * listed recursively, and the one strictness switch.
 *
 * <p>Lenient (the default): everything found becomes a row, problems become findings. Strict: a
 * task fails at the first finding of severity ERROR, whether the capture reader or the PDU
 * validation met it (a {@link org.mmsstack.capture.CaptureFormatException} in the task's failure);
 * the strictness of the {@link #capture()} configuration is always this one.
 *
 * <p>Immutable and thread-safe; {@link Serializable} so that it travels to the executors with the
 * tasks.
 */
public final class SparkCaptureConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@link CaptureConfig#DEFAULT}'s limits, lenient, directories listed recursively. */
  public static final SparkCaptureConfig DEFAULT = new Builder().build();

  /** The same as {@link #DEFAULT}. */
  public static final SparkCaptureConfig LENIENT = DEFAULT;

  /** {@link #DEFAULT} made strict: the first ERROR finding fails the task. */
  public static final SparkCaptureConfig STRICT = DEFAULT.toBuilder().strict(true).build();

  // CaptureConfig is not serializable: its settings travel as the builder's values.
  private final transient CaptureConfig capture;
  private final boolean recursive;
  private final boolean strict;
  private final int maxFrameBytes;
  private final int maxBlockBytes;
  private final int maxStreamBytes;
  private final long maxTotalStreamBytes;
  private final int maxTcpConnections;
  private final int maxHttpHeaderBytes;
  private final int maxFragmentBytes;
  private final int maxFindings;

  private SparkCaptureConfig(Builder b) {
    strict = b.strict;
    recursive = b.recursive;
    CaptureConfig c = b.capture.toBuilder().strict(b.strict).build();
    capture = c;
    maxFrameBytes = c.maxFrameBytes();
    maxBlockBytes = c.maxBlockBytes();
    maxStreamBytes = c.maxStreamBytes();
    maxTotalStreamBytes = c.maxTotalStreamBytes();
    maxTcpConnections = c.maxTcpConnections();
    maxHttpHeaderBytes = c.maxHttpHeaderBytes();
    maxFragmentBytes = c.maxFragmentBytes();
    maxFindings = c.maxFindings();
  }

  /** A builder starting from {@link #DEFAULT}'s settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration's settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The limits each file is read with; its {@link CaptureConfig#strict()} is {@link #strict()}. */
  public CaptureConfig capture() {
    return capture;
  }

  /** Whether a directory given as input is listed with its subdirectories (default: yes). */
  public boolean recursive() {
    return recursive;
  }

  /** Whether the first ERROR finding fails the task (default: no, it becomes a finding). */
  public boolean strict() {
    return strict;
  }

  /** Rebuilds the transient capture configuration after deserialization. */
  private Object readResolve() throws InvalidObjectException {
    try {
      return new Builder()
          .capture(
              CaptureConfig.builder()
                  .maxFrameBytes(maxFrameBytes)
                  .maxBlockBytes(maxBlockBytes)
                  .maxStreamBytes(maxStreamBytes)
                  .maxTotalStreamBytes(maxTotalStreamBytes)
                  .maxTcpConnections(maxTcpConnections)
                  .maxHttpHeaderBytes(maxHttpHeaderBytes)
                  .maxFragmentBytes(maxFragmentBytes)
                  .maxFindings(maxFindings)
                  .build())
          .recursive(recursive)
          .strict(strict)
          .build();
    } catch (IllegalArgumentException e) {
      InvalidObjectException x = new InvalidObjectException("bad setting: " + e.getMessage());
      x.initCause(e);
      throw x;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparkCaptureConfig c
        && c.capture.equals(capture)
        && c.recursive == recursive
        && c.strict == strict;
  }

  @Override
  public int hashCode() {
    return Objects.hash(capture, recursive, strict);
  }

  @Override
  public String toString() {
    return "SparkCaptureConfig[capture="
        + capture
        + ", recursive="
        + recursive
        + ", strict="
        + strict
        + "]";
  }

  /** Builds a {@link SparkCaptureConfig}. Not thread-safe. */
  public static final class Builder {
    private CaptureConfig capture = CaptureConfig.DEFAULT;
    private boolean recursive = true;
    private boolean strict;

    private Builder() {}

    private Builder(SparkCaptureConfig c) {
      capture = c.capture;
      recursive = c.recursive;
      strict = c.strict;
    }

    /**
     * The limits each file is read with; its strictness is ignored ({@link #strict(boolean)} is
     * the one switch).
     *
     * @throws NullPointerException if {@code capture} is null
     */
    public Builder capture(CaptureConfig capture) {
      this.capture = Objects.requireNonNull(capture, "capture");
      return this;
    }

    /** See {@link SparkCaptureConfig#recursive()}. */
    public Builder recursive(boolean v) {
      recursive = v;
      return this;
    }

    /** See {@link SparkCaptureConfig#strict()}. */
    public Builder strict(boolean v) {
      strict = v;
      return this;
    }

    /** The configuration. */
    public SparkCaptureConfig build() {
      return new SparkCaptureConfig(this);
    }
  }
}
