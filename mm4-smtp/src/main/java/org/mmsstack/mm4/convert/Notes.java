package org.mmsstack.mm4.convert;

import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * The findings a conversion reports ({@link Conversion#notes()}): what did not carry over, named
 * by the header (or {@code part N: header}) concerned. They have no offset: they are about the
 * source message's values, not its octets.
 */
final class Notes {

  private Notes() {}

  /** {@code field} was left out: a WARNING. */
  static Finding dropped(String field, String message) {
    return Finding.of(
        Severity.WARNING, Mm4FindingCodes.CONVERSION_DROPPED, Finding.NO_OFFSET, field, message);
  }

  /** {@code field} was left out on purpose (a sender who asked to be hidden): INFO. */
  static Finding withheld(String field, String message) {
    return Finding.of(
        Severity.INFO, Mm4FindingCodes.CONVERSION_DROPPED, Finding.NO_OFFSET, field, message);
  }

  /** {@code field} was carried over in another form: INFO. */
  static Finding mapped(String field, String message) {
    return Finding.of(
        Severity.INFO, Mm4FindingCodes.CONVERSION_MAPPED, Finding.NO_OFFSET, field, message);
  }
}
