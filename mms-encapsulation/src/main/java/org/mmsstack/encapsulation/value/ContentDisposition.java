package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A part's Content-Disposition (WSP header 0x2E, or 0x45 in WSP 1.4): {@code form-data},
 * {@code attachment}, {@code inline} or another token, with parameters such as
 * {@code filename}.
 *
 * @param type the disposition type, lower case for the three well-known ones
 * @param parameters the parameters in order
 */
public record ContentDisposition(String type, List<Parameter> parameters) {

  public ContentDisposition {
    Objects.requireNonNull(type, "type");
    parameters = List.copyOf(parameters);
  }

  /** {@code attachment; filename=...}. */
  public static ContentDisposition attachment(String filename) {
    return new ContentDisposition("attachment", List.of(Parameter.of("filename", filename)));
  }

  /** {@code inline}. */
  public static ContentDisposition inline() {
    return new ContentDisposition("inline", List.of());
  }

  /** The wire octet of a well-known type (0x80-0x82), or -1 for a token. */
  public int code() {
    switch (type) {
      case "form-data":
        return 0x80;
      case "attachment":
        return 0x81;
      case "inline":
        return 0x82;
      default:
        return -1;
    }
  }

  /** The filename parameter. */
  public Optional<String> filename() {
    for (Parameter p : parameters) {
      if (p.name().equalsIgnoreCase("filename")) {
        return Optional.of(p.text());
      }
    }
    return Optional.empty();
  }
}
