package org.mmsstack.mm4.internal.mime;

import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4Finding;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Findings;

/**
 * State of one parse: the input, the limits, the findings collector, and the counters that the
 * limits bound across the whole message (parts). Offsets reported are relative to {@link #base},
 * the first byte the caller handed over; lines are 1-based from there.
 */
public final class ParseContext {

  /** The input. */
  public final byte[] buf;
  /** Offset of the caller's first byte in {@link #buf}. */
  public final int base;
  /** Limits and mode. */
  public final Mm4Config config;
  /** Where findings go (throws in strict mode). */
  public final Mm4Findings findings;

  /** Line feeds before {@code countedTo} are counted in {@code countedLine}; see {@link #line}. */
  private int countedTo;
  private long countedLine = 1;
  private boolean bareLfReported;
  private boolean sawBareLf;
  private int parts;

  /** Creates the context. */
  public ParseContext(byte[] buf, int base, Mm4Config config, Mm4Findings findings) {
    this.buf = buf;
    this.base = base;
    this.config = config;
    this.findings = findings;
    this.countedTo = base;
  }

  /** The 0-based offset of {@code pos} as the caller sees it. */
  public long offset(int pos) {
    return (long) pos - base;
  }

  /**
   * The 1-based line of {@code pos}. Only called when something is reported, so counting line
   * feeds is cheaper overall than tracking lines on the hot path. The count resumes from the
   * position asked for last: reports come mostly in input order, and recounting from the start
   * for each of many findings was quadratic in the size of the input.
   */
  public long line(int pos) {
    int end = Math.min(pos, buf.length);
    if (end < countedTo) {
      countedTo = base;
      countedLine = 1;
    }
    for (; countedTo < end; countedTo++) {
      if (buf[countedTo] == '\n') {
        countedLine++;
      }
    }
    return countedLine;
  }

  /** Reports a finding at {@code pos}. */
  public void report(Mm4Finding.Severity severity, Mm4FormatException.Reason reason, int pos,
      String header, String message) throws Mm4FormatException {
    findings.report(new Mm4Finding(severity, reason, line(pos), offset(pos), header, message));
  }

  /** Notes a line ended by LF alone; the first one is reported, later ones only counted. */
  public void bareLineFeed(int pos) throws Mm4FormatException {
    sawBareLf = true;
    if (!bareLfReported) {
      bareLfReported = true;
      report(Mm4Finding.Severity.WARNING, Mm4FormatException.Reason.BARE_LINE_FEED, pos, null,
          "line ends in LF without CR (further ones are not reported)");
    }
  }

  /** @return whether any structural line ended in LF alone */
  public boolean sawBareLineFeed() {
    return sawBareLf;
  }

  /** Counts one more body part, failing before it is parsed when {@code maxParts} is reached. */
  public void countPart(int pos) throws Mm4FormatException {
    if (parts >= config.maxParts()) {
      throw Mm4FormatException.limitExceeded("maxParts", config.maxParts(), line(pos), offset(pos), null);
    }
    parts++;
  }
}
