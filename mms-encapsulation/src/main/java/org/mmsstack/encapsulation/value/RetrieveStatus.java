package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Retrieve-Status (0x19, MMS 1.1). Unknown 0xC0-0xDF codes mean Error-transient-failure, any other unknown code Error-permanent-failure (see {@link #generic()}).
 */
public final class RetrieveStatus extends OctetToken {

  private static final Table<RetrieveStatus> T = new Table<>(RetrieveStatus::new);

  /** Ok (0x80). */
  public static final RetrieveStatus OK = T.define(0x80, "Ok");

  /** Error-transient-failure (0xC0). */
  public static final RetrieveStatus ERROR_TRANSIENT_FAILURE =
      T.define(0xC0, "Error-transient-failure");

  /** Error-transient-message-not-found (0xC1). */
  public static final RetrieveStatus ERROR_TRANSIENT_MESSAGE_NOT_FOUND =
      T.define(0xC1, "Error-transient-message-not-found");

  /** Error-transient-network-problem (0xC2). */
  public static final RetrieveStatus ERROR_TRANSIENT_NETWORK_PROBLEM =
      T.define(0xC2, "Error-transient-network-problem");

  /** Error-permanent-failure (0xE0). */
  public static final RetrieveStatus ERROR_PERMANENT_FAILURE =
      T.define(0xE0, "Error-permanent-failure");

  /** Error-permanent-service-denied (0xE1). */
  public static final RetrieveStatus ERROR_PERMANENT_SERVICE_DENIED =
      T.define(0xE1, "Error-permanent-service-denied");

  /** Error-permanent-message-not-found (0xE2). */
  public static final RetrieveStatus ERROR_PERMANENT_MESSAGE_NOT_FOUND =
      T.define(0xE2, "Error-permanent-message-not-found");

  /** Error-permanent-content-unsupported (0xE3). */
  public static final RetrieveStatus ERROR_PERMANENT_CONTENT_UNSUPPORTED =
      T.define(0xE3, "Error-permanent-content-unsupported");

  private RetrieveStatus(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static RetrieveStatus valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<RetrieveStatus> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<RetrieveStatus> values() {
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
  public RetrieveStatus generic() {
    if (isKnown()) {
      return this;
    }
    return isTransientError() ? ERROR_TRANSIENT_FAILURE : ERROR_PERMANENT_FAILURE;
  }
}
