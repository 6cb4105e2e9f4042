package org.mmsstack.mm4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the findings of one parse or validation. Strict and lenient parsing run the same code
 * and report to a collector; in strict mode the collector turns every {@link
 * Mm4Finding.Severity#WARNING WARNING} or {@link Mm4Finding.Severity#ERROR ERROR} into an {@link
 * Mm4FormatException} at once, in lenient mode it only records it.
 *
 * <p>Not thread-safe: use one collector per parse.
 */
public final class Mm4Findings {

  private final boolean strict;
  private final List<Mm4Finding> findings = new ArrayList<>();

  private Mm4Findings(boolean strict) {
    this.strict = strict;
  }

  /** @return a collector that records every finding */
  public static Mm4Findings lenient() {
    return new Mm4Findings(false);
  }

  /** @return a collector that throws on the first warning or error */
  public static Mm4Findings strict() {
    return new Mm4Findings(true);
  }

  /** @return whether warnings and errors are fatal */
  public boolean isStrict() {
    return strict;
  }

  /**
   * Records a finding, or throws it in strict mode when it is a warning or an error.
   *
   * @param finding the finding
   * @throws Mm4FormatException in strict mode for a warning or an error
   */
  public void report(Mm4Finding finding) throws Mm4FormatException {
    findings.add(finding);
    if (strict && finding.severity() != Mm4Finding.Severity.INFO) {
      throw Mm4FormatException.of(finding);
    }
  }

  /** Records a finding without ever throwing (validation reports this way). */
  void record(Mm4Finding finding) {
    findings.add(finding);
  }

  /** @return the findings so far, in the order they were reported (unmodifiable snapshot) */
  public List<Mm4Finding> list() {
    return Collections.unmodifiableList(new ArrayList<>(findings));
  }

  /** @return whether a finding of severity ERROR was recorded */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Mm4Finding.Severity.ERROR);
  }

  /** @return whether nothing was recorded */
  public boolean isEmpty() {
    return findings.isEmpty();
  }

  @Override
  public String toString() {
    return findings.toString();
  }
}
