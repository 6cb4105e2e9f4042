package org.mmsstack.encapsulation;

import java.util.Optional;

/**
 * X-Mms-Message-Type values (OMA MMS Encapsulation 1.0-1.3, field 0x0C): the 24 PDU types.
 *
 * <p>The wire value is one octet 0x80-0x97. {@link #fromCode(int)} looks codes up in an array
 * indexed by {@code code - 0x80}; a code outside the table is not a PDU this library (or the
 * specification) knows, and a receiver discards it.
 */
public enum MessageType {
  SEND_REQ(0x80, "m-send-req", MmsVersion.V1_0, true),
  SEND_CONF(0x81, "m-send-conf", MmsVersion.V1_0, false),
  NOTIFICATION_IND(0x82, "m-notification-ind", MmsVersion.V1_0, false),
  NOTIFYRESP_IND(0x83, "m-notifyresp-ind", MmsVersion.V1_0, false),
  RETRIEVE_CONF(0x84, "m-retrieve-conf", MmsVersion.V1_0, true),
  ACKNOWLEDGE_IND(0x85, "m-acknowledge-ind", MmsVersion.V1_0, false),
  DELIVERY_IND(0x86, "m-delivery-ind", MmsVersion.V1_0, false),
  READ_REC_IND(0x87, "m-read-rec-ind", MmsVersion.V1_1, false),
  READ_ORIG_IND(0x88, "m-read-orig-ind", MmsVersion.V1_1, false),
  FORWARD_REQ(0x89, "m-forward-req", MmsVersion.V1_1, false),
  FORWARD_CONF(0x8A, "m-forward-conf", MmsVersion.V1_1, false),
  MBOX_STORE_REQ(0x8B, "m-mbox-store-req", MmsVersion.V1_2, false),
  MBOX_STORE_CONF(0x8C, "m-mbox-store-conf", MmsVersion.V1_2, false),
  MBOX_VIEW_REQ(0x8D, "m-mbox-view-req", MmsVersion.V1_2, false),
  MBOX_VIEW_CONF(0x8E, "m-mbox-view-conf", MmsVersion.V1_2, true),
  MBOX_UPLOAD_REQ(0x8F, "m-mbox-upload-req", MmsVersion.V1_2, true),
  MBOX_UPLOAD_CONF(0x90, "m-mbox-upload-conf", MmsVersion.V1_2, false),
  MBOX_DELETE_REQ(0x91, "m-mbox-delete-req", MmsVersion.V1_2, false),
  MBOX_DELETE_CONF(0x92, "m-mbox-delete-conf", MmsVersion.V1_2, false),
  MBOX_DESCR(0x93, "m-mbox-descr", MmsVersion.V1_2, true),
  DELETE_REQ(0x94, "m-delete-req", MmsVersion.V1_3, false),
  DELETE_CONF(0x95, "m-delete-conf", MmsVersion.V1_3, false),
  CANCEL_REQ(0x96, "m-cancel-req", MmsVersion.V1_3, false),
  CANCEL_CONF(0x97, "m-cancel-conf", MmsVersion.V1_3, false);

  private static final MessageType[] BY_CODE = new MessageType[0x18];

  static {
    for (MessageType t : values()) {
      int i = t.code - 0x80;
      if (BY_CODE[i] != null) {
        throw new ExceptionInInitializerError("duplicate message type code " + t.code);
      }
      BY_CODE[i] = t;
    }
  }

  private final int code;
  private final String wireName;
  private final MmsVersion since;
  private final boolean mayCarryBody;

  // Made once so that fromCode does not allocate: the decoder calls it per PDU.
  private final Optional<MessageType> self;

  MessageType(int code, String wireName, MmsVersion since, boolean mayCarryBody) {
    this.code = code;
    this.wireName = wireName;
    this.since = since;
    this.mayCarryBody = mayCarryBody;
    this.self = Optional.of(this);
  }

  /** The octet on the wire, 0x80-0x97. */
  public int code() {
    return code;
  }

  /** The name the specification uses, for example {@code m-send-req}. */
  public String wireName() {
    return wireName;
  }

  /** The encapsulation version that introduced this PDU. */
  public MmsVersion since() {
    return since;
  }

  /** Whether a Content-Type header and a body may follow the headers of this PDU. */
  public boolean mayCarryBody() {
    return mayCarryBody;
  }

  /**
   * The type for a wire octet, or empty when the octet names no PDU type. Allocates nothing: the
   * Optionals are made once.
   *
   * @param code the X-Mms-Message-Type octet (0x00-0xFF)
   */
  public static Optional<MessageType> fromCode(int code) {
    int i = code - 0x80;
    return i >= 0 && i < BY_CODE.length ? BY_CODE[i].self : Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
