package org.mmsstack.routing;

import java.util.Optional;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * Why a recipient is rejected, with the status a Relay/Server answers with.
 *
 * <p>The status is the binary X-Mms-Response-Status of an m-send-conf (OMA-TS-MMS_ENC §7.3.48;
 * the 1.1+ permanent and transient codes). Whether it is transient
 * ({@link ResponseStatus#isTransientError()}) and which MM4 X-Mms-Request-Status-Code it becomes
 * ({@link RouteDecision.Rejection#mm4StatusCode()}) follow from that status by the one mapping
 * those types own, so they are not repeated here. Thread-safe (an enum).
 */
@Provisional
public enum RejectReason {

  /** The recipient is not a subscriber this MMSE knows: 0xE3 Error-permanent-sending-address-unresolved. */
  UNKNOWN_RECIPIENT("unknown-recipient", 0xE3),

  /** The recipient may not receive MMs (barred, suspended): 0xE1 Error-permanent-service-denied. */
  BARRED("barred", 0xE1),

  /**
   * The address is not a valid number or domain (bad characters, more than 15 digits): 0xE3
   * Error-permanent-sending-address-unresolved. Lookups return this instead of throwing.
   */
  INVALID_ADDRESS("invalid-address", 0xE3),

  /**
   * Nothing matched and the table has no default route: 0xE3
   * Error-permanent-sending-address-unresolved.
   */
  NO_ROUTE("no-route", 0xE3),

  /** The destination is known but cannot be reached now: 0xC3
   * Error-transient-network-problem. */
  UNREACHABLE("unreachable", 0xC3),

  /** Refused for a reason not listed: 0xE0 Error-permanent-failure. */
  REFUSED("refused", 0xE0);

  private static final RejectReason[] VALUES = values();

  private final String token;
  private final ResponseStatus responseStatus;

  RejectReason(String token, int responseStatus) {
    this.token = token;
    this.responseStatus = ResponseStatus.valueOf(responseStatus);
  }

  /** The name used in the routing table file, e.g. {@code unknown-recipient}. */
  public String token() {
    return token;
  }

  /** The binary X-Mms-Response-Status (one of the 0xC0-0xFF error codes) to answer with. */
  public ResponseStatus responseStatus() {
    return responseStatus;
  }

  /** The reason with the given {@link #token()}, if there is one. */
  public static Optional<RejectReason> fromToken(CharSequence token) {
    for (RejectReason r : VALUES) {
      if (r.token.contentEquals(token)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
