package org.mmsstack.encapsulation;

import java.util.List;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * m-mbox-delete-conf (0x92, MMS 1.2): the answer to m-mbox-delete-req; its values may be indexed by request entry.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxDeleteConf extends Pdu {

  MboxDeleteConf(Contents contents) {
    super(MessageType.MBOX_DELETE_CONF, contents);
  }

  /** A builder for a new mbox-delete-conf. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Response-Status: every value, in order (mandatory). */
  public List<ResponseStatus> responseStatus() {
    return getAll(HeaderField.RESPONSE_STATUS);
  }

  /** X-Mms-Response-Status in the indexed (Del) form: one value per request entry. */
  public List<Indexed<ResponseStatus>> responseStatusIndexed() {
    return getAll(HeaderField.RESPONSE_STATUS_INDEXED);
  }

  /** X-Mms-Response-Text: every value, in order (optional). */
  public List<EncodedString> responseText() {
    return getAll(HeaderField.RESPONSE_TEXT);
  }

  /** X-Mms-Response-Text in the indexed (Del) form: one value per request entry. */
  public List<Indexed<EncodedString>> responseTextIndexed() {
    return getAll(HeaderField.RESPONSE_TEXT_INDEXED);
  }

  /** X-Mms-Content-Location: every value, in order (optional). */
  public List<String> contentLocation() {
    return getAll(HeaderField.CONTENT_LOCATION);
  }

  /** X-Mms-Content-Location in the indexed (Del) form: one value per request entry. */
  public List<Indexed<String>> contentLocationIndexed() {
    return getAll(HeaderField.CONTENT_LOCATION_INDEXED);
  }

  /** Builds a {@link MboxDeleteConf}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxDeleteConf, Builder> {

    Builder() {
      super(MessageType.MBOX_DELETE_CONF);
    }

    Builder(MboxDeleteConf pdu) {
      super(pdu);
    }

    @Override
    MboxDeleteConf create(Contents contents) {
      return new MboxDeleteConf(contents);
    }

    /** Adds a X-Mms-Response-Status value. */
    public Builder responseStatus(ResponseStatus value) {
      return add(HeaderField.RESPONSE_STATUS, value);
    }

    /** Adds an indexed (Del form) X-Mms-Response-Status value answering request entry {@code index}. */
    public Builder responseStatusIndexed(long index, ResponseStatus value) {
      return add(HeaderField.RESPONSE_STATUS_INDEXED, new Indexed<>(index, value));
    }

    /** Adds a X-Mms-Response-Text value. */
    public Builder responseText(EncodedString value) {
      return add(HeaderField.RESPONSE_TEXT, value);
    }

    /** Adds a X-Mms-Response-Text value given as text. */
    public Builder responseText(String value) {
      return add(HeaderField.RESPONSE_TEXT, EncodedString.of(value));
    }

    /** Adds an indexed (Del form) X-Mms-Response-Text value answering request entry {@code index}. */
    public Builder responseTextIndexed(long index, EncodedString value) {
      return add(HeaderField.RESPONSE_TEXT_INDEXED, new Indexed<>(index, value));
    }

    /** Adds a X-Mms-Content-Location value. */
    public Builder contentLocation(String value) {
      return add(HeaderField.CONTENT_LOCATION, value);
    }

    /** Adds an indexed (Del form) X-Mms-Content-Location value answering request entry {@code index}. */
    public Builder contentLocationIndexed(long index, String value) {
      return add(HeaderField.CONTENT_LOCATION_INDEXED, new Indexed<>(index, value));
    }
  }
}
