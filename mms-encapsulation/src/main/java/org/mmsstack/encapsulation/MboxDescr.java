package org.mmsstack.encapsulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReplyCharging;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * m-mbox-descr (0x93, MMS 1.2): the description of one MMBox entry, found only inside m-mbox-view-conf.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxDescr extends Pdu {

  MboxDescr(Contents contents) {
    super(MessageType.MBOX_DESCR, contents);
  }

  /** A builder for a new mbox-descr. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Content-Location (optional). */
  public Optional<String> contentLocation() {
    return get(HeaderField.CONTENT_LOCATION);
  }

  /** Message-ID (optional). */
  public Optional<String> messageId() {
    return get(HeaderField.MESSAGE_ID);
  }

  /** X-Mms-MM-State (optional). */
  public Optional<MmState> mmState() {
    return get(HeaderField.MM_STATE);
  }

  /** X-Mms-MM-Flags: every value, in order (optional). */
  public List<MmFlags> mmFlags() {
    return getAll(HeaderField.MM_FLAGS);
  }

  /** Date (optional). */
  public Optional<Instant> date() {
    return get(HeaderField.DATE);
  }

  /** From (optional). */
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

  /** X-Mms-Message-Class (optional). */
  public Optional<MessageClass> messageClass() {
    return get(HeaderField.MESSAGE_CLASS);
  }

  /** Subject (optional). */
  public Optional<EncodedString> subject() {
    return get(HeaderField.SUBJECT);
  }

  /** X-Mms-Priority (optional). */
  public Optional<Priority> priority() {
    return get(HeaderField.PRIORITY);
  }

  /** X-Mms-Delivery-Time (optional). */
  public Optional<TimeValue> deliveryTime() {
    return get(HeaderField.DELIVERY_TIME);
  }

  /** X-Mms-Expiry (optional). */
  public Optional<TimeValue> expiry() {
    return get(HeaderField.EXPIRY);
  }

  /** X-Mms-Delivery-Report (optional). */
  public Optional<Boolean> deliveryReport() {
    return get(HeaderField.DELIVERY_REPORT);
  }

  /** X-Mms-Read-Report (optional). */
  public Optional<Boolean> readReport() {
    return get(HeaderField.READ_REPORT);
  }

  /** X-Mms-Message-Size (optional). */
  public Optional<Long> messageSize() {
    return get(HeaderField.MESSAGE_SIZE);
  }

  /** X-Mms-Reply-Charging (optional). */
  public Optional<ReplyCharging> replyCharging() {
    return get(HeaderField.REPLY_CHARGING);
  }

  /** X-Mms-Reply-Charging-Deadline (optional). */
  public Optional<TimeValue> replyChargingDeadline() {
    return get(HeaderField.REPLY_CHARGING_DEADLINE);
  }

  /** X-Mms-Reply-Charging-Size (optional). */
  public Optional<Long> replyChargingSize() {
    return get(HeaderField.REPLY_CHARGING_SIZE);
  }

  /** X-Mms-Reply-Charging-ID (optional). */
  public Optional<String> replyChargingId() {
    return get(HeaderField.REPLY_CHARGING_ID);
  }

  /** X-Mms-Previously-Sent-By: every value, in order (optional). */
  public List<PreviouslySentBy> previouslySentBy() {
    return getAll(HeaderField.PREVIOUSLY_SENT_BY);
  }

  /** X-Mms-Previously-Sent-Date: every value, in order (optional). */
  public List<PreviouslySentDate> previouslySentDate() {
    return getAll(HeaderField.PREVIOUSLY_SENT_DATE);
  }

  /** Builds a {@link MboxDescr}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxDescr, Builder> {

    Builder() {
      super(MessageType.MBOX_DESCR);
    }

    Builder(MboxDescr pdu) {
      super(pdu);
    }

    @Override
    MboxDescr create(Contents contents) {
      return new MboxDescr(contents);
    }

    /** Sets X-Mms-Content-Location. */
    public Builder contentLocation(String value) {
      return set(HeaderField.CONTENT_LOCATION, value);
    }

    /** Sets Message-ID. */
    public Builder messageId(String value) {
      return set(HeaderField.MESSAGE_ID, value);
    }

    /** Sets X-Mms-MM-State. */
    public Builder mmState(MmState value) {
      return set(HeaderField.MM_STATE, value);
    }

    /** Adds a X-Mms-MM-Flags value. */
    public Builder mmFlags(MmFlags value) {
      return add(HeaderField.MM_FLAGS, value);
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

    /** Sets X-Mms-Message-Class. */
    public Builder messageClass(MessageClass value) {
      return set(HeaderField.MESSAGE_CLASS, value);
    }

    /** Sets X-Mms-Message-Class given as text. */
    public Builder messageClass(String value) {
      return set(HeaderField.MESSAGE_CLASS, MessageClass.of(value));
    }

    /** Sets Subject. */
    public Builder subject(EncodedString value) {
      return set(HeaderField.SUBJECT, value);
    }

    /** Sets Subject given as text. */
    public Builder subject(String value) {
      return set(HeaderField.SUBJECT, EncodedString.of(value));
    }

    /** Sets X-Mms-Priority. */
    public Builder priority(Priority value) {
      return set(HeaderField.PRIORITY, value);
    }

    /** Sets X-Mms-Delivery-Time. */
    public Builder deliveryTime(TimeValue value) {
      return set(HeaderField.DELIVERY_TIME, value);
    }

    /** Sets X-Mms-Expiry. */
    public Builder expiry(TimeValue value) {
      return set(HeaderField.EXPIRY, value);
    }

    /** Sets X-Mms-Delivery-Report. */
    public Builder deliveryReport(boolean value) {
      return set(HeaderField.DELIVERY_REPORT, value);
    }

    /** Sets X-Mms-Read-Report. */
    public Builder readReport(boolean value) {
      return set(HeaderField.READ_REPORT, value);
    }

    /** Sets X-Mms-Message-Size. */
    public Builder messageSize(long value) {
      return set(HeaderField.MESSAGE_SIZE, value);
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

    /** Adds a X-Mms-Previously-Sent-By value. */
    public Builder previouslySentBy(PreviouslySentBy value) {
      return add(HeaderField.PREVIOUSLY_SENT_BY, value);
    }

    /** Adds a X-Mms-Previously-Sent-Date value. */
    public Builder previouslySentDate(PreviouslySentDate value) {
      return add(HeaderField.PREVIOUSLY_SENT_DATE, value);
    }
  }
}
