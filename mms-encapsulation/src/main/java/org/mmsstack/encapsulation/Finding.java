package org.mmsstack.encapsulation;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One thing a decoder, a reader or a validator noticed about its input: the one finding type of
 * every mmsstack module (PDUs, MM4 mail, routing data, captures).
 *
 * <p>A finding has a {@link #severity() severity}, a stable {@link #code() code} for programs
 * (kebab case, for example {@code missing-mandatory-header}; each module lists its codes as
 * constants in one class), a position, the header it concerns and a {@link #message() message}
 * for people. The position is a byte {@link #offset() offset} from the start of the input, a
 * 1-based {@link #line() line} (and {@link #column() column}) for text formats, or both; any of
 * them may be unknown.
 *
 * <p>The message may be given as a {@link Supplier}, so that decoders on a hot path pay for the
 * text only when somebody reads it. It is computed at most once per reader thread; a supplier
 * must therefore be cheap to call twice and free of side effects.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Finding {

  /** The {@link #offset()} of a finding that has no byte position. */
  public static final long NO_OFFSET = -1;

  /** The {@link #line()} of a finding that has no line. */
  public static final long NO_LINE = 0;

  /** The {@link #column()} of a finding that has no column. */
  public static final int NO_COLUMN = 0;

  private final Severity severity;
  private final String code;
  private final long offset;
  private final long line;
  private final int column;
  private final String header;
  private final Supplier<String> messageSupplier;
  private volatile String message; // benign race: the supplier is side-effect free

  private Finding(
      Severity severity,
      String code,
      long offset,
      long line,
      int column,
      String header,
      String message,
      Supplier<String> messageSupplier) {
    this.severity = Objects.requireNonNull(severity, "severity");
    this.code = Objects.requireNonNull(code, "code");
    if (offset < NO_OFFSET) {
      throw new IllegalArgumentException("offset: " + offset + " (expected: >= -1)");
    }
    if (line < NO_LINE) {
      throw new IllegalArgumentException("line: " + line + " (expected: >= 0)");
    }
    if (column < NO_COLUMN) {
      throw new IllegalArgumentException("column: " + column + " (expected: >= 0)");
    }
    this.offset = offset;
    this.line = line;
    this.column = column;
    this.header = header;
    this.message = message;
    this.messageSupplier = messageSupplier;
  }

  /**
   * A finding at a byte offset.
   *
   * @param severity how bad it is
   * @param code the stable code
   * @param offset byte offset from the start of the input, or {@link #NO_OFFSET}
   * @param header the header concerned (its specification name), or {@code null} for none
   * @param message a sentence for people
   */
  public static Finding of(
      Severity severity, String code, long offset, String header, String message) {
    return new Finding(
        severity,
        code,
        offset,
        NO_LINE,
        NO_COLUMN,
        header,
        Objects.requireNonNull(message, "message"),
        null);
  }

  /**
   * A finding on a line of a text input (MM4 mail, routing data), with its column and byte offset
   * if known.
   *
   * @param line 1-based line number, or {@link #NO_LINE}
   * @param column 1-based column, or {@link #NO_COLUMN}
   * @param offset byte offset of the fault (or of its line), or {@link #NO_OFFSET}
   */
  public static Finding ofLine(
      Severity severity,
      String code,
      long line,
      int column,
      long offset,
      String header,
      String message) {
    return new Finding(
        severity,
        code,
        offset,
        line,
        column,
        header,
        Objects.requireNonNull(message, "message"),
        null);
  }

  /**
   * A finding whose message is made only when {@link #message()} (or {@link #toString()}) is
   * first called.
   */
  public static Finding lazy(
      Severity severity,
      String code,
      long offset,
      long line,
      int column,
      String header,
      Supplier<String> message) {
    return new Finding(
        severity,
        code,
        offset,
        line,
        column,
        header,
        null,
        Objects.requireNonNull(message, "message"));
  }

  /** How bad it is. */
  public Severity severity() {
    return severity;
  }

  /** The stable code for programs; never test message texts. */
  public String code() {
    return code;
  }

  /** Byte offset from the start of the input, or {@link #NO_OFFSET}. */
  public long offset() {
    return offset;
  }

  /** Whether the finding has a byte offset. */
  public boolean hasOffset() {
    return offset != NO_OFFSET;
  }

  /** 1-based line of a text input, or {@link #NO_LINE}. */
  public long line() {
    return line;
  }

  /** 1-based column on {@link #line()}, or {@link #NO_COLUMN}. */
  public int column() {
    return column;
  }

  /** The header concerned, if any. */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** A sentence for people. */
  public String message() {
    String m = message;
    if (m == null) {
      m = Objects.requireNonNull(messageSupplier.get(), "message supplier returned null");
      message = m;
    }
    return m;
  }

  /**
   * This finding moved by {@code delta} octets, as when a finding of an embedded structure (a
   * nested multipart, a PDU inside a capture) is reported against the enclosing input. A finding
   * without an offset is returned unchanged.
   */
  public Finding shifted(long delta) {
    if (offset == NO_OFFSET || delta == 0) {
      return this;
    }
    return new Finding(
        severity, code, offset + delta, line, column, header, message, messageSupplier);
  }

  /** Findings are equal when every component, the message included, is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Finding f
        && severity == f.severity
        && offset == f.offset
        && line == f.line
        && column == f.column
        && code.equals(f.code)
        && Objects.equals(header, f.header)
        && message().equals(f.message());
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, code, offset, line, column, header, message());
  }

  /** For example {@code ERROR @57 [X-Mms-Expiry] excess-octets: ...} or {@code WARNING line 3 ...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(severity);
    if (line != NO_LINE) {
      sb.append(" line ").append(line);
      if (column != NO_COLUMN) {
        sb.append(':').append(column);
      }
    }
    if (offset != NO_OFFSET) {
      sb.append(" @").append(offset);
    }
    if (header != null) {
      sb.append(" [").append(header).append(']');
    }
    return sb.append(' ').append(code).append(": ").append(message()).toString();
  }
}
