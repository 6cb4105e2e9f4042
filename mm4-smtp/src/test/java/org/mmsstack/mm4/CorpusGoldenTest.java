package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.TransferEncoding;
import org.mmsstack.mm4.validate.Mm4FindingCodes;
import org.mmsstack.mm4.validate.Mm4Validator;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/**
 * Golden tests over every file under the corpus's mm4 folder, read in place. Each file's
 * expectations below were read from the file; every X-Mms field a file carries must have one, so
 * a new corpus file or field fails until someone looks at it. Subscriber numbers are never
 * written here: fields holding them are checked by shape only.
 */
class CorpusGoldenTest {

  @SuppressWarnings("UnnecessaryLambda") // a value of the expectation maps, not a helper
  private static final Predicate<Object> MSISDN_SHAPE =
      v -> String.valueOf(v).matches("\\+[0-9]{6,15}");

  private static Map<String, Map<String, Object>> expectations() {
    Map<String, Map<String, Object>> e = new HashMap<>();
    Map<String, Object> req = new HashMap<>();
    req.put("x-mms-message-type", Mm4MessageType.FORWARD_REQ);
    req.put("x-mms-3gpp-mms-version", Mm4Version.V5_5_0);
    req.put("x-mms-transaction-id", "38637220220126001745557@mms.hotmobile.co.il");
    req.put("x-mms-message-id", "kyuoj0sgre1p96@w.mms.hotmobile.co.il");
    req.put("x-mms-message-class", MessageClass.PERSONAL);
    req.put("x-mms-expiry", OffsetDateTime.parse("2022-02-01T22:17:44Z"));
    req.put("x-mms-delivery-report", YesNo.YES);
    req.put("x-mms-priority", Priority.NORMAL);
    req.put("x-mms-read-reply", YesNo.NO);
    req.put("x-mms-ack-request", YesNo.YES);
    req.put(
        "x-mms-originator-system", Mm4Address.of(null, "PostMaster", null, "mms.hotmobile.co.il"));
    req.put("x-mms-originator-r/s-delivery-report", "No");
    e.put("MM4Req/Fromhotmobile.txt", req);
    e.put(
        "MM4Res/CellcomRES.txt",
        res(
            "jay000495897bc01090b1b05",
            "2022011223181841801",
            "PostMaster@mms.cellcom.co.il",
            true));
    e.put(
        "MM4Res/GolantelecomRES.txt",
        res("jay0084F1EB040101091303", "2022011223272047801", null, false));
    e.put(
        "MM4Res/PelephoneRES.txt",
        res("695308591", "2022011223192218001", "system-user@mmscprovider.pelephone.net.il", true));
    e.put(
        "MM4Res/We4gRES.txt",
        res("T17e509239b3", "2022011223142985401", "PostMaster@mms.we4g.co.il", true));
    return e;
  }

  private static Map<String, Object> res(String tid, String mid, String system, boolean extras) {
    Map<String, Object> m = new HashMap<>();
    m.put("x-mms-message-type", Mm4MessageType.FORWARD_RES);
    m.put("x-mms-3gpp-mms-version", Mm4Version.V5_5_0);
    m.put("x-mms-transaction-id", tid);
    m.put("x-mms-message-id", mid);
    m.put("x-mms-request-status-code", RequestStatusCode.OK);
    if (extras) {
      m.put("x-mms-originator-system", Mm4Address.parse(system));
      m.put("x-mms-message-class", MessageClass.PERSONAL);
      m.put("x-mms-status-text", "All is good.");
      m.put("x-mms-request-recipients", MSISDN_SHAPE);
    }
    return m;
  }

  /** The typed value of an X-Mms field, through the public accessors. */
  private static Object typed(Mm4Message m, String name) {
    switch (name) {
      case "x-mms-message-type":
        return m.messageType();
      case "x-mms-3gpp-mms-version":
        return m.mmsVersion().orElseThrow();
      case "x-mms-transaction-id":
        return m.transactionId().orElseThrow();
      case "x-mms-message-id":
        return m.messageId().orElseThrow();
      case "x-mms-message-class":
        return m.messageClass().orElseThrow();
      case "x-mms-originator-system":
        return m.originatorSystem().orElseThrow();
      case "x-mms-request-status-code":
        return ((Mm4ForwardRes) m).requestStatusCode().orElseThrow();
      case "x-mms-status-text":
        return ((Mm4ForwardRes) m).statusText().orElseThrow();
      case "x-mms-expiry":
        return ((Mm4ForwardReq) m)
            .expiry()
            .orElseThrow()
            .toInstant()
            .atOffset(java.time.ZoneOffset.UTC);
      case "x-mms-delivery-report":
        return ((Mm4ForwardReq) m).deliveryReport().orElseThrow();
      case "x-mms-priority":
        return ((Mm4ForwardReq) m).priority().orElseThrow();
      case "x-mms-read-reply":
        return ((Mm4ForwardReq) m).readReply().orElseThrow();
      case "x-mms-ack-request":
        return ((Mm4ForwardReq) m).ackRequest().orElseThrow();
      default:
        return m.header(name).orElseThrow(); // fields the model does not type: the raw value
    }
  }

