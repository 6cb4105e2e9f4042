package org.mmsstack.encapsulation.value;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The encoded octets of a value that has no typed form here: the value of an unknown header
 * code, or a value that did not follow its field's grammar (kept by lenient decoding). It is
 * written back exactly as it came.
 */
public final class RawValue {

  private final byte[] octets;

  private RawValue(byte[] octets) {
    this.octets = octets;
  }

  /** A copy of {@code src[off, off + len)}. */
  public static RawValue of(byte[] src, int off, int len) {
    return new RawValue(Arrays.copyOfRange(src, off, off + len));
  }

  /** A copy of the octets. */
  public static RawValue of(byte[] octets) {
    return new RawValue(octets.clone());
  }

  /** The octets, as a copy. */
  public byte[] octets() {
    return octets.clone();
  }

  /** The number of octets. */
  public int length() {
    return octets.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawValue && Arrays.equals(((RawValue) o).octets, octets);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(octets);
  }

  @Override
  public String toString() {
    return "raw[" + HexFormat.ofDelimiter(" ").formatHex(octets) + "]";
  }
}
