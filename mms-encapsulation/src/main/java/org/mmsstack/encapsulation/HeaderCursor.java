package org.mmsstack.encapsulation;

import java.time.Instant;
import java.util.List;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * Walks a PDU's headers in wire order, one at a time: the fast way to read every header.
 *
 * <pre>{@code
 * HeaderCursor c = pdu.headerCursor();
 * while (c.next()) {
 *   String name = c.name();
 *   if (c.isNumeric()) {
 *     long n = c.longValue();       // sizes, counts, dates (seconds): no boxing
 *   } else {
 *     Object value = c.value();     // what Header.value() returns
 *   }
 * }
 * }</pre>
 *
 * <p>Over a decoded PDU the cursor is a position in the decoder's table: it makes no {@link
 * Header} object and no list, {@link #field()} and {@link #name()} are lookups, {@link
 * #longValue()} reads integers and dates from the input without boxing them, and {@link
 * #value()} reads the value from the input on every call (it does not cache: keep what you
 * read, or use {@link #header()}). {@link Pdu#headers()} is the materialised form of the same
 * walk, convenient when the headers are kept, sorted or passed around. Over a built PDU the
 * cursor walks its headers.
 *
 * <p>Not thread-safe: a cursor is one walk by one thread; {@link Pdu#headerCursor()} gives each
 * walk its own. The values it returns are immutable and safe to share, and, like the PDU, those
 * of a decoded PDU view its input array, which must not change while they are in use.
 */
public final class HeaderCursor {

  private final DecodedHeaders decoded; // null for a built PDU (or one whose headers are listed)
  private final List<Header> headers; // null for a decoded PDU
  private final int size;
  private int k = -1;
  // Where the current header of a decoded PDU starts and ends, found in next(): the accessors
  // then need not find it in the decoder's table again (a small PDU's table is packed in a
  // long, and unpacking it costs more than an array load).
  private int start;
  private int end;

  HeaderCursor(DecodedHeaders decoded) {
    this.decoded = decoded;
    this.headers = null;
    this.size = decoded.size();
  }

  HeaderCursor(List<Header> headers) {
    this.decoded = null;
    this.headers = headers;
    this.size = headers.size();
  }

  /**
   * Moves to the next header: the first on the first call.
   *
   * @return false when there is none (the cursor is then past the last header)
   */
  public boolean next() {
    if (k >= size) {
      return false;
    }
    int i = ++k;
    if (i < size && decoded != null) {
      // Headers are contiguous: one starts where the one before it ends.
      start = i == 0 ? decoded.start(0) : end;
      end = decoded.end(i);
    }
    return i < size;
  }

  private int at() {
    if (k < 0 || k >= size) {
      throw new IllegalStateException(
          k < 0
              ? "no current header: call next() first"
              : "no current header: next() returned false");
    }
    return k;
  }

  /**
   * The current header's field.
   *
   * @throws IllegalStateException when there is no current header
   */
  public HeaderField<?> field() {
    int i = at();
    return decoded != null ? decoded.field(i, start) : headers.get(i).field();
  }

  /**
   * The current header's name, as {@link Header#name()}.
   *
   * @throws IllegalStateException when there is no current header
   */
  public String name() {
    return field().name();
  }

  /**
   * The current header's value, as {@link Header#value()}: an instance of the field's {@link
   * HeaderField#valueType()}, or a {@link RawValue} when the decoded octets did not follow the
   * field's grammar. Over a decoded PDU it is read from the input on each call.
   *
   * @throws IllegalStateException when there is no current header
   */
  public Object value() {
    int i = at();
    return decoded != null ? decoded.value(i, start, end) : headers.get(i).value();
  }

  /**
   * Whether the current value is a number {@link #longValue()} returns without an object: a
   * well-formed value of a field whose values are integers ({@link Long}) or dates ({@link
   * Instant}).
   *
   * @throws IllegalStateException when there is no current header
   */
  public boolean isNumeric() {
    int i = at();
    if (decoded != null) {
      return decoded.isNumeric(i, start);
    }
    Object v = headers.get(i).value();
    return v instanceof Long || v instanceof Instant;
  }

  /**
   * The current value as a number: the integer, or a date's seconds since the epoch (what
   * {@link #value()} returns as a {@link Long} or an {@link Instant}), without boxing it.
   *
   * @throws IllegalStateException when there is no current header or its value is not numeric
   *     ({@link #isNumeric()} is false)
   */
  public long longValue() {
    if (!isNumeric()) {
      throw new IllegalStateException(name() + " has no numeric value (see isNumeric())");
    }
    if (decoded != null) {
      return decoded.longValue(k, start, end);
    }
    Object v = headers.get(k).value();
    return v instanceof Long l ? l : ((Instant) v).getEpochSecond();
  }

  /**
   * Whether the current value followed its field's grammar, as {@link Header#isWellFormed()}.
   *
   * @throws IllegalStateException when there is no current header
   */
  public boolean isWellFormed() {
    int i = at();
    return decoded != null
        ? (decoded.flags(i) & DecodedHeaders.MALFORMED) == 0
        : headers.get(i).isWellFormed();
  }

  /**
   * The current header's offset from the start of its PDU, as {@link Header#offset()}: -1 for a
   * built header.
   *
   * @throws IllegalStateException when there is no current header
   */
  public int offset() {
    int i = at();
    return decoded != null ? start - decoded.base() : headers.get(i).offset();
  }

  /**
   * The number of decoded octets of the current header (field octet or name included), as
   * {@link Header#originalLength()}: -1 for a built header.
   *
   * @throws IllegalStateException when there is no current header
   */
  public int length() {
    int i = at();
    return decoded != null ? end - start : headers.get(i).originalLength();
  }

  /**
   * The current header as a {@link Header}, to keep (made on each call for a decoded PDU; its
   * value is read when first asked for).
   *
   * @throws IllegalStateException when there is no current header
   */
  public Header header() {
    int i = at();
    return decoded != null ? new Header(decoded, i) : headers.get(i);
  }
}
