package org.mmsstack.encapsulation.value;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a Content-Type or Content-Disposition value (WSP section 8.4.2.4).
 *
 * <p>A well-known parameter has a {@link WellKnown code} and a typed value: a
 * {@link CharacterSet} for charset, a {@link MediaType} for the multipart/related type, a
 * {@code Long} for integers and dates (seconds), a {@code String} for text, {@code ""} for
 * No-value. The specification lets a sender put text where a typed value is expected; such a
 * value is kept as a {@code String} (except for the media-type kind, where text is itself a typed
 * value: it becomes a {@link MediaType}). An untyped parameter has a textual name and a {@code Long}
 * or {@code String} value.
 *
 * <p>{@link #of(String, Object)} chooses the code every MMS implementation emits: Name as 0x05,
 * Filename 0x06, Type 0x09, Start 0x0A, Start-info 0x0B, Charset 0x01 (not the WSP 1.4 codes
 * some carriers do not understand).
 */
public final class Parameter {

  /** What kind of value a well-known parameter carries. */
  public enum Kind {
    Q_VALUE,
    CHARSET,
    VERSION,
    INTEGER,
    TEXT,
    FIELD_NAME,
    SHORT_INTEGER,
    MEDIA,
    DELTA_SECONDS,
    NO_VALUE,
    DATE
  }

  /** The well-known parameter codes of WSP (Table 38), with the encoding version of each. */
  public enum WellKnown {
    Q(0x00, "q", Kind.Q_VALUE),
    CHARSET(0x01, "charset", Kind.CHARSET),
    LEVEL(0x02, "level", Kind.VERSION),
    TYPE_INTEGER(0x03, "type", Kind.INTEGER),
    NAME_1_1(0x05, "name", Kind.TEXT),
    FILENAME_1_1(0x06, "filename", Kind.TEXT),
    DIFFERENCES(0x07, "differences", Kind.FIELD_NAME),
    PADDING(0x08, "padding", Kind.SHORT_INTEGER),
    TYPE(0x09, "type", Kind.MEDIA),
    START_1_2(0x0A, "start", Kind.TEXT),
    START_INFO_1_2(0x0B, "start-info", Kind.TEXT),
    COMMENT_1_3(0x0C, "comment", Kind.TEXT),
    DOMAIN_1_3(0x0D, "domain", Kind.TEXT),
    MAX_AGE(0x0E, "max-age", Kind.DELTA_SECONDS),
    PATH_1_3(0x0F, "path", Kind.TEXT),
    SECURE(0x10, "secure", Kind.NO_VALUE),
    SEC(0x11, "sec", Kind.SHORT_INTEGER),
    MAC(0x12, "mac", Kind.TEXT),
    CREATION_DATE(0x13, "creation-date", Kind.DATE),
    MODIFICATION_DATE(0x14, "modification-date", Kind.DATE),
    READ_DATE(0x15, "read-date", Kind.DATE),
    SIZE(0x16, "size", Kind.INTEGER),
    NAME(0x17, "name", Kind.TEXT),
    FILENAME(0x18, "filename", Kind.TEXT),
    START(0x19, "start", Kind.TEXT),
    START_INFO(0x1A, "start-info", Kind.TEXT),
    COMMENT(0x1B, "comment", Kind.TEXT),
    DOMAIN(0x1C, "domain", Kind.TEXT),
    PATH(0x1D, "path", Kind.TEXT);

    private static final WellKnown[] BY_CODE = new WellKnown[0x1E];

    static {
      for (WellKnown w : values()) {
        BY_CODE[w.code] = w;
      }
    }

    private final int code;
    private final String parameterName;
    private final Kind kind;

    // Made once so that Parameter.wellKnown() does not allocate: the encoder reads it per
    // parameter.
    private final Optional<WellKnown> self;

    WellKnown(int code, String parameterName, Kind kind) {
      this.code = code;
      this.parameterName = parameterName;
      this.kind = kind;
      this.self = Optional.of(this);
    }

    /** The code (sent as {@code 0x80 | code}). */
    public int code() {
      return code;
    }

    /** The parameter name in lower case. */
    public String parameterName() {
      return parameterName;
    }

    /** The kind of the typed value. */
    public Kind kind() {
      return kind;
    }

    /**
     * The parameter for a code, or empty when the code is unassigned. Allocates nothing: the
     * Optionals are made once.
     */
    public static Optional<WellKnown> fromCode(long code) {
      WellKnown w = code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
      return w == null ? Optional.empty() : w.self;
    }

    /** The code MMS implementations emit for a parameter name, or {@code null}. */
    static WellKnown preferredFor(String name) {
      WellKnown w = preferredForLowerCase(name);
      // Names are nearly always given in lower case: lower-cased (a copy) only when not found.
      return w != null ? w : preferredForLowerCase(name.toLowerCase(Locale.ROOT));
    }

    private static WellKnown preferredForLowerCase(String name) {
      switch (name) {
        case "charset":
          return CHARSET;
        case "name":
          return NAME_1_1;
        case "filename":
          return FILENAME_1_1;
        case "type":
          return TYPE;
        case "start":
          return START_1_2;
        case "start-info":
          return START_INFO_1_2;
        case "q":
          return Q;
        case "level":
          return LEVEL;
        case "padding":
          return PADDING;
        case "max-age":
          return MAX_AGE;
        case "secure":
          return SECURE;
        case "size":
          return SIZE;
        case "creation-date":
          return CREATION_DATE;
        case "modification-date":
          return MODIFICATION_DATE;
        case "read-date":
          return READ_DATE;
        default:
          return null;
      }
    }
  }

  private final String name;
  private final WellKnown wellKnown;
  private final Object value;

  private Parameter(String name, WellKnown wellKnown, Object value) {
    this.name = name;
    this.wellKnown = wellKnown;
    this.value = value;
  }

  /**
   * A parameter by name. A known name is sent with its usual well-known code when the value has
   * the right type for it (a {@code String} is always acceptable); any other name is sent as
   * Token-text.
   *
   * @param value a {@code String}, {@code Long}/{@code Integer}, {@link CharacterSet} or
   *     {@link MediaType}
   */
  public static Parameter of(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Object v = normalise(value);
    WellKnown w = WellKnown.preferredFor(name);
    if (w != null && fits(w.kind, v)) {
      return new Parameter(w.parameterName, w, typed(w.kind, v));
    }
    return untyped(name, v);
  }

  /** A parameter with a specific well-known code. */
  public static Parameter of(WellKnown code, Object value) {
    Object v = normalise(value);
    if (!fits(code.kind, v)) {
      throw new IllegalArgumentException("value: " + value + " (does not fit " + code + ")");
    }
    return new Parameter(code.parameterName, code, typed(code.kind, v));
  }

  /**
   * A media type given as text is still a typed value (Constrained-encoding includes
   * Extension-media), and the decoder reads it back as a {@link MediaType}: keep it as one, so
   * that {@code Parameter.of("type", "application/smil")} equals its decoded self.
   */
  private static Object typed(Kind kind, Object v) {
    return kind == Kind.MEDIA && v instanceof String ? MediaType.of((String) v) : v;
  }

  /** An untyped parameter: Token-text name, Integer-value or Text-value. */
  public static Parameter untyped(String name, Object value) {
    Object v = normalise(value);
    if (!(v instanceof String) && !(v instanceof Long)) {
      throw new IllegalArgumentException(
          "value: " + value + " (an untyped parameter takes text or an integer)");
    }
    return new Parameter(Objects.requireNonNull(name, "name"), null, v);
  }

  private static Object normalise(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }

  private static boolean fits(Kind kind, Object v) {
    if (v instanceof String) {
      return true;
    }
    switch (kind) {
      case CHARSET:
        return v instanceof CharacterSet;
      case MEDIA:
        return v instanceof MediaType;
      case Q_VALUE:
      case INTEGER:
      case SHORT_INTEGER:
      case DELTA_SECONDS:
      case DATE:
      case VERSION:
      case FIELD_NAME:
        return v instanceof Long && (Long) v >= 0;
      default:
        return false;
    }
  }

  /** The parameter name (lower case for well-known ones; as sent for untyped ones). */
  public String name() {
    return name;
  }

  /** The well-known code; empty for an untyped parameter. Does not allocate. */
  public Optional<WellKnown> wellKnown() {
    return wellKnown == null ? Optional.empty() : wellKnown.self;
  }

  /** The value: {@code String}, {@code Long}, {@link CharacterSet} or {@link MediaType}. */
  public Object value() {
    return value;
  }

  /** The value as text (a charset's or media type's name; a number in decimal). */
  public String text() {
    if (value instanceof CharacterSet) {
      return ((CharacterSet) value).name();
    }
    return value.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Parameter)) {
      return false;
    }
    Parameter p = (Parameter) o;
    return p.wellKnown == wellKnown && p.name.equalsIgnoreCase(name) && p.value.equals(value);
  }

  @Override
  public int hashCode() {
    return name.toLowerCase(Locale.ROOT).hashCode() * 31 + value.hashCode();
  }

  @Override
  public String toString() {
    return name + "=" + text();
  }
}
