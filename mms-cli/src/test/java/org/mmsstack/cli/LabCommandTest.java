package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mms lab}: a tiny run end to end (in-process ZooKeeper), the JSON summary, usage errors. */
class LabCommandTest {

  @Test
  void aSmallRunPrintsOneJsonObjectOnTheLastLineAndPasses() throws Exception {
    Tool.Outcome o =
        Tool.run(
                "lab", "--relays", "2", "--legacy", "1", "--messages", "8", "--seed", "5", "--json")
            .assertNoStackTrace();
    List<String> lines = o.stdout().lines().toList();
    JsonNode j = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertEquals(0, o.status(), o.stdout() + o.stderr());
    assertEquals(j.get("recipients").asInt(), j.get("delivered").asInt(), o.stdout());
    assertEquals(0, j.get("duplicates").asInt());
    assertEquals(0, j.get("lost").asInt());
    assertEquals(j.get("deliveryReportsExpected").asInt(), j.get("deliveryReportsHome").asInt());
    assertEquals(2, j.get("tableVersions").asInt());
    assertEquals(1, j.get("relayRestarts").asInt());
    // Without --zk the routing data goes through a ZooKeeper server in the process.
    assertTrue(
        j.get("routingStore").asText().matches("zookeeper 3\\.9\\.\\d+ \\(in-process\\)"),
        j.get("routingStore").asText());
    for (String k : List.of("p50", "p90", "p99", "max")) {
      assertTrue(j.get("latencyMs").has(k), k);
    }
    assertTrue(j.get("messagesPerSecond").asDouble() > 0);
    assertTrue(o.stderr().contains("mms lab: quiescent"), o.stderr());
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheOption() {
    Tool.Outcome o = Tool.run("lab", "--relays", "1").assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, o.status());
    assertTrue(o.stderr().contains("relays must be in [2, 9], not 1"), o.stderr());
    Tool.Outcome zk = Tool.run("lab", "--zk", " ").assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, zk.status());
    assertTrue(zk.stderr().contains("zooKeeper connect string must not be blank"), zk.stderr());
    Tool.Outcome store = Tool.run("lab", "--store", "etcd").assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, store.status());
    assertTrue(
        store.stderr().contains("--store must be zookeeper or directory, not etcd"),
        store.stderr());
  }
}
