package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Priority (0x0F).
 */
public final class Priority extends OctetToken {

  private static final Table<Priority> T = new Table<>(Priority::new);

  /** Low (0x80). */
  public static final Priority LOW = T.define(0x80, "Low");

  /** Normal (0x81). */
  public static final Priority NORMAL = T.define(0x81, "Normal");

  /** High (0x82). */
  public static final Priority HIGH = T.define(0x82, "High");

  private Priority(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static Priority valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<Priority> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<Priority> values() {
    return T.values();
  }
}
