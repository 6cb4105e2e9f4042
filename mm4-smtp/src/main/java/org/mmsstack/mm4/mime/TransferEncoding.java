package org.mmsstack.mm4.mime;

import java.util.Optional;
import org.mmsstack.mm4.internal.Tokens;
import org.mmsstack.mm4.internal.mime.Syntax;

/** Content-Transfer-Encoding (RFC 2045 §6, RFC 3030 for binary). */
public enum TransferEncoding {
  /** {@code 7bit}: short lines of US-ASCII, CRLF line ends. */
  SEVEN_BIT("7bit"),
  /** {@code 8bit}: short lines, any octet but NUL, CRLF line ends (needs 8BITMIME). */
  EIGHT_BIT("8bit"),
  /** {@code binary}: any octets (needs BINARYMIME). */
  BINARY("binary"),
  /** {@code base64}. */
  BASE64("base64"),
  /** {@code quoted-printable}. */
  QUOTED_PRINTABLE("quoted-printable");

  private final String token;

  TransferEncoding(String token) {
    this.token = token;
  }

  /** @return the token as written in the header */
  public String token() {
    return token;
  }

  /** @return whether the data travels as it is (no decoding) */
  public boolean isIdentity() {
    return this == SEVEN_BIT || this == EIGHT_BIT || this == BINARY;
  }

  private static final TransferEncoding[] VALUES = values();

  /**
   * Looks a token up, ignoring case (RFC 2045 §6.1) and surrounding white space.
   *
   * @param token the header value
   * @return the encoding, or empty for a token this codec does not know
   */
  public static Optional<TransferEncoding> fromToken(String token) {
    return Tokens.find(VALUES, TransferEncoding::token, token);
  }

  /**
   * {@link #fromToken} for the parser: null for an unknown token, and the usual value (the
   * shared lower-case token, which a decoded field reads as) found by identity first.
   */
  static TransferEncoding forToken(String token) {
    for (TransferEncoding e : VALUES) {
      if (e.token == token) {
        return e;
      }
    }
    String t = Syntax.strip(token);
    for (TransferEncoding e : VALUES) {
      if (e.token.equalsIgnoreCase(t)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return token;
  }
}
