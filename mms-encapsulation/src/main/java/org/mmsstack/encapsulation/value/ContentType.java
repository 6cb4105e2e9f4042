package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.internal.FrozenList;

/**
 * A Content-type-value (WSP section 8.4.2.24): a media type and its parameters, in order.
 *
 * <p>Used for the PDU's Content-Type header and for each multipart entry. Parameter lookups by
 * name ignore case. Immutable and safe to share between threads.
 */
public final class ContentType {

  private final MediaType mediaType;
  private final List<Parameter> parameters;

  private ContentType(MediaType mediaType, List<Parameter> parameters) {
    this.mediaType = mediaType;
    this.parameters = parameters;
  }

  /** A content type with parameters. */
  public static ContentType of(MediaType mediaType, List<Parameter> parameters) {
    return new ContentType(Objects.requireNonNull(mediaType, "mediaType"), List.copyOf(parameters));
  }

  /** A content type without parameters; the name is looked up in the well-known table. */
  public static ContentType of(String mediaType) {
    return new ContentType(MediaType.of(mediaType), List.of());
  }

  /** A content type without parameters. */
  public static ContentType of(MediaType mediaType) {
    int code = Objects.requireNonNull(mediaType, "mediaType").code();
    if (code >= 0
        && code < WELL_KNOWN.length
        && WELL_KNOWN[code] != null
        && WELL_KNOWN[code].mediaType == mediaType) {
      return WELL_KNOWN[code]; // the short form every part of a decoded message has: not made again
    }
    return new ContentType(mediaType, List.of());
  }

  private static final ContentType[] WELL_KNOWN = new ContentType[0x80];

  static {
    for (int code = 0; code < WELL_KNOWN.length; code++) {
      if (MediaType.isWellKnown(code)) {
        WELL_KNOWN[code] = new ContentType(MediaType.valueOf(code), List.of());
      }
    }
  }

  /** This content type with one more parameter at the end ({@link Parameter#of(String, Object)}). */
  public ContentType withParameter(String name, Object value) {
    Parameter added = Parameter.of(name, value);
    // One array of the new size, owned by the list (no ArrayList and List.copyOf).
    int n = parameters.size();
    Parameter[] p = new Parameter[n + 1];
    for (int i = 0; i < n; i++) {
      p[i] = parameters.get(i);
    }
    p[n] = added;
    return new ContentType(mediaType, FrozenList.owning(p));
  }

  /** The media type. */
  public MediaType mediaType() {
    return mediaType;
  }

  /** The parameters, in wire order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The first parameter with this name, ignoring case. */
  public Optional<Parameter> parameter(String name) {
    for (Parameter p : parameters) {
      if (p.name().equalsIgnoreCase(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The charset parameter, when it names a character set. */
  public Optional<CharacterSet> charset() {
    return parameter("charset")
        .flatMap(
            p ->
                p.value() instanceof CharacterSet
                    ? ((CharacterSet) p.value()).asOptional()
                    : CharacterSet.byName(p.text()));
  }

  /** The {@code name} parameter, or else the {@code filename} one. */
  public Optional<String> name() {
    return parameter("name").or(() -> parameter("filename")).map(Parameter::text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentType
        && ((ContentType) o).mediaType.equals(mediaType)
        && ((ContentType) o).parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return mediaType.hashCode() * 31 + parameters.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(mediaType.name());
    for (Parameter p : parameters) {
      sb.append("; ").append(p);
    }
    return sb.toString();
  }
}
