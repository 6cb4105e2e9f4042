package org.mmsstack.spark;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mmsstack.capture.CaptureFindingCodes;
import org.mmsstack.capture.CaptureFormatException;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureResult;
import org.mmsstack.capture.CapturedPdu;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.validate.FindingCodes;
import org.mmsstack.encapsulation.validate.PduValidator;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.validate.Mm4Validator;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * Turns one capture into {@link PduRecord}s: what each Spark task does with its file, usable
 * without Spark. The capture is streamed through {@link CaptureReader}, each PDU decoded leniently
 * and validated ({@link PduValidator}; MM4 mail through {@link Mm4Codec}'s lenient parse) as soon as
 * its carrier completes, and only its record is kept; memory is bounded by the configuration's
 * {@link SparkCaptureConfig#capture() capture limits}, whatever the capture's size.
 *
 * <p>Stateless and thread-safe. The caller owns the stream, which is read to its end and not
 * closed.
 */
public final class CaptureRecords {

  /** Lenient, with the base64 and quoted-printable bodies checked by decode: every finding. */
  private static final Mm4Config MM4_CHECKED =
      Mm4Config.DEFAULT.toBuilder().checkBodies(true).build();

  private CaptureRecords() {}

  /**
   * Reads a capture (pcap or pcapng, gzip-compressed or not) from {@code in} and hands {@code
   * sink} one record per PDU or MM4 mail, in the order their carriers completed, then one {@link
   * PduRecord.Kind#CAPTURE} record when the capture itself had findings. Lenient: input that is no
   * capture gives one {@link PduRecord.Kind#CAPTURE} record with an ERROR finding {@code
   * not-a-capture}, and never throws.
   *
   * @param file the name the records carry
   * @throws CaptureFormatException in strict mode, at the first finding of severity ERROR (of the
   *     capture or of a PDU), or when the input is no capture
   * @throws IOException if the stream itself fails
   */
  public static void read(
      String file, InputStream in, SparkCaptureConfig config, Consumer<? super PduRecord> sink)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    CaptureResult r;
    try {
      r =
          CaptureReader.read(
              in,
              config.capture(),
              p -> {
                PduRecord rec = record(file, p);
                if (config.strict()) {
                  for (Finding f : rec.findings()) {
                    if (f.severity() == Severity.ERROR) {
                      throw new StrictStop(CaptureFormatException.strict(f));
                    }
                  }
                }
                sink.accept(rec);
              });
    } catch (StrictStop stop) {
      throw stop.cause;
    } catch (CaptureFormatException e) {
      if (config.strict() || e.reason() != CaptureFormatException.Reason.NOT_A_CAPTURE) {
        throw e;
      }
      sink.accept(
          captureRecord(
              file,
              "not a capture",
              List.of(
                  Finding.of(
                      Severity.ERROR,
                      CaptureFindingCodes.NOT_A_CAPTURE,
                      e.offset(),
                      null,
                      e.detail()))));
      return;
    }
    if (!r.findings().isEmpty()) {
      sink.accept(
          captureRecord(
              file, r.format().name().toLowerCase(Locale.ROOT) + " capture", r.findings()));
    }
  }

  /** The record of one PDU or MM4 mail found in {@code file}: decoded leniently and validated. */
  public static PduRecord record(String file, CapturedPdu p) {
    Objects.requireNonNull(file, "file");
    Optional<Instant> time = p.timestamp();
    byte[] content = p.dataBytes();
    Values v = p.kind() == CapturedPdu.Kind.MM4_MAIL ? mm4(content) : pdu(content);
    return new PduRecord(
        file,
        p.frame(),
        time,
        p.kind() == CapturedPdu.Kind.MM4_MAIL ? PduRecord.Kind.MM4_MAIL : PduRecord.Kind.MMS_PDU,
        p.transport(),
        p.source(),
        p.destination(),
        p.description(),
        v.messageType,
        v.transactionId,
        v.messageId,
        v.from,
        v.to,
        v.subject,
        v.contentLocation,
        content.length,
        v.mmsVersion,
        v.findings);
  }

  private static PduRecord captureRecord(String file, String description, List<Finding> findings) {
    return new PduRecord(
        file,
        0,
        Optional.empty(),
        PduRecord.Kind.CAPTURE,
        CapturedPdu.Transport.NONE,
        Optional.empty(),
        Optional.empty(),
        description,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        0,
        Optional.empty(),
        findings);
  }

  /** What a record says of its content. */
  private static final class Values {
    Optional<String> messageType = Optional.empty();
    Optional<String> transactionId = Optional.empty();
    Optional<String> messageId = Optional.empty();
    Optional<String> from = Optional.empty();
    List<String> to = List.of();
    Optional<String> subject = Optional.empty();
    Optional<String> contentLocation = Optional.empty();
    Optional<String> mmsVersion = Optional.empty();
    List<Finding> findings = List.of();
  }

  private static Values pdu(byte[] content) {
    Values v = new Values();
    Pdu pdu;
    try {
      pdu = PduCodec.decode(content, DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      // The validator's form of an undecodable PDU: one ERROR finding undecodable-<reason>.
      v.findings = List.of(PduValidator.undecodable(e));
      return v;
    }
    try {
      v.findings = PduValidator.validate(pdu).findings();
      v.messageType = Optional.of(pdu.messageType().wireName());
      v.transactionId = pdu.transactionId();
      v.messageId = pdu.get(HeaderField.MESSAGE_ID);
      v.from = pdu.get(HeaderField.FROM).flatMap(FromValue::address).map(Address::text);
      List<String> to = new ArrayList<>();
      for (Address a : pdu.getAll(HeaderField.TO)) {
        to.add(a.text());
      }
      v.to = to;
      v.subject = pdu.get(HeaderField.SUBJECT).map(EncodedString::text);
      v.contentLocation = pdu.get(HeaderField.CONTENT_LOCATION);
      v.mmsVersion = pdu.mmsVersion().map(Object::toString);
    } catch (RuntimeException e) {
      // The codec accepted the PDU but one of its values cannot be read back: undecodable, as
      // the command-line tool reports it, rather than a failed task.
      Values u = new Values();
      u.findings =
          List.of(
              PduValidator.undecodable(
                  PduFormatException.of(
                      PduFormatException.Reason.MALFORMED_VALUE,
                      -1,
                      null,
                      "decoded, but a value cannot be read back: " + e.getMessage())));
      return u;
    }
    return v;
  }

  private static Values mm4(byte[] mail) {
    Values v = new Values();
    Mm4Message m;
    try {
      m = Mm4Codec.decode(mail, MM4_CHECKED);
    } catch (Mm4FormatException e) {
      // The validator's form of mail that cannot be decoded: one ERROR finding
      // undecodable-<reason>, with the line, byte offset and header, as mms validate gives it.
      v.findings = List.of(Mm4Validator.undecodable(e));
      return v;
    } catch (RuntimeException e) {
      v.findings =
          List.of(
              Finding.of(
                  Severity.ERROR,
                  FindingCodes.UNDECODABLE_PREFIX + "internal",
                  Finding.NO_OFFSET,
                  null,
                  "cannot be parsed: " + e));
      return v;
    }
    List<Finding> fs = new ArrayList<>(m.findings());
    // Parser findings come in input order, validation findings after them: one order by line.
    fs.sort(Comparator.comparingLong(f -> f.line() == Finding.NO_LINE ? Long.MAX_VALUE : f.line()));
    v.findings = fs;
    v.messageType = Optional.of(m.messageType().token());
    v.transactionId = m.transactionId();
    v.messageId = m.messageId();
    v.from = m.from().map(Mm4Address::addrSpec);
    List<String> to = new ArrayList<>();
    for (Mm4Address a : m.to()) {
      to.add(a.addrSpec());
    }
    v.to = to;
    v.subject = m.subject();
    v.mmsVersion = m.mmsVersion().map(Object::toString);
    return v;
  }

  /** Carries a strict stop out of the capture reader's sink. */
  private static final class StrictStop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CaptureFormatException cause;

    StrictStop(CaptureFormatException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }
  }
}
