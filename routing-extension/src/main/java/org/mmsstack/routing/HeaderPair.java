package org.mmsstack.routing;

import java.util.Objects;

/**
 * One header field as a (name, value) pair: the view of an MM4 (RFC 5322) header section that
 * this package needs, and the form {@link RoutingHeaders} renders the extension fields in.
 * The value is unfolded text; names compare case-insensitively where this package reads them.
 *
 * @param name the field name, for example {@code X-Mms-Routing-Path}
 * @param value the field value
 *
 * <p>Immutable and thread-safe.
 */
@Provisional
public record HeaderPair(String name, String value) {

  /** Checks that neither component is null and the name is not empty. */
  public HeaderPair {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name: empty");
    }
  }

  /** Whether the name equals another, ignoring ASCII case. */
  public boolean hasName(String other) {
    return name.equalsIgnoreCase(other);
  }
}
