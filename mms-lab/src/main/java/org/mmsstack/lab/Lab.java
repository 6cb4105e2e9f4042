package org.mmsstack.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.data.DirectoryRoutingDataPublisher;
import org.mmsstack.routing.data.DirectoryRoutingDataSource;
import org.mmsstack.routing.data.MessageIdSecrets;
import org.mmsstack.routing.data.RoutingData;
import org.mmsstack.routing.data.RoutingDataPublisher;
import org.mmsstack.routing.data.RoutingDataSourceConfig;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableBuilder;
import org.mmsstack.routing.table.TableVersion;
import org.mmsstack.routing.zookeeper.ZooKeeperRoutingData;

/**
 * Runs the routing lab: extended and legacy {@link LabRelay}s on loopback ports, routing data
 * published in a {@link DirectoryRoutingDataPublisher directory store} watched by every node, phones submitting seeded multi-recipient messages over
 * MM1, a second routing data version published in the middle of the traffic, one extended node
 * stopped and restarted, then a wait for quiescence and the accounting in a {@link LabReport}.
 *
 * <p>Topology (from the seed): node {@code i} serves the number range {@code 4917<i>}; inside
 * each extended node's range the sub-range {@code 4917<i>9} belongs to the next extended node
 * (longest match), a few numbers are ported (overrides). Version 2 moves the sub-range
 * {@code 4917<i>1} of every extended node to another extended node and ports more numbers;
 * legacy ranges never move (a legacy node cannot learn of it). Each legacy node uses one
 * extended node as its gateway. Stateless and thread-safe: each run builds its own world.
 */
public final class Lab {

  /** The MMSE's domain in the lab. */
  public static final String DOMAIN = "mms.lab.example";

  /** How often a directory source rereads the store besides its file-system events. */
  private static final Duration RECHECK = Duration.ofMillis(200);

  private Lab() {}

  /**
   * Runs the lab and returns its report; never throws for what the run observed (that is in
   * the report).
   *
   * @param progress gets one line per phase (may be a no-op)
   * @throws IOException when a port cannot be bound or the routing data cannot be written
   */
  public static LabReport run(LabConfig config, Consumer<String> progress) throws IOException {
    long t0 = System.nanoTime();
    Path dir;
    boolean temporary = config.routingDirectory().isEmpty();
    // Without ZooKeeper the directory is the store; with it, it stays empty.
    dir =
        temporary ? Files.createTempDirectory("mms-lab-routing-") : config.routingDirectory().get();
    LabLedger ledger = new LabLedger();
    LabNetwork net = new LabNetwork(DOMAIN, ledger);
    World w = new World(config);
    List<LabRelay> nodes = new ArrayList<>();
    PhoneFleet phones = null;
    RoutingDataSourceConfig sourceConfig =
        RoutingDataSourceConfig.builder().recheckInterval(RECHECK).build();
    // No ensemble given: one ZooKeeper server in this process, so that the run still goes through
    // real sessions, watches and transactions.
    EmbeddedZooKeeper embedded = config.embeddedZooKeeper() ? EmbeddedZooKeeper.start() : null;
    Optional<String> zk =
        embedded != null ? Optional.of(embedded.connectString()) : config.zooKeeper();
    // A fresh root per run: a store only takes versions newer than its current one.
    String zkRoot = ZooKeeperRoutingData.DEFAULT_ROOT + "-lab/run-" + System.currentTimeMillis();
    try (RoutingDataPublisher store =
        zk.isPresent()
            ? ZooKeeperRoutingData.publisher(zk.get(), zkRoot)
            : DirectoryRoutingDataPublisher.open(dir)) {
      store.publish(w.data(w.v1));
      progress.accept("routing data version 1 published in " + store.storeDescription());
      ledger.topology(w::homes, w.data(w.v1).messageIds());
      ExtendedLabRelay.SourceFactory sources =
          zk.isPresent()
              ? node -> ZooKeeperRoutingData.source(zk.get(), zkRoot, sourceConfig)
              : node -> DirectoryRoutingDataSource.open(dir, sourceConfig);
      String storeName =
          zk.isPresent()
              ? "zookeeper "
                  + ZooKeeperRoutingData.zooKeeperVersion()
                  + (embedded != null ? " (in-process)" : "")
              : "directory";
      Duration giveUp = config.timeout();
      for (int i = 0; i < w.ids.size(); i++) {
        RelayId id = w.ids.get(i);
        LabRelay node =
            i < config.relays()
                ? new ExtendedLabRelay(
                    id, net, giveUp, w.signers.get(i), sources, w.extendedNames, w.legacyNames)
                : new LegacyLabRelay(
                    id,
                    net,
                    giveUp,
                    w.subscribersOf(id.value()),
                    w.gatewayOf(id.value()),
                    w.extendedNames);
        nodes.add(node);
        node.start();
      }
      progress.accept(
          "started "
              + config.relays()
              + " extended and "
              + config.legacy()
              + " legacy Relay/Servers on loopback ports");
      phones = new PhoneFleet(net, w.phones, config.seed(), config.timeout(), 4);
      net.pushSink(phones);
      boolean quiescent = traffic(config, w, store, nodes, phones, ledger, progress, t0);
      LabReport.Accounting a = ledger.accounting();
      long hops = 0;
      long retries = 0;
      for (LabRelay n : nodes) {
        hops += n.outbox.sent();
        retries += n.outbox.retries();
      }
      return new LabReport(
          config, a, quiescent, storeName, (System.nanoTime() - t0) / 1_000_000, hops, retries);
    } finally {
      for (LabRelay n : nodes) {
        n.close();
      }
      if (phones != null) {
        phones.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      if (temporary) {
        deleteTree(dir);
      }
    }
  }

  private static boolean traffic(
      LabConfig config,
      World w,
      RoutingDataPublisher store,
      List<LabRelay> nodes,
      PhoneFleet phones,
      LabLedger ledger,
      Consumer<String> progress,
      long t0)
      throws IOException {
    long deadline = t0 + config.timeout().toNanos();
    Semaphore inFlight = new Semaphore(config.concurrency());
    int m = config.messages();
    LabRelay victim = nodes.get(1 % config.relays());
    Thread restarter = null;
    for (int k = 0; k < m; k++) {
      if (config.restart() && k == m * 3 / 10) {
        victim.stop();
        progress.accept("stopped " + victim.id() + " after " + k + " submissions");
        restarter =
            new Thread(
                () -> {
                  try {
                    Thread.sleep(config.restartDowntime().toMillis());
                    victim.start();
                    ledger.restarted();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "lab-restart");
        restarter.start();
      }
      if (k == m / 2) {
        store.publish(w.data(w.v2));
        progress.accept("routing data version 2 published after " + k + " submissions");
      }
      if (restarter != null && k == m * 6 / 10) {
        join(restarter);
        restarter = null;
        progress.accept("restarted " + victim.id());
      }
      acquire(inFlight);
      w.message(phones, inFlight::release);
    }
    if (restarter != null) {
      join(restarter);
      progress.accept("restarted " + victim.id());
    }
    if (m < 2) {
      store.publish(w.data(w.v2));
    }
    acquire(inFlight, config.concurrency());
    progress.accept("all " + m + " submissions answered; waiting for quiescence");
    int idle = 0;
    while (System.nanoTime() < deadline) {
      boolean quiet = phones.busy() == 0;
      for (LabRelay n : nodes) {
        quiet &= n.isRunning() && n.pendingTransmissions() == 0;
      }
      idle = quiet ? idle + 1 : 0;
      if (idle >= 4) {
        progress.accept("quiescent");
        return true;
      }
      sleep(50);
    }
    progress.accept("NOT quiescent after " + config.timeout());
    return false;
  }

  private static void acquire(Semaphore s) {
    acquire(s, 1);
  }

  private static void acquire(Semaphore s, int permits) {
    try {
      s.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // A temporary directory: left behind if it cannot be removed.
                }
              });
    } catch (IOException e) {
      // Same.
    }
  }

