package org.mmsstack.mm4.internal.mime;

/** RFC 5322 character classes and quoting, shared by the address and parameter grammars. */
public final class Syntax {

  private Syntax() {}

  /** RFC 5322 §3.2.3 atext. */
  public static boolean isAtext(char c) {
    return c < 0x80 && ATEXT[c];
  }

  private static final boolean[] ATEXT = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ATEXT[c] =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }
  }

  /** RFC 5322 §3.2.3 dot-atom-text. */
  public static boolean isDotAtom(String s) {
    if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (s.charAt(i - 1) == '.') {
          return false;
        }
      } else if (!isAtext(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code c} may stand in a host name or the brackets of an address literal as MM4
   * addresses carry them: letters, digits, {@code - . _ [ ]} (an IPv6 literal's {@code :} is for
   * the caller to allow).
   */
  public static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '['
        || c == ']';
  }

  /** The first index from {@code from} that is not a space or tab, or {@code to}. */
  public static int skipWsp(String s, int from, int to) {
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  /** The end of {@code s[from, to)} without trailing spaces and tabs. */
  public static int trimWsp(String s, int from, int to) {
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return to;
  }

  /**
   * {@code s} without the spaces and tabs at either end (RFC 5322 WSP, what surrounds a header
   * value once unfolded); {@code s} itself when there are none. Not {@link String#strip()}: that
   * also drops Unicode white space (U+3000 IDEOGRAPHIC SPACE, U+2003 ...), which in a UTF-8
   * header (RFC 6532) belongs to the text, and the control characters 0x1C-0x1F.
   */
  public static String strip(String s) {
    int from = skipWsp(s, 0, s.length());
    int to = trimWsp(s, from, s.length());
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }

  /** RFC 2045 §5.1 token character. */
  public static boolean isTokenChar(char c) {
    return c < 0x80 && TOKEN_CHARS[c];
  }

  private static final boolean[] TOKEN_CHARS = new boolean[0x80];

  static {
    for (char c = 0x21; c < 0x7f; c++) {
      TOKEN_CHARS[c] = "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }
  }

  /** Whether {@code s} is a non-empty RFC 2045 token. */
  public static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Writes {@code s} as an RFC 5322 quoted-string, escaping '"' and '\'. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /** Removes one level of surrounding double quotes and the escapes inside, if quoted. */
  public static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() - 1) {
        c = s.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Whether the string holds no C0 control character (tab allowed), DEL, or lone surrogate. */
  public static boolean isPrintableText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Keeps untrusted text in messages short: at most 80 characters, "null" for {@code null}. */
  public static String clip(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
