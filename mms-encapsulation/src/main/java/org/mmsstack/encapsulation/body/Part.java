package org.mmsstack.encapsulation.body;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.FrozenList;
import org.mmsstack.encapsulation.internal.Texts;
import org.mmsstack.encapsulation.internal.WireChecks;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

/**
 * One entry of a multipart body: a content type, headers, and data.
 *
 * <p>A decoded part is a view of the decoder's input: {@link #data()} is a read-only
 * {@link ByteBuffer} over the same array, never a copy, and its content type and headers are
 * decoded on first access (their grammar was checked when the body was decoded). The caller
 * must not change the input array while a decoded part is in use. A decoded part also keeps
 * its original header octets, which the encoder writes back unchanged.
 *
 * <p>A built part is a view too: {@link #of(ContentType, byte[])} and
 * {@link #of(ContentType, ByteBuffer)} keep the caller's array or buffer and copy nothing (the
 * encoder writes the data straight from it), so the caller must not change those octets while
 * the part is in use; {@link #copyOf(ContentType, byte[])} takes a copy instead.
 *
 * <p>{@link #of(ContentType, byte[])}, {@link #copyOf(ContentType, byte[])} and
 * {@link #text(String)} make a part without headers; {@link #builder()} makes one with headers
 * (Content-ID, Content-Location, Content-Disposition, others), and {@link #toBuilder()} a changed
 * copy (sharing the data). A part built from a decoded part's {@link #toBuilder()} with its
 * content type and headers unchanged keeps a copy of their original octets, whatever its data.
 *
 * <p>Parts are immutable and safe to share between threads.
 */
public final class Part {

  // Decoded parts read both on first use of either, in one pass: a benign race (both immutable,
  // reached through final fields), so reading them costs no volatile write.
  private ContentType contentType;
  private List<PartHeader> headers;
  // Built parts (a kept head included): the caller's octets at position 0 (handed out only
  // read-only), or null when they are a whole array (`array`). Decoded parts: a read-only buffer
  // over the whole input, shared by the body's parts, cut by data().
  private final ByteBuffer data;
  // Parts built over a whole array: the caller's array, kept as it is (no buffer object; the
  // encoder copies from it), handed out only as read-only views.
  private final byte[] array;
  // Decoded parts: the octets of ContentType + Headers in src[headStart, dataStart); the content
  // type ends at ctEnd when the decoder found the whole head plain (read from the array), else
  // ctEnd is -1. The data follows in src[dataStart, dataEnd). A part built by toBuilder() with
  // its head unchanged keeps a copy of the head octets here and has its data elsewhere (dataEnd
  // -1).
  private final byte[] src;
  private final int base;
  private final int headStart;
  private final int ctEnd;
  private final int dataStart;
  private final int dataEnd;
  private final int depth;

  private Part(ContentType contentType, List<PartHeader> headers, ByteBuffer data, byte[] array) {
    this.contentType = contentType;
    this.headers = headers;
    this.data = data;
    this.array = array;
    this.src = null;
    this.base = 0;
    this.headStart = -1;
    this.ctEnd = -1;
    this.dataStart = -1;
    this.dataEnd = -1;
    this.depth = 0;
  }

  /** A built part that keeps {@code origin}'s head octets: its data changed, its head not. */
  private Part(
      Part origin,
      ContentType contentType,
      List<PartHeader> headers,
      ByteBuffer data,
      byte[] array) {
    this.contentType = contentType;
    this.headers = headers;
    this.data = data;
    this.array = array;
    // The head alone, copied (tens of octets): the new part does not hold the decoded input,
    // whose old data it replaced, in memory.
    this.src = Arrays.copyOfRange(origin.src, origin.headStart, origin.dataStart);
    this.base = 0;
    this.headStart = 0;
    this.ctEnd = origin.ctEnd < 0 ? -1 : origin.ctEnd - origin.headStart;
    this.dataStart = src.length;
    this.dataEnd = -1;
    this.depth = 0;
  }

