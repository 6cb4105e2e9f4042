package org.mmsstack.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a lab run does: how many extended and legacy Relay/Servers, how many messages from which
 * seed, and how long it may take before it fails for want of quiescence. Immutable and
 * thread-safe; {@link #DEFAULT} is 3 extended + 1 legacy nodes and 40 messages.
 */
public final class LabConfig {

  /** The most nodes of each kind. */
  public static final int MAX_RELAYS = 9;

  /** The most nodes in all (each node gets one one-digit number range {@code 4917<i>}). */
  public static final int MAX_NODES = 10;

  public static final LabConfig DEFAULT = builder().build();

  private final int relays;
  private final int legacy;
  private final int messages;
  private final long seed;
  private final int subscribersPerRange;
  private final int concurrency;
  private final boolean restart;
  private final Duration restartDowntime;
  private final Duration timeout;
  private final Path routingDirectory;
  private final String zooKeeper;
  private final boolean embeddedZooKeeper;

  private LabConfig(Builder b) {
    this.relays = b.relays;
    this.legacy = b.legacy;
    this.messages = b.messages;
    this.seed = b.seed;
    this.subscribersPerRange = b.subscribersPerRange;
    this.concurrency = b.concurrency;
    this.restart = b.restart;
    this.restartDowntime = b.restartDowntime;
    this.timeout = b.timeout;
    this.routingDirectory = b.routingDirectory;
    this.zooKeeper = b.zooKeeper;
    this.embeddedZooKeeper = b.embeddedZooKeeper;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.relays = relays;
    b.legacy = legacy;
    b.messages = messages;
    b.seed = seed;
    b.subscribersPerRange = subscribersPerRange;
    b.concurrency = concurrency;
    b.restart = restart;
    b.restartDowntime = restartDowntime;
    b.timeout = timeout;
    b.routingDirectory = routingDirectory;
    b.zooKeeper = zooKeeper;
    b.embeddedZooKeeper = embeddedZooKeeper;
    return b;
  }

  /** Extended Relay/Servers (running the routing extension). */
  public int relays() {
    return relays;
  }

  /** Legacy Relay/Servers (plain MM4, behind the border filter). */
  public int legacy() {
    return legacy;
  }

  /** Multi-recipient messages the phones submit. */
  public int messages() {
    return messages;
  }

  /**
   * The seed of the topology, the keys and the messages sent (originators, recipients, report
   * requests). Message-IDs are random and thread timing varies, so two runs of one seed send the
   * same messages but need not take the same paths.
   */
  public long seed() {
    return seed;
  }

  public int subscribersPerRange() {
    return subscribersPerRange;
  }

  /** Submissions in flight at once. */
  public int concurrency() {
    return concurrency;
  }

  /** Whether one extended node is stopped and restarted in the middle of the run. */
  public boolean restart() {
    return restart;
  }

  public Duration restartDowntime() {
    return restartDowntime;
  }

  /** How long the run may take before it fails for want of quiescence. */
  public Duration timeout() {
    return timeout;
  }

  /** Where the routing data is published; empty: a temporary directory, deleted afterwards. */
  public Optional<Path> routingDirectory() {
    return Optional.ofNullable(routingDirectory);
  }

  /**
   * The ZooKeeper ensemble ({@code host:port,host:port}) that carries the routing data instead of
   * a directory; empty: the directory store.
   */
  public Optional<String> zooKeeper() {
    return Optional.ofNullable(zooKeeper);
  }

  /**
   * Whether the routing data goes through a ZooKeeper server started in this process for the run
   * (default: no, the directory store). Never together with {@link #zooKeeper()}.
   */
  public boolean embeddedZooKeeper() {
    return embeddedZooKeeper;
  }

  @Override
  public String toString() {
    return "LabConfig[relays="
        + relays
        + ", legacy="
        + legacy
        + ", messages="
        + messages
        + ", seed="
        + seed
        + "]";
  }

  /** Builds a {@link LabConfig}; every setter checks its value. */
  public static final class Builder {
    private int relays = 3;
    private int legacy = 1;
    private int messages = 40;
    private long seed = 11;
    private int subscribersPerRange = 12;
    private int concurrency = 8;
    private boolean restart = true;
    private Duration restartDowntime = Duration.ofMillis(800);
    private Duration timeout = Duration.ofMinutes(5);
    private Path routingDirectory;
    private String zooKeeper;
    private boolean embeddedZooKeeper;

    private Builder() {}

    private static int range(String name, int v, int min, int max) {
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "], not " + v);
      }
      return v;
    }

    /** Extended Relay/Servers, 2 to {@link #MAX_RELAYS}. */
    public Builder relays(int v) {
      relays = range("relays", v, 2, MAX_RELAYS);
      return this;
    }

    /** Legacy Relay/Servers, 0 to {@link #MAX_RELAYS}. */
    public Builder legacy(int v) {
      legacy = range("legacy", v, 0, MAX_RELAYS);
      return this;
    }

    public Builder messages(int v) {
      messages = range("messages", v, 1, 1_000_000);
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder subscribersPerRange(int v) {
      subscribersPerRange = range("subscribersPerRange", v, 2, 10_000);
      return this;
    }

    public Builder concurrency(int v) {
      concurrency = range("concurrency", v, 1, 256);
      return this;
    }

    public Builder restart(boolean v) {
      restart = v;
      return this;
    }

    public Builder restartDowntime(Duration v) {
      Objects.requireNonNull(v, "restartDowntime");
      if (v.isNegative()) {
        throw new IllegalArgumentException("restartDowntime must not be negative, not " + v);
      }
      restartDowntime = v;
      return this;
    }

    public Builder timeout(Duration v) {
      Objects.requireNonNull(v, "timeout");
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, not " + v);
      }
      timeout = v;
      return this;
    }

    public Builder routingDirectory(Path v) {
      routingDirectory = v;
      return this;
    }

    /**
     * Routing data through this ZooKeeper ensemble; {@code null}: the directory store.
     *
     * @throws IllegalArgumentException when the connect string is blank
     */
    public Builder zooKeeper(String connectString) {
      if (connectString != null && connectString.isBlank()) {
        throw new IllegalArgumentException("zooKeeper connect string must not be blank");
      }
      zooKeeper = connectString;
      return this;
    }

    /**
     * Routing data through a ZooKeeper server started in this process for the run and stopped
     * after it (ZooKeeper's own server on a loopback port); not together with {@link
     * #zooKeeper(String)}.
     */
    public Builder embeddedZooKeeper(boolean embedded) {
      embeddedZooKeeper = embedded;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException when relays + legacy exceed {@link #MAX_NODES}
     */
    public LabConfig build() {
      if (relays + legacy > MAX_NODES) {
        throw new IllegalArgumentException(
            "relays + legacy must be at most " + MAX_NODES + ", not " + (relays + legacy));
      }
      if (embeddedZooKeeper && zooKeeper != null) {
        throw new IllegalArgumentException(
            "embeddedZooKeeper and zooKeeper exclude each other: the store is one or the other");
      }
      return new LabConfig(this);
    }
  }
}
