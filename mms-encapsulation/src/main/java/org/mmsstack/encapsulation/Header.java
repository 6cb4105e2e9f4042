package org.mmsstack.encapsulation;

import java.util.Arrays;
import java.util.Objects;
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
 */
public final class Header {

  private volatile HeaderField<?> field; // decoded Application-headers get their field lazily
  private volatile Object value;
  private final byte[] src; // null for built headers
  private final int start; // index of the code octet or of the Application-header name
  private final int valueStart;
  private final int end;
  private final int pduBase;
  private final boolean wellFormed;

  private Header(HeaderField<?> field, Object value) {
    this.field = field;
    this.value = value;
    this.src = null;
    this.start = -1;
    this.valueStart = -1;
    this.end = -1;
    this.pduBase = 0;
    this.wellFormed = true;
  }

  Header(
      HeaderField<?> field,
      byte[] src,
      int pduBase,
      int start,
      int valueStart,
      int end,
      boolean wellFormed) {
    this(field, null, src, pduBase, start, valueStart, end, wellFormed);
  }

  /** A decoded header whose value lenient decoding had to recover by itself. */
  Header(
      HeaderField<?> field,
      Object value,
      byte[] src,
      int pduBase,
      int start,
      int valueStart,
      int end,
      boolean wellFormed) {
    this.value = value;
    this.field = field;
    this.src = src;
    this.pduBase = pduBase;
    this.start = start;
    this.valueStart = valueStart;
    this.end = end;
    this.wellFormed = wellFormed;
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
      int nameEnd = valueStart - 1; // the name's 0x00
      f = HeaderField.decodedApplication(Texts.decodeUnlabelled(src, start, nameEnd - start));
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
    if (!wellFormed || (field != null && !field.isKnown() && !field.isApplication())) {
      return RawValue.of(src, valueStart, end - valueStart);
    }
    HeaderField<?> f = field();
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
    return wellFormed;
  }

  /** Whether this header came from decoding and still carries its original octets. */
  public boolean hasOriginalEncoding() {
    return src != null;
  }

  /** Byte offset of the header from the start of its PDU, or -1 for a built header. */
  public int offset() {
    return src == null ? -1 : start - pduBase;
  }

  /** The decoded octets of the whole header (field octet or name included), or {@code null}. */
  public byte[] originalEncoding() {
    return src == null ? null : Arrays.copyOfRange(src, start, end);
  }

  /** Writes the original octets of the whole header; for the encoder. */
  void writeOriginal(org.mmsstack.encapsulation.internal.wire.WspWriter w) {
    w.writeBytes(src, start, end - start);
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
