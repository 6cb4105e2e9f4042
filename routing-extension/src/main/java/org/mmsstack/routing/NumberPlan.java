package org.mmsstack.routing;

import java.util.Objects;

/**
 * How national PLMN numbers become E.164: the MMSE's country code and its national and
 * international dialling prefixes. A phone may address {@code 0171 1234567/TYPE=PLMN}; the
 * routing data is keyed by international numbers ({@code 491711234567}), so every
 * Relay/Server must rewrite the same way or two of them would route one recipient
 * differently.
 *
 * @param countryCode the E.164 country code, digits only, or empty to treat every number
 *     without {@code +} or international prefix as already international
 * @param nationalPrefix the trunk prefix (usually {@code 0}), or empty
 * @param internationalPrefix the international access prefix (usually {@code 00}), or empty
 *
 * <p>Immutable and thread-safe.
 */
@Provisional
public record NumberPlan(String countryCode, String nationalPrefix, String internationalPrefix) {

  /** Numbers are international already; only {@code +} and separators are removed. */
  public static final NumberPlan INTERNATIONAL_ONLY = new NumberPlan("", "", "");

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException when a component has a non-digit, or a national prefix
   *     is given without a country code
   */
  public NumberPlan {
    check("countryCode", countryCode, 3);
    check("nationalPrefix", nationalPrefix, 4);
    check("internationalPrefix", internationalPrefix, 4);
    if (!nationalPrefix.isEmpty() && countryCode.isEmpty()) {
      throw new IllegalArgumentException(
          "nationalPrefix: " + nationalPrefix + " (needs a countryCode)");
    }
  }

  private static void check(String name, String v, int max) {
    Objects.requireNonNull(v, name);
    if (v.length() > max) {
      throw new IllegalArgumentException(name + ": " + v + " (expected: 0-" + max + " digits)");
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        throw new IllegalArgumentException(name + ": " + v + " (expected: digits)");
      }
    }
  }
}
