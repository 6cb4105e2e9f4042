package org.mmsstack.routing.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.table.RoutingTableCodec;

/**
 * Publishes {@link RoutingData} into a directory that {@link DirectoryRoutingDataSource}s watch
 * (see there for the layout). A version is written into a staging directory next to {@code
 * versions/}, each file forced to disk, then renamed to {@code versions/<number>} in one atomic
 * rename (which fails if that number exists: the version number's compare-and-set), then {@code
 * current} is replaced by an atomic rename. A crash leaves at most a staging directory or a
 * version that {@code current} does not name, neither of which a node reads.
 *
 * <p>Publishers on one host serialise on a lock file ({@code .publish.lock}), so the current
 * pointer only moves forward; publishers on several hosts sharing a network file system should
 * use a store made for it (ZooKeeper). Thread-safe. The directory must be on a file system that
 * supports atomic renames (any local one).
 */
@Provisional
public final class DirectoryRoutingDataPublisher implements RoutingDataPublisher {

  private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path directory;
  private final RoutingDataConfig config;

  private DirectoryRoutingDataPublisher(Path directory, RoutingDataConfig config) {
    this.directory = directory;
    this.config = config;
  }

  /** Same as {@code open(directory, RoutingDataConfig.DEFAULT)}. */
  public static DirectoryRoutingDataPublisher open(Path directory) throws IOException {
    return open(directory, RoutingDataConfig.DEFAULT);
  }

  /**
   * A publisher into {@code directory}, created if needed; {@code config} bounds the versions
   * read back.
   *
   * @throws IOException if the directory cannot be created
   */
  public static DirectoryRoutingDataPublisher open(Path directory, RoutingDataConfig config)
      throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(config, "config");
    Path dir = directory.toAbsolutePath().normalize();
    Files.createDirectories(dir.resolve(DirectoryLayout.VERSIONS));
    return new DirectoryRoutingDataPublisher(dir, config);
  }

  /** The directory published into. */
  public Path directory() {
    return directory;
  }

  @Override
  public String storeDescription() {
    return "directory " + directory;
  }

  @Override
  public PublishResult publish(RoutingData data) throws IOException {
    ValidationReport report = RoutingDataValidator.validate(data);
    if (report.hasErrors()) {
      throw RoutingDataPublishException.invalid(data, report);
    }
    // FileLock excludes other processes; within one process the lock is per directory here, as
    // the JVM refuses overlapping file locks.
    Object jvmLock = JVM_LOCKS.computeIfAbsent(directory, d -> new Object());
    synchronized (jvmLock) {
      try (FileChannel lockChannel =
          FileChannel.open(
              directory.resolve(DirectoryLayout.LOCK),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        FileLock lock = lockChannel.lock();
        try {
          return publishLocked(data, report);
        } finally {
          lock.release();
        }
      }
    }
  }

  private PublishResult publishLocked(RoutingData data, ValidationReport report)
      throws IOException {
    long n = data.versionNumber();
    Optional<String> existing = existingDigest(n);
    OptionalLong current = DirectoryLayout.readCurrent(directory);
    if (existing.isPresent()) {
      if (!existing.get().equals(data.digest())) {
        throw RoutingDataPublishException.versionConflict(data, existing.get(), storeDescription());
      }
      if (current.isPresent() && current.getAsLong() >= n) {
        return PublishResult.of(PublishResult.Outcome.ALREADY_PUBLISHED, data, report);
      }
      // Written before but never made current (a publisher stopped in between): finish it.
      writeCurrent(n);
      return PublishResult.of(PublishResult.Outcome.PUBLISHED, data, report);
    }
    if (current.isPresent() && current.getAsLong() >= n) {
      throw RoutingDataPublishException.notNewer(data, current.getAsLong(), storeDescription());
    }
    Path staging = directory.resolve(DirectoryLayout.STAGING_PREFIX + UUID.randomUUID());
    Files.createDirectory(staging);
    try {
      write(staging.resolve(DirectoryLayout.TABLE), RoutingTableCodec.encode(data.table()));
      write(staging.resolve(DirectoryLayout.KEYS), KeyRingCodec.encode(data.keyRing()));
      write(staging.resolve(DirectoryLayout.SECRETS), MessageIdSecretsCodec.encode(data.secrets()));
      write(
          staging.resolve(DirectoryLayout.DIGEST),
          (data.digest() + "\n").getBytes(StandardCharsets.US_ASCII));
      Path target = DirectoryLayout.versionDir(directory, n);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            storeDescription() + " does not support atomic renames: " + e.getMessage(), e);
      } catch (FileSystemException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
        // Another host's publisher took the number between our check and the rename (rename
        // refuses to replace a directory that is not empty).
        String other = existingDigest(n).orElse("unknown content");
        if (other.equals(data.digest())) {
          return PublishResult.of(PublishResult.Outcome.ALREADY_PUBLISHED, data, report);
        }
        throw RoutingDataPublishException.versionConflict(data, other, storeDescription());
      }
    } finally {
      deleteTree(staging);
    }
    writeCurrent(n);
    return PublishResult.of(PublishResult.Outcome.PUBLISHED, data, report);
  }

  @Override
  public OptionalLong currentVersion() throws IOException {
    return DirectoryLayout.readCurrent(directory);
  }

  @Override
  public Optional<RoutingData> read(long versionNumber) throws IOException {
    return DirectoryLayout.readVersion(directory, versionNumber, config);
  }

  @Override
  public void close() {
    // nothing held between calls
  }

  /** The digest the store has for version {@code n}, empty if it has no such version. */
  private Optional<String> existingDigest(long n) throws IOException {
    Path dir = DirectoryLayout.versionDir(directory, n);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new String(
                  Files.readAllBytes(dir.resolve(DirectoryLayout.DIGEST)),
                  StandardCharsets.US_ASCII)
              .trim());
    } catch (IOException e) {
      throw new IOException(
          dir + " exists but has no readable digest file (written by hand?): " + e, e);
    }
  }

  private void writeCurrent(long n) throws IOException {
    Path tmp = directory.resolve(DirectoryLayout.STAGING_PREFIX + UUID.randomUUID() + ".current");
    try {
      write(tmp, (n + "\n").getBytes(StandardCharsets.US_ASCII));
      Files.move(
          tmp,
          directory.resolve(DirectoryLayout.CURRENT),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void write(Path file, byte[] content) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(content);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
