package org.mmsstack.routing.zookeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingFindingCodes;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.data.MessageIdSecrets;
import org.mmsstack.routing.data.PublishResult;
import org.mmsstack.routing.data.RoutingData;
import org.mmsstack.routing.data.RoutingDataCodec;
import org.mmsstack.routing.data.RoutingDataPublishException;
import org.mmsstack.routing.data.RoutingDataSource.State;
import org.mmsstack.routing.data.RoutingDataSourceConfig;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.TableVersion;

/** Against a real ZooKeeper server started in-process (Curator's TestingServer). */
class ZooKeeperRoutingDataTest {

  static final RelayId A = RelayId.of("rs-a");
  static final RelayId B = RelayId.of("rs-b");
  static final String ROOT = "/mmsstack/routing";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final RoutingDataSourceConfig FAST =
      RoutingDataSourceConfig.builder().recheckInterval(Duration.ofMillis(200)).build();

  private TestingServer server;
  private final List<AutoCloseable> closeLater = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new TestingServer(true);
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = closeLater.size() - 1; i >= 0; i--) {
      closeLater.get(i).close();
    }
    server.close();
  }

  /** Version {@code version}; prefix 4917 goes to rs-a, or rs-b for an odd variant. */
  static RoutingData data(long version, int variant) {
    RoutingTable table =
        RoutingTable.builder(TableVersion.of(version))
            .prefix("4917", RouteTarget.relay(variant % 2 == 0 ? A : B))
            .defaultRoute(RouteTarget.relay(B))
            .build();
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant until = Instant.parse("2036-01-01T00:00:00Z");
    KeyRing ring =
        KeyRing.builder()
            .add(RoutingSigner.fromSeed("rs-a.1", A, seed(1)).trustedKey(from, until))
            .add(RoutingSigner.fromSeed("rs-b.1", B, seed(2)).trustedKey(from, until))
            .build();
    return RoutingData.of(table, ring, MessageIdSecrets.of(seed(100 + variant)));
  }

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  private CuratorFramework client(int sessionMs) {
    CuratorFramework c =
        CuratorFrameworkFactory.newClient(
            server.getConnectString(), sessionMs, 1000, new RetryNTimes(1000, 100));
    c.start();
    closeLater.add(c);
    return c;
  }

  private ZooKeeperRoutingDataSource node(CuratorFramework c) throws Exception {
    ZooKeeperRoutingDataSource s = ZooKeeperRoutingData.source(c, ROOT, FAST);
    closeLater.add(s);
    s.start();
    return s;
  }

  private ZooKeeperRoutingDataPublisher publisher() throws Exception {
    ZooKeeperRoutingDataPublisher p =
        ZooKeeperRoutingData.publisher(server.getConnectString(), ROOT);
    closeLater.add(p);
    return p;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void twoNodesPickUpEachVersionAndKeepThePreviousLive() throws Exception {
    ZooKeeperRoutingDataPublisher pub = publisher();
    ZooKeeperRoutingDataSource n1 = node(client(10_000));
    ZooKeeperRoutingDataSource n2 = node(client(10_000));
    assertEquals(State.CONNECTED, n1.state());
    assertTrue(n1.runningVersion().isEmpty());
    assertTrue(n1.storeDescription().startsWith("zookeeper 3.9."), n1.storeDescription());

    assertEquals(PublishResult.Outcome.PUBLISHED, pub.publish(data(1, 0)).outcome());
    assertEquals(1, n1.awaitVersion(1, WAIT).versionNumber());
    assertEquals(1, n2.awaitVersion(1, WAIT).versionNumber());
    var tables = n1.tables().orElseThrow();
    assertEquals(RouteTarget.relay(A), tables.current().lookupNumber("491711"));

    pub.publish(data(2, 1));
    for (ZooKeeperRoutingDataSource n : List.of(n1, n2)) {
      RoutingData running = n.awaitVersion(2, WAIT);
      assertEquals(data(2, 1).digest(), running.digest());
      assertEquals(1, n.previous().orElseThrow().versionNumber());
      assertTrue(n.status().healthy());
    }
    assertSame(tables, n1.tables().orElseThrow());
    assertEquals(RouteTarget.relay(B), tables.current().lookupNumber("491711"));
    assertEquals(1, tables.snapshot().previous().orElseThrow().version().number());
    assertEquals(2, pub.currentVersion().getAsLong());
    assertEquals(data(1, 0), pub.read(1).orElseThrow());
  }

  @Test
  void aNodeStartedLaterReadsTheCurrentVersionAtStart() throws Exception {
    publisher().publish(data(3, 0));
    ZooKeeperRoutingDataSource n = node(client(10_000));
    assertEquals(3, n.runningVersion().getAsLong());
  }

  @Test
  void aVersionNumberIsUsedOnce() throws Exception {
    ZooKeeperRoutingDataPublisher pub = publisher();
    pub.publish(data(5, 0));
    assertEquals(PublishResult.Outcome.ALREADY_PUBLISHED, pub.publish(data(5, 0)).outcome());
    RoutingDataPublishException conflict =
        assertThrows(RoutingDataPublishException.class, () -> pub.publish(data(5, 1)));
    assertEquals(RoutingDataPublishException.Reason.VERSION_CONFLICT, conflict.reason());
    assertEquals(data(5, 0).digest(), conflict.existingDigest().orElseThrow());
    RoutingDataPublishException older =
        assertThrows(RoutingDataPublishException.class, () -> pub.publish(data(4, 0)));
    assertEquals(RoutingDataPublishException.Reason.VERSION_NOT_NEWER, older.reason());
    assertEquals(5, pub.currentVersion().getAsLong());
  }

  @Test
  void ofPublishersRacingForOneNumberExactlyOneWins() throws Exception {
    int n = 4;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<ZooKeeperRoutingDataPublisher> pubs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pubs.add(publisher());
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<PublishResult>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ZooKeeperRoutingDataPublisher p = pubs.get(i);
        RoutingData d = data(7, i);
        Callable<PublishResult> c =
            () -> {
              go.await();
              return p.publish(d);
            };
        results.add(pool.submit(c));
      }
      go.countDown();
      int won = 0;
      String winner = null;
      for (int i = 0; i < n; i++) {
        try {
          assertEquals(PublishResult.Outcome.PUBLISHED, results.get(i).get().outcome());
          won++;
          winner = data(7, i).digest();
        } catch (ExecutionException e) {
          RoutingDataPublishException p = (RoutingDataPublishException) e.getCause();
          assertEquals(RoutingDataPublishException.Reason.VERSION_CONFLICT, p.reason());
        }
      }
      assertEquals(1, won);
      assertEquals(winner, pubs.get(0).read(7).orElseThrow().digest());
      assertEquals(7, pubs.get(0).currentVersion().getAsLong());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPartialPublishIsNeverPickedUp() throws Exception {
    ZooKeeperRoutingDataPublisher pub = publisher();
    pub.publish(data(1, 0));
    ZooKeeperRoutingDataSource n = node(client(10_000));
    assertEquals(1, n.runningVersion().getAsLong());
    CuratorFramework raw = client(10_000);
    raw.blockUntilConnected();
    ZkLayout layout = new ZkLayout(ROOT);

    // A publisher that crashed after writing the parts of version 2 and even its version node,
    // but before the transaction that moves the pointer (which is the only way to create both).
    RoutingData d2 = data(2, 1);
    byte[] bundle = RoutingDataCodec.encode(d2);
    raw.create().creatingParentsIfNeeded().forPath(layout.part(d2.digest(), 0), bundle);
    raw.create().forPath(layout.version(2), ZkLayout.Manifest.of(d2, bundle.length).encode());
    Thread.sleep(3 * FAST.recheckInterval().toMillis());
    assertEquals(1, n.runningVersion().getAsLong());

    // The pointer names a version whose bundle is missing a part, then one whose bundle does
    // not match its digest: neither is installed, and the node says why.
    RoutingData d3 = data(3, 0);
    raw.create().forPath(layout.version(3), ZkLayout.Manifest.of(d3, 600_000).encode());
    raw.setData().forPath(layout.current(), "3".getBytes(StandardCharsets.US_ASCII));
    await(
        "a version-unreadable finding",
        () ->
            n.findings().stream()
                .anyMatch(f -> f.code().equals(RoutingFindingCodes.VERSION_UNREADABLE)));
    Finding f =
        n.findings().stream()
            .filter(x -> x.code().equals(RoutingFindingCodes.VERSION_UNREADABLE))
            .findFirst()
            .orElseThrow();
    assertTrue(f.message().contains("lacks part"), f.message());
    assertTrue(f.message().contains("routing on version 1"), f.message());
    assertEquals(1, n.runningVersion().getAsLong());

    RoutingData d4 = data(4, 0);
    byte[] b4 = RoutingDataCodec.encode(data(4, 1)); // other content under 4's digest
    raw.create().creatingParentsIfNeeded().forPath(layout.part(d4.digest(), 0), b4);
    raw.create().forPath(layout.version(4), ZkLayout.Manifest.of(d4, b4.length).encode());
    raw.setData().forPath(layout.current(), "4".getBytes(StandardCharsets.US_ASCII));
    await(
        "a digest finding",
        () -> n.findings().stream().anyMatch(x -> x.message().contains("version node 4")));
    assertEquals(1, n.runningVersion().getAsLong());

    // A real publish of a newer version is taken.
    pub.publish(data(5, 0));
    assertEquals(5, n.awaitVersion(5, WAIT).versionNumber());
  }

  @Test
  void aNodeThatLosesZooKeeperKeepsItsVersionSaysSoAndResyncs() throws Exception {
    publisher().publish(data(1, 0));
    ZooKeeperRoutingDataSource n = node(client(3_000));
    assertEquals(1, n.runningVersion().getAsLong());

    server.stop();
    await("DISCONNECTED", () -> n.state() == State.DISCONNECTED);
    assertTrue(n.status().routingOnLastVersion());
    assertEquals(1, n.runningVersion().getAsLong());
    assertEquals(RouteTarget.relay(A), n.tables().orElseThrow().current().lookupNumber("491711"));
    Finding why = n.status().reason().orElseThrow();
    assertEquals(RoutingFindingCodes.SOURCE_DISCONNECTED, why.code());
    assertTrue(why.message().contains("routing on last version 1"), why.message());
    // Long enough for the session to expire: the node gets a new one on reconnection.
    Thread.sleep(4_000);
    assertEquals(State.DISCONNECTED, n.state());

    server.restart();
    ZooKeeperRoutingDataPublisher pub = publisher();
    pub.publish(data(2, 1));
    assertEquals(2, n.awaitVersion(2, WAIT).versionNumber());
    await("CONNECTED", () -> n.state() == State.CONNECTED);
    assertTrue(
        n.findings().stream()
            .anyMatch(x -> x.code().equals(RoutingFindingCodes.SOURCE_RECONNECTED)));
    // The watch was set again on the new session.
    pub.publish(data(3, 0));
    assertEquals(3, n.awaitVersion(3, WAIT).versionNumber());
    assertFalse(n.status().routingOnLastVersion());
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ZooKeeperRoutingData.source("localhost:1", "relative", FAST));
    assertTrue(e.getMessage().startsWith("root: relative"), e.getMessage());
    assertTrue(ZkLayout.maxBundleSize(RoutingDataConfig.DEFAULT) > 0);
  }
}
