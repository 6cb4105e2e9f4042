package org.mmsstack.mm4;

import java.util.Optional;
import org.mmsstack.mm4.internal.Tokens;

/**
 * X-Mms-Message-Type: the six MM4 messages.
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum Mm4MessageType {
  /** {@code MM4_forward.REQ}. */
  FORWARD_REQ("MM4_forward.REQ"),
  /** {@code MM4_forward.RES}. */
  FORWARD_RES("MM4_forward.RES"),
  /** {@code MM4_delivery_report.REQ}. */
  DELIVERY_REPORT_REQ("MM4_delivery_report.REQ"),
  /** {@code MM4_delivery_report.RES}. */
  DELIVERY_REPORT_RES("MM4_delivery_report.RES"),
  /** {@code MM4_read_reply_report.REQ}. */
  READ_REPLY_REPORT_REQ("MM4_read_reply_report.REQ"),
  /** {@code MM4_read_reply_report.RES}. */
  READ_REPLY_REPORT_RES("MM4_read_reply_report.RES");

  /** The header this value belongs to. */
  public static final String HEADER = Mm4HeaderNames.MESSAGE_TYPE;

  private static final Mm4MessageType[] VALUES = values();

  private final String token;

  Mm4MessageType(String token) {
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
  public static Optional<Mm4MessageType> fromToken(String token) {
    return Tokens.find(VALUES, Mm4MessageType::token, token);
  }

  /** @return whether this is one of the three requests */
  public boolean isRequest() {
    return token.endsWith(".REQ");
  }

  /** @return the response that answers this request, or this type when it is a response */
  public Mm4MessageType response() {
    switch (this) {
      case FORWARD_REQ:
        return FORWARD_RES;
      case DELIVERY_REPORT_REQ:
        return DELIVERY_REPORT_RES;
      case READ_REPLY_REPORT_REQ:
        return READ_REPLY_REPORT_RES;
      default:
        return this;
    }
  }

  @Override
  public String toString() {
    return token;
  }
}
