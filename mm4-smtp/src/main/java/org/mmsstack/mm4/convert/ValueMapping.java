package org.mmsstack.mm4.convert;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/**
 * Every value table between the binary MM1 encoding (OMA MMS Encapsulation) and MM4 (3GPP TS
 * 23.140 §8.4), each in one place and in both directions. The converters use nothing else, so a
 * table changed here changes every conversion.
 *
 * <p>Where MM4 and MM1 share a value set (read status, priority, sender visibility, message and
 * content class) both use the value types of {@code org.mmsstack.encapsulation.value}; only the
 * codes MM4 has no token for are filtered here.
 *
 * <p>Where MM4 has fewer values than the binary encoding, the mapping goes down to the closest MM4
 * value and says so in its javadoc; the way back then gives that value's binary counterpart, so
 * such values do not survive a binary to MM4 to binary round trip (the lossy cases are exactly
 * the ones {@link #isLossless(Status)} and {@link #isLossless(ResponseStatus)} name).
 */
public final class ValueMapping {

  private ValueMapping() {}

  // ---- X-Mms-Status <-> X-Mms-MM-Status-Code ----

  /**
   * Binary X-Mms-Status to X-Mms-MM-Status-Code. The seven MM4 tokens map one to one (TS 23.140
   * §8.4.2, and Mbuni renames the token unchanged). {@code Unreachable} (ENC 1.2) and unknown
   * codes have no MM4 token: they become {@code Indeterminate}, "the outcome is not known".
   */
  public static MmStatusCode mmStatusCode(Status status) {
    Objects.requireNonNull(status, "status");
    switch (status.code()) {
      case 0x80:
        return MmStatusCode.EXPIRED;
      case 0x81:
        return MmStatusCode.RETRIEVED;
      case 0x82:
        return MmStatusCode.REJECTED;
      case 0x83:
        return MmStatusCode.DEFERRED;
      case 0x84:
        return MmStatusCode.UNRECOGNISED;
      case 0x85:
        return MmStatusCode.INDETERMINATE;
      case 0x86:
        return MmStatusCode.FORWARDED;
      default:
        return MmStatusCode.INDETERMINATE;
    }
  }

  /** X-Mms-MM-Status-Code to binary X-Mms-Status (one to one). */
  public static Status status(MmStatusCode code) {
    Objects.requireNonNull(code, "code");
    switch (code) {
      case EXPIRED:
        return Status.EXPIRED;
      case RETRIEVED:
        return Status.RETRIEVED;
      case REJECTED:
        return Status.REJECTED;
      case DEFERRED:
        return Status.DEFERRED;
      case UNRECOGNISED:
        return Status.UNRECOGNISED;
      case INDETERMINATE:
        return Status.INDETERMINATE;
      case FORWARDED:
        return Status.FORWARDED;
      default:
        throw new AssertionError(code);
    }
  }

  /** @return whether {@code status} survives the trip to MM4 and back */
  public static boolean isLossless(Status status) {
    return status(mmStatusCode(status)).equals(status);
  }

  // ---- X-Mms-Response-Status <-> X-Mms-Request-Status-Code ----

