package org.mmsstack.mm4.value;

import java.util.Optional;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Tokens;

/**
 * X-Mms-MM-Status-Code: what became of an MM, as MM4_delivery_report.REQ reports it. The tokens map one to one onto the binary X-Mms-Status values.
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum MmStatusCode {
  /** {@code Expired}. */
  EXPIRED("Expired"),
  /** {@code Retrieved}. */
  RETRIEVED("Retrieved"),
  /** {@code Rejected}. */
  REJECTED("Rejected"),
  /** {@code Deferred}. */
  DEFERRED("Deferred"),
  /** {@code Indeterminate}. */
  INDETERMINATE("Indeterminate"),
  /** {@code Forwarded}. */
  FORWARDED("Forwarded"),
  /** {@code Unrecognised}. */
  UNRECOGNISED("Unrecognised");

  /** The header this value belongs to. */
  public static final String HEADER = Mm4HeaderNames.MM_STATUS_CODE;

  private static final MmStatusCode[] VALUES = values();

  private final String token;

  MmStatusCode(String token) {
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
  public static Optional<MmStatusCode> fromToken(String token) {
    return Tokens.find(VALUES, MmStatusCode::token, token);
  }

  @Override
  public String toString() {
    return token;
  }
}
