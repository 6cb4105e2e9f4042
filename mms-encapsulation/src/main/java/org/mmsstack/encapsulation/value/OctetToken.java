package org.mmsstack.encapsulation.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Base of the value classes for header values that are one octet from a set the specification
 * defines (Priority, X-Mms-Status, X-Mms-Response-Status, ...).
 *
 * <p>A decoder must accept values it does not know (OMA conformance case MMS-1.3-con-282), so
 * these are not Java enums: {@code valueOf(code)} returns the named constant, or a new instance
 * that keeps the unknown code so it is reported and re-encoded unchanged. Equality is by class
 * and code; {@code toString()} gives {@code Name(0x80)}.
 */
public abstract class OctetToken {

  private final int code;
  private final String name;
  private final boolean known;

  OctetToken(int code, String name, boolean known) {
    this.code = code;
    this.name = name;
    this.known = known;
  }

  /** The octet on the wire, 0x80-0xFF for every set the specification defines. */
  public final int code() {
    return code;
  }

  /**
   * The specification's name for the value, as MM4 spells it in text headers (for example
   * {@code Error-permanent-message-not-found}); {@code unknown} for a code outside the set.
   */
  public final String name() {
    return name;
  }

  /** Whether the code is one the specification defines for this header. */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((OctetToken) o).code == code;
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode() * 31 + code;
  }

  @Override
  public final String toString() {
    return String.format("%s(0x%02X)", name, code);
  }

  /** The table of one value class: an array indexed by the octet, filled at class load. */
  static final class Table<T extends OctetToken> {
    @FunctionalInterface
    interface Factory<T> {
      T create(int code, String name, boolean known);
    }

    private final Factory<T> factory;
    private final Object[] byCode = new Object[256];
    private final List<T> values = new ArrayList<>();

    Table(Factory<T> factory) {
      this.factory = factory;
    }

    T define(int code, String name) {
      if (byCode[code] != null) {
        throw new ExceptionInInitializerError("duplicate code " + code + " for " + name);
      }
      T t = factory.create(code, name, true);
      byCode[code] = t;
      values.add(t);
      return t;
    }

    @SuppressWarnings("unchecked")
    T valueOf(int code) {
      if (code < 0 || code > 0xFF) {
        throw new IllegalArgumentException("code: " + code + " (expected: 0 ~ 255)");
      }
      Object t = byCode[code];
      return t != null ? (T) t : factory.create(code, "unknown", false);
    }

    Optional<T> byName(String name) {
      for (T t : values) {
        if (t.name().equalsIgnoreCase(name)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }

    List<T> values() {
      return Collections.unmodifiableList(values);
    }
  }
}
