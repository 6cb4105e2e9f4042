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
  void aNamedCommandIsTheOnlyOneSetUpAndOtherwiseTheWholeTreeIs() {
    Main main = new Main(null, System.out, null, false);
    picocli.CommandLine one = Main.commandLine(main, new String[] {"validate", "-q", "x"});
    assertEquals(java.util.Set.of("validate"), one.getSubcommands().keySet());
    assertEquals(
        "mms validate", one.getSubcommands().get("validate").getCommandSpec().qualifiedName());
    for (String[] args :
        new String[][] {{}, {"--help"}, {"help", "validate"}, {"valdate"}, {"-V", "validate"}}) {
      assertTrue(
          Main.commandLine(main, args)
              .getSubcommands()
              .keySet()
              .containsAll(
                  java.util.Set.of(
                      "decode", "validate", "encode", "mm4", "lab", "routing", "help")),
          String.join(" ", args));
    }
  }

  @Test
  void everyCommandAnswersDashVWithTheToolsVersion() {
    Main main = new Main(null, System.out, null, false);
    java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
    collect(Main.commandLine(main, new String[0]), new java.util.ArrayList<>(), paths);
    assertTrue(paths.size() > 8, paths::toString);
    String expected = Tool.run("-V").assertNoStackTrace().stdout();
    assertTrue(expected.startsWith("mms "), expected);
    for (java.util.List<String> path : paths) {
      java.util.List<String> args = new java.util.ArrayList<>(path);
      args.add("-V");
      Tool.Outcome o = Tool.run(args.toArray(new String[0])).assertNoStackTrace();
      assertEquals(Main.EXIT_OK, o.status(), args::toString);
      assertEquals(expected, o.stdout(), args::toString);
    }
  }

  private static void collect(
      picocli.CommandLine cl,
      java.util.List<String> path,
      java.util.List<java.util.List<String>> into) {
    for (java.util.Map.Entry<String, picocli.CommandLine> e : cl.getSubcommands().entrySet()) {
      if (e.getValue().getCommandSpec().mixinStandardHelpOptions()) {
        java.util.List<String> p = new java.util.ArrayList<>(path);
        p.add(e.getKey());
        into.add(p);
        collect(e.getValue(), p, into);
      }
    }
  }

  @Test
  void aCommandAloneKeepsItsUsageItsErrorsAndItsParent() {
    Tool.Outcome help = Tool.run("validate", "--help").assertNoStackTrace();
    assertEquals(Main.EXIT_OK, help.status());
    assertTrue(help.stdout().startsWith("Usage: mms validate "), help.stdout());
    Tool.Outcome bad = Tool.run("validate", "--no-such-option", "x").assertNoStackTrace();
    assertEquals(Main.EXIT_UNREADABLE, bad.status());
    assertTrue(bad.stderr().contains("Unknown option: '--no-such-option'"), bad.stderr());
    Tool.Outcome viaHelp = Tool.run("help", "validate").assertNoStackTrace();
    assertEquals(Main.EXIT_OK, viaHelp.status());
    assertTrue(viaHelp.stdout().startsWith("Usage: mms validate "), viaHelp.stdout());
    // The command reaches its parent's streams (@ParentCommand) when set up alone.
    Tool.Outcome run = Tool.run("validate", "-q", "../samples/m-notification-ind.mms");
    assertTrue(run.stdout().contains("PDUs                        1"), run.stdout());
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
