package org.mmsstack.routing.data;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingFindingCodes;

/**
 * A {@link RoutingDataSource} that watches a directory written by {@link
 * DirectoryRoutingDataPublisher} (or by hand, following the same layout), the embedded default
 * that needs no other service. Layout:
 *
 * <pre>
 *   DIR/current                              the current version number, one line
 *   DIR/versions/00000000000000000042/       one directory per version, never changed once there
 *       routing.table  keys.txt  secrets.txt digest
 * </pre>
 *
 * A version directory is written under a temporary name and renamed into {@code versions/} whole;
 * {@code current} is replaced by an atomic rename. A reader therefore sees either the old version
 * or the whole new one. The source reads {@code current} when it starts, whenever the directory
 * changes (a {@link WatchService}), and every {@link RoutingDataSourceConfig#recheckInterval()}
 * in case an event was lost (network file systems deliver none). A version that does not decode
 * or does not match its {@code digest} is not installed ({@link
 * RoutingFindingCodes#VERSION_UNREADABLE}); an unreadable directory makes the source {@link
 * State#DISCONNECTED}, routing on its last version.
 *
 * <p>Thread-safe; one daemon thread watches. The source only reads the directory.
 */
@Provisional
public final class DirectoryRoutingDataSource extends AbstractRoutingDataSource {

  private final Path directory;
  private final Object checkLock = new Object();
  private volatile WatchService watcher;
  private volatile Thread thread;
  private long lastUnreadable = -1;

  private DirectoryRoutingDataSource(Path directory, RoutingDataSourceConfig config) {
    super(config);
    this.directory = directory;
  }

  /** Same as {@code open(directory, RoutingDataSourceConfig.DEFAULT)}. */
  public static DirectoryRoutingDataSource open(Path directory) {
    return open(directory, RoutingDataSourceConfig.DEFAULT);
  }

  /**
   * A source for {@code directory}, not started yet (call {@link #start()}). The directory need
   * not exist yet.
   */
  public static DirectoryRoutingDataSource open(Path directory, RoutingDataSourceConfig config) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(config, "config");
    return new DirectoryRoutingDataSource(directory.toAbsolutePath().normalize(), config);
  }

  /** The directory watched. */
  public Path directory() {
    return directory;
  }

  @Override
  public String storeDescription() {
    return "directory " + directory;
  }

  @Override
  protected void doStart() throws IOException {
    try {
      WatchService w = directory.getFileSystem().newWatchService();
      if (Files.isDirectory(directory)) {
        directory.register(
            w,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
      watcher = w;
    } catch (IOException | UnsupportedOperationException e) {
      watcher = null; // the periodic re-check alone
    }
    check();
    Thread t = new Thread(this::run, "routing-data " + directory.getFileName());
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  protected void doClose() {
    WatchService w = watcher;
    if (w != null) {
      try {
        w.close();
      } catch (IOException e) {
        // closing a watch service only releases resources
      }
    }
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  private void run() {
    long intervalMs = config().recheckInterval().toMillis();
    while (!isClosed()) {
      try {
        WatchService w = watcher;
        if (w == null) {
          Thread.sleep(intervalMs);
        } else {
          WatchKey key = w.poll(intervalMs, TimeUnit.MILLISECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
          }
        }
        check();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
    }
  }

  /**
   * Reads the directory's current version now and installs it if it is newer (what the watcher
   * thread does on every change). Useful after writing the directory by other means.
   */
  public void check() {
    synchronized (checkLock) {
      if (isClosed()) {
        return;
      }
      OptionalLong current;
      try {
        if (!Files.isDirectory(directory)) {
          disconnected("no such directory");
          return;
        }
        current = DirectoryLayout.readCurrent(directory);
      } catch (RoutingDataFormatException e) {
        connected();
        versionUnreadableAt(-1, e.getMessage());
        return;
      } catch (IOException e) {
        disconnected(e.toString());
        return;
      }
      connected();
      if (current.isEmpty()) {
        return;
      }
      long n = current.getAsLong();
      OptionalLong running = runningVersion();
      if (running.isPresent() && running.getAsLong() == n) {
        return;
      }
      if (n == lastUnreadable) {
        return; // reported once; published versions never change
      }
      try {
        Optional<RoutingData> data =
            DirectoryLayout.readVersion(directory, n, config().dataConfig());
        if (data.isEmpty()) {
          versionUnreadableAt(
              n, "current names version " + n + " but there is no such version directory");
          return;
        }
        offer(data.get());
      } catch (RoutingDataFormatException e) {
        versionUnreadableAt(n, e.getMessage());
      } catch (IOException e) {
        versionUnreadableAt(n, e.toString());
      }
    }
  }

  private void versionUnreadableAt(long n, String why) {
    if (versionUnreadable(n, why)) {
      lastUnreadable = n;
    }
  }
}
