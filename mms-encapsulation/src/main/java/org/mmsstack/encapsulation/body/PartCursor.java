package org.mmsstack.encapsulation.body;

import java.nio.ByteBuffer;
import java.util.List;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * Walks a multipart body's parts in order, one at a time, and each part's headers: the fast way
 * to read every part.
 *
 * <pre>{@code
 * PartCursor c = body.partCursor();
 * while (c.next()) {
 *   ContentType type = c.contentType();
 *   while (c.nextHeader()) {
 *     String name = c.headerName();  // WSP's name for well-known codes: no new String
 *     Object value = c.headerValue(); // what PartHeader.value() returns
 *   }
 *   ByteBuffer data = c.data();       // a read-only view, not a copy
 *   if (c.isMultipart()) {
 *     MultipartBody nested = c.asMultipart(DecodeConfig.DEFAULT); // walked the same way
 *   }
 * }
 * }</pre>
 *
 * <p>Over a decoded body the cursor is a position in the decoder's record of the entries: it
 * makes no {@link Part} and no {@link PartHeader} list or record; the content type is read from
 * the input once per part, and {@link #headerValue()} reads the current header's value from the
 * input on each call (it does not cache: keep what you read, or use {@link #header()}). {@link
 * MultipartBody#parts()} is the materialised form of the same walk, convenient when the parts
 * are kept or passed around; {@link #part()} materialises the current one. Over a built body
 * the cursor walks its parts and their header lists.
 *
 * <p>Not thread-safe: a cursor is one walk by one thread; {@link MultipartBody#partCursor()}
 * gives each walk its own. The values it returns are immutable and safe to share, and, like the
 * body, those of a decoded body view its input array, which must not change while they are in
 * use.
 */
public final class PartCursor {

  // Decoded bodies: the body's input and its entries (MultipartBody), null for built ones.
  private final byte[] src;
  private final int base;
  private final int[] entries;
  private final int depth;
  // Built bodies: the parts; null for decoded ones.
  private final List<Part> parts;
  private final int size;
  private ByteBuffer whole; // decoded: a read-only buffer over src, made on the first data()
  private int k = -1;

  // The current part (decoded): its head src[headStart, headEnd) and data src[headEnd, dataEnd).
  private int headStart;
  private int headEnd;
  private int dataEnd;
  private ContentType contentType; // read on first use
  // Where the headers start (after the content type), -1 until known; whether every header is
  // in a plain form (PlainValues), else the full reader reads them.
  private int headersStart;
  private boolean plain;
  // The current header: src[hpos, hnext) when decoded, or index hpos in `headers` when built.
  private int hpos;
  private int hnext;
  private List<PartHeader> headers; // built: the current part's headers

  PartCursor(byte[] src, int base, int[] entries, int count, int depth) {
    this.src = src;
    this.base = base;
    this.entries = entries;
    this.depth = depth;
    this.parts = null;
    this.size = count;
  }

  PartCursor(List<Part> parts) {
    this.src = null;
    this.base = 0;
    this.entries = null;
    this.depth = 0;
    this.parts = parts;
    this.size = parts.size();
  }

  /**
   * Moves to the next part: the first on the first call.
   *
   * @return false when there is none (the cursor is then past the last part)
   */
  public boolean next() {
    if (k < size) {
      k++;
    }
    contentType = null;
    headers = null;
    headersStart = -1;
    hpos = -1;
    hnext = -1;
    if (k >= size) {
      return false;
    }
    if (src != null) {
      int e = BodyCodec.ENTRY * k;
      headStart = entries[e];
      int ctEnd = entries[e + 1];
      headEnd = entries[e + 2];
      dataEnd = entries[e + 3];
      headersStart = ctEnd;
      plain = ctEnd >= 0;
    }
    return true;
  }

  private int at() {
    if (k < 0 || k >= size) {
      throw new IllegalStateException(
          k < 0 ? "no current part: call next() first" : "no current part: next() returned false");
    }
    return k;
  }

  /**
   * The current part's content type, as {@link Part#contentType()} (read once per part; common
   * types are shared values).
   *
   * @throws IllegalStateException when there is no current part
   */
  public ContentType contentType() {
    int i = at();
    ContentType ct = contentType;
    if (ct == null) {
      if (src == null) {
        ct = parts.get(i).contentType();
      } else {
        ct =
            headersStart >= 0
                ? ValueCodec.readPlainContentType(src, headStart, headersStart)
                : null;
        if (ct == null) {
          ct = readFullContentType();
        }
      }
      contentType = ct;
    }
    return ct;
  }

  /** Reads the content type with the full reader, noting where the headers start. */
  private ContentType readFullContentType() {
    WspReader r = new WspReader(src, base, headStart, headEnd - headStart);
    try {
      ContentType ct = ValueCodec.readContentType(r, null, BodyCodec.NO_LIMIT, true);
      if (headersStart < 0) {
        headersStart = r.index();
      }
      return ct;
    } catch (PduFormatException e) {
      throw new IllegalStateException("part head accepted on decode cannot be read again", e);
    }
  }

  /**
   * Whether the current part's content type is a multipart type (its data is a nested body).
   *
   * @throws IllegalStateException when there is no current part
   */
  public boolean isMultipart() {
    return contentType().mediaType().isMultipart();
  }

  /**
   * The current part's data as a read-only view positioned at 0, as {@link Part#data()}: of the
   * decoder's input for a decoded body, of the caller's octets for a built one. Each call
   * returns a new view.
   *
   * @throws IllegalStateException when there is no current part
   */
  public ByteBuffer data() {
    int i = at();
    if (src == null) {
      return parts.get(i).data();
    }
    ByteBuffer w = whole;
    if (w == null) {
      w = ByteBuffer.wrap(src).asReadOnlyBuffer();
      whole = w;
    }
    return w.slice(headEnd, dataEnd - headEnd);
  }

  /**
   * The number of data octets of the current part, as {@link Part#dataSize()}.
   *
   * @throws IllegalStateException when there is no current part
   */
  public int dataSize() {
    int i = at();
    return src == null ? parts.get(i).dataSize() : dataEnd - headEnd;
  }

  /**
   * The offset of the current part's head (its content type) from the start of the decoded
   * input, as findings and errors count: -1 for a built body.
   *
   * @throws IllegalStateException when there is no current part
   */
  public int offset() {
    at();
    return src == null ? -1 : headStart - base;
  }

  /**
   * The offset of the current part's data from the start of the decoded input: -1 for a built
   * body.
   *
   * @throws IllegalStateException when there is no current part
   */
  public int dataOffset() {
    at();
    return src == null ? -1 : headEnd - base;
  }

  /**
   * Decodes the current part's data as a nested multipart body, as {@link
   * Part#asMultipart(DecodeConfig)} does; walk it with its own {@link
   * MultipartBody#partCursor()}.
   *
   * @throws IllegalStateException when there is no current part
   * @throws PduFormatException when the data is not a multipart body or a limit of {@code
   *     config} is exceeded
   */
  public MultipartBody asMultipart(DecodeConfig config) throws PduFormatException {
    int i = at();
    if (src == null) {
      return parts.get(i).asMultipart(config);
    }
    return BodyCodec.decodeNested(src, base, headEnd, dataEnd - headEnd, config, depth);
  }

  /**
   * The current part as a {@link Part}, to keep (made on each call for a decoded body).
   *
   * @throws IllegalStateException when there is no current part
   */
  public Part part() {
    int i = at();
    if (src == null) {
      return parts.get(i);
    }
    int e = BodyCodec.ENTRY * i;
    data(); // makes `whole`
    return new Part(src, whole, base, headStart, entries[e + 1], headEnd, dataEnd, depth);
  }

  /**
   * Moves to the current part's next header (after the content type, in wire order): the first
   * on the first call after {@link #next()}.
   *
   * @return false when there is none
   * @throws IllegalStateException when there is no current part
   */
  public boolean nextHeader() {
    int i = at();
    if (src == null) {
      List<PartHeader> h = headers;
      if (h == null) {
        h = parts.get(i).headers();
        headers = h;
      }
      if (hpos < h.size()) {
        hpos++;
      }
      return hpos < h.size();
    }
    if (hnext < 0) {
      if (headersStart < 0) {
        contentType(); // the full reader finds where the headers start
      }
      hnext = headersStart;
    }
    hpos = hnext;
    if (hpos >= headEnd) {
      return false;
    }
    hnext = plain ? BodyCodec.plainHeaderEnd(src, hpos, headEnd, BodyCodec.NO_LIMIT) : -1;
    if (hnext < 0) {
      WspReader r = reader();
      try {
        BodyCodec.readHeader(r, null, BodyCodec.NO_LIMIT, false);
      } catch (PduFormatException e) {
        throw new IllegalStateException("part header accepted on decode cannot be read again", e);
      }
      hnext = r.index();
    }
    return true;
  }

  private WspReader reader() {
    return new WspReader(src, base, hpos, headEnd - hpos);
  }

  private int atHeader() {
    at();
    if (src == null ? headers == null || hpos >= headers.size() : hpos < 0 || hpos >= headEnd) {
      throw new IllegalStateException(
          hpos < 0 || (src == null && headers == null)
              ? "no current part header: call nextHeader() first"
              : "no current part header: nextHeader() returned false");
    }
    return hpos;
  }

  /**
   * The current header's well-known code (0x00-0x7F), or -1 for a textual header, as {@link
   * PartHeader#code()}.
   *
   * @throws IllegalStateException when there is no current header
   */
  public int headerCode() {
    int h = atHeader();
    if (src == null) {
      return headers.get(h).code();
    }
    int b = src[h] & 0xFF;
    return b >= 0x80 ? b & 0x7F : -1;
  }

  /**
   * The current header's name, as {@link PartHeader#name()}: WSP's name (a shared string) for a
   * well-known code, the name as sent for a textual header.
   *
   * @throws IllegalStateException when there is no current header
   */
  public String headerName() {
    int h = atHeader();
    if (src == null) {
      return headers.get(h).name();
    }
    int b = src[h] & 0xFF;
    return b >= 0x80 ? WspHeaderNames.name(b & 0x7F) : BodyCodec.textualName(src, h, hnext);
  }

  /**
   * The current header's value, as {@link PartHeader#value()}: a {@code String} for
   * Content-Location, Content-ID and textual headers, a {@link
   * org.mmsstack.encapsulation.value.ContentDisposition} for Content-Disposition, a {@link
   * RawValue} for other well-known headers. Over a decoded body it is read from the input on each
   * call.
   *
   * @throws IllegalStateException when there is no current header
   */
  public Object headerValue() {
    int h = atHeader();
    if (src == null) {
      return headers.get(h).value();
    }
    Object v = plain ? BodyCodec.plainValue(src, h, hnext) : null;
    return v != null ? v : fullHeader().value();
  }

  /**
   * The current header as a {@link PartHeader}, to keep (made on each call for a decoded body).
   *
   * @throws IllegalStateException when there is no current header
   */
  public PartHeader header() {
    int h = atHeader();
    if (src == null) {
      return headers.get(h);
    }
    Object v = plain ? BodyCodec.plainValue(src, h, hnext) : null;
    return v != null ? new PartHeader(headerName(), headerCode(), v) : fullHeader();
  }

  private PartHeader fullHeader() {
    try {
      return BodyCodec.readHeader(reader(), null, BodyCodec.NO_LIMIT, true);
    } catch (PduFormatException e) {
      throw new IllegalStateException("part header accepted on decode cannot be read again", e);
    }
  }
}
