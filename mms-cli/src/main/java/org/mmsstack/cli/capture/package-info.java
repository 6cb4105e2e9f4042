/**
 * Getting MMS PDUs out of packet captures, WSP pushes and hex dumps.
 *
 * <p>{@link org.mmsstack.cli.capture.CaptureReader} reads pcap and pcapng files, reassembles TCP
 * streams and IPv4/IPv6 fragments, parses HTTP/1.x messages and connectionless WSP (UDP ports 9200
 * and 2948), and returns every MMS PDU it found as a {@link org.mmsstack.cli.capture.CapturedPdu},
 * together with {@link org.mmsstack.cli.capture.CaptureFinding findings} for whatever was wrong
 * with the capture. Bad data never raises an exception: a truncated capture yields what could be
 * read plus a finding. The only checked exception, {@link
 * org.mmsstack.cli.capture.CaptureFormatException}, says "this is not a capture at all".
 *
 * <p>{@link org.mmsstack.cli.capture.WspPushParser} decodes a WSP Push PDU on its own (as stored in
 * a file or carried in an SMS), {@link org.mmsstack.cli.capture.CaptureFormat#detect(byte[])} tells
 * the kinds of input apart by content, {@link org.mmsstack.cli.capture.HexText} decodes hex dumps,
 * and {@link org.mmsstack.cli.capture.CaptureWriter} writes pcap/pcapng files from synthesized
 * Ethernet/IP/TCP/UDP packets (for tests and the sample capture).
 *
 * <p>Everything is bounded by {@link org.mmsstack.cli.capture.CaptureConfig}: frame and block
 * sizes, buffered TCP bytes per stream and in total, HTTP header size, IP fragments, findings.
 */
package org.mmsstack.cli.capture;
