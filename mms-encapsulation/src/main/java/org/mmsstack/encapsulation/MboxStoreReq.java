package org.mmsstack.encapsulation;

import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;

/**
 * m-mbox-store-req (0x8B, MMS 1.2): store or update an MM in the MMBox.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxStoreReq extends Pdu {

  MboxStoreReq(Contents contents) {
    super(MessageType.MBOX_STORE_REQ, contents);
  }

  /** A builder for a new mbox-store-req. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Content-Location (mandatory). */
  public Optional<String> contentLocation() {
    return get(HeaderField.CONTENT_LOCATION);
  }

  /** X-Mms-MM-State (optional). */
  public Optional<MmState> mmState() {
    return get(HeaderField.MM_STATE);
  }

  /** X-Mms-MM-Flags: every value, in order (optional). */
  public List<MmFlags> mmFlags() {
    return getAll(HeaderField.MM_FLAGS);
  }

  /** Builds a {@link MboxStoreReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxStoreReq, Builder> {

    Builder() {
      super(MessageType.MBOX_STORE_REQ);
    }

    Builder(MboxStoreReq pdu) {
      super(pdu);
    }

    @Override
    MboxStoreReq create(Contents contents) {
      return new MboxStoreReq(contents);
    }

    /** Sets X-Mms-Content-Location. */
    public Builder contentLocation(String value) {
      return set(HeaderField.CONTENT_LOCATION, value);
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
