package org.mmsstack.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduLayout;
import org.mmsstack.encapsulation.Uintvar;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.value.ContentType;

/**
 * Decodes and encodes a connectionless WSP Push or ConfirmedPush PDU (WAP-230 §8.2.4.1, §8.2.2 for
 * the connectionless TID octet): {@code TID, PDU-type, Headers-Length (uintvar), Content-Type,
 * Headers, Data}. Final, stateless and thread-safe.
 *
 * <p>The same decoder serves pushes found in UDP datagrams (ports 2948 and 9200) and raw push files.
 * It is lenient where a sender's mistake is unambiguous and says so in {@link WspPush#findings()};
 * it throws only when the bytes are not a push at all.
 */
public final class WspPushCodec {

  private WspPushCodec() {}

  /** Decodes {@code pdu}; see {@link #decode(byte[], int, int)}. */
  public static WspPush decode(byte[] pdu) throws CaptureFormatException {
    return decode(pdu, 0, pdu.length);
  }

  /**
   * Decodes the push in {@code data[offset, offset + length)}. The input is not changed and not
   * kept.
   *
   * <p>Leniency, each reported as a finding:
   *
   * <ul>
   *   <li>A general-form Content-Type whose parameters cannot be read: the media type alone is
   *       kept (it says what the data is).
   *   <li>Headers after the Content-Type that cannot be read: none is kept, and the data starts
   *       where the Headers-Length says.
   *   <li>A Headers-Length shorter than the Content-Type it must contain (seen in the wild as 0,
   *       with a text Content-Type following): the Content-Type is self-delimiting (one octet, a
   *       NUL-terminated string, or a Value-length), so its end is known without the length. The
   *       headers are taken to be exactly the Content-Type and the body to start after it.
   *   <li>A Headers-Length running past the end of the PDU (a truncated push): the headers are
   *       what is there and the body is empty.
   * </ul>
   *
   * @throws CaptureFormatException ({@link CaptureFormatException.Reason#NOT_A_WSP_PUSH}) if the
   *     PDU type is not 0x06/0x07, the Headers-Length is not a valid uintvar, or there is no
   *     decodable Content-Type; the exception names the octet offset within the PDU
   */
  public static WspPush decode(byte[] data, int offset, int length) throws CaptureFormatException {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException(
          "offset: " + offset + ", length: " + length + " (array length " + data.length + ")");
    }
    byte[] b = Arrays.copyOfRange(data, offset, offset + length);
    if (b.length < 3) {
      throw CaptureFormatException.notAWspPush(
          b.length, "a WSP push has at least 3 octets, got " + b.length);
    }
    int type = b[1] & 0xFF;
    if (type != WspPush.PUSH && type != WspPush.CONFIRMED_PUSH) {
      throw CaptureFormatException.notAWspPush(
          1,
          String.format(
              Locale.ROOT, "PDU type 0x%02X is not Push (0x06) or ConfirmedPush (0x07)", type));
    }
    Uintvar declared = uintvar(b, 2, b.length);
    if (declared == null) {
      throw CaptureFormatException.notAWspPush(2, "Headers-Length is not a valid uintvar");
    }
    long headersLength = declared.value();
    int hs = declared.end();
    if (hs >= b.length) {
      throw CaptureFormatException.notAWspPush(hs, "no Content-Type after the Headers-Length");
    }
    int ctEnd = PduLayout.valueEnd(b, hs, b.length);
    List<Finding> ctFindings = new ArrayList<>(1);
    ContentType ct = contentType(b, hs, ctEnd, ctFindings);
    int ctLength = ctEnd - hs;
    List<Finding> findings = new ArrayList<>(1);
    int remaining = b.length - hs;
    int headersEnd;
    if (headersLength > remaining) {
      findings.add(
          Finding.of(
              Extraction.severity(CaptureFindingCodes.WSP_MALFORMED),
              CaptureFindingCodes.WSP_MALFORMED,
              2,
              null,
              "Headers-Length "
                  + headersLength
                  + " runs past the end of the PDU ("
                  + remaining
                  + " octets follow it): truncated push, body empty"));
      headersEnd = b.length;
    } else if (headersLength < ctLength) {
      findings.add(
          Finding.of(
              Extraction.severity(CaptureFindingCodes.WSP_HEADERS_LENGTH_INCONSISTENT),
              CaptureFindingCodes.WSP_HEADERS_LENGTH_INCONSISTENT,
              2,
              null,
              "Headers-Length "
                  + headersLength
                  + " is shorter than the Content-Type ("
                  + ctLength
                  + " octets) that must open the headers; the Content-Type"
                  + " is self-delimiting, so the headers were taken to end with it and the body"
                  + " to start at offset "
                  + (hs + ctLength)));
      headersEnd = hs + ctLength;
    } else {
      headersEnd = hs + (int) headersLength;
    }
    findings.addAll(ctFindings); // after the Headers-Length's, in offset order
    List<PartHeader> headers = List.of();
    if (headersEnd > ctEnd) {
      try {
        headers = PartHeader.decodeAll(b, ctEnd, headersEnd - ctEnd, DecodeConfig.DEFAULT);
      } catch (PduFormatException e) {
        findings.add(
            Finding.of(
                Extraction.severity(CaptureFindingCodes.WSP_MALFORMED),
                CaptureFindingCodes.WSP_MALFORMED,
                ctEnd + e.offset(),
                e.header().orElse(null),
                "the headers after the Content-Type cannot be read ("
                    + e.detail()
                    + "): none is kept, the data is read as the Headers-Length says"));
      }
    }
    return new WspPush(b, headersLength, headersEnd, ct, headers, findings);
  }

  /**
   * Encodes a push: its octets, byte for byte. A decoded push encodes to its input, a
   * Headers-Length that disagrees with the headers or a non-minimal one included; a push made
   * with {@link WspPush#of} to the octets it was made of.
   *
   * @param push the push to write
   * @return a new array
   */
  public static byte[] encode(WspPush push) {
    Objects.requireNonNull(push, "push");
    return push.octets();
  }

  /**
   * Writes a push's octets to a stream, as {@link #encode(WspPush)} gives them, without a copy.
   * The stream is neither flushed nor closed.
   *
   * @throws IOException if the stream fails
   */
  public static void encode(WspPush push, OutputStream out) throws IOException {
    Objects.requireNonNull(push, "push");
    Objects.requireNonNull(out, "out");
    push.writeTo(out);
  }

  /** {@link WspPush#of}, its arguments checked but the headers: lays the octets out. */
  static WspPush build(int tid, int pduType, byte[] headers, byte[] data) {
    int ctEnd = headers.length == 0 ? -1 : PduLayout.valueEnd(headers, 0, headers.length);
    if (ctEnd < 0) {
      throw new IllegalArgumentException(
          "headers: no whole Content-Type value opens them (" + headers.length + " octets)");
    }
    ContentType ct;
    try {
      ct = PduCodec.decodeContentType(headers, 0, ctEnd, DecodeConfig.STRICT);
    } catch (PduFormatException e) {
      throw new IllegalArgumentException("headers: the Content-Type " + e.detail(), e);
    }
    List<PartHeader> rest;
    try {
      rest = PartHeader.decodeAll(headers, ctEnd, headers.length - ctEnd, DecodeConfig.STRICT);
    } catch (PduFormatException e) {
      throw new IllegalArgumentException(
          "headers: after the Content-Type, at octet " + (ctEnd + e.offset()) + ": " + e.detail(),
          e);
    }
    byte[] length = Uintvar.octets(headers.length);
    int hs = 2 + length.length;
    byte[] b = new byte[hs + headers.length + data.length];
    b[0] = (byte) tid;
    b[1] = (byte) pduType;
    System.arraycopy(length, 0, b, 2, length.length);
    System.arraycopy(headers, 0, b, hs, headers.length);
    System.arraycopy(data, 0, b, hs + headers.length, data.length);
    return new WspPush(b, headers.length, hs + headers.length, ct, rest, List.of());
  }

  /**
   * The codec's uintvar at {@code p}, or null when it runs past {@code end}, is longer than 5
   * octets or exceeds 32 bits. Non-minimal encodings (leading 0x80) are accepted: some composers
   * write them.
   */
  private static Uintvar uintvar(byte[] b, int p, int end) {
    if (p >= end) {
      return null;
    }
    try {
      return Uintvar.read(b, p, end);
    } catch (PduFormatException e) {
      return null;
    }
  }

  /**
   * Decodes the Content-Type value at {@code p}, which ends at {@code valueEnd} by the first-octet
   * rule ({@link PduLayout#valueEnd}, -1 when it runs past the PDU), with the PDU codec's reader
   * (WAP-230 8.4.2.24), as the codec reads a PDU's Content-Type.
   *
   * <p>A general form (Value-length, media, parameters) whose parameters the reader refuses still
   * says what the body is by its media type: the push is kept with the media type alone and a
   * finding says what was dropped, so that a notification behind a broken parameter is not lost.
   */
  private static ContentType contentType(byte[] b, int p, int valueEnd, List<Finding> findings)
      throws CaptureFormatException {
    if (valueEnd < 0) {
      throw CaptureFormatException.notAWspPush(
          p, "the Content-Type value runs past the end of the PDU or is malformed");
    }
    PduFormatException refused;
    try {
      return PduCodec.decodeContentType(b, p, valueEnd - p, DecodeConfig.DEFAULT);
    } catch (PduFormatException e) {
      refused = e;
    }
    int first = b[p] & 0xFF;
    if (first <= 0x1F) {
      // Value-length: a short length octet, or 0x1F and a uintvar; the media type follows it.
      Uintvar quoted = first == 0x1F ? uintvar(b, p + 1, valueEnd) : null;
      int media = first < 0x1F ? p + 1 : quoted == null ? -1 : quoted.end();
      int mediaEnd = media < 0 || media >= valueEnd ? -1 : PduLayout.valueEnd(b, media, valueEnd);
      // A well-known number or a text is a Content-type value of its own; a Long-integer is not.
      if (mediaEnd > media && (b[media] & 0xFF) >= 0x20) {
        try {
          ContentType alone =
              PduCodec.decodeContentType(b, media, mediaEnd - media, DecodeConfig.DEFAULT);
          findings.add(
              Finding.of(
                  Extraction.severity(CaptureFindingCodes.WSP_MALFORMED),
                  CaptureFindingCodes.WSP_MALFORMED,
                  p + refused.offset(),
                  "Content-Type",
                  "the Content-Type's parameters cannot be read ("
                      + refused.detail()
                      + "): the media type "
                      + alone.mediaType()
                      + " was kept alone"));
          return alone;
        } catch (PduFormatException e) {
          // The media type itself cannot be read either: no push.
        }
      }
    }
    throw CaptureFormatException.notAWspPush(
        p + refused.offset(), "Content-Type: " + refused.detail());
  }
}
