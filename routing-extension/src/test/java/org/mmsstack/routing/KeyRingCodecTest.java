package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.RoutingDataFormatException.Reason;
import org.mmsstack.routing.table.RoutingTableCodec;

class KeyRingCodecTest {

  private static final Instant NB = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NA = Instant.parse("2027-01-01T00:00:00Z");
  private static final RoutingSigner B1 =
      RoutingSigner.fromSeed("rs-b.2026a", Fixtures.B, Fixtures.seed(1));
  private static final RoutingSigner A1 =
      RoutingSigner.fromSeed("rs-a.2026a", Fixtures.A, Fixtures.seed(2));
  private static final String KEY_URL =
      Base64.getUrlEncoder().withoutPadding().encodeToString(B1.publicKey());
  private static final String KEY_STD = Base64.getEncoder().encodeToString(B1.publicKey());

  private static KeyRing ring() {
    return KeyRing.of(
        List.of(B1.trustedKey(NB, NA), A1.trustedKey(NB.minusSeconds(1), NA.plusNanos(5))));
  }

  private static KeyRing parse(String text) throws RoutingDataFormatException {
    return KeyRingCodec.decode(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static RoutingDataFormatException fails(String text) {
    return assertThrows(RoutingDataFormatException.class, () -> parse(text));
  }

  private static String line(String keyId, String owner, String key, String nb, String na) {
    return "key " + keyId + " " + owner + " " + key + " " + nb + " " + na;
  }

  private static final String GOOD =
      line("rs-b.2026a", "rs-b", KEY_URL, NB.toString(), NA.toString());

  @Test
  void writeThenParseGivesAnEqualRingAndWritingAgainTheSameBytes() throws Exception {
    byte[] text = KeyRingCodec.encode(ring());
    KeyRing back = KeyRingCodec.decode(text);
    assertEquals(ring().keys(), back.keys());
    assertArrayEquals(text, KeyRingCodec.encode(back));
    assertTrue(
        new String(text, StandardCharsets.US_ASCII)
            .startsWith("mms-routing-keys 1\nkey rs-a.2026a rs-a "),
        new String(text, StandardCharsets.US_ASCII));
  }

  @Test
  void anEmptyRingIsTheFormatLineAlone() throws Exception {
    byte[] text = KeyRingCodec.encode(KeyRing.of(List.of()));
    assertEquals("mms-routing-keys 1\n", new String(text, StandardCharsets.US_ASCII));
    assertTrue(KeyRingCodec.decode(text).keys().isEmpty());
  }

  @Test
  void readsCommentsBlankLinesCrlfTabsBothAlphabetsAndAMissingLastLineEnd() throws Exception {
    KeyRing r =
        parse(
            "# keys of the example MMSE\r\n\r\n  mms-routing-keys\t1   # format\r\n"
                + GOOD
                + "  # rs-b's first key, comment with bytes \u00e9\u0001\n"
                + line("rs-b.2026b", "rs-b", KEY_STD, NB.toString(), NA.toString()));
    assertEquals(2, r.keys().size());
    assertArrayEquals(B1.publicKey(), r.find("rs-b.2026b").orElseThrow().publicKey());
    assertEquals(Fixtures.B, r.find("rs-b.2026a").orElseThrow().owner());
    assertEquals(NA, r.find("rs-b.2026a").orElseThrow().notAfter());
  }

  @Test
  void aCrEndingTheLastLineIsDroppedAsTheRoutingTableCodecDoes() throws Exception {
    List<KeyRing.TrustedKey> expected = parse("mms-routing-keys 1\n" + GOOD + "\n").keys();
    assertEquals(expected, parse("mms-routing-keys 1\r\n" + GOOD + "\r").keys());
    assertEquals(expected, parse("mms-routing-keys 1\n" + GOOD + "\n\r").keys());
    assertTrue(parse("mms-routing-keys 1\r").keys().isEmpty());
    // Column of a problem on such a line as on the same line ended by CRLF.
    String short5 = "key rs-b.2026a rs-b " + KEY_URL + " " + NB;
    assertProblem(
        "mms-routing-keys 1\n" + short5 + "\r", Reason.MISSING_FIELD, 2, short5.length() + 1);
    // The routing table parser reads the same ending.
    assertEquals(
        RoutingTableCodec.decode("mms-routing-table 1\nversion 1\n"),
        RoutingTableCodec.decode("mms-routing-table 1\r\nversion 1\r"));
  }

  @Test
  void paddingIsOptionalInBothAlphabets() throws Exception {
    String std = KEY_STD.endsWith("=") ? KEY_STD.substring(0, 43) : KEY_STD;
    assertEquals(
        1,
        parse("mms-routing-keys 1\n" + line("k", "rs-b", std, NB.toString(), NA.toString()))
            .keys()
            .size());
    assertEquals(
        1,
        parse(
                "mms-routing-keys 1\n"
                    + line("k", "rs-b", KEY_URL + "=", NB.toString(), NA.toString()))
            .keys()
            .size());
  }

  @Test
  void aParsedRingVerifiesWhatItsSignerSigned() throws Exception {
    KeyRing r = KeyRingCodec.decode(KeyRingCodec.encode(ring()));
    RoutingFields signed = B1.sign(Fixtures.fields(), Fixtures.identity());
    assertEquals(
        "rs-b.2026a",
        RoutingVerifier.of(r)
            .verify(signed, Fixtures.identity(), signed.issuedAt().plusSeconds(1))
            .keyId());
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("routing-keys.txt");
    Files.write(f, KeyRingCodec.encode(ring()));
    assertEquals(ring().keys(), KeyRingCodec.decode(f).keys());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MISSING_HEADER|key a rs-b x y z|1|1",
        "UNSUPPORTED_FORMAT_VERSION|mms-routing-keys 2|1|18",
        "MISSING_FIELD|mms-routing-keys|1|17",
        "UNEXPECTED_FIELD|mms-routing-keys 1 extra|1|20",
        "DUPLICATE_HEADER|mms-routing-keys 1\\nmms-routing-keys 1|2|1",
        "UNKNOWN_KEYWORD|mms-routing-keys 1\\n  trust a|2|3",
        "INVALID_CHARACTER|mms-routing-keys 1\\nkey \u00e9|2|5",
      })
  void reportsEachProblemOfTheFormatLineAndStatements(
      Reason reason, String text, int line, int column) {
    RoutingDataFormatException e = fails(text.replace("\\n", "\n"));
    assertEquals(reason, e.reason(), e::getMessage);
    assertEquals(line, e.line(), e::getMessage);
    assertEquals(column, e.column(), e::getMessage);
    assertTrue(
        e.getMessage().contains("line " + line + ", column " + column + ": " + reason.code()),
        e::getMessage);
  }

  @Test
  void anEmptyOrCommentOnlyFileHasNoFormatLine() {
    assertEquals(Reason.MISSING_HEADER, fails("").reason());
    assertEquals(Reason.MISSING_HEADER, fails("# nothing\n\n").reason());
  }

  @Test
  void reportsEachBadFieldOfAKeyLineWithItsColumn() {
    String h = "mms-routing-keys 1\n";
    String nb = NB.toString();
    String na = NA.toString();
    String short5 = "key rs-b.2026a rs-b " + KEY_URL + " " + nb;
    assertProblem(h + short5, Reason.MISSING_FIELD, 2, short5.length() + 1);
    assertProblem(h + GOOD + " more", Reason.UNEXPECTED_FIELD, 2, GOOD.length() + 2);
    assertProblem(h + line("bad/id", "rs-b", KEY_URL, nb, na), Reason.INVALID_KEY_ID, 2, 5);
    assertProblem(h + line("k", "RS-B", KEY_URL, nb, na), Reason.INVALID_RELAY_ID, 2, 7);
    assertProblem(h + line("k", "-rs", KEY_URL, nb, na), Reason.INVALID_RELAY_ID, 2, 7);
    assertProblem(
        h + line("k", "rs-b", KEY_URL.substring(1), nb, na), Reason.INVALID_PUBLIC_KEY, 2, 12);
    assertProblem(
        h + line("k", "rs-b", "!" + KEY_URL.substring(1), nb, na),
        Reason.INVALID_PUBLIC_KEY,
        2,
        12);
    assertProblem(
        h + line("k", "rs-b", "+_" + KEY_URL.substring(2), nb, na),
        Reason.INVALID_PUBLIC_KEY,
        2,
        12);
    assertProblem(h + "key a\rb", Reason.INVALID_CHARACTER, 2, 6);
    assertProblem(h + "key a\u0001b", Reason.INVALID_CHARACTER, 2, 6);
    // 43 characters whose last one carries low bits that 32 octets do not have.
    String nonCanonical = KEY_URL.substring(0, 42) + (KEY_URL.charAt(42) == 'B' ? 'C' : 'B');
    if (!nonCanonical.equals(KEY_URL)) {
      byte[] k = Base64.getUrlDecoder().decode(nonCanonical);
      if (!Base64.getUrlEncoder().withoutPadding().encodeToString(k).equals(nonCanonical)) {
        assertProblem(
            h + line("k", "rs-b", nonCanonical, nb, na), Reason.INVALID_PUBLIC_KEY, 2, 12);
      }
    }
    assertProblem(h + line("k", "rs-b", KEY_URL, "2026-01-01", na), Reason.INVALID_TIME, 2, 56);
    assertProblem(
        h + line("k", "rs-b", KEY_URL, nb, "2027-01-01T00:00:00+01:00"),
        Reason.INVALID_TIME,
        2,
        77);
    assertProblem(h + line("k", "rs-b", KEY_URL, na, nb), Reason.EMPTY_VALIDITY, 2, 77);
    assertProblem(h + line("k", "rs-b", KEY_URL, nb, nb), Reason.EMPTY_VALIDITY, 2, 77);
    assertProblem(
        h + GOOD + "\n\n" + GOOD.replace("rs-b ", "rs-c "), Reason.DUPLICATE_KEY_ID, 4, 5);
    assertTrue(fails(h + GOOD + "\n" + GOOD).getMessage().contains("repeats line 2"));
    assertProblem(
        h + "key " + "x".repeat(RoutingDataConfig.DEFAULT.maxLineLength()),
        Reason.LINE_TOO_LONG,
        2,
        RoutingDataConfig.DEFAULT.maxLineLength() + 1);
  }

  @Test
  void aKeyThatIsNotACurvePointIsRefused() {
    // y = 2 is not the y coordinate of any point on edwards25519 (x^2 would have no square root).
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(notAPoint);
    boolean isPoint;
    try {
      KeyRing.TrustedKey.of("k", Fixtures.B, notAPoint, NB, NA);
      isPoint = true;
    } catch (IllegalArgumentException e) {
      isPoint = false;
    }
    if (!isPoint) {
      assertProblem(
          "mms-routing-keys 1\n" + line("k", "rs-b", text, NB.toString(), NA.toString()),
          Reason.INVALID_PUBLIC_KEY,
          2,
          12);
    }
  }

  @Test
  void reportsEveryProblemNotOnlyTheFirst() {
    RoutingDataFormatException e =
        fails(
            "mms-routing-keys 1\n"
                + line("bad/id", "RS", KEY_URL, "x", NA.toString())
                + "\nfoo\n"
                + GOOD
                + "\n"
                + GOOD);
    assertEquals(
        List.of(
            Reason.INVALID_KEY_ID,
            Reason.INVALID_RELAY_ID,
            Reason.INVALID_TIME,
            Reason.UNKNOWN_KEYWORD,
            Reason.DUPLICATE_KEY_ID),
        e.findings().stream().map(f -> Reason.fromCode(f.code()).orElseThrow()).toList());
    assertTrue(
        e.getMessage().startsWith("5 problems in key ring: line 2, column 5: invalid-key-id"),
        e::getMessage);
    assertEquals(0, e.unreportedCount());
  }

  @Test
  void stopsAfterTheKeyLimitAndCountsProblemsBeyondTheReportLimit() {
    StringBuilder sb = new StringBuilder("mms-routing-keys 1\n");
    for (int i = 0; i <= RoutingDataConfig.DEFAULT.maxKeys(); i++) {
      sb.append(line("k" + i, "rs-b", KEY_URL, NB.toString(), NA.toString())).append('\n');
    }
    RoutingDataFormatException e = fails(sb.toString());
    assertEquals(Reason.TOO_MANY_KEYS, e.reason());
    assertEquals(RoutingDataConfig.DEFAULT.maxKeys() + 2, e.line());

    StringBuilder bad = new StringBuilder("mms-routing-keys 1\n");
    for (int i = 0; i < 1500; i++) {
      bad.append("nope\n");
    }
    RoutingDataFormatException many = fails(bad.toString());
    assertEquals(1000, many.findings().size());
    assertEquals(500, many.unreportedCount());
    assertTrue(
        many.getMessage().endsWith("; and 1480 more"), () -> many.getMessage().substring(0, 200));
  }

  @Test
  void refusesAnEndlessSourceWithoutReadingItAll() throws Exception {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isReadable(zero), "no /dev/zero on this system");
    // Reports a size of 0; reading must still stop at the limit.
    RoutingDataFormatException e =
        assertThrows(RoutingDataFormatException.class, () -> KeyRingCodec.decode(zero));
    assertEquals(Reason.FILE_TOO_LARGE, e.reason());
  }

