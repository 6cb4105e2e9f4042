package org.mmsstack.capture;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

/**
 * A decoded connectionless WSP Push or ConfirmedPush PDU (WAP-230 §8.2.4.1): the envelope an
 * M-Notification.ind and its kin arrive in.
 *
 * <p>Immutable: the arrays are copied in and out. The octets are {@link #headers()} and {@link
 * #body()}; {@link #contentType()} is their reading, and {@link WspPushCodec#encode} writes the
 * octets, not the reading (a Content-Type whose parameters could not be read is the media type
 * alone here and whole in the headers).
 *
 * @param tid the transaction identifier octet
 * @param pduType the PDU type octet: {@link #PUSH} or {@link #CONFIRMED_PUSH}
 * @param headersLength the Headers-Length as declared on the wire (it may disagree with the
 *     content; see {@link CaptureFindingCodes#WSP_HEADERS_LENGTH_INCONSISTENT})
 * @param contentType the Content-Type at the start of the headers, decoded by the PDU codec's
 *     reader (media type and parameters; the media type alone, with a finding, when the
 *     parameters cannot be read)
 * @param headers the raw Content-Type plus header octets as located by the decoder
 * @param body the body (for MMS, the MMS PDU)
 * @param findings what was wrong with the PDU and how it was recovered, in order (offsets within
 *     the PDU); empty when it is well-formed
 */
public record WspPush(
    int tid,
    int pduType,
    long headersLength,
    ContentType contentType,
    byte[] headers,
    byte[] body,
    List<Finding> findings) {

  /** PDU type of an unconfirmed Push. */
  public static final int PUSH = 0x06;

  /** PDU type of a ConfirmedPush. */
  public static final int CONFIRMED_PUSH = 0x07;

  /** Copies the arrays and the list. */
  public WspPush {
    Objects.requireNonNull(contentType, "contentType");
    headers = headers.clone();
    body = body.clone();
    findings = List.copyOf(findings);
  }

  /** A copy of the raw Content-Type plus header octets. */
  @Override
  public byte[] headers() {
    return headers.clone();
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Whether this is a ConfirmedPush (0x07). */
  public boolean isConfirmed() {
    return pduType == CONFIRMED_PUSH;
  }

  /** Whether the body is declared as application/vnd.wap.mms-message. */
  public boolean isMmsMessage() {
    // By name: the well-known number (0xBE) and the text form (sent by some gateways) alike.
    return MediaType.MMS_MESSAGE.name().equalsIgnoreCase(contentType.mediaType().name().trim());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WspPush p
        && tid == p.tid
        && pduType == p.pduType
        && headersLength == p.headersLength
        && contentType.equals(p.contentType)
        && Arrays.equals(headers, p.headers)
        && Arrays.equals(body, p.body)
        && findings.equals(p.findings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        tid,
        pduType,
        headersLength,
        contentType,
        Arrays.hashCode(headers),
        Arrays.hashCode(body),
        findings);
  }

  @Override
  public String toString() {
    return (isConfirmed() ? "ConfirmedPush" : "Push")
        + "[tid="
        + tid
        + ", contentType="
        + contentType.mediaType()
        + ", headers="
        + headers.length
        + " octets, body="
        + body.length
        + " octets"
        + (findings.isEmpty() ? "" : ", findings=" + findings)
        + "]";
  }
}
