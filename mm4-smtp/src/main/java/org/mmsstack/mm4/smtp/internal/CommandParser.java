package org.mmsstack.mm4.smtp.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mmsstack.mm4.smtp.SmtpAddress;

/**
 * Parses the receiver's command lines (RFC 5321 section 4.1). Nothing here throws on bad
 * input: a problem comes back as the reply code and text the receiver should send.
 */
public final class CommandParser {
  private CommandParser() {}

  /** The commands the receiver knows. */
  public enum Verb {
    HELO,
    EHLO,
    MAIL,
    RCPT,
    DATA,
    RSET,
    NOOP,
    QUIT,
    VRFY,
    EXPN,
    HELP,
    STARTTLS,
    /** Anything else (including lines that are not printable US-ASCII). */
    UNKNOWN
  }

  /**
   * A command line split into verb and argument.
   *
   * @param verb the command
   * @param argument the text after the verb and one space, or "" (never null)
   * @param printable whether the argument is printable US-ASCII (a known verb with an argument
   *     that is not gets a syntax reply, not "command unrecognized")
   */
  public record Command(Verb verb, String argument, boolean printable) {}

  /**
   * The parsed argument of MAIL FROM or RCPT TO, or the reply to send when it is bad.
   *
   * @param address the mailbox; {@code null} for the null reverse-path or on error
   * @param parameters ESMTP parameters, keywords upper-cased; empty on error
   * @param errorCode 0, or the reply code for the problem (501 or 555)
   * @param errorText the reply text for the problem, or null
   */
  public record PathArgument(
      SmtpAddress address, Map<String, String> parameters, int errorCode, String errorText) {
    static PathArgument error(int code, String text) {
      return new PathArgument(null, Map.of(), code, text);
    }

    /** Whether the argument was well formed. */
    public boolean ok() {
      return errorCode == 0;
    }
  }

  /** Splits a line (ISO-8859-1 text of the raw octets) into verb and argument. */
  public static Command parseCommand(String line) {
    int space = line.indexOf(' ');
    String word = space < 0 ? line : line.substring(0, space);
    String argument = space < 0 ? "" : line.substring(space + 1);
    if (!isPrintable(word)) {
      return new Command(Verb.UNKNOWN, "", false);
    }
    Verb verb = Verb.UNKNOWN;
    if (word.length() >= 4 && word.length() <= 8) {
      for (Verb v : Verb.values()) {
        if (v != Verb.UNKNOWN && v.name().equalsIgnoreCase(word)) {
          verb = v;
          break;
        }
      }
    }
    return new Command(verb, argument, isPrintable(argument));
  }

  private static boolean isPrintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Parses the argument of MAIL: {@code FROM:<reverse-path> [parameters]}. */
  public static PathArgument parseMailArgument(String argument) {
    return parsePath(argument, "FROM:", true);
  }

  /** Parses the argument of RCPT: {@code TO:<forward-path> [parameters]}. */
  public static PathArgument parseRcptArgument(String argument) {
    return parsePath(argument, "TO:", false);
  }

  private static PathArgument parsePath(String argument, String prefix, boolean nullPathAllowed) {
    if (!argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return PathArgument.error(
          501, "5.5.4 Syntax: " + (nullPathAllowed ? "MAIL FROM:<address>" : "RCPT TO:<address>"));
    }
    int i = prefix.length();
    // RFC 5321 has no space after the colon, but widespread clients send one: tolerate it.
    while (i < argument.length() && argument.charAt(i) == ' ') {
      i++;
    }
    if (i >= argument.length() || argument.charAt(i) != '<') {
      return PathArgument.error(501, "5.5.4 Path must be enclosed in angle brackets");
    }
    int pathStart = i;
    i++;
    if (!nullPathAllowed && i < argument.length() && argument.charAt(i) == '@') {
      // RFC 5321 section 4.1.1.3: a source route in a forward-path is accepted and ignored.
      int colon = argument.indexOf(':', i);
      if (colon < 0) {
        return PathArgument.error(501, "5.1.3 Source route without ':'");
      }
      i = colon + 1;
    }
    int mailboxStart = i;
    boolean quoted = false;
    int end = -1;
    for (; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '>') {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return PathArgument.error(501, "5.5.4 Path is not closed by '>'");
    }
    if (end + 1 - pathStart > AddressSyntax.MAX_PATH) {
      return PathArgument.error(
          501, "5.1.3 Path longer than " + AddressSyntax.MAX_PATH + " octets");
    }
    String mailbox = argument.substring(mailboxStart, end);
    SmtpAddress address = null;
    if (mailbox.isEmpty()) {
      if (!nullPathAllowed) {
        return PathArgument.error(501, "5.1.3 Empty forward-path");
      }
    } else {
      String[] parts = AddressSyntax.parseMailbox(mailbox);
      if (parts[0] == null) {
        return PathArgument.error(501, "5.1.3 Bad address syntax: " + parts[1]);
      }
      try {
        address = SmtpAddress.of(parts[0], parts[1]);
      } catch (IllegalArgumentException e) {
        return PathArgument.error(501, "5.1.3 Bad address syntax");
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    String rest = argument.substring(end + 1);
    if (!rest.isEmpty() && rest.charAt(0) != ' ') {
      return PathArgument.error(501, "5.5.4 Space expected after the path");
    }
    for (String token : rest.split(" ")) {
      if (token.isEmpty()) {
        continue;
      }
      int eq = token.indexOf('=');
      String keyword = eq < 0 ? token : token.substring(0, eq);
      String value = eq < 0 ? "" : token.substring(eq + 1);
      if (!isEsmtpKeyword(keyword) || (eq >= 0 && !isEsmtpValue(value))) {
        return PathArgument.error(501, "5.5.4 Malformed parameter");
      }
      if (parameters.put(keyword.toUpperCase(Locale.ROOT), value) != null) {
        return PathArgument.error(501, "5.5.4 Parameter given twice");
      }
    }
    return new PathArgument(address, Map.copyOf(parameters), 0, null);
  }

  private static boolean isEsmtpKeyword(String keyword) {
    if (keyword.isEmpty()) {
      return false;
    }
    for (int i = 0; i < keyword.length(); i++) {
      char c = keyword.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && !(c == '-' && i > 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEsmtpValue(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 33 || c > 126 || c == '=') {
        return false;
      }
    }
    return true;
  }

  /** Parses a SIZE parameter value: a decimal number, or -1 when it is not one. */
  public static long parseSize(String value) {
    if (value.isEmpty() || value.length() > 18) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
