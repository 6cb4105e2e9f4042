package org.mmsstack.encapsulation;

import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;

/**
 * m-mbox-upload-req (0x8F, MMS 1.2): upload an MM into the MMBox. Carries the MM as its body.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxUploadReq extends Pdu {

  MboxUploadReq(Contents contents) {
    super(MessageType.MBOX_UPLOAD_REQ, contents);
  }

  /** A builder for a new mbox-upload-req. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-MM-State (optional). */
  public Optional<MmState> mmState() {
    return get(HeaderField.MM_STATE);
  }

  /** X-Mms-MM-Flags: every value, in order (optional). */
  public List<MmFlags> mmFlags() {
    return getAll(HeaderField.MM_FLAGS);
  }

  /** Builds a {@link MboxUploadReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxUploadReq, Builder> {

    Builder() {
      super(MessageType.MBOX_UPLOAD_REQ);
    }

    Builder(MboxUploadReq pdu) {
      super(pdu);
    }

    @Override
    MboxUploadReq create(Contents contents) {
      return new MboxUploadReq(contents);
    }

    /** Sets X-Mms-MM-State. */
    public Builder mmState(MmState value) {
      return set(HeaderField.MM_STATE, value);
    }

    /** Adds a X-Mms-MM-Flags value. */
    public Builder mmFlags(MmFlags value) {
      return add(HeaderField.MM_FLAGS, value);
    }
  }
}
