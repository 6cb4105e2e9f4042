package org.mmsstack.encapsulation;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.internal.Texts;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.ValueKind;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * One header field of a PDU: its {@link HeaderField field} and its value.
 *
 * <p>A header made by {@link #of(HeaderField, Object)} holds a typed value and is encoded
 * canonically. A decoded header remembers the octets it was decoded from: the encoder writes
 * those back, so a PDU passed through (or changed in one header) keeps every other header byte
 * for byte. Its value is decoded on first access; the decoder has already checked its grammar.
 * A value that did not follow its field's grammar (kept by lenient decoding) is a
 * {@link RawValue} and {@link #isWellFormed()} is false.
 *
 * <p>Equality is by field and value, not by encoding.
 *
 * <p>Immutable and safe to share between threads. A decoded header is a small view of its PDU's
 * input (the decoder's table and an index; its field and value are read on first use), so the
 * input array must not change while the header is in use, as for the PDU.
 */
public final class Header {

  // Both are computed at most once per thread that reads them first and are never changed
  // after: a benign race, like String.hash. Plain fields, because a volatile write per value
  // read would cost more than reading most values. Safe to publish racily: every value and
  // field type is immutable with final fields.
  private HeaderField<?> field; // decoded Application-headers get their field lazily
  private Object value;
  private final DecodedHeaders decoded; // null for built headers
  private final int index; // this header's index in `decoded`

  private Header(HeaderField<?> field, Object value) {
    this.field = field;
    this.value = value;
    this.decoded = null;
    this.index = -1;
  }

  /**
   * Header {@code index} of a decoded PDU; {@code field} is {@code null} for an
   * Application-header (named on first use), {@code value} is {@code null} unless lenient
   * decoding recovered it by itself (it is otherwise read from the input on first use).
   */
  Header(DecodedHeaders decoded, int index, HeaderField<?> field, Object value) {
    this.field = field;
    this.value = value;
    this.decoded = decoded;
    this.index = index;
  }

  /**
   * A header with a typed value.
   *
   * @throws IllegalArgumentException when the value is not of the field's type
   */
  public static <T> Header of(HeaderField<T> field, T value) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    if (!field.valueType().isInstance(value)) {
      throw new IllegalArgumentException(
          "value: "
              + value
              + " (expected a "
              + field.valueType().getSimpleName()
              + " for "
              + field.name()
              + ")");
    }
    return new Header(field, value);
  }

  /** A header whose value is given as its encoded octets (written back exactly). */
  public static Header ofRaw(HeaderField<?> field, RawValue value) {
    Objects.requireNonNull(field, "field");
    return new Header(field, Objects.requireNonNull(value, "value"));
  }

  /** The field. */
  public HeaderField<?> field() {
    HeaderField<?> f = field;
    if (f == null) {
      int start = decoded.start(index);
      int nameEnd = WspReader.indexOfNul(decoded.src(), start, decoded.end(index));
      f =
          HeaderField.decodedApplication(
              Texts.decodeUnlabelled(decoded.src(), start, nameEnd - start));
      field = f;
    }
    return f;
  }

  /** The field's name. */
  public String name() {
    return field().name();
  }

  /**
   * The value: an instance of {@link HeaderField#valueType()}, or a {@link RawValue} when the
   * decoded octets did not follow the field's grammar.
   */
  public Object value() {
    Object v = value;
    if (v == null) {
      v = decodeValue();
      value = v;
    }
    return v;
  }

  /** The value when it has the field's type (a header of {@code field} assumed). */
  <T> T typedValue(HeaderField<T> f) {
    Object v = value();
    return f.valueType().isInstance(v) ? f.valueType().cast(v) : null;
  }

  private Object decodeValue() {
    byte[] src = decoded.src();
    int start = decoded.start(index);
    int end = decoded.end(index);
    HeaderField<?> f = field();
    int valueStart =
        (src[start] & 0x80) != 0 ? start + 1 : WspReader.indexOfNul(src, start, end) + 1;
    if (!isWellFormed() || (!f.isKnown() && !f.isApplication())) {
      return RawValue.of(src, valueStart, end - valueStart);
    }
    ValueKind kind = ValueCodec.kindOf(f);
    Object plain = ValueCodec.readPlain(kind, f.code(), src, valueStart, end);
    if (plain != null) {
      return plain;
    }
    WspReader r = new WspReader(src, valueStart, end - valueStart);
    r.header(f.name());
    try {
      return ValueCodec.read(kind, f.code(), r, null, Integer.MAX_VALUE, true);
    } catch (PduFormatException e) {
      // The eager pass accepted these octets with the same code; reaching here is a bug.
      throw new IllegalStateException(
          "value accepted on decode cannot be read again: " + e.getMessage(), e);
    }
  }

  /** Whether the value followed its field's grammar (always true for built headers). */
  public boolean isWellFormed() {
    return decoded == null || (decoded.flags(index) & DecodedHeaders.MALFORMED) == 0;
  }

  /** Whether this header came from decoding and still carries its original octets. */
  public boolean hasOriginalEncoding() {
    return decoded != null;
  }

  /** Byte offset of the header from the start of its PDU, or -1 for a built header. */
  public int offset() {
    return decoded == null ? -1 : decoded.start(index) - decoded.base();
  }

  /**
   * A copy of the decoded octets of the whole header (field octet or name included); empty for a
   * built header. {@link #originalLength()} gives the length without copying.
   */
  public Optional<byte[]> originalEncoding() {
    return decoded == null
        ? Optional.empty()
        : Optional.of(Arrays.copyOfRange(decoded.src(), decoded.start(index), decoded.end(index)));
  }

  /**
   * The number of decoded octets of the whole header (field octet or name included), so that
   * {@code offset() + originalLength()} is where the next header starts; -1 for a built header.
   */
  public int originalLength() {
    return decoded == null ? -1 : decoded.end(index) - decoded.start(index);
  }

  /** Writes the original octets of the whole header; for the encoder. */
  void writeOriginal(org.mmsstack.encapsulation.internal.wire.WspWriter w) {
    int start = decoded.start(index);
    w.writeBytes(decoded.src(), start, decoded.end(index) - start);
  }

  ValueKind kind() {
    return ValueCodec.kindOf(field());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Header)) {
      return false;
    }
    Header h = (Header) o;
    return h.field().equals(field()) && h.value().equals(value());
  }

  @Override
  public int hashCode() {
    return field().hashCode() * 31 + value().hashCode();
  }

  @Override
  public String toString() {
    return name() + ": " + value();
  }
}
