package org.mmsstack.encapsulation;

import java.util.Optional;
import org.mmsstack.encapsulation.value.Status;

/**
 * m-notifyresp-ind (0x83): the client's answer to m-notification-ind.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class NotifyRespInd extends Pdu {

  NotifyRespInd(Contents contents) {
    super(MessageType.NOTIFYRESP_IND, contents);
  }

  /** A builder for a new notifyresp-ind. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Status (mandatory). */
  public Optional<Status> status() {
    return get(HeaderField.STATUS);
  }

  /** X-Mms-Report-Allowed (optional). */
  public Optional<Boolean> reportAllowed() {
    return get(HeaderField.REPORT_ALLOWED);
  }

  /** Builds a {@link NotifyRespInd}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<NotifyRespInd, Builder> {

    Builder() {
      super(MessageType.NOTIFYRESP_IND);
    }

    Builder(NotifyRespInd pdu) {
      super(pdu);
    }

    @Override
    NotifyRespInd create(Contents contents) {
      return new NotifyRespInd(contents);
    }

    /** Sets X-Mms-Status. */
    public Builder status(Status value) {
      return set(HeaderField.STATUS, value);
    }

    /** Sets X-Mms-Report-Allowed. */
    public Builder reportAllowed(boolean value) {
      return set(HeaderField.REPORT_ALLOWED, value);
    }
  }
}
