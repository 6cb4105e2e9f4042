package org.mmsstack.encapsulation.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.WireChecks;
import org.mmsstack.encapsulation.internal.wire.WspReader;
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
 * <p>The static factories, and {@link Part.Builder} for a header made with the constructor,
 * refuse a header that the encoder could not write so that a decoder reads the same header back
 * (an {@link IllegalArgumentException} naming the header): a textual header's name that is not
 * an RFC 2616 token; text with a NUL or an unpaired surrogate; a Content-Location, textual value
 * or disposition type starting with a control character (0x01-0x1F, read as a length); a
 * Content-ID ending with a double quote (read as the closing quote of its Quoted-string); a
 * parameter the content type rules refuse ({@link
 * org.mmsstack.encapsulation.Header#of(org.mmsstack.encapsulation.HeaderField, Object)}); raw
 * octets that are not exactly one encoded value; a value of a type the header does not take; a
 * well-known code under a name other than WSP's (a decoder names it by its code).
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

  /**
   * Decodes a run of WSP headers, well-known and textual, as a multipart entry carries them after
   * its content type (and a WSP push after its Content-Type), with the reader and the typed values
   * of the part decoder. Lenient where the part decoder is (a Content-ID's closing quote), without
   * findings.
   *
   * @param src the octets (not changed and not kept: the values hold copies)
   * @param offset where the first header starts; offsets in an exception count from here
   * @param length the octets of the headers, all of them (none is left over)
   * @param config the text length limit ({@link DecodeConfig#maxTextLength()})
   * @return the headers in order, unmodifiable
   * @throws PduFormatException when the octets are not a whole number of headers, or a text in
   *     them is longer than the limit
   * @throws IndexOutOfBoundsException when the range is not inside {@code src}
   */
  public static List<PartHeader> decodeAll(byte[] src, int offset, int length, DecodeConfig config)
      throws PduFormatException {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(config, "config");
    Objects.checkFromIndexSize(offset, length, src.length);
    WspReader r = new WspReader(src, offset, length);
    List<PartHeader> headers = new ArrayList<>(2);
    while (r.hasRemaining()) {
      headers.add(BodyCodec.readHeader(r, null, config.maxTextLength(), true));
    }
    return List.copyOf(headers);
  }

  /**
   * Content-Location.
   *
   * @throws IllegalArgumentException when the URI cannot be a Text-string (see the class comment)
   */
  public static PartHeader contentLocation(String uri) {
    // Name and value type are right by construction: only the value is checked.
    PartHeader h = new PartHeader("Content-Location", CONTENT_LOCATION, uri);
    WireChecks.text("Content-Location", uri);
    return h;
  }

  /**
   * Content-ID, for example {@code <smil>}.
   *
   * @throws IllegalArgumentException when the id holds a NUL or an unpaired surrogate, or ends
   *     with a double quote
   */
  public static PartHeader contentId(String id) {
    PartHeader h = new PartHeader("Content-ID", CONTENT_ID, id);
    BodyCodec.checkContentId(id);
    return h;
  }

  /**
   * Content-Disposition.
   *
   * @throws IllegalArgumentException when the type or a parameter cannot be written so that it
   *     reads back the same (see the class comment)
   */
  public static PartHeader contentDisposition(ContentDisposition disposition) {
    return checked(new PartHeader("Content-Disposition", CONTENT_DISPOSITION, disposition));
  }

  /**
   * A textual header such as {@code Content-Transfer-Encoding: base64}.
   *
   * @throws IllegalArgumentException when the name is not an RFC 2616 token, or the value cannot
   *     be a Text-string (see the class comment)
   */
  public static PartHeader text(String name, String value) {
    return checked(new PartHeader(name, -1, value));
  }

  /**
   * A well-known header kept as encoded octets.
   *
   * @throws IllegalArgumentException when the octets are not exactly one encoded value, or the
   *     code is one whose value a decoder reads typed (Content-Location, Content-ID,
   *     Content-Disposition: use their factories)
   */
  public static PartHeader raw(int code, RawValue value) {
    return checked(new PartHeader(WspHeaderNames.name(code), code, value));
  }

  private static PartHeader checked(PartHeader h) {
    BodyCodec.checkHeader(h);
    return h;
  }

  /**
   * Whether this header has the given name, ignoring case (as {@link
   * String#equalsIgnoreCase(String)}: no string is made).
   */
  public boolean is(String headerName) {
    return name.equalsIgnoreCase(headerName);
  }
}
