package org.mmsstack.encapsulation.body;

import java.util.Objects;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * One header of a multipart entry: a WSP well-known header (code 0x00-0x7F) or a textual
 * (Application) header.
 *
 * <p>Typed values: Content-Location (0x0E) and Content-ID (0x40) are {@code String}s (the
 * Content-ID with its angle brackets, as sent), Content-Disposition (0x2E, 0x45) a
 * {@link ContentDisposition}, a textual header's value a {@code String}; every other
 * well-known header keeps its encoded octets as a {@link RawValue}.
 *
 * @param name the header name (WSP's name for well-known codes)
 * @param code the well-known code, or -1 for a textual header
 * @param value the value
 */
public record PartHeader(String name, int code, Object value) {

  /** WSP Content-Location. */
  public static final int CONTENT_LOCATION = 0x0E;

  /** WSP Content-ID. */
  public static final int CONTENT_ID = 0x40;

  /** WSP Content-Disposition (encoding version 1.1, what MMS senders use). */
  public static final int CONTENT_DISPOSITION = 0x2E;

  /** WSP Content-Disposition (encoding version 1.4). */
  public static final int CONTENT_DISPOSITION_1_4 = 0x45;

  public PartHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (code < -1 || code > 0x7F) {
      throw new IllegalArgumentException("code: " + code + " (expected: -1 ~ 127)");
    }
  }

  /** Content-Location. */
  public static PartHeader contentLocation(String uri) {
    return new PartHeader("Content-Location", CONTENT_LOCATION, uri);
  }

  /** Content-ID, for example {@code <smil>}. */
  public static PartHeader contentId(String id) {
    return new PartHeader("Content-ID", CONTENT_ID, id);
  }

  /** Content-Disposition. */
  public static PartHeader contentDisposition(ContentDisposition disposition) {
    return new PartHeader("Content-Disposition", CONTENT_DISPOSITION, disposition);
  }

  /** A textual header such as {@code Content-Transfer-Encoding: base64}. */
  public static PartHeader text(String name, String value) {
    return new PartHeader(name, -1, value);
  }

  /** A well-known header kept as encoded octets. */
  public static PartHeader raw(int code, RawValue value) {
    return new PartHeader(WspHeaderNames.name(code), code, value);
  }

  /**
   * Whether this header has the given name, ignoring case (as {@link
   * String#equalsIgnoreCase(String)}: no string is made).
   */
  public boolean is(String headerName) {
    return name.equalsIgnoreCase(headerName);
  }
}
