package org.mmsstack.mm4.value;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.Mm4Message;

/**
 * X-Mms-Message-Class: an open set. The four classes of TS 23.140 are constants; any other token
 * (operators send private classes) is kept as it came, so nothing is lost on a round trip.
 * Equality ignores case.
 */
public final class MessageClass {

  /** {@code Personal}. */
  public static final MessageClass PERSONAL = new MessageClass("Personal");
  /** {@code Advertisement}. */
  public static final MessageClass ADVERTISEMENT = new MessageClass("Advertisement");
  /** {@code Informational}. */
  public static final MessageClass INFORMATIONAL = new MessageClass("Informational");
  /** {@code Auto}. */
  public static final MessageClass AUTO = new MessageClass("Auto");

  private static final MessageClass[] KNOWN = {PERSONAL, ADVERTISEMENT, INFORMATIONAL, AUTO};

  private final String token;

  private MessageClass(String token) {
    this.token = token;
  }

  /**
   * Returns the constant for a known token (any case), or a new instance keeping an unknown one.
   *
   * @param token the header value; surrounding white space is ignored
   * @return the message class
   * @throws IllegalArgumentException if the token is empty or holds a line break
   */
  public static MessageClass of(String token) {
    Objects.requireNonNull(token, "token");
    return parse(token).orElseThrow(
        () -> new IllegalArgumentException("token: \"" + token + "\" (expected: a non-empty single line)"));
  }

  /**
   * Reads a header value the way {@link Mm4Message#messageClass()} does: like {@link #of}, but
   * empty instead of an exception when the value is blank (or not a single line).
   *
   * @param value the header value
   * @return the message class, or empty
   */
  public static Optional<MessageClass> parse(String value) {
    String t = value.strip();
    if (t.isEmpty() || t.indexOf('\r') >= 0 || t.indexOf('\n') >= 0) {
      return Optional.empty();
    }
    for (MessageClass k : KNOWN) {
      if (k.token.equalsIgnoreCase(t)) {
        return Optional.of(k);
      }
    }
    return Optional.of(new MessageClass(t));
  }

  /** @return the token (for the four known classes, TS 23.140's spelling) */
  public String token() {
    return token;
  }

  /** @return whether this is one of the four classes TS 23.140 defines */
  public boolean isKnown() {
    for (MessageClass k : KNOWN) {
      if (k == this) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageClass && ((MessageClass) o).token.equalsIgnoreCase(token);
  }

  @Override
  public int hashCode() {
    return token.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return token;
  }
}
