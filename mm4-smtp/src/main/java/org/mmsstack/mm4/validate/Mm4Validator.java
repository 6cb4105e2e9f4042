package org.mmsstack.mm4.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.internal.Checks;
import org.mmsstack.mm4.internal.MimeAccess;

/**
 * Checks an MM4 message against TS 23.140: mandatory elements per message type, values that do
 * not parse as their type, fields that should appear once. Each finding names the header and has
 * a code of {@link Mm4FindingCodes}. Missing mandatory elements and bad values of mandatory
 * elements are errors; bad optional values and repeated fields are warnings; unknown but legal
 * values (a private message class) are infos.
 *
 * <p>Decoding runs the same checks on every message (strict decoding fails on the first error),
 * so a decoded message already carries these findings, with lines, in {@link
 * Mm4Message#findings()}; this class is for built or changed messages. The base64 and
 * quoted-printable bodies that decoding located without checking them ({@link
 * org.mmsstack.mm4.Mm4Config#checkBodies()} off, the lenient default) are checked here too (as
 * {@link org.mmsstack.mm4.mime.MimeEntity#checkData()} does), so that no finding of theirs is
 * lost: each body is checked leniently whatever the configuration the message was decoded with
 * (a strict one would stop at the first error), and a body that cannot be decoded is one ERROR
 * finding with the code of the exception's reason ({@link Mm4FindingCodes}), the code {@code mms
 * validate} gives mail that cannot be decoded.
 * Stateless and thread-safe; it never throws for a bad message.
 */
public final class Mm4Validator {

  private Mm4Validator() {}

  /**
   * Validates a message.
   *
   * @param message the message
   * @return the findings ordered by byte offset (for a decoded message) with findings that concern
   *     the message as a whole (a missing header) last; clean when the message is valid
   */
  public static ValidationReport validate(Mm4Message message) {
    List<Finding> found = new ArrayList<>();
    try {
      Checks.check(message, found::add, o -> Finding.NO_LINE);
    } catch (Mm4FormatException e) {
      throw new AssertionError("a collecting sink does not throw", e);
    }
    found.addAll(MimeAccess.get().dataFindings(message.content()));
    found.sort(Comparator.comparingLong(f -> f.hasOffset() ? f.offset() : Long.MAX_VALUE));
    return new ValidationReport(found);
  }
}
