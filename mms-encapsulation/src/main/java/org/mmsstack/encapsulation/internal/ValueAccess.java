package org.mmsstack.encapsulation.internal;

import org.mmsstack.encapsulation.internal.wire.WspWriter;
import org.mmsstack.encapsulation.value.EncodedString;

/**
 * What the encoder reads of a value object in place, where the public accessor hands out a copy
 * ({@link EncodedString#octets()}). The value class registers its access when it is initialised,
 * which has happened before any instance exists; until then (never, in practice) the encoder uses
 * the public accessor.
 */
public final class ValueAccess {

  /** Writes an {@link EncodedString}'s octets from where they are, without a copy. */
  public interface EncodedStringOctets {
    /** {@link WspWriter#writeTextString(byte[])} of the value's octets. */
    void writeTextString(EncodedString s, WspWriter w);
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
