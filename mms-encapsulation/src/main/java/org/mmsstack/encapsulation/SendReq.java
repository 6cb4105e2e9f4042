package org.mmsstack.encapsulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReplyCharging;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * m-send-req (0x80): a client submits an MM to its Relay/Server (HTTP POST). Carries a body.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class SendReq extends Pdu {

  SendReq(Contents contents) {
    super(MessageType.SEND_REQ, contents);
  }

  /** A builder for a new send-req. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Date (optional). */
  public Optional<Instant> date() {
    return get(HeaderField.DATE);
  }

  /** From (mandatory). */
  public Optional<FromValue> from() {
    return get(HeaderField.FROM);
  }

  /** To: every value, in order (optional). */
  public List<Address> to() {
    return getAll(HeaderField.TO);
  }

  /** Cc: every value, in order (optional). */
  public List<Address> cc() {
    return getAll(HeaderField.CC);
  }

  /** Bcc: every value, in order (optional). */
  public List<Address> bcc() {
    return getAll(HeaderField.BCC);
  }

  /** Subject (optional). */
  public Optional<EncodedString> subject() {
    return get(HeaderField.SUBJECT);
  }

  /** X-Mms-Message-Class (optional). */
  public Optional<MessageClass> messageClass() {
    return get(HeaderField.MESSAGE_CLASS);
  }

  /** X-Mms-Expiry (optional). */
  public Optional<TimeValue> expiry() {
    return get(HeaderField.EXPIRY);
  }

  /** X-Mms-Delivery-Time (optional). */
  public Optional<TimeValue> deliveryTime() {
    return get(HeaderField.DELIVERY_TIME);
  }

  /** X-Mms-Priority (optional). */
  public Optional<Priority> priority() {
    return get(HeaderField.PRIORITY);
  }

  /** X-Mms-Sender-Visibility (optional). */
  public Optional<SenderVisibility> senderVisibility() {
    return get(HeaderField.SENDER_VISIBILITY);
  }

  /** X-Mms-Delivery-Report (optional). */
  public Optional<Boolean> deliveryReport() {
    return get(HeaderField.DELIVERY_REPORT);
  }

  /** X-Mms-Read-Report (optional). */
  public Optional<Boolean> readReport() {
    return get(HeaderField.READ_REPORT);
  }

  /** X-Mms-Reply-Charging (optional since 1.1). */
  public Optional<ReplyCharging> replyCharging() {
    return get(HeaderField.REPLY_CHARGING);
  }

  /** X-Mms-Reply-Charging-Deadline (optional since 1.1). */
  public Optional<TimeValue> replyChargingDeadline() {
    return get(HeaderField.REPLY_CHARGING_DEADLINE);
  }

  /** X-Mms-Reply-Charging-Size (optional since 1.1). */
  public Optional<Long> replyChargingSize() {
    return get(HeaderField.REPLY_CHARGING_SIZE);
  }

  /** X-Mms-Reply-Charging-ID (optional since 1.1). */
  public Optional<String> replyChargingId() {
    return get(HeaderField.REPLY_CHARGING_ID);
  }

  /** X-Mms-Store (optional since 1.2). */
  public Optional<Boolean> store() {
    return get(HeaderField.STORE);
  }

  /** X-Mms-MM-State (optional since 1.2). */
  public Optional<MmState> mmState() {
    return get(HeaderField.MM_STATE);
  }

  /** X-Mms-MM-Flags: every value, in order (optional since 1.2). */
  public List<MmFlags> mmFlags() {
    return getAll(HeaderField.MM_FLAGS);
  }

  /** X-Mms-Applic-ID (optional since 1.3). */
  public Optional<String> applicId() {
    return get(HeaderField.APPLIC_ID);
  }

  /** X-Mms-Reply-Applic-ID (optional since 1.3). */
  public Optional<String> replyApplicId() {
    return get(HeaderField.REPLY_APPLIC_ID);
  }

  /** X-Mms-Aux-Applic-Info (optional since 1.3). */
  public Optional<String> auxApplicInfo() {
    return get(HeaderField.AUX_APPLIC_INFO);
  }

  /** X-Mms-Content-Class (optional since 1.3). */
  public Optional<ContentClass> contentClass() {
    return get(HeaderField.CONTENT_CLASS);
  }

  /** X-Mms-DRM-Content (optional since 1.3). */
  public Optional<Boolean> drmContent() {
    return get(HeaderField.DRM_CONTENT);
  }

  /** X-Mms-Adaptation-Allowed (optional since 1.3). */
  public Optional<Boolean> adaptationAllowed() {
    return get(HeaderField.ADAPTATION_ALLOWED);
  }

  /** Builds a {@link SendReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<SendReq, Builder> {

    Builder() {
      super(MessageType.SEND_REQ);
    }

    Builder(SendReq pdu) {
      super(pdu);
    }

    @Override
    SendReq create(Contents contents) {
      return new SendReq(contents);
    }

    /** Sets Date. */
    public Builder date(Instant value) {
      return set(HeaderField.DATE, value);
    }

    /** Sets From. */
    public Builder from(FromValue value) {
      return set(HeaderField.FROM, value);
    }

    /** Sets From to an address (the Address-present-token form). */
    public Builder from(Address value) {
      return set(HeaderField.FROM, FromValue.of(value));
    }

    /** Adds a To value. */
    public Builder to(Address value) {
      return add(HeaderField.TO, value);
    }

    /** Adds a To value given as text. */
    public Builder to(String value) {
      return add(HeaderField.TO, Address.parse(value));
    }

    /** Adds a Cc value. */
    public Builder cc(Address value) {
      return add(HeaderField.CC, value);
    }

    /** Adds a Cc value given as text. */
    public Builder cc(String value) {
      return add(HeaderField.CC, Address.parse(value));
    }

    /** Adds a Bcc value. */
    public Builder bcc(Address value) {
      return add(HeaderField.BCC, value);
    }

    /** Adds a Bcc value given as text. */
    public Builder bcc(String value) {
      return add(HeaderField.BCC, Address.parse(value));
    }

    /** Sets Subject. */
    public Builder subject(EncodedString value) {
      return set(HeaderField.SUBJECT, value);
    }

    /** Sets Subject given as text. */
    public Builder subject(String value) {
      return set(HeaderField.SUBJECT, EncodedString.of(value));
    }

    /** Sets X-Mms-Message-Class. */
    public Builder messageClass(MessageClass value) {
      return set(HeaderField.MESSAGE_CLASS, value);
    }

    /** Sets X-Mms-Message-Class given as text. */
    public Builder messageClass(String value) {
      return set(HeaderField.MESSAGE_CLASS, MessageClass.of(value));
    }

    /** Sets X-Mms-Expiry. */
    public Builder expiry(TimeValue value) {
      return set(HeaderField.EXPIRY, value);
    }

    /** Sets X-Mms-Delivery-Time. */
    public Builder deliveryTime(TimeValue value) {
      return set(HeaderField.DELIVERY_TIME, value);
    }

    /** Sets X-Mms-Priority. */
    public Builder priority(Priority value) {
      return set(HeaderField.PRIORITY, value);
    }

    /** Sets X-Mms-Sender-Visibility. */
    public Builder senderVisibility(SenderVisibility value) {
      return set(HeaderField.SENDER_VISIBILITY, value);
    }

    /** Sets X-Mms-Delivery-Report. */
    public Builder deliveryReport(boolean value) {
      return set(HeaderField.DELIVERY_REPORT, value);
    }

    /** Sets X-Mms-Read-Report. */
    public Builder readReport(boolean value) {
      return set(HeaderField.READ_REPORT, value);
    }

    /** Sets X-Mms-Reply-Charging. */
    public Builder replyCharging(ReplyCharging value) {
      return set(HeaderField.REPLY_CHARGING, value);
    }

    /** Sets X-Mms-Reply-Charging-Deadline. */
    public Builder replyChargingDeadline(TimeValue value) {
      return set(HeaderField.REPLY_CHARGING_DEADLINE, value);
    }

    /** Sets X-Mms-Reply-Charging-Size. */
    public Builder replyChargingSize(long value) {
      return set(HeaderField.REPLY_CHARGING_SIZE, value);
    }

    /** Sets X-Mms-Reply-Charging-ID. */
    public Builder replyChargingId(String value) {
      return set(HeaderField.REPLY_CHARGING_ID, value);
    }

    /** Sets X-Mms-Store. */
    public Builder store(boolean value) {
      return set(HeaderField.STORE, value);
    }

    /** Sets X-Mms-MM-State. */
    public Builder mmState(MmState value) {
      return set(HeaderField.MM_STATE, value);
    }

    /** Adds a X-Mms-MM-Flags value. */
    public Builder mmFlags(MmFlags value) {
      return add(HeaderField.MM_FLAGS, value);
    }

    /** Sets X-Mms-Applic-ID. */
    public Builder applicId(String value) {
      return set(HeaderField.APPLIC_ID, value);
    }

    /** Sets X-Mms-Reply-Applic-ID. */
    public Builder replyApplicId(String value) {
      return set(HeaderField.REPLY_APPLIC_ID, value);
    }

    /** Sets X-Mms-Aux-Applic-Info. */
    public Builder auxApplicInfo(String value) {
      return set(HeaderField.AUX_APPLIC_INFO, value);
    }

    /** Sets X-Mms-Content-Class. */
    public Builder contentClass(ContentClass value) {
      return set(HeaderField.CONTENT_CLASS, value);
    }

    /** Sets X-Mms-DRM-Content. */
    public Builder drmContent(boolean value) {
      return set(HeaderField.DRM_CONTENT, value);
    }

    /** Sets X-Mms-Adaptation-Allowed. */
    public Builder adaptationAllowed(boolean value) {
      return set(HeaderField.ADAPTATION_ALLOWED, value);
    }
  }
}
