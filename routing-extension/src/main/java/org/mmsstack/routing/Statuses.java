package org.mmsstack.routing;

import org.mmsstack.encapsulation.value.ResponseStatus;

/** Maps binary response statuses onto the MM4 X-Mms-Request-Status-Code set. */
final class Statuses {

  private Statuses() {}

  /**
   * The MM4 token for a binary status. MM4 only has the nine MMS 1.0 codes, so the finer 1.1+
   * codes map to the 1.0 code of the same meaning (as {@code ValueMapping} in mm4-smtp maps them), and to Error-unspecified
   * when none fits.
   */
  static String mm4(ResponseStatus status) {
    int c = status.code();
    if (c >= 0x80 && c <= 0x88) {
      return status.name();
    }
    return switch (c) {
      case 0xC1, 0xE3 -> "Error-sending-address-unresolved";
      case 0xC2, 0xE4 -> "Error-message-not-found";
      case 0xC3 -> "Error-network-problem";
      case 0xE1 -> "Error-service-denied";
      case 0xE2 -> "Error-message-format-corrupt";
      case 0xE5 -> "Error-content-not-accepted";
      default -> "Error-unspecified";
    };
  }
}
