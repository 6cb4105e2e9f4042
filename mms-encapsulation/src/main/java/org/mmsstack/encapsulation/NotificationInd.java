package org.mmsstack.encapsulation;

import java.util.Optional;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReplyCharging;
import org.mmsstack.encapsulation.value.RetrievalMode;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * m-notification-ind (0x82): the Relay/Server tells a client (by WAP push) that an MM waits for retrieval.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class NotificationInd extends Pdu {

  NotificationInd(Contents contents) {
    super(MessageType.NOTIFICATION_IND, contents);
  }

  /** A builder for a new notification-ind. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** From (optional). */
  public Optional<FromValue> from() {
    return get(HeaderField.FROM);
  }

  /** Subject (optional). */
  public Optional<EncodedString> subject() {
    return get(HeaderField.SUBJECT);
  }

  /** X-Mms-Delivery-Report (optional). */
  public Optional<Boolean> deliveryReport() {
    return get(HeaderField.DELIVERY_REPORT);
  }

  /** X-Mms-Stored (optional since 1.2). */
  public Optional<Boolean> stored() {
    return get(HeaderField.STORED);
  }

  /** X-Mms-Message-Class (mandatory). */
  public Optional<MessageClass> messageClass() {
    return get(HeaderField.MESSAGE_CLASS);
  }

  /** X-Mms-Priority (optional). */
  public Optional<Priority> priority() {
    return get(HeaderField.PRIORITY);
  }

  /** X-Mms-Message-Size (mandatory). */
  public Optional<Long> messageSize() {
    return get(HeaderField.MESSAGE_SIZE);
  }

  /** X-Mms-Expiry (mandatory). */
  public Optional<TimeValue> expiry() {
    return get(HeaderField.EXPIRY);
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

  /** X-Mms-Content-Location (mandatory). */
  public Optional<String> contentLocation() {
    return get(HeaderField.CONTENT_LOCATION);
  }

  /** X-Mms-Distribution-Indicator (optional since 1.2). */
  public Optional<Boolean> distributionIndicator() {
    return get(HeaderField.DISTRIBUTION_INDICATOR);
  }

  /** X-Mms-Element-Descriptor (optional since 1.2). */
  public Optional<ElementDescriptor> elementDescriptor() {
    return get(HeaderField.ELEMENT_DESCRIPTOR);
  }

  /** X-Mms-Recommended-Retrieval-Mode (optional since 1.3). */
  public Optional<RetrievalMode> recommendedRetrievalMode() {
    return get(HeaderField.RECOMMENDED_RETRIEVAL_MODE);
  }

  /** X-Mms-Recommended-Retrieval-Mode-Text (optional since 1.3). */
  public Optional<EncodedString> recommendedRetrievalModeText() {
    return get(HeaderField.RECOMMENDED_RETRIEVAL_MODE_TEXT);
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

  /** Builds a {@link NotificationInd}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<NotificationInd, Builder> {

    Builder() {
      super(MessageType.NOTIFICATION_IND);
    }

    Builder(NotificationInd pdu) {
      super(pdu);
    }

    @Override
    NotificationInd create(Contents contents) {
      return new NotificationInd(contents);
    }

    /** Sets From. */
    public Builder from(FromValue value) {
      return set(HeaderField.FROM, value);
    }

    /** Sets From to an address (the Address-present-token form). */
    public Builder from(Address value) {
      return set(HeaderField.FROM, FromValue.of(value));
    }

    /** Sets Subject. */
    public Builder subject(EncodedString value) {
      return set(HeaderField.SUBJECT, value);
    }

    /** Sets Subject given as text. */
    public Builder subject(String value) {
      return set(HeaderField.SUBJECT, EncodedString.of(value));
    }

    /** Sets X-Mms-Delivery-Report. */
    public Builder deliveryReport(boolean value) {
      return set(HeaderField.DELIVERY_REPORT, value);
    }

    /** Sets X-Mms-Stored. */
    public Builder stored(boolean value) {
      return set(HeaderField.STORED, value);
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

    /** Sets X-Mms-Message-Size. */
    public Builder messageSize(long value) {
      return set(HeaderField.MESSAGE_SIZE, value);
    }

    /** Sets X-Mms-Expiry. */
    public Builder expiry(TimeValue value) {
      return set(HeaderField.EXPIRY, value);
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

    /** Sets X-Mms-Content-Location. */
    public Builder contentLocation(String value) {
      return set(HeaderField.CONTENT_LOCATION, value);
    }

    /** Sets X-Mms-Distribution-Indicator. */
    public Builder distributionIndicator(boolean value) {
      return set(HeaderField.DISTRIBUTION_INDICATOR, value);
    }

    /** Sets X-Mms-Element-Descriptor. */
    public Builder elementDescriptor(ElementDescriptor value) {
      return set(HeaderField.ELEMENT_DESCRIPTOR, value);
    }

    /** Sets X-Mms-Recommended-Retrieval-Mode. */
    public Builder recommendedRetrievalMode(RetrievalMode value) {
      return set(HeaderField.RECOMMENDED_RETRIEVAL_MODE, value);
    }

    /** Sets X-Mms-Recommended-Retrieval-Mode-Text. */
    public Builder recommendedRetrievalModeText(EncodedString value) {
      return set(HeaderField.RECOMMENDED_RETRIEVAL_MODE_TEXT, value);
    }

    /** Sets X-Mms-Recommended-Retrieval-Mode-Text given as text. */
    public Builder recommendedRetrievalModeText(String value) {
      return set(HeaderField.RECOMMENDED_RETRIEVAL_MODE_TEXT, EncodedString.of(value));
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
