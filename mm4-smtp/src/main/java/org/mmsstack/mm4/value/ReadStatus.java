package org.mmsstack.mm4.value;

import java.util.Optional;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Tokens;

/**
 * X-Mms-Read-Status: what the recipient did with an MM (MM4_read_reply_report.REQ).
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum ReadStatus {
  /** {@code Read}. */
  READ("Read"),
  /** {@code Deleted without being read}. */
  DELETED_WITHOUT_BEING_READ("Deleted without being read");

  /** The header this value belongs to. */
  public static final String HEADER = Mm4HeaderNames.READ_STATUS;

  private static final ReadStatus[] VALUES = values();

  private final String token;

  ReadStatus(String token) {
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
  public static Optional<ReadStatus> fromToken(String token) {
    return Tokens.find(VALUES, ReadStatus::token, token);
  }

  @Override
  public String toString() {
    return token;
  }
}
