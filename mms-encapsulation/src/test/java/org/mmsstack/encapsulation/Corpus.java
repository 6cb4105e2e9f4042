package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared corpus of real PDUs, read in place (never copied: the files' licences differ from
 * ours). Tests skip when it is absent, unless MMSSTACK_REQUIRE_CORPUS=1 (as in CI).
 */
public final class Corpus {

  private Corpus() {}

  /** The corpus root; skips the calling test when it is absent (fails in CI). */
  public static Path root() {
    String prop = System.getProperty("mmsstack.corpus");
    Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared", "corpus");
    boolean present = Files.isDirectory(p.resolve("pdus"));
    if (!present && "1".equals(System.getenv("MMSSTACK_REQUIRE_CORPUS"))) {
      throw new IllegalStateException(
          "the shared corpus is required but absent at " + p.toAbsolutePath());
    }
    assumeTrue(
        present, "shared corpus not found at " + p.toAbsolutePath() + ": corpus tests skipped");
    return p;
  }

  /** Every regular file below a folder of the corpus, sorted. */
  public static List<Path> files(String folder) {
    Path dir = root().resolve(folder);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path relative to the corpus root, with forward slashes. */
  public static String name(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] read(String relative) {
    return read(root().resolve(relative));
  }
}
