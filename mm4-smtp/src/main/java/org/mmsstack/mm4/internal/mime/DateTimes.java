package org.mmsstack.mm4.internal.mime;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 5322 §3.3 date-time: a lenient reader (optional day of week, comments such as
 * {@code (IST)}, obsolete zone names, two-digit years, missing seconds) and a writer of the
 * canonical form {@code Wed, 26 Jan 2022 00:17:43 +0200}.
 */
public final class DateTimes {

  private static final DateTimeFormatter WRITER =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ROOT);

  private static final java.util.regex.Pattern WSP = java.util.regex.Pattern.compile("[ \\t]+");

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private DateTimes() {}

  /**
   * Formats a date as RFC 5322 writes it ({@code Fri, 01 Mar 2024 12:30:45 +0000}); sub-second
   * precision is dropped. Years 1000-9999 with an offset of whole minutes are written character by
   * character; anything else goes through a {@link DateTimeFormatter} of the same pattern.
   */
  public static String format(OffsetDateTime t) {
    int year = t.getYear();
    int offset = t.getOffset().getTotalSeconds();
    if (year < 1000 || year > 9999 || offset % 60 != 0) {
      return WRITER.format(t.withNano(0));
    }
    byte[] c = new byte[31];
    String dow = DAYS[t.getDayOfWeek().ordinal()];
    c[0] = (byte) dow.charAt(0);
    c[1] = (byte) dow.charAt(1);
    c[2] = (byte) dow.charAt(2);
    c[3] = ',';
    c[4] = ' ';
    two(c, 5, t.getDayOfMonth());
    c[7] = ' ';
    String mon = MONTH_NAMES[t.getMonthValue() - 1];
    c[8] = (byte) mon.charAt(0);
    c[9] = (byte) mon.charAt(1);
    c[10] = (byte) mon.charAt(2);
    c[11] = ' ';
    two(c, 12, year / 100);
    two(c, 14, year % 100);
    c[16] = ' ';
    two(c, 17, t.getHour());
    c[19] = ':';
    two(c, 20, t.getMinute());
    c[22] = ':';
    two(c, 23, t.getSecond());
    c[25] = ' ';
    c[26] = (byte) (offset < 0 ? '-' : '+');
    int minutes = Math.abs(offset) / 60;
    two(c, 27, minutes / 60);
    two(c, 29, minutes % 60);
    return new String(c, StandardCharsets.ISO_8859_1);
  }

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private static final String[] MONTH_NAMES = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private static void two(byte[] c, int at, int v) {
    c[at] = (byte) ('0' + v / 10);
    c[at + 1] = (byte) ('0' + v % 10);
  }

  /** Parses an RFC 5322 date-time, or returns empty. */
  public static Optional<OffsetDateTime> parse(String text) {
    String s = Syntax.strip(stripComments(text).replace(',', ' '));
    String[] tok = WSP.split(s);
    int i = 0;
    if (tok.length > 0 && !tok[0].isEmpty() && Character.isLetter(tok[0].charAt(0))) {
      i++; // day of week; RFC 5322 makes it optional and we do not check it
    }
    // day month year time zone: five tokens, or four when the zone is missing (obs-zone needs it)
    if (tok.length - i < 4) {
      return Optional.empty();
    }
    try {
      int day = number(tok[i], 1, 2);
      int month = month(tok[i + 1]);
      String ys = tok[i + 2];
      int year = number(ys, 2, 4);
      if (ys.length() == 2) {
        year += year < 50 ? 2000 : 1900; // RFC 5322 §4.3
      } else if (ys.length() == 3) {
        year += 1900;
      }
      String[] hms = tok[i + 3].split(":", -1);
      if (hms.length < 2 || hms.length > 3) {
        return Optional.empty();
      }
      int hour = number(hms[0], 1, 2);
      int minute = number(hms[1], 1, 2);
      int second = hms.length == 3 ? number(hms[2], 1, 2) : 0;
      if (second == 60) {
        second = 59; // leap second: java.time has none
      }
      ZoneOffset zone = tok.length - i > 4 ? zone(tok[i + 4]) : ZoneOffset.UTC;
      if (zone == null
          || tok.length - i > 5
          || month < 0
          || day < 0
          || year < 0
          || hour < 0
          || minute < 0
          || second < 0) {
        return Optional.empty();
      }
      return Optional.of(
          OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), zone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@link #parse} reads {@code text}, without the objects it makes for the form every
   * sender writes ({@code [Wed, ]26 Jan 2022 00:17:43 +0200}, checked on its characters); any
   * other form goes through {@link #parse}. What decoding's checks call for Date and Expiry.
   */
  public static boolean isValid(String text) {
    return isCanonical(text) || parse(text).isPresent();
  }

  /**
   * {@code [Ddd, ]d[d] Mon yyyy hh:mm:ss +hhmm} (or {@code GMT} or {@code UT} for the zone, and
   * a trailing comment such as {@code (IST)}) with single spaces and a date, time and offset that
   * exist: a form {@link #parse} reads, so this may only answer true where it would.
   */
  static boolean isCanonical(String s) {
    int n = s.length();
    int i = 0;
    if (n > 0 && s.charAt(0) > '9') {
      if (n < 5
          || !isAsciiLetter(s.charAt(0))
          || !isAsciiLetter(s.charAt(1))
          || !isAsciiLetter(s.charAt(2))
          || s.charAt(3) != ','
          || s.charAt(4) != ' ') {
        return false;
      }
      i = 5;
    }
    // The day: one or two digits, then a space.
    int day = digit(s, i);
    if (day < 0 || ++i >= n) {
      return false;
    }
    if (s.charAt(i) != ' ') {
      int d2 = digit(s, i);
      if (d2 < 0) {
        return false;
      }
      day = day * 10 + d2;
      i++;
    }
    // " Mon yyyy hh:mm:ss " then the zone: +hhmm, GMT or UT.
    if (n - i < 21
        || s.charAt(i) != ' '
        || s.charAt(i + 4) != ' '
        || s.charAt(i + 9) != ' '
        || s.charAt(i + 12) != ':'
        || s.charAt(i + 15) != ':'
        || s.charAt(i + 18) != ' ') {
      return false;
    }
    int month = monthAt(s, i + 1);
    int year = digits(s, i + 5, 4);
    int hour = digits(s, i + 10, 2);
    int minute = digits(s, i + 13, 2);
    int second = digits(s, i + 16, 2);
    int z = i + 19;
    int zoneEnd;
    char sign = s.charAt(z);
    if (sign == '+' || sign == '-') {
      int zh = digits(s, z + 1, 2);
      int zm = digits(s, z + 3, 2);
      if (zh < 0 || zh > 18 || zm < 0 || zm > 59 || zh * 60 + zm > 18 * 60) {
        return false;
      }
      zoneEnd = z + 5;
    } else if (s.regionMatches(true, z, "GMT", 0, 3)) {
      zoneEnd = z + 3;
    } else if (s.regionMatches(true, z, "UT", 0, 2)) {
      zoneEnd = z + 2;
    } else {
      return false;
    }
    if (zoneEnd > n || !isCommentTail(s, zoneEnd)) {
      return false;
    }
    if (month < 0
        || year < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 60) {
      return false;
    }
    return day >= 1 && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year));
  }

  /**
   * Whether {@code s} ends at {@code from}, or only white space and one comment without nested
   * comments, quotes or escapes follow it ({@code " (IST)"}), which {@link #parse} drops.
   */
  private static boolean isCommentTail(String s, int from) {
    int n = s.length();
    if (from == n) {
      return true;
    }
    int i = from;
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    if (i == from || i == n || s.charAt(i) != '(') {
      return false;
    }
    for (i++; i < n; i++) {
      char c = s.charAt(i);
      if (c == ')') {
        break;
      }
      if (c == '(' || c == '\\' || c == '"') {
        return false;
      }
    }
    if (i == n) {
      return false;
    }
    for (i++; i < n; i++) {
      if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int digit(String s, int i) {
    char c = i < s.length() ? s.charAt(i) : 0;
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int k = from; k < from + count; k++) {
      int d = digit(s, k);
      if (d < 0) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** The month (1-12) named by the three letters at {@code i}, any case, or -1. */
  private static int monthAt(String s, int i) {
    for (int k = 0; k < 12; k++) {
      String m = MONTHS[k];
      if ((s.charAt(i) | 0x20) == m.charAt(0)
          && (s.charAt(i + 1) | 0x20) == m.charAt(1)
          && (s.charAt(i + 2) | 0x20) == m.charAt(2)) {
        return k + 1;
      }
    }
    return -1;
  }

  private static int number(String s, int minDigits, int maxDigits) {
    if (s.length() < minDigits || s.length() > maxDigits) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int month(String s) {
    if (s.length() != 3) {
      return -1;
    }
    String m = s.toLowerCase(Locale.ROOT);
    for (int k = 0; k < 12; k++) {
      if (MONTHS[k].equals(m)) {
        return k + 1;
      }
    }
    return -1;
  }

  private static ZoneOffset zone(String z) {
    if (z.length() == 5 && (z.charAt(0) == '+' || z.charAt(0) == '-')) {
      int hh = number(z.substring(1, 3), 2, 2);
      int mm = number(z.substring(3, 5), 2, 2);
      if (hh < 0 || mm < 0 || hh > 18 || mm > 59) {
        return null;
      }
      int secs = (hh * 3600 + mm * 60) * (z.charAt(0) == '-' ? -1 : 1);
      return secs < -18 * 3600 || secs > 18 * 3600 ? null : ZoneOffset.ofTotalSeconds(secs);
    }
    switch (z.toUpperCase(Locale.ROOT)) {
      case "UT":
      case "GMT":
      case "Z":
        return ZoneOffset.UTC;
      case "EDT":
        return ZoneOffset.ofHours(-4);
      case "EST":
      case "CDT":
        return ZoneOffset.ofHours(-5);
      case "CST":
      case "MDT":
        return ZoneOffset.ofHours(-6);
      case "MST":
      case "PDT":
        return ZoneOffset.ofHours(-7);
      case "PST":
        return ZoneOffset.ofHours(-8);
      default:
        // RFC 5322 §4.3: other alphabetic (military) zones are to be read as -0000.
        return z.length() == 1 && Character.isLetter(z.charAt(0)) ? ZoneOffset.UTC : null;
    }
  }

  /** Removes RFC 5322 comments, nested or not, outside quoted strings. */
  public static String stripComments(String s) {
    if (s.indexOf('(') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (quoted || depth > 0)) {
        if (depth == 0) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (depth == 0 && c == '"') {
        quoted = !quoted;
        out.append(c);
      } else if (!quoted && c == '(') {
        if (depth == 0) {
          out.append(' ');
        }
        depth++;
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
