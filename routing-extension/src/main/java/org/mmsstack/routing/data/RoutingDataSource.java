package org.mmsstack.routing.data;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.table.RoutingTables;

/**
 * Where a Relay/Server gets its routing data: a store that holds versions of {@link RoutingData}
 * and a pointer to the current one, watched so that every node installs a new version as soon
 * as it is published. Implementations: {@link DirectoryRoutingDataSource} (a watched directory,
 * embedded) and, in the {@code routing-zookeeper} module, Apache ZooKeeper.
 *
 * <p>A source installs a version only whole (table, key ring and secrets of one version
 * together, checked against the version's digest), and only a version newer than the one it
 * runs. The table goes into {@link #tables()}, which keeps the previous version live for the
 * cut-over (messages decided with it still route by it). When the store cannot be reached the
 * node keeps routing on the version it runs, its {@link #status()} says so ({@link
 * State#DISCONNECTED}) and a {@link org.mmsstack.routing.RoutingFindingCodes#SOURCE_DISCONNECTED}
 * finding is reported; on reconnection it reads the current version again.
 *
 * <p>Implementations are thread-safe: the routing path reads {@link #current()} or {@link
 * #tables()} (volatile reads, no locks) while a background thread watches the store. Listeners
 * are called on the source's thread, in the order things happened; what {@link #start()} reads
 * first is heard before {@code start()} returns (on the calling thread or on the source's thread
 * while the caller waits, depending on the store). So a listener must not block for long, and
 * must not wait for a lock that the caller of {@code start()} may hold: that deadlocks on the
 * first version. Hand such work to an executor.
 */
@Provisional
public interface RoutingDataSource extends AutoCloseable {

  /** Where a source stands with its store. */
  enum State {
    /** Created, {@link #start()} not called yet. */
    NEW,
    /** Started; no version installed yet (the store has none, or it is not reachable yet). */
    STARTING,
    /** In touch with the store and running its current version (or it has none yet). */
    CONNECTED,
    /**
     * The store cannot be reached (session lost, directory unreadable): routing continues on
     * the last version installed, if any; the source retries and resynchronises.
     */
    DISCONNECTED,
    /** Closed; the last version stays readable. */
    CLOSED
  }

  /** Receives what a source does. Methods have empty defaults; override what you need. */
  interface Listener {
    /**
     * A version was installed and is now {@link #current()}.
     *
     * @param previous the version it replaced, empty for the first one
     * @param current the new version
     */
    default void versionInstalled(Optional<RoutingData> previous, RoutingData current) {}

    /** The source's status changed (its state, or the version it runs). */
    default void statusChanged(RoutingDataSourceStatus before, RoutingDataSourceStatus after) {}

    /**
     * Something worth logging happened: a codes of {@link
     * org.mmsstack.routing.RoutingFindingCodes} (disconnected, reconnected, a version that could
     * not be read or is not newer, a version installed).
     */
    default void finding(Finding finding) {}
  }

  /**
   * Starts watching the store and reads its current version, if it has one, before returning
   * (so a reachable store with a version gives a running source). Calling it again does nothing.
   * The listeners hear of that first version before this call returns.
   *
   * @throws IOException if the store cannot be set up at all (not for a store that is merely
   *     unreachable: that is the {@link State#DISCONNECTED} state)
   * @throws IllegalStateException if the source is closed
   */
  void start() throws IOException;

  /**
   * Waits until the source runs version {@code minimumVersion} or a newer one and its listeners
   * have heard of it.
   *
   * @return the version it runs then
   * @throws TimeoutException if it does not within {@code timeout}
   * @throws InterruptedException if interrupted while waiting
   */
  RoutingData awaitVersion(long minimumVersion, Duration timeout)
      throws TimeoutException, InterruptedException;

  /** The version this node runs, empty until the first one is installed. */
  Optional<RoutingData> current();

  /** The version installed before {@link #current()}, kept live for the cut-over. */
  Optional<RoutingData> previous();

  /** The live version with number {@code versionNumber}: the current or the previous one. */
  Optional<RoutingData> find(long versionNumber);

  /** The number of the version this node runs. */
  OptionalLong runningVersion();

  /**
   * The live routing tables the source swaps on every new version (the previous one kept live
   * as {@link RoutingTables} does), empty until the first version is installed; the same
   * instance from then on.
   */
  Optional<RoutingTables> tables();

  /** Where the source stands. */
  default State state() {
    return status().state();
  }

  /** Where the source stands, the version it runs and the last problem. */
  RoutingDataSourceStatus status();

  /** The most recent findings, oldest first (bounded; see {@link RoutingDataSourceConfig}). */
  List<Finding> findings();

  /** What the store is, for logs and summaries: {@code directory /srv/routing}, {@code zookeeper 3.9.5 ...}. */
  String storeDescription();

  /** Adds a listener; it hears of what happens after this call. */
  void addListener(Listener listener);

  /** Removes a listener; returns whether it was registered. */
  boolean removeListener(Listener listener);

  /**
   * Stops watching and releases the store's resources (threads, sessions). The last version
   * stays readable. Idempotent.
   */
  @Override
  void close();
}
