package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
