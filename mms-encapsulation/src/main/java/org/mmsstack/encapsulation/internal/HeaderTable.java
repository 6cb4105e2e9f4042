package org.mmsstack.encapsulation.internal;

import java.util.Objects;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.value.OctetToken;

/**
 * The internal columns of the header table. The table itself is {@link HeaderField}: each field
 * is defined there once, with its code, name, version, value grammar ({@link ValueKind}), the
 * value class of its octets and its rule per PDU type. The grammar and the octet values are not
 * public API, so the table hands them to this package through {@link Access} when it is
 * initialised, and {@link ValueCodec}, {@code PlainValues} and the decoder derive their
 * dispatch tables from it.
 *
 * <p>Thread-safe: the access is installed once, during {@code HeaderField}'s class
 * initialisation, and never changes.
 */
public final class HeaderTable {

  /** The internal columns of one row. */
  public interface Access {

    /** The grammar of the field's value (indexed forms and Application-headers included). */
    ValueKind kind(HeaderField<?> field);

    /**
     * The value of an octet-valued field's octet.
     *
     * @throws IllegalArgumentException when the field's values are not octets
     */
    OctetToken octet(HeaderField<?> field, int value);
  }

  private static volatile Access access;

  private HeaderTable() {}

  /**
   * Installs the table's access; called by {@code HeaderField} only.
   *
   * @throws IllegalStateException when called a second time
   */
  public static synchronized void install(Access a) {
    Objects.requireNonNull(a, "a");
    if (access != null) {
      throw new IllegalStateException("the header table is installed already");
    }
    access = a;
  }

  static Access access() {
    Access a = access;
    if (a == null) {
      // Initialising HeaderField installs the access. This class's own initialisation never
      // touches HeaderField, so the two cannot wait on each other.
      HeaderField.knownFields();
      a = access;
    }
    return a;
  }

  /** The grammar of a field's value. */
  public static ValueKind kind(HeaderField<?> field) {
    return access().kind(field);
  }

  /** The value of an octet-valued field's octet. */
  public static OctetToken octet(HeaderField<?> field, int value) {
    return access().octet(field, value);
  }
}
