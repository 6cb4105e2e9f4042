package org.mmsstack.mm4.internal.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmsstack.mm4.value.AddressType;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * RFC 5322 §3.4 address lists, read leniently: display names (quoted strings, atoms, encoded
 * words), angle addresses, bare addr-specs without a domain (MM4 writes
 * {@code +4912345678/TYPE=PLMN} unqualified), comments, and groups (flattened). The
 * {@code /TYPE=} suffix of the local part is split off case-insensitively.
 */
public final class AddressSyntax {

  private AddressSyntax() {}

  /** Receives the list entries that do not parse. */
  public interface Problems {
    /** Called once per unusable entry. */
    void badAddress(String entry);
  }

  /** Ignores problems. */
  public static final Problems IGNORE = e -> {};

  /** Parses an address list; entries that do not parse are reported and skipped. */
  public static List<Mm4Address> parseList(String text, Problems problems) {
    List<Mm4Address> out = new ArrayList<>(4);
    for (String entry : splitTopLevel(text)) {
      String e = Syntax.strip(entry);
      if (e.isEmpty()) {
        continue;
      }
      Mm4Address a = parseOne(e);
      if (a == null) {
        problems.badAddress(e);
      } else {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Checks an address list in the form MM4 mostly carries, bare addr-specs separated by commas
   * ({@code +4912345678/TYPE=PLMN, user@host}), on its characters, making nothing: returns how
   * many entries {@link #parseList} would return when the text is in that form (printable US-ASCII
   * without quotes, comments, angle brackets, groups or escapes) and every entry parses; -1
   * otherwise, where the caller asks {@link #parseList} (which also says which entries are bad).
   */
  public static int countSimple(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t')
          || c >= 0x7f
          || c == '"'
          || c == '('
          || c == ')'
          || c == '<'
          || c == '>'
          || c == '\\'
          || c == ':'
          || c == ';') {
        return -1;
      }
    }
    int count = 0;
    int start = 0;
    while (start <= n) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? n : comma;
      int from = Syntax.skipWsp(text, start, end);
      int to = Syntax.trimWsp(text, from, end);
      if (from < to) {
        if (!isSimpleEntry(text, from, to)) {
          return -1;
        }
        count++;
      }
      start = end + 1;
    }
    return count;
  }

  /**
   * Whether {@link #parseOne} accepts {@code text[from, to)}, an entry without white space at its
   * ends in the form {@link #countSimple} takes: {@code local[/TYPE=type][@domain]}.
   */
  private static boolean isSimpleEntry(String text, int from, int to) {
    int at = to - 1;
    while (at >= from && text.charAt(at) != '@') {
      at--;
    }
    int localEnd = to;
    int domainFrom = -1;
    if (at >= from) {
      localEnd = Syntax.trimWsp(text, from, at);
      domainFrom = Syntax.skipWsp(text, at + 1, to);
      if (domainFrom == to) {
        return false;
      }
      for (int i = domainFrom; i < to; i++) {
        // No ':' here (an IPv6 literal): the full reader decides those.
        if (!Syntax.isHostChar(text.charAt(i))) {
          return false;
        }
      }
    }
    // The local part: no white space, quotes or angle brackets inside (the rest is excluded).
    for (int i = from; i < localEnd; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        return false;
      }
    }
    int type = lastTypeSuffix(text, from, localEnd);
    int valueEnd = localEnd;
    if (type >= 0) {
      valueEnd = type;
      int tokFrom = type + 6;
      if (tokFrom == localEnd) {
        return false;
      }
      for (int i = tokFrom; i < localEnd; i++) {
        char c = text.charAt(i);
        if (c == '@' || c == '/' || c == ',') {
          return false;
        }
      }
      // A second suffix in the value is refused by Mm4Address.of.
      if (lastTypeSuffix(text, from, valueEnd) >= 0) {
        return false;
      }
    }
    return valueEnd > from;
  }

