package org.mmsstack.encapsulation;

import java.util.Optional;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.StoreStatus;

/**
 * m-mbox-upload-conf (0x90, MMS 1.2): the answer to m-mbox-upload-req.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class MboxUploadConf extends Pdu {

  MboxUploadConf(Contents contents) {
    super(MessageType.MBOX_UPLOAD_CONF, contents);
  }

  /** A builder for a new mbox-upload-conf. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** X-Mms-Content-Location (conditional). */
  public Optional<String> contentLocation() {
    return get(HeaderField.CONTENT_LOCATION);
  }

  /** X-Mms-Store-Status (mandatory). */
  public Optional<StoreStatus> storeStatus() {
    return get(HeaderField.STORE_STATUS);
  }

  /** X-Mms-Store-Status-Text (optional). */
  public Optional<EncodedString> storeStatusText() {
    return get(HeaderField.STORE_STATUS_TEXT);
  }

  /** Builds a {@link MboxUploadConf}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<MboxUploadConf, Builder> {

    Builder() {
      super(MessageType.MBOX_UPLOAD_CONF);
    }

    Builder(MboxUploadConf pdu) {
      super(pdu);
    }

    @Override
    MboxUploadConf create(Contents contents) {
      return new MboxUploadConf(contents);
    }

    /** Sets X-Mms-Content-Location. */
    public Builder contentLocation(String value) {
      return set(HeaderField.CONTENT_LOCATION, value);
    }

    /** Sets X-Mms-Store-Status. */
    public Builder storeStatus(StoreStatus value) {
      return set(HeaderField.STORE_STATUS, value);
    }

    /** Sets X-Mms-Store-Status-Text. */
    public Builder storeStatusText(EncodedString value) {
      return set(HeaderField.STORE_STATUS_TEXT, value);
    }

    /** Sets X-Mms-Store-Status-Text given as text. */
    public Builder storeStatusText(String value) {
      return set(HeaderField.STORE_STATUS_TEXT, EncodedString.of(value));
    }
  }
}