  Part(
      byte[] src,
      ByteBuffer wholeReadOnly,
      int base,
      int headStart,
      int ctEnd,
      int dataStart,
      int dataEnd,
      int depth) {
    this.data = wholeReadOnly;
    this.array = null;
    this.src = src;
    this.base = base;
    this.headStart = headStart;
    this.ctEnd = ctEnd;
    this.dataStart = dataStart;
    this.dataEnd = dataEnd;
    this.depth = depth;
  }

  /**
   * A part over the remaining octets of {@code data}: a view, not a copy (the buffer's position
   * is not changed). Do not change those octets while the part is in use.
   *
   * @throws IllegalArgumentException when the content type cannot be written so that it reads
   *     back the same (the rules of {@link
   *     org.mmsstack.encapsulation.Header#of(org.mmsstack.encapsulation.HeaderField, Object)}),
   *     or names a multipart ({@link MediaType#isMultipart()}) and the data is not a multipart
   *     body that decodes strictly (nested ones included)
   */
  public static Part of(ContentType contentType, ByteBuffer data) {
    ByteBuffer d = Objects.requireNonNull(data, "data").slice();
    checkContent(Objects.requireNonNull(contentType, "contentType"), d);
    return new Part(contentType, List.of(), d, null);
  }

  /**
   * A part over {@code data}: a view, not a copy. Do not change the array while the part is in
   * use; {@link #copyOf(ContentType, byte[])} copies it.
   *
   * @throws IllegalArgumentException as {@link #of(ContentType, ByteBuffer)}
   */
  public static Part of(ContentType contentType, byte[] data) {
    Objects.requireNonNull(data, "data");
    checkContent(Objects.requireNonNull(contentType, "contentType"), data);
    return new Part(contentType, List.of(), null, data);
  }

  /**
   * The content type and data a part can carry: a content type that reads back the same, and a
   * multipart body as the data of a multipart type.
   */
  private static void checkContent(ContentType contentType, ByteBuffer data) {
    WireChecks.contentType("Content-Type", contentType);
    BodyCodec.checkMultipartData(contentType, data);
  }

  /** {@link #checkContent(ContentType, ByteBuffer)} of an array, wrapped only for a multipart. */
  private static void checkContent(ContentType contentType, byte[] data) {
    WireChecks.contentType("Content-Type", contentType);
    if (contentType.mediaType().isMultipart()) {
      BodyCodec.checkMultipartData(contentType, ByteBuffer.wrap(data));
    }
  }

  /**
   * A part holding a copy of {@code data}.
   *
   * @throws IllegalArgumentException as {@link #of(ContentType, ByteBuffer)}
   */
  public static Part copyOf(ContentType contentType, byte[] data) {
    return of(contentType, data.clone());
  }

  private static final ContentType TEXT_UTF_8 =
      ContentType.of(MediaType.TEXT_PLAIN).withParameter("charset", CharacterSet.UTF_8);

