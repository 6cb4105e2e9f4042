package org.mmsstack.mm4.value;

import java.util.Optional;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Tokens;

/**
 * X-Mms-Request-Status-Code: the status an MM4 response reports (TS 23.140 §8.4).
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum RequestStatusCode {
  /** {@code Ok}. */
  OK("Ok"),
  /** {@code Error-unspecified}. */
  ERROR_UNSPECIFIED("Error-unspecified"),
  /** {@code Error-service-denied}. */
  ERROR_SERVICE_DENIED("Error-service-denied"),
  /** {@code Error-message-format-corrupt}. */
  ERROR_MESSAGE_FORMAT_CORRUPT("Error-message-format-corrupt"),
  /** {@code Error-sending-address-unresolved}. */
  ERROR_SENDING_ADDRESS_UNRESOLVED("Error-sending-address-unresolved"),
  /** {@code Error-message-not-found}. */
  ERROR_MESSAGE_NOT_FOUND("Error-message-not-found"),
  /** {@code Error-network-problem}. */
  ERROR_NETWORK_PROBLEM("Error-network-problem"),
  /** {@code Error-content-not-accepted}. */
  ERROR_CONTENT_NOT_ACCEPTED("Error-content-not-accepted"),
  /** {@code Error-unsupported-message}. */
  ERROR_UNSUPPORTED_MESSAGE("Error-unsupported-message");

  /** The header this value belongs to. */
  public static final String HEADER = Mm4HeaderNames.REQUEST_STATUS_CODE;

  private static final RequestStatusCode[] VALUES = values();

  private final String token;

  RequestStatusCode(String token) {
    this.token = token;
  }

  /** @return the token as TS 23.140 spells it */
  public String token() {
    return token;
  }

  /**
   * Looks a token up, ignoring case and surrounding white space.
   *
   * @param token the header value
   * @return the constant, or empty when the token is not one of this set
   */
  public static Optional<RequestStatusCode> fromToken(String token) {
    return Tokens.find(VALUES, RequestStatusCode::token, token);
  }

  @Override
  public String toString() {
    return token;
  }
}
