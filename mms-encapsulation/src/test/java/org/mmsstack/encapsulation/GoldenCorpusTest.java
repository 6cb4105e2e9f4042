package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * Golden tests on the real corpus (read in place; see {@link Corpus}).
 *
 * <ol>
 *   <li>Every file under {@code pdus/} decodes leniently with the message type and MMS version
 *       that {@code index.tsv} lists for it.
 *   <li>The values the corpus MANIFEST documents (from the source projects' own tests) are in
 *       {@code src/test/resources/golden/expected-values.tsv}, one row per value, keyed by
 *       corpus path; every row is checked.
 *   <li>Every file has a deterministic text dump of its decoded form (headers with wire codes
 *       and values, parts with content type, headers, size and SHA-256 of the data — never the
 *       data itself). Only the SHA-256 of each dump is committed, in
 *       {@code src/test/resources/golden/dump-digests.tsv}; a missing or different digest writes
 *       the dump to {@code target/golden-actual/<corpus path>.txt} and fails the test. Run with
 *       {@code -Dgolden.update=true} to rewrite the digests after checking the difference.
 * </ol>
 */
class GoldenCorpusTest {

  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  // ---- 1. index.tsv: type and version of every file
  // -----------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyPduMatchesItsIndexRow() {
    Map<String, String[]> index = index();
    return Corpus.files("pdus").stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Corpus.name(p),
                    () -> {
                      String name = Corpus.name(p);
                      String[] row = index.get(name);
                      assertTrue(row != null, "no index.tsv row for " + name);
                      Pdu pdu = PduCodec.decode(Corpus.read(p), DecodeConfig.LENIENT);
                      assertEquals(row[7], pdu.messageType().wireName(), "type of " + name);
                      assertEquals(
                          row[8],
                          pdu.mmsVersion().map(MmsVersion::toString).orElse("-"),
                          "version of " + name);
                      assertEquals(
                          Long.parseLong(row[9]), Corpus.read(p).length, "size of " + name);
                    }));
  }

  @Test
  void everyIndexedPduFileExists() {
    List<String> files = Corpus.files("pdus").stream().map(Corpus::name).toList();
    List<String> indexed =
        index().keySet().stream().filter(n -> n.startsWith("pdus/")).sorted().toList();
    assertEquals(indexed, files);
  }

  private static Map<String, String[]> index() {
    try {
      Map<String, String[]> m = new LinkedHashMap<>();
      for (String line :
          Files.readAllLines(Corpus.root().resolve("index.tsv"), StandardCharsets.UTF_8)) {
        String[] cols = line.split("\t", -1);
        if (!cols[0].equals("file")) {
          m.put(cols[0], cols);
        }
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- 2. expected values from the MANIFEST
  // -----------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> manifestValues() throws IOException {
    Path root = Corpus.root();
    Map<String, List<String[]>> byFile = new LinkedHashMap<>();
    try (var in = GoldenCorpusTest.class.getResourceAsStream("/golden/expected-values.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 3) {
          throw new IllegalStateException("expected-values.tsv: not 3 columns: " + line);
        }
        byFile.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(cols);
      }
    }
    return byFile.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      Path file = root.resolve(e.getKey());
                      assertTrue(Files.isRegularFile(file), "corpus file missing: " + e.getKey());
                      Pdu pdu = PduCodec.decode(Corpus.read(file), DecodeConfig.LENIENT);
                      for (String[] row : e.getValue()) {
                        assertEquals(
                            unescape(row[2]), actual(pdu, row[1]), e.getKey() + " " + row[1]);
                      }
                    }));
  }

  /** {@code \t}, {@code \r}, {@code \n}, {@code \\} and {@code \}{@code uXXXX} in the table. */
  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'r':
          sb.append('\r');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
          break;
        default:
          sb.append(n);
      }
    }
    return sb.toString();
  }

  /** The value a key of the table names, as text. */
  static String actual(Pdu pdu, String key) {
    switch (key) {
      case "transaction-id":
        return pdu.transactionId().orElse("(none)");
      case "from":
        return pdu.get(HeaderField.FROM).map(GoldenCorpusTest::from).orElse("(none)");
      case "from-charset":
        return pdu.get(HeaderField.FROM)
            .flatMap(FromValue::address)
            .map(a -> charset(a.encoded()))
            .orElse("(none)");
      case "to":
        return addresses(pdu.getAll(HeaderField.TO));
      case "to-charset":
        return pdu.getAll(HeaderField.TO).stream()
            .map(a -> charset(a.encoded()))
            .collect(Collectors.joining(","));
      case "cc":
        return addresses(pdu.getAll(HeaderField.CC));
      case "bcc":
        return addresses(pdu.getAll(HeaderField.BCC));
      case "subject":
        return pdu.get(HeaderField.SUBJECT).map(EncodedString::text).orElse("(none)");
      case "subject-charset":
        return pdu.get(HeaderField.SUBJECT).map(GoldenCorpusTest::charset).orElse("(none)");
      case "message-class":
        return pdu.get(HeaderField.MESSAGE_CLASS).map(c -> c.name()).orElse("(none)");
      case "priority":
        return pdu.get(HeaderField.PRIORITY).map(p -> p.name()).orElse("(none)");
      case "message-size":
        return pdu.get(HeaderField.MESSAGE_SIZE).map(String::valueOf).orElse("(none)");
      case "expiry":
        return pdu.get(HeaderField.EXPIRY)
            .map(t -> (t.relative() ? "relative " : "absolute ") + t.seconds())
            .orElse("(none)");
      case "content-location":
        return String.join(",", pdu.getAll(HeaderField.CONTENT_LOCATION));
      case "response-status":
        return pdu.get(HeaderField.RESPONSE_STATUS).map(Object::toString).orElse("(none)");
      case "response-text":
        return pdu.get(HeaderField.RESPONSE_TEXT).map(EncodedString::text).orElse("(none)");
      case "response-text-charset":
        return pdu.get(HeaderField.RESPONSE_TEXT).map(GoldenCorpusTest::charset).orElse("(none)");
      case "retrieve-status":
        return pdu.get(HeaderField.RETRIEVE_STATUS).map(Object::toString).orElse("(none)");
      case "retrieve-text":
        return pdu.get(HeaderField.RETRIEVE_TEXT).map(EncodedString::text).orElse("(none)");
      case "read-status":
        return pdu.get(HeaderField.READ_STATUS).map(Object::toString).orElse("(none)");
      case "status":
        return pdu.get(HeaderField.STATUS).map(Object::toString).orElse("(none)");
      case "message-id":
        return pdu.get(HeaderField.MESSAGE_ID).orElse("(none)");
      case "date":
        return pdu.get(HeaderField.DATE).map(Instant::toString).orElse("(none)");
      case "delivery-report":
        return pdu.get(HeaderField.DELIVERY_REPORT).map(String::valueOf).orElse("(none)");
      case "read-report":
        return pdu.get(HeaderField.READ_REPORT).map(String::valueOf).orElse("(none)");
      case "sender-visibility":
        return pdu.get(HeaderField.SENDER_VISIBILITY).map(v -> v.name()).orElse("(none)");
      case "previously-sent-by":
        return pdu.getAll(HeaderField.PREVIOUSLY_SENT_BY).stream()
            .map(p -> p.forwardedCount() + " " + p.address().text())
            .collect(Collectors.joining(","));
      case "content-type":
        return pdu.contentType().map(Object::toString).orElse("(none)");
      case "body":
        return pdu.body()
            .map(
                b ->
                    b instanceof MultipartBody
                        ? "multipart"
                        : "single " + ((SinglePartBody) b).dataSize())
            .orElse("(none)");
      case "parts":
        return String.valueOf(parts(pdu).size());
      case "trailing":
        return HexFormat.of().formatHex(pdu.trailingOctets());
      default:
        if (key.startsWith("app:")) {
          return pdu.applicationHeader(key.substring(4)).orElse("(none)");
        }
        if (key.startsWith("part.")) {
          String[] k = key.split("\\.", 3);
          return partValue(parts(pdu).get(Integer.parseInt(k[1])), k[2]);
        }
        throw new IllegalArgumentException("unknown key in expected-values.tsv: " + key);
    }
  }

  private static String partValue(Part p, String key) {
    switch (key) {
      case "type":
        return p.contentType().mediaType().name();
      case "charset":
        return p.contentType().charset().map(cs -> cs.name()).orElse("(none)");
      case "content-id":
        return p.contentId().orElse("(none)");
      case "content-location":
        return p.contentLocation().orElse("(none)");
      case "name":
        return p.name().orElse("(none)");
      case "text":
        return p.text();
      case "cte":
        return p.header("Content-Transfer-Encoding")
            .map(h -> String.valueOf(h.value()))
            .orElse("(none)");
      case "size":
        return String.valueOf(p.dataSize());
      default:
        throw new IllegalArgumentException("unknown part key in expected-values.tsv: " + key);
    }
  }

  private static List<Part> parts(Pdu pdu) {
    return pdu.body()
        .filter(b -> b instanceof MultipartBody)
        .map(b -> ((MultipartBody) b).parts())
        .orElse(List.of());
  }

  private static String from(FromValue f) {
    return f.address().map(Address::text).orElse("(insert-address)");
  }

  private static String addresses(List<Address> list) {
    return list.stream().map(Address::text).collect(Collectors.joining(","));
  }

  private static String charset(EncodedString s) {
    return s.charset().map(cs -> cs.name()).orElse("plain");
  }

  // ---- 3. golden dumps
  // --------------------------------------------------------------------------------

  /**
   * The dumps themselves are not committed: they would copy header values of the corpus files
   * (whose licences differ from ours) into the project. What is committed is the SHA-256 of each
   * dump; a missing or changed digest writes the dump under target/golden-actual for review.
   */
  private static final Path DIGESTS = GOLDEN.resolve("dump-digests.tsv");

  private static final Path ACTUAL = Path.of("target", "golden-actual");
  private static final java.util.Map<String, String> UPDATED =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  @TestFactory
  Stream<DynamicTest> everyPduMatchesItsGoldenDump() throws IOException {
    java.util.Map<String, String> want = new java.util.TreeMap<>();
    if (Files.exists(DIGESTS)) {
      for (String line : Files.readAllLines(DIGESTS, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          want.put(f[0], f[1]);
        }
      }
    }
    return Corpus.files("pdus").stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Corpus.name(p),
                    () -> {
                      String name = Corpus.name(p);
                      String dump =
                          dump(name, PduCodec.decode(Corpus.read(p), DecodeConfig.LENIENT));
                      String digest =
                          sha256(java.nio.ByteBuffer.wrap(dump.getBytes(StandardCharsets.UTF_8)));
                      if (UPDATE) {
                        UPDATED.put(name, digest);
                        writeDigests();
                        return;
                      }
                      if (!digest.equals(want.get(name))) {
                        Path actual = ACTUAL.resolve(name + ".txt");
                        Files.createDirectories(actual.getParent());
                        Files.writeString(actual, dump, StandardCharsets.UTF_8);
                        fail(
                            "decoded form of "
                                + name
                                + (want.containsKey(name) ? " changed" : " has no golden digest")
                                + "; dump written to "
                                + actual
                                + " (check it, then rerun with -Dgolden.update=true)");
                      }
                    }));
  }

  private static synchronized void writeDigests() throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "# SHA-256 of each corpus PDU's golden dump (GoldenCorpusTest.dump); "
                + "regenerate with -Dgolden.update=true\n");
    UPDATED.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    Files.writeString(DIGESTS, sb.toString(), StandardCharsets.UTF_8);
  }

  /** A deterministic text form of a decoded PDU: header values, never part data. */
  static String dump(String name, Pdu pdu) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(name).append('\n');
    sb.append("# decoded form of a corpus PDU (regenerate with -Dgolden.update=true)\n");
    sb.append("type ")
        .append(pdu.messageType().wireName())
        .append(String.format(" (0x%02X)", pdu.messageType().code()))
        .append('\n');
    for (Header h : pdu.headers()) {
      HeaderField<?> f = h.field();
      String code = f.isApplication() ? "app " : String.format("0x%02X", 0x80 | f.code());
      sb.append("header @")
          .append(h.offset())
          .append(' ')
          .append(code)
          .append(' ')
          .append(f.name())
          .append(f.isIndexed() ? " (indexed)" : "")
          .append(h.isWellFormed() ? "" : " (malformed)")
          .append(" = ")
          .append(render(h.value()))
          .append('\n');
    }
    for (Finding f : pdu.findings()) {
      sb.append("finding ")
          .append(f.severity())
          .append(" @")
          .append(f.offset())
          .append(' ')
          .append(f.code())
          .append(f.header().map(h -> " [" + h + "]").orElse(""))
          .append('\n');
    }
    if (pdu.trailingOctets().length > 0) {
      sb.append("trailing ").append(pdu.trailingOctets().length).append(" octet(s)\n");
    }
    pdu.body().ifPresent(b -> dumpBody(b, "", sb));
    return sb.toString();
  }

  private static void dumpBody(Body b, String indent, StringBuilder sb) {
    if (b instanceof SinglePartBody) {
      SinglePartBody s = (SinglePartBody) b;
      sb.append(indent)
          .append("body single-part size ")
          .append(s.dataSize())
          .append(" sha256 ")
          .append(sha256(s.data()))
          .append('\n');
      return;
    }
    MultipartBody mb = (MultipartBody) b;
    sb.append(indent).append("body multipart ").append(mb.parts().size()).append(" part(s)\n");
    int i = 0;
    for (Part p : mb.parts()) {
      sb.append(indent)
          .append("part ")
          .append(i++)
          .append(" content-type ")
          .append(escape(p.contentType().toString()))
          .append('\n');
      for (PartHeader h : p.headers()) {
        sb.append(indent)
            .append("  ")
            .append(h.code() < 0 ? "text" : String.format("0x%02X", 0x80 | h.code()))
            .append(' ')
            .append(escape(h.name()))
            .append(" = ")
            .append(render(h.value()))
            .append('\n');
      }
      sb.append(indent)
          .append("  size ")
          .append(p.dataSize())
          .append(" sha256 ")
          .append(sha256(p.data()))
          .append('\n');
      if (p.isMultipart()) {
        try {
          dumpBody(p.asMultipart(DecodeConfig.LENIENT), indent + "  ", sb);
        } catch (PduFormatException e) {
          sb.append(indent)
              .append("  nested multipart does not decode: ")
              .append(e.reason())
              .append('\n');
        }
      }
    }
  }

  private static String render(Object v) {
    if (v instanceof RawValue) {
      return v.toString();
    }
    if (v instanceof EncodedString) {
      EncodedString s = (EncodedString) v;
      return escape(s.text()) + " [" + charset(s) + "]";
    }
    if (v instanceof Address) {
      return render(((Address) v).encoded()) + " {" + ((Address) v).type() + "}";
    }
    if (v instanceof FromValue) {
      return ((FromValue) v).address().map(GoldenCorpusTest::render).orElse("<insert-address>");
    }
    if (v instanceof Optional) {
      return ((Optional<?>) v).map(GoldenCorpusTest::render).orElse("(none)");
    }
    return escape(String.valueOf(v));
  }

  /** Control characters and a BOM made visible, so that dumps are plain, stable text. */
  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7F || c == 0xFEFF || c == 0xFFFD) {
                sb.append(String.format("\\u%04X", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }

  private static String sha256(ByteBuffer data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(data.duplicate());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
