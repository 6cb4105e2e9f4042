package org.mmsstack.routing.zookeeper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.data.PublishResult;
import org.mmsstack.routing.data.RoutingData;
import org.mmsstack.routing.data.RoutingDataCodec;
import org.mmsstack.routing.data.RoutingDataPublishException;
import org.mmsstack.routing.data.RoutingDataPublisher;
import org.mmsstack.routing.data.RoutingDataValidator;

/**
 * Publishes {@link RoutingData} to Apache ZooKeeper (layout: {@link ZooKeeperRoutingData}).
 *
 * <p>A version is published in two steps. First the bundle ({@link RoutingDataCodec}) is written
 * in parts under {@code blobs/<digest>}: content-addressed, so a repeated or interrupted write is
 * harmless, and invisible to nodes, which only follow the current pointer. Then one ZooKeeper
 * transaction creates {@code versions/<number>} (naming the digest) and moves {@code current} to
 * it, with the pointer's znode version as the compare-and-set. The create fails if the number is
 * taken, so of two publishers racing for one number exactly one wins; the other reads the
 * winner's digest and gets {@link RoutingDataPublishException.Reason#VERSION_CONFLICT} (or {@link
 * PublishResult.Outcome#ALREADY_PUBLISHED} for the same content). A crash before the transaction
 * leaves only unreferenced parts.
 *
 * <p>Thread-safe. A publisher made from a connect string owns its client and closes it; one made
 * from a client leaves it open.
 */
@Provisional
public final class ZooKeeperRoutingDataPublisher implements RoutingDataPublisher {

  private static final int MAX_ATTEMPTS = 10;

  private final CuratorFramework client;
  private final boolean ownsClient;
  private final ZkLayout layout;
  private final RoutingDataConfig config;

  ZooKeeperRoutingDataPublisher(
      CuratorFramework client, boolean ownsClient, String root, RoutingDataConfig config) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.layout = new ZkLayout(root);
    this.config = config;
  }

  @Override
  public String storeDescription() {
    return ZooKeeperRoutingData.describe(client, layout.root());
  }

  @Override
  public PublishResult publish(RoutingData data) throws IOException {
    ValidationReport report = RoutingDataValidator.validate(data);
    if (report.hasErrors()) {
      throw RoutingDataPublishException.invalid(data, report);
    }
    try {
      return publishValid(data, report);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while publishing to " + storeDescription());
    } catch (Exception e) {
      throw ZooKeeperRoutingData.ioException("publishing to " + storeDescription(), e);
    }
  }

  private PublishResult publishValid(RoutingData data, ValidationReport report) throws Exception {
    long n = data.versionNumber();
    byte[] bundle = RoutingDataCodec.encode(data);
    ZkLayout.Manifest manifest = ZkLayout.Manifest.of(data, bundle.length);
    boolean partsWritten = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<ZkLayout.Manifest> existing = layout.manifest(client, n);
      if (existing.isPresent()) {
        return existingVersion(data, existing.get(), report);
      }
      Stat stat = new Stat();
      OptionalLong current = readCurrent(stat);
      if (current.isPresent() && current.getAsLong() >= n) {
        throw RoutingDataPublishException.notNewer(data, current.getAsLong(), storeDescription());
      }
      if (!partsWritten) {
        writeParts(data.digest(), bundle);
        partsWritten = true;
      }
      CuratorOp createVersion =
          client.transactionOp().create().forPath(layout.version(n), manifest.encode());
      byte[] pointer = Long.toString(n).getBytes(StandardCharsets.US_ASCII);
      CuratorOp movePointer =
          current.isPresent()
              ? client
                  .transactionOp()
                  .setData()
                  .withVersion(stat.getVersion())
                  .forPath(layout.current(), pointer)
              : client.transactionOp().create().forPath(layout.current(), pointer);
      try {
        client.transaction().forOperations(List.of(createVersion, movePointer));
        return PublishResult.of(PublishResult.Outcome.PUBLISHED, data, report);
      } catch (KeeperException.NodeExistsException | KeeperException.BadVersionException e) {
        // Someone else published meanwhile: this number (checked at the top of the next
        // attempt) or another one (the pointer moved; check again whether we are still newer).
      }
    }
    throw new IOException(
        "could not publish version "
            + n
            + " to "
            + storeDescription()
            + ": the current pointer kept moving ("
            + MAX_ATTEMPTS
            + " attempts)");
  }

  private PublishResult existingVersion(
      RoutingData data, ZkLayout.Manifest existing, ValidationReport report)
      throws RoutingDataPublishException {
    if (!existing.digest().equals(data.digest())) {
      throw RoutingDataPublishException.versionConflict(
          data, existing.digest(), storeDescription());
    }
    return PublishResult.of(PublishResult.Outcome.ALREADY_PUBLISHED, data, report);
  }

  private void writeParts(String digest, byte[] bundle) throws Exception {
    List<byte[]> parts = ZkLayout.split(bundle);
    for (int i = 0; i < parts.size(); i++) {
      try {
        client.create().creatingParentsIfNeeded().forPath(layout.part(digest, i), parts.get(i));
      } catch (KeeperException.NodeExistsException e) {
        // Content-addressed: an earlier or concurrent publish of the same content wrote it.
      }
    }
    try {
      client.create().creatingParentsIfNeeded().forPath(layout.versions());
    } catch (KeeperException.NodeExistsException e) {
      // there already
    }
  }

  private OptionalLong readCurrent(Stat stat) throws Exception {
    try {
      byte[] b = client.getData().storingStatIn(stat).forPath(layout.current());
      return OptionalLong.of(ZkLayout.parseCurrent(layout.current(), b));
    } catch (KeeperException.NoNodeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public OptionalLong currentVersion() throws IOException {
    try {
      return readCurrent(new Stat());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading " + storeDescription());
    } catch (Exception e) {
      throw ZooKeeperRoutingData.ioException("reading " + storeDescription(), e);
    }
  }

  @Override
  public Optional<RoutingData> read(long versionNumber) throws IOException {
    try {
      return layout.read(client, versionNumber, config);
    } catch (RoutingDataFormatException | RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading " + storeDescription());
    } catch (Exception e) {
      throw ZooKeeperRoutingData.ioException("reading " + storeDescription(), e);
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