  /** A {@code text/plain; charset=utf-8} part. */
  public static Part text(String text) {
    return new Part(TEXT_UTF_8, List.of(), null, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A builder for a part with headers: a content type, the data (a view of the caller's array or
   * buffer, or a copy) and the part headers, made into one {@code Part} by
   * {@link Builder#build()}.
   *
   * <pre>{@code
   * Part photo = Part.builder()
   *     .contentType(ContentType.of(MediaType.IMAGE_JPEG))
   *     .data(jpegBytes)          // a view: not copied
   *     .contentId("<photo>")
   *     .contentLocation("photo.jpg")
   *     .build();
   * }</pre>
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this part's content type, headers (in order) and data (the same array or
   * buffer, not a copy). A part built from it keeps a decoded part's original head octets
   * (content type and headers, byte for byte) while neither the content type nor a header is
   * changed, however its data changes; once one is, the head is encoded canonically. A
   * multipart part's body is kept as it is while the data is not set again, whether or not it
   * decodes strictly (it was accepted when the part was decoded or built).
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.fromPart = true;
    b.origin = src != null ? this : null;
    b.contentType = contentType();
    b.keptMultipartData = b.contentType.mediaType().isMultipart();
    List<PartHeader> h = headers();
    int n = h.size();
    if (n > 0) {
      b.headers = h.toArray(new PartHeader[n]);
      b.count = n;
    }
    if (array != null) {
      b.array = array;
    } else {
      b.buffer = dataView();
    }
    return b;
  }

  /** The content type. */
  public ContentType contentType() {
    ContentType ct = contentType;
    if (ct == null) {
      BodyCodec.readPartHead(this, src, base, headStart, ctEnd, dataStart);
      ct = contentType;
    }
    return ct;
  }

  /** The headers after the content type, in wire order. */
  public List<PartHeader> headers() {
    List<PartHeader> h = headers;
    if (h == null) {
      BodyCodec.readPartHead(this, src, base, headStart, ctEnd, dataStart);
      h = headers;
    }
    return h;
  }

  /** A decoded part's content type and headers, read together by {@link BodyCodec}. */
  void setHead(ContentType contentType, List<PartHeader> headers) {
    this.headers = headers;
    this.contentType = contentType;
  }

  /**
   * The data as a read-only view positioned at 0: of the decoder's input for decoded parts, of
   * the caller's octets for built ones. Each call returns a new view.
   */
  public ByteBuffer data() {
    if (dataEnd >= 0) {
      return data.slice(dataStart, dataEnd - dataStart);
    }
    return array != null ? ByteBuffer.wrap(array).asReadOnlyBuffer() : data.asReadOnlyBuffer();
  }

  /** A copy of the data. */
  public byte[] dataBytes() {
    ByteBuffer d = data();
    byte[] b = new byte[d.remaining()];
    d.get(b);
    return b;
  }

  /** The number of data octets, without copying them. */
  public int dataSize() {
    if (dataEnd >= 0) {
      return dataEnd - dataStart;
    }
    return array != null ? array.length : data.remaining();
  }

  /** The first header with this name (ignoring case). */
  public Optional<PartHeader> header(String name) {
    for (PartHeader h : headers()) {
      if (h.is(name)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** The Content-ID, as sent (usually with angle brackets). */
  public Optional<String> contentId() {
    return stringHeader(PartHeader.CONTENT_ID, "Content-ID");
  }

  /** The Content-Location. */
  public Optional<String> contentLocation() {
    return stringHeader(PartHeader.CONTENT_LOCATION, "Content-Location");
  }

  private Optional<String> stringHeader(int code, String name) {
    for (PartHeader h : headers()) {
      if ((h.code() == code || (h.code() < 0 && h.is(name))) && h.value() instanceof String) {
        return Optional.of((String) h.value());
      }
    }
    return Optional.empty();
  }

  /** The Content-Disposition. */
  public Optional<ContentDisposition> contentDisposition() {
    for (PartHeader h : headers()) {
      if (h.value() instanceof ContentDisposition) {
        return Optional.of((ContentDisposition) h.value());
      }
    }
    return Optional.empty();
  }

  /**
   * The part's name as MMS CONF resolves it: the content type's {@code name} parameter, else the
   * disposition's {@code filename}, else the Content-Location.
   */
  public Optional<String> name() {
    return contentType()
        .name()
        .or(() -> contentDisposition().flatMap(ContentDisposition::filename))
        .or(this::contentLocation);
  }

  /**
   * The data decoded as text with the charset parameter (unlabelled text: ASCII, else UTF-8 when
   * valid, else ISO-8859-1; malformed input gives replacement characters). A
   * {@code Content-Transfer-Encoding} header is not applied here.
   */
  public String text() {
    Optional<CharacterSet> cs = contentType().charset();
    ByteBuffer d = data();
    byte[] b = new byte[d.remaining()];
    d.get(b);
    return Texts.decode(b, 0, b.length, cs.flatMap(CharacterSet::javaCharset).orElse(null));
  }

  /** Whether the content type is a multipart type (its data is a nested body). */
  public boolean isMultipart() {
    return contentType().mediaType().isMultipart();
  }

  /**
   * Decodes the data as a nested multipart body (a view, like this part). Nested bodies are kept
   * opaque until asked for, as a multipart/alternative inside a multipart/mixed usually is.
   */
  public MultipartBody asMultipart(DecodeConfig config) throws PduFormatException {
    if (dataEnd >= 0) {
      return BodyCodec.decodeNested(src, base, dataStart, dataSize(), config, depth);
    }
    if (depth + 1 > config.maxNestingDepth()) {
      throw PduFormatException.of(
          PduFormatException.Reason.LIMIT_EXCEEDED,
          -1,
          null,
          "multipart nested deeper than "
              + config.maxNestingDepth()
              + " (DecodeConfig.maxNestingDepth)");
    }
    byte[] copy = dataBytes();
    return BodyCodec.decodeMultipart(copy, 0, 0, copy.length, config, depth + 1);
  }

  boolean hasOriginalHeaders() {
    return src != null;
  }

  byte[] src() {
    return src;
  }

  int headStart() {
    return headStart;
  }

  int base() {
    return base;
  }

  int headEnd() {
    return dataStart;
  }

  /** The data at position 0, for this package only: never handed out without asReadOnlyBuffer. */
  ByteBuffer dataView() {
    if (dataEnd >= 0) {
      return ByteBuffer.wrap(src, dataStart, dataEnd - dataStart).slice();
    }
    return array != null ? ByteBuffer.wrap(array) : data;
  }

  /** Writes the data, from the array it is in: no copy first, and no buffer for an array. */
  void writeData(OutputStream out) throws IOException {
    if (array != null) {
      out.write(array, 0, array.length);
    } else if (dataEnd >= 0) {
      out.write(src, dataStart, dataEnd - dataStart);
    } else {
      BodyCodec.write(data, out);
    }
  }

  /**
   * Builds a {@link Part}: a content type and data (both required) and part headers in the order
   * they are added. {@link #contentId}, {@link #contentLocation} and {@link #contentDisposition}
   * replace a header of their kind already present (at its place) or add one at the end;
   * {@link #addHeader(PartHeader)} always adds. The data is a view unless {@link
   * #copyOfData(byte[])} is used: the caller must not change those octets while the part is in
   * use.
   *
   * <p>Not thread-safe; a builder may go on being used after {@link #build()}, without changing
   * the parts it built. Misuse follows the JDK: a null argument is a {@link
   * NullPointerException} naming the parameter, a value the builder cannot write an {@link
   * IllegalArgumentException}, and {@link #build()} without a content type or data an {@link
   * IllegalStateException}.
   */
  public static final class Builder {

    private ContentType contentType;
    private byte[] array;
    private ByteBuffer buffer;
    // The headers in [0, count); null until the first. When `shared`, the array belongs to a
    // built part (handed over because it was exactly full) and is copied before any change.
    private PartHeader[] headers;
    private int count;
    private boolean shared;
    // Made by Part.toBuilder(): the content type and headers were not set through the checks.
    private boolean fromPart;
    // Made by Part.toBuilder() of a part with original head octets, and neither the content
    // type nor a header changed since: the part built keeps those octets.
    private Part origin;
    // Made by Part.toBuilder() of a multipart part, and its data not set since: that body was
    // accepted when the part was decoded (leniently, perhaps) or built, and is kept as it is.
    private boolean keptMultipartData;

    private Builder() {}

    /**
     * The content type (required).
     *
     * @throws IllegalArgumentException when it cannot be written so that it reads back the same
     *     (the rules of {@link
     *     org.mmsstack.encapsulation.Header#of(org.mmsstack.encapsulation.HeaderField, Object)})
     */
    public Builder contentType(ContentType contentType) {
      WireChecks.contentType("Content-Type", nonNull(contentType, "contentType"));
      this.contentType = contentType;
      this.origin = null;
      return this;
    }

    /**
     * The data: a view of the whole array, not a copy. Do not change the array while the part is
     * in use.
     */
    public Builder data(byte[] data) {
      this.array = nonNull(data, "data");
      this.buffer = null;
      this.keptMultipartData = false;
      return this;
    }

    /**
     * The data: a view of the remaining octets of {@code data}, not a copy (the buffer's position
     * is not changed). Do not change those octets while the part is in use.
     */
    public Builder data(ByteBuffer data) {
      this.buffer = nonNull(data, "data").slice();
      this.array = null;
      this.keptMultipartData = false;
      return this;
    }

    /** The data: a copy of {@code data}, taken now. */
    public Builder copyOfData(byte[] data) {
      return data(nonNull(data, "data").clone());
    }

    /**
     * A {@code text/plain; charset=utf-8} content type and {@code text} encoded in UTF-8 as the
     * data, as {@link Part#text(String)} makes them.
     */
    public Builder text(String text) {
      this.array = nonNull(text, "text").getBytes(StandardCharsets.UTF_8);
      this.buffer = null;
      this.keptMultipartData = false;
      this.contentType = TEXT_UTF_8;
      this.origin = null;
      return this;
    }

    /**
     * The Content-ID, for example {@code <smil>} (the angle brackets are part of the value, as
     * sent); replaces a Content-ID already present.
     *
     * @throws IllegalArgumentException as {@link PartHeader#contentId(String)}
     */
    public Builder contentId(String id) {
      return put(PartHeader.contentId(nonNull(id, "id")), "Content-ID", PartHeader.CONTENT_ID, -2);
    }

    /**
     * The Content-Location; replaces a Content-Location already present.
     *
     * @throws IllegalArgumentException as {@link PartHeader#contentLocation(String)}
     */
    public Builder contentLocation(String uri) {
      return put(
          PartHeader.contentLocation(nonNull(uri, "uri")),
          "Content-Location",
          PartHeader.CONTENT_LOCATION,
          -2);
    }

    /**
     * The Content-Disposition; replaces a Content-Disposition already present.
     *
     * @throws IllegalArgumentException as {@link PartHeader#contentDisposition(ContentDisposition)}
     */
    public Builder contentDisposition(ContentDisposition disposition) {
      return put(
          PartHeader.contentDisposition(nonNull(disposition, "disposition")),
          "Content-Disposition",
          PartHeader.CONTENT_DISPOSITION,
          PartHeader.CONTENT_DISPOSITION_1_4);
    }

    /**
     * Adds a header at the end (any header, for example a textual one).
     *
     * @throws IllegalArgumentException when the header cannot be written so that it reads back
     *     the same (see {@link PartHeader})
     */
    public Builder addHeader(PartHeader header) {
      BodyCodec.checkHeader(nonNull(header, "header"));
      add(header);
      return this;
    }

    /**
     * Replaces every header by these, in order.
     *
     * @throws NullPointerException when the list or one of its headers is null
     * @throws IllegalArgumentException when one cannot be written so that it reads back the
     *     same (see {@link PartHeader})
     */
    public Builder headers(List<PartHeader> headers) {
      nonNull(headers, "headers");
      int n = headers.size();
      PartHeader[] h = n == 0 ? null : new PartHeader[n];
      for (int i = 0; i < n; i++) {
        h[i] = headers.get(i);
        if (h[i] == null) {
          throw new NullPointerException("headers: null at index " + i);
        }
        BodyCodec.checkHeader(h[i]);
      }
      this.headers = h;
      this.count = n;
      this.shared = false;
      this.origin = null;
      return this;
    }

    /** Removes every header with this name (ignoring case). */
    public Builder removeHeader(String name) {
      nonNull(name, "name");
      unshare();
      int n = 0;
      for (int i = 0; i < count; i++) {
        if (!headers[i].is(name)) {
          headers[n++] = headers[i];
        }
      }
      for (int i = n; i < count; i++) {
        headers[i] = null;
      }
      if (n != count) {
        origin = null;
      }
      count = n;
      return this;
    }

    /**
     * The part: one object over the data (a view unless copied), with its headers in an array of
     * their exact number.
     *
     * @throws IllegalStateException when the content type or the data was not set, as the other
     *     builders do for missing state
     * @throws IllegalArgumentException when the content type names a multipart and the data is
     *     not a multipart body that decodes strictly (nested ones included), unless the data is a
     *     multipart part's own, kept from {@link Part#toBuilder()} (passed on as it came, however
     *     it decodes); for a builder from
     *     {@link Part#toBuilder()} whose content type or headers were changed, also when the
     *     part's content type or a header it kept cannot be written so that it reads back the
     *     same (a decoded part may carry such values, which its original octets hold but a
     *     canonical encoding cannot)
     */
    public Part build() {
      if (contentType == null) {
        throw new IllegalStateException("contentType: not set");
      }
      if (array == null && buffer == null) {
        throw new IllegalStateException("data: not set");
      }
      if (fromPart && origin == null) {
        // A decoded part's content type and headers, which the builder writes canonically.
        WireChecks.contentType("Content-Type", contentType);
        for (int i = 0; i < count; i++) {
          BodyCodec.checkHeader(headers[i]);
        }
      }
      // A leaf's data is not looked at; nor is the multipart body a part had, kept unchanged.
      if (contentType.mediaType().isMultipart() && !keptMultipartData) {
        BodyCodec.checkMultipartData(
            contentType, array != null ? ByteBuffer.wrap(array) : buffer.duplicate());
      }
      List<PartHeader> list;
      if (count == 0) {
        list = List.of();
      } else if (count == headers.length) {
        // Exactly full: handed over, and copied here before the next change.
        list = FrozenList.owning(headers);
        shared = true;
      } else {
        list = FrozenList.owning(Arrays.copyOf(headers, count));
      }
      return origin != null
          ? new Part(origin, contentType, list, buffer, array)
          : new Part(contentType, list, buffer, array);
    }

    /** Replaces the first header with code {@code code}/{@code alt} or name {@code name}. */
    private Builder put(PartHeader header, String name, int code, int alt) {
      for (int i = 0; i < count; i++) {
        PartHeader h = headers[i];
        int c = h.code();
        if (c == code || c == alt || (c < 0 && h.is(name))) {
          unshare();
          headers[i] = header;
          origin = null;
          return this;
        }
      }
      add(header);
      return this;
    }

    private void add(PartHeader header) {
      origin = null;
      PartHeader[] h = headers;
      if (h == null) {
        headers = new PartHeader[] {header};
        count = 1;
        shared = false;
        return;
      }
      if (shared || count == h.length) {
        // Grown to the exact count while small (parts have one to three headers), doubling after.
        int cap = count == h.length ? (count < 4 ? count + 1 : count * 2) : h.length;
        headers = Arrays.copyOf(h, cap);
        shared = false;
      }
      headers[count++] = header;
    }

    private void unshare() {
      if (shared) {
        headers = headers.clone();
        shared = false;
      }
    }

    private static <T> T nonNull(T value, String parameter) {
      return Objects.requireNonNull(value, parameter);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Part)) {
      return false;
    }
    Part p = (Part) o;
    return p.contentType().equals(contentType())
        && p.headers().equals(headers())
        && p.dataView().equals(dataView());
  }

  @Override
  public int hashCode() {
    return contentType().hashCode() * 31 + dataView().hashCode();
  }

  @Override
  public String toString() {
    return "Part[" + contentType() + ", " + headers() + ", " + dataSize() + " octets]";
  }
}
