package org.mmsstack.mm4.convert;

import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;

/**
 * The result of a conversion: the converted message and the notes on what did not carry over.
 *
 * @param value the converted message
 * @param notes what was dropped ({@code conversion-dropped}) or changed form ({@code
 *     conversion-mapped}), in the order met (unmodifiable)
 * @param <T> the type of the converted message
 */
public record Conversion<T>(T value, List<Finding> notes) {

  /** Copies the notes. */
  public Conversion {
    Objects.requireNonNull(value, "value");
    notes = List.copyOf(notes);
  }
}
