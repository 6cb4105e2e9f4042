package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Read-Status (0x1B, MMS 1.1).
 */
public final class ReadStatus extends OctetToken {

  private static final Table<ReadStatus> T = new Table<>(ReadStatus::new);

  /** Read (0x80). */
  public static final ReadStatus READ = T.define(0x80, "Read");

  /** Deleted without being read (0x81). */
  public static final ReadStatus DELETED_WITHOUT_BEING_READ =
      T.define(0x81, "Deleted without being read");

  private ReadStatus(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static ReadStatus valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<ReadStatus> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<ReadStatus> values() {
    return T.values();
  }
}
