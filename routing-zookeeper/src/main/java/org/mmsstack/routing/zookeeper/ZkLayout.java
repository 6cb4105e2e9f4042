package org.mmsstack.routing.zookeeper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingDataFormatException.Format;
import org.mmsstack.routing.RoutingDataFormatException.Reason;
import org.mmsstack.routing.data.RoutingData;
import org.mmsstack.routing.data.RoutingDataCodec;

/**
 * The znodes under the root, shared by source and publisher:
 *
 * <pre>
 *   ROOT/current                       data: the current version number (ASCII decimal)
 *   ROOT/versions/00000000000000000042 data: the manifest (digest, bundle size, part count)
 *   ROOT/blobs/&lt;digest hex&gt;/part-00000  the bundle (RoutingDataCodec), in parts of 512 KiB
 * </pre>
 *
 * Blob parts are content-addressed and written first; they mean nothing until a version node
 * names their digest. The version node and the current pointer are written in one transaction.
 */
final class ZkLayout {

  static final int PART_SIZE = 512 * 1024;
  static final String MANIFEST_HEADER = "mms-routing-zookeeper 1";

  private final String root;

  ZkLayout(String root) {
    this.root = root;
  }

  static String checkRoot(String root) {
    if (root == null
        || !root.startsWith("/")
        || root.length() < 2
        || root.endsWith("/")
        || root.contains("//")) {
      throw new IllegalArgumentException(
          "root: " + root + " (expected: an absolute ZooKeeper path such as /mmsstack/routing)");
    }
    return root;
  }

  String root() {
    return root;
  }

  String current() {
    return root + "/current";
  }

  String versions() {
    return root + "/versions";
  }

  String version(long n) {
    return versions() + "/" + String.format("%020d", n);
  }

  String blob(String digest) {
    return root + "/blobs/" + digest.substring(digest.indexOf(':') + 1);
  }

  String part(String digest, int i) {
    return blob(digest) + "/" + String.format("part-%05d", i);
  }

  /** The manifest of a version node. */
  record Manifest(long version, String digest, int size, int parts) {

    byte[] encode() {
      return (MANIFEST_HEADER
              + "\nversion "
              + version
              + "\ndigest "
              + digest
              + "\nsize "
              + size
              + "\nparts "
              + parts
              + "\n")
          .getBytes(StandardCharsets.US_ASCII);
    }

    static Manifest of(RoutingData data, int size) {
      return new Manifest(
          data.versionNumber(), data.digest(), size, (size + PART_SIZE - 1) / PART_SIZE);
    }
  }

  static Manifest parseManifest(String path, byte[] b) throws RoutingDataFormatException {
    String[] lines = new String(b, StandardCharsets.US_ASCII).split("\n", -1);
    try {
      if (lines.length != 6 || !lines[0].equals(MANIFEST_HEADER) || !lines[5].isEmpty()) {
        throw new IllegalArgumentException("expected 5 lines starting with " + MANIFEST_HEADER);
      }
      long version = Long.parseLong(field(lines[1], "version"));
      String digest = field(lines[2], "digest");
      if (!digest.matches("sha256:[0-9a-f]{64}")) {
        throw new IllegalArgumentException("bad digest " + digest);
      }
      int size = Integer.parseInt(field(lines[3], "size"));
      int parts = Integer.parseInt(field(lines[4], "parts"));
      if (size < 0 || parts != (size + PART_SIZE - 1) / PART_SIZE) {
        throw new IllegalArgumentException("size " + size + " does not fit " + parts + " parts");
      }
      return new Manifest(version, digest, size, parts);
    } catch (IllegalArgumentException e) {
      throw RoutingDataFormatException.of(
          Format.ROUTING_DATA,
          List.of(
              RoutingDataFormatException.finding(
                  Reason.MISSING_FIELD,
                  1,
                  1,
                  "malformed manifest in " + path + ": " + e.getMessage())),
          0);
    }
  }

  private static String field(String line, String name) {
    if (!line.startsWith(name + " ")) {
      throw new IllegalArgumentException("expected \"" + name + " ...\", found \"" + line + "\"");
    }
    return line.substring(name.length() + 1);
  }

  /** The parts of a bundle. */
  static List<byte[]> split(byte[] bundle) {
    List<byte[]> parts = new ArrayList<>();
    for (int off = 0; off < bundle.length; off += PART_SIZE) {
      parts.add(
          java.util.Arrays.copyOfRange(bundle, off, Math.min(bundle.length, off + PART_SIZE)));
    }
    return parts;
  }

  /** The manifest of version {@code n}, empty if there is no version node. */
  Optional<Manifest> manifest(CuratorFramework client, long n) throws Exception {
    try {
      return Optional.of(parseManifest(version(n), client.getData().forPath(version(n))));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    }
  }

  /**
   * Version {@code n} read whole and checked against its manifest's digest; empty if there is no
   * version node.
   *
   * @throws RoutingDataFormatException if the node, a part or the bundle is malformed, a part is
   *     missing, or the content does not match the digest
   */
  Optional<RoutingData> read(CuratorFramework client, long n, RoutingDataConfig config)
      throws Exception {
    Optional<Manifest> m = manifest(client, n);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    Manifest manifest = m.get();
    long limit = maxBundleSize(config);
    if (manifest.size() > limit) {
      throw problem(
          Reason.FILE_TOO_LARGE,
          "version "
              + n
              + " is a bundle of "
              + manifest.size()
              + " bytes, more than RoutingDataConfig.maxEntries lines of maxLineLength bytes ("
              + limit
              + ")");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(manifest.size());
    for (int i = 0; i < manifest.parts(); i++) {
      byte[] part;
      try {
        part = client.getData().forPath(part(manifest.digest(), i));
      } catch (KeeperException.NoNodeException e) {
        throw problem(
            Reason.MISSING_FIELD,
            "version " + n + " lacks part " + i + " of " + manifest.parts() + " of its bundle");
      }
      if (out.size() + part.length > manifest.size()) {
        throw problem(
            Reason.UNEXPECTED_FIELD, "version " + n + " has more bytes than its manifest says");
      }
      out.writeBytes(part);
    }
    if (out.size() != manifest.size()) {
      throw problem(
          Reason.MISSING_FIELD,
          "version "
              + n
              + " has "
              + out.size()
              + " of the "
              + manifest.size()
              + " bytes of its bundle");
    }
    RoutingData data = RoutingDataCodec.decode(out.toByteArray(), config);
    if (!data.digest().equals(manifest.digest()) || data.versionNumber() != n) {
      throw problem(
          Reason.DIGEST_MISMATCH,
          "version node "
              + n
              + " names "
              + manifest.digest()
              + " but its bundle is version "
              + data.versionNumber()
              + " with "
              + data.digest());
    }
    return Optional.of(data);
  }

  static long maxBundleSize(RoutingDataConfig config) {
    long lines = (long) config.maxEntries() + config.maxKeys() + 1024L;
    return Math.min(Integer.MAX_VALUE - 8L, lines * config.maxLineLength());
  }

  static RoutingDataFormatException problem(Reason reason, String message) {
    return RoutingDataFormatException.of(
        Format.ROUTING_DATA, List.of(RoutingDataFormatException.finding(reason, 1, 1, message)), 0);
  }

  static long parseCurrent(String path, byte[] b) throws RoutingDataFormatException {
    String s = new String(b, StandardCharsets.US_ASCII).trim();
    try {
      long v = Long.parseLong(s);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw problem(Reason.INVALID_VERSION_NUMBER, path + " does not hold a version number");
  }
}
