package org.mmsstack.capture;

/**
 * Counts of what a capture held, including what was skipped without being a problem.
 *
 * @param frames frames (packet records or packet blocks) read
 * @param undecodedFrames frames that carried no IPv4/IPv6 packet this reader decodes (ARP, other
 *     link types, ...)
 * @param tcpConnections TCP connections seen
 * @param nonHttpStreams TCP directions whose data did not start like HTTP/1.x (TLS, other protocols)
 * @param httpMessages HTTP messages parsed
 * @param nonMmsHttpBodies HTTP message bodies skipped because their Content-Type is not
 *     application/vnd.wap.mms-message
 * @param wspPdus connectionless WSP PDUs seen on UDP ports 2948/9200
 * @param nonMmsWspPdus of those, pushes of other content types or other WSP PDU types
 * @param smtpMails mails taken from SMTP DATA (ports 25 and 587), MM4 or not
 * @param evictedFlows TCP flows evicted to stay within the configured memory
 * @param pdus MMS PDUs and MM4 mails found
 */
public record CaptureStats(
    long frames,
    long undecodedFrames,
    long tcpConnections,
    long nonHttpStreams,
    long httpMessages,
    long nonMmsHttpBodies,
    long wspPdus,
    long nonMmsWspPdus,
    long smtpMails,
    long evictedFlows,
    long pdus) {

  /** All counts zero. */
  public static final CaptureStats NONE = new CaptureStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
