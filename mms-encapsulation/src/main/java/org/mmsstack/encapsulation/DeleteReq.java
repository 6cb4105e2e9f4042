package org.mmsstack.encapsulation;

import java.util.List;

/**
 * m-delete-req (0x94, MMS 1.3): delete MMs stored at the Relay/Server.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class DeleteReq extends Pdu {

  DeleteReq(Contents contents) {
    super(MessageType.DELETE_REQ, contents);
  }

  /** A builder for a new delete-req. */
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

  /** Builds a {@link DeleteReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<DeleteReq, Builder> {

    Builder() {
      super(MessageType.DELETE_REQ);
    }

    Builder(DeleteReq pdu) {
      super(pdu);
    }

    @Override
    DeleteReq create(Contents contents) {
      return new DeleteReq(contents);
    }

    /** Adds a X-Mms-Content-Location value. */
    public Builder contentLocation(String value) {
      return add(HeaderField.CONTENT_LOCATION, value);
    }
  }
}
