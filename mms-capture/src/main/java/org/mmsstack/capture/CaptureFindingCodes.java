package org.mmsstack.capture;

/**
 * The codes of the {@link org.mmsstack.encapsulation.Finding}s a capture read reports: stable
 * kebab-case strings for programs. The severity of each is given here; ERROR marks data that was
 * lost or could not be read as what it claims to be (strict reading stops at the first), WARNING
 * marks what was recovered or skipped on purpose.
 *
 * <p>A finding's offset is a byte offset in the capture file (after gzip decompression, for a
 * compressed capture): of the record or block concerned, or of the frame whose packet raised it.
 * Its message starts with {@code frame N:} when it concerns a frame.
 */
public final class CaptureFindingCodes {

  private CaptureFindingCodes() {}

  /**
   * ERROR: a file matches none of the capture formats ({@link
   * CaptureFormatException.Reason#NOT_A_CAPTURE}'s code): what a lenient listing of many files
   * (mms-spark) reports for it instead of stopping.
   */
  public static final String NOT_A_CAPTURE = "not-a-capture";

  /** ERROR: the capture ends in the middle of a header, record or block. */
  public static final String TRUNCATED_CAPTURE = "truncated-capture";

  /** ERROR: a record or block header is inconsistent (bad length, unknown interface, bad trailer). */
  public static final String MALFORMED_CAPTURE = "malformed-capture";

  /** WARNING: frames of a link type this reader does not decode were skipped. */
  public static final String UNSUPPORTED_LINK_TYPE = "unsupported-link-type";

  /** ERROR: a frame was captured shorter than the packet it carries (snap length). */
  public static final String PACKET_TRUNCATED = "packet-truncated";

  /** ERROR: a link, IP, GTP-U, TCP or UDP header is malformed. */
  public static final String MALFORMED_PACKET = "malformed-packet";

  /** ERROR: IP fragments that never formed a whole datagram, or too many of them. */
  public static final String IP_FRAGMENTS_INCOMPLETE = "ip-fragments-incomplete";

  /** ERROR: one TCP direction went over {@link CaptureConfig#maxStreamBytes()}; it was dropped. */
  public static final String STREAM_LIMIT_EXCEEDED = "stream-limit-exceeded";

  /**
   * WARNING: TCP flows were evicted, oldest first, to stay within {@link
   * CaptureConfig#maxTotalStreamBytes()} or {@link CaptureConfig#maxTcpConnections()}; their data
   * from then on was not examined.
   */
  public static final String FLOW_EVICTED = "flow-evicted";

  /** ERROR: TCP data after a gap that was never filled (lost or not captured segments). */
  public static final String TCP_GAP = "tcp-gap";

  /** ERROR: an HTTP message could not be parsed; the rest of that stream was dropped. */
  public static final String HTTP_MALFORMED = "http-malformed";

  /** ERROR: an HTTP message ended (stream closed or capture ended) before its body was complete. */
  public static final String HTTP_INCOMPLETE = "http-incomplete";

  /** WARNING: an MMS body had a Content-Encoding this reader does not undo; it is reported as sent. */
  public static final String HTTP_CONTENT_ENCODING = "http-content-encoding";

  /** ERROR: an SMTP session ended inside a mail's DATA. */
  public static final String SMTP_INCOMPLETE = "smtp-incomplete";

  /** ERROR: a WSP PDU could not be decoded. */
  public static final String WSP_MALFORMED = "wsp-malformed";

  /** WARNING: a WSP push whose Headers-Length disagrees with its content; recovered leniently. */
  public static final String WSP_HEADERS_LENGTH_INCONSISTENT = "wsp-headers-length-inconsistent";

  /** WARNING: more findings than {@link CaptureConfig#maxFindings()}; the rest were counted only. */
  public static final String FINDINGS_SUPPRESSED = "findings-suppressed";
}
