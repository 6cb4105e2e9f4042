package org.mmsstack.mm4.value;

import java.util.Optional;
import org.mmsstack.mm4.internal.Tokens;

/**
 * The Yes/No value of X-Mms-Delivery-Report, X-Mms-Read-Reply, X-Mms-Ack-Request, X-Mms-DRM-Content and X-Mms-Adaptation-Allowed.
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum YesNo {
  /** {@code Yes}. */
  YES("Yes"),
  /** {@code No}. */
  NO("No");

  private static final YesNo[] VALUES = values();

  private final String token;

  YesNo(String token) {
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
  public static Optional<YesNo> fromToken(String token) {
    return Tokens.find(VALUES, YesNo::token, token);
  }

  /** @return {@code true} for {@link #YES} */
  public boolean asBoolean() {
    return this == YES;
  }

  /**
   * @param value a boolean
   * @return {@link #YES} for {@code true}, {@link #NO} for {@code false}
   */
  public static YesNo of(boolean value) {
    return value ? YES : NO;
  }

  @Override
  public String toString() {
    return token;
  }
}
