package org.mmsstack.encapsulation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;
import org.mmsstack.encapsulation.value.ReplyCharging;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * m-forward-req (0x89, MMS 1.1): forward an MM stored at the Relay/Server without retrieving it.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class ForwardReq extends Pdu {

  ForwardReq(Contents contents) {
    super(MessageType.FORWARD_REQ, contents);
  }

  /** A builder for a new forward-req. */
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

  /** X-Mms-Expiry (optional). */
  public Optional<TimeValue> expiry() {
    return get(HeaderField.EXPIRY);
  }

  /** X-Mms-Delivery-Time (optional). */
  public Optional<TimeValue> deliveryTime() {
    return get(HeaderField.DELIVERY_TIME);
  }

  /** X-Mms-Report-Allowed (optional). */
  public Optional<Boolean> reportAllowed() {
    return get(HeaderField.REPORT_ALLOWED);
  }

  /** X-Mms-Delivery-Report (optional). */
  public Optional<Boolean> deliveryReport() {
    return get(HeaderField.DELIVERY_REPORT);
  }

  /** X-Mms-Read-Report (optional). */
  public Optional<Boolean> readReport() {
    return get(HeaderField.READ_REPORT);
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

  /** X-Mms-Reply-Charging (optional since 1.3). */
  public Optional<ReplyCharging> replyCharging() {
    return get(HeaderField.REPLY_CHARGING);
  }

  /** X-Mms-Reply-Charging-Deadline (optional since 1.3). */
  public Optional<TimeValue> replyChargingDeadline() {
    return get(HeaderField.REPLY_CHARGING_DEADLINE);
  }

  /** X-Mms-Reply-Charging-Size (optional since 1.3). */
  public Optional<Long> replyChargingSize() {
    return get(HeaderField.REPLY_CHARGING_SIZE);
  }

  /** X-Mms-Content-Location (mandatory). */
  public Optional<String> contentLocation() {
    return get(HeaderField.CONTENT_LOCATION);
  }

  /** Builds a {@link ForwardReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<ForwardReq, Builder> {

    Builder() {
      super(MessageType.FORWARD_REQ);
    }

    Builder(ForwardReq pdu) {
      super(pdu);
    }

    @Override
    ForwardReq create(Contents contents) {
      return new ForwardReq(contents);
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

    /** Sets X-Mms-Expiry. */
    public Builder expiry(TimeValue value) {
      return set(HeaderField.EXPIRY, value);
    }

    /** Sets X-Mms-Delivery-Time. */
    public Builder deliveryTime(TimeValue value) {
      return set(HeaderField.DELIVERY_TIME, value);
    }

    /** Sets X-Mms-Report-Allowed. */
    public Builder reportAllowed(boolean value) {
      return set(HeaderField.REPORT_ALLOWED, value);
    }

    /** Sets X-Mms-Delivery-Report. */
    public Builder deliveryReport(boolean value) {
      return set(HeaderField.DELIVERY_REPORT, value);
    }

    /** Sets X-Mms-Read-Report. */
    public Builder readReport(boolean value) {
      return set(HeaderField.READ_REPORT, value);
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

    /** Sets X-Mms-Content-Location. */
    public Builder contentLocation(String value) {
      return set(HeaderField.CONTENT_LOCATION, value);
    }
  }
}
