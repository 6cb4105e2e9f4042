package org.mmsstack.mm4.value;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code /TYPE=} suffix of an MM4 address local part (TS 23.140 §8.4 and OMA MMS
 * Encapsulation §8): {@code PLMN} for an MSISDN, {@code IPv4}, {@code IPv6}. The suffix matches
 * case-insensitively; other types are kept as written. Equality ignores case.
 */
public final class AddressType {

  /** {@code PLMN}: an E.164 number (MSISDN). */
  public static final AddressType PLMN = new AddressType("PLMN");

  /** {@code IPv4}: a dotted-quad address. */
  public static final AddressType IPV4 = new AddressType("IPv4");

  /** {@code IPv6}: an IPv6 address. */
  public static final AddressType IPV6 = new AddressType("IPv6");

  private static final AddressType[] KNOWN = {PLMN, IPV4, IPV6};

  private final String token;

  private AddressType(String token) {
    this.token = token;
  }

  /**
   * Returns the constant for a known type (any case), or a new instance keeping an unknown one.
   *
   * @param token the text after {@code /TYPE=}
   * @return the address type
   * @throws IllegalArgumentException if the token is empty or holds characters an address
   *     suffix cannot carry
   */
  public static AddressType of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token: \"\" (expected: non-empty)");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '@' || c == '/' || c == '<' || c == '>' || c == ','
          || c == '"') {
        throw new IllegalArgumentException(
            "token: \"" + token + "\" (expected: printable ASCII without specials)");
      }
    }
    for (AddressType k : KNOWN) {
      if (k.token.equalsIgnoreCase(token)) {
        return k;
      }
    }
    return new AddressType(token);
  }

  /** @return the type token */
  public String token() {
    return token;
  }

  /** @return whether this is PLMN, IPv4 or IPv6 */
  public boolean isKnown() {
    return this == PLMN || this == IPV4 || this == IPV6;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressType && ((AddressType) o).token.equalsIgnoreCase(token);
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
