package org.mmsstack.encapsulation.value;

import java.util.Objects;

/**
 * A value in the "Del" form of m-mbox-delete-conf and m-delete-conf (MMS 1.2/1.3): the answer
 * for the request's Content-Location number {@code index}.
 *
 * @param index the Status-count-value: which entry of the request this answers
 * @param value the value (a URI, a Response-Status or a Response-Text)
 * @param <T> the value type
 */
public record Indexed<T>(long index, T value) {
  public Indexed {
    if (index < 0) {
      throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
    }
    Objects.requireNonNull(value, "value");
  }
}
