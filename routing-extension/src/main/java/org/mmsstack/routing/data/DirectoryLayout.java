package org.mmsstack.routing.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingDataFormatException.Format;
import org.mmsstack.routing.RoutingDataFormatException.Reason;

/** The on-disk layout shared by the directory source and publisher. */
final class DirectoryLayout {

  static final String CURRENT = "current";
  static final String VERSIONS = "versions";
  static final String TABLE = "routing.table";
  static final String KEYS = "keys.txt";
  static final String SECRETS = "secrets.txt";
  static final String DIGEST = "digest";
  static final String LOCK = ".publish.lock";
  static final String STAGING_PREFIX = ".staging-";

  private DirectoryLayout() {}

  /** {@code versions/00000000000000000042}: fixed width so that names sort by number. */
  static Path versionDir(Path root, long number) {
    return root.resolve(VERSIONS).resolve(String.format("%020d", number));
  }

  /** The number in {@code current}, empty if there is no such file. */
  static OptionalLong readCurrent(Path root) throws IOException {
    byte[] b;
    try {
      b = Files.readAllBytes(root.resolve(CURRENT));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
    String s = new String(b, StandardCharsets.US_ASCII).trim();
    try {
      long v = Long.parseLong(s);
      if (v < 0) {
        throw new NumberFormatException("negative");
      }
      return OptionalLong.of(v);
    } catch (NumberFormatException e) {
      throw RoutingDataFormatException.of(
          Format.ROUTING_DATA,
          List.of(
              RoutingDataFormatException.finding(
                  Reason.INVALID_VERSION_NUMBER,
                  1,
                  1,
                  "the current pointer "
                      + root.resolve(CURRENT)
                      + " does not hold a version number")),
          0);
    }
  }

  /**
   * The complete version {@code number}, empty if its directory does not exist. Every file is
   * decoded and the content is checked against the version's digest file.
   */
  static Optional<RoutingData> readVersion(Path root, long number, RoutingDataConfig config)
      throws IOException {
    Path dir = versionDir(root, number);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    String stated =
        new String(Files.readAllBytes(dir.resolve(DIGEST)), StandardCharsets.US_ASCII).trim();
    RoutingData data =
        RoutingDataCodec.read(dir.resolve(TABLE), dir.resolve(KEYS), dir.resolve(SECRETS), config);
    if (!data.digest().equals(stated)) {
      throw RoutingDataFormatException.of(
          Format.ROUTING_DATA,
          List.of(
              RoutingDataFormatException.finding(
                  Reason.DIGEST_MISMATCH,
                  1,
                  1,
                  dir + " states digest " + stated + " but its files have " + data.digest())),
          0);
    }
    if (data.versionNumber() != number) {
      throw RoutingDataFormatException.of(
          Format.ROUTING_DATA,
          List.of(
              RoutingDataFormatException.finding(
                  Reason.INVALID_VERSION_NUMBER,
                  1,
                  1,
                  dir + " holds a table of version " + data.versionNumber())),
          0);
    }
    return Optional.of(data);
  }
}
