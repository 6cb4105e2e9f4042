package org.mmsstack.encapsulation.body;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.FrozenList;
import org.mmsstack.encapsulation.internal.Texts;
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
 * <p>Parts are immutable and safe to share between threads; the {@code with...} methods return
 * changed copies (sharing the data).
 */
public final class Part {

  // Decoded parts read both on first use of either, in one pass: a benign race (both immutable,
  // reached through final fields), so reading them costs no volatile write.
  private ContentType contentType;
  private List<PartHeader> headers;
  // Built parts: the caller's octets at position 0 (handed out only read-only), or null when
  // they are a whole array (`array`). Decoded parts: a read-only buffer over the whole input,
  // shared by the body's parts, cut by data().
  private final ByteBuffer data;
  // Parts built over a whole array: the caller's array, kept as it is (no buffer object; the
  // encoder copies from it), handed out only as read-only views.
  private final byte[] array;
  // Decoded parts: the octets of ContentType + Headers in src[headStart, dataStart); the content
  // type ends at ctEnd when the decoder found the whole head plain (read from the array), else
  // ctEnd is -1.
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
   */
  public static Part of(ContentType contentType, ByteBuffer data) {
    return new Part(
        Objects.requireNonNull(contentType, "contentType"),
        List.of(),
        Objects.requireNonNull(data, "data").slice(),
        null);
  }

  /**
   * A part over {@code data}: a view, not a copy. Do not change the array while the part is in
   * use; {@link #copyOf(ContentType, byte[])} copies it.
   */
  public static Part of(ContentType contentType, byte[] data) {
    return new Part(
        Objects.requireNonNull(contentType, "contentType"),
        List.of(),
        null,
        Objects.requireNonNull(data, "data"));
  }

  /** A part holding a copy of {@code data}. */
  public static Part copyOf(ContentType contentType, byte[] data) {
    return of(contentType, data.clone());
  }

  private static final ContentType TEXT_UTF_8 =
      ContentType.of(MediaType.TEXT_PLAIN).withParameter("charset", CharacterSet.UTF_8);

  /** A {@code text/plain; charset=utf-8} part. */
  public static Part text(String text) {
    return new Part(
        TEXT_UTF_8, List.of(), null, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
    if (src != null) {
      return data.slice(dataStart, dataEnd - dataStart);
    }
    return array != null ? ByteBuffer.wrap(array).asReadOnlyBuffer() : data.asReadOnlyBuffer();
  }

  /** The data, copied. */
  public byte[] toByteArray() {
    ByteBuffer d = data();
    byte[] b = new byte[d.remaining()];
    d.get(b);
    return b;
  }

  /** The number of data octets. */
  public int size() {
    if (src != null) {
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
    if (depth + 1 > config.maxNestingDepth()) {
      throw new PduFormatException(
          PduFormatException.Reason.LIMIT_EXCEEDED,
          src == null ? -1 : dataStart - base,
          null,
          "multipart nested deeper than "
              + config.maxNestingDepth()
              + " (DecodeConfig.maxNestingDepth)");
    }
    if (src != null) {
      return BodyCodec.decodeMultipart(src, base, dataStart, size(), config, depth + 1);
    }
    byte[] copy = toByteArray();
    return BodyCodec.decodeMultipart(copy, 0, 0, copy.length, config, depth + 1);
  }

  /** This part with another content type. */
  public Part withContentType(ContentType type) {
    return withHead(Objects.requireNonNull(type, "type"), headers());
  }

  /** This part with one more header at the end. */
  public Part withHeader(PartHeader header) {
    Objects.requireNonNull(header, "header");
    // One array of the new size, owned by the list (no ArrayList and List.copyOf).
    List<PartHeader> old = headers();
    int n = old.size();
    PartHeader[] h = new PartHeader[n + 1];
    for (int i = 0; i < n; i++) {
      h[i] = old.get(i);
    }
    h[n] = header;
    return withHead(contentType(), FrozenList.owning(h));
  }

  /** This part with the given headers. */
  public Part withHeaders(List<PartHeader> headers) {
    return withHead(contentType(), List.copyOf(headers));
  }

  /** A built part with this head and this part's data (the same array or buffer, not a copy). */
  private Part withHead(ContentType type, List<PartHeader> headers) {
    return array != null
        ? new Part(type, headers, null, array)
        : new Part(type, headers, dataView(), null);
  }

  /** This part with a Content-ID header added. */
  public Part withContentId(String id) {
    return withHeader(PartHeader.contentId(id));
  }

  /** This part with a Content-Location header added. */
  public Part withContentLocation(String uri) {
    return withHeader(PartHeader.contentLocation(uri));
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

  int headEnd() {
    return dataStart;
  }

  /** The data at position 0, for this package only: never handed out without asReadOnlyBuffer. */
  ByteBuffer dataView() {
    if (src != null) {
      return ByteBuffer.wrap(src, dataStart, dataEnd - dataStart).slice();
    }
    return array != null ? ByteBuffer.wrap(array) : data;
  }

  /** Writes the data, from the array it is in: no copy first, and no buffer for an array. */
  void writeData(OutputStream out) throws IOException {
    if (array != null) {
      out.write(array, 0, array.length);
    } else if (src != null) {
      out.write(src, dataStart, dataEnd - dataStart);
    } else {
      BodyCodec.write(data, out);
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
    return "Part[" + contentType() + ", " + headers() + ", " + size() + " octets]";
  }
}
