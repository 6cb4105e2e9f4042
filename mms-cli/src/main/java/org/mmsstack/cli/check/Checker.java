package org.mmsstack.cli.check;

import java.util.List;
import java.util.Locale;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.validate.FindingCodes;
import org.mmsstack.encapsulation.validate.Validator;

/**
 * Decodes a PDU leniently and says what is wrong with it, through the codec's {@link Validator}
 * (offsets, headers, severities, stable codes). Every command goes through here, so the tool
 * reports the same findings everywhere.
 */
public final class Checker {

  /** Immutable and thread-safe; one for every command. */
  private static final Validator VALIDATOR = new Validator();

  private Checker() {}

  /**
   * The outcome for one PDU.
   *
   * @param pdu the leniently decoded PDU, or {@code null} when even lenient decoding failed
   * @param error the lenient decoding error, or {@code null}
   * @param findings everything found, in PDU order where offsets are known
   */
  public record Result(Pdu pdu, PduFormatException error, List<Finding> findings) {

    /** The worst severity among the findings, or {@code null} when there are none. */
    public Severity worst() {
      Severity w = null;
      for (Finding f : findings) {
        if (w == null || f.severity().compareTo(w) > 0) {
          w = f.severity();
        }
      }
      return w;
    }
  }

  /** Decodes and checks one PDU; never throws for bad input. */
  public static Result check(byte[] octets) {
    Pdu pdu;
    try {
      pdu = PduCodec.decode(octets, DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      return new Result(null, e, List.of(fromError(e)));
    }
    try {
      touch(pdu);
    } catch (RuntimeException e) {
      // The codec accepted the PDU but cannot show one of its values: report it as undecodable
      // rather than fail later while printing.
      PduFormatException pe = new PduFormatException(PduFormatException.Reason.MALFORMED_VALUE, -1, null,
          "decoded, but a value cannot be read back: " + e.getMessage());
      return new Result(null, pe, List.of(fromError(pe)));
    }
    return new Result(pdu, null, findings(pdu));
  }

  /** Reads every header and part header once, so that values the codec decodes lazily are checked here. */
  private static void touch(Pdu pdu) {
    for (Header h : pdu.headers()) {
      h.name();
      h.value();
    }
    pdu.body().ifPresent(b -> {
      if (b instanceof MultipartBody) {
        for (Part p : ((MultipartBody) b).parts()) {
          p.contentType();
          p.headers();
        }
      }
    });
  }

  /**
   * A decoding error as a finding, in the form the validator gives undecodable input: code
   * {@code undecodable-} and the reason in kebab case, with the exception's offset and header.
   */
  public static Finding fromError(PduFormatException e) {
    return new Finding(Severity.ERROR, e.offset(), e.header(),
        FindingCodes.UNDECODABLE_PREFIX + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.detail());
  }

  /**
   * The findings for a decoded PDU: everything the codec's validator reports (lenient decoding
   * findings, then the rules of the PDU type), ordered by offset.
   */
  static List<Finding> findings(Pdu pdu) {
    return VALIDATOR.validate(pdu);
  }
}
