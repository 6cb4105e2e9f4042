package org.mmsstack.encapsulation.value;

import java.util.Objects;
import java.util.Optional;

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

    // Made once so that fromCode(int) does not allocate: the decoder calls it per header.
    private final Optional<Operation> self;

    Operation(int code) {
      this.code = code;
      this.self = Optional.of(this);
    }

    /** The wire octet. */
    public int code() {
      return code;
    }

    /**
     * The operation for an octet 0x80-0x82, or empty for any other octet. Allocates nothing: the
     * Optionals are made once.
     */
    public static Optional<Operation> fromCode(int code) {
      switch (code) {
        case 0x80:
          return ADD.self;
        case 0x81:
          return REMOVE.self;
        case 0x82:
          return FILTER.self;
        default:
          return Optional.empty();
      }
    }
  }

  public MmFlags {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(keyword, "keyword");
  }
}
