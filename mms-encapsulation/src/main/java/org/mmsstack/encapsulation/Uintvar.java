package org.mmsstack.encapsulation;

import java.util.Objects;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.internal.wire.WspWriter;

/**
 * A WSP Uintvar (WAP-230 8.1.2) read from a byte array: its value and where its octets lie.
 *
 * <p>{@link #read(byte[], int, int)} is the public face of the codec's one WSP reader, for tools
 * that need a Uintvar outside a PDU (a WSP push header, a hex view): 1-5 octets of 7 bits, most
 * significant first; leading 0x80 octets (non-minimal encodings) are accepted; more than 5 octets,
 * a value above 32 bits or octets running past the limit are a {@link PduFormatException} naming
 * the offset of the Uintvar's first octet in the array.
 *
 * <p>Immutable and thread-safe; it keeps no reference to the array it was read from.
 *
 * @param value the value, 0 to 2<sup>32</sup>-1
 * @param offset index of the first octet in the array it was read from
 * @param length number of octets, 1 to 5
 */
public record Uintvar(long value, int offset, int length) {

  /** The most octets a Uintvar may have. */
  public static final int MAX_OCTETS = 5;

  /** Checks the components. */
  public Uintvar {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("value: " + value + " (must fit in 32 bits unsigned)");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset: " + offset);
    }
    if (length < 1 || length > MAX_OCTETS) {
      throw new IllegalArgumentException("length: " + length + " (must be 1-5)");
    }
  }

  /** Index just after the last octet. */
  public int end() {
    return offset + length;
  }

  /**
   * Reads the Uintvar starting at {@code offset} of {@code b}, reading no octet at or after {@code
   * limit}.
   *
   * @throws PduFormatException with {@link PduFormatException.Reason#MALFORMED_UINTVAR} for more
   *     than 5 octets or a value above 32 bits, or a truncation reason when the octets run past
   *     {@code limit}; its offset is the index in {@code b}
   * @throws IllegalArgumentException when {@code offset} and {@code limit} are not a range of
   *     {@code b}
   */
  public static Uintvar read(byte[] b, int offset, int limit) throws PduFormatException {
    Objects.requireNonNull(b, "b");
    if (offset < 0 || limit < offset || limit > b.length) {
      throw new IllegalArgumentException(
          "offset: " + offset + ", limit: " + limit + " (array of " + b.length + ")");
    }
    WspReader r = new WspReader(b, 0, offset, limit - offset);
    long v = r.readUintvar();
    return new Uintvar(v, offset, r.index() - offset);
  }

  /** The canonical (shortest) octets of a Uintvar value. */
  public static byte[] octets(long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("value: " + value + " (must fit in 32 bits unsigned)");
    }
    WspWriter w = WspWriter.exactly(WspWriter.sizeOfUintvar(value));
    w.writeUintvar(value);
    return w.toByteArray();
  }
}
