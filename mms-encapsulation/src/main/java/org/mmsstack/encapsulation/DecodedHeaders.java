package org.mmsstack.encapsulation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The headers of a decoded PDU as the decoder leaves them: four ints per header (start, value
 * start, end, flags) over the input array. {@link Header} objects are made only when someone
 * asks for them, so decoding a PDU allocates a handful of objects whatever its header count.
 */
final class DecodedHeaders {

  static final int WELL_FORMED = 1;
  /** The Del form of a delete-confirmation field. */
  static final int INDEXED = 2;
  /** An MMS-Version octet without its high bit, recovered by lenient decoding. */
  static final int VERSION_RECOVERED = 4;

  private final byte[] src;
  private final int base;
  private final int inputEnd;
  private int[] table = new int[4 * 12];
  private int size;

  /** Headers of the PDU at {@code src[base, inputEnd)}. */
  DecodedHeaders(byte[] src, int base, int inputEnd) {
    this.src = src;
    this.base = base;
    this.inputEnd = inputEnd;
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

  void add(int start, int valueStart, int end, int flags) {
    int i = size * 4;
    if (i == table.length) {
      table = Arrays.copyOf(table, table.length * 2);
    }
    table[i] = start;
    table[i + 1] = valueStart;
    table[i + 2] = end;
    table[i + 3] = flags;
    size++;
  }

  int size() {
    return size;
  }

  List<Header> materialize() {
    List<Header> out = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      int i = k * 4;
      int start = table[i];
      int valueStart = table[i + 1];
      int end = table[i + 2];
      int flags = table[i + 3];
      int b = src[start] & 0xFF;
      boolean wellFormed = (flags & WELL_FORMED) != 0;
      if (b < 0x80) { // Application-header: its field (the name) is made lazily too
        out.add(new Header(null, src, base, start, valueStart, end, wellFormed));
        continue;
      }
      int code = b & 0x7F;
      HeaderField<?> field;
      if ((flags & INDEXED) != 0) {
        field = code == 0x03 ? HeaderField.CONTENT_LOCATION_INDEXED
            : code == 0x12 ? HeaderField.RESPONSE_STATUS_INDEXED : HeaderField.RESPONSE_TEXT_INDEXED;
      } else {
        HeaderField<?> known = HeaderField.knownOrNull(code);
        field = known != null ? known : HeaderField.forCode(code);
      }
      if (code == 0x0C && k == 0) {
        out.add(new Header(field, MessageType.fromCode(src[valueStart] & 0xFF), src, base, start, valueStart, end,
            true));
      } else if ((flags & VERSION_RECOVERED) != 0) {
        out.add(new Header(field, MmsVersion.fromOctet(src[valueStart]), src, base, start, valueStart, end, true));
      } else {
        out.add(new Header(field, src, base, start, valueStart, end, wellFormed));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
