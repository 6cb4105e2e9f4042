package org.mmsstack.mm4.smtp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;

/** The session state machine driven by byte arrays: whole dialogues in, replies out. */
class ServerSessionTest {
  final List<byte[]> delivered = new ArrayList<>();

  List<String> run(String input) throws IOException {
    return run(input.getBytes(StandardCharsets.ISO_8859_1), SmtpReceiverConfig.builder().build());
  }

  List<String> run(byte[] input, SmtpReceiverConfig config) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ServerSession(
            config,
            (envelope, message) -> {
              delivered.add(message);
              return SmtpDeliveryOutcome.accepted();
            },
            null,
            false)
        .run(new ByteArrayInputStream(input), out);
    List<String> codes = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      assertTrue(line.matches("[2-5][0-9][0-9][ -].*"), "reply line: " + line);
      if (line.charAt(3) == ' ') {
        codes.add(line.substring(0, 3));
      }
    }
    return codes;
  }

  @Test
  void wholeDialogue() throws IOException {
    List<String> codes =
        run(
            "EHLO c.test\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\n"
                + "DATA\r\nSubject: x\r\n\r\n..dot\r\n.\r\nQUIT\r\n");
    assertEquals(List.of("220", "250", "250", "250", "354", "250", "221"), codes);
    assertArrayEquals(
        "Subject: x\r\n\r\n.dot\r\n".getBytes(StandardCharsets.US_ASCII), delivered.get(0));
  }

  @Test
  void ehloAdvertisesExtensionsButNoStartTlsWithoutContext() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ServerSession(
            SmtpReceiverConfig.builder().maxMessageSize(1234).build(),
            (e, m) -> SmtpDeliveryOutcome.accepted(),
            null,
            false)
        .run(
            new ByteArrayInputStream(
                "EHLO c.test\r\nSTARTTLS\r\n".getBytes(StandardCharsets.US_ASCII)),
            out);
    String text = out.toString(StandardCharsets.US_ASCII);
    assertTrue(text.contains("250-8BITMIME\r\n"), text);
    assertTrue(text.contains("SIZE 1234\r\n"), text);
    assertTrue(!text.contains("STARTTLS\r\n250"), text);
    assertTrue(text.endsWith("502 5.5.1 STARTTLS not available\r\n"), text);
  }

  @Test
  void endOfStreamMidDataDeliversNothing() throws IOException {
    run("HELO c\r\nMAIL FROM:<>\r\nRCPT TO:<b@example.org>\r\nDATA\r\npartial\r\n");
    assertTrue(delivered.isEmpty());
  }

  @Test
  void sourceRouteIsIgnored() throws IOException {
    List<String> codes =
        run(
            "HELO c\r\nMAIL FROM:<>\r\nRCPT TO:<@relay.example.org,@b.example.org:b@example.org>\r\n");
    assertEquals(List.of("220", "250", "250", "250"), codes);
  }

  @Test
  void commandsAreCaseInsensitiveAndSpaceAfterColonIsTolerated() throws IOException {
    List<String> codes =
        run("ehlo c\r\nmail from: <a@example.org>\r\nrcpt to: <b@example.org>\r\nrset\r\nquit\r\n");
    assertEquals(List.of("220", "250", "250", "250", "250", "221"), codes);
  }

  @Test
  void parserReturnsErrorsInsteadOfThrowing() {
    assertEquals(501, CommandParser.parseMailArgument("FROM:<a@example.org").errorCode());
    assertEquals(501, CommandParser.parseMailArgument("FROM:<a@example.org>x").errorCode());
    assertEquals(501, CommandParser.parseMailArgument("FROM:<a@example.org> =x").errorCode());
    assertEquals(
        501, CommandParser.parseMailArgument("FROM:<a@example.org> SIZE=1 SIZE=2").errorCode());
    assertEquals(501, CommandParser.parseRcptArgument("TO:<>").errorCode());
    assertEquals(501, CommandParser.parseRcptArgument("TO:<@x>").errorCode());
    assertEquals(501, CommandParser.parseMailArgument("TO:<a@example.org>").errorCode());
    assertTrue(CommandParser.parseMailArgument("FROM:<>").ok());
    assertEquals(
        "\"a>b\"@example.org",
        CommandParser.parseRcptArgument("TO:<\"a>b\"@example.org>").address().toSmtpString());
    assertEquals(
        CommandParser.Verb.UNKNOWN, CommandParser.parseCommand("MAIL\u00ff FROM:<>").verb());
    assertEquals(-1, CommandParser.parseSize("12a"));
    assertEquals(-1, CommandParser.parseSize("9999999999999999999"));
  }

  @Test
  void lineReaderBoundsAndReportsLineEnds() throws IOException {
    byte[] input =
        ("ok\r\nbare\n" + "x".repeat(20) + "\r\n" + "y".repeat(11) + "\nlast")
            .getBytes(StandardCharsets.US_ASCII);
    LineReader reader = new LineReader(new ByteArrayInputStream(input), 10);
    assertEquals(LineReader.CRLF, reader.readLine());
    assertEquals("ok", reader.lineText());
    assertEquals(LineReader.LF, reader.readLine());
    assertEquals("bare", reader.lineText());
    assertEquals(LineReader.TOO_LONG, reader.readLine());
    assertTrue(reader.endedWithCrlf());
    assertEquals(LineReader.TOO_LONG, reader.readLine());
    assertTrue(!reader.endedWithCrlf());
    assertEquals(LineReader.EOF, reader.readLine(), "a partial last line is not a line");
  }

  @Test
  void dataEncodingScansAndWrites() throws IOException {
    byte[] message = "a\n.b\r\nc\rü".getBytes(StandardCharsets.UTF_8);
    DataEncoding.Scan scan = DataEncoding.scan(message, 998);
    assertEquals(8, scan.firstEightBitOffset);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataEncoding.write(message, out);
    byte[] wire = out.toByteArray();
    assertArrayEquals("a\r\n..b\r\nc\r\nü\r\n.\r\n".getBytes(StandardCharsets.UTF_8), wire);
    // SIZE counts the normalised message without dot-stuffing and without the end mark.
    assertEquals(wire.length - 1 - 3, scan.normalizedSize);
  }
}
