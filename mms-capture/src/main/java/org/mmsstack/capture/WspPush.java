package org.mmsstack.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

/**
 * A connectionless WSP Push or ConfirmedPush PDU (WAP-230 §8.2.4.1): the envelope an
 * M-Notification.ind and its kin arrive in. {@code TID, PDU-type, Headers-Length (uintvar),
 * Content-Type, Headers, Data}.
 *
 * <p>A push is its octets, as a decoded PDU is: {@link WspPushCodec#decode} keeps one copy of the
 * input, {@link #data()} views it, and {@link WspPushCodec#encode} gives it back byte for byte (a
 * Headers-Length that disagrees with the headers included). {@link #headersLength()}, {@link
 * #contentType()}, {@link #headers()} and {@link #findings()} are the codec's reading of those
 * octets, made once and kept, as a multipart entry's are ({@link
 * org.mmsstack.encapsulation.body.Part}: a content type, headers, data): the Content-Type is the
 * media type alone when its parameters could not be read, and the headers after it are none
 * when they could not be read, each with a finding. The data is the pushed content, for MMS the
 * PDU.
 *
 * <p>Immutable and thread-safe: the octets are owned, never handed out to be changed. Two pushes
 * are equal when their octets are.
 */
public final class WspPush {

  /** PDU type of an unconfirmed Push. */
  public static final int PUSH = 0x06;

  /** PDU type of a ConfirmedPush. */
  public static final int CONFIRMED_PUSH = 0x07;

  // Content-Type application/vnd.wap.mms-message, X-Wap-Application-Id (0x2F) with the
  // registered push application id 4, x-wap-application:mms.ua: what an MMSC's push carries.
  private static final byte[] MMS_HEADERS = {(byte) 0xBE, (byte) 0xAF, (byte) 0x84};

  private final byte[] octets; // the whole push, owned
  private final long headersLength;
  private final int headersEnd;
  private final ContentType contentType;
  private final List<PartHeader> headers;
  private final List<Finding> findings;

  /** The codec's push: {@code octets} is owned from here on; the data starts at headersEnd. */
  WspPush(
      byte[] octets,
      long headersLength,
      int headersEnd,
      ContentType contentType,
      List<PartHeader> headers,
      List<Finding> findings) {
    this.octets = octets;
    this.headersLength = headersLength;
    this.headersEnd = headersEnd;
    this.contentType = contentType;
    this.headers = List.copyOf(headers);
    this.findings = List.copyOf(findings);
  }