  @Test
  void refusesAFileOverTheSizeLimit(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("huge.txt");
    try (var ch =
        Files.newByteChannel(
            f,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE,
            java.nio.file.StandardOpenOption.SPARSE)) {
      ch.position(RoutingDataConfig.DEFAULT.maxFileSize());
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
    }
    RoutingDataFormatException e =
        assertThrows(RoutingDataFormatException.class, () -> KeyRingCodec.decode(f));
    assertEquals(Reason.FILE_TOO_LARGE, e.reason());
  }

  @Test
  void theInputIsNotChanged() throws Exception {
    byte[] text = KeyRingCodec.encode(ring());
    byte[] copy = text.clone();
    KeyRingCodec.decode(text);
    assertArrayEquals(copy, text);
  }

  @Test
  void findingsCarryTheReasonsCodeLineAndColumn() {
    RoutingDataFormatException e = fails("mms-routing-keys 1\nkey a RS-B");
    assertEquals(RoutingDataFormatException.Format.KEY_RING, e.format());
    Finding f = e.findings().get(0);
    assertEquals(org.mmsstack.encapsulation.Severity.ERROR, f.severity());
    assertEquals(RoutingFindingCodes.MISSING_FIELD, f.code());
    assertEquals(2, f.line());
    assertEquals(11, f.column());
  }

