package org.mmsstack.cli;

import java.io.PrintWriter;

/**
 * A progress bar on standard error that appears only once a run has taken a second, so short
 * runs print nothing extra. Drawn from the working thread between files (no timer thread), and
 * cleared before anything else is printed.
 */
final class ProgressBar implements AutoCloseable {

  private static final long DELAY_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int done;
  private boolean drawn;

  ProgressBar(PrintWriter err, int total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  /** One more input done. */
  void step() {
    done++;
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < DELAY_NANOS || (now - lastDraw < REDRAW_NANOS && done < total)) {
      return;
    }
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    err.print(
        "\r["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total
            + " files");
    err.flush();
    drawn = true;
  }

  /** Removes the bar (before other output). */
  void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
      err.flush();
      drawn = false;
    }
  }

  @Override
  public void close() {
    clear();
  }
}
