package org.mmsstack.routing.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mmsstack.routing.RouteTarget;

class RoutingTablesTest {

  /** A table whose every route names its own version, so a mixed snapshot would show. */
  private static RoutingTable table(long version) {
    RouteTarget t = RouteTarget.relay("rs-" + version);
    RoutingTableBuilder b =
        RoutingTable.builder(TableVersion.of(version, "v" + version)).defaultRoute(t);
    for (int i = 0; i < 200; i++) {
      b.prefix(Integer.toString(4900 + i), t).override(Long.toString(491700000L + i), t);
    }
    return b.domain("example.com", t).build();
  }

  @Test
  void installKeepsThePreviousVersionUntilRetired() {
    RoutingTable v1 = table(1);
    RoutingTable v2 = table(2);
    RoutingTable v3 = table(3);
    RoutingTables tables = new RoutingTables(v1);
    assertSame(v1, tables.current());
    assertEquals(Optional.empty(), tables.snapshot().previous());
    tables.install(v2);
    assertSame(v2, tables.current());
    assertSame(v1, tables.find(1).orElseThrow());
    assertSame(v2, tables.find(2).orElseThrow());
    assertTrue(tables.find(3).isEmpty());
    tables.install(v3);
    assertTrue(tables.find(1).isEmpty(), "only two versions are live");
    assertSame(v2, tables.snapshot().previous().orElseThrow());
    assertTrue(tables.retirePrevious());
    assertFalse(tables.retirePrevious());
    assertTrue(tables.find(2).isEmpty());
    assertSame(v3, tables.find(3).orElseThrow());
  }

  @Test
  void installWithoutKeepingDropsThePrevious() {
    RoutingTables tables = new RoutingTables(table(1));
    tables.install(table(2), false);
    assertTrue(tables.find(1).isEmpty());
  }

  @Test
  void versionsMustIncrease() {
    RoutingTables tables = new RoutingTables(table(5));
    assertThrows(IllegalArgumentException.class, () -> tables.install(table(5)));
    assertThrows(IllegalArgumentException.class, () -> tables.install(table(4)));
    assertEquals(5, tables.current().version().number());
  }

  @Test
  void listenersHearEveryChangeInOrder() {
    RoutingTables tables = new RoutingTables(table(1));
    List<String> events = new ArrayList<>();
    RoutingTables.Listener l = (before, after) -> events.add(before + " -> " + after);
    tables.addListener(l);
    tables.install(table(2));
    tables.retirePrevious();
    assertTrue(tables.removeListener(l));
    tables.install(table(3));
    assertEquals(
        List.of(
            "Snapshot[current 1 (v1)] -> Snapshot[current 2 (v2), previous 1 (v1)]",
            "Snapshot[current 2 (v2), previous 1 (v1)] -> Snapshot[current 2 (v2)]"),
        events);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthersOrTheChange() {
    RoutingTables tables = new RoutingTables(table(1));
    List<Long> seen = new ArrayList<>();
    tables.addListener(
        (b, a) -> {
          throw new IllegalStateException("first");
        });
    tables.addListener((b, a) -> seen.add(a.current().version().number()));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tables.install(table(2)));
    assertEquals("first", e.getMessage());
    assertEquals(List.of(2L), seen);
    assertEquals(2, tables.current().version().number());
  }

  @Test
  void readersDuringSwapsAlwaysSeeCompleteConsistentSnapshots() throws Exception {
    int versions = 200;
    RoutingTable[] prepared = new RoutingTable[versions + 1];
    for (int v = 1; v <= versions; v++) {
      prepared[v] = table(v);
    }
    RoutingTables tables = new RoutingTables(prepared[1]);
    int readers = 3;
    int lookupsPerReader = 200_000;
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<String> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      int seed = r;
      threads.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  long lastSeen = 0;
                  for (int i = 0; i < lookupsPerReader && failure.get() == null; i++) {
                    RoutingTables.Snapshot s = tables.snapshot();
                    RoutingTable t = s.current();
                    long v = t.version().number();
                    String expected = "rs-" + v;
                    RouteTarget a = t.lookupNumber("49" + (i + seed) % 200 + "1234");
                    RouteTarget b = t.lookupNumber(Long.toString(491700000L + i % 200));
                    RouteTarget c = t.lookupDomain("x.example.com");
                    RouteTarget d = t.lookupNumber("33" + i);
                    for (RouteTarget x : new RouteTarget[] {a, b, c, d}) {
                      if (!(x instanceof RouteTarget.Relay relay)
                          || !relay.relay().value().equals(expected)) {
                        failure.compareAndSet(null, "table " + v + " answered " + x);
                      }
                    }
                    if (v < lastSeen) {
                      failure.compareAndSet(
                          null, "version went back from " + lastSeen + " to " + v);
                    }
                    lastSeen = v;
                    if (s.previous().isPresent() && s.previous().get().version().number() >= v) {
                      failure.compareAndSet(null, "previous not older than current in " + s);
                    }
                    if (s.find(v).orElse(null) != t) {
                      failure.compareAndSet(null, "find(" + v + ") is not the current table");
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (int v = 2; v <= versions; v++) {
      tables.install(prepared[v], v % 3 != 0);
      if (v % 5 == 0) {
        tables.retirePrevious();
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    assertNull(failure.get());
    assertEquals(versions, tables.current().version().number());
  }
}
