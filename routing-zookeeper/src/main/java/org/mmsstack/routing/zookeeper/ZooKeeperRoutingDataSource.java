package org.mmsstack.routing.zookeeper;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingFindingCodes;
import org.mmsstack.routing.data.AbstractRoutingDataSource;
import org.mmsstack.routing.data.RoutingData;
import org.mmsstack.routing.data.RoutingDataSourceConfig;

/**
 * A {@link org.mmsstack.routing.data.RoutingDataSource} that watches routing data in Apache
 * ZooKeeper (layout: {@link ZooKeeperRoutingData}).
 *
 * <p>The node keeps a ZooKeeper watch on {@code current}; when it changes (and every {@link
 * RoutingDataSourceConfig#recheckInterval()}, in case a notification was missed) it reads the
 * version it names, whole, checks it against its digest and installs it. A version node whose
 * parts are missing or do not match is not installed ({@link
 * RoutingFindingCodes#VERSION_UNREADABLE}); a version node that {@code current} does not name
 * (a publisher that stopped half-way) is never read.
 *
 * <p>When the connection is suspended or the session lost, the source becomes {@link
 * org.mmsstack.routing.data.RoutingDataSource.State#DISCONNECTED} and reports {@link
 * RoutingFindingCodes#SOURCE_DISCONNECTED}: the node keeps routing on its last version. Curator
 * reconnects (with a new session if the old one expired); the source then reports {@link
 * RoutingFindingCodes#SOURCE_RECONNECTED}, sets its watch again and reads {@code current}, so a
 * version published meanwhile is installed.
 *
 * <p>Thread-safe; one daemon thread reads ZooKeeper. A source made from a connect string owns
 * its client and closes it; one made from a client leaves it open (and must be started after the
 * client).
 */
@Provisional
public final class ZooKeeperRoutingDataSource extends AbstractRoutingDataSource {

  private final CuratorFramework client;
  private final boolean ownsClient;
  private final ZkLayout layout;
  private final ScheduledExecutorService executor;
  private final ConnectionStateListener connectionListener = this::connectionChanged;
  private final CuratorWatcher watcher = this::watched;
  private long lastUnreadable = -1;
  private volatile ScheduledFuture<?> recheck;

  ZooKeeperRoutingDataSource(
      CuratorFramework client, boolean ownsClient, String root, RoutingDataSourceConfig config) {
    super(config);
    this.client = client;
    this.ownsClient = ownsClient;
    this.layout = new ZkLayout(root);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "routing-data zookeeper " + root);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public String storeDescription() {
    return ZooKeeperRoutingData.describe(client, layout.root());
  }

  @Override
  protected void doStart() throws IOException {
    client.getConnectionStateListenable().addListener(connectionListener);
    if (ownsClient) {
      client.start();
    }
    long ms = config().recheckInterval().toMillis();
    try {
      if (client.blockUntilConnected((int) Math.min(ms, 10_000), TimeUnit.MILLISECONDS)) {
        executor.submit(this::check).get();
      } else {
        disconnected("not connected within " + Math.min(ms, 10_000) + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + storeDescription(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("could not start " + storeDescription(), e.getCause());
    }
    recheck = executor.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doClose() {
    client.getConnectionStateListenable().removeListener(connectionListener);
    ScheduledFuture<?> r = recheck;
    if (r != null) {
      r.cancel(false);
    }
    executor.shutdownNow();
    if (ownsClient) {
      client.close();
    }
  }

  private void connectionChanged(CuratorFramework c, ConnectionState state) {
    switch (state) {
      case SUSPENDED -> disconnected("ZooKeeper connection suspended");
      case LOST -> disconnected("ZooKeeper session lost");
      case CONNECTED, RECONNECTED -> {
        connected();
        submitCheck();
      }
      case READ_ONLY -> disconnected("ZooKeeper ensemble is read-only");
    }
  }

  private void watched(WatchedEvent event) {
    if (event.getType() != Watcher.Event.EventType.None) {
      submitCheck();
    }
  }

  private void submitCheck() {
    try {
      executor.execute(this::check);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  /** {@link #read()}, never throwing (a scheduled task that throws is not run again). */
  private void check() {
    try {
      read();
    } catch (RuntimeException e) {
      report(
          Severity.ERROR,
          RoutingFindingCodes.VERSION_UNREADABLE,
          "reading " + storeDescription() + " failed: " + e);
    }
  }

  /** Reads {@code current} (setting the watch again) and installs the version it names. */
  private void read() {
    if (isClosed() || !client.getZookeeperClient().isConnected()) {
      return;
    }
    long n;
    try {
      byte[] b;
      try {
        b = client.getData().usingWatcher(watcher).forPath(layout.current());
      } catch (KeeperException.NoNodeException e) {
        // Nothing published yet: watch for the pointer's creation.
        if (client.checkExists().usingWatcher(watcher).forPath(layout.current()) == null) {
          connected();
          return;
        }
        b = client.getData().usingWatcher(watcher).forPath(layout.current());
      }
      connected();
      n = ZkLayout.parseCurrent(layout.current(), b);
    } catch (RoutingDataFormatException e) {
      versionUnreadableAt(-1, e.getMessage());
      return;
    } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException e) {
      disconnected(e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      disconnected(e.toString());
      return;
    }
    OptionalLong running = runningVersion();
    if ((running.isPresent() && running.getAsLong() == n) || n == lastUnreadable) {
      return;
    }
    try {
      RoutingData data = layout.read(client, n, config().dataConfig()).orElse(null);
      if (data == null) {
        versionUnreadableAt(n, "current names version " + n + " but there is no such version node");
        return;
      }
      offer(data);
    } catch (RoutingDataFormatException e) {
      versionUnreadableAt(n, e.getMessage());
    } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException e) {
      disconnected(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      versionUnreadableAt(n, e.toString());
    }
  }

  private void versionUnreadableAt(long n, String why) {
    if (versionUnreadable(n, why) && n >= 0) {
      lastUnreadable = n;
    }
  }
}
