package org.mmsstack.routing.data;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.data.RoutingDataSource.State;

/**
 * Where a {@link RoutingDataSource} stands at one moment: its state, the version it runs, since
 * when, and the finding that explains the last change. Immutable and thread-safe.
 */
@Provisional
public final class RoutingDataSourceStatus {

  private final State state;
  private final long runningVersion;
  private final Instant since;
  private final Finding reason;

  private RoutingDataSourceStatus(State state, long runningVersion, Instant since, Finding reason) {
    this.state = state;
    this.runningVersion = runningVersion;
    this.since = since;
    this.reason = reason;
  }

  /**
   * A status.
   *
   * @param runningVersion the version number run, or -1 for none
   * @param reason the finding that explains the state, or {@code null}
   * @throws IllegalArgumentException if {@code runningVersion} is below -1
   */
  public static RoutingDataSourceStatus of(
      State state, long runningVersion, Instant since, Finding reason) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    if (runningVersion < -1) {
      throw new IllegalArgumentException(
          "runningVersion: " + runningVersion + " (expected: >= -1)");
    }
    return new RoutingDataSourceStatus(state, runningVersion, since, reason);
  }

  /** The state. */
  public State state() {
    return state;
  }

  /** The version number the node runs, empty before the first version. */
  public OptionalLong runningVersion() {
    return runningVersion < 0 ? OptionalLong.empty() : OptionalLong.of(runningVersion);
  }

  /** When the source entered this state (or installed this version). */
  public Instant since() {
    return since;
  }

  /** The finding that explains the state, if any (e.g. why the store is disconnected). */
  public Optional<Finding> reason() {
    return Optional.ofNullable(reason);
  }

  /** Whether the store is unreachable and the node routes on the last version it installed. */
  public boolean routingOnLastVersion() {
    return state == State.DISCONNECTED && runningVersion >= 0;
  }

  /** Whether the source runs a version and is in touch with its store. */
  public boolean healthy() {
    return state == State.CONNECTED && runningVersion >= 0;
  }

  /**
   * {@code CONNECTED, version 42, since 2026-12-03T12:00:00Z} or {@code DISCONNECTED, routing on
   * last version 42, since ...: <reason>}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(state);
    if (runningVersion >= 0) {
      sb.append(state == State.DISCONNECTED ? ", routing on last version " : ", version ")
          .append(runningVersion);
    } else {
      sb.append(", no version");
    }
    sb.append(", since ").append(since);
    if (reason != null) {
      sb.append(": ").append(reason.message());
    }
    return sb.toString();
  }
}
