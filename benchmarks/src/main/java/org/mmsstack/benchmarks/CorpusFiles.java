package org.mmsstack.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Reads benchmark inputs from the shared corpus in place (never copied into the project). The
 * corpus is looked up at {@code -Dmmsstack.corpus=DIR}, else {@code ../shared/corpus} from the
 * working directory (the project root when run as the README shows).
 */
public final class CorpusFiles {

  private CorpusFiles() {}

  public static Path root() {
    String prop = System.getProperty("mmsstack.corpus");
    Path p = prop != null ? Paths.get(prop) : Paths.get("..", "shared", "corpus");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "corpus not found at "
              + p.toAbsolutePath()
              + "; run from the project root or pass -Dmmsstack.corpus=DIR");
    }
    return p;
  }

  public static byte[] read(String relative) {
    try {
      return Files.readAllBytes(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
