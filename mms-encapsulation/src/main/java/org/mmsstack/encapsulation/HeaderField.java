package org.mmsstack.encapsulation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 * code ({@link #forCode(int)} keeps it, its value a {@link RawValue}), and Application-headers
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
 * @param <T> the Java type of the value
 */
public final class HeaderField<T> {

  private static final HeaderField<?>[] BY_CODE = new HeaderField<?>[0x80];

  /** Bcc (0x01, binary 0x81, since 1.0). */
  public static final HeaderField<Address> BCC =
      define(0x01, "Bcc", MmsVersion.V1_0, true, Address.class);

  /** Cc (0x02, binary 0x82, since 1.0). */
  public static final HeaderField<Address> CC =
      define(0x02, "Cc", MmsVersion.V1_0, true, Address.class);

  /** X-Mms-Content-Location (0x03, binary 0x83, since 1.0). */
  public static final HeaderField<String> CONTENT_LOCATION =
      define(0x03, "X-Mms-Content-Location", MmsVersion.V1_0, true, String.class);

  /** Content-Type (0x04, binary 0x84, since 1.0). */
  public static final HeaderField<ContentType> CONTENT_TYPE =
      define(0x04, "Content-Type", MmsVersion.V1_0, false, ContentType.class);

  /** Date (0x05, binary 0x85, since 1.0). */
  public static final HeaderField<Instant> DATE =
      define(0x05, "Date", MmsVersion.V1_0, false, Instant.class);

  /** X-Mms-Delivery-Report (0x06, binary 0x86, since 1.0). */
  public static final HeaderField<Boolean> DELIVERY_REPORT =
      define(0x06, "X-Mms-Delivery-Report", MmsVersion.V1_0, false, Boolean.class);

  /** X-Mms-Delivery-Time (0x07, binary 0x87, since 1.0). */
  public static final HeaderField<TimeValue> DELIVERY_TIME =
      define(0x07, "X-Mms-Delivery-Time", MmsVersion.V1_0, false, TimeValue.class);

  /** X-Mms-Expiry (0x08, binary 0x88, since 1.0). */
  public static final HeaderField<TimeValue> EXPIRY =
      define(0x08, "X-Mms-Expiry", MmsVersion.V1_0, false, TimeValue.class);

  /** From (0x09, binary 0x89, since 1.0). */
  public static final HeaderField<FromValue> FROM =
      define(0x09, "From", MmsVersion.V1_0, false, FromValue.class);

  /** X-Mms-Message-Class (0x0A, binary 0x8A, since 1.0). */
  public static final HeaderField<MessageClass> MESSAGE_CLASS =
      define(0x0A, "X-Mms-Message-Class", MmsVersion.V1_0, false, MessageClass.class);

  /** Message-ID (0x0B, binary 0x8B, since 1.0). */
  public static final HeaderField<String> MESSAGE_ID =
      define(0x0B, "Message-ID", MmsVersion.V1_0, false, String.class);

  /** X-Mms-Message-Type (0x0C, binary 0x8C, since 1.0). */
  public static final HeaderField<MessageType> MESSAGE_TYPE =
      define(0x0C, "X-Mms-Message-Type", MmsVersion.V1_0, false, MessageType.class);

  /** X-Mms-MMS-Version (0x0D, binary 0x8D, since 1.0). */
  public static final HeaderField<MmsVersion> MMS_VERSION =
      define(0x0D, "X-Mms-MMS-Version", MmsVersion.V1_0, false, MmsVersion.class);

  /** X-Mms-Message-Size (0x0E, binary 0x8E, since 1.0). */
  public static final HeaderField<Long> MESSAGE_SIZE =
      define(0x0E, "X-Mms-Message-Size", MmsVersion.V1_0, false, Long.class);

  /** X-Mms-Priority (0x0F, binary 0x8F, since 1.0). */
  public static final HeaderField<Priority> PRIORITY =
      define(0x0F, "X-Mms-Priority", MmsVersion.V1_0, false, Priority.class);

  /** X-Mms-Read-Report (0x10, binary 0x90, since 1.0). */
  public static final HeaderField<Boolean> READ_REPORT =
      define(0x10, "X-Mms-Read-Report", MmsVersion.V1_0, false, Boolean.class);

  /** X-Mms-Report-Allowed (0x11, binary 0x91, since 1.0). */
  public static final HeaderField<Boolean> REPORT_ALLOWED =
      define(0x11, "X-Mms-Report-Allowed", MmsVersion.V1_0, false, Boolean.class);

  /** X-Mms-Response-Status (0x12, binary 0x92, since 1.0). */
  public static final HeaderField<ResponseStatus> RESPONSE_STATUS =
      define(0x12, "X-Mms-Response-Status", MmsVersion.V1_0, true, ResponseStatus.class);

  /** X-Mms-Response-Text (0x13, binary 0x93, since 1.0). */
  public static final HeaderField<EncodedString> RESPONSE_TEXT =
      define(0x13, "X-Mms-Response-Text", MmsVersion.V1_0, true, EncodedString.class);

  /** X-Mms-Sender-Visibility (0x14, binary 0x94, since 1.0). */
  public static final HeaderField<SenderVisibility> SENDER_VISIBILITY =
      define(0x14, "X-Mms-Sender-Visibility", MmsVersion.V1_0, false, SenderVisibility.class);

  /** X-Mms-Status (0x15, binary 0x95, since 1.0). */
  public static final HeaderField<Status> STATUS =
      define(0x15, "X-Mms-Status", MmsVersion.V1_0, false, Status.class);

  /** Subject (0x16, binary 0x96, since 1.0). */
  public static final HeaderField<EncodedString> SUBJECT =
      define(0x16, "Subject", MmsVersion.V1_0, false, EncodedString.class);

  /** To (0x17, binary 0x97, since 1.0). */
  public static final HeaderField<Address> TO =
      define(0x17, "To", MmsVersion.V1_0, true, Address.class);

  /** X-Mms-Transaction-Id (0x18, binary 0x98, since 1.0). */
  public static final HeaderField<String> TRANSACTION_ID =
      define(0x18, "X-Mms-Transaction-Id", MmsVersion.V1_0, false, String.class);

  /** X-Mms-Retrieve-Status (0x19, binary 0x99, since 1.1). */
  public static final HeaderField<RetrieveStatus> RETRIEVE_STATUS =
      define(0x19, "X-Mms-Retrieve-Status", MmsVersion.V1_1, false, RetrieveStatus.class);

  /** X-Mms-Retrieve-Text (0x1A, binary 0x9A, since 1.1). */
  public static final HeaderField<EncodedString> RETRIEVE_TEXT =
      define(0x1A, "X-Mms-Retrieve-Text", MmsVersion.V1_1, false, EncodedString.class);

  /** X-Mms-Read-Status (0x1B, binary 0x9B, since 1.1). */
  public static final HeaderField<ReadStatus> READ_STATUS =
      define(0x1B, "X-Mms-Read-Status", MmsVersion.V1_1, false, ReadStatus.class);

  /** X-Mms-Reply-Charging (0x1C, binary 0x9C, since 1.1). */
  public static final HeaderField<ReplyCharging> REPLY_CHARGING =
      define(0x1C, "X-Mms-Reply-Charging", MmsVersion.V1_1, false, ReplyCharging.class);

  /** X-Mms-Reply-Charging-Deadline (0x1D, binary 0x9D, since 1.1). */
  public static final HeaderField<TimeValue> REPLY_CHARGING_DEADLINE =
      define(0x1D, "X-Mms-Reply-Charging-Deadline", MmsVersion.V1_1, false, TimeValue.class);

  /** X-Mms-Reply-Charging-ID (0x1E, binary 0x9E, since 1.1). */
  public static final HeaderField<String> REPLY_CHARGING_ID =
      define(0x1E, "X-Mms-Reply-Charging-ID", MmsVersion.V1_1, false, String.class);

  /** X-Mms-Reply-Charging-Size (0x1F, binary 0x9F, since 1.1). */
  public static final HeaderField<Long> REPLY_CHARGING_SIZE =
      define(0x1F, "X-Mms-Reply-Charging-Size", MmsVersion.V1_1, false, Long.class);

  /** X-Mms-Previously-Sent-By (0x20, binary 0xA0, since 1.1). */
  public static final HeaderField<PreviouslySentBy> PREVIOUSLY_SENT_BY =
      define(0x20, "X-Mms-Previously-Sent-By", MmsVersion.V1_1, true, PreviouslySentBy.class);

  /** X-Mms-Previously-Sent-Date (0x21, binary 0xA1, since 1.1). */
  public static final HeaderField<PreviouslySentDate> PREVIOUSLY_SENT_DATE =
      define(0x21, "X-Mms-Previously-Sent-Date", MmsVersion.V1_1, true, PreviouslySentDate.class);

  /** X-Mms-Store (0x22, binary 0xA2, since 1.2). */
  public static final HeaderField<Boolean> STORE =
      define(0x22, "X-Mms-Store", MmsVersion.V1_2, false, Boolean.class);

  /** X-Mms-MM-State (0x23, binary 0xA3, since 1.2). */
  public static final HeaderField<MmState> MM_STATE =
      define(0x23, "X-Mms-MM-State", MmsVersion.V1_2, true, MmState.class);

  /** X-Mms-MM-Flags (0x24, binary 0xA4, since 1.2). */
  public static final HeaderField<MmFlags> MM_FLAGS =
      define(0x24, "X-Mms-MM-Flags", MmsVersion.V1_2, true, MmFlags.class);

  /** X-Mms-Store-Status (0x25, binary 0xA5, since 1.2). */
  public static final HeaderField<StoreStatus> STORE_STATUS =
      define(0x25, "X-Mms-Store-Status", MmsVersion.V1_2, false, StoreStatus.class);

  /** X-Mms-Store-Status-Text (0x26, binary 0xA6, since 1.2). */
  public static final HeaderField<EncodedString> STORE_STATUS_TEXT =
      define(0x26, "X-Mms-Store-Status-Text", MmsVersion.V1_2, false, EncodedString.class);

  /** X-Mms-Stored (0x27, binary 0xA7, since 1.2). */
  public static final HeaderField<Boolean> STORED =
      define(0x27, "X-Mms-Stored", MmsVersion.V1_2, false, Boolean.class);

  /** X-Mms-Attributes (0x28, binary 0xA8, since 1.2). */
  @SuppressWarnings("unchecked") // a class literal cannot name HeaderField<?>
  public static final HeaderField<HeaderField<?>> ATTRIBUTES =
      define(
          0x28,
          "X-Mms-Attributes",
          MmsVersion.V1_2,
          true,
          (Class<HeaderField<?>>) (Class<?>) HeaderField.class);

  /** X-Mms-Totals (0x29, binary 0xA9, since 1.2). */
  public static final HeaderField<Boolean> TOTALS =
      define(0x29, "X-Mms-Totals", MmsVersion.V1_2, false, Boolean.class);

  /** X-Mms-Mbox-Totals (0x2A, binary 0xAA, since 1.2). */
  public static final HeaderField<MboxCount> MBOX_TOTALS =
      define(0x2A, "X-Mms-Mbox-Totals", MmsVersion.V1_2, true, MboxCount.class);

  /** X-Mms-Quotas (0x2B, binary 0xAB, since 1.2). */
  public static final HeaderField<Boolean> QUOTAS =
      define(0x2B, "X-Mms-Quotas", MmsVersion.V1_2, false, Boolean.class);

  /** X-Mms-Mbox-Quotas (0x2C, binary 0xAC, since 1.2). */
  public static final HeaderField<MboxCount> MBOX_QUOTAS =
      define(0x2C, "X-Mms-Mbox-Quotas", MmsVersion.V1_2, true, MboxCount.class);

  /** X-Mms-Message-Count (0x2D, binary 0xAD, since 1.2). */
  public static final HeaderField<Long> MESSAGE_COUNT =
      define(0x2D, "X-Mms-Message-Count", MmsVersion.V1_2, false, Long.class);

  /** Content (0x2E, binary 0xAE, since 1.2). */
  public static final HeaderField<RawValue> CONTENT =
      define(0x2E, "Content", MmsVersion.V1_2, false, RawValue.class);

  /** X-Mms-Start (0x2F, binary 0xAF, since 1.2). */
  public static final HeaderField<Long> START =
      define(0x2F, "X-Mms-Start", MmsVersion.V1_2, false, Long.class);

  /** Additional-headers (0x30, binary 0xB0, since 1.2). */
  public static final HeaderField<RawValue> ADDITIONAL_HEADERS =
      define(0x30, "Additional-headers", MmsVersion.V1_2, false, RawValue.class);

  /** X-Mms-Distribution-Indicator (0x31, binary 0xB1, since 1.2). */
  public static final HeaderField<Boolean> DISTRIBUTION_INDICATOR =
      define(0x31, "X-Mms-Distribution-Indicator", MmsVersion.V1_2, false, Boolean.class);

  /** X-Mms-Element-Descriptor (0x32, binary 0xB2, since 1.2). */
  public static final HeaderField<ElementDescriptor> ELEMENT_DESCRIPTOR =
      define(0x32, "X-Mms-Element-Descriptor", MmsVersion.V1_2, false, ElementDescriptor.class);

  /** X-Mms-Limit (0x33, binary 0xB3, since 1.2). */
  public static final HeaderField<Long> LIMIT =
      define(0x33, "X-Mms-Limit", MmsVersion.V1_2, false, Long.class);

  /** X-Mms-Recommended-Retrieval-Mode (0x34, binary 0xB4, since 1.3). */
  public static final HeaderField<RetrievalMode> RECOMMENDED_RETRIEVAL_MODE =
      define(0x34, "X-Mms-Recommended-Retrieval-Mode", MmsVersion.V1_3, false, RetrievalMode.class);

  /** X-Mms-Recommended-Retrieval-Mode-Text (0x35, binary 0xB5, since 1.3). */
  public static final HeaderField<EncodedString> RECOMMENDED_RETRIEVAL_MODE_TEXT =
      define(
          0x35,
          "X-Mms-Recommended-Retrieval-Mode-Text",
          MmsVersion.V1_3,
          false,
          EncodedString.class);

  /** X-Mms-Status-Text (0x36, binary 0xB6, since 1.3). */
  public static final HeaderField<EncodedString> STATUS_TEXT =
      define(0x36, "X-Mms-Status-Text", MmsVersion.V1_3, false, EncodedString.class);

  /** X-Mms-Applic-ID (0x37, binary 0xB7, since 1.3). */
  public static final HeaderField<String> APPLIC_ID =
      define(0x37, "X-Mms-Applic-ID", MmsVersion.V1_3, false, String.class);

  /** X-Mms-Reply-Applic-ID (0x38, binary 0xB8, since 1.3). */
  public static final HeaderField<String> REPLY_APPLIC_ID =
      define(0x38, "X-Mms-Reply-Applic-ID", MmsVersion.V1_3, false, String.class);

  /** X-Mms-Aux-Applic-Info (0x39, binary 0xB9, since 1.3). */
  public static final HeaderField<String> AUX_APPLIC_INFO =
      define(0x39, "X-Mms-Aux-Applic-Info", MmsVersion.V1_3, false, String.class);

  /** X-Mms-Content-Class (0x3A, binary 0xBA, since 1.3). */
  public static final HeaderField<ContentClass> CONTENT_CLASS =
      define(0x3A, "X-Mms-Content-Class", MmsVersion.V1_3, false, ContentClass.class);

  /** X-Mms-DRM-Content (0x3B, binary 0xBB, since 1.3). */
  public static final HeaderField<Boolean> DRM_CONTENT =
      define(0x3B, "X-Mms-DRM-Content", MmsVersion.V1_3, false, Boolean.class);

  /** X-Mms-Adaptation-Allowed (0x3C, binary 0xBC, since 1.3). */
  public static final HeaderField<Boolean> ADAPTATION_ALLOWED =
      define(0x3C, "X-Mms-Adaptation-Allowed", MmsVersion.V1_3, false, Boolean.class);

  /** X-Mms-Replace-ID (0x3D, binary 0xBD, since 1.3). */
  public static final HeaderField<String> REPLACE_ID =
      define(0x3D, "X-Mms-Replace-ID", MmsVersion.V1_3, false, String.class);

  /** X-Mms-Cancel-ID (0x3E, binary 0xBE, since 1.3). */
  public static final HeaderField<String> CANCEL_ID =
      define(0x3E, "X-Mms-Cancel-ID", MmsVersion.V1_3, false, String.class);

  /** X-Mms-Cancel-Status (0x3F, binary 0xBF, since 1.3). */
  public static final HeaderField<CancelStatus> CANCEL_STATUS =
      define(0x3F, "X-Mms-Cancel-Status", MmsVersion.V1_3, false, CancelStatus.class);

  /** X-Mms-Content-Location in the indexed (Del) form of the delete confirmations. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final HeaderField<Indexed<String>> CONTENT_LOCATION_INDEXED =
      new HeaderField<>(
          0x03, "X-Mms-Content-Location", MmsVersion.V1_2, true, (Class) Indexed.class, true);

  /** X-Mms-Response-Status in the indexed (Del) form of the delete confirmations. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final HeaderField<Indexed<ResponseStatus>> RESPONSE_STATUS_INDEXED =
      new HeaderField<>(
          0x12, "X-Mms-Response-Status", MmsVersion.V1_2, true, (Class) Indexed.class, true);

  /** X-Mms-Response-Text in the indexed (Del) form of the delete confirmations. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final HeaderField<Indexed<EncodedString>> RESPONSE_TEXT_INDEXED =
      new HeaderField<>(
          0x13, "X-Mms-Response-Text", MmsVersion.V1_2, true, (Class) Indexed.class, true);

  private final int code;
  private final String name;
  private final MmsVersion since;
  private final boolean repeatable;
  private final Class<T> valueType;
  private final boolean indexed;

  private HeaderField(
      int code,
      String name,
      MmsVersion since,
      boolean repeatable,
      Class<T> valueType,
      boolean indexed) {
    this.code = code;
    this.name = name;
    this.since = since;
    this.repeatable = repeatable;
    this.valueType = valueType;
    this.indexed = indexed;
  }

  @SuppressWarnings("unchecked")
  private static <T> HeaderField<T> define(
      int code, String name, MmsVersion since, boolean repeatable, Class<?> type) {
    HeaderField<T> f = new HeaderField<>(code, name, since, repeatable, (Class<T>) type, false);
    if (BY_CODE[code] != null) {
      throw new ExceptionInInitializerError("duplicate header code " + code);
    }
    BY_CODE[code] = f;
    return f;
  }

  /**
   * The field for a code 0x00-0x7F (the wire octet without its high bit): a known field, or an
   * unassigned code whose value is kept raw.
   */
  public static HeaderField<?> forCode(int code) {
    if (code < 0 || code > 0x7F) {
      throw new IllegalArgumentException("code: " + code + " (expected: 0 ~ 127)");
    }
    HeaderField<?> f = BY_CODE[code];
    return f != null
        ? f
        : new HeaderField<>(
            code, String.format("Unassigned-0x%02X", code), null, true, RawValue.class, false);
  }

  /** The known field for a code, or {@code null}; never allocates. */
  static HeaderField<?> knownOrNull(int code) {
    return code >= 0 && code < 0x80 ? BY_CODE[code] : null;
  }

  /** The known fields in code order. */
  public static List<HeaderField<?>> knownFields() {
    return java.util.Arrays.stream(BY_CODE).filter(Objects::nonNull).toList();
  }

  /**
   * An Application-header: a Token-text name and a Text-string value. This is how extension
   * headers travel in binary PDUs.
   *
   * @throws IllegalArgumentException when the name is empty or not an RFC 2616 token
   */
  public static HeaderField<String> application(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name: empty (expected: an RFC 2616 token)");
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        throw new IllegalArgumentException(
            "name: " + name + " (not an RFC 2616 token at index " + i + ")");
      }
    }
    return new HeaderField<>(-1, name, null, true, String.class, false);
  }

  /**
   * An Application-header as decoded: the decoder accepts any name up to its End-of-string
   * (real senders put addresses there), so the token check of {@link #application(String)}
   * must not turn a decoded PDU's header into an exception when it is first looked at.
   */
  static HeaderField<String> decodedApplication(String name) {
    return new HeaderField<>(-1, name, null, true, String.class, false);
  }

  /** Whether a character may appear in an RFC 2616 token (visible ASCII but the separators). */
  static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  /** The code 0x00-0x7F, or -1 for an Application-header. */
  public int code() {
    return code;
  }

  /** The header's name as the specification writes it, or the Application-header's name. */
  public String name() {
    return name;
  }

  /** The encapsulation version that introduced the field; {@code null} for unknown and application fields. */
  public MmsVersion since() {
    return since;
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
