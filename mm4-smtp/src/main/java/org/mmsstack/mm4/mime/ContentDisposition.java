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
 * Content-Disposition (RFC 2183): {@code inline} or {@code attachment} (or another token) with
 * parameters such as {@code filename}. Names in lower case, values exact, order kept. Immutable and thread-safe.
 */
public final class ContentDisposition {

  private final String type;
  private final Map<String, String> params;

  private ContentDisposition(String type, Map<String, String> params) {
    this.type = type;
    this.params = params;
  }

  /** @return {@code inline} */
  public static ContentDisposition inline() {
    return new ContentDisposition("inline", Map.of());
  }

  /** @return {@code attachment; filename=...} */
  public static ContentDisposition attachment(String filename) {
    return new ContentDisposition("attachment", Map.of()).withParameter("filename", filename);
  }

  /**
   * Creates a disposition of any type.
   *
   * @param type an RFC 2045 token
   * @return the disposition without parameters
   */
  public static ContentDisposition of(String type) {
    Objects.requireNonNull(type, "type");
    if (!Syntax.isToken(type)) {
      throw new IllegalArgumentException("type: \"" + type + "\" (expected: an RFC 2045 token)");
    }
    return new ContentDisposition(type.toLowerCase(Locale.ROOT), Map.of());
  }

  /**
   * Parses a header value leniently.
   *
   * @param text the Content-Disposition value
   * @return the disposition, or empty if it has no leading token
   */
  public static Optional<ContentDisposition> tryParse(String text) {
    Params.Parsed p = Params.parse(Objects.requireNonNull(text, "text"));
    if (p == null || !Syntax.isToken(p.value())) {
      return Optional.empty();
    }
    return Optional.of(new ContentDisposition(p.value(), Collections.unmodifiableMap(p.params())));
  }

  /** @return the disposition type in lower case */
  public String type() {
    return type;
  }

  /** @return the parameters (unmodifiable, header order) */
  public Map<String, String> parameters() {
    return params;
  }

  /** @return parameter {@code name} (any case) */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
  }

  /** @return the {@code filename} parameter */
  public Optional<String> filename() {
    return parameter("filename");
  }

  /** @return a copy with the parameter set */
  public ContentDisposition withParameter(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!Syntax.isToken(name) || name.indexOf('*') >= 0) {
      throw new IllegalArgumentException(
          "name: \"" + name + "\" (expected: an RFC 2045 token without '*')");
    }
    if (!Syntax.isPrintableText(value)) {
      throw new IllegalArgumentException(
          "value: \"" + value + "\" (expected: no control characters)");
    }
    Map<String, String> m = new LinkedHashMap<>(params);
    m.put(name.toLowerCase(Locale.ROOT), value);
    return new ContentDisposition(type, Collections.unmodifiableMap(m));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentDisposition
        && ((ContentDisposition) o).type.equals(type)
        && ((ContentDisposition) o).params.equals(params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, params);
  }

  /** @return the header value */
  @Override
  public String toString() {
    return Params.format(type, params);
  }
}
