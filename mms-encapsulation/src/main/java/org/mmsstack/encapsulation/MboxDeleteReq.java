package org.mmsstack.encapsulation;

import java.util.List;

/**
 * m-mbox-delete-req (0x91, MMS 1.2): delete MMs from the MMBox.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxDeleteReq extends Pdu {

  MboxDeleteReq(Contents contents) {
    super(MessageType.MBOX_DELETE_REQ, contents);
  }

  /** A builder for a new mbox-delete-req. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Content-Location: every value, in order (mandatory). */
  public List<String> contentLocation() {
    return getAll(HeaderField.CONTENT_LOCATION);
  }

  /** Builds a {@link MboxDeleteReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxDeleteReq, Builder> {

    Builder() {
      super(MessageType.MBOX_DELETE_REQ);
    }

    Builder(MboxDeleteReq pdu) {
      super(pdu);
    }

    @Override
    MboxDeleteReq create(Contents contents) {
      return new MboxDeleteReq(contents);
    }

    /** Adds a X-Mms-Content-Location value. */
    public Builder contentLocation(String value) {
      return add(HeaderField.CONTENT_LOCATION, value);
    }
  }
}
