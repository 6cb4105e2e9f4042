package org.mmsstack.routing.simulation;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Virtual time and the event queue of one simulation run. Single-threaded: an event runs to
 * completion before the next one starts, and events at the same instant run in the order they
 * were scheduled, so a run is a pure function of its seed. Nothing here reads the wall clock.
 */
final class EventLoop {

  /** Virtual time zero; every node's clock is this plus the virtual milliseconds elapsed. */
  static final Instant EPOCH = Instant.ofEpochSecond(1_790_000_000L);

  private record Event(long at, long seq, Runnable action) {}

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
  private final long maxEvents;
  private long now;
  private long seq;
  private long executed;

  EventLoop(long maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** Runs {@code action} {@code delayMs} virtual milliseconds from now. */
  void after(long delayMs, Runnable action) {
    queue.add(new Event(now + Math.max(0, delayMs), seq++, action));
  }

  /** Runs {@code action} at virtual time {@code atMs} (or now, if that has passed). */
  void at(long atMs, Runnable action) {
    queue.add(new Event(Math.max(now, atMs), seq++, action));
  }

  long now() {
    return now;
  }

  Instant instant() {
    return EPOCH.plusMillis(now);
  }

  long executed() {
    return executed;
  }

  /**
   * Runs until no event is left. A bound on the number of events turns a livelock (for example
   * two nodes handing an item back and forth forever) into a failure instead of a hang.
   */
  void run() {
    while (!queue.isEmpty()) {
      Event e = queue.poll();
      now = e.at;
      if (++executed > maxEvents) {
        throw new IllegalStateException(
            "more than " + maxEvents + " events: the simulation does not settle");
      }
      e.action.run();
    }
  }
}
