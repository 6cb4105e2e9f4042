package org.mmsstack.mm4.mime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.internal.mime.Params;
import org.mmsstack.mm4.internal.mime.Syntax;

/**
 * A MIME media type with its parameters (RFC 2045 §5.1), as Content-Type carries it: {@code
 * multipart/related; type="application/smil"; start="<smil>"; boundary=...}.
 *
 * <p>Type, subtype and parameter names are kept in lower case (they are case-insensitive; the
 * captures write {@code Start=}, {@code Charset=}); parameter values are kept exactly and in order.
 * RFC 2231 extended parameters are decoded on parse. Immutable and thread-safe.
 */
public final class MediaType {

  /** {@code text/plain; charset=us-ascii}: RFC 2045 §5.2's default when Content-Type is absent. */
  public static final MediaType DEFAULT =
      new MediaType("text", "plain", Map.of("charset", "us-ascii"));

  private final String type;
  private final String subtype;
  private final Map<String, String> params;

  private MediaType(String type, String subtype, Map<String, String> params) {
    this.type = type;
    this.subtype = subtype;
    this.params = params;
  }

  /**
   * Creates a media type without parameters.
   *
   * @param type the top-level type, an RFC 2045 token
   * @param subtype the subtype, an RFC 2045 token
   * @return the media type
   * @throws IllegalArgumentException if either is not a token
   */
  public static MediaType of(String type, String subtype) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    if (!Syntax.isToken(type)) {
      throw new IllegalArgumentException("type: \"" + type + "\" (expected: an RFC 2045 token)");
    }
    if (!Syntax.isToken(subtype)) {
      throw new IllegalArgumentException(
          "subtype: \"" + subtype + "\" (expected: an RFC 2045 token)");
    }
    return new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), Map.of());
  }

  /**
   * Parses a Content-Type value, e.g. {@code text/plain;Name=text.txt;Charset=utf-8}.
   *
   * @param text the header value
   * @return the media type
   * @throws IllegalArgumentException if there is no {@code type/subtype} at the start
   */
  public static MediaType parse(String text) {
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
  public static Optional<MediaType> tryParse(String text) {
    Objects.requireNonNull(text, "text");
    Params.Parsed p = Params.parse(text);
    if (p == null) {
      return Optional.empty();
    }
    int slash = p.value().indexOf('/');
    if (slash <= 0 || slash == p.value().length() - 1) {
      return Optional.empty();
    }
    String t = p.value().substring(0, slash).strip();
    String s = p.value().substring(slash + 1).strip();
    if (!Syntax.isToken(t) || !Syntax.isToken(s)) {
      return Optional.empty();
    }
    return Optional.of(new MediaType(t, s, Collections.unmodifiableMap(p.params())));
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
    return params;
  }

  /** @return the value of parameter {@code name} (any case) */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
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
  public MediaType withParameter(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!Syntax.isToken(name) || name.indexOf('*') >= 0) {
      throw new IllegalArgumentException(
          "name: \"" + name + "\" (expected: an RFC 2045 token without '*')");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || !Syntax.isPrintableText(value)) {
      throw new IllegalArgumentException(
          "value: \"" + value + "\" (expected: no control characters)");
    }
    Map<String, String> m = new LinkedHashMap<>(params);
    m.put(name.toLowerCase(Locale.ROOT), value);
    return new MediaType(type, subtype, Collections.unmodifiableMap(m));
  }

  /** @return a copy without parameter {@code name} */
  public MediaType withoutParameter(String name) {
    Map<String, String> m = new LinkedHashMap<>(params);
    m.remove(name.toLowerCase(Locale.ROOT));
    return new MediaType(type, subtype, Collections.unmodifiableMap(m));
  }

  /**
   * Whether reading {@link #toString()} back gives this media type again, checked on the usual
   * form only: parameter values of printable US-ASCII without quotes, backslashes, parentheses or
   * white space at either end, names that are tokens without {@code *}. A built Content-Type field keeps such a
   * type as its reading instead of parsing its own value.
   */
  boolean readsBackPlainly() {
    // Keys and values apart: the entries of an unmodifiable map are wrapped one by one.
    for (String k : params.keySet()) {
      if (k.indexOf('*') >= 0 || !Syntax.isToken(k)) {
        return false;
      }
    }
    for (String v : params.values()) {
      int n = v.length();
      if (n == 0 || v.charAt(0) == ' ' || v.charAt(n - 1) == ' ') {
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = v.charAt(i);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '(' || c == ')') {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MediaType)) {
      return false;
    }
    MediaType m = (MediaType) o;
    return type.equals(m.type) && subtype.equals(m.subtype) && params.equals(m.params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, subtype, params);
  }

  /** @return the header value: {@code type/subtype; name=value...} */
  @Override
  public String toString() {
    return Params.format(baseType(), params);
  }
}
