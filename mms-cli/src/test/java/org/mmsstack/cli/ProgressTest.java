package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** validate's progress: octets, rate and time left, on standard error when it is a terminal only. */
class ProgressTest {

  private static final String DELAY = "mmsstack.progress.delayMillis";

  @BeforeEach
  void drawAtOnce() {
    System.setProperty(DELAY, "0");
  }

  @AfterEach
  void drawAfterASecond() {
    System.clearProperty(DELAY);
  }

  @Test
  void theLineShowsOctetsRateAndTimeLeft() {
    assertEquals(
        "[############            ] 50.0 MiB of 100.0 MiB  25.0 MiB/s  0:02 left",
        ProgressBar.line(50L << 20, 100L << 20, 2_000_000_000L));
    assertEquals("3.0 KiB  1.5 KiB/s", ProgressBar.line(3072, -1, 2_000_000_000L));
    assertEquals("512 B", ProgressBar.octets(512));
    assertEquals("1.5 GiB", ProgressBar.octets(3L << 29));
  }

  @Test
  void shownWhenStandardErrorIsATerminalEvenWithOutputToAFile() {
    Tool.Outcome o =
        Tool.runOnTerminals(new byte[0], false, true, "validate", SamplesTest.SAMPLES.toString())
            .assertNoStackTrace();
    assertTrue(o.stderr().contains("\r["), o::stderr);
    assertTrue(o.stderr().contains(" of "), o::stderr);
    assertTrue(o.stderr().contains("/s"), o::stderr);
    assertFalse(o.stdout().contains("\r"), "the bar goes to standard error only");
  }

  @Test
  void neverShownWhenStandardErrorIsNotATerminal() {
    for (String[] args :
        new String[][] {
          {"validate", SamplesTest.SAMPLES.toString()},
          {"validate", "--progress", SamplesTest.SAMPLES.toString()}
        }) {
      Tool.Outcome o = Tool.runOnTerminals(new byte[0], true, false, args);
      assertFalse(o.stderr().contains("\r"), o::stderr);
    }
    Tool.Outcome off =
        Tool.runOnTerminals(
            new byte[0], false, true, "validate", "--no-progress", SamplesTest.SAMPLES.toString());
    assertFalse(off.stderr().contains("\r"), off::stderr);
  }
}
