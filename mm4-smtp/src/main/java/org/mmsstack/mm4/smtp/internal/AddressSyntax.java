package org.mmsstack.mm4.smtp.internal;

/**
 * Character classes and checks of the RFC 5321 section 4.1.2 mailbox grammar. Every method
 * returns a problem description (or {@code null} when the input is fine) instead of throwing, so
 * the receiver can turn a problem into a 501 reply and the public API into an
 * {@link IllegalArgumentException}.
 */
public final class AddressSyntax {
  /** RFC 5321 section 4.5.3.1.1: at most 64 octets of local part. */
  public static final int MAX_LOCAL_PART = 64;

  /** RFC 5321 section 4.5.3.1.2: at most 255 octets of domain. */
  public static final int MAX_DOMAIN = 255;

  /** RFC 5321 section 4.5.3.1.3: at most 256 octets of path, angle brackets included. */
  public static final int MAX_PATH = 256;

  private AddressSyntax() {}

  /** atext of RFC 5322 section 3.2.3, the characters of a Dot-string atom. */
  public static boolean isAtext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  /** Whether a (decoded) local part can go on the wire as a Dot-string, without quotes. */
  public static boolean isDotString(String localPart) {
    if (localPart.isEmpty()
        || localPart.charAt(0) == '.'
        || localPart.charAt(localPart.length() - 1) == '.') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < localPart.length(); i++) {
      char c = localPart.charAt(i);
      if (c == '.') {
        if (previous == '.') {
          return false;
        }
      } else if (!isAtext(c)) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /**
   * The wire form of a decoded local part: the Dot-string itself when it is one (RFC 5321
   * section 4.1.2 asks senders not to quote what needs no quoting), else a Quoted-string with
   * backslash before {@code "} and {@code \}.
   */
  public static String encodeLocalPart(String localPart) {
    if (isDotString(localPart)) {
      return localPart;
    }
    StringBuilder sb = new StringBuilder(localPart.length() + 4).append('"');
    for (int i = 0; i < localPart.length(); i++) {
      char c = localPart.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /** Checks a decoded local part; {@code null} when it can be carried. */
  public static String checkLocalPart(String localPart) {
    if (localPart.isEmpty()) {
      return "empty local part";
    }
    for (int i = 0; i < localPart.length(); i++) {
      char c = localPart.charAt(i);
      // qtextSMTP and quoted-pairSMTP together cover %d32-126; anything else needs SMTPUTF8.
      if (c < 0x20 || c > 0x7e) {
        return "local part character 0x"
            + Integer.toHexString(c)
            + " at index "
            + i
            + " is not printable US-ASCII";
      }
    }
    int wireLength = encodeLocalPart(localPart).length();
    if (wireLength > MAX_LOCAL_PART) {
      return "local part is " + wireLength + " octets on the wire (limit " + MAX_LOCAL_PART + ")";
    }
    return null;
  }

  /** Checks a Domain or address-literal of RFC 5321 section 4.1.2; {@code null} when valid. */
  public static String checkDomain(String domain) {
    if (domain.isEmpty()) {
      return "empty domain";
    }
    if (domain.length() > MAX_DOMAIN) {
      return "domain is " + domain.length() + " octets (limit " + MAX_DOMAIN + ")";
    }
    if (domain.charAt(0) == '[') {
      return checkAddressLiteral(domain);
    }
    int labelStart = 0;
    for (int i = 0; i <= domain.length(); i++) {
      if (i == domain.length() || domain.charAt(i) == '.') {
        String problem = checkLabel(domain, labelStart, i);
        if (problem != null) {
          return problem;
        }
        labelStart = i + 1;
      }
    }
    return null;
  }

  private static String checkLabel(String domain, int start, int end) {
    if (start == end) {
      return "empty label at index " + start + " of domain";
    }
    if (end - start > 63) {
      return "domain label at index " + start + " is longer than 63 octets";
    }
    for (int i = start; i < end; i++) {
      char c = domain.charAt(i);
      boolean letDig = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letDig && !(c == '-' && i != start && i != end - 1)) {
        return "domain character '" + printable(c) + "' at index " + i + " is not allowed";
      }
    }
    return null;
  }

  private static String checkAddressLiteral(String literal) {
    if (literal.length() < 3 || literal.charAt(literal.length() - 1) != ']') {
      return "address literal is not closed by ']'";
    }
    String inner = literal.substring(1, literal.length() - 1);
    int colon = inner.indexOf(':');
    if (colon < 0) {
      return isIpv4(inner) ? null : "address literal is not a dotted IPv4 address";
    }
    String tag = inner.substring(0, colon);
    if (tag.isEmpty() || checkLabel(tag, 0, tag.length()) != null) {
      return "address literal tag '" + tag + "' is not a valid Standardized-tag";
    }
    String content = inner.substring(colon + 1);
    if (content.isEmpty()) {
      return "empty address literal content";
    }
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (tag.equalsIgnoreCase("IPv6")
          ? !(Character.digit(c, 16) >= 0 || c == ':' || c == '.')
          : !(c >= 33 && c <= 126 && c != '[' && c != '\\' && c != ']')) {
        return "address literal character '" + printable(c) + "' is not allowed";
      }
    }
    return null;
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3) {
        return false;
      }
      int value = 0;
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        return false;
      }
    }
    return true;
  }

  /** Renders a character for an error message without echoing control characters. */
  public static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }

  /**
   * Parses a mailbox ({@code Local-part "@" ( Domain / address-literal )}) in its wire form.
   * The result is {@code {decodedLocalPart, domain}} or, on a problem, {@code {null, problem}}.
   */
  public static String[] parseMailbox(String mailbox) {
    String local;
    int at;
    if (!mailbox.isEmpty() && mailbox.charAt(0) == '"') {
      StringBuilder sb = new StringBuilder();
      int i = 1;
      boolean closed = false;
      while (i < mailbox.length()) {
        char c = mailbox.charAt(i);
        if (c == '\\') {
          if (i + 1 >= mailbox.length()) {
            return new String[] {null, "backslash at the end of a quoted local part"};
          }
          sb.append(mailbox.charAt(i + 1));
          i += 2;
        } else if (c == '"') {
          closed = true;
          i++;
          break;
        } else {
          sb.append(c);
          i++;
        }
      }
      if (!closed) {
        return new String[] {null, "quoted local part is not closed"};
      }
      if (i >= mailbox.length() || mailbox.charAt(i) != '@') {
        return new String[] {null, "no '@' after the quoted local part"};
      }
      local = sb.toString();
      at = i;
    } else {
      at = mailbox.indexOf('@');
      if (at < 0) {
        return new String[] {null, "no '@' in address"};
      }
      local = mailbox.substring(0, at);
      if (!isDotString(local)) {
        return new String[] {
          null, "local part '" + local + "' is not a Dot-string (quote it, RFC 5321 section 4.1.2)"
        };
      }
    }
    String problem = checkLocalPart(local);
    if (problem != null) {
      return new String[] {null, problem};
    }
    String domain = mailbox.substring(at + 1);
    problem = checkDomain(domain);
    if (problem != null) {
      return new String[] {null, problem};
    }
    return new String[] {local, domain};
  }
}
