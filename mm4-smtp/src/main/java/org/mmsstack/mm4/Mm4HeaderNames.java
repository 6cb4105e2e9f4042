package org.mmsstack.mm4;

import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.RequestStatusCode;

/**
 * Header names, spelled as 3GPP TS 23.140 and RFC 5322/2045 spell them; the formatter writes these
 * spellings. Lookups in {@link Mm4Headers} ignore case, as RFC 5322 requires (captures carry both
 * {@code X-Mms-Transaction-Id} and {@code X-Mms-Transaction-ID}).
 */
public final class Mm4HeaderNames {

  private Mm4HeaderNames() {}

  // ---- MM4 information elements (TS 23.140 §8.4) ----
  /** The TS 23.140 version, {@code 5.5.0}. */
  public static final String MMS_VERSION = "X-Mms-3GPP-MMS-Version";

  /** One of the six {@link Mm4MessageType} tokens. */
  public static final String MESSAGE_TYPE = "X-Mms-Message-Type";

  /** Pairs a response with its request. */
  public static final String TRANSACTION_ID = "X-Mms-Transaction-ID";

  /** The MM's id as the originator Relay/Server assigned it. */
  public static final String MESSAGE_ID = "X-Mms-Message-ID";

  /** {@link MessageClass}. */
  public static final String MESSAGE_CLASS = "X-Mms-Message-Class";

  /** Expiry, an RFC 5322 date. */
  public static final String EXPIRY = "X-Mms-Expiry";

  /** Yes/No: delivery report wanted. */
  public static final String DELIVERY_REPORT = "X-Mms-Delivery-Report";

  /** Where responses and reports go. */
  public static final String ORIGINATOR_SYSTEM = "X-Mms-Originator-System";

  /** {@link Priority}. */
  public static final String PRIORITY = "X-Mms-Priority";

  /** {@link SenderVisibility}. */
  public static final String SENDER_VISIBILITY = "X-Mms-Sender-Visibility";

  /** Yes/No: read reply wanted. */
  public static final String READ_REPLY = "X-Mms-Read-Reply";

  /** Yes/No: whether the request wants an MM4 response. */
  public static final String ACK_REQUEST = "X-Mms-Ack-Request";

  /** How often the MM was forwarded. */
  public static final String FORWARD_COUNTER = "X-Mms-Forward-Counter";

  /** {@code <index>, <address>} of an earlier sender, one header per entry. */
  public static final String PREVIOUSLY_SENT_BY = "X-Mms-Previously-sent-by";

  /** {@code <index>, <date>} of an earlier submission, one header per entry. */
  public static final String PREVIOUSLY_SENT_DATE = "X-Mms-Previously-sent-date-and-time";

  /** Rel-6 application id. */
  public static final String APPLIC_ID = "X-Mms-Applic-ID";

  /** Rel-6 reply application id. */
  public static final String REPLY_APPLIC_ID = "X-Mms-Reply-Applic-ID";

  /** Rel-6 auxiliary application information. */
  public static final String AUX_APPLIC_INFO = "X-Mms-Aux-Applic-Info";

  /** {@link ContentClass} (Rel-6). */
  public static final String CONTENT_CLASS = "X-Mms-Content-Class";

  /** Yes/No: DRM-protected content (Rel-6). */
  public static final String DRM_CONTENT = "X-Mms-DRM-Content";

  /** Yes/No: adaptation allowed (Rel-6). */
  public static final String ADAPTATION_ALLOWED = "X-Mms-Adaptation-Allowed";

  /** {@link RequestStatusCode} of a response. */
  public static final String REQUEST_STATUS_CODE = "X-Mms-Request-Status-Code";

  /** Free text explaining a status. */
  public static final String STATUS_TEXT = "X-Mms-Status-Text";

  /** {@link MmStatusCode} of a delivery report. */
  public static final String MM_STATUS_CODE = "X-Mms-MM-Status-Code";

  /** Rel-6 extension of the MM status (free text). */
  public static final String MM_STATUS_EXTENSION = "X-Mms-MM-Status-Extension";

  /** {@link ReadStatus} of a read-reply report. */
  public static final String READ_STATUS = "X-Mms-Read-Status";

  // ---- RFC 5322 / RFC 2045 headers MM4 uses ----
  /** RFC 5322 From. */
  public static final String FROM = "From";

  /** RFC 5322 To. */
  public static final String TO = "To";

  /** RFC 5322 Cc. */
  public static final String CC = "Cc";

  /** RFC 5322 Date. */
  public static final String DATE = "Date";

  /** RFC 5322 Subject. */
  public static final String SUBJECT = "Subject";

  /** RFC 5322 Message-ID (of the mail, not of the MM). */
  public static final String RFC822_MESSAGE_ID = "Message-ID";

  /** RFC 5322 Sender. */
  public static final String SENDER = "Sender";

  /** RFC 2045 MIME-Version. */
  public static final String MIME_VERSION = "MIME-Version";

  /** RFC 2045 Content-Type. */
  public static final String CONTENT_TYPE = "Content-Type";

  /** RFC 2045 Content-Transfer-Encoding. */
  public static final String CONTENT_TRANSFER_ENCODING = "Content-Transfer-Encoding";

  /** RFC 2045 Content-ID. */
  public static final String CONTENT_ID = "Content-ID";

  /** RFC 2557 Content-Location. */
  public static final String CONTENT_LOCATION = "Content-Location";

  /** RFC 2183 Content-Disposition. */
  public static final String CONTENT_DISPOSITION = "Content-Disposition";

  /** RFC 2045 Content-Description. */
  public static final String CONTENT_DESCRIPTION = "Content-Description";
}
