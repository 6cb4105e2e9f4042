package org.mmsstack.mm4.convert;

import java.util.Objects;

/**
 * Something a conversion could not carry over, or carried over in another form: a header with
 * no counterpart on the other side, a part header MIME cannot express, a value mapped to a
 * coarser one. Notes never stop a conversion; {@link ConversionException} does.
 *
 * @param field the header (or {@code part N: header}) concerned
 * @param message what happened to it
 */
public record ConversionNote(String field, String message) {

  /** Checks the components. */
  public ConversionNote {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
