package org.mmsstack.routing.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingDataFormatException.Format;
import org.mmsstack.routing.RoutingDataFormatException.Reason;
import org.mmsstack.routing.internal.LineTokens;
import org.mmsstack.routing.table.internal.ByteKeyInterner;
import org.mmsstack.routing.table.internal.DigitKeys;
import org.mmsstack.routing.table.internal.DomainNames;
import org.mmsstack.routing.table.internal.KeyTargetTable;

/**
 * The routing table text format ({@code docs/routing-table-format.md}): decodes it into a
 * {@link RoutingTable} and encodes a table in its canonical form. Final, stateless and
 * thread-safe; it follows the codec idiom of the project ({@code PduCodec}): static
 * {@code decode} with an optional {@link RoutingDataConfig}, static {@code encode}.
 * {@link org.mmsstack.routing.KeyRingCodec} has the same methods for key rings.
 *
 * <p>Decoding works on bytes, a line at a time, with a bounded buffer, and creates no object per
 * entry (targets are recognised by their bytes), so a file of millions of entries loads in about
 * the time it takes to read it. It does not stop at the first problem: every line is checked and
 * every problem reported as a {@link org.mmsstack.encapsulation.Finding} with its line and column
 * (up to {@link RoutingDataConfig#maxFindings()}), including duplicate keys, which name
 * the line of the first occurrence; then it throws one {@link RoutingDataFormatException}. There
 * is no lenient mode (see {@link RoutingDataConfig}).
 *
 * <p>Encoding writes the canonical form: the format line, the version line, the default route,
 * then domain suffixes, prefixes and override numbers, each group sorted (digit strings
 * lexicographically), one entry per line, single spaces, LF line ends, no {@code '+'}. Decoding
 * the output gives an equal table, and encoding that table gives the same bytes.
 *
 * <pre>{@code
 * RoutingTable table = RoutingTableCodec.decode(Path.of("routing.table"));
 * byte[] canonical = RoutingTableCodec.encode(table);
 * }</pre>
 *
 * The caller's input array is only read, and not kept.
 */
@Provisional
public final class RoutingTableCodec {

  /** The first statement of every file. */
  static final String HEADER_KEYWORD = "mms-routing-table";

  /** The format version this codec reads and writes. */
  static final String FORMAT_VERSION = "1";

  private RoutingTableCodec() {}

