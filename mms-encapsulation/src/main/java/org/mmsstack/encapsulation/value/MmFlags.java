package org.mmsstack.encapsulation.value;

import java.util.Objects;

/**
 * An X-Mms-MM-Flags value (0x24, MMS 1.2): add, remove or filter by a keyword.
 *
 * @param operation what to do with the keyword
 * @param keyword the keyword
 */
public record MmFlags(Operation operation, EncodedString keyword) {

  /** The token before the keyword. */
  public enum Operation {
    ADD(0x80),
    REMOVE(0x81),
    FILTER(0x82);

    private final int code;

    Operation(int code) {
      this.code = code;
    }

    /** The wire octet. */
    public int code() {
      return code;
    }

    /** The operation for an octet, or {@code null}. */
    public static Operation valueOf(int code) {
      return code >= 0x80 && code <= 0x82 ? values()[code - 0x80] : null;
    }
  }

  public MmFlags {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(keyword, "keyword");
  }
}