  /** The seeded world: ids, tables, keys, subscribers, phones, and the message generator. */
  private static final class World {
    final SplittableRandom rnd;
    final List<RelayId> ids = new ArrayList<>();
    final Set<String> extendedNames = new LinkedHashSet<>();
    final Set<String> legacyNames = new LinkedHashSet<>();
    final List<RoutingSigner> signers = new ArrayList<>();
    final Map<String, PhoneFleet.Phone> phones = new LinkedHashMap<>();
    final List<String> numbers = new ArrayList<>();
    final Map<String, String> home1 = new LinkedHashMap<>();
    final Map<String, String> home2 = new LinkedHashMap<>();
    final RoutingTable v1;
    final RoutingTable v2;
    final KeyRing ring;
    final byte[] secret = new byte[32];

    World(LabConfig config) {
      this.rnd = new SplittableRandom(config.seed());
      int e = config.relays();
      int total = e + config.legacy();
      for (int i = 0; i < total; i++) {
        RelayId id = RelayId.of((i < e ? "rs-" : "lg-") + (char) ('a' + i));
        ids.add(id);
        (i < e ? extendedNames : legacyNames).add(id.value());
      }
      List<List<String>> byRange = new ArrayList<>();
      Set<String> used = new LinkedHashSet<>();
      for (int i = 0; i < total; i++) {
        List<String> l = new ArrayList<>();
        while (l.size() < config.subscribersPerRange()) {
          String n = "4917" + i + digits(7);
          if (used.add(n)) {
            l.add(n);
          }
        }
        byRange.add(l);
        numbers.addAll(l);
      }
      Map<String, RouteTarget> prefixes1 = new LinkedHashMap<>();
      for (int i = 0; i < total; i++) {
        prefixes1.put("4917" + i, RouteTarget.relay(ids.get(i)));
        if (i < e) {
          prefixes1.put("4917" + i + "9", RouteTarget.relay(ids.get((i + 1) % e)));
        }
      }
      Map<String, RouteTarget> overrides1 = new LinkedHashMap<>();
      for (int k = 0; k < 3; k++) {
        int from = rnd.nextInt(e);
        String n = byRange.get(from).get(rnd.nextInt(config.subscribersPerRange()));
        overrides1.put(n, RouteTarget.relay(ids.get((from + 1 + rnd.nextInt(e - 1)) % e)));
      }
      Map<String, RouteTarget> prefixes2 = new LinkedHashMap<>(prefixes1);
      for (int i = 0; i < e; i++) {
        prefixes2.put("4917" + i + "1", RouteTarget.relay(ids.get((i + 2) % e)));
      }
      Map<String, RouteTarget> overrides2 = new LinkedHashMap<>(overrides1);
      for (int k = 0; k < 6; k++) {
        int from = rnd.nextInt(e);
        String n = byRange.get(from).get(rnd.nextInt(config.subscribersPerRange()));
        overrides2.put(n, RouteTarget.relay(ids.get((from + 1 + rnd.nextInt(e - 1)) % e)));
      }
      v1 = table(1, prefixes1, overrides1);
      v2 = table(2, prefixes2, overrides2);
      for (String n : numbers) {
        home1.put(n, homeIn(prefixes1, overrides1, n));
        home2.put(n, homeIn(prefixes2, overrides2, n));
      }
      Instant now = Instant.now();
      KeyRing.Builder rb = KeyRing.builder();
      for (int i = 0; i < e; i++) {
        byte[] seed = new byte[32];
        rnd.nextBytes(seed);
        RoutingSigner s = RoutingSigner.fromSeed(ids.get(i).value() + ".lab", ids.get(i), seed);
        signers.add(s);
        rb.add(s.trustedKey(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
      }
      ring = rb.build();
      rnd.nextBytes(secret);
      List<String> all = new ArrayList<>(extendedNames);
      all.addAll(legacyNames);
      for (String n : numbers) {
        String entry = rnd.nextDouble() < 0.4 ? home1.get(n) : all.get(rnd.nextInt(all.size()));
        phones.put(n, new PhoneFleet.Phone(n, entry));
      }
    }

    private static RoutingTable table(
        long version, Map<String, RouteTarget> prefixes, Map<String, RouteTarget> overrides) {
      RoutingTableBuilder b = RoutingTable.builder(TableVersion.of(version));
      prefixes.forEach(b::prefix);
      overrides.forEach(b::override);
      b.defaultRoute(RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT));
      return b.build();
    }

    private static String homeIn(
        Map<String, RouteTarget> prefixes, Map<String, RouteTarget> overrides, String n) {
      RouteTarget t = overrides.get(n);
      for (int len = n.length(); t == null && len > 0; len--) {
        t = prefixes.get(n.substring(0, len));
      }
      if (!(t instanceof RouteTarget.Relay r)) {
        throw new IllegalStateException("no home for " + n);
      }
      return r.relay().value();
    }

    private String digits(int n) {
      StringBuilder sb = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
      return sb.toString();
    }

    RoutingData data(RoutingTable t) {
      return RoutingData.of(t, ring, MessageIdSecrets.of(secret));
    }

    Set<String> homes(String number) {
      Set<String> h = new LinkedHashSet<>();
      String a = home1.get(number);
      String b = home2.get(number);
      if (a != null) {
        h.add(a);
      }
      if (b != null) {
        h.add(b);
      }
      return h;
    }

    Set<String> subscribersOf(String node) {
      Set<String> out = new LinkedHashSet<>();
      home1.forEach(
          (n, h) -> {
            if (h.equals(node)) {
              out.add(n);
            }
          });
      return out;
    }

    String gatewayOf(String legacyNode) {
      int k = new ArrayList<>(legacyNames).indexOf(legacyNode);
      return new ArrayList<>(extendedNames).get(k % extendedNames.size());
    }

    /** Submits one seeded message (1-4 recipients, none the originator). */
    void message(PhoneFleet fleet, Runnable done) {
      String from = numbers.get(rnd.nextInt(numbers.size()));
      int n = 1 + rnd.nextInt(4);
      Set<String> chosen = new LinkedHashSet<>();
      while (chosen.size() < n) {
        String r = numbers.get(rnd.nextInt(numbers.size()));
        if (!r.equals(from)) {
          chosen.add(r);
        }
      }
      List<String> to = new ArrayList<>();
      List<String> cc = new ArrayList<>();
      List<String> bcc = new ArrayList<>();
      for (String r : chosen) {
        double place = rnd.nextDouble();
        if (to.isEmpty() || place < 0.6) {
          to.add(r);
        } else if (place < 0.9) {
          cc.add(r);
        } else {
          bcc.add(r);
        }
      }
      fleet.submit(
          phones.get(from), to, cc, bcc, rnd.nextDouble() < 0.5, rnd.nextDouble() < 0.4, done);
    }
  }
}