  /**
   * Decodes a file with {@link RoutingDataConfig#DEFAULT}.
   *
   * @throws RoutingDataFormatException if the content is malformed
   * @throws IOException if reading fails
   */
  public static RoutingTable decode(Path file) throws IOException {
    return decode(file, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes a file.
   *
   * @throws RoutingDataFormatException if the content is malformed
   * @throws IOException if reading fails
   */
  public static RoutingTable decode(Path file, RoutingDataConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    try (InputStream in = Files.newInputStream(file)) {
      return decode(in, config);
    }
  }

  /**
   * Decodes a stream to its end with {@link RoutingDataConfig#DEFAULT}; the stream is not closed.
   *
   * @throws RoutingDataFormatException if the content is malformed
   * @throws IOException if reading fails
   */
  public static RoutingTable decode(InputStream in) throws IOException {
    return decode(in, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes a stream to its end; the stream is not closed.
   *
   * @throws RoutingDataFormatException if the content is malformed
   * @throws IOException if reading fails
   */
  public static RoutingTable decode(InputStream in, RoutingDataConfig config) throws IOException {
    RoutingDataConfig limits = Objects.requireNonNull(config, "config");
    Run run = new Run(limits);
    byte[] buf = new byte[Math.max(1 << 16, limits.maxLineLength() + 2)];
    int start = 0;
    int end = 0;
    boolean skipping = false;
    while (true) {
      int nl = indexOf(buf, start, end, (byte) '\n');
      if (nl >= 0) {
        if (skipping) {
          // The rest of a line already reported as too long.
          skipping = false;
        } else {
          run.line(buf, start, nl);
        }
        start = nl + 1;
        if (run.stopped) {
          break;
        }
        continue;
      }
      if (!skipping && end - start > limits.maxLineLength() + 1) {
        run.tooLong();
        skipping = true;
      }
      if (skipping) {
        start = end;
      }
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        if (end > start && !skipping) {
          run.line(buf, start, end);
        }
        break;
      }
      end += n;
    }
    return run.finish();
  }

  /**
   * Decodes the bytes of a file with {@link RoutingDataConfig#DEFAULT}.
   *
   * @throws RoutingDataFormatException if the content is malformed
   */
  public static RoutingTable decode(byte[] content) throws RoutingDataFormatException {
    return decode(content, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes the bytes of a file.
   *
   * @throws RoutingDataFormatException if the content is malformed
   */
  public static RoutingTable decode(byte[] content, RoutingDataConfig config)
      throws RoutingDataFormatException {
    RoutingDataConfig limits = Objects.requireNonNull(config, "config");
    Run run = new Run(limits);
    int start = 0;
    int n = content.length;
    while (start < n && !run.stopped) {
      int nl = indexOf(content, start, n, (byte) '\n');
      int stop = nl < 0 ? n : nl;
      if (stop - start > limits.maxLineLength() + 1) {
        run.tooLong();
      } else {
        run.line(content, start, stop);
      }
      start = stop + 1;
    }
    return run.finish();
  }

  /**
   * Decodes text with {@link RoutingDataConfig#DEFAULT} (the format is ASCII; other characters
   * are reported where they are not allowed).
   *
   * @throws RoutingDataFormatException if the content is malformed
   */
  public static RoutingTable decode(CharSequence text) throws RoutingDataFormatException {
    return decode(text, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes text (the format is ASCII; other characters are reported where they are not allowed).
   *
   * @throws RoutingDataFormatException if the content is malformed
   */
  public static RoutingTable decode(CharSequence text, RoutingDataConfig config)
      throws RoutingDataFormatException {
    return decode(text.toString().getBytes(StandardCharsets.UTF_8), config);
  }

  /** The canonical encoding of {@code table} (US-ASCII). */
  public static byte[] encode(RoutingTable table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      RoutingTableWriter.write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  /** Writes the canonical encoding of {@code table} to {@code out} (not closed). */
  public static void encode(RoutingTable table, OutputStream out) throws IOException {
    RoutingTableWriter.write(table, out);
  }

  private static int indexOf(byte[] b, int from, int to, byte v) {
    for (int i = from; i < to; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** The state of one parse. */
  private static final class Run {
    private static final int TAG_RELAY = 'r';
    private static final int TAG_MMSE = 'm';
    private static final int TAG_REJECT = 'x';
    private static final int MAX_TOKENS = 5;

    private final RoutingDataConfig limits;
    private final RoutingTableBuilder builder = new RoutingTableBuilder();
    private final ByteKeyInterner targetsSeen = new ByteKeyInterner();
    private final List<Finding> problems = new ArrayList<>();
    private int unreported;
    private int lineNo;
    private boolean stopped;

    private boolean headerSeen;
    private boolean versionSeen;
    private boolean missingVersionReported;
    private int defaultLine;
    private int entries;
    // line << 16 | column of each entry, per kind, to report duplicates at their position.
    private long[] prefixPos = new long[16];
    private long[] overridePos = new long[16];
    private long[] domainPos = new long[16];

    private final int[] tokStart = new int[MAX_TOKENS];
    private final int[] tokEnd = new int[MAX_TOKENS];
    private int lineStart;

    Run(RoutingDataConfig limits) {
      this.limits = limits;
      builder.version(TableVersion.of(0));
    }

    void problem(int column, Reason reason, String detail) {
      if (problems.size() < limits.maxFindings()) {
        problems.add(RoutingDataFormatException.finding(reason, lineNo, column, detail));
      } else {
        unreported++;
      }
    }

    void tooLong() {
      lineNo++;
      problem(
          limits.maxLineLength() + 1,
          Reason.LINE_TOO_LONG,
          "line longer than "
              + limits.maxLineLength()
              + " bytes (RoutingDataConfig.maxLineLength)");
    }

    /** Handles {@code b[start, end)}, a line without its LF. */
    void line(byte[] b, int start, int end) {
      lineNo++;
      lineStart = start;
      end = LineTokens.withoutCr(b, start, end);
      if (end - start > limits.maxLineLength()) {
        problem(
            limits.maxLineLength() + 1,
            Reason.LINE_TOO_LONG,
            "line longer than "
                + limits.maxLineLength()
                + " bytes (RoutingDataConfig.maxLineLength)");
        return;
      }
      int count = LineTokens.split(b, start, end, tokStart, tokEnd);
      if (count < 0) {
        int bad = -count - 1;
        problem(
            bad - start + 1,
            Reason.INVALID_CHARACTER,
            String.format("byte 0x%02X is not allowed outside a comment", b[bad] & 0xFF));
        return;
      }
      if (count == 0) {
        return;
      }
      statement(b, Math.min(count, MAX_TOKENS), end);
    }

    private int col(int pos) {
      return pos - lineStart + 1;
    }

    private static boolean is(byte[] b, int s, int e, String word) {
      int n = word.length();
      if (e - s != n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (b[s + i] != word.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private static String text(byte[] b, int s, int e) {
      return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }

    private boolean expectFields(byte[] b, int count, int wanted, int lineEnd, String what) {
      if (count < wanted) {
        problem(col(lineEnd), Reason.MISSING_FIELD, "missing " + what);
        return false;
      }
      if (count > wanted) {
        problem(
            col(tokStart[wanted]),
            Reason.UNEXPECTED_FIELD,
            "unexpected \"" + text(b, tokStart[wanted], tokEnd[wanted]) + "\" after " + what);
        return false;
      }
      return true;
    }

    private void statement(byte[] b, int count, int lineEnd) {
      int ks = tokStart[0];
      int ke = tokEnd[0];
      if (!headerSeen) {
        headerSeen = true;
        if (!is(b, ks, ke, HEADER_KEYWORD)) {
          problem(
              col(ks),
              Reason.MISSING_HEADER,
              "the first statement must be \"" + HEADER_KEYWORD + " " + FORMAT_VERSION + "\"");
          // Go on as if the header were there, to report the other problems too.
        } else {
          if (expectFields(b, count, 2, lineEnd, "format version")
              && !is(b, tokStart[1], tokEnd[1], FORMAT_VERSION)) {
            problem(
                col(tokStart[1]),
                Reason.UNSUPPORTED_FORMAT_VERSION,
                "format version \""
                    + text(b, tokStart[1], tokEnd[1])
                    + "\" is not supported (expected "
                    + FORMAT_VERSION
                    + ")");
          }
          return;
        }
      }
      int c0 = ke - ks > 0 ? b[ks] : 0;
      if (c0 == 'p' && is(b, ks, ke, "prefix")) {
        numberEntry(b, count, lineEnd, false);
      } else if (c0 == 'n' && is(b, ks, ke, "number")) {
        numberEntry(b, count, lineEnd, true);
      } else if (c0 == 'd' && is(b, ks, ke, "domain")) {
        domainEntry(b, count, lineEnd);
      } else if (c0 == 'd' && is(b, ks, ke, "default")) {
        if (!expectFields(b, count, 3, lineEnd, "target")) {
          return;
        }
        int t = target(b, 1);
        if (defaultLine != 0) {
          problem(
              col(ks),
              Reason.DUPLICATE_DEFAULT,
              "second default route (first at line " + defaultLine + ")");
          return;
        }
        defaultLine = lineNo;
        if (t >= 0) {
          builder.defaultRoute(builder.targetAt(t));
        }
      } else if (c0 == 'v' && is(b, ks, ke, "version")) {
        version(b, count, lineEnd);
      } else if (is(b, ks, ke, HEADER_KEYWORD)) {
        problem(col(ks), Reason.DUPLICATE_HEADER, "second format line");
      } else {
        problem(
            col(ks),
            Reason.UNKNOWN_KEYWORD,
            "unknown statement \""
                + text(b, ks, ke)
                + "\" (expected prefix, number, domain, default or version)");
      }
    }

    private void version(byte[] b, int count, int lineEnd) {
      if (versionSeen) {
        problem(col(tokStart[0]), Reason.DUPLICATE_VERSION, "second version line");
        return;
      }
      // A malformed version line still counts as the version line: one problem, not two.
      versionSeen = true;
      if (count < 2) {
        expectFields(b, count, 2, lineEnd, "version number");
        return;
      }
      if (count > 3) {
        expectFields(b, count, 3, lineEnd, "version label");
        return;
      }
      if (entries > 0) {
        // Already reported as MISSING_VERSION at the first entry.
        return;
      }
      long number = 0;
      int s = tokStart[1];
      int e = tokEnd[1];
      for (int i = s; i < e; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9 || number > (Long.MAX_VALUE - d) / 10) {
          problem(
              col(s),
              Reason.INVALID_VERSION_NUMBER,
              "version number \""
                  + text(b, s, e)
                  + "\" is not a decimal number from 0 to "
                  + Long.MAX_VALUE);
          return;
        }
        number = number * 10 + d;
      }
      String label = null;
      if (count == 3) {
        label = text(b, tokStart[2], tokEnd[2]);
        int bad = TableVersion.labelError(label);
        if (bad >= 0) {
          problem(
              col(tokStart[2]) + Math.min(bad, label.length()),
              Reason.INVALID_VERSION_LABEL,
              "version label \""
                  + label
                  + "\" must be 1-"
                  + TableVersion.MAX_LABEL_LENGTH
                  + " characters of A-Z a-z 0-9 . _ : -");
          return;
        }
      }
      builder.version(TableVersion.of(number, label));
    }

    private boolean beforeEntry() {
      if (!versionSeen && !missingVersionReported) {
        missingVersionReported = true;
        problem(col(tokStart[0]), Reason.MISSING_VERSION, "an entry before the version line");
      }
      if (entries >= limits.maxEntries()) {
        problem(
            col(tokStart[0]),
            Reason.TOO_MANY_ENTRIES,
            "more than "
                + limits.maxEntries()
                + " entries (RoutingDataConfig.maxEntries); decoding stopped");
        stopped = true;
        return false;
      }
      return true;
    }

    private void numberEntry(byte[] b, int count, int lineEnd, boolean override) {
      if (!beforeEntry()
          || !expectFields(
              b, count, 4, lineEnd, override ? "number and target" : "prefix and target")) {
        return;
      }
      int s = tokStart[1];
      int e = tokEnd[1];
      long key = DigitKeys.ofBytes(b, s, e);
      int t = target(b, 2);
      if (key == DigitKeys.INVALID) {
        int d = b[s] == '+' ? s + 1 : s;
        int bad = d;
        while (bad < e && b[bad] >= '0' && b[bad] <= '9') {
          bad++;
        }
        String what = override ? "number" : "prefix";
        if (bad < e || d == e) {
          problem(
              col(bad),
              Reason.INVALID_DIGITS,
              what + " \"" + text(b, s, e) + "\" must be 1-15 digits, optionally after '+'");
        } else {
          problem(
              col(d + DigitKeys.MAX_DIGITS),
              Reason.TOO_MANY_DIGITS,
              what
                  + " \""
                  + text(b, s, e)
                  + "\" has more than "
                  + DigitKeys.MAX_DIGITS
                  + " digits");
        }
        return;
      }
      if (t < 0) {
        return;
      }
      entries++;
      long pos = (long) lineNo << 16 | Math.min(col(s), 0xFFFF);
      if (override) {
        overridePos = put(overridePos, builder.overrideCount(), pos);
        builder.addOverride(key, t);
      } else {
        prefixPos = put(prefixPos, builder.prefixCount(), pos);
        builder.addPrefix(key, t);
      }
    }

    private void domainEntry(byte[] b, int count, int lineEnd) {
      if (!beforeEntry() || !expectFields(b, count, 4, lineEnd, "domain suffix and target")) {
        return;
      }
      int s = tokStart[1];
      int e = tokEnd[1];
      String suffix = text(b, s, e);
      int t = target(b, 2);
      int bad = DomainNames.firstError(suffix);
      if (bad >= 0) {
        problem(
            col(s) + Math.min(bad, suffix.length()),
            Reason.INVALID_DOMAIN,
            "domain suffix \""
                + suffix
                + "\" is not a domain name (labels of A-Z a-z 0-9 - _ of 1-63 characters, at most 253 in all)");
        return;
      }
      if (t < 0) {
        return;
      }
      entries++;
      domainPos =
          put(domainPos, builder.domainCount(), (long) lineNo << 16 | Math.min(col(s), 0xFFFF));
      builder.addDomain(DomainNames.canonical(suffix), t);
    }

    private static long[] put(long[] a, int index, long value) {
      long[] out = index < a.length ? a : Arrays.copyOf(a, index + (index >> 1) + 16);
      out[index] = value;
      return out;
    }

    /** Target index of the target in tokens {@code first, first + 1}, or -1 after reporting. */
    private int target(byte[] b, int first) {
      int ks = tokStart[first];
      int ke = tokEnd[first];
      int as = tokStart[first + 1];
      int ae = tokEnd[first + 1];
      int tag;
      if (is(b, ks, ke, "relay")) {
        tag = TAG_RELAY;
      } else if (is(b, ks, ke, "mmse")) {
        tag = TAG_MMSE;
      } else if (is(b, ks, ke, "reject")) {
        tag = TAG_REJECT;
      } else {
        problem(
            col(ks),
            Reason.UNKNOWN_TARGET_KIND,
            "unknown target kind \"" + text(b, ks, ke) + "\" (expected relay, mmse or reject)");
        return -1;
      }
      int known = targetsSeen.get(tag, b, as, ae);
      if (known >= 0) {
        return known;
      }
      String arg = text(b, as, ae);
      RouteTarget target;
      if (tag == TAG_RELAY) {
        int bad = RelayId.firstError(arg);
        if (bad >= 0) {
          problem(
              col(as) + Math.min(bad, arg.length()),
              Reason.INVALID_RELAY_ID,
              "relay id \""
                  + arg
                  + "\" must be 1-"
                  + RelayId.MAX_LENGTH
                  + " characters of a-z 0-9 -, not starting with -");
          return -1;
        }
        target = RouteTarget.relay(arg);
      } else if (tag == TAG_MMSE) {
        int bad = DomainNames.firstError(arg);
        if (bad >= 0) {
          problem(
              col(as) + Math.min(bad, arg.length()),
              Reason.INVALID_DOMAIN,
              "MMSE domain \"" + arg + "\" is not a domain name");
          return -1;
        }
        target = RouteTarget.foreignMmse(arg);
      } else {
        RejectReason reason = RejectReason.fromToken(arg).orElse(null);
        if (reason == null) {
          problem(
              col(as),
              Reason.UNKNOWN_REJECT_REASON,
              "unknown reject reason \""
                  + arg
                  + "\" (expected "
                  + Arrays.stream(RejectReason.values())
                      .map(RejectReason::token)
                      .reduce((x, y) -> x + ", " + y)
                      .orElse("")
                  + ")");
          return -1;
        }
        target = RouteTarget.reject(reason);
      }
      int index = builder.tryIntern(target);
      if (index < 0) {
        problem(
            col(ks),
            Reason.TOO_MANY_TARGETS,
            "more than " + (KeyTargetTable.MAX_TARGETS - 1) + " distinct targets");
        return -1;
      }
      targetsSeen.put(tag, b, as, ae, index);
      return index;
    }

    RoutingTable finish() throws RoutingDataFormatException {
      if (!headerSeen) {
        lineNo = Math.max(lineNo, 1);
        problems.add(
            0,
            RoutingDataFormatException.finding(
                Reason.MISSING_HEADER,
                1,
                1,
                "no statements; the first statement must be \""
                    + HEADER_KEYWORD
                    + " "
                    + FORMAT_VERSION
                    + "\""));
      } else if (!versionSeen && !missingVersionReported) {
        problem(1, Reason.MISSING_VERSION, "no version line");
      }
      List<Finding> duplicates = new ArrayList<>();
      RoutingTable table =
          builder.build(
              (kind, first, dup) -> {
                long[] pos =
                    kind == RoutingTableBuilder.Kind.PREFIX
                        ? prefixPos
                        : kind == RoutingTableBuilder.Kind.OVERRIDE ? overridePos : domainPos;
                Reason reason =
                    kind == RoutingTableBuilder.Kind.PREFIX
                        ? Reason.DUPLICATE_PREFIX
                        : kind == RoutingTableBuilder.Kind.OVERRIDE
                            ? Reason.DUPLICATE_NUMBER
                            : Reason.DUPLICATE_DOMAIN;
                int firstLine = (int) (pos[first] >>> 16);
                duplicates.add(
                    RoutingDataFormatException.finding(
                        reason,
                        pos[dup] >>> 16,
                        (int) pos[dup] & 0xFFFF,
                        builder.describeEntry(kind, dup)
                            + " repeats line "
                            + firstLine
                            + ": "
                            + builder.describeEntry(kind, first)));
              });
      if (problems.isEmpty() && duplicates.isEmpty()) {
        return table;
      }
      for (Finding p : duplicates) {
        if (problems.size() < limits.maxFindings()) {
          problems.add(p);
        } else {
          unreported++;
        }
      }
      problems.sort(Comparator.comparingLong(Finding::line).thenComparingInt(Finding::column));
      throw RoutingDataFormatException.of(Format.ROUTING_TABLE, problems, unreported);
    }
  }
}
