package org.mmsstack.routing.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingFindingCodes;
import org.mmsstack.routing.data.RoutingDataSource.State;

class DirectoryRoutingDataTest {

  private static final RoutingDataSourceConfig FAST =
      RoutingDataSourceConfig.builder().recheckInterval(Duration.ofMillis(50)).build();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void aNodePicksUpEachVersionAndKeepsThePreviousLive() throws Exception {
    try (DirectoryRoutingDataPublisher pub = DirectoryRoutingDataPublisher.open(dir);
        DirectoryRoutingDataSource node = DirectoryRoutingDataSource.open(dir, FAST)) {
      List<Long> installed = new CopyOnWriteArrayList<>();
      node.addListener(
          new RoutingDataSource.Listener() {
            @Override
            public void versionInstalled(
                java.util.Optional<RoutingData> previous, RoutingData current) {
              installed.add(current.versionNumber());
            }
          });
      node.start();
      assertEquals(State.CONNECTED, node.state());
      assertTrue(node.current().isEmpty());

      PublishResult r1 = pub.publish(DataFixtures.data(1, 0));
      assertEquals(PublishResult.Outcome.PUBLISHED, r1.outcome());
      assertEquals(1, node.awaitVersion(1, WAIT).versionNumber());
      var tables = node.tables().orElseThrow();
      assertEquals(RouteTarget.relay(DataFixtures.A), tables.current().lookupNumber("491711"));

      pub.publish(DataFixtures.data(2, 1));
      assertEquals(2, node.awaitVersion(2, WAIT).versionNumber());
      assertSame(tables, node.tables().orElseThrow());
      assertEquals(RouteTarget.relay(DataFixtures.B), tables.current().lookupNumber("491711"));
      assertEquals(1, tables.snapshot().previous().orElseThrow().version().number());
      assertEquals(1, node.previous().orElseThrow().versionNumber());
      assertEquals(1, node.find(1).orElseThrow().versionNumber());
      assertEquals(2, node.runningVersion().getAsLong());
      assertTrue(node.status().healthy());
      assertEquals(List.of(1L, 2L), installed);
      assertEquals(2, pub.currentVersion().getAsLong());
      assertEquals(DataFixtures.data(2, 1), pub.read(2).orElseThrow());
      assertTrue(pub.read(3).isEmpty());
    }
  }

  @Test
  void aVersionNumberIsUsedOnce() throws Exception {
    try (DirectoryRoutingDataPublisher pub = DirectoryRoutingDataPublisher.open(dir)) {
      pub.publish(DataFixtures.data(5, 0));
      assertEquals(
          PublishResult.Outcome.ALREADY_PUBLISHED, pub.publish(DataFixtures.data(5, 0)).outcome());
      RoutingDataPublishException conflict =
          assertThrows(
              RoutingDataPublishException.class, () -> pub.publish(DataFixtures.data(5, 1)));
      assertEquals(RoutingDataPublishException.Reason.VERSION_CONFLICT, conflict.reason());
      assertEquals("version-conflict", conflict.code());
      assertEquals(DataFixtures.data(5, 0).digest(), conflict.existingDigest().orElseThrow());
      RoutingDataPublishException older =
          assertThrows(
              RoutingDataPublishException.class, () -> pub.publish(DataFixtures.data(4, 0)));
      assertEquals(RoutingDataPublishException.Reason.VERSION_NOT_NEWER, older.reason());
      assertEquals(5, older.currentVersion().getAsLong());
      assertEquals(5, pub.currentVersion().getAsLong());
    }
  }

  @Test
  void anInvalidVersionIsRefusedBeforeAnythingIsWritten() throws Exception {
    RoutingData d = DataFixtures.data(1, 0);
    RoutingData noKeys =
        RoutingData.of(d.table(), org.mmsstack.routing.KeyRing.builder().build(), d.secrets());
    try (DirectoryRoutingDataPublisher pub = DirectoryRoutingDataPublisher.open(dir)) {
      RoutingDataPublishException e =
          assertThrows(RoutingDataPublishException.class, () -> pub.publish(noKeys));
      assertEquals(RoutingDataPublishException.Reason.INVALID_ROUTING_DATA, e.reason());
      assertTrue(e.validation().orElseThrow().hasErrors());
      assertTrue(pub.currentVersion().isEmpty());
    }
  }

