package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mmsstack.cli.samples.SampleGenerator;

/** The committed samples are what the generator makes, and the tool reads them as the README says. */
class SamplesTest {

  static final Path SAMPLES = Paths.get("..", "samples");

  @Test
  void committedSamplesEqualTheGeneratorsOutput() throws IOException {
    Map<String, byte[]> made = SampleGenerator.samples();
    try (Stream<Path> s = Files.list(SAMPLES)) {
      assertEquals(
          made.keySet(),
          s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
          "samples/ holds exactly the generated files (regenerate with SampleGenerator)");
    }
    for (Map.Entry<String, byte[]> e : made.entrySet()) {
      assertArrayEquals(
          e.getValue(),
          Files.readAllBytes(SAMPLES.resolve(e.getKey())),
          e.getKey()
              + " differs from the generator's output: run org.mmsstack.cli.samples.SampleGenerator samples");
    }
  }

  @Test
  void theReadmeCommandDecodesTheNotification() {
    Tool.Outcome o =
        Tool.run("decode", SAMPLES.resolve("m-notification-ind.mms").toString())
            .assertNoStackTrace();
    assertEquals(0, o.status(), o::stderr);
    String out = o.stdout();
    assertTrue(out.contains("m-notification-ind, MMS 1.2, 99 octets"), out);
    assertTrue(out.contains("  X-Mms-Priority: Normal (0x81)"), out);
    assertTrue(out.contains("  X-Mms-Message-Class: Personal (0x80)"), out);
    assertTrue(out.contains("  X-Mms-Content-Location: http://mmsc.example.net/mms/T0001"), out);
  }

  @Test
  void sendReqShowsPartsWithTheirText() {
    String out =
        Tool.run("decode", SAMPLES.resolve("m-send-req.mms").toString())
            .assertNoStackTrace()
            .stdout();
    assertTrue(out.contains("Part 2 of 3: text/plain (0x03); charset=utf-8 (106), 45 octets"), out);
    assertTrue(out.contains("    | Greetings from the beach! Grüße vom Strand."), out);
    assertTrue(
        out.contains("Part 3 of 3: image/vnd.wap.wbmp (0x21); name=smiley.wbmp, 36 octets"), out);
    assertTrue(out.contains("      Content-ID: <smil>"), out);
  }

  @Test
  void validSamplesValidateCleanAndTheBrokenOneDoesNot() {
    Tool.Outcome o = Tool.run("validate", SAMPLES.toString()).assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertTrue(
        o.stdout()
            .startsWith(
                SAMPLES.resolve("broken-truncated-notification.mms")
                    + ": ERROR at 65 [X-Mms-Content-Location]"),
        o::stdout);
    assertEquals(1, o.stdout().lines().filter(l -> l.contains(" ERROR ")).count(), o::stdout);
    // 8 PDU files plus the capture's 6 PDUs, the MM4 message, and the key ring (skipped).
    assertTrue(o.stdout().matches("(?s).*  files +11\n  PDUs +14\n.*"), o::stdout);
    assertTrue(
        o.stdout()
            .matches("(?s).*  MM4 messages +1\n    MM4_forward.REQ +1\n  skipped files +1  .*"),
        o::stdout);
  }

  @Test
  void hexShowsWhereTheBrokenPduBreaks() {
    Tool.Outcome o =
        Tool.run("decode", "--hex", SAMPLES.resolve("broken-truncated-notification.mms").toString())
            .assertNoStackTrace();
    assertEquals(1, o.status());
    String out = o.stdout();
    assertTrue(out.contains("00003e  8f 81 "), out);
    assertTrue(out.contains("X-Mms-Priority: Normal (0x81)"), out);
    assertTrue(
        out.contains(
            "000040  83 68 74 74 70 3a 2f 2f 6d 6d 73 63 2e 65 78 61  X-Mms-Content-Location: "
                + "not decodable (23 octets to the end)"),
        out);
    assertTrue(out.contains("        ^ ERROR at 65 [X-Mms-Content-Location]"), out);
    assertEquals(1, o.stderr().lines().count(), o::stderr);
  }

  @Test
  void hexAnnotatesPartsLengthByLength() {
    String out =
        Tool.run("decode", "--hex", SAMPLES.resolve("m-send-req.mms").toString())
            .assertNoStackTrace()
            .stdout();
    assertTrue(out.matches("(?s).*\n[0-9a-f]{6}  03 +multipart: 3 entries\n.*"), out);
    assertTrue(out.matches("(?s).*part 1: HeadersLen \\d+\n.*part 1: DataLen 308\n.*"), out);
    assertTrue(out.contains("part 2: Content-Type: text/plain (0x03); charset=utf-8 (106)"), out);
    assertTrue(
        out.contains("part 2: data, 45 octets: \"Greetings from the beach! Gr....e vom St...\""),
        out);
  }

  @Test
  void theCaptureGivesEveryPduWithFrameAndTime() {
    Tool.Outcome o =
        Tool.run("decode", "--json", "--compact", SAMPLES.resolve("mms-exchange.pcap").toString())
            .assertNoStackTrace();
    assertEquals(0, o.status(), o::stderr);
    var lines = o.stdout().lines().collect(Collectors.toList());
    assertEquals(6, lines.size());
    assertTrue(
        lines.get(2).contains("\"frame\":8,\"timestamp\":\"2024-01-01T12:00:00.070Z\""),
        lines.get(2));
    assertTrue(lines.get(2).contains("\"messageType\":\"m-notification-ind\""), lines.get(2));
    assertTrue(
        lines.get(2).contains("WSP Push tid 1 udp 10.1.2.4:9200 -> 10.20.30.40:2948"),
        lines.get(2));
  }
}
