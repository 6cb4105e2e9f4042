package org.mmsstack.routing.zookeeper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.Version;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.data.RoutingDataSourceConfig;

/**
 * Routing data in Apache ZooKeeper, through Apache Curator: the factories of {@link
 * ZooKeeperRoutingDataSource} (what each Relay/Server runs) and {@link
 * ZooKeeperRoutingDataPublisher} (what {@code mms routing publish --zk} runs).
 *
 * <p>Layout under the root (default {@value #DEFAULT_ROOT}):
 *
 * <pre>
 *   ROOT/current                          the current version number (ASCII decimal)
 *   ROOT/versions/00000000000000000042    manifest: digest, bundle size, part count
 *   ROOT/blobs/&lt;sha-256 hex&gt;/part-00000  the version's bundle (RoutingDataCodec) in 512 KiB parts
 * </pre>
 *
 * A version is one unit: table, key ring and Message-ID secrets in one bundle whose SHA-256 the
 * version node names, and the version node is created in the same ZooKeeper transaction that
 * moves {@code current}. Versions are never changed or deleted by this module (an operator may
 * delete old ones that no node runs).
 *
 * <p>Stateless and thread-safe.
 */
@Provisional
public final class ZooKeeperRoutingData {

  /** The default root znode: {@code /mmsstack/routing}. */
  public static final String DEFAULT_ROOT = "/mmsstack/routing";

  /** Session timeout of the clients this class creates (ZooKeeper bounds it by the server's). */
  public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);

  /** How long a publisher made from a connect string waits for a connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

  private ZooKeeperRoutingData() {}

  /**
   * A source on an existing client, which the caller starts and closes (start the client before
   * the source).
   *
   * @throws IllegalArgumentException if {@code root} is not an absolute path
   */
  public static ZooKeeperRoutingDataSource source(
      CuratorFramework client, String root, RoutingDataSourceConfig config) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(config, "config");
    return new ZooKeeperRoutingDataSource(client, false, ZkLayout.checkRoot(root), config);
  }

  /**
   * A source with its own client to {@code connectString} ({@code host:port,host:port}), which
   * it starts in {@link ZooKeeperRoutingDataSource#start()} and closes in {@code close()}. The
   * client retries for ever with exponential back-off: a node does not give up on its store.
   *
   * @throws IllegalArgumentException if {@code root} is not an absolute path
   */
  public static ZooKeeperRoutingDataSource source(
      String connectString, String root, RoutingDataSourceConfig config) {
    Objects.requireNonNull(connectString, "connectString");
    Objects.requireNonNull(config, "config");
    ZkLayout.checkRoot(root);
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs((int) SESSION_TIMEOUT.toMillis())
            .connectionTimeoutMs((int) CONNECT_TIMEOUT.toMillis())
            .retryPolicy(new ExponentialBackoffRetry(200, 29, 10_000))
            .build();
    return new ZooKeeperRoutingDataSource(client, true, root, config);
  }

  /**
   * A publisher on an existing client (started), which the caller closes.
   *
   * @throws IllegalArgumentException if {@code root} is not an absolute path
   */
  public static ZooKeeperRoutingDataPublisher publisher(
      CuratorFramework client, String root, RoutingDataConfig config) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(config, "config");
    return new ZooKeeperRoutingDataPublisher(client, false, ZkLayout.checkRoot(root), config);
  }

  /**
   * A publisher with its own client to {@code connectString}, connected before this returns;
   * {@code close()} closes the client.
   *
   * @throws IOException if ZooKeeper cannot be reached within {@link #CONNECT_TIMEOUT}
   * @throws IllegalArgumentException if {@code root} is not an absolute path
   */
  public static ZooKeeperRoutingDataPublisher publisher(String connectString, String root)
      throws IOException {
    return publisher(connectString, root, CONNECT_TIMEOUT);
  }

  /**
   * A publisher with its own client to {@code connectString}, connected within {@code
   * connectTimeout}; {@code close()} closes the client.
   *
   * @throws IOException if ZooKeeper cannot be reached in time
   * @throws IllegalArgumentException if {@code root} is not an absolute path
   */
  public static ZooKeeperRoutingDataPublisher publisher(
      String connectString, String root, Duration connectTimeout) throws IOException {
    Objects.requireNonNull(connectString, "connectString");
    ZkLayout.checkRoot(root);
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs((int) SESSION_TIMEOUT.toMillis())
            .connectionTimeoutMs((int) connectTimeout.toMillis())
            .retryPolicy(new ExponentialBackoffRetry(200, 3))
            .build();
    client.start();
    try {
      if (!client.blockUntilConnected((int) connectTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        client.close();
        throw new IOException(
            "cannot reach ZooKeeper at " + connectString + " within " + connectTimeout);
      }
    } catch (InterruptedException e) {
      client.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to " + connectString);
    }
    return new ZooKeeperRoutingDataPublisher(client, true, root, RoutingDataConfig.DEFAULT);
  }

  /** The ZooKeeper client library's version, e.g. {@code 3.9.5}. */
  public static String zooKeeperVersion() {
    String v = Version.getFullVersion();
    int dash = v.indexOf('-');
    int space = v.indexOf(' ');
    int end = dash < 0 ? space : space < 0 ? dash : Math.min(dash, space);
    return end < 0 ? v : v.substring(0, end);
  }

  static String describe(CuratorFramework client, String root) {
    return "zookeeper "
        + zooKeeperVersion()
        + " at "
        + client.getZookeeperClient().getCurrentConnectionString()
        + root;
  }

  static IOException ioException(String what, Exception e) {
    return new IOException(what + " failed: " + e, e);
  }
}
