package org.mmsstack.mm4.internal.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * State of one parse: the input, the limits, the findings, and the counters that the limits bound
 * across the whole message (parts). Strict and lenient parsing share this one path: a finding of
 * severity {@link Severity#ERROR} is thrown at once when {@link Mm4Config#strict()} is set, and
 * recorded otherwise. Offsets reported are relative to {@link #base},
 * the first byte the caller handed over; lines are 1-based from there.
 */
public final class ParseContext {

  /** The input. */
  public final byte[] buf;

  /** Offset of the caller's first byte in {@link #buf}. */
  public final int base;

  /** Limits and mode. */
  public final Mm4Config config;

  /** The input as the header fields of this parse see it (one per parse, shared by them). */
  public final RawField fields;

  private final List<Finding> findings = new ArrayList<>();

  /** Line feeds before {@code countedTo} are counted in {@code countedLine}; see {@link #line}. */
  private int countedTo;

  private long countedLine = 1;
  private boolean bareLfReported;
  private boolean sawBareLf;
  private int parts;

  /** Creates the context. */
  public ParseContext(byte[] buf, int base, Mm4Config config) {
    this.buf = buf;
    this.base = base;
    this.config = config;
    this.fields = new RawField(buf, base);
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
    countedLine += countLineFeeds(buf, countedTo, end);
    countedTo = Math.max(countedTo, end);
    return countedLine;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /** The line feeds in {@code b[from, to)}, counted eight octets a step. */
  static int countLineFeeds(byte[] b, int from, int to) {
    int n = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      // The octets equal to LF become zero; each zero octet gets its high bit set, exactly.
      long x = (long) LONGS.get(b, i) ^ (ONES * '\n');
      long zero = ~(((x & LOW7) + LOW7) | x | LOW7);
      n += Long.bitCount(zero);
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Reports a finding at {@code pos} (an index into {@link #buf}). */
  public void report(Severity severity, String code, int pos, String header, String message)
      throws Mm4FormatException {
    report(
        Finding.ofLine(severity, code, line(pos), Finding.NO_COLUMN, offset(pos), header, message));
  }

  /**
   * Records a finding, or throws it when strict parsing meets an error.
   *
   * @throws Mm4FormatException in strict mode for a finding of severity ERROR
   */
  public void report(Finding finding) throws Mm4FormatException {
    if (config.strict() && finding.severity() == Severity.ERROR) {
      throw Mm4FormatException.of(finding);
    }
    findings.add(finding);
  }

  /** @return the findings recorded so far, in the order they were reported (a copy) */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** Notes a line ended by LF alone; the first one is reported, later ones only counted. */
  public void bareLineFeed(int pos) throws Mm4FormatException {
    sawBareLf = true;
    if (!bareLfReported) {
      bareLfReported = true;
      report(
          Severity.ERROR,
          Mm4FindingCodes.BARE_LINE_FEED,
          pos,
          null,
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
      throw Mm4FormatException.limitExceeded(
          "maxParts", config.maxParts(), line(pos), offset(pos), null);
    }
    parts++;
  }
}
