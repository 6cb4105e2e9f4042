package org.mmsstack.cli.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.cli.format.LineIndex;
import org.mmsstack.cli.input.InputItem;
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
import org.mmsstack.encapsulation.validate.PduValidator;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.validate.Mm4Validator;
import org.mmsstack.routing.HeaderPair;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.MessageIdentity;
import org.mmsstack.routing.RoutingFieldException;
import org.mmsstack.routing.RoutingFields;
import org.mmsstack.routing.RoutingHeaders;
import org.mmsstack.routing.RoutingPdus;
import org.mmsstack.routing.RoutingVerifier;

/**
 * Decodes a binary PDU or an MM4 message leniently and says what is wrong with it: for PDUs
 * through the codec's {@link PduValidator} (offsets, headers, severities, stable codes), for MM4
 * through the MM4 codec's lenient parse with every body checked, which runs {@link
 * Mm4Validator}'s checks with line numbers; input that cannot be decoded is reported as the
 * validators report it (one finding {@code undecodable-<reason>}); for both, the routing extension fields (syntax, signature, and with a key ring
 * the signature's verification). Every command goes through here, so the tool reports the same
 * findings everywhere.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Checker {

  /** Routing finding codes, stable for programs. */
  public static final String ROUTING_MALFORMED = "routing-malformed";

  /** Routing fields without X-Mms-Routing-Signature. */
  public static final String ROUTING_UNSIGNED = "routing-unsigned";

  /** The signature's key id is not in the key ring. */
  public static final String ROUTING_UNKNOWN_KEY = "routing-unknown-key";

  /** The key is not valid at the verification time. */
  public static final String ROUTING_KEY_NOT_VALID = "routing-key-not-valid";

  /** The key belongs to another Relay/Server than the sender of the hop. */
  public static final String ROUTING_WRONG_SIGNER = "routing-wrong-signer";

  /** The signature does not verify. */
  public static final String ROUTING_BAD_SIGNATURE = "routing-bad-signature";

  /** With --routing-time: issued longer ago than the replay window. */
  public static final String ROUTING_STALE = "routing-stale";

  /** With --routing-time: issued further in the future than the allowed skew. */
  public static final String ROUTING_FUTURE = "routing-future";

  /**
   * A header the signature covers (From, Date, Message-ID, Transaction-ID, Message-Type; To of
   * an m-delivery-ind) occurs more than once: a receiving Relay/Server refuses the hop.
   */
  public static final String ROUTING_DUPLICATE_SIGNED_HEADER = "routing-duplicate-signed-header";

  /** The signature verified (INFO). */
  public static final String ROUTING_VERIFIED = "routing-verified";

  /**
   * The MM4 parser failed with an unexpected exception: a bug in it, reported like mail that
   * cannot be parsed so that the run goes on.
   */
  public static final String UNDECODABLE_INTERNAL = FindingCodes.UNDECODABLE_PREFIX + "internal";

  /** Lenient, with the base64 and quoted-printable bodies checked by decode: every finding. */
  private static final Mm4Config MM4_CHECKED =
      Mm4Config.DEFAULT.toBuilder().checkBodies(true).build();

  private static final Checker STANDARD = new Checker(null, null);

  private final KeyRing keys;
  private final Instant verifyAt;

  /**
   * A checker.
   *
   * @param keys the key ring to verify routing signatures with, or {@code null} not to verify
   * @param verifyAt the instant to verify at, with the verifier's replay window; or {@code null}
   *     to verify as of each hop's own X-Mms-Routing-Issued time, which is what makes captured
   *     (old) messages checkable: the key must have been valid when the hop was signed, and the
   *     replay window, which only matters on arrival, is not applied
   */
  public Checker(KeyRing keys, Instant verifyAt) {
    this.keys = keys;
    this.verifyAt = verifyAt;
  }

  /** A checker that does not verify signatures. */
  public static Checker standard() {
    return STANDARD;
  }

  /**
   * The outcome for one PDU or MM4 message.
   *
   * @param pdu the leniently decoded PDU, or {@code null} (MM4 input, or lenient decoding failed)
   * @param error the lenient decoding error of a PDU, or {@code null}
   * @param mm4 the leniently parsed MM4 message, or {@code null}
   * @param mm4Error the parse error of MM4 input, or {@code null}
   * @param routing the routing extension fields, or {@code null} when the input has none
   * @param findings everything found, in input order where positions are known. For MM4 input
   *     the tool shows a finding's {@link Finding#line() line} (its byte offset in the mail is
   *     kept too); see {@link #isMm4()}
   */
  public record Result(
      Pdu pdu,
      PduFormatException error,
      Mm4Message mm4,
      Mm4FormatException mm4Error,
      Routing routing,
      List<Finding> findings) {

    /** A result for a binary PDU. */
    public Result(Pdu pdu, PduFormatException error, List<Finding> findings) {
      this(pdu, error, null, null, null, findings);
    }

    /** This result with other findings (those a filter kept, say). */
    public Result withFindings(List<Finding> kept) {
      return new Result(pdu, error, mm4, mm4Error, routing, List.copyOf(kept));
    }

    /** Whether the input was MM4 mail (finding positions are then lines, not byte offsets). */
    public boolean isMm4() {
      return mm4 != null || mm4Error != null;
    }

    /** Whether the input could be decoded (or parsed) at all. */
    public boolean decoded() {
      return pdu != null || mm4 != null;
    }

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

  /**
   * The routing extension fields of an input.
   *
   * @param fields the parsed fields, or {@code null} when they are malformed
   * @param error why they are malformed, or {@code null}
   */
  public record Routing(RoutingFields fields, RoutingFieldException error) {}

  /** Decodes and checks one binary PDU without verifying signatures; never throws for bad input. */
  public static Result check(byte[] octets) {
    return STANDARD.checkPdu(octets);
  }

  /** Checks an input item holding a PDU or an MM4 message; never throws for bad input. */
  public Result check(InputItem item) {
    Objects.requireNonNull(item.pdu(), "item holds no input");
    return item.mm4() ? checkMm4(item.pdu()) : checkPdu(item.pdu());
  }

  /** Decodes and checks one binary PDU; never throws for bad input. */
  public Result checkPdu(byte[] octets) {
    Pdu pdu;
    try {
      pdu = PduCodec.decode(octets, DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      // The validator's one finding for input that cannot be decoded (undecodable-<reason>, with
      // the offset and header).
      return new Result(null, e, List.of(PduValidator.undecodable(e)));
    }
    try {
      touch(pdu);
    } catch (RuntimeException e) {
      // The codec accepted the PDU but cannot show one of its values: report it as undecodable
      // rather than fail later while printing.
      PduFormatException pe =
          PduFormatException.of(
              PduFormatException.Reason.MALFORMED_VALUE,
              -1,
              null,
              "decoded, but a value cannot be read back: " + e.getMessage());
      return new Result(null, pe, List.of(PduValidator.undecodable(pe)));
    }
    List<Finding> out = new ArrayList<>(PduValidator.validate(pdu).findings());
    Routing routing = null;
    Locator at = name -> offsetOf(pdu, name);
    try {
      Optional<RoutingFields> fields = RoutingPdus.read(pdu);
      if (fields.isPresent()) {
        routing = new Routing(fields.get(), null);
        // Well-formed routing fields are Application-headers on purpose (the extension's binary
        // form); the validator's "not part of the header set" note about each says nothing new.
        out.removeIf(
            f ->
                FindingCodes.APPLICATION_HEADER.equals(f.code())
                    && f.header().filter(RoutingHeaders::isRoutingHeader).isPresent());
        verify(fields.get(), () -> RoutingPdus.identity(pdu), at, out);
      }
    } catch (RoutingFieldException e) {
      routing = new Routing(null, e);
      out.add(malformed(e, at));
    }
    return new Result(pdu, null, null, null, routing, List.copyOf(out));
  }

  /** Parses and checks one MM4 message; never throws for bad input. */
  public Result checkMm4(byte[] mail) {
    Mm4Message m;
    try {
      m = Mm4Codec.decode(mail, MM4_CHECKED);
    } catch (Mm4FormatException e) {
      // The validator's one finding for mail that cannot be decoded (undecodable-<reason>, with
      // the line, byte offset and header).
      return new Result(null, null, null, e, null, List.of(Mm4Validator.undecodable(e)));
    } catch (RuntimeException e) {
      // A parser bug must not end the run: report it like mail that cannot be parsed.
      Mm4FormatException pe = Mm4FormatException.truncated(0, -1, "mail (internal: " + e + ")");
      return new Result(
          null,
          null,
          null,
          pe,
          null,
          List.of(
              Finding.of(
                  Severity.ERROR,
                  UNDECODABLE_INTERNAL,
                  Finding.NO_OFFSET,
                  null,
                  "cannot be parsed: " + e)));
    }
    // The findings of decoding with every body checked, as Mm4Validator.validate(mail, MM4_CHECKED)
    // gives them (each with its line, column and byte offset); the tool shows the line.
    List<Finding> out = new ArrayList<>(m.findings());
    List<HeaderPair> pairs = new ArrayList<>(m.headers().size());
    for (Mm4Header h : m.headers()) {
      pairs.add(new HeaderPair(h.name(), h.value()));
    }
    Routing routing = null;
    try {
      Optional<RoutingFields> fields = RoutingHeaders.read(pairs);
      if (fields.isPresent()) {
        routing = new Routing(fields.get(), null);
        verify(fields.get(), () -> MessageIdentity.ofMm4(pairs), lines(mail, m), out);
      }
    } catch (RoutingFieldException e) {
      routing = new Routing(null, e);
      out.add(malformed(e, lines(mail, m)));
    }
    // Parser findings come in input order, validation and routing findings after them: one order
    // by line, findings about the message as a whole last.
    out.sort(
        Comparator.comparingLong(f -> f.line() == Finding.NO_LINE ? Long.MAX_VALUE : f.line()));
    return new Result(null, null, m, null, routing, List.copyOf(out));
  }

  /** Where a header is: a byte offset in a PDU, a line in mail; -1 when absent. */
  /** Where a header is: a byte offset in a PDU, a line in mail; -1 when it is absent. */
  private interface Locator {
    int of(String header);

    /** A finding placed where {@code locateBy} is. */
    default Finding finding(
        Severity severity, String code, String locateBy, String header, String message) {
      return Finding.of(severity, code, Math.max(of(locateBy), -1), header, message);
    }
  }

  /** The signed identity of the message checked; fails when a signed header repeats. */
  private interface IdentitySource {
    MessageIdentity get() throws RoutingFieldException;
  }

  private void verify(
      RoutingFields fields, IdentitySource identitySource, Locator at, List<Finding> out) {
    MessageIdentity identity;
    try {
      identity = identitySource.get();
    } catch (RoutingFieldException e) {
      // Refused before any signature check: what the signature covers is ambiguous.
      out.add(
          at.finding(
              Severity.ERROR,
              ROUTING_DUPLICATE_SIGNED_HEADER,
              e.header(),
              e.header(),
              e.detail() + ": a receiving Relay/Server refuses the hop"));
      return;
    }
    if (fields.signature().isEmpty()) {
      // ERROR, not WARNING: a receiving Relay/Server refuses an unsigned hop outright
      // (docs/routing-extension.md section 10: UNSIGNED is the verifier's first check and every
      // failure refuses the hop with Error-permanent-service-denied).
      out.add(
          at.finding(
              Severity.ERROR,
              ROUTING_UNSIGNED,
              RoutingHeaders.VERSION,
              RoutingHeaders.SIGNATURE,
              "routing fields without X-Mms-Routing-Signature: a receiving Relay/Server refuses the hop"));
      return;
    }
    if (keys == null) {
      return;
    }
    Instant when = verifyAt != null ? verifyAt : fields.issuedAt();
    try {
      KeyRing.TrustedKey k = RoutingVerifier.of(keys).verify(fields, identity, when);
      out.add(
          at.finding(
              Severity.INFO,
              ROUTING_VERIFIED,
              RoutingHeaders.SIGNATURE,
              RoutingHeaders.SIGNATURE,
              "signature by key "
                  + k.keyId()
                  + " of "
                  + k.owner()
                  + " verifies"
                  + (verifyAt != null
                      ? " at " + verifyAt
                      : " as of X-Mms-Routing-Issued " + fields.issuedAt())));
    } catch (RoutingFieldException e) {
      String code;
      switch (e.reason()) {
        case UNKNOWN_KEY:
          code = ROUTING_UNKNOWN_KEY;
          break;
        case KEY_NOT_VALID:
          code = ROUTING_KEY_NOT_VALID;
          break;
        case WRONG_SIGNER:
          code = ROUTING_WRONG_SIGNER;
          break;
        case BAD_SIGNATURE:
          code = ROUTING_BAD_SIGNATURE;
          break;
        case STALE:
          code = ROUTING_STALE;
          break;
        case FUTURE:
          code = ROUTING_FUTURE;
          break;
        default:
          code = ROUTING_MALFORMED;
          break;
      }
      String detail = e.detail();
      if (e.reason() == RoutingFieldException.Reason.KEY_NOT_VALID && verifyAt == null) {
        detail += " (checked as of X-Mms-Routing-Issued " + fields.issuedAt() + ")";
      }
      out.add(at.finding(Severity.ERROR, code, e.header(), e.header(), detail));
    }
  }

  private static Finding malformed(RoutingFieldException e, Locator at) {
    return at.finding(
        Severity.ERROR,
        ROUTING_MALFORMED,
        e.header(),
        e.header(),
        e.detail() + " (" + e.reason().code() + ")");
  }

  private static int offsetOf(Pdu pdu, String name) {
    for (Header h : pdu.headers()) {
      if (h.field().isApplication() && h.name().equalsIgnoreCase(name)) {
        return h.offset();
      }
    }
    return -1;
  }

  /**
   * Headers of mail located by line. The index is built here, once the message is known to have
   * routing fields, so mail without them is not scanned for it.
   */
  private static Locator lines(byte[] mail, Mm4Message m) {
    LineIndex index = LineIndex.of(mail);
    return new Locator() {
      @Override
      public int of(String name) {
        return m.headers().firstField(name).map(h -> index.line(h.offset())).orElse(-1);
      }

      @Override
      public Finding finding(
          Severity severity, String code, String locateBy, String header, String message) {
        return Finding.ofLine(
            severity,
            code,
            Math.max(of(locateBy), 0),
            Finding.NO_COLUMN,
            Finding.NO_OFFSET,
            header,
            message);
      }
    };
  }

  /** Reads every header and part header once, so that values the codec decodes lazily are checked here. */
  private static void touch(Pdu pdu) {
    for (Header h : pdu.headers()) {
      h.name();
      h.value();
    }
    pdu.body()
        .ifPresent(
            b -> {
              if (b instanceof MultipartBody) {
                for (Part p : ((MultipartBody) b).parts()) {
                  p.contentType();
                  p.headers();
                }
              }
            });
  }
}
