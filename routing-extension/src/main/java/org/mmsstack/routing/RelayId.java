package org.mmsstack.routing;

import java.util.Objects;
import org.mmsstack.routing.internal.Ascii;

/**
 * The stable name of one MMS Relay/Server of this MMSE, as the routing data, the extension
 * fields, the key ring and the minted Message-IDs write it: 1 to 32 characters of lower-case
 * ASCII letters, digits and {@code -}, starting with a letter or digit (for example
 * {@code rs-north-1}).
 *
 * <p>The alphabet is chosen so that a RelayId is a valid RFC 2616 token, RFC 5322 atext and DNS
 * label at once: it appears in header values, inside Message-IDs and in retrieval URLs without
 * escaping.
 *
 * <p><b>Case rule.</b> An id has exactly one spelling, lower case, and ids compare exactly.
 * Upper case is refused everywhere (by {@link #of}, the routing table and key ring parsers, and
 * the field parsers), never folded: the id is part of the signed routing fields, and a folded
 * spelling would verify differently from the one that was signed. The one place where case is
 * folded is the parsing of a minted Message-ID ({@link MessageIds}), where the whole identifier
 * is folded before it is read, because the Base32 parts are case-insensitive by design.
 *
 * <p>Immutable and thread-safe.
 */
@Provisional
public final class RelayId implements Comparable<RelayId> {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 32;

  private final String id;

  private RelayId(String id) {
    this.id = id;
  }

  /**
   * The id for a text.
   *
   * @throws IllegalArgumentException when the text is not a valid id (upper case included),
   *     naming the text and the index of the first invalid character
   */
  public static RelayId of(String text) {
    Objects.requireNonNull(text, "text");
    int bad = firstError(text);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "relay id: "
              + Ascii.quoteShort(text)
              + " invalid at index "
              + bad
              + " (expected 1-"
              + MAX_LENGTH
              + " of a-z 0-9 -, not starting with -)");
    }
    return new RelayId(text);
  }

  /** Whether {@code text} is a valid id (lower case only). */
  public static boolean isValid(CharSequence text) {
    return text != null && firstError(text) < 0;
  }

  /** The id, or null when the text is not one (upper case included); never throws. */
  static RelayId parseOrNull(String text) {
    return isValid(text) ? new RelayId(text) : null;
  }

  /**
   * Index of the first invalid character of {@code text}; 0 when it is empty,
   * {@link #MAX_LENGTH} when it is too long; -1 when it is a valid id.
   */
  public static int firstError(CharSequence text) {
    int n = text.length();
    if (n == 0 || n > MAX_LENGTH) {
      return n == 0 ? 0 : MAX_LENGTH;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
      if (!ok) {
        return i;
      }
    }
    return -1;
  }

  /** The id text. */
  public String value() {
    return id;
  }

  @Override
  public int compareTo(RelayId o) {
    return id.compareTo(o.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelayId && ((RelayId) o).id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
