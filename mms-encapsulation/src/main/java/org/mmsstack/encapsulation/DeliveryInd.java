package org.mmsstack.encapsulation;

import java.time.Instant;
import java.util.Optional;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.Status;

/**
 * m-delivery-ind (0x86): a delivery report for the originator.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class DeliveryInd extends Pdu {

  DeliveryInd(Contents contents) {
    super(MessageType.DELIVERY_IND, contents);
  }

  /** A builder for a new delivery-ind. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Message-ID (mandatory). */
  public Optional<String> messageId() {
    return get(HeaderField.MESSAGE_ID);
  }

  /** To (mandatory). */
  public Optional<Address> to() {
    return get(HeaderField.TO);
  }

  /** Date (mandatory). */
  public Optional<Instant> date() {
    return get(HeaderField.DATE);
  }

  /** X-Mms-Status (mandatory). */
  public Optional<Status> status() {
    return get(HeaderField.STATUS);
  }

  /** X-Mms-Status-Text (optional since 1.3). */
  public Optional<EncodedString> statusText() {
    return get(HeaderField.STATUS_TEXT);
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

  /** Builds a {@link DeliveryInd}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<DeliveryInd, Builder> {

    Builder() {
      super(MessageType.DELIVERY_IND);
    }

    Builder(DeliveryInd pdu) {
      super(pdu);
    }

    @Override
    DeliveryInd create(Contents contents) {
      return new DeliveryInd(contents);
    }

    /** Sets Message-ID. */
    public Builder messageId(String value) {
      return set(HeaderField.MESSAGE_ID, value);
    }

    /** Sets To. */
    public Builder to(Address value) {
      return set(HeaderField.TO, value);
    }

    /** Sets To given as text. */
    public Builder to(String value) {
      return set(HeaderField.TO, Address.parse(value));
    }

    /** Sets Date. */
    public Builder date(Instant value) {
      return set(HeaderField.DATE, value);
    }

    /** Sets X-Mms-Status. */
    public Builder status(Status value) {
      return set(HeaderField.STATUS, value);
    }

    /** Sets X-Mms-Status-Text. */
    public Builder statusText(EncodedString value) {
      return set(HeaderField.STATUS_TEXT, value);
    }

    /** Sets X-Mms-Status-Text given as text. */
    public Builder statusText(String value) {
      return set(HeaderField.STATUS_TEXT, EncodedString.of(value));
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
  }
}
