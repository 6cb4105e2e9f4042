package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Status (0x15) of m-notifyresp-ind and m-delivery-ind; also MM4's X-Mms-MM-Status-Code.
 */
public final class Status extends OctetToken {

  private static final Table<Status> T = new Table<>(Status::new);

  /** Expired (0x80). */
  public static final Status EXPIRED = T.define(0x80, "Expired");

  /** Retrieved (0x81). */
  public static final Status RETRIEVED = T.define(0x81, "Retrieved");

  /** Rejected (0x82). */
  public static final Status REJECTED = T.define(0x82, "Rejected");

  /** Deferred (0x83). */
  public static final Status DEFERRED = T.define(0x83, "Deferred");

  /** Unrecognised (0x84). */
  public static final Status UNRECOGNISED = T.define(0x84, "Unrecognised");

  /** Indeterminate (0x85). */
  public static final Status INDETERMINATE = T.define(0x85, "Indeterminate");

  /** Forwarded (0x86). */
  public static final Status FORWARDED = T.define(0x86, "Forwarded");

  /** Unreachable (0x87). */
  public static final Status UNREACHABLE = T.define(0x87, "Unreachable");

  private Status(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static Status valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<Status> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<Status> values() {
    return T.values();
  }
}
