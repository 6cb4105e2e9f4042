package org.mmsstack.cli;

import java.util.ArrayList;
import java.util.List;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import picocli.CommandLine.Option;

/**
 * The finding filters of {@code decode} and {@code validate}, as {@code tshark -Y} filters what
 * it shows: a minimum severity, codes to keep, codes to drop. A finding a filter drops is neither
 * shown nor counted, and does not make the exit status 1, so that a known, accepted finding can be
 * silenced in a script ({@code --ignore-code application-header}).
 */
final class FindingFilter {

  @Option(
      names = "--severity",
      paramLabel = "LEVEL",
      description =
          "Only findings of this severity or worse: INFO (all, the default), WARNING or ERROR.")
  private Severity minimum = Severity.INFO;

  @Option(
      names = "--code",
      paramLabel = "CODE",
      description =
          "Only findings with this code (repeatable, or comma-separated), e.g. --code "
              + "missing-mandatory-header.",
      split = ",")
  private List<String> codes = new ArrayList<>();

  @Option(
      names = "--ignore-code",
      paramLabel = "CODE",
      description = "Drop findings with this code (repeatable, or comma-separated).",
      split = ",")
  private List<String> ignored = new ArrayList<>();

  /** Whether a finding passes the filters. */
  boolean accepts(Finding f) {
    return f.severity().compareTo(minimum) >= 0
        && (codes.isEmpty() || codes.contains(f.code()))
        && !ignored.contains(f.code());
  }

  /** Whether any filter is set. */
  boolean active() {
    return minimum != Severity.INFO || !codes.isEmpty() || !ignored.isEmpty();
  }

  /** The result with only the findings that pass (the same result when no filter is set). */
  Checker.Result apply(Checker.Result r) {
    if (r == null || !active()) {
      return r;
    }
    List<Finding> kept = new ArrayList<>(r.findings().size());
    for (Finding f : r.findings()) {
      if (accepts(f)) {
        kept.add(f);
      }
    }
    return kept.size() == r.findings().size() ? r : r.withFindings(kept);
  }
}
