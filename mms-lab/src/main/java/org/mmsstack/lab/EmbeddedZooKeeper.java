package org.mmsstack.lab;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A single ZooKeeper server in this process, on an ephemeral loopback port, with its data in a
 * temporary directory deleted on close: the routing store of a lab run when no ensemble is given.
 * It is ZooKeeper's own server (the same jar the ZooKeeper routing store talks to), so the lab's
 * nodes go through a real ZooKeeper session, watches and transactions; it is not replicated.
 */
final class EmbeddedZooKeeper implements Closeable {

  /** ZooKeeper's basic time unit; sessions time out after 2 to 20 ticks. */
  private static final int TICK_MILLIS = 500;

  private static final int MAX_CLIENTS = 256;

  private final Path dataDir;
  private final ZooKeeperServer server;
  private final ServerCnxnFactory connections;

  private EmbeddedZooKeeper(Path dataDir, ZooKeeperServer server, ServerCnxnFactory connections) {
    this.dataDir = dataDir;
    this.server = server;
    this.connections = connections;
  }

  /** Starts a server; its port is chosen by the system. */
  static EmbeddedZooKeeper start() throws IOException {
    Path dir = Files.createTempDirectory("mms-lab-zookeeper-");
    ServerCnxnFactory factory = null;
    boolean started = false;
    try {
      ZooKeeperServer zk =
          new ZooKeeperServer(
              dir.resolve("snapshots").toFile(), dir.resolve("log").toFile(), TICK_MILLIS);
      factory = ServerCnxnFactory.createFactory();
      factory.configure(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), MAX_CLIENTS);
      factory.startup(zk);
      started = true;
      return new EmbeddedZooKeeper(dir, zk, factory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the in-process ZooKeeper server", e);
    } finally {
      // Whatever failed (a missing class is an Error): the server's threads are not daemons and
      // would keep the JVM alive after the failure.
      if (!started) {
        shutDown(factory);
        Lab.deleteTree(dir);
      }
    }
  }

  /** The connect string of this server ({@code 127.0.0.1:port}). */
  String connectString() {
    return InetAddress.getLoopbackAddress().getHostAddress() + ":" + connections.getLocalPort();
  }

  @Override
  public void close() {
    shutDown(connections);
    server.shutdown();
    Lab.deleteTree(dataDir);
  }

  private static void shutDown(ServerCnxnFactory factory) {
    if (factory != null) {
      factory.shutdown();
    }
  }
}
