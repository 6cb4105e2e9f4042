package org.mmsstack.mm4;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.validate.Mm4Validator;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.RequestStatusCode;

/**
 * An MM4 message (3GPP TS 23.140 §8.4): RFC 5322 mail with X-Mms-* header fields and, for
 * MM4_forward.REQ, a MIME body holding the MM. One final, immutable class per message type; a
 * {@code switch} over this sealed type covers all six.
 *
 * <p>Every typed accessor reads the {@link #headers() header fields}, which keep everything the
 * message carried (unknown headers included, in order), so a parsed and re-formatted message
 * loses nothing. Accessors return empty when an element is absent <em>or</em> its value does not
 * parse (lenient parsing keeps such messages; {@link Mm4Validator} says what is wrong); the raw
 * text is always in {@link #headers()}.
 *
 * <p>Equality: same type, equal header fields (names ignoring case, values exactly, in order) and
 * equal content; {@link #findings()} are not compared.
 *
 * <p><b>Thread-safety and ownership.</b> Messages are immutable and safe to share between threads.
 * A message decoded from an array ({@link Mm4Codec#decode(byte[])}) views that array: header raw
 * bytes and the data of 7bit, 8bit and binary parts are not copied, and header values are read
 * from it on first use, so the caller must not change the array while the message (or anything
 * taken from it) is in use. Base64 and quoted-printable data is decoded into arrays the message
 * owns. A message decoded from a stream owns its buffer. A built message views the part data
 * given to {@link org.mmsstack.mm4.mime.MimeEntity.Builder#data(byte[])}: the caller must not
 * change those arrays while the message is in use.
 */
public sealed interface Mm4Message
    permits Mm4ForwardReq,
        Mm4ForwardRes,
        Mm4DeliveryReportReq,
        Mm4DeliveryReportRes,
        Mm4ReadReplyReportReq,
        Mm4ReadReplyReportRes {

  /** @return the X-Mms-Message-Type this class stands for */
  Mm4MessageType messageType();

  /** @return every header field, in order */
  Mm4Headers headers();

  /** @return the content: the root MIME entity (its header fields are {@link #headers()}) */
  MimeEntity content();

  /** @return X-Mms-3GPP-MMS-Version */
  Optional<Mm4Version> mmsVersion();

  /** @return X-Mms-Transaction-ID, without the quotes of a quoted-string form */
  Optional<String> transactionId();

  /**
   * @return X-Mms-Message-ID, without the quotes of a quoted-string form (angle brackets, which
   *     some Relay/Servers write, are kept as part of the id)
   */
  Optional<String> messageId();

  /** @return From */
  Optional<Mm4Address> from();

  /** @return To (all To fields, in order) */
  List<Mm4Address> to();

  /** @return Cc (all Cc fields, in order) */
  List<Mm4Address> cc();

  /** @return Date */
  Optional<OffsetDateTime> date();

  /** @return Subject, RFC 2047 encoded words decoded */
  Optional<String> subject();

  /** @return Message-ID of the mail, without angle brackets */
  Optional<String> rfc822MessageId();

  /** @return Sender */
  Optional<Mm4Address> sender();

  /** @return MIME-Version (comments removed) */
  Optional<String> mimeVersion();

  /** @return Content-Type, if present and readable */
  Optional<ContentType> contentType();

  /** @return X-Mms-Originator-System (requests; some responses carry it too) */
  Optional<Mm4Address> originatorSystem();

  /** @return X-Mms-Message-Class (requests; some responses carry it too) */
  Optional<MessageClass> messageClass();

  /** @return the first value of any header field, by name (any case) */
  Optional<String> header(String name);

  /**
   * A builder holding this message, to change a copy: unchanged fields keep their raw bytes. Each
   * message class returns its own builder type ({@code Mm4ForwardReq.toBuilder()} a {@link
   * Mm4ForwardReq.Builder}); through this interface, code that edits any message (a fresh
   * Transaction-ID for a retransmission, a field added or removed) needs no switch over the types.
   *
   * @return a builder of this message's type, holding this message
   */
  Mm4MessageBuilder<?, ?> toBuilder();

  /**
   * The response (MM4_forward.RES, MM4_delivery_report.RES or MM4_read_reply_report.RES) that
   * answers a request, made from the request's header section alone, so that a Relay/Server that
   * routes on {@link Mm4Codec#decodeHeaders(byte[])} can acknowledge without decoding the body
   * (for a decoded request pass {@link #headers()}). It carries the request's
   * X-Mms-Transaction-ID and X-Mms-Message-ID, read as {@link #transactionId()} and {@link
   * #messageId()} read them, the request's X-Mms-3GPP-MMS-Version (version 6.8.0 when the
   * request's cannot be read) and the status.
   *
   * @param request the header fields of an MM4 request
   * @param status X-Mms-Request-Status-Code of the response
   * @return the response, built
   * @throws IllegalArgumentException if the fields are not those of a request (no or an unknown
   *     X-Mms-Message-Type, or a response's), or lack the X-Mms-Transaction-ID or
   *     X-Mms-Message-ID the response must repeat
   */
  static Mm4Message responseTo(Mm4Headers request, RequestStatusCode status) {
    return Responses.to(request, status);
  }

  /**
   * What lenient decoding recovered from and what validation found while decoding, in the order
   * they were reported, each with its line and byte offset; empty for a built message (run {@link
   * org.mmsstack.mm4.validate.Mm4Validator} on it) and for clean input. A base64 or
   * quoted-printable body is checked here only when it was decoded with {@link
   * Mm4Config#checkBodies()} on ({@link Mm4Config#STRICT}); under the lenient default its
   * findings come from {@link org.mmsstack.mm4.mime.MimeEntity#checkData()} (or the validator),
   * so an empty list then says the headers and the structure are clean, not the bodies.
   *
   * @return the findings (unmodifiable)
   */
  List<Finding> findings();
}