  static Path corpusDir() {
    String p = System.getProperty("mmsstack.corpus");
    Path dir = p == null ? null : Paths.get(p, "mm4");
    boolean present = dir != null && Files.isDirectory(dir);
    if (!present && "1".equals(System.getenv("MMSSTACK_REQUIRE_CORPUS"))) {
      fail("corpus folder mm4 not found under " + p + " but MMSSTACK_REQUIRE_CORPUS=1");
    }
    Assumptions.assumeTrue(
        present,
        "corpus folder mm4 not found (system property mmsstack.corpus="
            + p
            + "); skipping the golden tests");
    return dir;
  }

  static List<Path> corpusFiles() throws IOException {
    Path dir = corpusDir();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileParsesWithExpectedValues() throws IOException {
    Path dir = corpusDir();
    Map<String, Map<String, Object>> all = expectations();
    List<Path> files = corpusFiles();
    assertFalse(files.isEmpty(), "no files under " + dir);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    dir.relativize(f).toString(),
                    () -> {
                      String key = dir.relativize(f).toString().replace('\\', '/');
                      key = key.substring(key.indexOf('/') + 1); // drop the source folder
                      Map<String, Object> expected = all.get(key);
                      if (expected == null) {
                        fail("no expectations for corpus file " + key + ": read it and add them");
                      }
                      byte[] bytes = Files.readAllBytes(f);
                      Mm4Message m = Mm4Codec.decode(bytes);
                      List<String> reasons =
                          m.findings().stream().map(Finding::code).collect(Collectors.toList());
                      assertTrue(
                          reasons.contains(Mm4FindingCodes.BYTE_ORDER_MARK), reasons::toString);
                      assertTrue(
                          reasons.contains(Mm4FindingCodes.BARE_LINE_FEED), reasons::toString);
                      assertTrue(
                          reasons.contains(Mm4FindingCodes.TRAILING_DATA), reasons::toString);
                      // The capture artefacts above are errors (strict decoding rejects them);
                      // nothing else is.
                      Set<String> artefacts =
                          Set.of(
                              Mm4FindingCodes.BYTE_ORDER_MARK,
                              Mm4FindingCodes.BARE_LINE_FEED,
                              Mm4FindingCodes.TRAILING_DATA);
                      assertFalse(
                          m.findings().stream()
                              .anyMatch(
                                  x ->
                                      x.severity() == Severity.ERROR
                                          && !artefacts.contains(x.code())),
                          m.findings()::toString);
                      int checked = 0;
                      for (Mm4Header h : m.headers()) {
                        String name = h.name().toLowerCase(Locale.ROOT);
                        if (!name.startsWith("x-mms-")) {
                          continue;
                        }
                        assertTrue(
                            expected.containsKey(name),
                            "no expectation for " + h.name() + " in " + key);
                        Object want = expected.get(name);
                        Object got = typed(m, name);
                        if (want instanceof Predicate) {
                          @SuppressWarnings("unchecked")
                          Predicate<Object> p = (Predicate<Object>) want;
                          assertTrue(p.test(got), h.name() + " has an unexpected shape");
                        } else {
                          assertEquals(want, got, h.name());
                        }
                        checked++;
                      }
                      assertEquals(
                          expected.size(),
                          checked,
                          "every expected X-Mms field is present in " + key);
                      // Lenient output re-parses to the same message, and strict parsing accepts
                      // it.
                      byte[] formatted = Mm4Codec.encode(m);
                      assertEquals(m, Mm4Codec.decode(formatted, Mm4Config.STRICT));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> canonicalFormOfEveryCorpusFileRoundTripsByteForByte() throws IOException {
    Path dir = corpusDir();
    return corpusFiles().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    dir.relativize(f).toString(),
                    () -> {
                      byte[] canonical = canonical(Files.readAllBytes(f));
                      Mm4Message m = Mm4Codec.decode(canonical, Mm4Config.STRICT);
                      assertArrayEquals(canonical, Mm4Codec.encode(m));
                      // A changed field is regenerated; the others keep their bytes.
                      Mm4Message changed =
                          m instanceof Mm4ForwardReq
                              ? ((Mm4ForwardReq) m).toBuilder().priority(Priority.HIGH).build()
                              : ((Mm4ForwardRes) m).toBuilder().statusText("changed").build();
                      String text =
                          new String(
                              Mm4Codec.encode(changed),
                              java.nio.charset.StandardCharsets.ISO_8859_1);
                      String before =
                          new String(canonical, java.nio.charset.StandardCharsets.ISO_8859_1);
                      // Fields not touched keep their exact bytes (e.g. the folded Received trace
                      // lines).
                      for (String line : before.split("\r\n")) {
                        if (line.startsWith("Received:") || line.startsWith("To:")) {
                          assertTrue(text.contains(line), line);
                        }
                      }
                      byte[] out = Mm4Codec.encode(changed);
                      Mm4Message again = Mm4Codec.decode(out, Mm4Config.STRICT);
                      assertEquals(changed, again);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> strictParsingRejectsTheCapturesAsStored() throws IOException {
    Path dir = corpusDir();
    return corpusFiles().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    dir.relativize(f).toString(),
                    () -> {
                      Mm4FormatException e =
                          assertThrows(
                              Mm4FormatException.class,
                              () -> Mm4Codec.decode(Files.readAllBytes(f), Mm4Config.STRICT));
                      assertEquals(Mm4FormatException.Reason.BYTE_ORDER_MARK, e.reason());
                      assertEquals(0, e.offset());
                      assertEquals(1, e.line());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> forwardRequestContentIsTyped() throws IOException {
    Path dir = corpusDir();
    return corpusFiles().stream()
        .filter(f -> f.toString().contains("MM4Req"))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    dir.relativize(f).toString(),
                    () -> {
                      Mm4ForwardReq m =
                          assertInstanceOf(
                              Mm4ForwardReq.class, Mm4Codec.decode(Files.readAllBytes(f)));
                      assertEquals(20, m.to().size());
                      assertTrue(m.to().stream().allMatch(Mm4Address::isPlmn));
                      assertTrue(m.to().stream().allMatch(a -> MSISDN_SHAPE.test(a.value())));
                      assertTrue(m.from().orElseThrow().isPlmn());
                      assertEquals(
                          "mms.hotmobile.co.il", m.sender().orElseThrow().domain().orElseThrow());
                      assertEquals(
                          OffsetDateTime.parse("2022-01-26T00:17:43+02:00"),
                          m.date().orElseThrow());
                      assertEquals(
                          "kyuoj0sgre1p96@w.mms.hotmobile.co.il",
                          m.rfc822MessageId().orElseThrow());
                      ContentType ct = m.contentType().orElseThrow();
                      assertEquals("multipart/related", ct.baseType());
                      assertEquals("<smil>", ct.parameter("start").orElseThrow());
                      assertEquals("application/smil", ct.parameter("TYPE").orElseThrow());
                      List<MimeEntity> parts = m.content().parts();
                      assertEquals(2, parts.size());
                      assertEquals("application/smil", parts.get(0).contentType().baseType());
                      assertEquals("smil", parts.get(0).contentId().orElseThrow());
                      assertEquals("smil.xml", parts.get(0).contentLocation().orElseThrow());
                      assertEquals(
                          "smil.xml", parts.get(0).contentType().parameter("name").orElseThrow());
                      assertTrue(parts.get(0).text().startsWith("<smil>"));
                      assertEquals("text/plain", parts.get(1).contentType().baseType());
                      assertEquals("utf-8", parts.get(1).charset().orElseThrow());
                      assertEquals("text.000000", parts.get(1).contentId().orElseThrow());
                      assertEquals("text.000000.txt", parts.get(1).contentLocation().orElseThrow());
                      assertEquals("https://vm.tiktok.com/ZSeqkbvkG/", parts.get(1).text());
                      assertEquals(
                          TransferEncoding.SEVEN_BIT,
                          parts.get(1).transferEncoding().orElseThrow());
                      // Its only errors are the capture's shape (a byte-order mark, LF line
                      // ends, the SMTP dialogue after it); as it went over the wire it is valid.
                      assertEquals(
                          java.util.Set.of(
                              Mm4FindingCodes.BYTE_ORDER_MARK,
                              Mm4FindingCodes.BARE_LINE_FEED,
                              Mm4FindingCodes.TRAILING_DATA),
                          Mm4Validator.validate(m).findings().stream()
                              .filter(x -> x.severity() == Severity.ERROR)
                              .map(Finding::code)
                              .collect(java.util.stream.Collectors.toSet()));
                      assertFalse(
                          Mm4Validator.validate(canonical(Files.readAllBytes(f))).hasErrors());
                    }));
  }

  /** The capture as it went over the wire: no BOM, CRLF line ends, no SMTP dialogue after it. */
  static byte[] canonical(byte[] b) {
    String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (s.startsWith("\u00EF\u00BB\u00BF")) {
      s = s.substring(3);
    }
    int dot = s.lastIndexOf("\n.\n");
    if (dot >= 0) {
      s = s.substring(0, dot + 1);
    }
    s = s.replace("\r\n", "\n").replace("\n", "\r\n");
    return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
