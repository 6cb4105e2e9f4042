package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-MM-State (0x23, MMS 1.2).
 */
public final class MmState extends OctetToken {

  private static final Table<MmState> T = new Table<>(MmState::new);

  /** Draft (0x80). */
  public static final MmState DRAFT = T.define(0x80, "Draft");

  /** Sent (0x81). */
  public static final MmState SENT = T.define(0x81, "Sent");

  /** New (0x82). */
  public static final MmState NEW = T.define(0x82, "New");

  /** Retrieved (0x83). */
  public static final MmState RETRIEVED = T.define(0x83, "Retrieved");

  /** Forwarded (0x84). */
  public static final MmState FORWARDED = T.define(0x84, "Forwarded");

  private MmState(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static MmState valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<MmState> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<MmState> values() {
    return T.values();
  }
}
