package org.mmsstack.routing.table;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mmsstack.routing.Provisional;

/**
 * The live routing tables of one Relay/Server: the current table and, during a transition, the
 * previous one.
 *
 * <p>Readers take {@link #current()} (one volatile read) or a {@link #snapshot()} and route with
 * it; they never lock and always see a complete table. Messages that carry the table version
 * their sender decided with can be routed with {@link #find(long)} while both versions are live,
 * so a network mid-rollout still routes every message by one consistent table.
 *
 * <p>Writers {@link #install} a table with a higher version number; the swap is atomic and
 * installs are serialised. Listeners are told of every change, on the thread that made it, in
 * the order the changes happened.
 */
@Provisional
public final class RoutingTables {

  /** Receives every change of the live tables. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Called after a change became visible to readers.
     *
     * @param before the live tables before the change
     * @param after the live tables after it
     */
    void tablesChanged(Snapshot before, Snapshot after);
  }

  /**
   * An immutable view of the live tables at one moment.
   */
  public static final class Snapshot {
    private final RoutingTable current;
    private final RoutingTable previous;

    Snapshot(RoutingTable current, RoutingTable previous) {
      this.current = current;
      this.previous = previous;
    }

    /** The current table. */
    public RoutingTable current() {
      return current;
    }

    /** The previous table, while it is kept live. */
    public Optional<RoutingTable> previous() {
      return Optional.ofNullable(previous);
    }

    /**
     * The live table with version number {@code versionNumber}, if the current or the previous
     * table has it. (The Optional is short-lived; the JIT normally removes it on the routing
     * path.)
     */
    public Optional<RoutingTable> find(long versionNumber) {
      if (current.version().number() == versionNumber) {
        return Optional.of(current);
      }
      if (previous != null && previous.version().number() == versionNumber) {
        return Optional.of(previous);
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "Snapshot[current "
          + current.version()
          + (previous == null ? "" : ", previous " + previous.version())
          + "]";
    }
  }

  private volatile Snapshot snapshot;
  private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

  /** Starts with {@code initial} as the current table and no previous one. */
  public RoutingTables(RoutingTable initial) {
    this.snapshot = new Snapshot(Objects.requireNonNull(initial, "initial"), null);
  }

  /** The current table. */
  public RoutingTable current() {
    return snapshot.current;
  }

  /** The live tables, consistent with each other. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** Same as {@code snapshot().find(versionNumber)}. */
  public Optional<RoutingTable> find(long versionNumber) {
    return snapshot.find(versionNumber);
  }

  /**
   * Makes {@code next} current and keeps the table it replaces live as the previous one (an
   * older previous table is dropped).
   *
   * @throws IllegalArgumentException if {@code next}'s version number is not greater than the
   *     current one's
   */
  public void install(RoutingTable next) {
    install(next, true);
  }

  /**
   * Makes {@code next} current; the table it replaces stays live as the previous one if
   * {@code keepPrevious}, otherwise no previous table remains.
   *
   * @throws IllegalArgumentException if {@code next}'s version number is not greater than the
   *     current one's
   */
  public synchronized void install(RoutingTable next, boolean keepPrevious) {
    Objects.requireNonNull(next, "next");
    Snapshot before = snapshot;
    long now = before.current.version().number();
    if (next.version().number() <= now) {
      throw new IllegalArgumentException(
          "table version "
              + next.version().number()
              + " is not newer than the current version "
              + now);
    }
    change(before, new Snapshot(next, keepPrevious ? before.current : null));
  }

  /**
   * Ends a transition: drops the previous table.
   *
   * @return whether there was a previous table
   */
  public synchronized boolean retirePrevious() {
    Snapshot before = snapshot;
    if (before.previous == null) {
      return false;
    }
    change(before, new Snapshot(before.current, null));
    return true;
  }

  private void change(Snapshot before, Snapshot after) {
    snapshot = after;
    RuntimeException failure = null;
    // Every listener hears of the change even if one of them throws; the first failure is
    // rethrown afterwards with the others suppressed.
    for (Listener l : listeners) {
      try {
        l.tablesChanged(before, after);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Adds a listener; it hears of changes made after this call. */
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before; returns whether it was registered. */
  public boolean removeListener(Listener listener) {
    return listeners.remove(listener);
  }
}
