package org.mmsstack.encapsulation.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Corpus;

/**
 * Validates every corpus file under {@code pdus/} and {@code malformed/} and compares the
 * findings (counts by code per file) with {@code src/test/resources/validate/corpus-findings.txt}.
 *
 * <p>After a deliberate change to the rules, regenerate the summary and review its diff:
 * {@code mvn -pl mms-encapsulation test -Dtest=ValidatorCorpusTest -Dmmsstack.regenerate=true}.
 */
class ValidatorCorpusTest {

  private static final String RESOURCE = "/validate/corpus-findings.txt";
  private static final Path SOURCE =
      Paths.get("src", "test", "resources", "validate", "corpus-findings.txt");

  @Test
  void corpusFindingsMatchTheGoldenSummary() throws IOException {
    String actual = summary();
    if (Boolean.getBoolean("mmsstack.regenerate")) {
      Files.createDirectories(SOURCE.getParent());
      Files.writeString(SOURCE, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected;
    try (InputStream in = ValidatorCorpusTest.class.getResourceAsStream(RESOURCE)) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(
        expected,
        actual,
        "validator findings on the corpus changed; if intended, regenerate "
            + RESOURCE
            + " with -Dmmsstack.regenerate=true and review the diff");
  }

  /** One line per file: its corpus path, a tab, then code=count pairs (or "-" when clean). */
  static String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Validator findings per corpus file: path<TAB>code=count ... (\"-\": none).\n");
    sb.append(
        "# Regenerate: mvn -pl mms-encapsulation test -Dtest=ValidatorCorpusTest -Dmmsstack.regenerate=true\n");
    for (String folder : List.of("pdus", "malformed")) {
      for (Path p : Corpus.files(folder)) {
        Map<String, Integer> counts = PduValidator.validate(Corpus.read(p)).countsByCode();
        sb.append(Corpus.name(p)).append('\t');
        sb.append(
            counts.isEmpty()
                ? "-"
                : counts.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
