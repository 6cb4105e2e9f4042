package org.mmsstack.routing;

/**
 * The name of one MMS Relay/Server of this MMSE, as the routing data and the extension fields
 * write it: 1 to 32 characters of lower-case letters, digits and {@code -}, starting with a
 * letter or digit (for example {@code rs-north-1}).
 *
 * <p>The alphabet is chosen so that a RelayId is a valid RFC 2616 token, RFC 5322 atext and
 * DNS label at once: it appears in header values, inside Message-IDs and in retrieval URLs
 * without escaping. Ids are case-folded: {@code of("RS-1")} is {@code rs-1}.
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
   * The id for a text, case-folded.
   *
   * @throws IllegalArgumentException when the text is not a valid id
   */
  public static RelayId of(String text) {
    RelayId r = parseOrNull(text);
    if (r == null) {
      throw new IllegalArgumentException("relay id: " + org.mmsstack.routing.internal.Ascii.quoteShort(text)
          + " (expected: 1-32 of a-z 0-9 -, not starting with -)");
    }
    return r;
  }

  /** The id, or null when the text is not one; never throws. */
  static RelayId parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    if (n == 0 || n > MAX_LENGTH || text.charAt(0) == '-') {
      return null;
    }
    boolean lower = true;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        lower = false;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return null;
      }
    }
    return new RelayId(lower ? text : text.toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether c may appear in an id (after case folding). */
  static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
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
