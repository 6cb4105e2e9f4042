package org.mmsstack.mm4.value;

import java.util.Optional;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Tokens;

/**
 * X-Mms-Priority of an MM.
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum Priority {
  /** {@code Low}. */
  LOW("Low"),
  /** {@code Normal}. */
  NORMAL("Normal"),
  /** {@code High}. */
  HIGH("High");

  /** The header this value belongs to. */
  public static final String HEADER = Mm4HeaderNames.PRIORITY;

  private static final Priority[] VALUES = values();

  private final String token;

  Priority(String token) {
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
  public static Optional<Priority> fromToken(String token) {
    return Tokens.find(VALUES, Priority::token, token);
  }

  @Override
  public String toString() {
    return token;
  }
}
