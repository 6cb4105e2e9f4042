package org.mmsstack.cli.render;

import org.mmsstack.encapsulation.Finding;

/**
 * A finding on one line: {@code ERROR at 17 [X-Mms-Expiry] message (code)} for a binary PDU
 * (byte offset), {@code ERROR line 12 [From] message (code)} for MM4 mail (line number).
 */
public final class FindingText {

  private FindingText() {}

  /** A finding of a binary PDU (its position is a byte offset). */
  public static String of(Finding f) {
    return of(f, false);
  }

  /**
   * A finding.
   *
   * @param lines whether the finding's position is a 1-based line (MM4) rather than a byte offset
   */
  public static String of(Finding f, boolean lines) {
    StringBuilder sb = new StringBuilder(f.severity().name());
    if (lines ? f.line() != Finding.NO_LINE : f.hasOffset()) {
      sb.append(lines ? " line " : " at ").append(lines ? f.line() : f.offset());
    }
    f.header().ifPresent(h -> sb.append(" [").append(h).append(']'));
    return sb.append(' ').append(f.message()).append(" (").append(f.code()).append(')').toString();
  }
}
