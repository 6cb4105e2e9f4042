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
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReplyCharging;
import org.mmsstack.encapsulation.value.RetrieveStatus;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * m-retrieve-conf (0x84): the MM a client retrieved (HTTP GET response). Carries a body.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class RetrieveConf extends Pdu {

  RetrieveConf(Contents contents) {
    super(MessageType.RETRIEVE_CONF, contents);
  }

  /** A builder for a new retrieve-conf. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Message-ID (conditional). */
  public Optional<String> messageId() {
    return get(HeaderField.MESSAGE_ID);
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

  /** Subject (optional). */
  public Optional<EncodedString> subject() {
    return get(HeaderField.SUBJECT);
  }

  /** Date (mandatory). */
  public Optional<Instant> date() {
    return get(HeaderField.DATE);
  }

  /** X-Mms-Previously-Sent-By: every value, in order (optional since 1.1). */
  public List<PreviouslySentBy> previouslySentBy() {
    return getAll(HeaderField.PREVIOUSLY_SENT_BY);
  }

  /** X-Mms-Previously-Sent-Date: every value, in order (optional since 1.1). */
  public List<PreviouslySentDate> previouslySentDate() {
    return getAll(HeaderField.PREVIOUSLY_SENT_DATE);
  }

  /** X-Mms-MM-State (optional since 1.2). */
  public Optional<MmState> mmState() {
    return get(HeaderField.MM_STATE);
  }

  /** X-Mms-MM-Flags: every value, in order (optional since 1.2). */
  public List<MmFlags> mmFlags() {
    return getAll(HeaderField.MM_FLAGS);
  }

  /** X-Mms-Message-Class (optional). */
  public Optional<MessageClass> messageClass() {
    return get(HeaderField.MESSAGE_CLASS);
  }

  /** X-Mms-Priority (optional). */
  public Optional<Priority> priority() {
    return get(HeaderField.PRIORITY);
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

  /** X-Mms-Retrieve-Status (optional since 1.1). */
  public Optional<RetrieveStatus> retrieveStatus() {
    return get(HeaderField.RETRIEVE_STATUS);
  }

  /** X-Mms-Retrieve-Text (optional since 1.1). */
  public Optional<EncodedString> retrieveText() {
    return get(HeaderField.RETRIEVE_TEXT);
  }

  /** X-Mms-Distribution-Indicator (optional since 1.2). */
  public Optional<Boolean> distributionIndicator() {
    return get(HeaderField.DISTRIBUTION_INDICATOR);
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

  /** X-Mms-Replace-ID (optional since 1.3). */
  public Optional<String> replaceId() {
    return get(HeaderField.REPLACE_ID);
  }

  /** Builds a {@link RetrieveConf}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<RetrieveConf, Builder> {

    Builder() {
      super(MessageType.RETRIEVE_CONF);
    }

    Builder(RetrieveConf pdu) {
      super(pdu);
    }

    @Override
    RetrieveConf create(Contents contents) {
      return new RetrieveConf(contents);
    }

    /** Sets Message-ID. */
    public Builder messageId(String value) {
      return set(HeaderField.MESSAGE_ID, value);
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

    /** Sets Subject. */
    public Builder subject(EncodedString value) {
      return set(HeaderField.SUBJECT, value);
    }

    /** Sets Subject given as text. */
    public Builder subject(String value) {
      return set(HeaderField.SUBJECT, EncodedString.of(value));
    }

    /** Sets Date. */
    public Builder date(Instant value) {
      return set(HeaderField.DATE, value);
    }

    /** Adds a X-Mms-Previously-Sent-By value. */
    public Builder previouslySentBy(PreviouslySentBy value) {
      return add(HeaderField.PREVIOUSLY_SENT_BY, value);
    }

    /** Adds a X-Mms-Previously-Sent-Date value. */
    public Builder previouslySentDate(PreviouslySentDate value) {
      return add(HeaderField.PREVIOUSLY_SENT_DATE, value);
    }

    /** Sets X-Mms-MM-State. */
    public Builder mmState(MmState value) {
      return set(HeaderField.MM_STATE, value);
    }

    /** Adds a X-Mms-MM-Flags value. */
    public Builder mmFlags(MmFlags value) {
      return add(HeaderField.MM_FLAGS, value);
    }

    /** Sets X-Mms-Message-Class. */
    public Builder messageClass(MessageClass value) {
      return set(HeaderField.MESSAGE_CLASS, value);
    }

    /** Sets X-Mms-Message-Class given as text. */
    public Builder messageClass(String value) {
      return set(HeaderField.MESSAGE_CLASS, MessageClass.of(value));
    }

    /** Sets X-Mms-Priority. */
    public Builder priority(Priority value) {
      return set(HeaderField.PRIORITY, value);
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

    /** Sets X-Mms-Retrieve-Status. */
    public Builder retrieveStatus(RetrieveStatus value) {
      return set(HeaderField.RETRIEVE_STATUS, value);
    }

    /** Sets X-Mms-Retrieve-Text. */
    public Builder retrieveText(EncodedString value) {
      return set(HeaderField.RETRIEVE_TEXT, value);
    }

    /** Sets X-Mms-Retrieve-Text given as text. */
    public Builder retrieveText(String value) {
      return set(HeaderField.RETRIEVE_TEXT, EncodedString.of(value));
    }

    /** Sets X-Mms-Distribution-Indicator. */
    public Builder distributionIndicator(boolean value) {
      return set(HeaderField.DISTRIBUTION_INDICATOR, value);
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

    /** Sets X-Mms-Replace-ID. */
    public Builder replaceId(String value) {
      return set(HeaderField.REPLACE_ID, value);
    }
  }
}
