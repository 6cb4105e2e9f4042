package org.mmsstack.routing;

/**
 * What a hop carries, independent of whether it travels as MM4 or as a binary PDU. The
 * signature covers it, so a signed message cannot be replayed as a report.
 *
 * <p>Thread-safe (an enum).
 */
@Provisional
public enum MessageKind {
  /** A multimedia message: MM4_forward.REQ, m-send-req, m-retrieve-conf, m-forward-req. */
  MESSAGE("message"),
  /** A delivery report: MM4_delivery_report.REQ, m-delivery-ind. */
  DELIVERY_REPORT("delivery-report"),
  /** A read report: MM4_read_reply_report.REQ, m-read-rec-ind, m-read-orig-ind. */
  READ_REPORT("read-report"),
  /** Any other PDU passed between Relay/Servers. */
  OTHER("other");

  private final String token;

  MessageKind(String token) {
    this.token = token;
  }

  /** The token the canonical signature input uses. */
  public String token() {
    return token;
  }
}
