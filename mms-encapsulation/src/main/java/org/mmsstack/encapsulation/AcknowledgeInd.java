package org.mmsstack.encapsulation;

import java.util.Optional;

/**
 * m-acknowledge-ind (0x85): the client confirms a deferred retrieval.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class AcknowledgeInd extends Pdu {

  AcknowledgeInd(Contents contents) {
    super(MessageType.ACKNOWLEDGE_IND, contents);
  }

  /** A builder for a new acknowledge-ind. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Report-Allowed (optional). */
  public Optional<Boolean> reportAllowed() {
    return get(HeaderField.REPORT_ALLOWED);
  }

  /** Builds a {@link AcknowledgeInd}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<AcknowledgeInd, Builder> {

    Builder() {
      super(MessageType.ACKNOWLEDGE_IND);
    }

    Builder(AcknowledgeInd pdu) {
      super(pdu);
    }

    @Override
    AcknowledgeInd create(Contents contents) {
      return new AcknowledgeInd(contents);
    }

    /** Sets X-Mms-Report-Allowed. */
    public Builder reportAllowed(boolean value) {
      return set(HeaderField.REPORT_ALLOWED, value);
    }
  }
}
