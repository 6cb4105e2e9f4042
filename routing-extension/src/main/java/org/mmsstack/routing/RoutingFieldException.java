package org.mmsstack.routing;

import java.util.Locale;
import java.util.Optional;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.mm4.convert.ValueMapping;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.internal.Ascii;

/**
 * A routing extension field that cannot be accepted: malformed, missing, duplicated, over a
 * limit, or failing signature or Message-ID verification. Carries the header name the problem
 * is about and a {@link Reason} to act on; the message text is for people.
 *
 * <p>Callers do not branch on the text. A relay that catches this on traffic from another
 * Relay/Server of the MMSE refuses the hop with {@link #responseStatus()} (binary) or
 * {@link #mm4StatusCode()} (MM4).
 *
 * <p>Immutable.
 */
@Provisional
public final class RoutingFieldException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a field was refused. */
  public enum Reason {
    /** A mandatory field is absent while other routing fields are present. */
    MISSING,
    /** A single-valued field occurs more than once. */
    DUPLICATE,
    /** A value does not follow its syntax. */
    MALFORMED,
    /** A name under the routing prefix that version 1 does not define. */
    UNKNOWN_FIELD,
    /** {@code X-Mms-Routing-Version} names a version this library does not implement. */
    UNSUPPORTED_VERSION,
    /** A value, list or count is over its limit (checked before anything is allocated for it). */
    LIMIT,
    /** The fields carry no signature where one is required. */
    UNSIGNED,
    /** The signature names a key id the key ring does not hold. */
    UNKNOWN_KEY,
    /** The key exists but is not valid now (expired or not yet valid). */
    KEY_NOT_VALID,
    /** The key belongs to another Relay/Server than the one that sent the hop. */
    WRONG_SIGNER,
    /** The signature does not verify over the fields and the message identity. */
    BAD_SIGNATURE,
    /** Issued-at is older than the replay window. */
    STALE,
    /** Issued-at lies further in the future than the allowed clock skew. */
    FUTURE,
    /** A Message-ID in the minted format whose MAC does not verify. */
    FORGED_MESSAGE_ID,
    /**
     * A single-valued header the signature covers through the {@link MessageIdentity} (From,
     * Date, Message-ID, Transaction-ID, Message-Type; To of an m-delivery-ind) occurs more than
     * once: the signature would cover the first while a consumer may read another, so the hop
     * is refused (Service-denied) rather than verified.
     */
    DUPLICATE_SIGNED_HEADER;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable code of this reason: its name in kebab case, for example {@code bad-signature}. */
    public String code() {
      return code;
    }

    /** The reason whose {@link #code()} is {@code code}, if there is one. */
    public static Optional<Reason> fromCode(String code) {
      for (Reason r : values()) {
        if (r.code.equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  private final Reason reason;
  private final String header;
  private final String detail;

  private RoutingFieldException(Reason reason, String header, String detail) {
    super(header + ": " + detail + " [" + reason.code() + "]");
    this.reason = reason;
    this.header = header;
    this.detail = detail;
  }

  static RoutingFieldException missing(String header) {
    return new RoutingFieldException(Reason.MISSING, header, "mandatory field absent");
  }

  static RoutingFieldException duplicate(String header) {
    return new RoutingFieldException(Reason.DUPLICATE, header, "occurs more than once");
  }

  static RoutingFieldException malformed(String header, String detail) {
    return new RoutingFieldException(Reason.MALFORMED, header, detail);
  }

  static RoutingFieldException unknownField(String header) {
    return new RoutingFieldException(
        Reason.UNKNOWN_FIELD, header, "not a field of routing extension version 1");
  }

  static RoutingFieldException unsupportedVersion(String header, String value) {
    return new RoutingFieldException(
        Reason.UNSUPPORTED_VERSION,
        header,
        "version " + Ascii.quoteShort(value) + " (supported: 1)");
  }

  static RoutingFieldException limit(String header, String what, long value, long max) {
    return new RoutingFieldException(
        Reason.LIMIT, header, what + " " + value + " over the limit " + max);
  }

  static RoutingFieldException unsigned() {
    return new RoutingFieldException(
        Reason.UNSIGNED, RoutingHeaders.SIGNATURE, "signature required");
  }

  static RoutingFieldException unknownKey(String keyId) {
    return new RoutingFieldException(
        Reason.UNKNOWN_KEY,
        RoutingHeaders.SIGNATURE,
        "key id " + Ascii.quoteShort(keyId) + " is not in the key ring");
  }

  static RoutingFieldException keyNotValid(String keyId, String when) {
    return new RoutingFieldException(
        Reason.KEY_NOT_VALID, RoutingHeaders.SIGNATURE, "key " + keyId + " " + when);
  }

  static RoutingFieldException wrongSigner(String keyId, RelayId owner, RelayId sender) {
    return new RoutingFieldException(
        Reason.WRONG_SIGNER,
        RoutingHeaders.SIGNATURE,
        "key " + keyId + " belongs to " + owner + " but the hop was sent by " + sender);
  }

  static RoutingFieldException badSignature(String keyId) {
    return new RoutingFieldException(
        Reason.BAD_SIGNATURE,
        RoutingHeaders.SIGNATURE,
        "signature by key " + keyId + " does not verify");
  }

  static RoutingFieldException stale(long ageSeconds, long maxSeconds) {
    return new RoutingFieldException(
        Reason.STALE,
        RoutingHeaders.ISSUED,
        "issued " + ageSeconds + " s ago (window: " + maxSeconds + " s)");
  }

  static RoutingFieldException future(long aheadSeconds, long skewSeconds) {
    return new RoutingFieldException(
        Reason.FUTURE,
        RoutingHeaders.ISSUED,
        "issued " + aheadSeconds + " s in the future (allowed skew: " + skewSeconds + " s)");
  }

  static RoutingFieldException duplicateSignedHeader(String header) {
    return new RoutingFieldException(
        Reason.DUPLICATE_SIGNED_HEADER,
        header,
        "occurs more than once, so the signed message identity is ambiguous");
  }

  static RoutingFieldException forgedMessageId(String messageId) {
    return new RoutingFieldException(
        Reason.FORGED_MESSAGE_ID,
        "X-Mms-Message-ID",
        "MAC of " + Ascii.quoteShort(messageId) + " does not verify");
  }

  /** Why the field was refused. */
  public Reason reason() {
    return reason;
  }

  /** The header the problem is about, for example {@code X-Mms-Routing-Path}. */
  public String header() {
    return header;
  }

  /** The detail without header and reason. */
  public String detail() {
    return detail;
  }

  /**
   * The binary X-Mms-Response-Status to refuse the hop with: Error-permanent-service-denied
   * (0xE1) for signature problems, forged ids and repeated signed headers,
   * Error-permanent-message-format-corrupt (0xE2) for syntax problems of the routing fields.
   */
  public ResponseStatus responseStatus() {
    return switch (reason) {
      case MISSING, DUPLICATE, MALFORMED, UNKNOWN_FIELD, UNSUPPORTED_VERSION, LIMIT ->
          ResponseStatus.ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT;
      default -> ResponseStatus.ERROR_PERMANENT_SERVICE_DENIED;
    };
  }

  /** The MM4 X-Mms-Request-Status-Code matching {@link #responseStatus()} ({@link ValueMapping}). */
  public RequestStatusCode mm4StatusCode() {
    return ValueMapping.requestStatusCode(responseStatus());
  }
}
