package org.mmsstack.cli;

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
 * The shared corpus, read in place (never copied: its licences differ from ours). Tests skip
 * when it is absent, unless MMSSTACK_REQUIRE_CORPUS=1.
 */
final class CorpusFiles {

  private CorpusFiles() {}

  static Path root() {
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
  static List<Path> files(String folder) {
    try (Stream<Path> s = Files.walk(root().resolve(folder))) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }
}
