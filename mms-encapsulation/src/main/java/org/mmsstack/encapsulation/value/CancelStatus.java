package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Cancel-Status (0x3F, MMS 1.3).
 */
public final class CancelStatus extends OctetToken {

  private static final Table<CancelStatus> T = new Table<>(CancelStatus::new);

  /** Cancel request successfully received (0x80). */
  public static final CancelStatus CANCEL_REQUEST_SUCCESSFULLY_RECEIVED =
      T.define(0x80, "Cancel request successfully received");

  /** Cancel request corrupted (0x81). */
  public static final CancelStatus CANCEL_REQUEST_CORRUPTED =
      T.define(0x81, "Cancel request corrupted");

  private CancelStatus(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static CancelStatus valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<CancelStatus> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<CancelStatus> values() {
    return T.values();
  }
}