  /** The index of the last {@code /TYPE=} (any case) in {@code s[from, to)}, or -1. */
  private static int lastTypeSuffix(String s, int from, int to) {
    for (int i = to - 6; i >= from; i--) {
      if (s.charAt(i) == '/'
          && (s.charAt(i + 1) | 0x20) == 't'
          && (s.charAt(i + 2) | 0x20) == 'y'
          && (s.charAt(i + 3) | 0x20) == 'p'
          && (s.charAt(i + 4) | 0x20) == 'e'
          && s.charAt(i + 5) == '=') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Splits at commas outside quotes, comments and angle brackets; a group's
   * {@code display-name:} prefix and its {@code ;} end are dropped.
   */
  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    boolean hasGroupEnd = hasTopLevel(s, ';');
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    int comment = 0;
    boolean angle = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && (quoted || comment > 0) && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
        continue;
      }
      if (comment > 0) {
        if (c == '(') {
          comment++;
        } else if (c == ')') {
          comment--;
        }
        cur.append(c);
        continue;
      }
      if (quoted) {
        if (c == '"') {
          quoted = false;
        }
        cur.append(c);
        continue;
      }
      switch (c) {
        case '"':
          quoted = true;
          cur.append(c);
          break;
        case '(':
          comment++;
          cur.append(c);
          break;
        case '<':
          angle = true;
          cur.append(c);
          break;
        case '>':
          angle = false;
          cur.append(c);
          break;
        case ',':
          if (angle) {
            cur.append(c);
          } else {
            parts.add(cur.toString());
            cur.setLength(0);
          }
          break;
        case ':':
          if (!angle && hasGroupEnd) {
            cur.setLength(0); // group display name
          } else {
            cur.append(c);
          }
          break;
        case ';':
          if (!angle) {
            parts.add(cur.toString());
            cur.setLength(0);
          } else {
            cur.append(c);
          }
          break;
        default:
          cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  private static boolean hasTopLevel(String s, char target) {
    boolean quoted = false;
    int comment = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (comment > 0) {
        comment += c == '(' ? 1 : c == ')' ? -1 : 0;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        comment++;
      } else if (!quoted && c == target) {
        return true;
      }
    }
    return false;
  }

  /** Parses one mailbox, or returns null. */
  public static Mm4Address parseOne(String entry) {
    String e = Syntax.strip(DateTimes.stripComments(entry));
    String display = null;
    String spec = e;
    int lt = indexOutsideQuotes(e, '<');
    if (lt >= 0) {
      int gt = e.indexOf('>', lt);
      if (gt < 0 || !e.substring(gt + 1).isBlank()) {
        return null;
      }
      display = phrase(Syntax.strip(e.substring(0, lt)));
      spec = Syntax.strip(e.substring(lt + 1, gt));
      // obs-route: "<@relay:user@host>"
      if (spec.startsWith("@")) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
          return null;
        }
        spec = spec.substring(colon + 1);
      }
    }
    if (spec.isEmpty()) {
      return null;
    }
    String local;
    String domain = null;
    if (spec.charAt(0) == '"') {
      int close = closingQuote(spec);
      if (close < 0) {
        return null;
      }
      local = Syntax.unquote(spec.substring(0, close + 1));
      String rest = Syntax.strip(spec.substring(close + 1));
      if (!rest.isEmpty()) {
        if (rest.charAt(0) != '@') {
          return null;
        }
        domain = Syntax.strip(rest.substring(1));
      }
    } else {
      int at = spec.lastIndexOf('@');
      if (at >= 0) {
        local = Syntax.strip(spec.substring(0, at));
        domain = Syntax.strip(spec.substring(at + 1));
      } else {
        local = spec;
      }
      for (int i = 0; i < local.length(); i++) {
        char c = local.charAt(i);
        if (c == ' ' || c == '\t' || c == '"' || c == '<' || c == '>') {
          return null;
        }
      }
    }
    if (domain != null && domain.isEmpty()) {
      return null;
    }
    String value = local;
    AddressType type = null;
    int t = local.toUpperCase(Locale.ROOT).lastIndexOf("/TYPE=");
    if (t >= 0) {
      value = local.substring(0, t);
      String tok = local.substring(t + 6);
      try {
        type = AddressType.of(tok);
      } catch (IllegalArgumentException ex) {
        return null;
      }
    }
    try {
      return Mm4Address.of(display, value, type, domain);
    } catch (IllegalArgumentException ex) {
      return null;
    }
  }

  private static String phrase(String p) {
    if (p.isEmpty()) {
      return null;
    }
    // Words of a phrase: quoted strings lose their quotes, encoded words are decoded.
    StringBuilder sb = new StringBuilder(p.length());
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '"') {
        int close = closingQuote(p.substring(i));
        if (close < 0) {
          sb.append(p.substring(i + 1));
          break;
        }
        sb.append(Syntax.unquote(p.substring(i, i + close + 1)));
        i += close + 1;
      } else {
        int j = i;
        while (j < p.length() && p.charAt(j) != '"') {
          j++;
        }
        sb.append(EncodedWords.decode(p.substring(i, j), EncodedWords.IGNORE));
        i = j;
      }
    }
    String s = Syntax.strip(sb.toString());
    return s.isEmpty() ? null : s;
  }

  private static int closingQuote(String s) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOutsideQuotes(String s, char target) {
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == target) {
        return i;
      }
    }
    return -1;
  }

  /** The addr-spec of an address: the local part as a dot-atom or quoted string, then the domain. */
  public static String addrSpec(String localPart, String domain) {
    String lp = Syntax.isDotAtom(localPart) ? localPart : Syntax.quote(localPart);
    return domain == null ? lp : lp + "@" + domain;
  }

  /** An address as a header writes it: a display name (quoted or encoded as needed) and angle brackets. */
  public static String format(String displayName, String localPart, String domain) {
    String spec = addrSpec(localPart, domain);
    if (displayName == null) {
      return spec;
    }
    return formatPhrase(displayName) + " <" + spec + ">";
  }

  private static String formatPhrase(String name) {
    if (!EncodedWords.isPlain(name)) {
      return EncodedWords.encode(name);
    }
    boolean atoms = true;
    for (int i = 0; i < name.length() && atoms; i++) {
      char c = name.charAt(i);
      atoms = Syntax.isAtext(c) || c == ' ';
    }
    if (atoms && !name.contains("  ")) {
      return name;
    }
    return Syntax.quote(name);
  }
}
