package org.mmsstack.encapsulation;

import java.util.Optional;
import org.mmsstack.encapsulation.value.CancelStatus;

/**
 * m-cancel-conf (0x97, MMS 1.3): the client's answer to m-cancel-req.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class CancelConf extends Pdu {

  CancelConf(Contents contents) {
    super(MessageType.CANCEL_CONF, contents);
  }

  /** A builder for a new cancel-conf. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Cancel-Status (optional). */
  public Optional<CancelStatus> cancelStatus() {
    return get(HeaderField.CANCEL_STATUS);
  }

  /** Builds a {@link CancelConf}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<CancelConf, Builder> {

    Builder() {
      super(MessageType.CANCEL_CONF);
    }

    Builder(CancelConf pdu) {
      super(pdu);
    }

    @Override
    CancelConf create(Contents contents) {
      return new CancelConf(contents);
    }

    /** Sets X-Mms-Cancel-Status. */
    public Builder cancelStatus(CancelStatus value) {
      return set(HeaderField.CANCEL_STATUS, value);
    }
  }
}
