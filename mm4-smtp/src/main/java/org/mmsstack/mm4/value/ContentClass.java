package org.mmsstack.mm4.value;

import java.util.Optional;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.Tokens;

/**
 * X-Mms-Content-Class (Rel-6): the content class an MM conforms to.
 *
 * <p>Tokens match case-insensitively on parse ({@link #fromToken(String)}); {@link #token()} is
 * the spelling of 3GPP TS 23.140, which the formatter writes.
 */
public enum ContentClass {
  /** {@code text}. */
  TEXT("text"),
  /** {@code image-basic}. */
  IMAGE_BASIC("image-basic"),
  /** {@code image-rich}. */
  IMAGE_RICH("image-rich"),
  /** {@code video-basic}. */
  VIDEO_BASIC("video-basic"),
  /** {@code video-rich}. */
  VIDEO_RICH("video-rich"),
  /** {@code megapixel}. */
  MEGAPIXEL("megapixel"),
  /** {@code content-basic}. */
  CONTENT_BASIC("content-basic"),
  /** {@code content-rich}. */
  CONTENT_RICH("content-rich");

  /** The header this value belongs to. */
  public static final String HEADER = Mm4HeaderNames.CONTENT_CLASS;

  private static final ContentClass[] VALUES = values();

  private final String token;

  ContentClass(String token) {
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
  public static Optional<ContentClass> fromToken(String token) {
    return Tokens.find(VALUES, ContentClass::token, token);
  }

  @Override
  public String toString() {
    return token;
  }
}
