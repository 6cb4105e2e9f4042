/**
 * Getting MMS PDUs and MM4 mail out of packet captures, WSP pushes and hex dumps.
 *
 * <p>{@link org.mmsstack.capture.CaptureReader} streams pcap and pcapng files (gzip-compressed or
 * not, any size, from a path or an {@link java.io.InputStream}), unwraps link layers and GTP-U
 * tunnels, reassembles IPv4/IPv6 fragments and TCP streams, parses HTTP/1.x messages, SMTP mail
 * (ports 25 and 587) and connectionless WSP (UDP ports 9200 and 2948), and hands every MMS PDU or
 * MM4 mail it finds on as a {@link org.mmsstack.capture.CapturedPdu}, with capture-level {@link
 * org.mmsstack.encapsulation.Finding findings} (codes in {@link
 * org.mmsstack.capture.CaptureFindingCodes}) for whatever was wrong with the capture. Bad data
 * never raises an exception in lenient mode; {@link org.mmsstack.capture.CaptureFormatException}
 * says "this is not a capture at all" (or, in strict mode, names the first ERROR finding).
 *
 * <p>{@link org.mmsstack.capture.WspPushCodec} decodes (and encodes) a WSP Push PDU on its own (as stored in a
 * file or carried in an SMS), {@link org.mmsstack.capture.CaptureFormat#detect(byte[])} tells the
 * kinds of input apart by content, {@link org.mmsstack.capture.HexText} decodes hex dumps, and
 * {@link org.mmsstack.capture.CaptureWriter} writes pcap/pcapng files from synthesized
 * Ethernet/IP/TCP/UDP packets (for tests and sample files).
 *
 * <p>Everything is bounded by {@link org.mmsstack.capture.CaptureConfig}: frame and block sizes,
 * buffered TCP bytes per stream and in total (by capacity), flows, HTTP header size, IP
 * fragments, findings.
 */
package org.mmsstack.capture;
