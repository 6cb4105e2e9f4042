package org.mmsstack.routing.data;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingFindingCodes;
import org.mmsstack.routing.table.RoutingTables;

/**
 * The part of a {@link RoutingDataSource} that does not depend on the store: the live versions,
 * the {@link RoutingTables}, the status, the findings and the listeners. A store implementation
 * watches its store and calls {@link #offer} with each complete version it reads, {@link
 * #connected()} and {@link #disconnected} as its connection comes and goes, and {@link #report}
 * for other problems.
 *
 * <p>Thread-safe: readers never lock; changes are serialised on this object, and listeners are
 * called on the thread that made the change, in order. Findings are also logged through {@code
 * System.Logger} (logger {@code org.mmsstack.routing.data}).
 */
@Provisional
public abstract class AbstractRoutingDataSource implements RoutingDataSource {

  private static final Logger LOG = System.getLogger("org.mmsstack.routing.data");

  private record Live(RoutingData current, RoutingData previous) {}

  private final RoutingDataSourceConfig config;
  private final Clock clock;
  private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Finding> findings = new ArrayDeque<>();
  private volatile Live live = new Live(null, null);
  private volatile RoutingTables tables;
  private volatile RoutingDataSourceStatus status;
  private boolean started;
  private long announcedVersion = -1;
  private boolean closed;

  /** A source with {@code config}, timing its status with the system clock. */
  /** The last problem reported with the current-version pointer (see versionUnreadable). */
  private String lastPointerProblem;

  protected AbstractRoutingDataSource(RoutingDataSourceConfig config) {
    this(config, Clock.systemUTC());
  }

  /** A source with {@code config}, timing its status with {@code clock}. */
  protected AbstractRoutingDataSource(RoutingDataSourceConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = RoutingDataSourceStatus.of(State.NEW, -1, clock.instant(), null);
  }

  /** The configuration. */
  protected final RoutingDataSourceConfig config() {
    return config;
  }

  /**
   * Starts watching the store: called once by {@link #start()}, with the state STARTING. It
   * should read the current version before returning when the store is reachable.
   */
  protected abstract void doStart() throws IOException;

  /** Stops watching and releases resources: called once by {@link #close()}. */
  protected abstract void doClose();

