package org.mmsstack.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short lab scenario of the build: 3 extended + 1 legacy Relay/Servers over real sockets,
 * 40 messages, one table switch, one restart; exactly once and every report home, for a few
 * seeds. A failing seed is in the assertion message, with the run's summary.
 */
class LabTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 777, 20261203})
  void shortScenarioIsExactlyOnce(long seed) throws IOException {
    check(seed, LabConfig.builder());
  }

  /** The same scenario with the routing data in a real ZooKeeper server (in-process). */
  @Test
  void shortScenarioWithZooKeeperIsExactlyOnce() throws Exception {
    try (TestingServer zk = new TestingServer(true)) {
      LabReport r = check(11, LabConfig.builder().zooKeeper(zk.getConnectString()));
      assertTrue(r.routingStore().startsWith("zookeeper 3."), r.routingStore());
    }
  }

  private static LabReport check(long seed, LabConfig.Builder b) throws IOException {
    LabConfig config =
        b.relays(3).legacy(1).messages(40).seed(seed).timeout(Duration.ofSeconds(60)).build();
    List<String> log = new ArrayList<>();
    LabReport r = Lab.run(config, log::add);
    String why =
        "seed " + seed + "\n" + String.join("\n", log) + "\n" + String.join("\n", r.summaryLines());
    assertTrue(r.quiescent(), why);
    assertEquals(r.recipients(), r.delivered(), why);
    assertEquals(0, r.duplicates(), why);
    assertEquals(0, r.lost(), why);
    assertEquals(r.deliveryReportsExpected(), r.deliveryReportsHome(), why);
    assertEquals(r.readReportsSent(), r.readReportsHome(), why);
    assertEquals(2, r.tableVersions(), why);
    assertEquals(1, r.relayRestarts(), why);
    assertTrue(r.violations().isEmpty(), why);
    assertTrue(r.passed(), why);
    System.out.println(why);
    return r;
  }
}