  /**
   * Binary X-Mms-Response-Status to X-Mms-Request-Status-Code. The 1.0 codes 0x80-0x88 map one to
   * one. The finer 1.1+ codes map down to the MM4 code of the same meaning (transient and
   * permanent alike, since MM4 has no such distinction); the generic failures (0xC0, 0xE0), the
   * partial success (0xC4) and every unknown code of either range map to {@code
   * Error-unspecified}; the reply-charging refusals, address hiding and prepaid errors are
   * refusals of service ({@code Error-service-denied}), except "reply charging not supported",
   * which is {@code Error-unsupported-message}.
   */
  public static RequestStatusCode requestStatusCode(ResponseStatus status) {
    Objects.requireNonNull(status, "status");
    switch (status.code()) {
      case 0x80:
        return RequestStatusCode.OK;
      case 0x81:
        return RequestStatusCode.ERROR_UNSPECIFIED;
      case 0x82:
        return RequestStatusCode.ERROR_SERVICE_DENIED;
      case 0x83:
        return RequestStatusCode.ERROR_MESSAGE_FORMAT_CORRUPT;
      case 0x84:
        return RequestStatusCode.ERROR_SENDING_ADDRESS_UNRESOLVED;
      case 0x85:
        return RequestStatusCode.ERROR_MESSAGE_NOT_FOUND;
      case 0x86:
        return RequestStatusCode.ERROR_NETWORK_PROBLEM;
      case 0x87:
        return RequestStatusCode.ERROR_CONTENT_NOT_ACCEPTED;
      case 0x88:
        return RequestStatusCode.ERROR_UNSUPPORTED_MESSAGE;
      case 0xC1:
        return RequestStatusCode.ERROR_SENDING_ADDRESS_UNRESOLVED;
      case 0xC2:
        return RequestStatusCode.ERROR_MESSAGE_NOT_FOUND;
      case 0xC3:
        return RequestStatusCode.ERROR_NETWORK_PROBLEM;
      case 0xE1:
        return RequestStatusCode.ERROR_SERVICE_DENIED;
      case 0xE2:
        return RequestStatusCode.ERROR_MESSAGE_FORMAT_CORRUPT;
      case 0xE3:
        return RequestStatusCode.ERROR_SENDING_ADDRESS_UNRESOLVED;
      case 0xE4:
        return RequestStatusCode.ERROR_MESSAGE_NOT_FOUND;
      case 0xE5:
        return RequestStatusCode.ERROR_CONTENT_NOT_ACCEPTED;
      case 0xE6:
      case 0xE7:
      case 0xE8:
      case 0xEA:
      case 0xEB:
        return RequestStatusCode.ERROR_SERVICE_DENIED;
      case 0xE9:
        return RequestStatusCode.ERROR_UNSUPPORTED_MESSAGE;
      default:
        // 0xC0, 0xE0, 0xC4 and codes this table does not know (ENC: an unknown code is handled
        // like its range's generic failure) have no finer MM4 meaning.
        return status.isOk() ? RequestStatusCode.OK : RequestStatusCode.ERROR_UNSPECIFIED;
    }
  }

