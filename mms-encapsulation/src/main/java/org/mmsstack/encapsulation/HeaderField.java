package org.mmsstack.encapsulation;

import static org.mmsstack.encapsulation.MessageType.ACKNOWLEDGE_IND;
import static org.mmsstack.encapsulation.MessageType.CANCEL_CONF;
import static org.mmsstack.encapsulation.MessageType.CANCEL_REQ;
import static org.mmsstack.encapsulation.MessageType.DELETE_CONF;
import static org.mmsstack.encapsulation.MessageType.DELETE_REQ;
import static org.mmsstack.encapsulation.MessageType.DELIVERY_IND;
import static org.mmsstack.encapsulation.MessageType.FORWARD_CONF;
import static org.mmsstack.encapsulation.MessageType.FORWARD_REQ;
import static org.mmsstack.encapsulation.MessageType.MBOX_DELETE_CONF;
import static org.mmsstack.encapsulation.MessageType.MBOX_DELETE_REQ;
import static org.mmsstack.encapsulation.MessageType.MBOX_DESCR;
import static org.mmsstack.encapsulation.MessageType.MBOX_STORE_CONF;
import static org.mmsstack.encapsulation.MessageType.MBOX_STORE_REQ;
import static org.mmsstack.encapsulation.MessageType.MBOX_UPLOAD_CONF;
import static org.mmsstack.encapsulation.MessageType.MBOX_UPLOAD_REQ;
import static org.mmsstack.encapsulation.MessageType.MBOX_VIEW_CONF;
import static org.mmsstack.encapsulation.MessageType.MBOX_VIEW_REQ;
import static org.mmsstack.encapsulation.MessageType.NOTIFICATION_IND;
import static org.mmsstack.encapsulation.MessageType.NOTIFYRESP_IND;
import static org.mmsstack.encapsulation.MessageType.READ_ORIG_IND;
import static org.mmsstack.encapsulation.MessageType.READ_REC_IND;
import static org.mmsstack.encapsulation.MessageType.RETRIEVE_CONF;
import static org.mmsstack.encapsulation.MessageType.SEND_CONF;
import static org.mmsstack.encapsulation.MessageType.SEND_REQ;
import static org.mmsstack.encapsulation.MmsVersion.V1_0;
import static org.mmsstack.encapsulation.MmsVersion.V1_1;
import static org.mmsstack.encapsulation.MmsVersion.V1_2;
import static org.mmsstack.encapsulation.MmsVersion.V1_3;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.mmsstack.encapsulation.internal.HeaderTable;
import org.mmsstack.encapsulation.internal.ValueKind;
import org.mmsstack.encapsulation.internal.WireChecks;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CancelStatus;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MboxCount;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.ReplyCharging;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.RetrievalMode;
import org.mmsstack.encapsulation.value.RetrieveStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.StoreStatus;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * A header field of an MMS PDU, typed by the Java type of its value: the 63 fields of OMA MMS
 * Encapsulation 1.0-1.3 (codes 0x01-0x3F, sent as {@code 0x80 | code}), any other well-known
 * code ({@link #valueOf(int)} keeps it, its value a {@link RawValue}), and Application-headers
 * (a textual name and a text value, {@link #application(String)}).
 *
 * <p>Three fields have a second form in m-mbox-delete-conf and m-delete-conf, where each value
 * answers one entry of the request ({@link Indexed}): {@link #CONTENT_LOCATION_INDEXED},
 * {@link #RESPONSE_STATUS_INDEXED} and {@link #RESPONSE_TEXT_INDEXED} share the code of the
 * plain field.
 *
 * <p>{@code Content} (0x2E) and {@code Additional-headers} (0x30) are never headers: they exist
 * as values of {@link #ATTRIBUTES}.
 *
 * <p><b>The header table.</b> The constants below are the one place where a field is defined:
 * its code, name, version, Java value type, the grammar of its value on the wire and, field by
 * field, how each PDU type carries it (mandatory, optional or conditional, from which version,
 * once or repeatedly). Everything else is derived from them: the decoder's and encoder's value
 * dispatch, the plain-value fast path, {@link PduRules} (and so the builders' and the
 * validator's checks), {@link #valueOf(int)}, {@link #byName} and {@link #repeatable()}. A test
 * checks every accessor of the 24 PDU classes against the table (name, value type, single or
 * repeated, and the presence its javadoc states).
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the Java type of the value
 */
public final class HeaderField<T> {

  private static final HeaderField<?>[] BY_CODE = new HeaderField<?>[0x80];

  private static final HeaderField<?>[] INDEXED_BY_CODE = new HeaderField<?>[0x80];

  /** {@link #knownFields()}, made on first use (racy but idempotent: the list is immutable). */
  private static volatile List<HeaderField<?>> known;

  /** Bcc (0x01, binary 0x81, since 1.0). */
  public static final HeaderField<Address> BCC =
      define(
          0x01,
          "Bcc",
          V1_0,
          ValueKind.ADDRESS,
          Address.class,
          optional(SEND_REQ).repeatable(),
          optional(FORWARD_REQ).repeatable(),
          optional(MBOX_DESCR).repeatable());

  /** Cc (0x02, binary 0x82, since 1.0). */
  public static final HeaderField<Address> CC =
      define(
          0x02,
          "Cc",
          V1_0,
          ValueKind.ADDRESS,
          Address.class,
          optional(SEND_REQ).repeatable(),
          optional(RETRIEVE_CONF).repeatable(),
          optional(FORWARD_REQ).repeatable(),
          optional(MBOX_DESCR).repeatable());

  /** X-Mms-Content-Location (0x03, binary 0x83, since 1.0). */
  public static final HeaderField<String> CONTENT_LOCATION =
      define(
          0x03,
          "X-Mms-Content-Location",
          V1_0,
          ValueKind.TEXT,
          String.class,
          optional(SEND_CONF).since(V1_2),
          mandatory(NOTIFICATION_IND),
          mandatory(FORWARD_REQ),
          optional(FORWARD_CONF).since(V1_2),
          mandatory(MBOX_STORE_REQ),
          conditional(MBOX_STORE_CONF),
          optional(MBOX_VIEW_REQ).repeatable(),
          optional(MBOX_VIEW_CONF).repeatable(),
          conditional(MBOX_UPLOAD_CONF),
          mandatory(MBOX_DELETE_REQ).repeatable(),
          optional(MBOX_DELETE_CONF).repeatable(),
          optional(MBOX_DESCR),
          mandatory(DELETE_REQ).repeatable(),
          optional(DELETE_CONF).repeatable());

  /** Content-Type (0x04, binary 0x84, since 1.0). */
  public static final HeaderField<ContentType> CONTENT_TYPE =
      define(
          0x04,
          "Content-Type",
          V1_0,
          ValueKind.CONTENT_TYPE,
          ContentType.class,
          mandatory(SEND_REQ),
          mandatory(RETRIEVE_CONF),
          mandatory(MBOX_VIEW_CONF),
          mandatory(MBOX_UPLOAD_REQ),
          optional(MBOX_DESCR));

  /** Date (0x05, binary 0x85, since 1.0). */
  public static final HeaderField<Instant> DATE =
      define(
          0x05,
          "Date",
          V1_0,
          ValueKind.DATE,
          Instant.class,
          optional(SEND_REQ),
          mandatory(RETRIEVE_CONF),
          mandatory(DELIVERY_IND),
          optional(READ_REC_IND),
          mandatory(READ_ORIG_IND),
          optional(FORWARD_REQ),
          optional(MBOX_DESCR));

  /** X-Mms-Delivery-Report (0x06, binary 0x86, since 1.0). */
  public static final HeaderField<Boolean> DELIVERY_REPORT =
      define(
          0x06,
          "X-Mms-Delivery-Report",
          V1_0,
          ValueKind.YES_NO,
          Boolean.class,
          optional(SEND_REQ),
          optional(NOTIFICATION_IND),
          optional(RETRIEVE_CONF),
          optional(FORWARD_REQ),
          optional(MBOX_DESCR));

  /** X-Mms-Delivery-Time (0x07, binary 0x87, since 1.0). */
  public static final HeaderField<TimeValue> DELIVERY_TIME =
      define(
          0x07,
          "X-Mms-Delivery-Time",
          V1_0,
          ValueKind.TIME,
          TimeValue.class,
          optional(SEND_REQ),
          optional(FORWARD_REQ),
          optional(MBOX_DESCR));

  /** X-Mms-Expiry (0x08, binary 0x88, since 1.0). */
  public static final HeaderField<TimeValue> EXPIRY =
      define(
          0x08,
          "X-Mms-Expiry",
          V1_0,
          ValueKind.TIME,
          TimeValue.class,
          optional(SEND_REQ),
          mandatory(NOTIFICATION_IND),
          optional(FORWARD_REQ),
          optional(MBOX_DESCR));

  /** From (0x09, binary 0x89, since 1.0). */
  public static final HeaderField<FromValue> FROM =
      define(
          0x09,
          "From",
          V1_0,
          ValueKind.FROM,
          FromValue.class,
          mandatory(SEND_REQ),
          optional(NOTIFICATION_IND),
          optional(RETRIEVE_CONF),
          mandatory(READ_REC_IND),
          mandatory(READ_ORIG_IND),
          mandatory(FORWARD_REQ),
          optional(MBOX_DESCR));

  /** X-Mms-Message-Class (0x0A, binary 0x8A, since 1.0). */
  public static final HeaderField<MessageClass> MESSAGE_CLASS =
      define(
          0x0A,
          "X-Mms-Message-Class",
          V1_0,
          ValueKind.MESSAGE_CLASS,
          MessageClass.class,
          optional(SEND_REQ),
          mandatory(NOTIFICATION_IND),
          optional(RETRIEVE_CONF),
          optional(MBOX_DESCR));

  /** Message-ID (0x0B, binary 0x8B, since 1.0). */
  public static final HeaderField<String> MESSAGE_ID =
      define(
          0x0B,
          "Message-ID",
          V1_0,
          ValueKind.TEXT,
          String.class,
          optional(SEND_CONF),
          conditional(RETRIEVE_CONF),
          mandatory(DELIVERY_IND),
          mandatory(READ_REC_IND),
          mandatory(READ_ORIG_IND),
          optional(FORWARD_CONF),
          optional(MBOX_DESCR));

  /** X-Mms-Message-Type (0x0C, binary 0x8C, since 1.0). */
  public static final HeaderField<MessageType> MESSAGE_TYPE =
      define(
          0x0C,
          "X-Mms-Message-Type",
          V1_0,
          ValueKind.MESSAGE_TYPE,
          MessageType.class,
          mandatory(SEND_REQ),
          mandatory(SEND_CONF),
          mandatory(NOTIFICATION_IND),
          mandatory(NOTIFYRESP_IND),
          mandatory(RETRIEVE_CONF),
          mandatory(ACKNOWLEDGE_IND),
          mandatory(DELIVERY_IND),
          mandatory(READ_REC_IND),
          mandatory(READ_ORIG_IND),
          mandatory(FORWARD_REQ),
          mandatory(FORWARD_CONF),
          mandatory(MBOX_STORE_REQ),
          mandatory(MBOX_STORE_CONF),
          mandatory(MBOX_VIEW_REQ),
          mandatory(MBOX_VIEW_CONF),
          mandatory(MBOX_UPLOAD_REQ),
          mandatory(MBOX_UPLOAD_CONF),
          mandatory(MBOX_DELETE_REQ),
          mandatory(MBOX_DELETE_CONF),
          mandatory(MBOX_DESCR),
          mandatory(DELETE_REQ),
          mandatory(DELETE_CONF),
          mandatory(CANCEL_REQ),
          mandatory(CANCEL_CONF));

  /** X-Mms-MMS-Version (0x0D, binary 0x8D, since 1.0). */
  public static final HeaderField<MmsVersion> MMS_VERSION =
      define(
          0x0D,
          "X-Mms-MMS-Version",
          V1_0,
          ValueKind.VERSION,
          MmsVersion.class,
          mandatory(SEND_REQ),
          mandatory(SEND_CONF),
          mandatory(NOTIFICATION_IND),
          mandatory(NOTIFYRESP_IND),
          mandatory(RETRIEVE_CONF),
          mandatory(ACKNOWLEDGE_IND),
          mandatory(DELIVERY_IND),
          mandatory(READ_REC_IND),
          mandatory(READ_ORIG_IND),
          mandatory(FORWARD_REQ),
          mandatory(FORWARD_CONF),
          mandatory(MBOX_STORE_REQ),
          mandatory(MBOX_STORE_CONF),
          mandatory(MBOX_VIEW_REQ),
          mandatory(MBOX_VIEW_CONF),
          mandatory(MBOX_UPLOAD_REQ),
          mandatory(MBOX_UPLOAD_CONF),
          mandatory(MBOX_DELETE_REQ),
          mandatory(MBOX_DELETE_CONF),
          optional(MBOX_DESCR),
          mandatory(DELETE_REQ),
          mandatory(DELETE_CONF),
          mandatory(CANCEL_REQ),
          mandatory(CANCEL_CONF));

  /** X-Mms-Message-Size (0x0E, binary 0x8E, since 1.0). */
  public static final HeaderField<Long> MESSAGE_SIZE =
      define(
          0x0E,
          "X-Mms-Message-Size",
          V1_0,
          ValueKind.LONG,
          Long.class,
          mandatory(NOTIFICATION_IND),
          optional(MBOX_DESCR));

  /** X-Mms-Priority (0x0F, binary 0x8F, since 1.0). */
  public static final HeaderField<Priority> PRIORITY =
      defineOctet(
          0x0F,
          "X-Mms-Priority",
          V1_0,
          Priority.class,
          Priority::valueOf,
          optional(SEND_REQ),
          optional(NOTIFICATION_IND),
          optional(RETRIEVE_CONF),
          optional(MBOX_DESCR));

  /** X-Mms-Read-Report (0x10, binary 0x90, since 1.0). */
  public static final HeaderField<Boolean> READ_REPORT =
      define(
          0x10,
          "X-Mms-Read-Report",
          V1_0,
          ValueKind.YES_NO,
          Boolean.class,
          optional(SEND_REQ),
          optional(RETRIEVE_CONF),
          optional(FORWARD_REQ),
          optional(MBOX_DESCR));

  /** X-Mms-Report-Allowed (0x11, binary 0x91, since 1.0). */
  public static final HeaderField<Boolean> REPORT_ALLOWED =
      define(
          0x11,
          "X-Mms-Report-Allowed",
          V1_0,
          ValueKind.YES_NO,
          Boolean.class,
          optional(NOTIFYRESP_IND),
          optional(ACKNOWLEDGE_IND),
          optional(FORWARD_REQ));

  /** X-Mms-Response-Status (0x12, binary 0x92, since 1.0). */
  public static final HeaderField<ResponseStatus> RESPONSE_STATUS =
      defineOctet(
          0x12,
          "X-Mms-Response-Status",
          V1_0,
          ResponseStatus.class,
          ResponseStatus::valueOf,
          mandatory(SEND_CONF),
          mandatory(FORWARD_CONF),
          mandatory(MBOX_VIEW_CONF),
          mandatory(MBOX_DELETE_CONF).repeatable(),
          mandatory(DELETE_CONF).repeatable());

  /** X-Mms-Response-Text (0x13, binary 0x93, since 1.0). */
  public static final HeaderField<EncodedString> RESPONSE_TEXT =
      define(
          0x13,
          "X-Mms-Response-Text",
          V1_0,
          ValueKind.ENCODED_STRING,
          EncodedString.class,
          optional(SEND_CONF),
          optional(FORWARD_CONF),
          optional(MBOX_VIEW_CONF),
          optional(MBOX_DELETE_CONF).repeatable(),
          optional(DELETE_CONF).repeatable());

  /** X-Mms-Sender-Visibility (0x14, binary 0x94, since 1.0). */
  public static final HeaderField<SenderVisibility> SENDER_VISIBILITY =
      defineOctet(
          0x14,
          "X-Mms-Sender-Visibility",
          V1_0,
          SenderVisibility.class,
          SenderVisibility::valueOf,
          optional(SEND_REQ));

  /** X-Mms-Status (0x15, binary 0x95, since 1.0). */
  public static final HeaderField<Status> STATUS =
      defineOctet(
          0x15,
          "X-Mms-Status",
          V1_0,
          Status.class,
          Status::valueOf,
          mandatory(NOTIFYRESP_IND),
          mandatory(DELIVERY_IND));

  /** Subject (0x16, binary 0x96, since 1.0). */
  public static final HeaderField<EncodedString> SUBJECT =
      define(
          0x16,
          "Subject",
          V1_0,
          ValueKind.ENCODED_STRING,
          EncodedString.class,
          optional(SEND_REQ),
          optional(NOTIFICATION_IND),
          optional(RETRIEVE_CONF),
          optional(MBOX_DESCR));

  /** To (0x17, binary 0x97, since 1.0). */
  public static final HeaderField<Address> TO =
      define(
          0x17,
          "To",
          V1_0,
          ValueKind.ADDRESS,
          Address.class,
          optional(SEND_REQ).repeatable(),
          optional(RETRIEVE_CONF).repeatable(),
          mandatory(DELIVERY_IND),
          mandatory(READ_REC_IND),
          mandatory(READ_ORIG_IND),
          optional(FORWARD_REQ).repeatable(),
          optional(MBOX_DESCR).repeatable());

  /** X-Mms-Transaction-Id (0x18, binary 0x98, since 1.0). */
  public static final HeaderField<String> TRANSACTION_ID =
      define(
          0x18,
          "X-Mms-Transaction-Id",
          V1_0,
          ValueKind.TEXT,
          String.class,
          mandatory(SEND_REQ),
          mandatory(SEND_CONF),
          mandatory(NOTIFICATION_IND),
          mandatory(NOTIFYRESP_IND),
          conditional(RETRIEVE_CONF),
          mandatory(ACKNOWLEDGE_IND),
          mandatory(FORWARD_REQ),
          mandatory(FORWARD_CONF),
          mandatory(MBOX_STORE_REQ),
          mandatory(MBOX_STORE_CONF),
          mandatory(MBOX_VIEW_REQ),
          mandatory(MBOX_VIEW_CONF),
          mandatory(MBOX_UPLOAD_REQ),
          mandatory(MBOX_UPLOAD_CONF),
          mandatory(MBOX_DELETE_REQ),
          mandatory(MBOX_DELETE_CONF),
          optional(MBOX_DESCR),
          mandatory(DELETE_REQ),
          mandatory(DELETE_CONF),
          mandatory(CANCEL_REQ),
          mandatory(CANCEL_CONF));

  /** X-Mms-Retrieve-Status (0x19, binary 0x99, since 1.1). */
  public static final HeaderField<RetrieveStatus> RETRIEVE_STATUS =
      defineOctet(
          0x19,
          "X-Mms-Retrieve-Status",
          V1_1,
          RetrieveStatus.class,
          RetrieveStatus::valueOf,
          optional(RETRIEVE_CONF).since(V1_1));

  /** X-Mms-Retrieve-Text (0x1A, binary 0x9A, since 1.1). */
  public static final HeaderField<EncodedString> RETRIEVE_TEXT =
      define(
          0x1A,
          "X-Mms-Retrieve-Text",
          V1_1,
          ValueKind.ENCODED_STRING,
          EncodedString.class,
          optional(RETRIEVE_CONF).since(V1_1));

  /** X-Mms-Read-Status (0x1B, binary 0x9B, since 1.1). */
  public static final HeaderField<ReadStatus> READ_STATUS =
      defineOctet(
          0x1B,
          "X-Mms-Read-Status",
          V1_1,
          ReadStatus.class,
          ReadStatus::valueOf,
          mandatory(READ_REC_IND),
          mandatory(READ_ORIG_IND));

  /** X-Mms-Reply-Charging (0x1C, binary 0x9C, since 1.1). */
  public static final HeaderField<ReplyCharging> REPLY_CHARGING =
      defineOctet(
          0x1C,
          "X-Mms-Reply-Charging",
          V1_1,
          ReplyCharging.class,
          ReplyCharging::valueOf,
          optional(SEND_REQ).since(V1_1),
          optional(NOTIFICATION_IND).since(V1_1),
          optional(RETRIEVE_CONF).since(V1_1),
          optional(FORWARD_REQ).since(V1_3),
          optional(MBOX_DESCR));

  /** X-Mms-Reply-Charging-Deadline (0x1D, binary 0x9D, since 1.1). */
  public static final HeaderField<TimeValue> REPLY_CHARGING_DEADLINE =
      define(
          0x1D,
          "X-Mms-Reply-Charging-Deadline",
          V1_1,
          ValueKind.TIME,
          TimeValue.class,
          optional(SEND_REQ).since(V1_1),
          optional(NOTIFICATION_IND).since(V1_1),
          optional(RETRIEVE_CONF).since(V1_1),
          optional(FORWARD_REQ).since(V1_3),
          optional(MBOX_DESCR));

  /** X-Mms-Reply-Charging-ID (0x1E, binary 0x9E, since 1.1). */
  public static final HeaderField<String> REPLY_CHARGING_ID =
      define(
          0x1E,
          "X-Mms-Reply-Charging-ID",
          V1_1,
          ValueKind.TEXT,
          String.class,
          optional(SEND_REQ).since(V1_1),
          optional(NOTIFICATION_IND).since(V1_1),
          optional(RETRIEVE_CONF).since(V1_1),
          optional(MBOX_DESCR));

  /** X-Mms-Reply-Charging-Size (0x1F, binary 0x9F, since 1.1). */
  public static final HeaderField<Long> REPLY_CHARGING_SIZE =
      define(
          0x1F,
          "X-Mms-Reply-Charging-Size",
          V1_1,
          ValueKind.LONG,
          Long.class,
          optional(SEND_REQ).since(V1_1),
          optional(NOTIFICATION_IND).since(V1_1),
          optional(RETRIEVE_CONF).since(V1_1),
          optional(FORWARD_REQ).since(V1_3),
          optional(MBOX_DESCR));

  /** X-Mms-Previously-Sent-By (0x20, binary 0xA0, since 1.1). */
  public static final HeaderField<PreviouslySentBy> PREVIOUSLY_SENT_BY =
      define(
          0x20,
          "X-Mms-Previously-Sent-By",
          V1_1,
          ValueKind.PREVIOUSLY_SENT_BY,
          PreviouslySentBy.class,
          optional(RETRIEVE_CONF).since(V1_1).repeatable(),
          optional(MBOX_DESCR).repeatable());

  /** X-Mms-Previously-Sent-Date (0x21, binary 0xA1, since 1.1). */
  public static final HeaderField<PreviouslySentDate> PREVIOUSLY_SENT_DATE =
      define(
          0x21,
          "X-Mms-Previously-Sent-Date",
          V1_1,
          ValueKind.PREVIOUSLY_SENT_DATE,
          PreviouslySentDate.class,
          optional(RETRIEVE_CONF).since(V1_1).repeatable(),
          optional(MBOX_DESCR).repeatable());

  /** X-Mms-Store (0x22, binary 0xA2, since 1.2). */
  public static final HeaderField<Boolean> STORE =
      define(
          0x22,
          "X-Mms-Store",
          V1_2,
          ValueKind.YES_NO,
          Boolean.class,
          optional(SEND_REQ).since(V1_2),
          optional(FORWARD_REQ).since(V1_2));

  /** X-Mms-MM-State (0x23, binary 0xA3, since 1.2). */
  public static final HeaderField<MmState> MM_STATE =
      defineOctet(
          0x23,
          "X-Mms-MM-State",
          V1_2,
          MmState.class,
          MmState::valueOf,
          optional(SEND_REQ).since(V1_2),
          optional(RETRIEVE_CONF).since(V1_2),
          optional(FORWARD_REQ).since(V1_2),
          optional(MBOX_STORE_REQ),
          optional(MBOX_VIEW_REQ).repeatable(),
          optional(MBOX_VIEW_CONF).repeatable(),
          optional(MBOX_UPLOAD_REQ),
          optional(MBOX_DESCR));

  /** X-Mms-MM-Flags (0x24, binary 0xA4, since 1.2). */
  public static final HeaderField<MmFlags> MM_FLAGS =
      define(
          0x24,
          "X-Mms-MM-Flags",
          V1_2,
          ValueKind.MM_FLAGS,
          MmFlags.class,
          optional(SEND_REQ).since(V1_2).repeatable(),
          optional(RETRIEVE_CONF).since(V1_2).repeatable(),
          optional(FORWARD_REQ).since(V1_2).repeatable(),
          optional(MBOX_STORE_REQ).repeatable(),
          optional(MBOX_VIEW_REQ).repeatable(),
          optional(MBOX_VIEW_CONF).repeatable(),
          optional(MBOX_UPLOAD_REQ).repeatable(),
          optional(MBOX_DESCR).repeatable());

  /** X-Mms-Store-Status (0x25, binary 0xA5, since 1.2). */
  public static final HeaderField<StoreStatus> STORE_STATUS =
      defineOctet(
          0x25,
          "X-Mms-Store-Status",
          V1_2,
          StoreStatus.class,
          StoreStatus::valueOf,
          optional(SEND_CONF).since(V1_2),
          optional(FORWARD_CONF).since(V1_2),
          mandatory(MBOX_STORE_CONF),
          mandatory(MBOX_UPLOAD_CONF));

  /** X-Mms-Store-Status-Text (0x26, binary 0xA6, since 1.2). */
  public static final HeaderField<EncodedString> STORE_STATUS_TEXT =
      define(
          0x26,
          "X-Mms-Store-Status-Text",
          V1_2,
          ValueKind.ENCODED_STRING,
          EncodedString.class,
          optional(SEND_CONF).since(V1_2),
          optional(FORWARD_CONF).since(V1_2),
          optional(MBOX_STORE_CONF),
          optional(MBOX_UPLOAD_CONF));

  /** X-Mms-Stored (0x27, binary 0xA7, since 1.2). */
  public static final HeaderField<Boolean> STORED =
      define(
          0x27,
          "X-Mms-Stored",
          V1_2,
          ValueKind.YES_NO,
          Boolean.class,
          optional(NOTIFICATION_IND).since(V1_2));

  /** X-Mms-Attributes (0x28, binary 0xA8, since 1.2). */
  @SuppressWarnings("unchecked") // a class literal cannot name HeaderField<?>
  public static final HeaderField<HeaderField<?>> ATTRIBUTES =
      define(
          0x28,
          "X-Mms-Attributes",
          V1_2,
          ValueKind.ATTRIBUTE,
          (Class<HeaderField<?>>) (Class<?>) HeaderField.class,
          optional(MBOX_VIEW_REQ).repeatable(),
          optional(MBOX_VIEW_CONF).repeatable());

  /** X-Mms-Totals (0x29, binary 0xA9, since 1.2). */
  public static final HeaderField<Boolean> TOTALS =
      define(0x29, "X-Mms-Totals", V1_2, ValueKind.YES_NO, Boolean.class, optional(MBOX_VIEW_REQ));

  /** X-Mms-Mbox-Totals (0x2A, binary 0xAA, since 1.2). */
  public static final HeaderField<MboxCount> MBOX_TOTALS =
      define(
          0x2A,
          "X-Mms-Mbox-Totals",
          V1_2,
          ValueKind.MBOX_COUNT,
          MboxCount.class,
          optional(MBOX_VIEW_CONF).repeatable());

  /** X-Mms-Quotas (0x2B, binary 0xAB, since 1.2). */
  public static final HeaderField<Boolean> QUOTAS =
      define(0x2B, "X-Mms-Quotas", V1_2, ValueKind.YES_NO, Boolean.class, optional(MBOX_VIEW_REQ));

  /** X-Mms-Mbox-Quotas (0x2C, binary 0xAC, since 1.2). */
  public static final HeaderField<MboxCount> MBOX_QUOTAS =
      define(
          0x2C,
          "X-Mms-Mbox-Quotas",
          V1_2,
          ValueKind.MBOX_COUNT,
          MboxCount.class,
          optional(MBOX_VIEW_CONF).repeatable());

  /** X-Mms-Message-Count (0x2D, binary 0xAD, since 1.2). */
  public static final HeaderField<Long> MESSAGE_COUNT =
      define(
          0x2D,
          "X-Mms-Message-Count",
          V1_2,
          ValueKind.INTEGER,
          Long.class,
          optional(MBOX_VIEW_CONF));

  /** Content (0x2E, binary 0xAE, since 1.2). */
  public static final HeaderField<RawValue> CONTENT =
      define(0x2E, "Content", V1_2, ValueKind.RAW, RawValue.class);

  /** X-Mms-Start (0x2F, binary 0xAF, since 1.2). */
  public static final HeaderField<Long> START =
      define(
          0x2F,
          "X-Mms-Start",
          V1_2,
          ValueKind.INTEGER,
          Long.class,
          optional(MBOX_VIEW_REQ),
          optional(MBOX_VIEW_CONF));

  /** Additional-headers (0x30, binary 0xB0, since 1.2). */
  public static final HeaderField<RawValue> ADDITIONAL_HEADERS =
      define(0x30, "Additional-headers", V1_2, ValueKind.RAW, RawValue.class);

  /** X-Mms-Distribution-Indicator (0x31, binary 0xB1, since 1.2). */
  public static final HeaderField<Boolean> DISTRIBUTION_INDICATOR =
      define(
          0x31,
          "X-Mms-Distribution-Indicator",
          V1_2,
          ValueKind.YES_NO,
          Boolean.class,
          optional(NOTIFICATION_IND).since(V1_2),
          optional(RETRIEVE_CONF).since(V1_2));

  /** X-Mms-Element-Descriptor (0x32, binary 0xB2, since 1.2). */
  public static final HeaderField<ElementDescriptor> ELEMENT_DESCRIPTOR =
      define(
          0x32,
          "X-Mms-Element-Descriptor",
          V1_2,
          ValueKind.ELEMENT_DESCRIPTOR,
          ElementDescriptor.class,
          optional(NOTIFICATION_IND).since(V1_2));

  /** X-Mms-Limit (0x33, binary 0xB3, since 1.2). */
  public static final HeaderField<Long> LIMIT =
      define(
          0x33,
          "X-Mms-Limit",
          V1_2,
          ValueKind.INTEGER,
          Long.class,
          optional(MBOX_VIEW_REQ),
          optional(MBOX_VIEW_CONF));

  /** X-Mms-Recommended-Retrieval-Mode (0x34, binary 0xB4, since 1.3). */
  public static final HeaderField<RetrievalMode> RECOMMENDED_RETRIEVAL_MODE =
      defineOctet(
          0x34,
          "X-Mms-Recommended-Retrieval-Mode",
          V1_3,
          RetrievalMode.class,
          RetrievalMode::valueOf,
          optional(NOTIFICATION_IND).since(V1_3));

  /** X-Mms-Recommended-Retrieval-Mode-Text (0x35, binary 0xB5, since 1.3). */
  public static final HeaderField<EncodedString> RECOMMENDED_RETRIEVAL_MODE_TEXT =
      define(
          0x35,
          "X-Mms-Recommended-Retrieval-Mode-Text",
          V1_3,
          ValueKind.ENCODED_STRING,
          EncodedString.class,
          optional(NOTIFICATION_IND).since(V1_3));

  /** X-Mms-Status-Text (0x36, binary 0xB6, since 1.3). */
  public static final HeaderField<EncodedString> STATUS_TEXT =
      define(
          0x36,
          "X-Mms-Status-Text",
          V1_3,
          ValueKind.ENCODED_STRING,
          EncodedString.class,
          optional(DELIVERY_IND).since(V1_3));

  /** X-Mms-Applic-ID (0x37, binary 0xB7, since 1.3). */
  public static final HeaderField<String> APPLIC_ID =
      define(
          0x37,
          "X-Mms-Applic-ID",
          V1_3,
          ValueKind.TEXT,
          String.class,
          optional(SEND_REQ).since(V1_3),
          optional(NOTIFICATION_IND).since(V1_3),
          optional(RETRIEVE_CONF).since(V1_3),
          optional(DELIVERY_IND).since(V1_3),
          optional(READ_REC_IND).since(V1_3),
          optional(READ_ORIG_IND).since(V1_3));

  /** X-Mms-Reply-Applic-ID (0x38, binary 0xB8, since 1.3). */
  public static final HeaderField<String> REPLY_APPLIC_ID =
      define(
          0x38,
          "X-Mms-Reply-Applic-ID",
          V1_3,
          ValueKind.TEXT,
          String.class,
          optional(SEND_REQ).since(V1_3),
          optional(NOTIFICATION_IND).since(V1_3),
          optional(RETRIEVE_CONF).since(V1_3),
          optional(DELIVERY_IND).since(V1_3),
          optional(READ_REC_IND).since(V1_3),
          optional(READ_ORIG_IND).since(V1_3));

  /** X-Mms-Aux-Applic-Info (0x39, binary 0xB9, since 1.3). */
  public static final HeaderField<String> AUX_APPLIC_INFO =
      define(
          0x39,
          "X-Mms-Aux-Applic-Info",
          V1_3,
          ValueKind.TEXT,
          String.class,
          optional(SEND_REQ).since(V1_3),
          optional(NOTIFICATION_IND).since(V1_3),
          optional(RETRIEVE_CONF).since(V1_3),
          optional(DELIVERY_IND).since(V1_3),
          optional(READ_REC_IND).since(V1_3),
          optional(READ_ORIG_IND).since(V1_3));

  /** X-Mms-Content-Class (0x3A, binary 0xBA, since 1.3). */
  public static final HeaderField<ContentClass> CONTENT_CLASS =
      defineOctet(
          0x3A,
          "X-Mms-Content-Class",
          V1_3,
          ContentClass.class,
          ContentClass::valueOf,
          optional(SEND_REQ).since(V1_3),
          optional(NOTIFICATION_IND).since(V1_3),
          optional(RETRIEVE_CONF).since(V1_3));

  /** X-Mms-DRM-Content (0x3B, binary 0xBB, since 1.3). */
  public static final HeaderField<Boolean> DRM_CONTENT =
      define(
          0x3B,
          "X-Mms-DRM-Content",
          V1_3,
          ValueKind.YES_NO,
          Boolean.class,
          optional(SEND_REQ).since(V1_3),
          optional(NOTIFICATION_IND).since(V1_3),
          optional(RETRIEVE_CONF).since(V1_3));

  /** X-Mms-Adaptation-Allowed (0x3C, binary 0xBC, since 1.3). */
  public static final HeaderField<Boolean> ADAPTATION_ALLOWED =
      define(
          0x3C,
          "X-Mms-Adaptation-Allowed",
          V1_3,
          ValueKind.YES_NO,
          Boolean.class,
          optional(SEND_REQ).since(V1_3));

  /** X-Mms-Replace-ID (0x3D, binary 0xBD, since 1.3). */
  public static final HeaderField<String> REPLACE_ID =
      define(
          0x3D,
          "X-Mms-Replace-ID",
          V1_3,
          ValueKind.TEXT,
          String.class,
          optional(NOTIFICATION_IND).since(V1_3),
          optional(RETRIEVE_CONF).since(V1_3));

  /** X-Mms-Cancel-ID (0x3E, binary 0xBE, since 1.3). */
  public static final HeaderField<String> CANCEL_ID =
      define(0x3E, "X-Mms-Cancel-ID", V1_3, ValueKind.TEXT, String.class, mandatory(CANCEL_REQ));

  /** X-Mms-Cancel-Status (0x3F, binary 0xBF, since 1.3). */
  public static final HeaderField<CancelStatus> CANCEL_STATUS =
      defineOctet(
          0x3F,
          "X-Mms-Cancel-Status",
          V1_3,
          CancelStatus.class,
          CancelStatus::valueOf,
          optional(CANCEL_CONF));

  /** X-Mms-Content-Location in the indexed (Del) form of the delete confirmations. */
  public static final HeaderField<Indexed<String>> CONTENT_LOCATION_INDEXED =
      defineIndexed(CONTENT_LOCATION, ValueKind.INDEXED_TEXT);

  /** X-Mms-Response-Status in the indexed (Del) form of the delete confirmations. */
  public static final HeaderField<Indexed<ResponseStatus>> RESPONSE_STATUS_INDEXED =
      defineIndexed(RESPONSE_STATUS, ValueKind.INDEXED_OCTET);

  /** X-Mms-Response-Text in the indexed (Del) form of the delete confirmations. */
  public static final HeaderField<Indexed<EncodedString>> RESPONSE_TEXT_INDEXED =
      defineIndexed(RESPONSE_TEXT, ValueKind.INDEXED_ENCODED_STRING);

  static {
    // The codec's internal package reads the value grammar and the octet values from here.
    HeaderTable.install(
        new HeaderTable.Access() {
          @Override
          public ValueKind kind(HeaderField<?> field) {
            return field.kind;
          }

          @Override
          public OctetToken octet(HeaderField<?> field, int value) {
            if (field.octets == null) {
              throw new IllegalArgumentException(
                  "field: " + field + " (not an octet-valued field)");
            }
            return field.octets.apply(value);
          }
        });
  }

  private final int code;
  private final String name;
  private final MmsVersion since;
  private final boolean repeatable;
  private final Class<T> valueType;
  private final boolean indexed;
  private final ValueKind kind;
  private final IntFunction<? extends OctetToken> octets;
  private final List<Use> uses;

  private HeaderField(
      int code,
      String name,
      MmsVersion since,
      Class<T> valueType,
      boolean indexed,
      ValueKind kind,
      IntFunction<? extends OctetToken> octets,
      List<Use> uses) {
    this.code = code;
    this.name = name;
    this.since = since;
    this.valueType = valueType;
    this.indexed = indexed;
    this.kind = kind;
    this.octets = octets;
    this.uses = uses;
    this.repeatable =
        code < 0 || since == null || indexed || uses.stream().anyMatch(Use::isRepeatable);
  }

  /**
   * How one PDU type carries a field: one cell of the table, written beside the field it
   * belongs to. {@link PduRules} turns the cells into its per-type rules.
   */
  static final class Use {
    private final MessageType type;
    private final PduRules.Requirement requirement;
    private final MmsVersion since;
    private final boolean repeatable;

    private Use(
        MessageType type, PduRules.Requirement requirement, MmsVersion since, boolean repeatable) {
      this.type = type;
      this.requirement = requirement;
      this.since = since;
      this.repeatable = repeatable;
    }

    /** The same cell, carried from a later version than the PDU type's own. */
    Use since(MmsVersion v) {
      return new Use(type, requirement, v, repeatable);
    }

    /** The same cell, the field occurring any number of times. */
    Use repeatable() {
      return new Use(type, requirement, since, true);
    }

    MessageType type() {
      return type;
    }

    PduRules.Requirement requirement() {
      return requirement;
    }

    MmsVersion since() {
      return since;
    }

    boolean isRepeatable() {
      return repeatable;
    }
  }

  private static Use mandatory(MessageType type) {
    return new Use(type, PduRules.Requirement.MANDATORY, null, false);
  }

  private static Use optional(MessageType type) {
    return new Use(type, PduRules.Requirement.OPTIONAL, null, false);
  }

  private static Use conditional(MessageType type) {
    return new Use(type, PduRules.Requirement.CONDITIONAL, null, false);
  }

  @SuppressWarnings("unchecked")
  private static <T> HeaderField<T> define(
      int code, String name, MmsVersion since, ValueKind kind, Class<?> type, Use... uses) {
    return register(
        new HeaderField<>(code, name, since, (Class<T>) type, false, kind, null, List.of(uses)));
  }

  private static <T extends OctetToken> HeaderField<T> defineOctet(
      int code,
      String name,
      MmsVersion since,
      Class<T> type,
      IntFunction<? extends T> octets,
      Use... uses) {
    return register(
        new HeaderField<>(code, name, since, type, false, ValueKind.OCTET, octets, List.of(uses)));
  }

  private static <T> HeaderField<T> register(HeaderField<T> f) {
    if (BY_CODE[f.code] != null) {
      throw new ExceptionInInitializerError("duplicate header code " + f.code);
    }
    BY_CODE[f.code] = f;
    return f;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> HeaderField<T> defineIndexed(HeaderField<?> plain, ValueKind kind) {
    // The Del form is carried by the delete confirmations only (OMA-TS-MMS_ENC 6.15, 6.17).
    HeaderField<T> f =
        new HeaderField<>(
            plain.code,
            plain.name,
            MmsVersion.V1_2,
            (Class) Indexed.class,
            true,
            kind,
            plain.octets,
            List.of());
    INDEXED_BY_CODE[plain.code] = f;
    return f;
  }

  /**
   * The field for a code 0x00-0x7F (the wire octet without its high bit): a known field, or an
   * unassigned code whose value is kept raw.
   */
  public static HeaderField<?> valueOf(int code) {
    if (code < 0 || code > 0x7F) {
      throw new IllegalArgumentException("code: " + code + " (expected: 0 ~ 127)");
    }
    HeaderField<?> f = BY_CODE[code];
    return f != null
        ? f
        : new HeaderField<>(
            code,
            String.format("Unassigned-0x%02X", code),
            null,
            RawValue.class,
            false,
            ValueKind.RAW,
            null,
            List.of());
  }

  /** The known field for a code, or {@code null}; never allocates. */
  static HeaderField<?> knownOrNull(int code) {
    return code >= 0 && code < 0x80 ? BY_CODE[code] : null;
  }

  /**
   * The indexed (Del) form of a code's field in the delete confirmations, or {@code null} when
   * the field has none; never allocates.
   */
  static HeaderField<?> indexedOrNull(int code) {
    return code >= 0 && code < 0x80 ? INDEXED_BY_CODE[code] : null;
  }

  /** How each PDU type carries this field (empty: no PDU type carries it as a header). */
  List<Use> uses() {
    return uses;
  }

  /** The known fields in code order. */
  public static List<HeaderField<?>> knownFields() {
    List<HeaderField<?>> k = known;
    if (k == null) {
      k = java.util.Arrays.stream(BY_CODE).filter(Objects::nonNull).toList();
      known = k;
    }
    return k;
  }

  /**
   * The known field with this name (as the specification writes it, compared ignoring case):
   * the lookup the textual formats (MM4, JSON) use. Indexed forms share their plain field's
   * name and are not returned.
   */
  public static Optional<HeaderField<?>> byName(String name) {
    Objects.requireNonNull(name, "name");
    for (HeaderField<?> f : knownFields()) {
      if (f.name.equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * An Application-header: a Token-text name and a Text-string value. This is how extension
   * headers travel in binary PDUs.
   *
   * @throws IllegalArgumentException when the name is empty or not an RFC 2616 token
   */
  public static HeaderField<String> application(String name) {
    Objects.requireNonNull(name, "name");
    WireChecks.token("Application-header", "name", name);
    return decodedApplication(name);
  }

  /**
   * An Application-header as decoded: the decoder accepts any name up to its End-of-string
   * (real senders put addresses there), so the token check of {@link #application(String)}
   * must not turn a decoded PDU's header into an exception when it is first looked at.
   */
  static HeaderField<String> decodedApplication(String name) {
    return new HeaderField<>(
        -1, name, null, String.class, false, ValueKind.APPLICATION, null, List.of());
  }

  /** The code 0x00-0x7F, or -1 for an Application-header. */
  public int code() {
    return code;
  }

  /** The header's name as the specification writes it, or the Application-header's name. */
  public String name() {
    return name;
  }

  /** The encapsulation version that introduced the field; empty for unknown and application fields. */
  public Optional<MmsVersion> since() {
    return Optional.ofNullable(since);
  }

  /** Whether the field may occur more than once in some PDU type. */
  public boolean repeatable() {
    return repeatable;
  }

  /** The Java type of the value. */
  public Class<T> valueType() {
    return valueType;
  }

  /** Whether this is an Application-header (textual name). */
  public boolean isApplication() {
    return code < 0;
  }

  /** Whether the code is one the specification assigns. */
  public boolean isKnown() {
    return code < 0 || (code < 0x80 && BY_CODE[code] != null);
  }

  /** Whether this is the indexed (Del) form of a delete-confirmation field. */
  public boolean isIndexed() {
    return indexed;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HeaderField)) {
      return false;
    }
    HeaderField<?> f = (HeaderField<?>) o;
    return f.code == code && f.indexed == indexed && (code >= 0 || f.name.equalsIgnoreCase(name));
  }

  @Override
  public int hashCode() {
    return code >= 0 ? code * 2 + (indexed ? 1 : 0) : name.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return code < 0 ? name : String.format("%s(0x%02X)", name, code | 0x80);
  }
}
