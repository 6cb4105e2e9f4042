package org.mmsstack.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on standard error, in octets read, with the rate and the time left: {@code
 * [#########        ] 120.4 MiB of 300.0 MiB  41.2 MiB/s  0:04 left}. It appears only once a run
 * has taken a second, so short runs print nothing extra, and only when standard error is a
 * terminal (the caller decides). Workers count octets as they read ({@link #read}, any thread);
 * the bar is drawn from the reporting thread only ({@link #tick}, {@link #clear}), so its output
 * never interleaves with a report line. Without a known total (standard input) it shows the
 * octets and the rate only.
 */
final class ProgressBar implements AutoCloseable {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final long total;
  private final boolean enabled;

  /** How long a run goes before the bar appears; a property so that tests need not wait. */
  private final long delayNanos = Long.getLong("mmsstack.progress.delayMillis", 1000L) * 1_000_000L;

  private final long start = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private long lastDraw;
  private int drawnLength;

  /**
   * @param total the octets of all inputs, or -1 when unknown (standard input among them)
   * @param enabled whether to draw at all
   */
  ProgressBar(PrintWriter err, long total, boolean enabled) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
  }

  /** Octets read by a worker; thread-safe. */
  void read(long octets) {
    done.addAndGet(octets);
  }

  /** Redraws the bar when it is time to (from the reporting thread). */
  void tick() {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < delayNanos || now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = line(done.get(), total, now - start);
    err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    err.flush();
    drawnLength = line.length();
  }

  /** The bar's text for {@code done} of {@code total} octets after {@code nanos}. */
  static String line(long done, long total, long nanos) {
    double seconds = Math.max(nanos / 1e9, 1e-3);
    double rate = done / seconds;
    StringBuilder b = new StringBuilder();
    if (total > 0) {
      long shown = Math.min(done, total);
      int filled = (int) (shown * WIDTH / total);
      b.append('[')
          .append("#".repeat(filled))
          .append(" ".repeat(WIDTH - filled))
          .append("] ")
          .append(octets(shown))
          .append(" of ")
          .append(octets(total));
    } else {
      b.append(octets(done));
    }
    b.append("  ").append(octets((long) rate)).append("/s");
    if (total > 0 && rate > 0 && done < total) {
      long left = (long) Math.ceil((total - done) / rate);
      b.append(String.format(Locale.ROOT, "  %d:%02d left", left / 60, left % 60));
    }
    return b.toString();
  }

  /** Octets for people: {@code 512 B}, {@code 12.3 KiB}, {@code 300.0 MiB}, {@code 1.2 GiB}. */
  static String octets(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** Removes the bar (before other output). */
  void clear() {
    if (drawnLength > 0) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      err.flush();
      drawnLength = 0;
    }
  }

  @Override
  public void close() {
    clear();
  }
}
