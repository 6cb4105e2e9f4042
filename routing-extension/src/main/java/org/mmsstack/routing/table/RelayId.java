package org.mmsstack.routing.table;

import java.util.Objects;

/**
 * The stable name of one MMS Relay/Server of this MMSE, such as {@code rs-north}.
 *
 * <p>A name is 1 to 32 characters of lower-case ASCII letters, digits and {@code '-'}, starting
 * with a letter or digit. The narrow alphabet is deliberate: the name travels in text header
 * values and inside Message-IDs (for stateless return routing), where it must survive every
 * legacy parser unchanged and compare exactly.
 *
 * @param name the name
 */
public record RelayId(String name) implements Comparable<RelayId> {

  /** The longest name. */
  public static final int MAX_LENGTH = 32;

  /**
   * Creates a relay id.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid relay name
   */
  public RelayId {
    Objects.requireNonNull(name, "name");
    int bad = firstError(name);
    if (bad >= 0) {
      throw new IllegalArgumentException("invalid relay id \"" + name + "\" at index " + bad
          + " (expected 1-" + MAX_LENGTH + " characters of a-z, 0-9, '-', not starting with '-')");
    }
  }

  /** Same as the constructor. */
  public static RelayId of(String name) {
    return new RelayId(name);
  }

  /** Whether {@code name} is a valid relay name. */
  public static boolean isValid(CharSequence name) {
    return firstError(name) < 0;
  }

  /** Index of the first invalid character, {@code length} if empty or too long, or -1. */
  static int firstError(CharSequence name) {
    int n = name.length();
    if (n == 0 || n > MAX_LENGTH) {
      return n == 0 ? 0 : MAX_LENGTH;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
      if (!ok) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int compareTo(RelayId other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
