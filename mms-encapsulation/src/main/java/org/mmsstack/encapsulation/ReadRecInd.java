package org.mmsstack.encapsulation;

import java.time.Instant;
import java.util.Optional;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.ReadStatus;

/**
 * m-read-rec-ind (0x87, MMS 1.1): the recipient's client sends a read report.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class ReadRecInd extends Pdu {

  ReadRecInd(Contents contents) {
    super(MessageType.READ_REC_IND, contents);
  }

  /** A builder for a new read-rec-ind. */
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

  /** From (mandatory). */
  public Optional<FromValue> from() {
    return get(HeaderField.FROM);
  }

  /** Date (optional). */
  public Optional<Instant> date() {
    return get(HeaderField.DATE);
  }

  /** X-Mms-Read-Status (mandatory). */
  public Optional<ReadStatus> readStatus() {
    return get(HeaderField.READ_STATUS);
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

  /** Builds a {@link ReadRecInd}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<ReadRecInd, Builder> {

    Builder() {
      super(MessageType.READ_REC_IND);
    }

    Builder(ReadRecInd pdu) {
      super(pdu);
    }

    @Override
    ReadRecInd create(Contents contents) {
      return new ReadRecInd(contents);
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

    /** Sets From. */
    public Builder from(FromValue value) {
      return set(HeaderField.FROM, value);
    }

    /** Sets From to an address (the Address-present-token form). */
    public Builder from(Address value) {
      return set(HeaderField.FROM, FromValue.of(value));
    }

    /** Sets Date. */
    public Builder date(Instant value) {
      return set(HeaderField.DATE, value);
    }

    /** Sets X-Mms-Read-Status. */
    public Builder readStatus(ReadStatus value) {
      return set(HeaderField.READ_STATUS, value);
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
