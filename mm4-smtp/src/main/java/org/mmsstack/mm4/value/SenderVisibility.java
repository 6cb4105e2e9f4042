package org.mmsstack.mm4.value;

import java.util.Optional;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Tokens;

/**
 * X-Mms-Sender-Visibility: whether the sender's address may be shown to the recipient.
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum SenderVisibility {
  /** {@code Hide}. */
  HIDE("Hide"),
  /** {@code Show}. */
  SHOW("Show");

  /** The header this value belongs to. */
  public static final String HEADER = Mm4HeaderNames.SENDER_VISIBILITY;

  private static final SenderVisibility[] VALUES = values();

  private final String token;

  SenderVisibility(String token) {
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
  public static Optional<SenderVisibility> fromToken(String token) {
    return Tokens.find(VALUES, SenderVisibility::token, token);
  }

  @Override
  public String toString() {
    return token;
  }
}
