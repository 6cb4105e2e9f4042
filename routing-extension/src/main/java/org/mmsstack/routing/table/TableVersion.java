package org.mmsstack.routing.table;

import java.util.Objects;
import java.util.Optional;
import org.mmsstack.routing.Provisional;

/**
 * The version of a routing table: a number that only ever increases from one table to the next,
 * and an optional human label (a date, a change ticket) that plays no part in ordering or
 * equality.
 *
 * <p>Relay/Servers compare the number to see whether they decided with the same data. The label
 * is 1 to 64 characters of ASCII letters, digits and {@code . _ : -} so that it can be written in
 * the file format and in a header value unchanged.
 *
 * <p>Immutable and thread-safe.
 */
@Provisional
public final class TableVersion implements Comparable<TableVersion> {

  /** The longest label. */
  public static final int MAX_LABEL_LENGTH = 64;

  private final long number;
  private final String label;

  private TableVersion(long number, String label) {
    this.number = number;
    this.label = label;
  }

  /**
   * A version without label.
   *
   * @throws IllegalArgumentException if {@code number} is negative
   */
  public static TableVersion of(long number) {
    return of(number, null);
  }

  /**
   * A version with a label ({@code null} for none).
   *
   * @throws IllegalArgumentException if {@code number} is negative or the label is invalid
   */
  public static TableVersion of(long number, String label) {
    if (number < 0) {
      throw new IllegalArgumentException("version number < 0: " + number);
    }
    if (label != null) {
      int bad = labelError(label);
      if (bad >= 0) {
        throw new IllegalArgumentException(
            "invalid version label \""
                + label
                + "\" at index "
                + bad
                + " (expected 1-"
                + MAX_LABEL_LENGTH
                + " characters of A-Z a-z 0-9 . _ : -)");
      }
    }
    return new TableVersion(number, label);
  }

  /** Index of the first invalid character of a label, its length if empty or too long, or -1. */
  static int labelError(CharSequence label) {
    int n = label.length();
    if (n == 0 || n > MAX_LABEL_LENGTH) {
      return n == 0 ? 0 : MAX_LABEL_LENGTH;
    }
    for (int i = 0; i < n; i++) {
      char c = label.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!ok) {
        return i;
      }
    }
    return -1;
  }

  /** The version number. */
  public long number() {
    return number;
  }

  /** The label, if any. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** Orders by number only. */
  @Override
  public int compareTo(TableVersion other) {
    return Long.compare(number, other.number);
  }

  /** Equal when number and label are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TableVersion v && v.number == number && Objects.equals(v.label, label);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(number) * 31 + Objects.hashCode(label);
  }

  /** {@code 42} or {@code 42 (2026-11-25)}. */
  @Override
  public String toString() {
    return label == null ? Long.toString(number) : number + " (" + label + ")";
  }
}
