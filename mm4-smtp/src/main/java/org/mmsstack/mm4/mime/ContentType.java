package org.mmsstack.mm4.mime;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.internal.mime.Params;
import org.mmsstack.mm4.internal.mime.Syntax;

/**
 * A Content-Type value: a MIME media type with its parameters (RFC 2045 §5.1), {@code
 * multipart/related; type="application/smil"; start="<smil>"; boundary=...}. The MIME form of
 * what {@link org.mmsstack.encapsulation.value.ContentType} is in a PDU; the conversions between
 * MM1 and MM4 map one to the other.
 *
 * <p>Type, subtype and parameter names are kept in lower case (they are case-insensitive; the
 * captures write {@code Start=}, {@code Charset=}); parameter values are kept exactly and in order.
 * RFC 2231 extended parameters are decoded on parse. Immutable and thread-safe.
 */
public final class ContentType {

  private static final String[] NONE = new String[0];

  /** {@code text/plain; charset=us-ascii}: RFC 2045 §5.2's default when Content-Type is absent. */
  public static final ContentType DEFAULT =
      new ContentType("text", "plain", new String[] {"charset", "us-ascii"}, null);

  private final String type;
  private final String subtype;
  // The parameters as name, value, name, value... in order, names in lower case and distinct:
  // adding one copies this small array, not a map.
  private final String[] params;
  // parameters() as a map, made on first use (racy but idempotent: every thread makes an equal
  // map); a parsed type keeps the map its parse made.
  private Map<String, String> map;
  // toString(), made on first use and kept (racy but idempotent, as map): a type used for many
  // entities is formatted once. Whether it reads back plainly is found by the same pass and
  // kept in plain (0 not known yet, 1 yes, 2 no).
  private String formatted;
  private byte plain;

  private ContentType(String type, String subtype, String[] params, Map<String, String> map) {
    this.type = type;
    this.subtype = subtype;
    this.params = params;
    this.map = map;
  }

