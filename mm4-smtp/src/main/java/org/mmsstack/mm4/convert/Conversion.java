package org.mmsstack.mm4.convert;

import java.util.List;
import java.util.Objects;

/**
 * The result of a conversion: the converted message and the notes on what did not carry over.
 *
 * @param value the converted message
 * @param notes what was dropped or changed form, in the order met (unmodifiable)
 * @param <T> the type of the converted message
 */
public record Conversion<T>(T value, List<ConversionNote> notes) {

  /** Copies the notes. */
  public Conversion {
    Objects.requireNonNull(value, "value");
    notes = List.copyOf(notes);
  }
}
