package org.mmsstack.encapsulation.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Corpus;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;

/**
 * Every code a PDU finding can have is a constant of {@link FindingCodes}, listed in the package
 * documentation's tables: the codes of lenient decoding as well as the validator's.
 */
class FindingCodesTest {

  private static final Path MAIN =
      Paths.get("src", "main", "java", "org", "mmsstack", "encapsulation");

  /** The constants of {@link FindingCodes} by value. */
  private static Map<String, String> constants() throws IllegalAccessException {
    Map<String, String> byValue = new TreeMap<>();
    for (Field f : FindingCodes.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (!Modifier.isStatic(m)) {
        continue;
      }
      assertTrue(Modifier.isPublic(m) && Modifier.isFinal(m), f::toString);
      assertEquals(String.class, f.getType(), f::toString);
      String v = (String) f.get(null);
      assertEquals(null, byValue.put(v, f.getName()), () -> "two constants hold " + v);
    }
    return byValue;
  }

  /** Whether {@code code} is a code a PDU finding may have. */
  private static boolean known(Set<String> constants, String code) {
    if (code.startsWith(FindingCodes.UNDECODABLE_PREFIX)) {
      return PduFormatException.Reason.fromCode(
              code.substring(FindingCodes.UNDECODABLE_PREFIX.length()))
          .isPresent();
    }
    return constants.contains(code) && !code.equals(FindingCodes.UNDECODABLE_PREFIX);
  }

  @Test
  void constantsAreKebabCaseAndNamedAfterTheirCode() throws Exception {
    Map<String, String> byValue = constants();
    assertTrue(byValue.size() > 30, byValue::toString);
    for (Map.Entry<String, String> e : byValue.entrySet()) {
      if (e.getKey().equals(FindingCodes.UNDECODABLE_PREFIX)) {
        assertEquals("UNDECODABLE_PREFIX", e.getValue());
        assertTrue(e.getKey().matches("[a-z]+-"), e::getKey);
        continue;
      }
      assertTrue(e.getKey().matches("[a-z]+(-[a-z]+)*"), e::getKey);
      assertEquals(e.getKey().toUpperCase(java.util.Locale.ROOT).replace('-', '_'), e.getValue());
    }
  }