  @Test
  void everyReasonHasItsCodeConstant() throws Exception {
    java.util.Set<String> constants = new java.util.HashSet<>();
    for (java.lang.reflect.Field f : RoutingFindingCodes.class.getFields()) {
      constants.add((String) f.get(null));
    }
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (Reason r : Reason.values()) {
      codes.add(r.code());
      assertEquals(Optional.of(r), Reason.fromCode(r.code()));
    }
    assertEquals(Optional.empty(), Reason.fromCode("no-such-code"));
    assertEquals(Optional.empty(), Reason.fromCode("INVALID_RELAY_ID"));
    // The rest are the codes of routing data sources, validation and publishing.
    for (org.mmsstack.routing.data.RoutingDataPublishException.Reason r :
        org.mmsstack.routing.data.RoutingDataPublishException.Reason.values()) {
      codes.add(r.code());
    }
    codes.addAll(
        java.util.List.of(
            RoutingFindingCodes.SOURCE_DISCONNECTED,
            RoutingFindingCodes.SOURCE_RECONNECTED,
            RoutingFindingCodes.VERSION_UNREADABLE,
            RoutingFindingCodes.VERSION_INSTALLED,
            RoutingFindingCodes.RELAY_WITHOUT_KEY,
            RoutingFindingCodes.NO_VALID_KEY,
            RoutingFindingCodes.KEY_OWNER_NOT_IN_TABLE));
    assertEquals(codes, constants);
  }

  @Test
  void limitsComeFromTheConfig() {
    RoutingDataConfig one = RoutingDataConfig.builder().maxKeys(1).build();
    RoutingDataFormatException e =
        assertThrows(
            RoutingDataFormatException.class,
            () ->
                KeyRingCodec.decode(
                    "mms-routing-keys 1\n" + GOOD + "\n" + GOOD.replace("rs-b.2026a", "x"), one));
    assertEquals(Reason.TOO_MANY_KEYS, e.reason());
    assertTrue(e.findings().get(0).message().contains("maxKeys"), e::getMessage);
  }

  private static void assertProblem(String text, Reason reason, int line, int column) {
    RoutingDataFormatException e = fails(text);
    assertEquals(reason, e.reason(), e::getMessage);
    assertEquals(line, e.line(), e::getMessage);
    assertEquals(column, e.column(), e::getMessage);
  }
}