  /**
   * X-Mms-Request-Status-Code to binary X-Mms-Response-Status for a PDU of {@code version}. For
   * MMS 1.0 the 0x80-0x88 code of the same name. From 1.1 on, where those codes are obsolete, the
   * 1.1 code of the same meaning: permanent, except {@code Error-network-problem}, which is the
   * one condition a retry can cure (transient); {@code Error-unspecified} and {@code
   * Error-unsupported-message}, which have no finer 1.1 code, go up to the generic {@code
   * Error-permanent-failure}.
   */
  public static ResponseStatus responseStatus(RequestStatusCode code, MmsVersion version) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(version, "version");
    if (version.compareTo(MmsVersion.V1_1) < 0) {
      switch (code) {
        case OK:
          return ResponseStatus.OK;
        case ERROR_UNSPECIFIED:
          return ResponseStatus.ERROR_UNSPECIFIED;
        case ERROR_SERVICE_DENIED:
          return ResponseStatus.ERROR_SERVICE_DENIED;
        case ERROR_MESSAGE_FORMAT_CORRUPT:
          return ResponseStatus.ERROR_MESSAGE_FORMAT_CORRUPT;
        case ERROR_SENDING_ADDRESS_UNRESOLVED:
          return ResponseStatus.ERROR_SENDING_ADDRESS_UNRESOLVED;
        case ERROR_MESSAGE_NOT_FOUND:
          return ResponseStatus.ERROR_MESSAGE_NOT_FOUND;
        case ERROR_NETWORK_PROBLEM:
          return ResponseStatus.ERROR_NETWORK_PROBLEM;
        case ERROR_CONTENT_NOT_ACCEPTED:
          return ResponseStatus.ERROR_CONTENT_NOT_ACCEPTED;
        case ERROR_UNSUPPORTED_MESSAGE:
          return ResponseStatus.ERROR_UNSUPPORTED_MESSAGE;
        default:
          throw new AssertionError(code);
      }
    }
    switch (code) {
      case OK:
        return ResponseStatus.OK;
      case ERROR_UNSPECIFIED:
        return ResponseStatus.ERROR_PERMANENT_FAILURE;
      case ERROR_SERVICE_DENIED:
        return ResponseStatus.ERROR_PERMANENT_SERVICE_DENIED;
      case ERROR_MESSAGE_FORMAT_CORRUPT:
        return ResponseStatus.ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT;
      case ERROR_SENDING_ADDRESS_UNRESOLVED:
        return ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED;
      case ERROR_MESSAGE_NOT_FOUND:
        return ResponseStatus.ERROR_PERMANENT_MESSAGE_NOT_FOUND;
      case ERROR_NETWORK_PROBLEM:
        return ResponseStatus.ERROR_TRANSIENT_NETWORK_PROBLEM;
      case ERROR_CONTENT_NOT_ACCEPTED:
        return ResponseStatus.ERROR_PERMANENT_CONTENT_NOT_ACCEPTED;
      case ERROR_UNSUPPORTED_MESSAGE:
        return ResponseStatus.ERROR_PERMANENT_FAILURE;
      default:
        throw new AssertionError(code);
    }
  }

  /** @return whether {@code status} survives the trip to MM4 and back in a PDU of {@code version} */
  public static boolean isLossless(ResponseStatus status, MmsVersion version) {
    return responseStatus(requestStatusCode(status), version).equals(status);
  }

  /** @return whether {@code status} survives the trip to MM4 and back in a PDU of its own era */
  public static boolean isLossless(ResponseStatus status) {
    return isLossless(status, status.code() < 0xC0 ? MmsVersion.V1_0 : MmsVersion.V1_3);
  }

  // ---- X-Mms-Read-Status, X-Mms-Priority, X-Mms-Sender-Visibility, X-Mms-Content-Class ----
  // MM4 uses the PDU value types: a value travels as itself, by its token (its name()). A code
  // outside the set the specification defines has no MM4 token, so it cannot travel.

  /** Binary X-Mms-Read-Status as MM4 carries it; empty for a code outside the two ENC defines. */
  public static Optional<ReadStatus> readStatus(ReadStatus status) {
    return known(Objects.requireNonNull(status, "status"));
  }

  /** Binary X-Mms-Priority as MM4 carries it; empty for an unknown code. */
  public static Optional<Priority> priority(Priority p) {
    return known(Objects.requireNonNull(p, "p"));
  }

  /** Binary X-Mms-Sender-Visibility as MM4 carries it; empty for an unknown code. */
  public static Optional<SenderVisibility> senderVisibility(SenderVisibility v) {
    return known(Objects.requireNonNull(v, "v"));
  }

  private static <T extends OctetToken> Optional<T> known(T value) {
    return value.isKnown() ? Optional.of(value) : Optional.empty();
  }

  // ---- Yes / No ----

  /** A binary Yes/No octet (decoded as a boolean) to MM4. */
  public static YesNo yesNo(boolean value) {
    return YesNo.of(value);
  }

  /** An MM4 Yes/No to the binary boolean. */
  public static boolean yesNo(YesNo value) {
    return Objects.requireNonNull(value, "value").asBoolean();
  }

  // ---- X-Mms-Content-Class ----

  /**
   * Binary X-Mms-Content-Class (ENC 1.3) as MM4 (Rel-6) carries it, with the same eight tokens;
   * empty for an unknown code.
   */
  public static Optional<ContentClass> contentClass(ContentClass c) {
    return known(Objects.requireNonNull(c, "c"));
  }

  // ---- times ----

  /**
   * A binary Expiry / Delivery-Time / Reply-Charging-Deadline value as the absolute instant MM4
   * writes (MM4 dates are RFC 5322 dates, never intervals): an absolute value as it is, a relative
   * one counted from {@code base} (the time the Relay/Server took the MM over).
   */
  public static Instant absolute(TimeValue value, Instant base) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(base, "base");
    return value.relative()
        ? base.plusSeconds(value.seconds())
        : Instant.ofEpochSecond(value.seconds());
  }

  /** An MM4 date to a binary absolute time value (whole seconds). */
  public static TimeValue timeValue(OffsetDateTime date) {
    return TimeValue.absolute(Objects.requireNonNull(date, "date").toInstant());
  }

  /**
   * An MM4 date to a binary relative value counted from {@code base}, as notifications usually
   * carry Expiry (never negative: an expiry already past is 0 seconds away).
   */
  public static TimeValue relative(OffsetDateTime date, Instant base) {
    long s = Duration.between(base, date.toInstant()).toSeconds();
    return TimeValue.relative(Duration.ofSeconds(Math.max(0, s)));
  }

  /** A binary date (seconds since the epoch) as the UTC date MM4 writes. */
  public static OffsetDateTime date(Instant instant) {
    return OffsetDateTime.ofInstant(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC)
        .withNano(0);
  }
}
