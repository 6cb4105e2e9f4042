package org.mmsstack.encapsulation.validate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;

/** The findings of one validation, with counts. Immutable. */
public final class ValidationReport {

  private final List<Finding> findings;
  private final Map<Severity, Integer> counts;

  /** A report of these findings (copied). */
  public ValidationReport(List<Finding> findings) {
    this.findings = List.copyOf(findings);
    EnumMap<Severity, Integer> m = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      m.put(s, 0);
    }
    for (Finding f : this.findings) {
      m.merge(f.severity(), 1, Integer::sum);
    }
    this.counts = Collections.unmodifiableMap(m);
  }

  /** Every finding, ordered by offset (findings about the PDU as a whole last). */
  public List<Finding> findings() {
    return findings;
  }

  /** How many findings have this severity. */
  public int count(Severity severity) {
    return counts.get(severity);
  }

  /** The number of findings per severity (every severity present, zero included). */
  public Map<Severity, Integer> counts() {
    return counts;
  }

  /** The number of findings per code, sorted by code. */
  public Map<String, Integer> countsByCode() {
    Map<String, Integer> m = new TreeMap<>();
    for (Finding f : findings) {
      m.merge(f.code(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Whether any finding is an {@link Severity#ERROR}. */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** Whether there are no findings at all. */
  public boolean isClean() {
    return findings.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ValidationReport").append(counts);
    for (Finding f : findings) {
      sb.append("\n  ").append(f);
    }
    return sb.toString();
  }
}
