package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Response-Status (0x12). Codes 0xC0-0xDF are transient errors, 0xE0-0xFF permanent ones; an unknown code inside a range means that range's generic error (see {@link #generic()}). 0x81-0x88 are the MMS 1.0 codes, obsolete from 1.1.
 */
public final class ResponseStatus extends OctetToken {

  private static final Table<ResponseStatus> T = new Table<>(ResponseStatus::new);

  /** Ok (0x80). */
  public static final ResponseStatus OK = T.define(0x80, "Ok");

  /** Error-unspecified (0x81). */
  public static final ResponseStatus ERROR_UNSPECIFIED = T.define(0x81, "Error-unspecified");

  /** Error-service-denied (0x82). */
  public static final ResponseStatus ERROR_SERVICE_DENIED = T.define(0x82, "Error-service-denied");

  /** Error-message-format-corrupt (0x83). */
  public static final ResponseStatus ERROR_MESSAGE_FORMAT_CORRUPT =
      T.define(0x83, "Error-message-format-corrupt");

  /** Error-sending-address-unresolved (0x84). */
  public static final ResponseStatus ERROR_SENDING_ADDRESS_UNRESOLVED =
      T.define(0x84, "Error-sending-address-unresolved");

  /** Error-message-not-found (0x85). */
  public static final ResponseStatus ERROR_MESSAGE_NOT_FOUND =
      T.define(0x85, "Error-message-not-found");

  /** Error-network-problem (0x86). */
  public static final ResponseStatus ERROR_NETWORK_PROBLEM =
      T.define(0x86, "Error-network-problem");

  /** Error-content-not-accepted (0x87). */
  public static final ResponseStatus ERROR_CONTENT_NOT_ACCEPTED =
      T.define(0x87, "Error-content-not-accepted");

  /** Error-unsupported-message (0x88). */
  public static final ResponseStatus ERROR_UNSUPPORTED_MESSAGE =
      T.define(0x88, "Error-unsupported-message");

  /** Error-transient-failure (0xC0). */
  public static final ResponseStatus ERROR_TRANSIENT_FAILURE =
      T.define(0xC0, "Error-transient-failure");

  /** Error-transient-sending-address-unresolved (0xC1). */
  public static final ResponseStatus ERROR_TRANSIENT_SENDING_ADDRESS_UNRESOLVED =
      T.define(0xC1, "Error-transient-sending-address-unresolved");

  /** Error-transient-message-not-found (0xC2). */
  public static final ResponseStatus ERROR_TRANSIENT_MESSAGE_NOT_FOUND =
      T.define(0xC2, "Error-transient-message-not-found");

  /** Error-transient-network-problem (0xC3). */
  public static final ResponseStatus ERROR_TRANSIENT_NETWORK_PROBLEM =
      T.define(0xC3, "Error-transient-network-problem");

  /** Error-transient-partial-success (0xC4). */
  public static final ResponseStatus ERROR_TRANSIENT_PARTIAL_SUCCESS =
      T.define(0xC4, "Error-transient-partial-success");

  /** Error-permanent-failure (0xE0). */
  public static final ResponseStatus ERROR_PERMANENT_FAILURE =
      T.define(0xE0, "Error-permanent-failure");

  /** Error-permanent-service-denied (0xE1). */
  public static final ResponseStatus ERROR_PERMANENT_SERVICE_DENIED =
      T.define(0xE1, "Error-permanent-service-denied");

  /** Error-permanent-message-format-corrupt (0xE2). */
  public static final ResponseStatus ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT =
      T.define(0xE2, "Error-permanent-message-format-corrupt");

  /** Error-permanent-sending-address-unresolved (0xE3). */
  public static final ResponseStatus ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED =
      T.define(0xE3, "Error-permanent-sending-address-unresolved");

  /** Error-permanent-message-not-found (0xE4). */
  public static final ResponseStatus ERROR_PERMANENT_MESSAGE_NOT_FOUND =
      T.define(0xE4, "Error-permanent-message-not-found");

  /** Error-permanent-content-not-accepted (0xE5). */
  public static final ResponseStatus ERROR_PERMANENT_CONTENT_NOT_ACCEPTED =
      T.define(0xE5, "Error-permanent-content-not-accepted");

  /** Error-permanent-reply-charging-limitations-not-met (0xE6). */
  public static final ResponseStatus ERROR_PERMANENT_REPLY_CHARGING_LIMITATIONS_NOT_MET =
      T.define(0xE6, "Error-permanent-reply-charging-limitations-not-met");

  /** Error-permanent-reply-charging-request-not-accepted (0xE7). */
  public static final ResponseStatus ERROR_PERMANENT_REPLY_CHARGING_REQUEST_NOT_ACCEPTED =
      T.define(0xE7, "Error-permanent-reply-charging-request-not-accepted");

  /** Error-permanent-reply-charging-forwarding-denied (0xE8). */
  public static final ResponseStatus ERROR_PERMANENT_REPLY_CHARGING_FORWARDING_DENIED =
      T.define(0xE8, "Error-permanent-reply-charging-forwarding-denied");

  /** Error-permanent-reply-charging-not-supported (0xE9). */
  public static final ResponseStatus ERROR_PERMANENT_REPLY_CHARGING_NOT_SUPPORTED =
      T.define(0xE9, "Error-permanent-reply-charging-not-supported");

  /** Error-permanent-address-hiding-not-supported (0xEA). */
  public static final ResponseStatus ERROR_PERMANENT_ADDRESS_HIDING_NOT_SUPPORTED =
      T.define(0xEA, "Error-permanent-address-hiding-not-supported");

  /** Error-permanent-lack-of-prepaid (0xEB). */
  public static final ResponseStatus ERROR_PERMANENT_LACK_OF_PREPAID =
      T.define(0xEB, "Error-permanent-lack-of-prepaid");

  private ResponseStatus(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static ResponseStatus valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<ResponseStatus> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<ResponseStatus> values() {
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
  public ResponseStatus generic() {
    if (isKnown()) {
      return this;
    }
    return isTransientError() ? ERROR_TRANSIENT_FAILURE : ERROR_PERMANENT_FAILURE;
  }
}
