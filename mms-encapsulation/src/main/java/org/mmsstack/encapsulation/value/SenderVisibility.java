package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Sender-Visibility (0x14).
 */
public final class SenderVisibility extends OctetToken {

  private static final Table<SenderVisibility> T = new Table<>(SenderVisibility::new);

  /** Hide (0x80). */
  public static final SenderVisibility HIDE = T.define(0x80, "Hide");

  /** Show (0x81). */
  public static final SenderVisibility SHOW = T.define(0x81, "Show");

  private SenderVisibility(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static SenderVisibility valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<SenderVisibility> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<SenderVisibility> values() {
    return T.values();
  }
}
