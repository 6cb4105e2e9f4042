package org.mmsstack.cli.capture;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One MMS PDU found in the input, with where it came from.
 *
 * <p>Immutable: the PDU array is copied in and out.
 *
 * @param frame the 1-based number of the frame that completed it (for a message spread over TCP
 *     segments, the segment that delivered its last byte, as Wireshark's "reassembled in"); 0 when
 *     the input was not a capture
 * @param timestamp that frame's capture time; {@link Instant#EPOCH} when the input was not a
 *     capture or the frame had no time (a pcapng Simple Packet Block)
 * @param origin the kind of carrier
 * @param transport a one-line description of the carrier, for example {@code HTTP POST /mms
 *     10.0.0.1:1234 -> 10.0.0.2:80} or {@code WSP Push tid 1 udp 10.0.0.9:9200 -> 10.0.0.1:2948}
 * @param pdu the PDU bytes exactly as carried (for HTTP, after undoing chunked transfer coding)
 * @param push the WSP push envelope when the PDU came in one
 */
public record CapturedPdu(
    long frame,
    Instant timestamp,
    Origin origin,
    String transport,
    byte[] pdu,
    Optional<WspPush> push) {

  /** The kind of carrier a PDU came in. */
  public enum Origin {
    /** The body of an HTTP request (m-send-req, m-notifyresp-ind, m-acknowledge-ind, ...). */
    HTTP_REQUEST,
    /** The body of an HTTP response (m-retrieve-conf, m-send-conf, ...). */
    HTTP_RESPONSE,
    /** The body of a connectionless WSP push in a UDP datagram (port 2948 or 9200). */
    WSP_UDP,
    /** The body of a WSP push given as a file of its own. */
    WSP_FILE,
    /** A bare PDU (a raw file or hex text). */
    RAW
  }

  /** Checks and copies the arguments. */
  public CapturedPdu {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(push, "push");
    pdu = pdu.clone();
  }

  /** A copy of the PDU bytes. */
  @Override
  public byte[] pdu() {
    return pdu.clone();
  }

  /** The PDU's length in octets, without copying it. */
  public int length() {
    return pdu.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapturedPdu c
        && frame == c.frame
        && timestamp.equals(c.timestamp)
        && origin == c.origin
        && transport.equals(c.transport)
        && Arrays.equals(pdu, c.pdu)
        && push.equals(c.push);
  }

  @Override
  public int hashCode() {
    return Objects.hash(frame, timestamp, origin, transport, Arrays.hashCode(pdu), push);
  }

  @Override
  public String toString() {
    return "CapturedPdu[frame=" + frame + ", timestamp=" + timestamp + ", " + transport + ", "
        + pdu.length + " octets]";
  }
}
