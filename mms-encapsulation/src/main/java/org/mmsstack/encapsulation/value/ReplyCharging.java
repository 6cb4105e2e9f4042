package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Reply-Charging (0x1C, MMS 1.1): Requested values in send/forward requests, Accepted values in notifications and retrieve-conf.
 */
public final class ReplyCharging extends OctetToken {

  private static final Table<ReplyCharging> T = new Table<>(ReplyCharging::new);

  /** Requested (0x80). */
  public static final ReplyCharging REQUESTED = T.define(0x80, "Requested");

  /** Requested text only (0x81). */
  public static final ReplyCharging REQUESTED_TEXT_ONLY = T.define(0x81, "Requested text only");

  /** Accepted (0x82). */
  public static final ReplyCharging ACCEPTED = T.define(0x82, "Accepted");

  /** Accepted text only (0x83). */
  public static final ReplyCharging ACCEPTED_TEXT_ONLY = T.define(0x83, "Accepted text only");

  private ReplyCharging(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static ReplyCharging valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<ReplyCharging> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<ReplyCharging> values() {
    return T.values();
  }
}
