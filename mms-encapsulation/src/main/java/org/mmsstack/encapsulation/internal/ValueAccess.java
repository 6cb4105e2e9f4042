package org.mmsstack.encapsulation.internal;

import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.internal.wire.WspWriter;
import org.mmsstack.encapsulation.value.EncodedString;

/**
 * What the encoder (and the builders' checks) read of a value object in place, where the public
 * accessor hands out a copy ({@link EncodedString#octets()}). The value class registers its access when it is initialised,
 * which has happened before any instance exists; until then (never, in practice) the encoder uses
 * the public accessor.
 */
public final class ValueAccess {

  /** Writes an {@link EncodedString}'s octets from where they are, without a copy. */
  public interface EncodedStringOctets {
    /** {@link WspWriter#writeTextString(byte[])} of the value's octets. */
    void writeTextString(EncodedString s, WspWriter w);

    /** The index of the first 0x00 among the value's octets, or -1. */
    int indexOfNul(EncodedString s);

    /** The value's first octet (0-255), or -1 when it has none. */
    int firstOctet(EncodedString s);
  }

  private static volatile EncodedStringOctets encodedStrings;

  private ValueAccess() {}

  /**
   * Called once, by {@link EncodedString}'s initialiser.
   *
   * @throws IllegalStateException when called again
   */
  public static void register(EncodedStringOctets access) {
    if (encodedStrings != null) {
      throw new IllegalStateException("EncodedString access already registered");
    }
    encodedStrings = access;
  }

  /** The index of the first 0x00 among the octets of {@code s}, or -1. */
  public static int indexOfNul(EncodedString s) {
    EncodedStringOctets a = encodedStrings;
    if (a != null) {
      return a.indexOfNul(s);
    }
    byte[] b = s.octets();
    return WspReader.indexOfNul(b, 0, b.length);
  }

  /** The first octet of {@code s} (0-255), or -1 when it has none. */
  public static int firstOctet(EncodedString s) {
    EncodedStringOctets a = encodedStrings;
    if (a != null) {
      return a.firstOctet(s);
    }
    byte[] b = s.octets();
    return b.length == 0 ? -1 : b[0] & 0xFF;
  }

  /** Writes the octets of {@code s} as a Text-string. */
  public static void writeTextString(EncodedString s, WspWriter w) {
    EncodedStringOctets a = encodedStrings;
    if (a != null) {
      a.writeTextString(s, w);
    } else {
      w.writeTextString(s.octets());
    }
  }
}
