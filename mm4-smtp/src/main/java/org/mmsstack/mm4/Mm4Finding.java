package org.mmsstack.mm4;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing lenient parsing tolerated or validation found: what ({@link #reason()}), how bad
 * ({@link #severity()}), where (1-based {@link #line()}, 0-based byte {@link #offset()}, -1 when
 * it has no place in any input, as for a built message) and in which header.
 *
 * @param severity how bad it is
 * @param reason what it is (the same values as {@link Mm4FormatException#reason()})
 * @param line 1-based line number, 0 if not known
 * @param offset 0-based byte offset, -1 if not known
 * @param headerName the header concerned, or {@code null}
 * @param message a human-readable description
 */
public record Mm4Finding(
    Severity severity,
    Mm4FormatException.Reason reason,
    long line,
    long offset,
    String headerName,
    String message) {

  /** How bad a finding is. */
  public enum Severity {
    /** Worth knowing; never fatal. */
    INFO,
    /** Tolerated by lenient parsing; fatal in strict mode. */
    WARNING,
    /** The message breaks a rule of TS 23.140 or RFC 5322; fatal in strict mode. */
    ERROR
  }

  /** Checks the components. */
  public Mm4Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** @return the header concerned, if any */
  public Optional<String> header() {
    return Optional.ofNullable(headerName);
  }

  @Override
  public String toString() {
    return severity + " " + reason + " at line " + line + ", offset " + offset
        + (headerName == null ? "" : " (" + headerName + ")") + ": " + message;
  }
}
