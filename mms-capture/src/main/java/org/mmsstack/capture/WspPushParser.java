package org.mmsstack.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.Uintvar;

/**
 * Decodes a connectionless WSP Push or ConfirmedPush PDU (WAP-230 §8.2.4.1, §8.2.2 for the
 * connectionless TID octet): {@code TID, PDU-type, Headers-Length (uintvar), Content-Type,
 * Headers, Data}.
 *
 * <p>The same parser serves pushes found in UDP datagrams (ports 2948 and 9200) and raw push files.
 * It is lenient where a sender's mistake is unambiguous and says so in {@link WspPush#findings()};
 * it throws only when the bytes are not a push at all.
 */
public final class WspPushParser {

  private WspPushParser() {}

  /** Decodes {@code pdu}; see {@link #parse(byte[], int, int)}. */
  public static WspPush parse(byte[] pdu) throws CaptureFormatException {
    return parse(pdu, 0, pdu.length);
  }

  /**
   * Decodes the push in {@code data[offset, offset + length)}. The input is not changed and not
   * kept.
   *
   * <p>Leniency, each reported as a finding:
   *
   * <ul>
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
  public static WspPush parse(byte[] data, int offset, int length) throws CaptureFormatException {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException(
          "offset: " + offset + ", length: " + length + " (array length " + data.length + ")");
    }
    byte[] b = Arrays.copyOfRange(data, offset, offset + length);
    if (b.length < 3) {
      throw CaptureFormatException.notAWspPush(
          b.length, "a WSP push has at least 3 octets, got " + b.length);
    }
    int tid = b[0] & 0xFF;
    int type = b[1] & 0xFF;
    if (type != WspPush.PUSH && type != WspPush.CONFIRMED_PUSH) {
      throw CaptureFormatException.notAWspPush(
          1,
          String.format(
              Locale.ROOT, "PDU type 0x%02X is not Push (0x06) or ConfirmedPush (0x07)", type));
    }
    long[] uv = readUintvar(b, 2, b.length);
    if (uv == null) {
      throw CaptureFormatException.notAWspPush(2, "Headers-Length is not a valid uintvar");
    }
    long headersLength = uv[0];
    int hs = (int) uv[1];
    if (hs >= b.length) {
      throw CaptureFormatException.notAWspPush(hs, "no Content-Type after the Headers-Length");
    }
    WspContentType ct = contentType(b, hs, b.length);
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
    } else if (headersLength < ct.encodedLength()) {
      findings.add(
          Finding.of(
              Extraction.severity(CaptureFindingCodes.WSP_HEADERS_LENGTH_INCONSISTENT),
              CaptureFindingCodes.WSP_HEADERS_LENGTH_INCONSISTENT,
              2,
              null,
              "Headers-Length "
                  + headersLength
                  + " is shorter than the Content-Type ("
                  + ct.encodedLength()
                  + " octets) that must open the headers; the Content-Type"
                  + " is self-delimiting, so the headers were taken to end with it and the body"
                  + " to start at offset "
                  + (hs + ct.encodedLength())));
      headersEnd = hs + ct.encodedLength();
    } else {
      headersEnd = hs + (int) headersLength;
    }
    return new WspPush(
        tid,
        type,
        headersLength,
        ct,
        Arrays.copyOfRange(b, hs, headersEnd),
        Arrays.copyOfRange(b, headersEnd, b.length),
        findings);
  }

  /**
   * Reads a uintvar at {@code p} with the codec's reader: returns {value, next offset}, or null
   * when it runs past {@code end}, is longer than 5 octets or exceeds 32 bits. Non-minimal
   * encodings (leading 0x80) are accepted: some composers write them.
   */
  static long[] readUintvar(byte[] b, int p, int end) {
    if (p >= end) {
      return null;
    }
    try {
      Uintvar u = Uintvar.read(b, p, end);
      return new long[] {u.value(), u.end()};
    } catch (PduFormatException e) {
      return null;
    }
  }

  /** Identifies the Content-Type value at {@code p} (WAP-230 §8.4.2.24). */
  static WspContentType contentType(byte[] b, int p, int end) throws CaptureFormatException {
    int c = b[p] & 0xFF;
    if (c >= 0x80) {
      int code = c & 0x7F;
      return new WspContentType(
          WspContentType.Form.WELL_KNOWN, code, WspContentType.wellKnownName(code), 1);
    }
    if (c >= 0x20) {
      int nul = indexOfNul(b, p, end);
      if (nul < 0) {
        throw CaptureFormatException.notAWspPush(p, "Content-Type text has no terminating NUL");
      }
      return new WspContentType(WspContentType.Form.TEXT, -1, text(b, p, nul), nul - p + 1);
    }
    long len;
    int q;
    if (c == 0x1F) {
      long[] uv = readUintvar(b, p + 1, end);
      if (uv == null) {
        throw CaptureFormatException.notAWspPush(
            p + 1, "Content-Type Value-length is not a valid uintvar");
      }
      len = uv[0];
      q = (int) uv[1];
    } else {
      len = c;
      q = p + 1;
    }
    if (len == 0 || len > end - q) {
      throw CaptureFormatException.notAWspPush(
          p,
          "Content-Type Value-length "
              + len
              + " does not fit the "
              + (end - q)
              + " octets that follow");
    }
    int valueEnd = q + (int) len;
    int m = b[q] & 0xFF;
    int encoded = valueEnd - p;
    if (m >= 0x80) {
      int code = m & 0x7F;
      return new WspContentType(
          WspContentType.Form.GENERAL, code, WspContentType.wellKnownName(code), encoded);
    }
    if (m <= 0x1E) {
      // Long-integer media: registered numbers above 127.
      if (m == 0 || m > 4 || q + 1 + m > valueEnd) {
        throw CaptureFormatException.notAWspPush(q, "Content-Type media Long-integer is malformed");
      }
      int code = 0;
      for (int i = 1; i <= m; i++) {
        code = (code << 8) | (b[q + i] & 0xFF);
      }
      return new WspContentType(
          WspContentType.Form.GENERAL, code, WspContentType.wellKnownName(code), encoded);
    }
    int nul = indexOfNul(b, q, valueEnd);
    if (nul < 0) {
      throw CaptureFormatException.notAWspPush(
          q, "Content-Type media text has no terminating NUL within its Value-length");
    }
    return new WspContentType(WspContentType.Form.GENERAL, -1, text(b, q, nul), encoded);
  }

  private static int indexOfNul(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String text(byte[] b, int from, int to) {
    // A leading 0x7F quote is only there to protect a first octet >= 0x80.
    if (from < to && (b[from] & 0xFF) == 0x7F) {
      from++;
    }
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