  /**
   * Creates a media type without parameters.
   *
   * @param type the top-level type, an RFC 2045 token
   * @param subtype the subtype, an RFC 2045 token
   * @return the media type
   * @throws IllegalArgumentException if either is not a token
   */
  public static ContentType of(String type, String subtype) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    String t = lowerToken(type);
    if (t == null) {
      throw new IllegalArgumentException("type: \"" + type + "\" (expected: an RFC 2045 token)");
    }
    String s = lowerToken(subtype);
    if (s == null) {
      throw new IllegalArgumentException(
          "subtype: \"" + subtype + "\" (expected: an RFC 2045 token)");
    }
    return new ContentType(t, s, NONE, Map.of());
  }

  /**
   * {@code s} lower-cased when it is an RFC 2045 token, else null, in one pass: a token already in
   * lower case (the usual spelling) is returned as it is.
   */
  private static String lowerToken(String s) {
    int n = s.length();
    if (n == 0) {
      return null;
    }
    boolean lower = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Syntax.isTokenChar(c)) {
        return null;
      }
      if (c >= 'A' && c <= 'Z') {
        lower = false;
      }
    }
    // A token is US-ASCII, so Locale.ROOT lower-casing changes only A-Z.
    return lower ? s : s.toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a Content-Type value, e.g. {@code text/plain;Name=text.txt;Charset=utf-8}.
   *
   * @param text the header value
   * @return the media type
   * @throws IllegalArgumentException if there is no {@code type/subtype} at the start
   */
  public static ContentType parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "text: \"" + text + "\" (expected: type/subtype[; parameters])"));
  }

  /**
   * Parses a Content-Type value leniently.
   *
   * @param text the header value
   * @return the media type, or empty if there is no {@code type/subtype} at the start
   */
  public static Optional<ContentType> tryParse(String text) {
    Objects.requireNonNull(text, "text");
    Params.Parsed p = Params.parse(text);
    if (p == null) {
      return Optional.empty();
    }
    int slash = p.value().indexOf('/');
    if (slash <= 0 || slash == p.value().length() - 1) {
      return Optional.empty();
    }
    String t = Syntax.strip(p.value().substring(0, slash));
    String s = Syntax.strip(p.value().substring(slash + 1));
    if (!Syntax.isToken(t) || !Syntax.isToken(s)) {
      return Optional.empty();
    }
    Map<String, String> m = p.params();
    String[] a = NONE;
    if (!m.isEmpty()) {
      a = new String[2 * m.size()];
      int i = 0;
      for (Map.Entry<String, String> e : m.entrySet()) {
        a[i++] = e.getKey();
        a[i++] = e.getValue();
      }
    }
    return Optional.of(new ContentType(t, s, a, Collections.unmodifiableMap(m)));
  }

  /** @return the top-level type in lower case, e.g. {@code multipart} */
  public String type() {
    return type;
  }

  /** @return the subtype in lower case, e.g. {@code related} */
  public String subtype() {
    return subtype;
  }

  /** @return {@code type/subtype} without parameters */
  public String baseType() {
    return type + "/" + subtype;
  }

  /** @return whether the top-level type is {@code multipart} */
  public boolean isMultipart() {
    return type.equals("multipart");
  }

  /** @return whether {@code type/subtype} equals {@code baseType}, ignoring case */
  public boolean is(String baseType) {
    return baseType().equalsIgnoreCase(baseType);
  }

  /** @return the parameters, names in lower case, in header order (unmodifiable) */
  public Map<String, String> parameters() {
    Map<String, String> m = map;
    if (m == null) {
      Map<String, String> copy = new LinkedHashMap<>();
      for (int i = 0; i < params.length; i += 2) {
        copy.put(params[i], params[i + 1]);
      }
      m = Collections.unmodifiableMap(copy);
      map = m;
    }
    return m;
  }

  /** @return the value of parameter {@code name} (any case) */
  public Optional<String> parameter(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(params[i + 1]);
  }

  /**
   * The index in {@link #params} of the parameter called {@code name} in any case (names are kept
   * lower-cased by {@link Locale#ROOT}), or -1. An ASCII name is compared without a lower-cased
   * copy.
   */
  private int indexOf(String name) {
    int n = name.length();
    for (int k = 0; k < n; k++) {
      if (name.charAt(k) >= 0x80) {
        return indexOfExactly(name.toLowerCase(Locale.ROOT));
      }
    }
    for (int i = 0; i < params.length; i += 2) {
      String key = params[i];
      if (key.length() == n && asciiLowerEquals(key, name)) {
        return i;
      }
    }
    return -1;
  }

  private int indexOfExactly(String lower) {
    for (int i = 0; i < params.length; i += 2) {
      if (params[i].equals(lower)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code lower} equals the ASCII {@code name} lower-cased (same lengths). */
  private static boolean asciiLowerEquals(String lower, String name) {
    for (int k = 0, n = name.length(); k < n; k++) {
      char c = name.charAt(k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if (lower.charAt(k) != c) {
        return false;
      }
    }
    return true;
  }

  /** @return the {@code charset} parameter */
  public Optional<String> charset() {
    return parameter("charset");
  }

  /** @return the {@code boundary} parameter of a multipart type */
  public Optional<String> boundary() {
    return parameter("boundary");
  }

  /**
   * Returns a copy with the parameter set (replacing one of the same name in place).
   *
   * @param name the parameter name, an RFC 2045 token
   * @param value the value (any text without line breaks; non-ASCII is written as RFC 2231)
   * @return the new media type
   */
  public ContentType withParameter(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    String key = lowerToken(name);
    if (key == null || name.indexOf('*') >= 0) {
      throw new IllegalArgumentException(
          "name: \"" + name + "\" (expected: an RFC 2045 token without '*')");
    }
    if (!Syntax.isPrintableText(value)) { // which refuses CR and LF too
      throw new IllegalArgumentException(
          "value: \"" + value + "\" (expected: no control characters)");
    }
    int i = indexOfExactly(key);
    String[] a;
    if (i >= 0) {
      a = params.clone();
    } else {
      i = params.length;
      a = Arrays.copyOf(params, i + 2);
      a[i] = key;
    }
    a[i + 1] = value;
    return new ContentType(type, subtype, a, null);
  }

  /** @return a copy without parameter {@code name} */
  public ContentType withoutParameter(String name) {
    int i = indexOfExactly(name.toLowerCase(Locale.ROOT));
    if (i < 0) {
      return new ContentType(type, subtype, params, map);
    }
    String[] a = new String[params.length - 2];
    System.arraycopy(params, 0, a, 0, i);
    System.arraycopy(params, i + 2, a, i, a.length - i);
    return new ContentType(type, subtype, a, null);
  }

  /**
   * Whether reading {@link #toString()} back gives this media type again, checked on the usual
   * form only: parameter values of printable US-ASCII without quotes, backslashes, parentheses or
   * white space at either end, names that are tokens without {@code *}. A built Content-Type field keeps such a
   * type as its reading instead of parsing its own value.
   */
  boolean readsBackPlainly() {
    byte p = plain;
    if (p == 0) {
      format();
      p = plain;
    }
    return p == 1;
  }

  /**
   * Formats the value once, finding on the way whether it reads back plainly, and keeps both
   * ({@code plain} before {@code formatted}; a thread that sees one without the other formats
   * again, to the same result).
   */
  private String format() {
    StringBuilder sb =
        new StringBuilder(Params.formattedSize(type, subtype, params))
            .append(type)
            .append('/')
            .append(subtype);
    plain = Params.appendParameters(sb, params) ? (byte) 1 : (byte) 2;
    String s = sb.toString();
    formatted = s;
    return s;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContentType)) {
      return false;
    }
    ContentType m = (ContentType) o;
    if (!type.equals(m.type) || !subtype.equals(m.subtype) || params.length != m.params.length) {
      return false;
    }
    // As maps: the same names with the same values, in any order.
    for (int i = 0; i < params.length; i += 2) {
      int j = m.indexOfExactly(params[i]);
      if (j < 0 || !params[i + 1].equals(m.params[j + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    // Objects.hash(type, subtype, parameters()), without making the map.
    int h = 0;
    for (int i = 0; i < params.length; i += 2) {
      h += params[i].hashCode() ^ params[i + 1].hashCode();
    }
    return (31 * (31 + type.hashCode()) + subtype.hashCode()) * 31 + h;
  }

  /** @return the header value: {@code type/subtype; name=value...} */
  @Override
  public String toString() {
    String s = formatted;
    return s != null ? s : format();
  }
}
