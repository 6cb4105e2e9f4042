package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Recommended-Retrieval-Mode (0x34, MMS 1.3).
 */
public final class RetrievalMode extends OctetToken {

  private static final Table<RetrievalMode> T = new Table<>(RetrievalMode::new);

  /** Manual (0x80). */
  public static final RetrievalMode MANUAL = T.define(0x80, "Manual");

  private RetrievalMode(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static RetrievalMode valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<RetrievalMode> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<RetrievalMode> values() {
    return T.values();
  }
}
