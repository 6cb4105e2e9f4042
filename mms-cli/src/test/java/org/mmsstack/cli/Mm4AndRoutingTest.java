package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.validate.Mm4FindingCodes;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingPdus;
import org.mmsstack.routing.RoutingSigner;

/** MM4 input and the routing extension, end to end through the tool as users run it. */
class Mm4AndRoutingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EML = SamplesTest.SAMPLES.resolve("mm4-forward-req.eml");
  private static final Path ROUTED = SamplesTest.SAMPLES.resolve("m-send-req-routed.mms");
  private static final Path KEYS = SamplesTest.SAMPLES.resolve("routing-keys.txt");
  private static final Instant Y2024 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant Y2025 = Instant.parse("2025-01-01T00:00:00Z");

  @TempDir Path dir;

  // ---- the shared corpus ----------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> decodeAndValidateEveryCorpusMm4Message() {
    return CorpusFiles.files("mm4").stream()
        .map(
            f ->
                dynamicTest(
                    CorpusFiles.name(f),
                    () -> {
                      Tool.Outcome d = Tool.run("decode", f.toString()).assertNoStackTrace();
                      assertTrue(
                          d.status() == 0 || d.status() == 1,
                          () -> "status " + d.status() + "\n" + d.stderr());
                      assertTrue(d.stdout().startsWith(f + ": MM4_"), d::stdout);
                      assertTrue(d.stdout().contains("\n  X-Mms-Message-Type: MM4_"), d::stdout);

                      Tool.Outcome v = Tool.run("validate", f.toString()).assertNoStackTrace();
                      assertEquals(d.status(), v.status(), v::stdout);
                      assertTrue(
                          v.stdout().matches("(?s).*  PDUs +0\n  MM4 messages +1\n    MM4_.*"),
                          v::stdout);
                      v.stdout()
                          .lines()
                          .filter(l -> l.contains(" WARNING ") || l.contains(" ERROR "))
                          .forEach(
                              l ->
                                  assertTrue(
                                      l.matches(
                                          java.util.regex.Pattern.quote(f.toString())
                                              + ": \\w+ line \\d+ .*"),
                                      l));

                      Tool.Outcome j =
                          Tool.run("decode", "--json", f.toString()).assertNoStackTrace();
                      JsonNode doc = JSON.readTree(j.stdoutBytes());
                      assertEquals("mmsstack-mm4/1", doc.get("schema").asText());
                      assertTrue(doc.get("routing").isNull());
                      Tool.Outcome back =
                          Tool.runWithInput(j.stdoutBytes(), "encode", "-").assertNoStackTrace();
                      assertEquals(0, back.status(), back::stderr);
                      assertArrayEquals(Files.readAllBytes(f), back.stdoutBytes());
                    }));
  }

  // ---- the MM4 sample -------------------------------------------------------------------------

  @Test
  void decodeShowsTheMm4SampleHeaderByHeaderWithItsStructureAndRouting() {
    Tool.Outcome o = Tool.run("decode", EML.toString()).assertNoStackTrace();
    assertEquals(0, o.status(), o::stderr);
    String out = o.stdout();
    assertTrue(out.startsWith(EML + ": MM4_forward.REQ, 3GPP MMS 6.8.0, "), out);
    assertTrue(
        out.contains("\n  Date: Wed, 01 May 2024 10:00:00 +0000  => 2024-05-01T10:00:00Z\n"), out);
    assertTrue(
        out.contains(
            "\n  To: +15550123/TYPE=PLMN@mms.partner.example  => +15550123 (PLMN, domain "
                + "mms.partner.example)\n"),
        out);
    assertTrue(out.contains("\n  Content: multipart/related; "), out);
    assertTrue(out.contains("\n  Part 2 of 2: text/plain; charset=utf-8, 45 octets\n"), out);
    assertTrue(out.contains("\n      Content-ID: <text>\n"), out);
    assertTrue(out.contains("\n      | Greetings from the beach! Grüße vom Strand.\n"), out);
    assertTrue(out.contains("\n  Routing (extension version 1):\n    Entry: rs-north\n"), out);
    assertTrue(out.contains("\n    Signature key id: rs-north.2024a\n"), out);
    assertTrue(!out.contains("Findings:"), out);
  }

  @Test
  void decodeJsonOfTheMm4SampleAndEncodeBackOnlyWhenUnedited() throws Exception {
    Tool.Outcome o = Tool.run("decode", "--json", EML.toString()).assertNoStackTrace();
    assertEquals(0, o.status(), o::stderr);
    ObjectNode doc = (ObjectNode) JSON.readTree(o.stdoutBytes());
    assertEquals(
        List.of(
            "schema",
            "file",
            "origin",
            "size",
            "messageType",
            "mmsVersion",
            "headers",
            "content",
            "routing",
            "findings",
            "mail"),
        fieldNames(doc));
    assertEquals("MM4_forward.REQ", doc.get("messageType").asText());
    assertEquals(1, doc.get("headers").get(0).get("line").asInt());
    assertEquals("From", doc.get("headers").get(0).get("name").asText());
    assertEquals("multipart/related", doc.at("/content/contentType/value").asText());
    assertEquals("<smil>", doc.at("/content/contentType/parameters/start").asText());
    assertEquals(
        "Greetings from the beach! Grüße vom Strand.", doc.at("/content/parts/1/text").asText());
    assertEquals("rs-north", doc.at("/routing/path/0").asText());
    assertEquals(42, doc.at("/routing/tableVersion").asInt());
    assertEquals("+15550123", doc.at("/routing/recipients/0").asText());
    assertEquals("2024-05-01T10:00:00Z", doc.at("/routing/issued").asText());
    assertEquals("rs-north.2024a", doc.at("/routing/signatureKeyId").asText());

    Tool.Outcome back = Tool.runWithInput(o.stdoutBytes(), "encode", "-").assertNoStackTrace();
    assertEquals(0, back.status(), back::stderr);
    assertArrayEquals(Files.readAllBytes(EML), back.stdoutBytes());

    ((ObjectNode) doc.get("headers").get(4)).put("value", "Edited subject");
    Tool.Outcome edited =
        Tool.runWithInput(JSON.writeValueAsBytes(doc), "encode", "-").assertNoStackTrace();
    assertEquals(2, edited.status());
    assertEquals(1, edited.stderr().lines().count(), edited::stderr);
    assertTrue(edited.stderr().contains("an edited MM4 document (mmsstack-mm4/1)"), edited::stderr);
  }

  @Test
  void hexOnMm4SaysItIsForBinaryPdusAndGoesOn() {
    Tool.Outcome o =
        Tool.run(
                "decode",
                "--hex",
                EML.toString(),
                SamplesTest.SAMPLES.resolve("m-send-conf.mms").toString())
            .assertNoStackTrace();
    assertEquals(2, o.status(), o::stderr); // one input could not be shown as asked
    assertEquals(1, o.stderr().lines().count(), o::stderr);
    assertTrue(
        o.stderr()
            .startsWith(
                "mms: "
                    + EML
                    + ": an MM4 message (RFC 5322 mail); --hex annotates binary "
                    + "PDUs only"),
        o::stderr);
    assertTrue(
        o.stdout()
            .startsWith(
                SamplesTest.SAMPLES.resolve("m-send-conf.mms") + ": m-send-conf, 40 octets"),
        o::stdout);
  }

  @Test
  void mm4ParseErrorsAndValidatorFindingsCarryLines() throws Exception {
    String mail = Files.readString(EML, StandardCharsets.UTF_8);
    // Drop the mandatory X-Mms-Transaction-ID and break the Date: Mm4Validator findings.
    Path f = dir.resolve("any-name.bin");
    Files.writeString(
        f,
        mail.replace("X-Mms-Transaction-ID: T0003\r\n", "")
            .replace("Date: Wed, 01 May 2024 10:00:00 +0000", "Date: yesterday"),
        StandardCharsets.UTF_8);
    Tool.Outcome o = Tool.run("validate", f.toString()).assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertTrue(o.stdout().contains(f + ": ERROR line 4 [Date] "), o::stdout);
    assertTrue(
        o.stdout()
            .matches(
                "(?s).*"
                    + java.util.regex.Pattern.quote(f.toString())
                    + ": ERROR (line \\d+ )?\\[X-Mms-Transaction-ID\\] .*"),
        o::stdout);
    assertTrue(o.stdout().contains("(in 1 PDUs or MM4 messages)"), o::stdout);

    // A multipart whose close delimiter never comes: the parser's exception, with its line.
    Path cut = dir.resolve("cut.eml");
    Files.writeString(cut, mail.substring(0, mail.lastIndexOf("--=_mm4")), StandardCharsets.UTF_8);
    Tool.Outcome c = Tool.run("validate", "--json", cut.toString()).assertNoStackTrace();
    assertEquals(1, c.status(), c::stdout);
    JsonNode res = JSON.readTree(c.stdout().lines().findFirst().orElseThrow());
    assertEquals("mm4", res.get("format").asText());
    assertEquals("undecodable", res.get("status").asText());
    // One finding undecodable-<reason>, as Mm4Validator gives mail that cannot be decoded.
    assertEquals(1, res.get("findings").size(), res::toString);
    assertEquals(
        Mm4FindingCodes.UNDECODABLE_PREFIX + Mm4FindingCodes.UNTERMINATED_MULTIPART,
        res.at("/findings/0/code").asText(),
        res::toString);
    assertTrue(res.at("/findings/0/line").asInt() > 20, res::toString);
    // The byte offset beside the line: where the mail ends, since the delimiter never came.
    assertEquals(Files.size(cut), res.at("/findings/0/offset").asLong(), res::toString);
    assertEquals(1, lastLine(c).at("/summary/mm4ByType/(cannot be parsed)").asInt());
    Tool.Outcome d = Tool.run("decode", cut.toString()).assertNoStackTrace();
    assertEquals(1, d.status());
    assertTrue(
        d.stderr().startsWith("mms: " + cut + ": MM4 message cannot be parsed: "), d::stderr);
  }

  // ---- the routing extension ------------------------------------------------------------------

  @Test
  void decodeShowsTheRoutingFieldsOfABinaryPdu() throws Exception {
    Tool.Outcome o = Tool.run("decode", ROUTED.toString()).assertNoStackTrace();
    assertEquals(0, o.status(), o::stderr);
    assertTrue(
        o.stdout()
            .contains(
                "\n  Routing (extension version 1):\n    Entry: rs-north\n    Home: rs-north\n"
                    + "    Path: rs-north (1 of at most 8 hops)\n    Table version: 42\n    Charging: rs-north\n"
                    + "    Recipient: +15550123\n    Issued: 2024-05-01T10:00:00Z\n    Signature key id: rs-north.2024a\n"),
        o::stdout);

    JsonNode doc = JSON.readTree(Tool.run("decode", "--json", ROUTED.toString()).stdoutBytes());
    assertEquals("rs-north", doc.at("/routing/entry").asText());
    assertEquals(8, doc.at("/routing/hopLimit").asInt());
    assertTrue(
        fieldNames((ObjectNode) doc).indexOf("routing")
            == fieldNames((ObjectNode) doc).indexOf("findings") - 1);
    JsonNode plain =
        JSON.readTree(
            Tool.run("decode", "--json", SamplesTest.SAMPLES.resolve("m-send-req.mms").toString())
                .stdoutBytes());
    assertTrue(plain.get("routing").isNull());
  }

  @Test
  void theSamplesVerifyWithTheSampleRingAsOfTheirIssuedTime() {
    Tool.Outcome o =
        Tool.run("validate", "--routing-keys", KEYS.toString(), ROUTED.toString(), EML.toString())
            .assertNoStackTrace();
    assertEquals(0, o.status(), o::stdout);
    assertTrue(
        o.stdout()
            .contains(
                ROUTED
                    + ": INFO at 328 [X-Mms-Routing-Signature] signature by key "
                    + "rs-north.2024a of rs-north verifies as of X-Mms-Routing-Issued 2024-05-01T10:00:00Z (routing-verified)"),
        o::stdout);
    assertTrue(
        o.stdout().contains(EML + ": INFO line 27 [X-Mms-Routing-Signature] signature by key"),
        o::stdout);
    // Well-formed routing fields are not reported as stray Application-headers.
    assertTrue(!o.stdout().contains("(application-header)"), o::stdout);
  }

  @Test
  void aMalformedRoutingFieldIsAnErrorNamingTheHeader() throws Exception {
    Path f =
        write(
            "bad-hop-limit.mms",
            replace(
                Files.readAllBytes(ROUTED), "Hop-Limit\u00008\u0000", "Hop-Limit\u0000x\u0000"));
    Tool.Outcome o = Tool.run("validate", f.toString()).assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertTrue(
        o.stdout()
            .matches(
                "(?s).*"
                    + java.util.regex.Pattern.quote(f.toString())
                    + ": ERROR at \\d+ \\[X-Mms-Routing-Hop-Limit\\] not a decimal: .*\\(routing-malformed\\)\n.*"),
        o::stdout);
    Tool.Outcome d = Tool.run("decode", f.toString()).assertNoStackTrace();
    assertTrue(
        d.stdout().contains("\n  Routing: malformed [X-Mms-Routing-Hop-Limit] not a decimal"),
        d::stdout);
    JsonNode doc = JSON.readTree(Tool.run("decode", "--json", f.toString()).stdoutBytes());
    assertEquals("MALFORMED", doc.at("/routing/reason").asText());

    Path mm4 = dir.resolve("bad-path.eml");
    Files.writeString(
        mm4,
        Files.readString(EML).replace("X-Mms-Routing-Path: rs-north", "X-Mms-Routing-Path: RS!"));
    Tool.Outcome m = Tool.run("validate", mm4.toString()).assertNoStackTrace();
    assertEquals(1, m.status(), m::stdout);
    assertTrue(
        m.stdout().contains(mm4 + ": ERROR line 21 [X-Mms-Routing-Path] not a relay id"),
        m::stdout);
  }

  @Test
  void routingFieldsWithoutASignatureAreAnError() throws Exception {
    Pdu pdu = PduCodec.decode(Files.readAllBytes(ROUTED));
    Pdu unsigned = RoutingPdus.attach(pdu, RoutingPdus.read(pdu).orElseThrow().unsigned());
    Path f = write("unsigned.mms", PduCodec.encode(unsigned));
    Tool.Outcome o = Tool.run("validate", f.toString()).assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertTrue(
        o.stdout()
            .contains(
                f
                    + ": ERROR at 64 [X-Mms-Routing-Signature] routing fields without "
                    + "X-Mms-Routing-Signature"),
        o::stdout);
    assertTrue(o.stdout().contains("(routing-unsigned)"), o::stdout);
  }

  @Test
  void aTamperedFieldFailsVerification() throws Exception {
    Path f =
        write(
            "tampered.mms",
            replace(Files.readAllBytes(ROUTED), "Table-Version\u000042", "Table-Version\u000043"));
    Tool.Outcome without = Tool.run("validate", f.toString()).assertNoStackTrace();
    assertEquals(0, without.status(), "no key ring, no verification: " + without.stdout());
    Tool.Outcome o =
        Tool.run("validate", "--routing-keys", KEYS.toString(), f.toString()).assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertTrue(
        o.stdout()
            .contains(
                f
                    + ": ERROR at 328 [X-Mms-Routing-Signature] signature by key rs-north.2024a "
                    + "does not verify (routing-bad-signature)"),
        o::stdout);

    Path mm4 = dir.resolve("tampered.eml");
    Files.writeString(mm4, Files.readString(EML).replace("Table-Version: 42", "Table-Version: 43"));
    Tool.Outcome m =
        Tool.run("validate", "--routing-keys", KEYS.toString(), mm4.toString())
            .assertNoStackTrace();
    assertEquals(1, m.status(), m::stdout);
    assertTrue(
        m.stdout()
            .contains(
                mm4
                    + ": ERROR line 27 [X-Mms-Routing-Signature] signature by key "
                    + "rs-north.2024a does not verify (routing-bad-signature)"),
        m::stdout);
  }

  @Test
  void aWrongRingGivesEachVerificationCode() throws Exception {
    RoutingSigner other =
        RoutingSigner.fromSeed("rs-north.2024a", RelayId.of("rs-north"), new byte[32]);
    byte[] sampleKey = KeyRingCodec.decode(KEYS).find("rs-north.2024a").orElseThrow().publicKey();
    assertCode(
        ring(
            KeyRing.TrustedKey.of(
                "rs-north.2023a", RelayId.of("rs-north"), sampleKey, Y2024, Y2025)),
        "routing-unknown-key",
        "is not in the key ring");
    assertCode(ring(other.trustedKey(Y2024, Y2025)), "routing-bad-signature", "does not verify");
    assertCode(
        ring(
            KeyRing.TrustedKey.of(
                "rs-north.2024a",
                RelayId.of("rs-north"),
                sampleKey,
                Y2025,
                Instant.parse("2026-01-01T00:00:00Z"))),
        "routing-key-not-valid",
        "is not valid before 2025-01-01T00:00:00Z (checked as of X-Mms-Routing-Issued 2024-05-01T10:00:00Z)");
    assertCode(
        ring(
            KeyRing.TrustedKey.of(
                "rs-north.2024a", RelayId.of("rs-south"), sampleKey, Y2024, Y2025)),
        "routing-wrong-signer",
        "belongs to rs-south but the hop was sent by rs-north");
  }

  @Test
  void routingTimeAppliesTheReplayWindow() {
    Tool.Outcome now =
        Tool.run(
                "validate",
                "--routing-keys",
                KEYS.toString(),
                "--routing-time",
                "now",
                ROUTED.toString())
            .assertNoStackTrace();
    assertEquals(1, now.status(), now::stdout);
    // The sample key expired at the end of 2024: validity is checked before the window.
    assertTrue(now.stdout().contains("(routing-key-not-valid)"), now::stdout);
    Tool.Outcome later =
        Tool.run(
                "validate",
                "--routing-keys",
                KEYS.toString(),
                "--routing-time",
                "2024-05-01T11:00:00Z",
                ROUTED.toString())
            .assertNoStackTrace();
    assertEquals(1, later.status(), later::stdout);
    assertTrue(
        later
            .stdout()
            .contains("[X-Mms-Routing-Issued] issued 3600 s ago (window: 300 s) (routing-stale)"),
        later::stdout);
    Tool.Outcome early =
        Tool.run(
                "validate",
                "--routing-keys",
                KEYS.toString(),
                "--routing-time",
                "2024-05-01T09:50:00Z",
                ROUTED.toString())
            .assertNoStackTrace();
    assertEquals(1, early.status(), early::stdout);
    assertTrue(early.stdout().contains("(routing-future)"), early::stdout);
    Tool.Outcome onTime =
        Tool.run(
                "validate",
                "--routing-keys",
                KEYS.toString(),
                "--routing-time",
                "2024-05-01T10:02:00Z",
                ROUTED.toString())
            .assertNoStackTrace();
    assertEquals(0, onTime.status(), onTime::stdout);
    assertTrue(
        onTime.stdout().contains("verifies at 2024-05-01T10:02:00Z (routing-verified)"),
        onTime::stdout);

    Tool.Outcome bad =
        Tool.run(
                "validate",
                "--routing-keys",
                KEYS.toString(),
                "--routing-time",
                "yesterday",
                ROUTED.toString())
            .assertNoStackTrace();
    assertEquals(2, bad.status());
    assertEquals(1, bad.stderr().lines().count(), bad::stderr);
    Tool.Outcome noRing =
        Tool.run("validate", "--routing-time", "now", ROUTED.toString()).assertNoStackTrace();
    assertEquals(2, noRing.status());
  }

  @Test
  void aBadOrMissingKeyRingIsUnreadableWithLineAndColumn() throws Exception {
    Path f =
        write(
            "keys.txt",
            "mms-routing-keys 1\nkey bad/id rs-north AAAA 2024 2025\n"
                .getBytes(StandardCharsets.US_ASCII));
    Tool.Outcome o =
        Tool.run("validate", "--routing-keys", f.toString(), ROUTED.toString())
            .assertNoStackTrace();
    assertEquals(2, o.status());
    assertEquals(1, o.stderr().lines().count(), o::stderr);
    assertTrue(
        o.stderr()
            .startsWith("mms: " + f + ": 4 problems in key ring: line 2, column 5: invalid-key-id"),
        o::stderr);
    Tool.Outcome missing =
        Tool.run(
                "validate",
                "--routing-keys",
                dir.resolve("absent.txt").toString(),
                ROUTED.toString())
            .assertNoStackTrace();
    assertEquals(2, missing.status());
    assertTrue(missing.stderr().contains("absent.txt: no such file"), missing::stderr);
  }

  // ---- mixed input ----------------------------------------------------------------------------

  @Test
  void aDirectoryOfPdusMm4CapturesAndHexDumpsIsReadByContent() throws Exception {
    byte[] conf = Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-send-conf.mms"));
    Files.write(dir.resolve("a.mms"), conf);
    Files.write(dir.resolve("b.txt"), Files.readAllBytes(EML)); // MM4 under any name
    Files.write(
        dir.resolve("c.pcap"),
        Files.readAllBytes(SamplesTest.SAMPLES.resolve("mms-exchange.pcap")));
    StringBuilder xxd = new StringBuilder();
    for (int i = 0; i < conf.length; i += 16) {
      xxd.append(String.format("%08x: ", i));
      for (int k = i; k < Math.min(conf.length, i + 16); k++) {
        xxd.append(String.format("%02x", conf[k] & 0xFF)).append((k & 1) == 1 ? " " : "");
      }
      xxd.append('\n');
    }
    Files.writeString(
        dir.resolve("d.hex"), xxd.toString()); // "00000000:" looks like a header field too
    Files.writeString(dir.resolve("e.md"), "# Notes\nnot an input\n");
    Tool.Outcome o = Tool.run("validate", "--json", dir.toString()).assertNoStackTrace();
    assertEquals(0, o.status(), o::stdout);
    JsonNode s = lastLine(o).get("summary");
    assertEquals(5, s.get("files").asInt());
    assertEquals(8, s.get("pdus").asInt(), s::toString);
    assertEquals(1, s.get("mm4Messages").asInt(), s::toString);
    assertEquals(1, s.at("/mm4ByType/MM4_forward.REQ").asInt(), s::toString);
    assertEquals(1, s.get("skipped").asInt(), s::toString);
    assertEquals(3, s.at("/pdusByType/m-send-conf").asInt(), s::toString);

    Tool.Outcome text = Tool.run("decode", dir.toString()).assertNoStackTrace();
    assertEquals(0, text.status(), text::stderr);
    assertTrue(text.stdout().contains(dir.resolve("b.txt") + ": MM4_forward.REQ"), text::stdout);
    assertTrue(
        text.stdout().contains(dir.resolve("d.hex") + " [MMS PDU]: m-send-conf"), text::stdout);
  }

  @Test
  void textFilesThatStartLikeAHeaderAreNotTakenForMm4() throws Exception {
    Path walked = dir.resolve("walked");
    Files.createDirectories(walked);
    Files.copy(SamplesTest.SAMPLES.resolve("m-send-conf.mms"), walked.resolve("a.mms"));
    Files.writeString(walked.resolve("README"), "Source: a phone\nTaken: yesterday\n");
    Files.writeString(walked.resolve("Makefile"), "all: build\n\tmake it\n");
    Tool.Outcome v = Tool.run("validate", walked.toString()).assertNoStackTrace();
    assertEquals(0, v.status(), v::stdout); // beside the PDU in a directory they are skipped
    assertTrue(v.stdout().matches("(?s).*  PDUs +1\n.*"), v::stdout);
    assertTrue(!v.stdout().contains("MM4 messages"), v::stdout);

    Tool.Outcome named =
        Tool.run("validate", walked.resolve("README").toString()).assertNoStackTrace();
    assertEquals(
        2, named.status(), named::stdout); // named on the command line: unreadable, not broken mail
  }

  @Test
  void mailWithAByteOrderMarkIsRecognisedWhenTheMessageTypeIsItsFirstField() throws Exception {
    String type = "X-Mms-Message-Type: MM4_forward.REQ\r\n";
    String mail = Files.readString(EML, StandardCharsets.UTF_8);
    assertTrue(mail.contains(type));
    Path f =
        write(
            "bom.eml", ("\uFEFF" + type + mail.replace(type, "")).getBytes(StandardCharsets.UTF_8));
    Tool.Outcome v = Tool.run("validate", f.toString()).assertNoStackTrace();
    // Recovered and reported as an ERROR: strict decoding rejects a byte-order mark, as for PDUs.
    assertEquals(1, v.status(), v::stdout);
    assertTrue(
        v.stdout()
            .contains(
                f
                    + ": ERROR line 1 UTF-8 byte-order mark before the first header skipped "
                    + "(byte-order-mark)"),
        v::stdout);
    assertTrue(v.stdout().matches("(?s).*  PDUs +0\n  MM4 messages +1\n.*"), v::stdout);
  }

  @Test
  void previouslySentValuesAndObsoleteZonesAreParsedAsTheCodecReadsThem() throws Exception {
    String mail = Files.readString(EML, StandardCharsets.UTF_8);
    int at = mail.indexOf("\r\n") + 2; // after the first header line
    Path f =
        write(
            "previously-sent.eml",
            (mail.substring(0, at)
                    + "X-Mms-Previously-Sent-By: 0, +15550199/TYPE=PLMN@mms.example.net\r\n"
                    + "X-Mms-Previously-Sent-Date-and-Time: 0, Wed, 01 May 2024 09:00:00 +0000\r\n"
                    + "X-Mms-Expiry: Wed, 1 May 2024 10:00:00 UT\r\n"
                    + mail.substring(at).replaceFirst("X-Mms-Expiry: [^\r]*\r\n", ""))
                .getBytes(StandardCharsets.UTF_8));
    Mm4ForwardReq req = (Mm4ForwardReq) Mm4Codec.decode(Files.readAllBytes(f));
    PreviouslySentDate when = req.previouslySentDate().get(0);
    PreviouslySentBy by = req.previouslySentBy().get(0);
    Tool.Outcome d = Tool.run("decode", f.toString()).assertNoStackTrace();
    assertTrue(
        d.stdout()
            .contains(
                "\n  X-Mms-Previously-Sent-Date-and-Time: 0, Wed, 01 May 2024 09:00:00 +0000  => #"
                    + when.index()
                    + " "
                    + when.date().toInstant()
                    + "\n"),
        d::stdout);
    assertTrue(
        d.stdout()
            .contains(
                "\n  X-Mms-Previously-Sent-By: 0, +15550199/TYPE=PLMN@mms.example.net  => #"
                    + by.index()
                    + " "
                    + by.address().value()
                    + " ("
                    + by.address().type().orElseThrow().token()
                    + ", domain "
                    + by.address().domain().orElseThrow()
                    + ")\n"),
        d::stdout);
    assertTrue(d.stdout().contains("=> #0 2024-05-01T09:00:00Z\n"), d::stdout);
    assertTrue(d.stdout().contains("=> #0 +15550199 (PLMN, domain mms.example.net)\n"), d::stdout);
    assertTrue(
        d.stdout().contains("X-Mms-Expiry: Wed, 1 May 2024 10:00:00 UT  => 2024-05-01T10:00:00Z"),
        d::stdout);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void assertCode(Path ring, String code, String detail) {
    Tool.Outcome o =
        Tool.run("validate", "--routing-keys", ring.toString(), ROUTED.toString(), EML.toString())
            .assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertEquals(
        2,
        o.stdout()
            .lines()
            .filter(
                l -> l.contains(" ERROR ") && l.endsWith("(" + code + ")") && l.contains(detail))
            .count(),
        o::stdout);
  }

  private Path ring(KeyRing.TrustedKey key) throws Exception {
    Path f = Files.createTempFile(dir, "ring", ".txt");
    Files.write(f, KeyRingCodec.encode(KeyRing.of(List.of(key))));
    return f;
  }

  private Path write(String name, byte[] content) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, content);
    return f;
  }

  /** Replaces one occurrence of an ASCII string in binary content (same length, so offsets stay). */
  private static byte[] replace(byte[] b, String from, String to) {
    assertEquals(from.length(), to.length());
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int i = s.indexOf(from);
    assertTrue(i >= 0, from);
    return (s.substring(0, i) + to + s.substring(i + from.length()))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<String> fieldNames(ObjectNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The last line of validate --json: the summary. */
  private static JsonNode lastLine(Tool.Outcome o) throws java.io.IOException {
    List<String> lines = o.stdout().lines().toList();
    return JSON.readTree(lines.get(lines.size() - 1));
  }
}
