package org.mmsstack.routing.table;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.mmsstack.routing.internal.LineProblems;

/**
 * A routing table file is malformed. Carries every problem found (up to the parser's
 * {@link RoutingTableParser.Limits#maxReportedProblems() limit}), each with its line, column and
 * reason, sorted by position; {@link #line()}, {@link #column()} and {@link #reason()} describe
 * the first.
 *
 * <p>Extends {@link IOException} so that reading a file and parsing it share one {@code catch};
 * catch this type to tell a bad file from a failing disk.
 */
public final class RoutingTableFormatException extends IOException {

  private static final long serialVersionUID = 1L;


  /** What is wrong at a position. */
  public enum Reason {
    /** The first statement is not the format line {@code mms-routing-table 1}. */
    MISSING_HEADER,
    /** The format line names a format version this parser does not know. */
    UNSUPPORTED_FORMAT_VERSION,
    /** There is no {@code version} line before the first entry (or at all). */
    MISSING_VERSION,
    /** A second {@code version} line. */
    DUPLICATE_VERSION,
    /** A second format line. */
    DUPLICATE_HEADER,
    /** The version number is not a non-negative decimal {@code long}. */
    INVALID_VERSION_NUMBER,
    /** The version label has characters other than {@code A-Z a-z 0-9 . _ : -} or is too long. */
    INVALID_VERSION_LABEL,
    /** A second {@code default} line. */
    DUPLICATE_DEFAULT,
    /** The line starts with a word that is not a statement keyword. */
    UNKNOWN_KEYWORD,
    /** The statement ends before a required field. */
    MISSING_FIELD,
    /** The statement has a field after its last one. */
    UNEXPECTED_FIELD,
    /** A prefix or number has a character that is not a digit (after an optional '+'). */
    INVALID_DIGITS,
    /** A prefix or number has more than 15 digits. */
    TOO_MANY_DIGITS,
    /** A domain suffix or MMSE domain is not a valid domain name. */
    INVALID_DOMAIN,
    /** A relay id is not 1-32 characters of {@code a-z 0-9 -}. */
    INVALID_RELAY_ID,
    /** A target is not {@code relay}, {@code mmse} or {@code reject}. */
    UNKNOWN_TARGET_KIND,
    /** A {@code reject} names an unknown reason. */
    UNKNOWN_REJECT_REASON,
    /** A prefix appears a second time. */
    DUPLICATE_PREFIX,
    /** An override number appears a second time. */
    DUPLICATE_NUMBER,
    /** A domain suffix appears a second time (case-insensitively). */
    DUPLICATE_DOMAIN,
    /** The table would have more than 16383 distinct targets (see {@link RoutingTable}). */
    TOO_MANY_TARGETS,
    /** More entries than {@link RoutingTableParser.Limits#maxEntries()}; parsing stopped. */
    TOO_MANY_ENTRIES,
    /** A line is longer than {@link RoutingTableParser.Limits#maxLineLength()} bytes. */
    LINE_TOO_LONG,
    /** A control character or non-ASCII byte outside a comment. */
    INVALID_CHARACTER
  }

  /**
   * One problem.
   *
   * @param line 1-based line number
   * @param column 1-based byte column in that line
   * @param reason what is wrong
   * @param detail a human explanation naming the offending text
   */
  public record Problem(int line, int column, Reason reason, String detail) {
    /** Creates a problem. */
    public Problem {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** {@code line 12, column 8: INVALID_DIGITS: ...}. */
    @Override
    public String toString() {
      return LineProblems.describe(line, column, reason, detail);
    }
  }

  private final List<Problem> problems;
  private final int unreported;

  private RoutingTableFormatException(List<Problem> problems, int unreported) {
    super(LineProblems.message("routing table", problems, unreported));
    this.problems = problems;
    this.unreported = unreported;
  }

  /**
   * An exception for the given problems.
   *
   * @param problems at least one problem, in position order; copied
   * @param unreported how many more problems were found but not kept
   */
  public static RoutingTableFormatException of(List<Problem> problems, int unreported) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    if (unreported < 0) {
      throw new IllegalArgumentException("unreported < 0: " + unreported);
    }
    return new RoutingTableFormatException(List.copyOf(problems), unreported);
  }

  /** The problems kept, in position order (never empty). */
  public List<Problem> problems() {
    return problems;
  }

  /** How many further problems were found but not kept. */
  public int unreportedCount() {
    return unreported;
  }

  /** Line of the first problem. */
  public int line() {
    return problems.get(0).line();
  }

  /** Column of the first problem. */
  public int column() {
    return problems.get(0).column();
  }

  /** Reason of the first problem. */
  public Reason reason() {
    return problems.get(0).reason();
  }
}
