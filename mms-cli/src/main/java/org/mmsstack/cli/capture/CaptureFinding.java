package org.mmsstack.cli.capture;

import java.util.Objects;

/**
 * Something wrong with a capture or a push that did not stop reading: what could be read was
 * read, and this says what could not.
 *
 * @param kind what went wrong
 * @param frame the 1-based frame number in the capture it concerns, or 0 if none (a file-level
 *     problem, a raw push file)
 * @param offset the byte offset it concerns (in the capture file for container problems, in the
 *     WSP PDU for push problems, in the TCP stream for stream problems), or -1 if none
 * @param detail a human-readable explanation
 */
public record CaptureFinding(Kind kind, long frame, long offset, String detail) {

  /** What went wrong. */
  public enum Kind {
    /** The capture ends in the middle of a header, record or block. */
    TRUNCATED_CAPTURE,
    /** A record or block header is inconsistent (bad length, unknown interface, bad trailer). */
    MALFORMED_CAPTURE,
    /** Frames of a link type this reader does not decode were skipped. */
    UNSUPPORTED_LINK_TYPE,
    /** A frame was captured shorter than the packet it carries (snap length). */
    PACKET_TRUNCATED,
    /** A link, IP, TCP or UDP header is malformed. */
    MALFORMED_PACKET,
    /** IP fragments that never formed a whole datagram, or too many of them. */
    IP_FRAGMENTS_INCOMPLETE,
    /** A TCP stream or the total of buffered TCP data went over its limit; the stream was dropped. */
    STREAM_LIMIT_EXCEEDED,
    /** TCP data after a gap that was never filled (lost or not captured segments). */
    TCP_GAP,
    /** An HTTP message could not be parsed; the rest of that stream was dropped. */
    HTTP_MALFORMED,
    /** An HTTP message ended (stream closed or capture ended) before its body was complete. */
    HTTP_INCOMPLETE,
    /** An MMS body had a Content-Encoding this reader does not undo; it is reported as sent. */
    HTTP_CONTENT_ENCODING,
    /** A WSP PDU could not be decoded. */
    WSP_MALFORMED,
    /** A WSP push whose Headers-Length disagrees with its content; recovered leniently. */
    WSP_HEADERS_LENGTH_INCONSISTENT,
    /** More findings than {@link CaptureConfig#maxFindings()} occurred; the rest were counted only. */
    FINDINGS_SUPPRESSED
  }

  /** Checks the arguments. */
  public CaptureFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.name());
    if (frame > 0) {
      sb.append(" frame ").append(frame);
    }
    if (offset >= 0) {
      sb.append(" offset ").append(offset);
    }
    return sb.append(": ").append(detail).toString();
  }
}
