package org.mmsstack.encapsulation;

import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;

/**
 * m-mbox-view-req (0x8D, MMS 1.2): list MMs in the MMBox.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxViewReq extends Pdu {

  MboxViewReq(Contents contents) {
    super(MessageType.MBOX_VIEW_REQ, contents);
  }

  /** A builder for a new mbox-view-req. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Content-Location: every value, in order (optional). */
  public List<String> contentLocation() {
    return getAll(HeaderField.CONTENT_LOCATION);
  }

  /** X-Mms-MM-State: every value, in order (optional). */
  public List<MmState> mmState() {
    return getAll(HeaderField.MM_STATE);
  }

  /** X-Mms-MM-Flags: every value, in order (optional). */
  public List<MmFlags> mmFlags() {
    return getAll(HeaderField.MM_FLAGS);
  }

  /** X-Mms-Start (optional). */
  public Optional<Long> start() {
    return get(HeaderField.START);
  }

  /** X-Mms-Limit (optional). */
  public Optional<Long> limit() {
    return get(HeaderField.LIMIT);
  }

  /** X-Mms-Attributes: every value, in order (optional). */
  public List<HeaderField<?>> attributes() {
    return getAll(HeaderField.ATTRIBUTES);
  }

  /** X-Mms-Totals (optional). */
  public Optional<Boolean> totals() {
    return get(HeaderField.TOTALS);
  }

  /** X-Mms-Quotas (optional). */
  public Optional<Boolean> quotas() {
    return get(HeaderField.QUOTAS);
  }

  /** Builds a {@link MboxViewReq}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxViewReq, Builder> {

    Builder() {
      super(MessageType.MBOX_VIEW_REQ);
    }

    Builder(MboxViewReq pdu) {
      super(pdu);
    }

    @Override
    MboxViewReq create(Contents contents) {
      return new MboxViewReq(contents);
    }

    /** Adds a X-Mms-Content-Location value. */
    public Builder contentLocation(String value) {
      return add(HeaderField.CONTENT_LOCATION, value);
    }

    /** Adds a X-Mms-MM-State value. */
    public Builder mmState(MmState value) {
      return add(HeaderField.MM_STATE, value);
    }

    /** Adds a X-Mms-MM-Flags value. */
    public Builder mmFlags(MmFlags value) {
      return add(HeaderField.MM_FLAGS, value);
    }

    /** Sets X-Mms-Start. */
    public Builder start(long value) {
      return set(HeaderField.START, value);
    }

    /** Sets X-Mms-Limit. */
    public Builder limit(long value) {
      return set(HeaderField.LIMIT, value);
    }

    /** Adds a X-Mms-Attributes value. */
    public Builder attributes(HeaderField<?> value) {
      return add(HeaderField.ATTRIBUTES, value);
    }

    /** Sets X-Mms-Totals. */
    public Builder totals(boolean value) {
      return set(HeaderField.TOTALS, value);
    }

    /** Sets X-Mms-Quotas. */
    public Builder quotas(boolean value) {
      return set(HeaderField.QUOTAS, value);
    }
  }
}
