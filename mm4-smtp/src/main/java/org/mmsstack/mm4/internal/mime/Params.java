package org.mmsstack.mm4.internal.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code value; name=value; ...} grammar of Content-Type (RFC 2045 §5.1) and
 * Content-Disposition (RFC 2183), read leniently: comments, quoted values, parameter names in any
 * case (captures write {@code Start=}, {@code Charset=}), and RFC 2231 extended and continued
 * parameters ({@code name*=utf-8''...}, {@code name*0=}).
 */
public final class Params {

  private Params() {}

  /** A parsed value: the leading token (lower case) and the parameters (names in lower case). */
  public record Parsed(String value, Map<String, String> params) {}

  /** {@link #mediaTypeForm}: the value has no {@code type/subtype} at its start. */
  public static final int NOT_A_MEDIA_TYPE = 0;

  /** {@link #mediaTypeForm}: a media type whose top-level type is not {@code multipart}. */
  public static final int SINGLE_PART = 1;

  /** {@link #mediaTypeForm}: a {@code multipart/...} media type. */
  public static final int MULTIPART = 2;

  /** {@link #mediaTypeForm}: not decided on the characters; parse the value. */
  public static final int UNDECIDED = -1;

  /**
   * What {@code ContentType.tryParse} would make of a Content-Type value, read on its characters
   * without making anything: the parameters do not decide whether a value is a media type, so
   * only the {@code type/subtype} before the first ';' is looked at. {@link #UNDECIDED} when that
   * part holds a comment, a quote, an escape or a character outside printable US-ASCII.
   */
  public static int mediaTypeForm(String text) {
    int n = text.length();
    int end = n;
    int slash = -1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ';') {
        end = i;
        break;
      }
      if ((c < 0x20 && c != '\t') || c >= 0x7f || c == '(' || c == '"' || c == '\\') {
        return UNDECIDED;
      }
      if (c == '/' && slash < 0) {
        slash = i;
      }
    }
    if (slash < 0) {
      return NOT_A_MEDIA_TYPE;
    }
    int tFrom = Syntax.skipWsp(text, 0, slash);
    int tTo = Syntax.trimWsp(text, tFrom, slash);
    int sFrom = Syntax.skipWsp(text, slash + 1, end);
    int sTo = Syntax.trimWsp(text, sFrom, end);
    if (!isToken(text, tFrom, tTo) || !isToken(text, sFrom, sTo)) {
      return NOT_A_MEDIA_TYPE;
    }
    return text.regionMatches(true, tFrom, "multipart", 0, 9) && tTo - tFrom == 9
        ? MULTIPART
        : SINGLE_PART;
  }

  /**
   * The value of parameter {@code name} (lower case) as {@link #parse} reads it, found on the
   * characters without splitting the value into a map: returns null when {@link #parse} has no
   * such parameter (none of that name, or no leading value before the first ';', where {@link
   * #parse} returns null), and also when the characters do not decide (a comment, an escape, a
   * non-ASCII character, a name with '*', which RFC 2231 continuations may join), where the
   * caller parses. The first parameter of that name wins, as in {@link #parse}.
   */
  public static String simpleParameter(String text, String name) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '\\' || c == '*' || c >= 0x7f || (c < 0x20 && c != '\t')) {
        return null;
      }
    }
    // Pieces between ';' outside quotes; the first is the media type itself, and without one
    // parse() reads no parameters at all.
    int start = -1;
    boolean quoted = false;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ';';
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && (!quoted || i == n)) {
        if (start < 0 && Syntax.skipWsp(text, 0, i) == i) {
          return null;
        }
        if (start >= 0) {
          String v = parameterValue(text, start, i, name);
          if (v != null) {
            return v;
          }
        }
        start = i + 1;
        quoted = false;
      }
    }
    return null;
  }

  /** The value of {@code text[from, to)} when it is {@code name=value} for this name, else null. */
  private static String parameterValue(String text, int from, int to, String name) {
    int eq = text.indexOf('=', from);
    if (eq < 0 || eq >= to) {
      return null;
    }
    int nFrom = Syntax.skipWsp(text, from, eq);
    int nTo = Syntax.trimWsp(text, nFrom, eq);
    if (nTo - nFrom != name.length() || !text.regionMatches(true, nFrom, name, 0, name.length())) {
      return null;
    }
    int vFrom = Syntax.skipWsp(text, eq + 1, to);
    int vTo = Syntax.trimWsp(text, vFrom, to);
    if (vTo - vFrom >= 2 && text.charAt(vFrom) == '"' && text.charAt(vTo - 1) == '"') {
      vFrom++;
      vTo--;
    }
    return text.substring(vFrom, vTo);
  }

  private static boolean isToken(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Syntax.isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Parses a header value; returns null when there is no leading value at all. */
  public static Parsed parse(String text) {
    String s = DateTimes.stripComments(text);
    List<String> pieces = split(s);
    String value = Syntax.strip(pieces.get(0)).toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
    for (int i = 1; i < pieces.size(); i++) {
      String p = pieces.get(i);
      int eq = p.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = Syntax.strip(p.substring(0, eq)).toLowerCase(Locale.ROOT);
      String v = Syntax.strip(p.substring(eq + 1));
      boolean quoted = v.startsWith("\"");
      v = Syntax.unquote(v);
      if (name.isEmpty()) {
        continue;
      }
      int star = name.indexOf('*');
      if (star < 0) {
        params.putIfAbsent(name, v);
        continue;
      }
      String base = name.substring(0, star);
      String rest = name.substring(star + 1);
      boolean extended = rest.endsWith("*") || rest.isEmpty();
      String num = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
      int index = 0;
      if (!num.isEmpty()) {
        try {
          index = Integer.parseInt(num);
        } catch (NumberFormatException e) {
          params.putIfAbsent(name, v);
          continue;
        }
        if (index < 0 || index > 999) {
          continue;
        }
      }
      continued
          .computeIfAbsent(base, k -> new TreeMap<>())
          .put(index, new String[] {v, extended && !quoted ? "x" : ""});
    }
    for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
      String joined = join(e.getValue());
      if (joined != null) {
        params.put(e.getKey(), joined);
      }
    }
    return new Parsed(value, params);
  }

  /** RFC 2231 §3-4: joins the segments, percent-decoding the extended ones in the first one's charset. */
  private static String join(SortedMap<Integer, String[]> segs) {
    Charset cs = StandardCharsets.US_ASCII;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean first = true;
    for (String[] seg : segs.values()) {
      String v = seg[0];
      boolean ext = !seg[1].isEmpty();
      if (first && ext) {
        int q1 = v.indexOf('\'');
        int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
        if (q2 < 0) {
          return null;
        }
        try {
          String name = v.substring(0, q1);
          cs = name.isEmpty() ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (IllegalArgumentException e) {
          return null;
        }
        v = v.substring(q2 + 1);
      }
      first = false;
      if (ext) {
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (c == '%' && i + 2 < v.length()) {
            int hi = Character.digit(v.charAt(i + 1), 16);
            int lo = Character.digit(v.charAt(i + 2), 16);
            if (hi >= 0 && lo >= 0) {
              bytes.write(hi * 16 + lo);
              i += 2;
              continue;
            }
          }
          writeUtf8(bytes, c, cs);
        }
      } else {
        byte[] b = v.getBytes(cs);
        bytes.write(b, 0, b.length);
      }
    }
    return new String(bytes.toByteArray(), cs);
  }

  private static void writeUtf8(ByteArrayOutputStream out, char c, Charset cs) {
    byte[] b = String.valueOf(c).getBytes(cs);
    out.write(b, 0, b.length);
  }

  /** Splits at ';' outside quoted strings. */
  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /**
   * Formats {@code value; name=value...}: token values as they are, others quoted. Non-ASCII
   * values use RFC 2231 {@code name*=utf-8''...}.
   */
  public static String format(String value, Map<String, String> params) {
    if (params.isEmpty()) {
      return value;
    }
    String[] kv = new String[2 * params.size()];
    int i = 0;
    for (Map.Entry<String, String> e : params.entrySet()) {
      kv[i++] = e.getKey();
      kv[i++] = e.getValue();
    }
    return format(value, null, kv);
  }

  /**
   * Formats {@code type/subtype; name=value...} ({@code type; name=value...} when {@code
   * subtype} is null) from parameters given as name, value, name, value..., as {@link
   * #format(String, Map)} does.
   */
  public static String format(String type, String subtype, String[] params) {
    StringBuilder sb = new StringBuilder(formattedSize(type, subtype, params)).append(type);
    if (subtype != null) {
      sb.append('/').append(subtype);
    }
    appendParameters(sb, params);
    return sb.toString();
  }

  /**
   * A size for the builder of {@link #format(String, String, String[])}: the usual case (every
   * value quoted, nothing escaped) never grows it.
   */
  public static int formattedSize(String type, String subtype, String[] params) {
    int size = type.length() + (subtype == null ? 0 : 1 + subtype.length()) + 3 * params.length;
    for (String s : params) {
      size += s.length();
    }
    return size;
  }

  /** {@link #kind}: the parameter value is a token, written as it is. */
  private static final int TOKEN = 1;

  /**
   * {@link #kind}: the parameter value holds other characters than printable US-ASCII, and is
   * written as RFC 2231 {@code name*=utf-8''...}.
   */
  private static final int EXTENDED = 2;

  /** {@link #kind}: the value holds '"' or '\\', escaped in a quoted-string. */
  private static final int ESCAPED = 4;

  /** {@link #kind}: the value holds '(' or ')', which a plain reading would take for a comment. */
  private static final int PAREN = 8;

  /**
   * How {@code v} is written, in one pass over it: {@link #EXTENDED}, else {@link #TOKEN} or a
   * quoted-string (0), with {@link #ESCAPED} and {@link #PAREN} when they apply.
   */
  private static int kind(String v) {
    int n = v.length();
    boolean token = n > 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return EXTENDED;
      }
      if (!Syntax.isTokenChar(c)) {
        token = false;
        if (c == '"' || c == '\\') {
          k |= ESCAPED;
        } else if (c == '(' || c == ')') {
          k |= PAREN;
        }
      }
    }
    return token ? TOKEN : k;
  }

  /**
   * Appends {@code ; name=value} for each parameter (name, value, name, value...) as {@link
   * #format(String, String, String[])} writes them, and answers whether reading the result back
   * gives the same parameters plainly: names that are tokens without {@code *}, values of
   * printable US-ASCII without quotes, backslashes, parentheses or white space at either end
   * (what a media type's {@code readsBackPlainly} asks), found on the way.
   */
  public static boolean appendParameters(StringBuilder sb, String[] params) {
    boolean plain = true;
    for (int k = 0; k < params.length; k += 2) {
      sb.append("; ");
      String name = params[k];
      String v = params[k + 1];
      if (plain && (name.indexOf('*') >= 0 || !Syntax.isToken(name))) {
        plain = false;
      }
      int kind = kind(v);
      if (kind != EXTENDED) {
        sb.append(name).append('=');
        if (kind == TOKEN) {
          // A token holds none of the characters the plain reading refuses, nor white space.
          sb.append(v);
        } else {
          int n = v.length();
          if (kind != 0 || n == 0 || v.charAt(0) == ' ' || v.charAt(n - 1) == ' ') {
            plain = false;
          }
          sb.append('"');
          if ((kind & ESCAPED) == 0) {
            sb.append(v);
          } else {
            for (int i = 0; i < n; i++) {
              char c = v.charAt(i);
              if (c == '"' || c == '\\') {
                sb.append('\\');
              }
              sb.append(c);
            }
          }
          sb.append('"');
        }
      } else {
        plain = false;
        sb.append(name).append("*=utf-8''");
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
          int u = b & 0xff;
          char c = (char) u;
          if (u < 0x80 && Syntax.isTokenChar(c) && c != '%' && c != '\'' && c != '*') {
            sb.append(c);
          } else {
            sb.append('%')
                .append(Character.toUpperCase(Character.forDigit(u >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(u & 15, 16)));
          }
        }
      }
    }
    return plain;
  }
}
