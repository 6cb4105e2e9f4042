package org.mmsstack.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableCodec;

/**
 * Routing data published in a directory and watched by every lab node: one subdirectory per
 * version ({@code v<N>/routing.table}, {@code v<N>/keys.txt}, {@code v<N>/message-id-secrets},
 * one hex secret a line), and a {@code CURRENT} file naming the version, replaced atomically
 * after the version's files are complete. A reader therefore never sees half a version.
 *
 * <p>A {@link Watch} polls {@code CURRENT}; a version that cannot be read is reported to its
 * error handler and the watcher keeps the version it has (a node keeps routing on its last good
 * data). Thread-safe; a watch runs one daemon thread.
 */
public final class RoutingDirectory {

  static final String CURRENT = "CURRENT";
  static final String TABLE = "routing.table";
  static final String KEYS = "keys.txt";
  static final String SECRETS = "message-id-secrets";

  private final Path dir;

  private RoutingDirectory(Path dir) {
    this.dir = dir;
  }

  /** The store in {@code dir} (created on the first publish). */
  public static RoutingDirectory at(Path dir) {
    return new RoutingDirectory(Objects.requireNonNull(dir, "dir"));
  }

  public Path path() {
    return dir;
  }

  /**
   * Publishes a version: writes its files, then switches {@code CURRENT} to it atomically.
   *
   * @throws IOException when the files cannot be written, or the version exists with other
   *     content
   */
  public synchronized void publish(RoutingSnapshot data) throws IOException {
    Path v = dir.resolve("v" + data.version());
    byte[] table = RoutingTableCodec.encode(data.table());
    byte[] keys = KeyRingCodec.encode(data.keyRing());
    StringBuilder secrets = new StringBuilder();
    for (byte[] s : data.secrets()) {
      secrets.append(HexFormat.of().formatHex(s)).append('\n');
    }
    byte[] sec = secrets.toString().getBytes(StandardCharsets.US_ASCII);
    if (Files.isDirectory(v)) {
      if (!sameContent(v.resolve(TABLE), table)
          || !sameContent(v.resolve(KEYS), keys)
          || !sameContent(v.resolve(SECRETS), sec)) {
        throw new IOException(
            "version " + data.version() + " is already published in " + v + " with other content");
      }
    } else {
      Files.createDirectories(dir);
      Path tmp = Files.createTempDirectory(dir, ".v" + data.version() + "-");
      Files.write(tmp.resolve(TABLE), table);
      Files.write(tmp.resolve(KEYS), keys);
      Files.write(tmp.resolve(SECRETS), sec);
      move(tmp, v);
    }
    Path cur = Files.createTempFile(dir, ".current-", ".tmp");
    Files.writeString(cur, Long.toString(data.version()) + "\n", StandardCharsets.US_ASCII);
    move(cur, dir.resolve(CURRENT));
  }

  private static boolean sameContent(Path p, byte[] content) throws IOException {
    return Files.isRegularFile(p) && java.util.Arrays.equals(Files.readAllBytes(p), content);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Reads the current version.
   *
   * @throws IOException when nothing is published yet, or a file is unreadable or malformed
   *     (the routing data decoders' {@code RoutingDataFormatException} with line and column)
   */
  public RoutingSnapshot read() throws IOException {
    String text;
    try {
      text = Files.readString(dir.resolve(CURRENT), StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      throw new IOException("no routing data published in " + dir + " (no " + CURRENT + ")", e);
    }
    if (!text.matches("[0-9]{1,18}")) {
      throw new IOException(dir.resolve(CURRENT) + " does not name a version: \"" + text + "\"");
    }
    Path v = dir.resolve("v" + text);
    RoutingTable table = RoutingTableCodec.decode(v.resolve(TABLE));
    KeyRing ring = KeyRingCodec.decode(v.resolve(KEYS));
    List<byte[]> secrets = new ArrayList<>();
    int line = 0;
    for (String s : Files.readAllLines(v.resolve(SECRETS), StandardCharsets.US_ASCII)) {
      line++;
      if (s.isBlank()) {
        continue;
      }
      try {
        secrets.add(HexFormat.of().parseHex(s.trim()));
      } catch (IllegalArgumentException e) {
        throw new IOException(v.resolve(SECRETS) + ":" + line + ": not a hex secret", e);
      }
    }
    if (secrets.isEmpty()) {
      throw new IOException(v.resolve(SECRETS) + ": no secret");
    }
    if (table.version().number() != Long.parseLong(text)) {
      throw new IOException(
          v.resolve(TABLE) + " holds version " + table.version().number() + ", not " + text);
    }
    return RoutingSnapshot.of(table, ring, secrets);
  }

  /**
   * Watches the directory: {@code onVersion} gets the current version at once (if one is
   * published) and each later one; {@code onError} gets versions that cannot be read.
   */
  public Watch watch(
      String name, Consumer<RoutingSnapshot> onVersion, Consumer<IOException> onError) {
    Watch w = new Watch(name, onVersion, onError);
    w.thread.start();
    return w;
  }

  /** A running watch; {@link #close()} stops it. */
  public final class Watch implements AutoCloseable {
    private static final long POLL_MS = 25;
    private final Thread thread;
    private final AtomicReference<String> seen = new AtomicReference<>("");
    private volatile boolean closed;

    private Watch(String name, Consumer<RoutingSnapshot> onVersion, Consumer<IOException> onError) {
      thread =
          new Thread(
              () -> {
                while (!closed) {
                  poll(onVersion, onError);
                  try {
                    Thread.sleep(POLL_MS);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "routing-watch-" + name);
      thread.setDaemon(true);
    }

    private void poll(Consumer<RoutingSnapshot> onVersion, Consumer<IOException> onError) {
      String cur;
      try {
        cur = Files.readString(dir.resolve(CURRENT), StandardCharsets.US_ASCII).trim();
      } catch (IOException e) {
        return; // nothing published yet
      }
      if (cur.equals(seen.get())) {
        return;
      }
      try {
        RoutingSnapshot data = read();
        seen.set(Long.toString(data.version()));
        onVersion.accept(data);
      } catch (IOException e) {
        seen.set(cur);
        onError.accept(e);
      }
    }

    @Override
    public void close() {
      closed = true;
      thread.interrupt();
    }
  }
}
