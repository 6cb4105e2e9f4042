package org.mmsstack.capture;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One MMS PDU (or MM4 mail) found in the input, with where it came from.
 *
 * <p>Immutable and thread-safe: the content array is copied in and out (a PDU that came in a
 * WSP push is held once, as the push's data), and the one-line
 * {@link #description()} is formatted when it is first read (a read that never asks for it does
 * not pay for it), then kept.
 */
public final class CapturedPdu {

  private final long frame;
  private final Instant timestamp;
  private final Transport transport;
  private final Kind kind;
  private final Optional<Endpoint> source;
  private final Optional<Endpoint> destination;
  private final Supplier<String> describe;
  private final long offset;
  private final byte[] content; // null when the PDU came in a push: the push's data is it
  private final Optional<WspPush> push;
  private volatile String description;

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

  /** What {@link #data()} holds. */
  public enum Kind {
    /** A binary MMS PDU (OMA MMS Encapsulation). */
    MMS_PDU,
    /** An MM4 message: RFC 5322 mail with an X-Mms-Message-Type header field. */
    MM4_MAIL
  }

  /**
   * A captured PDU.
   *
   * @param frame the 1-based number of the frame that completed it (for a message spread over
   *     TCP segments, the segment that delivered its last byte, as Wireshark's "reassembled in");
   *     0 when the input was not a capture
   * @param timestamp that frame's capture time; empty when the input was not a capture or the
   *     frame had no time (a pcapng Simple Packet Block)
   * @param transport the application protocol that carried it
   * @param kind whether {@code content} is a binary MMS PDU or MM4 mail
   * @param source the sending address and port, for a capture
   * @param destination the receiving address and port, for a capture
   * @param description a one-line description of the carrier, for example {@code HTTP POST /mms
   *     10.0.0.1:1234 -> 10.0.0.2:80} or {@code WSP Push tid 1 udp 10.0.0.9:9200 -> 10.0.0.1:2948}
   * @param offset where {@code content} starts in its carrier: for HTTP and SMTP the offset in the
   *     reassembled byte stream of its TCP direction (0 is the first octet after the SYN, or the
   *     first octet seen; for a chunked HTTP body, where the chunked coding starts); for WSP over
   *     UDP the offset in the capture file, or -1 when the datagram was reassembled from IP
   *     fragments; for a file that is a PDU or a push, the offset in the file
   * @param content the PDU (or mail) octets exactly as carried (for HTTP after undoing chunked
   *     transfer coding, for SMTP after undoing dot-stuffing); copied
   * @param push the WSP push envelope when the PDU came in one
   * @throws IllegalArgumentException when a push is given and the PDU does not come from it: the
   *     transport is not {@link Transport#WSP}, the kind not {@link Kind#MMS_PDU}, or {@code
   *     content} not the push's data
   */
  public CapturedPdu(
      long frame,
      Optional<Instant> timestamp,
      Transport transport,
      Kind kind,
      Optional<Endpoint> source,
      Optional<Endpoint> destination,
      String description,
      long offset,
      byte[] content,
      Optional<WspPush> push) {
    this(
        frame,
        Objects.requireNonNull(timestamp, "timestamp").orElse(null),
        transport,
        kind,
        source,
        destination,
        constant(Objects.requireNonNull(description, "description")),
        offset,
        // A push's PDU is its data: kept once, in the push (checked below).
        Objects.requireNonNull(push, "push").isPresent()
            ? null
            : Objects.requireNonNull(content, "content").clone(),
        push);
    Objects.requireNonNull(content, "content");
    this.description = description;
    if (push.isPresent()
        && (transport != Transport.WSP
            || kind != Kind.MMS_PDU
            || !push.get().data().equals(ByteBuffer.wrap(content)))) {
      throw new IllegalArgumentException(
          "push: given with "
              + transport
              + ", "
              + kind
              + " and "
              + content.length
              + " octets of content (expected: WSP, MMS_PDU and the push's data)");
    }
  }

  /**
   * The reader's constructor: {@code content} is a fresh array handed over (not copied), or null
   * when {@code push} is there (the PDU is the push's data, not kept twice); the description is
   * formatted by {@code describe} when first read, and {@code timestamp} is null when the frame
   * had none.
   */
  CapturedPdu(
      long frame,
      Instant timestamp,
      Transport transport,
      Kind kind,
      Optional<Endpoint> source,
      Optional<Endpoint> destination,
      Supplier<String> describe,
      long offset,
      byte[] content,
      Optional<WspPush> push) {
    this.frame = frame;
    this.timestamp = timestamp;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.source = Objects.requireNonNull(source, "source");
    this.destination = Objects.requireNonNull(destination, "destination");
    this.describe = Objects.requireNonNull(describe, "description");
    this.offset = offset;
    this.push = Objects.requireNonNull(push, "push");
    if ((content == null) != push.isPresent()) {
      throw new IllegalArgumentException("content: expected exactly when there is no push");
    }
    this.content = content;
  }

  private static Supplier<String> constant(String s) {
    return () -> s;
  }

  /**
   * The 1-based number of the frame that completed it (for a message spread over TCP segments,
   * the segment that delivered its last byte, as Wireshark's "reassembled in"); 0 when the input
   * was not a capture.
   */
  public long frame() {
    return frame;
  }

  /**
   * That frame's capture time; empty when the input was not a capture or the frame had no time (a
   * pcapng Simple Packet Block). A frame captured at the epoch itself has {@link Instant#EPOCH}.
   */
  public Optional<Instant> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /** The application protocol that carried it. */
  public Transport transport() {
    return transport;
  }

  /** Whether {@link #data()} is a binary MMS PDU or MM4 mail. */
  public Kind kind() {
    return kind;
  }

  /** The sending address and port, for a capture. */
  public Optional<Endpoint> source() {
    return source;
  }

  /** The receiving address and port, for a capture. */
  public Optional<Endpoint> destination() {
    return destination;
  }

  /**
   * A one-line description of the carrier, for example {@code HTTP POST /mms 10.0.0.1:1234 ->
   * 10.0.0.2:80} or {@code WSP Push tid 1 udp 10.0.0.9:9200 -> 10.0.0.1:2948}; formatted on first
   * use.
   */
  public String description() {
    String d = description;
    if (d == null) {
      d = Objects.requireNonNull(describe.get(), "description");
      description = d;
    }
    return d;
  }

  /**
   * Where {@link #data()} starts in its carrier: for HTTP and SMTP the offset in the reassembled
   * byte stream of its TCP direction (0 is the first octet after the SYN, or the first octet seen;
   * for a chunked HTTP body, where the chunked coding starts); for WSP over UDP the offset in the
   * capture file, or -1 when the datagram was reassembled from IP fragments; for a file that is a
   * PDU or a push, the offset in the file.
   */
  public long offset() {
    return offset;
  }

  /** The WSP push envelope when the PDU came in one. */
  public Optional<WspPush> push() {
    return push;
  }

  /**
   * The PDU (or mail) octets exactly as carried (for HTTP after undoing chunked transfer coding,
   * for SMTP after undoing dot-stuffing), as a read-only view positioned at 0 (a new view on each
   * call): to write or hash them without a copy.
   */
  public ByteBuffer data() {
    return content != null ? ByteBuffer.wrap(content).asReadOnlyBuffer() : push.get().data();
  }

  /** A copy of the octets {@link #data()} views: what {@code PduCodec.decode} takes. */
  public byte[] dataBytes() {
    return content != null ? content.clone() : push.get().dataBytes();
  }

  /** The number of octets {@link #data()} views, without copying them. */
  public int dataSize() {
    return content != null ? content.length : push.get().dataSize();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapturedPdu c
        && frame == c.frame
        && Objects.equals(timestamp, c.timestamp)
        && transport == c.transport
        && kind == c.kind
        && source.equals(c.source)
        && destination.equals(c.destination)
        && description().equals(c.description())
        && offset == c.offset
        && Arrays.equals(content, c.content) // null for both when the pushes hold the PDUs
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
        description(),
        offset,
        Arrays.hashCode(content),
        push);
  }

  @Override
  public String toString() {
    return "CapturedPdu[frame="
        + frame
        + (timestamp == null ? "" : ", timestamp=" + timestamp)
        + ", "
        + description()
        + ", "
        + dataSize()
        + " octets]";
  }
}
