package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.data.DirectoryRoutingDataSource;
import org.mmsstack.routing.data.MessageIdSecrets;
import org.mmsstack.routing.data.MessageIdSecretsCodec;
import org.mmsstack.routing.zookeeper.ZooKeeperRoutingData;
import org.mmsstack.routing.zookeeper.ZooKeeperRoutingDataPublisher;

/** {@code mms routing publish} through the tool's entry point, against a real ZooKeeper. */
class RoutingPublishTest {

  private static TestingServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startZooKeeper() throws Exception {
    server = new TestingServer(true);
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    server.close();
  }

  private Path table(String name, long version, String relay) throws Exception {
    return Files.writeString(
        dir.resolve(name),
        "mms-routing-table 1\nversion "
            + version
            + "\ndefault relay rs-a\nprefix 4917 relay "
            + relay
            + "\n");
  }

  private Path keys() throws Exception {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant until = Instant.parse("2036-01-01T00:00:00Z");
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 1);
    KeyRing ring =
        KeyRing.builder()
            .add(RoutingSigner.fromSeed("rs-a.1", RelayId.of("rs-a"), seed).trustedKey(from, until))
            .build();
    return Files.write(dir.resolve("keys.txt"), KeyRingCodec.encode(ring));
  }

  private Path secrets() throws Exception {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) 9);
    return Files.write(
        dir.resolve("secrets.txt"), MessageIdSecretsCodec.encode(MessageIdSecrets.of(s)));
  }

  @Test
  void publishesToZooKeeperOnceAndRefusesTheNumberWithOtherContent() throws Exception {
    String root = "/cli-test";
    String zk = server.getConnectString();
    Path keys = keys();
    Path secrets = secrets();
    Tool.Outcome first =
        Tool.run(
                "routing",
                "publish",
                "--zk",
                zk,
                "--root",
                root,
                table("t1", 1, "rs-a").toString(),
                keys.toString(),
                "--secrets",
                secrets.toString())
            .assertNoStackTrace();
    assertEquals(0, first.status(), first.stderr());
    assertTrue(first.stdout().startsWith("published version 1 (sha256:"), first.stdout());
    assertTrue(first.stdout().contains("zookeeper 3.9."), first.stdout());

    // The same content again: nothing changes, status 0.
    Tool.Outcome again =
        Tool.run(
            "routing",
            "publish",
            "--zk",
            zk,
            "--root",
            root,
            table("t1b", 1, "rs-a").toString(),
            keys.toString(),
            "--secrets",
            secrets.toString());
    assertEquals(0, again.status(), again.stderr());
    assertTrue(again.stdout().startsWith("already published: version 1"), again.stdout());

    // Other content under the same number: one line, status 1.
    Tool.Outcome conflict =
        Tool.run(
                "routing",
                "publish",
                "--zk",
                zk,
                "--root",
                root,
                table("t1c", 1, "rs-b").toString(),
                keys.toString())
            .assertNoStackTrace();
    assertEquals(1, conflict.status());
    assertEquals(1, conflict.stderr().strip().lines().count(), conflict.stderr());
    assertTrue(conflict.stderr().contains("(version-conflict)"), conflict.stderr());
    // rs-b has no key: validation warned first, on standard output.
    assertTrue(conflict.stdout().contains("WARNING"), conflict.stdout());
    assertTrue(conflict.stdout().contains("(relay-without-key)"), conflict.stdout());

    // Version 2 without --secrets keeps those of version 1.
    Tool.Outcome second =
        Tool.run(
            "routing",
            "publish",
            "--zk",
            zk,
            "--root",
            root,
            table("t2", 2, "rs-a").toString(),
            keys.toString());
    assertEquals(0, second.status(), second.stderr());
    try (ZooKeeperRoutingDataPublisher p = ZooKeeperRoutingData.publisher(zk, root)) {
      assertEquals(2, p.currentVersion().getAsLong());
      assertEquals(p.read(1).orElseThrow().secrets(), p.read(2).orElseThrow().secrets());
    }

    Tool.Outcome older =
        Tool.run(
            "routing",
            "publish",
            "--zk",
            zk,
            "--root",
            root,
            table("t0", 0, "rs-a").toString(),
            keys.toString());
    assertEquals(1, older.status());
    assertTrue(older.stderr().contains("(version-not-newer)"), older.stderr());
  }

  @Test
  void aMalformedTableIsReportedLikeValidateAndNothingIsPublished() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.table"), "mms-routing-table 1\nversion 1\nprefix 49x relay rs-a\n");
    Path store = dir.resolve("store");
    Tool.Outcome r =
        Tool.run(
                "routing",
                "publish",
                "--dir",
                store.toString(),
                bad.toString(),
                keys().toString(),
                "--secrets",
                secrets().toString())
            .assertNoStackTrace();
    assertEquals(1, r.status());
    assertTrue(r.stdout().startsWith(bad + ": ERROR line 3 "), r.stdout());
    assertTrue(r.stdout().contains("(invalid-digits)"), r.stdout());
    assertTrue(Files.notExists(store.resolve("current")));
  }

  @Test
  void publishesToAWatchedDirectoryThatANodeReads() throws Exception {
    Path store = dir.resolve("store");
    Tool.Outcome r =
        Tool.run(
            "routing",
            "publish",
            "--dir",
            store.toString(),
            table("t", 3, "rs-a").toString(),
            keys().toString(),
            "--secrets",
            secrets().toString());
    assertEquals(0, r.status(), r.stderr());
    try (DirectoryRoutingDataSource node = DirectoryRoutingDataSource.open(store)) {
      node.start();
      assertEquals(3, node.runningVersion().getAsLong());
    }
  }

  @Test
  void usageErrorsAndAMissingStoreAreOneLine() throws Exception {
    Tool.Outcome noStore =
        Tool.run("routing", "publish", table("t", 1, "rs-a").toString(), keys().toString());
    assertEquals(2, noStore.status());
    Tool.Outcome both =
        Tool.run(
            "routing",
            "publish",
            "--zk",
            "localhost:1",
            "--dir",
            dir.toString(),
            table("t", 1, "rs-a").toString(),
            keys().toString());
    assertEquals(2, both.status());
    Tool.Outcome noSecrets =
        Tool.run(
                "routing",
                "publish",
                "--dir",
                dir.resolve("empty").toString(),
                table("t", 1, "rs-a").toString(),
                keys().toString())
            .assertNoStackTrace();
    assertEquals(2, noSecrets.status());
    assertTrue(noSecrets.stderr().startsWith("mms: --secrets is needed"), noSecrets.stderr());
    Tool.Outcome missing =
        Tool.run(
                "routing",
                "publish",
                "--dir",
                dir.toString(),
                dir.resolve("nope.table").toString(),
                keys().toString())
            .assertNoStackTrace();
    assertEquals(2, missing.status());
    assertTrue(missing.stderr().contains("nope.table: no such file"), missing.stderr());
  }
}
