package org.mmsstack.encapsulation.internal.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.Severity;

/**
 * Collects findings during one decode. In strict mode an {@link Severity#ERROR} becomes a
 * {@link PduFormatException} right away; this is the single place where strict and lenient
 * decoding differ.
 */
public final class Findings {

  private final boolean strict;
  private Finding first; // most PDUs have no finding, and most of the others one
  private List<Finding> list; // allocated on the second finding

  public Findings(boolean strict) {
    this.strict = strict;
  }

  public boolean strict() {
    return strict;
  }

  /**
   * Records a finding, or throws it in strict mode when it is an error.
   *
   * @param reason the exception reason used when strict mode throws
   */
  public void report(
      Severity severity,
      PduFormatException.Reason reason,
      int offset,
      String header,
      String code,
      String message)
      throws PduFormatException {
    if (strict && severity == Severity.ERROR) {
      throw PduFormatException.of(reason, offset, header, message);
    }
    add(Finding.of(severity, code, offset, header, message));
  }

  /**
   * Records a finding whose message is formatted only when someone reads it
   * ({@link Finding#lazy}), or throws it (message formatted) in strict mode when it is an error.
   */
  public void report(
      Severity severity,
      PduFormatException.Reason reason,
      int offset,
      String header,
      String code,
      Supplier<String> message)
      throws PduFormatException {
    if (strict && severity == Severity.ERROR) {
      throw PduFormatException.of(reason, offset, header, message.get());
    }
    add(Finding.lazy(severity, code, offset, Finding.NO_LINE, Finding.NO_COLUMN, header, message));
  }

  /** Records a finding made elsewhere (a nested decoder's), or throws it in strict mode. */
  public void report(Finding finding, PduFormatException.Reason reason) throws PduFormatException {
    if (strict && finding.severity() == Severity.ERROR) {
      throw PduFormatException.of(
          reason, (int) finding.offset(), finding.header().orElse(null), finding.message());
    }
    add(finding);
  }

  private void add(Finding finding) {
    if (first == null) {
      first = finding;
      return;
    }
    if (list == null) {
      list = new ArrayList<>(4);
      list.add(first);
    }
    list.add(finding);
  }

  /** The findings so far, never {@code null}. */
  public List<Finding> toList() {
    return list != null ? List.copyOf(list) : first != null ? List.of(first) : List.of();
  }
}
