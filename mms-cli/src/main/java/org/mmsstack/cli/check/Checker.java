package org.mmsstack.cli.check;

import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduRules;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;

/**
 * Decodes a PDU leniently and says what is wrong with it. Every command goes through here, so
 * the tool reports the same findings everywhere.
 */
public final class Checker {

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
    return new Result(pdu, null, findings(pdu, octets));
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

  /** A decoding error as a finding. */
  public static Finding fromError(PduFormatException e) {
    return new Finding(Severity.ERROR, e.offset(), e.header(), e.reason().name().toLowerCase().replace('_', '-'),
        e.detail());
  }

  /**
   * The findings for a decoded PDU: what lenient decoding recovered from, what strict decoding
   * rejects, and headers the PDU type requires but lacks. This is the one method to point at
   * the full validator once the codec has one.
   */
  static List<Finding> findings(Pdu pdu, byte[] octets) {
    List<Finding> out = new ArrayList<>(pdu.decodeFindings());
    boolean hasError = out.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    if (!hasError) {
      try {
        PduCodec.decode(octets, DecodeConfig.STRICT);
      } catch (PduFormatException e) {
        out.add(fromError(e));
      }
    }
    for (PduRules.Rule r : PduRules.rules(pdu.messageType())) {
      if (r.requirement() == PduRules.Requirement.MANDATORY && !has(pdu, r.field())) {
        out.add(new Finding(Severity.ERROR, -1, r.field().name(), "missing-mandatory-header",
            r.field().name() + " is mandatory in " + pdu.messageType().wireName()));
      }
    }
    return List.copyOf(out);
  }

  private static boolean has(Pdu pdu, HeaderField<?> field) {
    // The Del forms of the delete confirmations share the plain field's code.
    return pdu.headers().stream().anyMatch(h -> h.field().code() == field.code() && !h.field().isApplication());
  }
}
