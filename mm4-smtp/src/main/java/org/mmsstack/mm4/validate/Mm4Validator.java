package org.mmsstack.mm4.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
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
 * <pre>{@code
 * ValidationReport report = Mm4Validator.validate(mailBytes);
 * if (report.hasErrors()) {
 *   report.findings().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>{@link #validate(byte[], Mm4Config)} decodes the mail and reports everything: the findings
 * of decoding (which runs these checks, with lines, on every message) and those of the bodies
 * whose check decoding deferred; mail that cannot be decoded at all gives one ERROR finding
 * {@code undecodable-<reason>}. {@link #validate(Mm4Message)} takes a message decoded, built or
 * changed: the findings decoding recorded ({@link Mm4Message#findings()}) and the checks run
 * again on the message as it is, without repeating one. Both check the base64 and quoted-printable bodies that decoding
 * located without checking them ({@link Mm4Config#checkBodies()} off, the lenient default), as
 * {@link org.mmsstack.mm4.mime.MimeEntity#checkData()} does, so that no finding of theirs is
 * lost: each body is checked leniently whatever the configuration the message was decoded with
 * (a strict one would stop at the first error), and a body that cannot be decoded is one ERROR
 * finding with the code of the exception's reason ({@link Mm4FindingCodes}): the mail as a whole
 * was decoded.
 *
 * <p>Stateless and thread-safe. It never throws for bad input; a {@code null} argument is a
 * {@link NullPointerException}.
 */
public final class Mm4Validator {

  private Mm4Validator() {}

  /** Same as {@code validate(mail, Mm4Config.DEFAULT)}: decoding with the default limits. */
  public static ValidationReport validate(byte[] mail) {
    return validate(mail, Mm4Config.DEFAULT);
  }

  /**
   * Decodes leniently and reports every finding. Mail that cannot be decoded gives one {@link
   * Severity#ERROR} finding whose code is {@link Mm4FindingCodes#UNDECODABLE_PREFIX undecodable-}
   * followed by the {@link Mm4FormatException.Reason#code() reason's code} (for example {@code
   * undecodable-unterminated-multipart}), with the exception's line, byte offset and header.
   * Otherwise the findings are those of decoding ({@link Mm4Message#findings()}, with lines and
   * offsets) and of the bodies whose check decoding deferred, as {@link #validate(Mm4Message)}
   * reports them.
   *
   * @param mail the octets of one message
   * @param config the limits to decode with, and whether decoding checks the bodies ({@link
   *     Mm4Config#checkBodies()}: with it on, a body that cannot be decoded makes the mail
   *     undecodable, as it makes {@code decode} throw). Decoding is always lenient (a strict
   *     configuration is relaxed), so that every problem is reported rather than only the first
   * @return the findings ordered by byte offset, findings that concern the message as a whole (a
   *     missing header) last
   */
  public static ValidationReport validate(byte[] mail, Mm4Config config) {
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(config, "config");
    // Relaxed to lenient with the same body checks: STRICT's follow strict() unless set.
    Mm4Config lenient =
        config.strict()
            ? config.toBuilder().strict(false).checkBodies(config.checkBodies()).build()
            : config;
    Mm4Message message;
    try {
      message = Mm4Codec.decode(mail, lenient);
    } catch (Mm4FormatException e) {
      return new ValidationReport(List.of(undecodable(e)));
    }
    List<Finding> found = new ArrayList<>(message.findings());
    found.addAll(MimeAccess.get().dataFindings(message.content()));
    return report(found);
  }

  /**
   * Validates a message, decoded, built or changed: the findings of decoding ({@link
   * Mm4Message#findings()}, with lines and offsets; none for a built message), the checks run
   * again on the message as it is now (a finding decoding already recorded, same code and header,
   * is not repeated), and those of the bodies whose check decoding deferred. As {@code
   * PduValidator.validate(Pdu)} does for PDUs.
   *
   * @param message the message
   * @return the findings ordered by byte offset (for a decoded message) with findings that concern
   *     the message as a whole (a missing header) last; clean when the message is valid
   */
  public static ValidationReport validate(Mm4Message message) {
    Objects.requireNonNull(message, "message");
    List<Finding> found = new ArrayList<>(message.findings());
    // Decoding ran the same checks: what it recorded is kept (it has lines), and each finding of
    // the run below is added unless one of decoding's with the same code and header is left.
    Map<String, Integer> recorded = new HashMap<>();
    for (Finding f : message.findings()) {
      recorded.merge(key(f), 1, Integer::sum);
    }
    try {
      Checks.check(
          message,
          f -> {
            if (recorded.merge(key(f), -1, Integer::sum) < 0) {
              found.add(f);
            }
          },
          o -> Finding.NO_LINE);
    } catch (Mm4FormatException e) {
      throw new AssertionError("a collecting sink does not throw", e);
    }
    found.addAll(MimeAccess.get().dataFindings(message.content()));
    return report(found);
  }

  private static String key(Finding f) {
    return f.code() + '\n' + f.header().orElse("");
  }

  private static ValidationReport report(List<Finding> found) {
    found.sort(Comparator.comparingLong(f -> f.hasOffset() ? f.offset() : Long.MAX_VALUE));
    return new ValidationReport(found);
  }

  /** The one finding for mail that cannot be decoded, with what the exception knows. */
  /**
   * The one finding {@link #validate(byte[], Mm4Config)} reports for mail that cannot be decoded,
   * made from the exception a decode threw: {@link Severity#ERROR}, code {@link
   * Mm4FindingCodes#UNDECODABLE_PREFIX undecodable-} followed by the {@link
   * Mm4FormatException.Reason#code() reason's code}, the exception's line, byte offset, header and
   * {@link Mm4FormatException#detail() detail}. For a tool that decoded already and has the
   * exception in hand: it need not decode again to report it as the validator does.
   *
   * @param e what decoding threw
   * @return the finding
   */
  public static Finding undecodable(Mm4FormatException e) {
    Objects.requireNonNull(e, "e");
    return Finding.ofLine(
        Severity.ERROR,
        Mm4FindingCodes.undecodable(e.reason()),
        Math.max(e.line(), Finding.NO_LINE),
        Finding.NO_COLUMN,
        Math.max(e.offset(), Finding.NO_OFFSET),
        e.header().orElse(null),
        e.detail());
  }
}
