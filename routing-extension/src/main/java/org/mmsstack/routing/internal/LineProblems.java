package org.mmsstack.routing.internal;

import java.util.List;

/**
 * How the extension's two text formats (routing tables and key rings) word their problems: one
 * {@code line L, column C: REASON: detail} per problem, the first twenty in the exception
 * message, then a count of the rest. Each format keeps its own exception type and reason enum
 * (callers catch and switch on them); this is only the shared wording.
 */
public final class LineProblems {

  /** How many problems an exception message lists. */
  private static final int MESSAGE_PROBLEMS = 20;

  private LineProblems() {}

  /** {@code line 12, column 8: INVALID_DIGITS: detail}. */
  public static String describe(int line, int column, Enum<?> reason, String detail) {
    return "line " + line + ", column " + column + ": " + reason + ": " + detail;
  }

  /**
   * {@code 3 problems in routing table: line 2, ...; line 5, ...; and 1 more}.
   *
   * @param file what was read, e.g. {@code routing table}
   * @param problems the problems kept, each described by its {@code toString}
   * @param unreported how many more were found but not kept
   */
  public static String message(String file, List<?> problems, int unreported) {
    int total = problems.size() + unreported;
    StringBuilder sb = new StringBuilder();
    sb.append(total == 1 ? "1 problem in " : total + " problems in ").append(file).append(": ");
    int shown = Math.min(problems.size(), MESSAGE_PROBLEMS);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    if (total > shown) {
      sb.append("; and ").append(total - shown).append(" more");
    }
    return sb.toString();
  }
}
