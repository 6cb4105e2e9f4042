package org.mmsstack.routing;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.routing.internal.Ascii;

/**
 * The header fields that identify the item a hop carries; the signature covers them together
 * with the routing fields, so signed routing fields cannot be moved onto another message.
 *
 * <p>Components are text exactly as the receiver can recompute it from the message; an absent
 * header is the empty string. {@code date} is decimal seconds since 1970 (binary Date, or an
 * MM4 Date that parses as RFC 5322; the trimmed MM4 text otherwise). {@code originator} is the
 * address text of From, or for a delivery report the address whose status is reported (binary
 * m-delivery-ind To, MM4 From), as written.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the hop carries
 * @param messageId the Message-ID (binary X-Mms-Message-Id, MM4 X-Mms-Message-ID)
 * @param transactionId the transaction id of this hop
 * @param date the date, see above
 * @param originator the originator address text, see above
 */
@Provisional
public record MessageIdentity(
    MessageKind kind, String messageId, String transactionId, String date, String originator) {

  /** Checks for nulls. */
  public MessageIdentity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(originator, "originator");
  }

  /** An identity with the date given as an instant (or {@code null} when the message has none). */
  public static MessageIdentity of(
      MessageKind kind, String messageId, String transactionId, Instant date, String originator) {
    return new MessageIdentity(
        kind,
        nz(messageId),
        nz(transactionId),
        date == null ? "" : Long.toString(date.getEpochSecond()),
        nz(originator));
  }

  /** The MM4 headers the identity is made of; each must occur at most once. */
  private static final String[] MM4_SIGNED = {
    "X-Mms-Message-Type", "X-Mms-Message-ID", "X-Mms-Transaction-ID", "Date", "From"
  };

  /**
   * The identity of an MM4 request from its header section: X-Mms-Message-Type,
   * X-Mms-Message-ID, X-Mms-Transaction-ID, Date and From (names case-insensitive, values
   * trimmed).
   *
   * @throws RoutingFieldException with reason {@code DUPLICATE_SIGNED_HEADER} when one of those
   *     headers occurs more than once: the signature would cover one occurrence while a consumer
   *     may read another, so such a hop has no identity and cannot verify
   */
  public static MessageIdentity ofMm4(List<HeaderPair> headers) throws RoutingFieldException {
    return ofMm4(HeaderSection.of(headers));
  }

  /**
   * The identity of an MM4 request from its decoded header section ({@link
   * org.mmsstack.mm4.Mm4Codec#decodeHeaders(byte[])}), as {@link #ofMm4(List)}: only the five
   * values named there are read.
   *
   * @throws RoutingFieldException as {@link #ofMm4(List)}
   */
  public static MessageIdentity ofMm4(Mm4Headers headers) throws RoutingFieldException {
    return ofMm4(HeaderSection.of(headers));
  }

  private static MessageIdentity ofMm4(HeaderSection headers) throws RoutingFieldException {
    String[] values = new String[MM4_SIGNED.length];
    for (int i = 0, n = headers.size(); i < n; i++) {
      String name = headers.name(i);
      for (int k = 0; k < MM4_SIGNED.length; k++) {
        if (name.equalsIgnoreCase(MM4_SIGNED[k])) {
          if (values[k] != null) {
            throw RoutingFieldException.duplicateSignedHeader(MM4_SIGNED[k]);
          }
          values[k] = Ascii.trimWsp(headers.value(i));
          break;
        }
      }
    }
    for (int k = 0; k < values.length; k++) {
      values[k] = nz(values[k]);
    }
    String type = values[0];
    MessageKind kind;
    if (type.equalsIgnoreCase("MM4_forward.REQ")) {
      kind = MessageKind.MESSAGE;
    } else if (type.equalsIgnoreCase("MM4_delivery_report.REQ")) {
      kind = MessageKind.DELIVERY_REPORT;
    } else if (type.equalsIgnoreCase("MM4_read_reply_report.REQ")) {
      kind = MessageKind.READ_REPORT;
    } else {
      kind = MessageKind.OTHER;
    }
    String date = values[3];
    try {
      date =
          Long.toString(
              ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond());
    } catch (DateTimeParseException e) {
      // Keep the text: still covered by the signature, just not normalised.
    }
    return new MessageIdentity(kind, values[1], values[2], date, values[4]);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
