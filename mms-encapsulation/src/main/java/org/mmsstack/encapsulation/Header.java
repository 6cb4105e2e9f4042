package org.mmsstack.encapsulation;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.ValueKind;
import org.mmsstack.encapsulation.internal.WireChecks;
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

  // A built header's field, or a decoded header's table (its field is found there by index,
  // without a field per header object: a decoded header is 24 octets).
  private final Object owner;
  private final int index; // this header's index in its table; -1 for a built header
  // Computed at most once per thread that reads it first and never changed after: a benign race,
  // like String.hash. A plain field, because a volatile write per value read would cost more than
  // reading most values. Safe to publish racily: every value type is immutable with final fields.
  private Object value;

  private Header(HeaderField<?> field, Object value) {
    this.owner = field;
    this.value = value;
    this.index = -1;
  }

  /** Header {@code index} of a decoded PDU; its field and value are read on first use. */
  Header(DecodedHeaders decoded, int index) {
    this.owner = decoded;
    this.index = index;
  }

  /**
   * A header with a typed value, which the encoder writes canonically.
   *
   * <p>Values the encoder could not write so that a decoder reads the same value back are
   * refused here, not when the PDU is encoded: text with a NUL, text starting with a control
   * character (0x01-0x1F, read as a length) where it is sent as a Text-string (a plain
   * Encoded-string-value or address included; the charset form carries any octets), text with an
   * unpaired surrogate, a textual Message-Class or media type that does not start with
   * printable ASCII, an empty textual media type, a parameter or Application-header name that is
   * not an RFC 2616 token, a negative number, a date before 1970, an octet value below 0x80, and
   * raw octets that are not exactly one encoded value. The message names the header and the
   * part of the value at fault.
   *
   * @throws IllegalArgumentException when the value is not of the field's type, or cannot be
   *     written so that it decodes to the same value
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
    WireChecks.headerValue(field, value);
    return new Header(field, value);
  }

  /**
   * A header whose value is given as its encoded octets (written back exactly).
   *
   * @throws IllegalArgumentException when the octets are not exactly one encoded value (by the
   *     first-octet rule of WAP-230 8.4.1.2, which a decoder steps over values with), or an
   *     Application-header's name is not an RFC 2616 token
   */
  public static Header ofRaw(HeaderField<?> field, RawValue value) {
    Objects.requireNonNull(field, "field");
    WireChecks.headerValue(field, Objects.requireNonNull(value, "value"));
    return new Header(field, value);
  }

  /** The field. */
  public HeaderField<?> field() {
    return owner instanceof DecodedHeaders d ? d.field(index) : (HeaderField<?>) owner;
  }

  private DecodedHeaders decoded() {
    return owner instanceof DecodedHeaders d ? d : null;
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
      v = ((DecodedHeaders) owner).value(index);
      value = v;
    }
    return v;
  }

  /** The value when it has the field's type (a header of {@code field} assumed). */
  <T> T typedValue(HeaderField<T> f) {
    Object v = value();
    return f.valueType().isInstance(v) ? f.valueType().cast(v) : null;
  }

  /** Whether the value followed its field's grammar (always true for built headers). */
  public boolean isWellFormed() {
    DecodedHeaders d = decoded();
    return d == null || (d.flags(index) & DecodedHeaders.MALFORMED) == 0;
  }

  /** Whether this header came from decoding and still carries its original octets. */
  public boolean hasOriginalEncoding() {
    return owner instanceof DecodedHeaders;
  }

  /** Byte offset of the header from the start of its PDU, or -1 for a built header. */
  public int offset() {
    DecodedHeaders d = decoded();
    return d == null ? -1 : d.start(index) - d.base();
  }

  /**
   * A copy of the decoded octets of the whole header (field octet or name included); empty for a
   * built header. {@link #originalLength()} gives the length without copying.
   */
  public Optional<byte[]> originalEncoding() {
    DecodedHeaders d = decoded();
    return d == null
        ? Optional.empty()
        : Optional.of(Arrays.copyOfRange(d.src(), d.start(index), d.end(index)));
  }

  /**
   * The number of decoded octets of the whole header (field octet or name included), so that
   * {@code offset() + originalLength()} is where the next header starts; -1 for a built header.
   */
  public int originalLength() {
    DecodedHeaders d = decoded();
    return d == null ? -1 : d.end(index) - d.start(index);
  }

  /** Writes the original octets of the whole header; for the encoder. */
  void writeOriginal(org.mmsstack.encapsulation.internal.wire.WspWriter w) {
    DecodedHeaders d = (DecodedHeaders) owner;
    int start = d.start(index);
    w.writeBytes(d.src(), start, d.end(index) - start);
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
