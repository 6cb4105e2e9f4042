package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Store-Status (0x25, MMS 1.2). Unknown 0xC0-0xDF codes mean Error-transient-failure, any other unknown code Error-permanent-failure (see {@link #generic()}).
 */
public final class StoreStatus extends OctetToken {

  private static final Table<StoreStatus> T = new Table<>(StoreStatus::new);

  /** Success (0x80). */
  public static final StoreStatus SUCCESS = T.define(0x80, "Success");

  /** Error-transient-failure (0xC0). */
  public static final StoreStatus ERROR_TRANSIENT_FAILURE =
      T.define(0xC0, "Error-transient-failure");

  /** Error-transient-network-problem (0xC1). */
  public static final StoreStatus ERROR_TRANSIENT_NETWORK_PROBLEM =
      T.define(0xC1, "Error-transient-network-problem");

  /** Error-permanent-failure (0xE0). */
  public static final StoreStatus ERROR_PERMANENT_FAILURE =
      T.define(0xE0, "Error-permanent-failure");

  /** Error-permanent-service-denied (0xE1). */
  public static final StoreStatus ERROR_PERMANENT_SERVICE_DENIED =
      T.define(0xE1, "Error-permanent-service-denied");

  /** Error-permanent-message-format-corrupt (0xE2). */
  public static final StoreStatus ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT =
      T.define(0xE2, "Error-permanent-message-format-corrupt");

  /** Error-permanent-message-not-found (0xE3). */
  public static final StoreStatus ERROR_PERMANENT_MESSAGE_NOT_FOUND =
      T.define(0xE3, "Error-permanent-message-not-found");

  /** Error-permanent-MMBox-full (0xE4). */
  public static final StoreStatus ERROR_PERMANENT_MMBOX_FULL =
      T.define(0xE4, "Error-permanent-MMBox-full");

  private StoreStatus(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static StoreStatus valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<StoreStatus> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<StoreStatus> values() {
    return T.values();
  }

  /** Whether this reports success. */
  public boolean isOk() {
    return code() == 0x80;
  }

  /** Whether this is a transient error (0xC0-0xDF): trying again later may succeed. */
  public boolean isTransientError() {
    return code() >= 0xC0 && code() <= 0xDF;
  }

  /** Whether this is a permanent error: any code that is neither Ok nor transient. */
  public boolean isPermanentError() {
    return !isOk() && !isTransientError();
  }

  /**
   * The value a receiver acts on: this one when it is known, else the generic error of its
   * range ({@link #ERROR_TRANSIENT_FAILURE} for 0xC0-0xDF, {@link #ERROR_PERMANENT_FAILURE} for anything else).
   */
  public StoreStatus generic() {
    if (isKnown()) {
      return this;
    }
    return isTransientError() ? ERROR_TRANSIENT_FAILURE : ERROR_PERMANENT_FAILURE;
  }
}
