package org.mmsstack.routing.table.internal;

import java.util.Locale;

/**
 * Syntax of the domain names the table accepts: dot-separated labels of ASCII letters, digits,
 * {@code '-'} and {@code '_'} (RFC 1035 §2.3.1 "LDH" names, plus the underscore that service
 * names use), each label 1 to 63 characters, at most 253 characters in all. Internationalised
 * names must be given in their ASCII (A-label) form. Comparison is ASCII case-insensitive (RFC
 * 4343); the table stores lower case.
 */
public final class DomainNames {

  /** RFC 1035 §2.3.4: 63 octets per label. */
  public static final int MAX_LABEL_LENGTH = 63;

  /** RFC 1035 §2.3.4 (255 octets on the wire) as text without the trailing dot. */
  public static final int MAX_NAME_LENGTH = 253;

  private DomainNames() {}

  /**
   * The lower-case form of a label character, or 0 if {@code c} may not appear in a label.
   */
  public static char foldLabelChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
      return c;
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    }
    return 0;
  }

  /**
   * Index of the first problem in {@code name}, or -1 if it is a valid domain name (without a
   * trailing dot). An index equal to {@code name.length()} means the name is empty, too long or
   * ends with a dot.
   */
  public static int firstError(CharSequence name) {
    int n = name.length();
    if (n == 0 || n > MAX_NAME_LENGTH) {
      return n == 0 ? 0 : MAX_NAME_LENGTH;
    }
    int labelLength = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return i;
        }
        labelLength = 0;
      } else if (foldLabelChar(c) == 0 || ++labelLength > MAX_LABEL_LENGTH) {
        return i;
      }
    }
    return labelLength == 0 ? n : -1;
  }

  /** Lower case of a valid name. */
  public static String canonical(CharSequence name) {
    return name.toString().toLowerCase(Locale.ROOT);
  }
}
