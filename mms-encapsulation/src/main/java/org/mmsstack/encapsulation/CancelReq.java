package org.mmsstack.encapsulation;

import java.util.Optional;

/**
 * m-cancel-req (0x96, MMS 1.3): the Relay/Server cancels an MM it notified.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class CancelReq extends Pdu {

  CancelReq(Contents contents) {
    super(MessageType.CANCEL_REQ, contents);
  }

  /** A builder for a new cancel-req. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Cancel-ID (mandatory). */
  public Optional<String> cancelId() {
    return get(HeaderField.CANCEL_ID);
  }

  /** Builds a {@link CancelReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<CancelReq, Builder> {

    Builder() {
      super(MessageType.CANCEL_REQ);
    }

    Builder(CancelReq pdu) {
      super(pdu);
    }

    @Override
    CancelReq create(Contents contents) {
      return new CancelReq(contents);
    }

    /** Sets X-Mms-Cancel-ID. */
    public Builder cancelId(String value) {
      return set(HeaderField.CANCEL_ID, value);
    }
  }
}