  @Test
  void aPartialOrCorruptPublishIsNeverInstalled() throws Exception {
    try (DirectoryRoutingDataPublisher pub = DirectoryRoutingDataPublisher.open(dir);
        DirectoryRoutingDataSource node = DirectoryRoutingDataSource.open(dir, FAST)) {
      pub.publish(DataFixtures.data(1, 0));
      node.start();
      assertEquals(1, node.runningVersion().getAsLong());

      // A publisher that stopped in the middle: a staging directory and a version directory
      // that the current pointer does not name.
      Path staging = Files.createDirectory(dir.resolve(".staging-crashed"));
      Files.writeString(staging.resolve("routing.table"), "mms-routing-table 1\nversion 2\n");
      Path v2 = DirectoryLayout.versionDir(dir, 2);
      Files.createDirectory(v2);
      Files.writeString(v2.resolve("routing.table"), "mms-routing-table 1\nversion 2\n");
      node.check();
      assertEquals(1, node.runningVersion().getAsLong());

      // The pointer names a version whose files do not match its digest.
      Path v3 = DirectoryLayout.versionDir(dir, 3);
      Files.createDirectory(v3);
      RoutingData d3 = DataFixtures.data(3, 0);
      Files.write(
          v3.resolve("routing.table"),
          org.mmsstack.routing.table.RoutingTableCodec.encode(d3.table()));
      Files.write(v3.resolve("keys.txt"), org.mmsstack.routing.KeyRingCodec.encode(d3.keyRing()));
      Files.write(v3.resolve("secrets.txt"), MessageIdSecretsCodec.encode(d3.secrets()));
      Files.writeString(v3.resolve("digest"), DataFixtures.data(3, 1).digest() + "\n");
      Files.writeString(dir.resolve("current"), "3\n");
      node.check();
      assertEquals(1, node.runningVersion().getAsLong());
      Finding f = node.findings().get(node.findings().size() - 1);
      assertEquals(RoutingFindingCodes.VERSION_UNREADABLE, f.code());
      assertTrue(f.message().contains("digest"), f.message());
      assertTrue(f.message().contains("routing on version 1"), f.message());

      // The publisher finishes a proper version 4; the node takes it.
      pub.publish(DataFixtures.data(4, 0));
      assertEquals(4, node.awaitVersion(4, WAIT).versionNumber());
    }
  }

  @Test
  void aLostDirectoryKeepsTheLastVersionAndSaysSo() throws Exception {
    Path store = dir.resolve("store");
    try (DirectoryRoutingDataPublisher pub = DirectoryRoutingDataPublisher.open(store);
        DirectoryRoutingDataSource node = DirectoryRoutingDataSource.open(store, FAST)) {
      pub.publish(DataFixtures.data(1, 0));
      node.start();
      Path moved = dir.resolve("moved");
      Files.move(store, moved);
      node.check();
      assertEquals(State.DISCONNECTED, node.state());
      assertTrue(node.status().routingOnLastVersion());
      assertEquals(1, node.runningVersion().getAsLong());
      assertEquals(
          RoutingFindingCodes.SOURCE_DISCONNECTED, node.status().reason().orElseThrow().code());
      assertTrue(
          node.status().toString().contains("routing on last version 1"), node.status().toString());
      Files.move(moved, store);
      node.check();
      assertEquals(State.CONNECTED, node.state());
      assertTrue(
          node.findings().stream()
              .anyMatch(x -> x.code().equals(RoutingFindingCodes.SOURCE_RECONNECTED)));
    }
  }

  @Test
  void ofPublishersRacingForOneNumberExactlyOneWins() throws Exception {
    int n = 4;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<PublishResult>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int variant = i;
        Callable<PublishResult> c =
            () -> {
              try (DirectoryRoutingDataPublisher pub = DirectoryRoutingDataPublisher.open(dir)) {
                go.await();
                return pub.publish(DataFixtures.data(7, variant));
              }
            };
        results.add(pool.submit(c));
      }
      go.countDown();
      int won = 0;
      int conflicts = 0;
      for (Future<PublishResult> f : results) {
        try {
          assertEquals(PublishResult.Outcome.PUBLISHED, f.get().outcome());
          won++;
        } catch (ExecutionException e) {
          RoutingDataPublishException p = (RoutingDataPublishException) e.getCause();
          assertEquals(RoutingDataPublishException.Reason.VERSION_CONFLICT, p.reason());
          conflicts++;
        }
      }
      assertEquals(1, won);
      assertEquals(n - 1, conflicts);
      try (var files = Files.list(dir)) {
        assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".staging-")));
      }
      assertEquals("7", Files.readString(dir.resolve("current"), StandardCharsets.US_ASCII).trim());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void publishReasonsGoBackFromTheirCodes() {
    for (RoutingDataPublishException.Reason r : RoutingDataPublishException.Reason.values()) {
      assertEquals(java.util.Optional.of(r), RoutingDataPublishException.Reason.fromCode(r.code()));
    }
    assertEquals(
        java.util.Optional.empty(),
        RoutingDataPublishException.Reason.fromCode("VERSION_CONFLICT"));
  }
}
