package org.mmsstack.encapsulation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.internal.FrozenList;
import org.mmsstack.encapsulation.internal.PlainValues;
import org.mmsstack.encapsulation.internal.Texts;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.ValueKind;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * The headers of a decoded PDU as the decoder leaves them: the index where each header starts,
 * over the input array. Headers are contiguous, so a header ends where the next one starts
 * (the last at {@link #end}); a binary header's value starts one octet after its code, an
 * Application-header's after its name's 0x00. The rare headers lenient decoding had to recover
 * carry flags in a second array made only for them. {@link Header} objects are made only when
 * someone asks for them, so decoding a PDU allocates a handful of objects whatever its header
 * count, and the table costs one int per header; a PDU of fewer than 128 octets and at most
 * nine headers, all plain (confirmations, acknowledgements, most notifications), keeps its table
 * in a {@code long} here instead (see {@link PlainValues#scanPacked}), and decodes to two
 * objects. It is also the decoded PDU's {@link Pdu.Contents} (body, trailing octets, findings):
 * one object for what a PDU holds.
 */
final class DecodedHeaders extends Pdu.Contents {

  /** A value that did not follow its field's grammar, kept as raw octets. */
  static final byte MALFORMED = 1;

  /** The Del form of a delete-confirmation field. */
  static final byte INDEXED = 2;

  /** An MMS-Version octet without its high bit, recovered by lenient decoding. */
  static final byte VERSION_RECOVERED = 4;

  private final byte[] src;
  private final int base;
  private final int inputEnd;
  private final int[] starts; // null when the table is packed
  private final long packed; // header k's offset from base in bits 7k to 7k + 6 (when packed)
  private final byte[] flags; // null when no header has a flag: almost always
  private final int size;
  private final int end;
  private HeaderField<?>[] made; // fields made for Application-headers and unassigned codes

  /**
   * Headers of the PDU at {@code src[base, inputEnd)}: {@code size} headers starting at
   * {@code starts[0, size)}, the last ending at {@code end}; {@code flags[k]} (when the array is
   * there and that long) holds header k's flags. The PDU's body, trailing octets and findings
   * come with them.
   */
  DecodedHeaders(
      byte[] src,
      int base,
      int inputEnd,
      int[] starts,
      byte[] flags,
      int size,
      int end,
      Body body,
      byte[] trailing,
      List<Finding> findings) {
    super(null, body, trailing, findings);
    this.src = src;
    this.base = base;
    this.inputEnd = inputEnd;
    this.starts = starts;
    this.packed = 0;
    this.flags = flags;
    this.size = size;
    this.end = end;
  }

  /**
   * The headers of a PDU of fewer than {@link PlainValues#PACKED_LENGTH} octets at {@code
   * src[base, end)}, every one plain and no body: where each starts as {@link
   * PlainValues#scanPacked} packs it.
   */
  DecodedHeaders(byte[] src, int base, int end, long packed) {
    super(null, null, null, List.of());
    this.src = src;
    this.base = base;
    this.inputEnd = end;
    this.starts = null;
    this.packed = packed;
    this.flags = null;
    this.size = PlainValues.packedCount(packed);
    this.end = end;
  }

  /**
   * Writes the whole input this PDU was decoded from. A decoded PDU is immutable and encodes
   * byte for byte as it came (every header, the body and any trailing octets keep their
   * original octets), so this is its encoding, written without walking it.
   */
  void writeInput(OutputStream out) throws IOException {
    out.write(src, base, inputEnd - base);
  }

  /** The whole input, copied (see {@link #writeInput}). */
  byte[] inputCopy() {
    return Arrays.copyOfRange(src, base, inputEnd);
  }

  /**
   * Whether {@link #firstValue} can answer for this field: a known field in its plain
   * (non-indexed) form, in a PDU where no header needed recovering (no flags at all).
   */
  boolean readsDirectly(HeaderField<?> field) {
    return flags == null && field.isKnown() && !field.isApplication() && !field.isIndexed();
  }

  /**
   * The value of the first header of {@code field} (see {@link #readsDirectly}), read from the
   * input without making {@link Header} objects: what a typed accessor costs is the lookup and
   * the value. {@code null} when the PDU has no such header.
   */
  Object firstValue(HeaderField<?> field) {
    int octet = 0x80 | field.code();
    int[] s = starts;
    int start = -1;
    int end = this.end;
    if (s == null) {
      // The packed table taken apart as it is walked, a shift per header (a typed accessor
      // walks the headers up to its field): the header's start and the next one's in hand.
      long p = packed;
      for (int k = 0; k < size; k++, p >>>= 7) {
        if ((src[base + ((int) p & 0x7F)] & 0xFF) == octet) {
          start = base + ((int) p & 0x7F);
          if (k + 1 < size) {
            end = base + ((int) (p >>> 7) & 0x7F);
          }
          break;
        }
      }
    } else {
      for (int k = 0; k < size; k++) {
        if ((src[s[k]] & 0xFF) == octet) {
          start = s[k];
          if (k + 1 < size) {
            end = s[k + 1];
          }
          break;
        }
      }
    }
    if (start < 0) {
      return null;
    }
    ValueKind kind = ValueCodec.kindOf(field);
    Object plain = ValueCodec.readPlain(kind, field.code(), src, start + 1, end);
    return plain != null ? plain : fullRead(kind, field, start + 1, end);
  }

  /**
   * Header {@code k}'s value, read from the input (not cached here): an instance of its field's
   * value type, or a {@link RawValue} when lenient decoding kept octets that did not follow the
   * grammar or the code is unassigned.
   */
  Object value(int k) {
    return value(k, start(k), end(k));
  }

  /**
   * {@link #value(int)} of header {@code k}, which spans {@code src[start, end)}: a cursor that
   * knows where its header is does not find it in the table again for every read.
   */
  Object value(int k, int start, int end) {
    int b = src[start];
    if (b < 0 && flags(k) == 0) {
      // A known field in its plain form, as nearly every header is: its grammar by its code.
      int code = b & 0x7F;
      if (end - start == 2) {
        // One octet: a message type, version, status, Yes/No... is a shared constant.
        Object constant = ValueCodec.plainConstant(code, src[start + 1]);
        if (constant != null) {
          return constant;
        }
      }
      ValueKind kind = ValueCodec.kindOf(code);
      if (kind != ValueKind.RAW) {
        Object plain = ValueCodec.readPlain(kind, code, src, start + 1, end);
        if (plain != null) {
          return plain;
        }
      }
    }
    // Kept out of this method so that it stays small enough for the JIT to inline into a
    // caller's walk (HeaderCursor.value): then the cursor itself is never allocated.
    return otherValue(k);
  }

  /**
   * Header {@code k}'s value when {@link #value} did not find it in a plain form: a known field
   * in another form (the full reader's), a recovered or malformed value, an unassigned code, an
   * Application-header.
   */
  private Object otherValue(int k) {
    int start = start(k);
    int end = end(k);
    int b = src[start] & 0xFF;
    int flags = flags(k);
    if (b >= 0x80 && flags == 0) {
      int code = b & 0x7F;
      ValueKind kind = ValueCodec.kindOf(code);
      if (kind != ValueKind.RAW) {
        return fullRead(kind, field(k), start + 1, end); // value() found no plain form
      }
    }
    if ((flags & VERSION_RECOVERED) != 0) {
      return MmsVersion.fromOctet(src[start + 1]);
    }
    HeaderField<?> f = field(k);
    int valueStart = b >= 0x80 ? start + 1 : WspReader.indexOfNul(src, start, end) + 1;
    if ((flags & MALFORMED) != 0 || (!f.isKnown() && !f.isApplication())) {
      return RawValue.of(src, valueStart, end - valueStart);
    }
    ValueKind kind = ValueCodec.kindOf(f);
    Object plain = ValueCodec.readPlain(kind, f.code(), src, valueStart, end);
    return plain != null ? plain : fullRead(kind, f, valueStart, end);
  }

  /**
   * Whether header {@code k}'s value is a number {@link #longValue} reads without an object: a
   * well-formed value of an Integer-value, Long-integer or Date field.
   */
  boolean isNumeric(int k) {
    return isNumeric(k, start(k));
  }

  /** {@link #isNumeric(int)} of header {@code k}, which starts at {@code start}. */
  boolean isNumeric(int k, int start) {
    return ValueCodec.numericForm(src[start]) != 0 && (flags(k) & (MALFORMED | INDEXED)) == 0;
  }

  /**
   * Header {@code k}'s value as a number ({@link #isNumeric} assumed): the integer, or a date's
   * seconds since the epoch. Plain values are read from the input; any other form through
   * {@link #value}.
   */
  long longValue(int k) {
    return longValue(k, start(k), end(k));
  }

  /** {@link #longValue(int)} of header {@code k}, which spans {@code src[start, end)}. */
  long longValue(int k, int start, int end) {
    long v = ValueCodec.readPlainLong(ValueCodec.numericForm(src[start]), src, start + 1, end);
    if (v >= 0) {
      return v;
    }
    Object o = value(k, start, end);
    return o instanceof Long l ? l : ((java.time.Instant) o).getEpochSecond();
  }

  private Object fullRead(ValueKind kind, HeaderField<?> f, int valueStart, int end) {
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

  /** The input array. */
  byte[] src() {
    return src;
  }

  /** Where the PDU starts in {@link #src()}: offsets count from here. */
  int base() {
    return base;
  }

  /** The number of headers. */
  int size() {
    return size;
  }

  /** Where header {@code k} starts in {@link #src()} (its field octet or name). */
  int start(int k) {
    int[] s = starts;
    return s != null ? s[k] : base + ((int) (packed >>> (7 * k)) & 0x7F);
  }

  /** Where header {@code k} ends in {@link #src()} (exclusive). */
  int end(int k) {
    return k + 1 < size ? start(k + 1) : end;
  }

  /** Header {@code k}'s flags ({@link #MALFORMED}, ...), 0 for almost every header. */
  int flags(int k) {
    return flags != null && k < flags.length ? flags[k] : 0;
  }

  /**
   * Header {@code k}'s field: from the header table for a known code (the indexed form where the
   * decoder marked one), else made once for this PDU (an Application-header's name, an
   * unassigned code).
   */
  HeaderField<?> field(int k) {
    return field(k, start(k));
  }

  /** {@link #field(int)} of header {@code k}, which starts at {@code start}. */
  HeaderField<?> field(int k, int start) {
    int b = src[start] & 0xFF;
    if (b >= 0x80) {
      HeaderField<?> f =
          (flags(k) & INDEXED) != 0
              ? HeaderField.indexedOrNull(b & 0x7F)
              : HeaderField.knownOrNull(b & 0x7F);
      if (f != null) {
        return f;
      }
    }
    return madeField(k, b);
  }

  private HeaderField<?> madeField(int k, int b) {
    // A benign race, as for header values: HeaderField is immutable with final fields, and a
    // thread that loses the race makes the same field again.
    HeaderField<?>[] m = made;
    if (m == null) {
      m = new HeaderField<?>[size];
      made = m;
    }
    HeaderField<?> f = m[k];
    if (f == null) {
      int start = start(k);
      if (b >= 0x80) {
        f = HeaderField.valueOf(b & 0x7F);
      } else {
        int nameEnd = WspReader.indexOfNul(src, start, end(k));
        f = HeaderField.decodedApplication(Texts.decodeUnlabelled(src, start, nameEnd - start));
      }
      m[k] = f;
    }
    return f;
  }

  /**
   * One {@link Header} per header, each a small view (this table and its index) whose field and
   * value are read on first use, in an unmodifiable list that owns its array.
   */
  List<Header> materialize() {
    Header[] out = new Header[size];
    for (int k = 0; k < size; k++) {
      out[k] = new Header(this, k);
    }
    return FrozenList.owning(out);
  }
}
