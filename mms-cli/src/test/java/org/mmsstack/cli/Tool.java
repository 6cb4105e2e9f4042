package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the tool in-process through its picocli entry point, as the launcher would. */
final class Tool {

  /** What one run did. */
  record Outcome(int status, byte[] stdoutBytes, String stderr) {
    String stdout() {
      return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    /** Bad input must never show a stack trace, on either stream. */
    Outcome assertNoStackTrace() {
      for (String s : new String[] {stdout(), stderr}) {
        assertFalse(
            s.contains("\tat ")
                || s.contains("Exception in thread")
                || s.contains("internal error"),
            () -> "stack trace or internal error in output:\n" + s);
      }
      return this;
    }
  }

  private Tool() {}

  static Outcome run(String... args) {
    return runWithInput(new byte[0], args);
  }

  static Outcome runWithInput(byte[] stdin, String... args) {
    return runOnTerminals(stdin, false, false, args);
  }

  /** Runs as if standard output and standard error were (or were not) terminals. */
  static Outcome runOnTerminals(
      byte[] stdin, boolean stdoutTerminal, boolean stderrTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new ByteArrayInputStream(stdin),
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            stdoutTerminal,
            stderrTerminal);
    return new Outcome(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }
}
