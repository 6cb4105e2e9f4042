package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code mms decode --hex} is byte-for-byte what it was when {@code hex-dump-digests.txt} was
 * recorded, on every PDU of the samples and of the corpus (pdus, malformed, wsp-push): the file
 * holds one SHA-256 per input of the exit status, standard output and standard error, with the
 * input's path replaced by its name so that the digests do not depend on where the corpus lies.
 * Only digests are stored, never corpus octets. To record them again after an intended change of
 * the output, run this test with {@code -Dmmsstack.recordHexDigests=<file>} and copy the file in.
 */
class HexDumpStabilityTest {

  private static final Path SAMPLES = Paths.get("..", "samples");

  @Test
  void hexDumpOfEverySampleAndCorpusPduIsUnchanged() throws IOException {
    Map<String, String> actual = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(SAMPLES)) {
      s.filter(p -> p.toString().endsWith(".mms"))
          .sorted()
          .forEach(p -> actual.put("samples/" + p.getFileName(), digest(p, "samples/")));
    }
    for (String folder : List.of("pdus", "malformed", "wsp-push")) {
      for (Path p : CorpusFiles.files(folder)) {
        String name = CorpusFiles.name(p);
        actual.put(name, digest(p, name));
      }
    }
    String record = System.getProperty("mmsstack.recordHexDigests");
    if (record != null) {
      List<String> lines = new ArrayList<>();
      actual.forEach((k, v) -> lines.add(v + "  " + k));
      Files.write(Paths.get(record), lines, StandardCharsets.UTF_8);
    }
    Map<String, String> expected = expected();
    assertFalse(expected.isEmpty(), "no recorded digests");
    assertEquals(expected.keySet(), actual.keySet(), "inputs differ from the recorded list");
    List<String> changed = new ArrayList<>();
    expected.forEach(
        (k, v) -> {
          if (!v.equals(actual.get(k))) {
            changed.add(k);
          }
        });
    assertEquals(List.of(), changed, "decode --hex output changed for these inputs");
  }

  private static Map<String, String> expected() throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    try (InputStream in = HexDumpStabilityTest.class.getResourceAsStream("hex-dump-digests.txt")) {
      if (in == null) {
        return m;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          int sp = line.indexOf("  ");
          m.put(line.substring(sp + 2), line.substring(0, sp));
        }
      }
    }
    return m;
  }

  private static String digest(Path file, String name) {
    Tool.Outcome o = Tool.run("decode", "--hex", file.toString()).assertNoStackTrace();
    String path = file.toString();
    String out = o.stdout().replace(path, name);
    String err = o.stderr().replace(path, name);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((o.status() + "\n").getBytes(StandardCharsets.UTF_8));
      md.update(out.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(err.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