  @Override
  public final void start() throws IOException {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("source is closed: " + storeDescription());
      }
      if (started) {
        return;
      }
      started = true;
      setStatus(State.STARTING, null);
    }
    doStart();
  }

  @Override
  public final void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      doClose();
    } finally {
      synchronized (this) {
        setStatus(State.CLOSED, null);
        notifyAll();
      }
    }
  }

  /** Whether {@link #close()} was called. */
  protected final synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Installs {@code data} if it is newer than the version this node runs. The same version with
   * the same content is ignored quietly (a re-read); the same version with other content (which
   * publishers refuse) is reported as {@link RoutingFindingCodes#VERSION_UNREADABLE} and an older
   * one as {@link RoutingFindingCodes#VERSION_NOT_NEWER}; neither is installed.
   *
   * @return whether it was installed
   */
  protected final boolean offer(RoutingData data) {
    Objects.requireNonNull(data, "data");
    Optional<RoutingData> before;
    synchronized (this) {
      if (closed) {
        return false;
      }
      Live l = live;
      RoutingData cur = l.current;
      if (cur != null && data.versionNumber() <= cur.versionNumber()) {
        if (data.versionNumber() == cur.versionNumber()) {
          if (!data.sameContentAs(cur)) {
            report(
                Severity.ERROR,
                RoutingFindingCodes.VERSION_UNREADABLE,
                "the store has version "
                    + data.versionNumber()
                    + " with content "
                    + data.digest()
                    + " but this node runs it with "
                    + cur.digest()
                    + "; keeping the version it runs");
          }
        } else {
          report(
              Severity.WARNING,
              RoutingFindingCodes.VERSION_NOT_NEWER,
              "the store's current version "
                  + data.versionNumber()
                  + " is older than the version "
                  + cur.versionNumber()
                  + " this node runs; keeping it");
        }
        return false;
      }
      before = Optional.ofNullable(cur);
      if (tables == null) {
        tables = new RoutingTables(data.table());
      } else {
        tables.install(data.table(), config.keepPrevious());
      }
      live = new Live(data, config.keepPrevious() ? cur : null);
      report(
          Severity.INFO,
          RoutingFindingCodes.VERSION_INSTALLED,
          "installed routing data version "
              + data.version()
              + " ("
              + data.digest()
              + ")"
              + (cur == null ? "" : ", replacing " + cur.versionNumber()));
      RoutingDataSourceStatus s = status;
      State state = s.state() == State.STARTING ? State.CONNECTED : s.state();
      setStatus(state, s.reason().orElse(null));
    }
    for (Listener listener : listeners) {
      try {
        listener.versionInstalled(before, data);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "routing data listener failed", e);
      }
    }
    synchronized (this) {
      // Waiters wake once the listeners have heard of the version.
      announcedVersion = Math.max(announcedVersion, data.versionNumber());
      notifyAll();
    }
    return true;
  }

  /** The store is reachable (again): state CONNECTED; a reconnection is reported. */
  protected final void connected() {
    synchronized (this) {
      if (closed) {
        return;
      }
      State was = status.state();
      if (was == State.CONNECTED) {
        return;
      }
      Finding f = null;
      if (was == State.DISCONNECTED) {
        f =
            report(
                Severity.INFO,
                RoutingFindingCodes.SOURCE_RECONNECTED,
                "reconnected to " + storeDescription() + "; resynchronising");
      }
      setStatus(State.CONNECTED, f);
    }
  }

  /**
   * The store cannot be reached: state DISCONNECTED with a {@link
   * RoutingFindingCodes#SOURCE_DISCONNECTED} WARNING that says which version the node keeps
   * routing on. Repeated calls while disconnected report nothing new.
   *
   * @param why what failed, for the message
   */
  protected final void disconnected(String why) {
    synchronized (this) {
      if (closed || status.state() == State.DISCONNECTED) {
        return;
      }
      RoutingData cur = live.current;
      Finding f =
          report(
              Severity.WARNING,
              RoutingFindingCodes.SOURCE_DISCONNECTED,
              "lost "
                  + storeDescription()
                  + " ("
                  + why
                  + "); "
                  + (cur == null
                      ? "no routing data installed yet"
                      : "routing on last version " + cur.versionNumber()));
      setStatus(State.DISCONNECTED, f);
    }
  }

  /**
   * Reports that version {@code n} of the store cannot be installed (or, when {@code n < 0}, that
   * the pointer to the current version cannot be read), naming the version the node keeps routing
   * on. A malformed pointer is read again on every check, so the same problem with it is reported
   * once until it changes. Called from the source's one checking thread.
   *
   * @return whether it was reported ({@code false}: the same pointer problem again)
   */
  protected final boolean versionUnreadable(long n, String why) {
    if (n < 0) {
      if (why.equals(lastPointerProblem)) {
        return false;
      }
      lastPointerProblem = why;
    }
    OptionalLong running = runningVersion();
    report(
        Severity.ERROR,
        RoutingFindingCodes.VERSION_UNREADABLE,
        (n < 0 ? "the current version" : "version " + n)
            + " of "
            + storeDescription()
            + " cannot be installed: "
            + why
            + (running.isPresent()
                ? "; routing on version " + running.getAsLong()
                : "; no routing data installed"));
    return true;
  }

  /** Records and logs a finding and tells the listeners. Returns it. */
  protected final Finding report(Severity severity, String code, String message) {
    Finding f = Finding.of(severity, code, Finding.NO_OFFSET, null, message);
    report(f);
    return f;
  }

  /** Records and logs {@code finding} and tells the listeners. */
  protected final void report(Finding finding) {
    synchronized (findings) {
      if (findings.size() == config.maxFindings()) {
        findings.removeFirst();
      }
      findings.addLast(finding);
    }
    Level level =
        switch (finding.severity()) {
          case ERROR -> Level.ERROR;
          case WARNING -> Level.WARNING;
          case INFO -> Level.INFO;
        };
    if (LOG.isLoggable(level)) {
      LOG.log(level, storeDescription() + ": " + finding.code() + ": " + finding.message());
    }
    for (Listener listener : listeners) {
      try {
        listener.finding(finding);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "routing data listener failed", e);
      }
    }
  }

  private void setStatus(State state, Finding reason) {
    RoutingDataSourceStatus before = status;
    RoutingData cur = live.current;
    long version = cur == null ? -1 : cur.versionNumber();
    if (before.state() == state
        && before.runningVersion().orElse(-1) == version
        && before.reason().orElse(null) == reason) {
      return;
    }
    RoutingDataSourceStatus after =
        RoutingDataSourceStatus.of(state, version, clock.instant(), reason);
    status = after;
    for (Listener listener : listeners) {
      try {
        listener.statusChanged(before, after);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "routing data listener failed", e);
      }
    }
  }

  @Override
  public final synchronized RoutingData awaitVersion(long minimumVersion, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      RoutingData cur = live.current;
      if (cur != null && announcedVersion >= minimumVersion) {
        return cur;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || closed) {
        throw new TimeoutException(
            "routing data version "
                + minimumVersion
                + " not installed within "
                + timeout
                + " from "
                + storeDescription()
                + " ("
                + status
                + ")");
      }
      long ms = Math.max(1, left / 1_000_000);
      wait(ms);
    }
  }

  @Override
  public final Optional<RoutingData> current() {
    return Optional.ofNullable(live.current);
  }

  @Override
  public final Optional<RoutingData> previous() {
    return Optional.ofNullable(live.previous);
  }

  @Override
  public final Optional<RoutingData> find(long versionNumber) {
    Live l = live;
    if (l.current != null && l.current.versionNumber() == versionNumber) {
      return Optional.of(l.current);
    }
    if (l.previous != null && l.previous.versionNumber() == versionNumber) {
      return Optional.of(l.previous);
    }
    return Optional.empty();
  }

  @Override
  public final OptionalLong runningVersion() {
    RoutingData cur = live.current;
    return cur == null ? OptionalLong.empty() : OptionalLong.of(cur.versionNumber());
  }

  @Override
  public final Optional<RoutingTables> tables() {
    return Optional.ofNullable(tables);
  }

  @Override
  public final RoutingDataSourceStatus status() {
    return status;
  }

  @Override
  public final List<Finding> findings() {
    synchronized (findings) {
      return List.copyOf(findings);
    }
  }

  @Override
  public final void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public final boolean removeListener(Listener listener) {
    return listeners.remove(listener);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + storeDescription() + ", " + status + "]";
  }
}