  /**
   * A push to send: the TID and PDU type octets, a Headers-Length that counts {@code headers},
   * then {@code headers} and {@code data}, copied. The headers are the Content-Type value and any
   * other WSP headers as they go on the wire; all must decode strictly, as the codec reads them.
   *
   * @param tid the transaction identifier, 0 to 255
   * @param pduType {@link #PUSH} or {@link #CONFIRMED_PUSH}
   * @param headers the Content-Type value, then any other headers
   * @param data the pushed content
   * @throws IllegalArgumentException when the TID or the PDU type is out of range, the headers
   *     do not open with a well-formed Content-Type value or are not whole headers after it, or
   *     headers and data together do not fit in one array
   */
  public static WspPush of(int tid, int pduType, byte[] headers, byte[] data) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(data, "data");
    if (tid < 0 || tid > 0xFF) {
      throw new IllegalArgumentException("tid: " + tid + " (expected: 0 ~ 255)");
    }
    if (pduType != PUSH && pduType != CONFIRMED_PUSH) {
      throw new IllegalArgumentException(
          "pduType: " + pduType + " (expected: PUSH (6) or CONFIRMED_PUSH (7))");
    }
    // Seven octets at most before the headers (TID, type, a five-octet Headers-Length).
    if ((long) headers.length + data.length > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "headers and data: "
              + ((long) headers.length + data.length)
              + " octets do not fit in one push");
    }
    return WspPushCodec.build(tid, pduType, headers, data);
  }

  /**
   * An unconfirmed push of an MMS PDU as an MMS Relay/Server's push gateway sends it:
   * Content-Type application/vnd.wap.mms-message and X-Wap-Application-Id
   * x-wap-application:mms.ua.
   *
   * @param tid the transaction identifier, 0 to 255
   * @param pdu the encoded MMS PDU (an M-Notification.ind, M-Delivery.ind, ...), copied
   * @throws IllegalArgumentException when the TID is out of range or the PDU does not fit in one
   *     array with the push's header
   */
  public static WspPush mms(int tid, byte[] pdu) {
    return of(tid, PUSH, MMS_HEADERS, pdu);
  }

  /** The transaction identifier octet. */
  public int tid() {
    return octets[0] & 0xFF;
  }

  /** The PDU type octet: {@link #PUSH} or {@link #CONFIRMED_PUSH}. */
  public int pduType() {
    return octets[1] & 0xFF;
  }

  /** Whether this is a ConfirmedPush (0x07). */
  public boolean isConfirmed() {
    return pduType() == CONFIRMED_PUSH;
  }

  /**
   * The Headers-Length as declared on the wire. It may disagree with {@link #headers()}: see
   * {@link CaptureFindingCodes#WSP_HEADERS_LENGTH_INCONSISTENT} and the findings.
   */
  public long headersLength() {
    return headersLength;
  }

  /**
   * The Content-Type that opens the headers, read by the PDU codec's reader: media type and
   * parameters (the media type alone when the parameters could not be read; a finding says so).
   */
  public ContentType contentType() {
    return contentType;
  }

  /** Whether the data is declared as application/vnd.wap.mms-message. */
  public boolean isMmsMessage() {
    // By name: the well-known number (0xBE) and the text form (sent by some gateways) alike.
    return MediaType.MMS_MESSAGE.name().equalsIgnoreCase(contentType.mediaType().name().trim());
  }

  /**
   * The headers after the Content-Type, in wire order, typed as a multipart entry's are ({@link
   * PartHeader}): X-Wap-Application-Id (code 0x2F), for one, with its encoded value. Empty when
   * there are none, or when they could not be read (a finding says so).
   */
  public List<PartHeader> headers() {
    return headers;
  }

  /**
   * The pushed content (for MMS, the PDU) as a read-only view positioned at 0: a new view on each
   * call, no copy.
   */
  public ByteBuffer data() {
    return ByteBuffer.wrap(octets, headersEnd, octets.length - headersEnd)
        .slice()
        .asReadOnlyBuffer();
  }

  /** A copy of the pushed content. */
  public byte[] dataBytes() {
    return Arrays.copyOfRange(octets, headersEnd, octets.length);
  }

  /** The number of octets of the pushed content. */
  public int dataSize() {
    return octets.length - headersEnd;
  }

  /** The offset of the data from the start of the push. */
  public int dataOffset() {
    return headersEnd;
  }

  /**
   * What was wrong with the push and how it was recovered, in order (offsets within the push);
   * empty when it is well-formed.
   */
  public List<Finding> findings() {
    return findings;
  }

  /** The whole push, copied (what {@link WspPushCodec#encode} returns). */
  byte[] octets() {
    return octets.clone();
  }

  /** Writes the whole push (what {@link WspPushCodec#encode(WspPush, OutputStream)} does). */
  void writeTo(OutputStream out) throws IOException {
    out.write(octets);
  }

  @Override
  public boolean equals(Object o) {
    // The octets decide the rest: the content type and the findings are their reading.
    return o instanceof WspPush p && Arrays.equals(octets, p.octets);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(octets);
  }

  @Override
  public String toString() {
    return (isConfirmed() ? "ConfirmedPush" : "Push")
        + "[tid="
        + tid()
        + ", contentType="
        + contentType.mediaType()
        + ", headers="
        + headers
        + ", data="
        + dataSize()
        + " octets"
        + (findings.isEmpty() ? "" : ", findings=" + findings)
        + "]";
  }
}
