package org.mmsstack.capture;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One MMS PDU (or MM4 mail) found in the input, with where it came from.
 *
 * <p>Immutable and thread-safe: the content array is copied in and out.
 *
 * @param frame the 1-based number of the frame that completed it (for a message spread over TCP
 *     segments, the segment that delivered its last byte, as Wireshark's "reassembled in"); 0 when
 *     the input was not a capture
 * @param timestamp that frame's capture time; {@link Instant#EPOCH} when the input was not a
 *     capture or the frame had no time (a pcapng Simple Packet Block)
 * @param transport the application protocol that carried it
 * @param kind whether {@code content} is a binary MMS PDU or MM4 mail
 * @param source the sending address and port, for a capture
 * @param destination the receiving address and port, for a capture
 * @param description a one-line description of the carrier, for example {@code HTTP POST /mms
 *     10.0.0.1:1234 -> 10.0.0.2:80} or {@code WSP Push tid 1 udp 10.0.0.9:9200 -> 10.0.0.1:2948}
 * @param offset where {@code content} starts in its carrier: for HTTP and SMTP the offset in the
 *     reassembled byte stream of its TCP direction (0 is the first octet after the SYN, or the
 *     first octet seen; for a chunked HTTP body, where the chunked coding starts); for WSP over UDP the offset in the capture file, or -1 when the datagram
 *     was reassembled from IP fragments; for a file that is a PDU or a push, the offset in the file
 * @param content the PDU (or mail) octets exactly as carried (for HTTP after undoing chunked
 *     transfer coding, for SMTP after undoing dot-stuffing)
 * @param push the WSP push envelope when the PDU came in one
 */
public record CapturedPdu(
    long frame,
    Instant timestamp,
    Transport transport,
    Kind kind,
    Optional<Endpoint> source,
    Optional<Endpoint> destination,
    String description,
    long offset,
    byte[] content,
    Optional<WspPush> push) {

  /** The application protocol a PDU came in. */
  public enum Transport {
    /** The body of an HTTP/1.x request or response (MM1 over HTTP). */
    HTTP,
    /** The body of a connectionless WSP push (UDP ports 2948/9200, or a push file). */
    WSP,
    /** The mail of an SMTP DATA command (MM4, TCP ports 25 and 587). */
    SMTP,
    /** None: the input was the PDU itself (a raw file or hex text). */
    NONE
  }

  /** What {@link #content()} holds. */
  public enum Kind {
    /** A binary MMS PDU (OMA MMS Encapsulation). */
    MMS_PDU,
    /** An MM4 message: RFC 5322 mail with an X-Mms-Message-Type header field. */
    MM4_MAIL
  }

  /** Checks and copies the arguments. */
  public CapturedPdu {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(push, "push");
    content = content.clone();
  }

  /** A copy of the content octets. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The content's length in octets, without copying it. */
  public int length() {
    return content.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapturedPdu c
        && frame == c.frame
        && timestamp.equals(c.timestamp)
        && transport == c.transport
        && kind == c.kind
        && source.equals(c.source)
        && destination.equals(c.destination)
        && description.equals(c.description)
        && offset == c.offset
        && Arrays.equals(content, c.content)
        && push.equals(c.push);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        frame,
        timestamp,
        transport,
        kind,
        source,
        destination,
        description,
        offset,
        Arrays.hashCode(content),
        push);
  }

  @Override
  public String toString() {
    return "CapturedPdu[frame="
        + frame
        + ", timestamp="
        + timestamp
        + ", "
        + description
        + ", "
        + content.length
        + " octets]";
  }
}
