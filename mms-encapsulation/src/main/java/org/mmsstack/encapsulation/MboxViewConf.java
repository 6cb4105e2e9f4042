package org.mmsstack.encapsulation;

import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.MboxCount;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.MmState;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * m-mbox-view-conf (0x8E, MMS 1.2): the listing; its body holds m-mbox-descr PDUs.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxViewConf extends Pdu {

  MboxViewConf(Contents contents) {
    super(MessageType.MBOX_VIEW_CONF, contents);
  }

  /** A builder for a new mbox-view-conf. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Response-Status (mandatory). */
  public Optional<ResponseStatus> responseStatus() {
    return get(HeaderField.RESPONSE_STATUS);
  }

  /** X-Mms-Response-Text (optional). */
  public Optional<EncodedString> responseText() {
    return get(HeaderField.RESPONSE_TEXT);
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

  /** X-Mms-Mbox-Totals: every value, in order (optional). */
  public List<MboxCount> mboxTotals() {
    return getAll(HeaderField.MBOX_TOTALS);
  }

  /** X-Mms-Mbox-Quotas: every value, in order (optional). */
  public List<MboxCount> mboxQuotas() {
    return getAll(HeaderField.MBOX_QUOTAS);
  }

  /** X-Mms-Message-Count (optional). */
  public Optional<Long> messageCount() {
    return get(HeaderField.MESSAGE_COUNT);
  }

  /** Builds a {@link MboxViewConf}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxViewConf, Builder> {

    Builder() {
      super(MessageType.MBOX_VIEW_CONF);
    }

    Builder(MboxViewConf pdu) {
      super(pdu);
    }

    @Override
    MboxViewConf create(Contents contents) {
      return new MboxViewConf(contents);
    }

    /** Sets X-Mms-Response-Status. */
    public Builder responseStatus(ResponseStatus value) {
      return set(HeaderField.RESPONSE_STATUS, value);
    }

    /** Sets X-Mms-Response-Text. */
    public Builder responseText(EncodedString value) {
      return set(HeaderField.RESPONSE_TEXT, value);
    }

    /** Sets X-Mms-Response-Text given as text. */
    public Builder responseText(String value) {
      return set(HeaderField.RESPONSE_TEXT, EncodedString.of(value));
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

    /** Adds a X-Mms-Mbox-Totals value. */
    public Builder mboxTotals(MboxCount value) {
      return add(HeaderField.MBOX_TOTALS, value);
    }

    /** Adds a X-Mms-Mbox-Quotas value. */
    public Builder mboxQuotas(MboxCount value) {
      return add(HeaderField.MBOX_QUOTAS, value);
    }

    /** Sets X-Mms-Message-Count. */
    public Builder messageCount(long value) {
      return set(HeaderField.MESSAGE_COUNT, value);
    }
  }
}
