package org.mmsstack.mm4.smtp.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;

/**
 * Fuzzes the receiver's line reader, command parser and session state machine with arbitrary
 * client input. The regression inputs under {@code ServerSessionFuzzTestInputs} run in every
 * build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class ServerSessionFuzzTest {
  private static final SmtpReceiverConfig CONFIG =
      SmtpReceiverConfig.builder()
          .maxLineLength(600)
          .maxMessageSize(2048)
          .maxRecipients(4)
          .maxErrors(50)
          .build();

  @FuzzTest(maxDuration = "10s")
  void fuzzSession(byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ServerSession(
            CONFIG,
            (envelope, message) -> {
              assertTrue(message.length <= CONFIG.maxMessageSize());
              assertTrue(!envelope.recipients().isEmpty());
              for (int i = 0; i < message.length; i++) {
                // Every line end handed over is CR LF, and no line is the end-of-data mark.
                if (message[i] == '\n') {
                  assertTrue(i > 0 && message[i - 1] == '\r');
                }
                if (message[i] == '\r') {
                  assertTrue(i + 1 < message.length && message[i + 1] == '\n');
                }
              }
              return SmtpDeliveryOutcome.accepted();
            },
            null,
            false)
        .run(new ByteArrayInputStream(input), out);
    String replies = out.toString(StandardCharsets.ISO_8859_1);
    assertTrue(replies.endsWith("\r\n"));
    for (String line : replies.split("\r\n")) {
      assertTrue(
          line.length() >= 4
              && line.charAt(0) >= '2'
              && line.charAt(0) <= '5'
              && (line.charAt(3) == ' ' || line.charAt(3) == '-'),
          line);
      for (int i = 0; i < line.length(); i++) {
        assertTrue(
            line.charAt(i) >= 0x20 && line.charAt(i) < 0x7f, "reply echoes only printable ASCII");
      }
    }
  }

  @FuzzTest(maxDuration = "10s")
  void fuzzPathArguments(byte[] input) {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    CommandParser.PathArgument mail = CommandParser.parseMailArgument(text);
    CommandParser.PathArgument rcpt = CommandParser.parseRcptArgument(text);
    for (CommandParser.PathArgument p : new CommandParser.PathArgument[] {mail, rcpt}) {
      if (p.ok() && p.address() != null) {
        // What we accept we can write back, and it reads back as the same address.
        String written = p.address().toSmtpString();
        assertTrue(
            CommandParser.parseRcptArgument("TO:<" + written + ">").address().equals(p.address()));
      }
    }
    CommandParser.parseCommand(text);
  }
}
