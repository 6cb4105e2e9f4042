package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Conventions operators expect from jq, curl and tshark. */
class CliConventionsTest {

  @Test
  void noArgumentsPrintsUsageOnStderrWithStatusTwo() {
    Tool.Outcome o = Tool.run().assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, o.status());
    assertEquals("", o.stdout());
    assertTrue(o.stderr().contains("Usage: mms"), o.stderr());
    assertTrue(o.stderr().contains("decode"), o.stderr());
  }

  @Test
  void helpStaysOnStdoutWithStatusZero() {
    Tool.Outcome o = Tool.run("--help").assertNoStackTrace();
    assertEquals(Main.EXIT_OK, o.status());
    assertTrue(o.stdout().contains("Usage: mms"), o.stdout());
    assertEquals("", o.stderr());
  }

  @Test
  void encodeRefusesBinaryOutputWhenStandardOutputIsATerminalWhateverStandardInputIs()
      throws IOException {
    byte[] pdu = Files.readAllBytes(Path.of("..", "samples", "m-notification-ind.mms"));
    byte[] json = Tool.run("decode", "--json", "../samples/m-notification-ind.mms").stdoutBytes();

    // The JSON arrives on a pipe; only standard output decides.
    Tool.Outcome onTerminal = Tool.runOnTerminals(json, true, false, "encode", "-");
    assertEquals(Main.EXIT_UNREADABLE, onTerminal.status());
    assertEquals(0, onTerminal.stdoutBytes().length);
    assertTrue(onTerminal.stderr().contains("refusing to write a binary PDU"), onTerminal.stderr());

    Tool.Outcome toPipe = Tool.runOnTerminals(json, false, true, "encode", "-");
    assertEquals(Main.EXIT_OK, toPipe.status(), toPipe.stderr());
    assertArrayEquals(pdu, toPipe.stdoutBytes());
  }

  @Test
  void terminalDevicesAreTtysPseudoTerminalsAndTheConsole() {
    assertTrue(Terminals.isTerminalDevice("/dev/pts/3"));
    assertTrue(Terminals.isTerminalDevice("/dev/tty1"));
    assertTrue(Terminals.isTerminalDevice("/dev/console"));
    assertFalse(Terminals.isTerminalDevice("pipe:[123456]"));
    assertFalse(Terminals.isTerminalDevice("/tmp/report.txt"));
    assertFalse(Terminals.isTerminalDevice("/dev/null"));
  }

  @Test
  void theTestsOwnRedirectedStreamsAreNoTerminals() {
    // Surefire runs the tests with standard output and error on pipes.
    assertFalse(Terminals.stdout());
    assertFalse(Terminals.stderr());
  }
}
