package org.mmsstack.encapsulation;

import java.util.Optional;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.StoreStatus;

/**
 * m-send-conf (0x81): the Relay/Server's answer to m-send-req.
 *
 * <p>Generated accessors read the headers this PDU type defines (OMA MMS Encapsulation 1.0-1.3);
 * {@link #headers()} lists every header, unknown ones included.
 */
public final class SendConf extends Pdu {

  SendConf(Contents contents) {
    super(MessageType.SEND_CONF, contents);
  }

  /** A builder for a new send-conf. */
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

  /** Message-ID (optional). */
  public Optional<String> messageId() {
    return get(HeaderField.MESSAGE_ID);
  }

  /** X-Mms-Content-Location (optional since 1.2). */
  public Optional<String> contentLocation() {
    return get(HeaderField.CONTENT_LOCATION);
  }

  /** X-Mms-Store-Status (optional since 1.2). */
  public Optional<StoreStatus> storeStatus() {
    return get(HeaderField.STORE_STATUS);
  }

  /** X-Mms-Store-Status-Text (optional since 1.2). */
  public Optional<EncodedString> storeStatusText() {
    return get(HeaderField.STORE_STATUS_TEXT);
  }

  /** Builds a {@link SendConf}; see {@link Pdu.Builder} for the ordering and checking rules. */
  public static final class Builder extends Pdu.Builder<SendConf, Builder> {

    Builder() {
      super(MessageType.SEND_CONF);
    }

    Builder(SendConf pdu) {
      super(pdu);
    }

    @Override
    SendConf create(Contents contents) {
      return new SendConf(contents);
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

    /** Sets Message-ID. */
    public Builder messageId(String value) {
      return set(HeaderField.MESSAGE_ID, value);
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