  /** The package documentation's two tables list exactly the constants. */
  @Test
  void packageDocumentationListsEveryCodeOnce() throws Exception {
    String doc =
        Files.readString(MAIN.resolve("validate/package-info.java"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<tr><td>\\{@code ([^}]+)\\}</td>").matcher(doc);
    Set<String> validatorTable = new TreeSet<>();
    Set<String> decodingTable = new TreeSet<>();
    int split = doc.indexOf("Codes passed through from decoding");
    assertTrue(split > 0);
    while (m.find()) {
      String code =
          m.group(1).equals("undecodable-<reason>") ? FindingCodes.UNDECODABLE_PREFIX : m.group(1);
      Set<String> table = m.start() < split ? validatorTable : decodingTable;
      assertTrue(table.add(code), () -> code + " twice in one table");
    }
    Set<String> listed = new TreeSet<>(validatorTable);
    listed.addAll(decodingTable);
    assertEquals(constants().keySet(), listed);
    // Only unknown-header is both a decoding and a validator code.
    Set<String> both = new TreeSet<>(validatorTable);
    both.retainAll(decodingTable);
    assertEquals(Set.of(FindingCodes.UNKNOWN_HEADER), both);
  }

  /**
   * The decoder names each code by its constant: every {@code report(Severity..., code, ...)} call
   * of the decoder's sources holds a {@code FindingCodes.} constant, and no source but {@link
   * FindingCodes} spells a code as a literal.
   */
  @Test
  void decoderSourcesNameCodesByTheirConstants() throws Exception {
    Set<String> values = constants().keySet();
    List<Path> sources;
    try (Stream<Path> s = Files.walk(MAIN)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    assertTrue(sources.size() > 50, sources::toString);
    int reportCalls = 0;
    List<String> problems = new ArrayList<>();
    for (Path p : sources) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      String name = MAIN.relativize(p).toString().replace('\\', '/');
      if (!name.equals("validate/FindingCodes.java")) {
        for (String v : values) {
          if (text.contains("\"" + v + "\"")) {
            problems.add(name + ": the literal \"" + v + "\"");
          }
        }
      }
      if (name.startsWith("validate/") || name.equals("internal/wire/Findings.java")) {
        continue; // the validator uses the constants, the collector passes codes on
      }
      for (String call : calls(text, ".report(")) {
        if (call.strip().startsWith("Severity.")) {
          reportCalls++;
          if (!call.contains("FindingCodes.")) {
            problems.add(name + ": report(" + call.strip() + ")");
          }
        }
      }
      for (String factory : List.of("Finding.of(", "Finding.lazy(", "Finding.ofLine(")) {
        for (String call : calls(text, factory)) {
          if (!call.contains("FindingCodes.")) {
            problems.add(name + ": " + factory + call.strip() + ")");
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(reportCalls >= 19, "report calls found: " + reportCalls);
  }

  /** The argument text of every call {@code opening...)} in {@code text}. */
  private static List<String> calls(String text, String opening) {
    List<String> out = new ArrayList<>();
    int i = text.indexOf(opening);
    while (i >= 0) {
      int start = i + opening.length();
      int depth = 1;
      int j = start;
      boolean inString = false;
      while (j < text.length() && depth > 0) {
        char c = text.charAt(j);
        if (inString) {
          if (c == '\\') {
            j++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        j++;
      }
      out.add(text.substring(start, j - 1));
      i = text.indexOf(opening, j);
    }
    return out;
  }

  /**
   * What decoding and validation report on every corpus PDU, and on mutations of each, has a
   * code of {@link FindingCodes} (or {@code undecodable-} and a reason's code).
   */
  @Test
  void everyCodeFoundInTheCorpusIsAConstant() throws Exception {
    Set<String> values = constants().keySet();
    Set<String> seen = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    Random random = new Random(20261204L);
    int inputs = 0;
    for (String folder : List.of("pdus", "malformed")) {
      for (Path p : Corpus.files(folder)) {
        byte[] original = Corpus.read(p);
        List<byte[]> variants = new ArrayList<>();
        variants.add(original);
        for (int k = 0; k < 48 && original.length > 0; k++) {
          byte[] v = original.clone();
          int at = random.nextInt(v.length);
          switch (k % 3) {
            case 0 -> v[at] = (byte) random.nextInt(256);
            case 1 -> v = java.util.Arrays.copyOf(v, at);
            default -> v[at] ^= (byte) (1 << random.nextInt(8));
          }
          variants.add(v);
        }
        for (byte[] v : variants) {
          inputs++;
          List<Finding> findings = new ArrayList<>(PduValidator.validate(v).findings());
          try {
            Pdu pdu = PduCodec.decode(v, DecodeConfig.LENIENT);
            findings.addAll(pdu.findings());
          } catch (PduFormatException e) {
            // reported by the validator as undecodable-<reason>
          }
          for (Finding f : findings) {
            seen.add(f.code());
            if (!known(values, f.code())) {
              unknown.add(f.code() + " (" + Corpus.name(p) + ")");
            }
          }
        }
      }
    }
    assertEquals(Set.of(), unknown);
    assertTrue(inputs > 100, "inputs: " + inputs);
    // The corpus and its mutations reach the decoder's codes (which ones depends on the
    // mutations; the most common one at least), and none outside the constants (above).
    assertTrue(seen.contains(FindingCodes.MALFORMED_VALUE), seen::toString);
    assertFalse(seen.isEmpty());
  }

  @Test
  void undecodableCodesAreThePrefixAndTheReasonsCode() {
    for (PduFormatException.Reason r : PduFormatException.Reason.values()) {
      assertTrue(known(Set.of(), FindingCodes.UNDECODABLE_PREFIX + r.code()), r::toString);
    }
    assertFalse(known(Set.of(), FindingCodes.UNDECODABLE_PREFIX + "no-such-reason"));
  }
}
