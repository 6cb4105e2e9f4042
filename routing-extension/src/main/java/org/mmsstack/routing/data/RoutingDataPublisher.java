package org.mmsstack.routing.data;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.mmsstack.routing.Provisional;

/**
 * Publishes versions of {@link RoutingData} to a store that {@link RoutingDataSource}s watch.
 * Implementations: {@link DirectoryRoutingDataPublisher} and, in the {@code routing-zookeeper}
 * module, Apache ZooKeeper.
 *
 * <p>{@link #publish} first validates the version ({@link RoutingDataValidator}: an ERROR
 * refuses it), then writes it as one unit and moves the store's current pointer to it, so that a
 * node sees either the old version or the whole new one, never a part. A version number is used
 * once: publishing it again with the same content (the same {@link RoutingData#digest()})
 * succeeds without change ({@link PublishResult.Outcome#ALREADY_PUBLISHED}); with other content
 * it is refused ({@link RoutingDataPublishException.Reason#VERSION_CONFLICT}), as is a version
 * not newer than the current one. Of two publishers racing for one version number exactly one
 * wins; the other gets the typed exception.
 *
 * <p>Implementations are thread-safe.
 */
@Provisional
public interface RoutingDataPublisher extends AutoCloseable {

  /**
   * Validates {@code data} and publishes it as the store's current version.
   *
   * @throws RoutingDataPublishException if validation finds an ERROR, the version number is
   *     already used with other content, or it is not newer than the current version
   * @throws IOException if the store fails or cannot be reached
   */
  PublishResult publish(RoutingData data) throws IOException;

  /** The store's current version number, empty if nothing was published yet. */
  OptionalLong currentVersion() throws IOException;

  /**
   * Reads back a published version.
   *
   * @return empty if the store has no complete version with this number
   * @throws org.mmsstack.routing.RoutingDataFormatException if it has one but it does not decode
   *     or does not match its digest
   */
  Optional<RoutingData> read(long versionNumber) throws IOException;

  /** What the store is, for messages: {@code directory /srv/routing}, {@code zookeeper ...}. */
  String storeDescription();

  /** Releases the store's resources. Idempotent. */
  @Override
  void close() throws IOException;
}
