package org.mmsstack.mm4.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.net.QuotedPrintableCodec;
import org.mmsstack.mm4.internal.mime.Folding;

/**
 * Writes a message as RFC 5322 mail with CRLF line ends. Header fields and bodies that kept their
 * raw bytes are written back as they were; everything else is generated: fields folded, leaf data
 * encoded in its Content-Transfer-Encoding, multiparts delimited by the boundary of their
 * Content-Type.
 */
final class MessageWriter {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] DASHES = {'-', '-'};

  /** 57 octets make one 76-character base64 line; chunks of whole lines keep the output buffers small. */
  private static final int BASE64_CHUNK = 57 * 128;

  /** The JDK's MIME encoder: measured several times faster than Commons Codec's, which spent most of its time growing buffers. */
  private static final java.util.Base64.Encoder BASE64 = java.util.Base64.getMimeEncoder(76, CRLF);

  private MessageWriter() {}

  /** Base64 in 76-character lines (RFC 2045 §6.8), each ended by CRLF, encoded chunk by chunk. */
  private static void base64(byte[] d, int off, int len, OutputStream out) throws IOException {
    for (int p = off, end = off + len; p < end; p += BASE64_CHUNK) {
      // A chunk is whole lines but for the last; the encoder puts CRLF between lines, not after the
      // last one.
      ByteBuffer lines = BASE64.encode(ByteBuffer.wrap(d, p, Math.min(BASE64_CHUNK, end - p)));
      out.write(lines.array(), lines.arrayOffset() + lines.position(), lines.remaining());
      out.write(CRLF);
    }
  }

  static void write(MimeEntity e, OutputStream out) throws IOException {
    for (Mm4Header h : e.headers()) {
      if (h.rawBuf() != null) {
        out.write(h.rawBuf(), h.rawOff(), h.rawLen());
      } else {
        String folded = Folding.fold(h.name(), h.value());
        if (folded == null) {
          // Only a parsed field without raw bytes can get here (built fields are checked to be
          // foldable); it was at most maxLineLength long in the input, and is written as it was.
          folded = h.name() + ": " + h.value();
        }
        out.write(Folding.bytes(folded));
      }
    }
    out.write(CRLF);
    body(e, out);
  }

  private static void body(MimeEntity e, OutputStream out) throws IOException {
    if (e.raw() != null) {
      out.write(e.raw(), e.rawOff(), e.rawLen());
      return;
    }
    if (e.isMultipart()) {
      byte[] boundary =
          e.contentType()
              .boundary()
              .orElseThrow(() -> new IOException("multipart entity without a boundary parameter"))
              .getBytes(StandardCharsets.US_ASCII);
      for (MimeEntity p : e.parts()) {
        out.write(DASHES);
        out.write(boundary);
        out.write(CRLF);
        write(p, out);
        out.write(CRLF);
      }
      out.write(DASHES);
      out.write(boundary);
      out.write(DASHES);
      out.write(CRLF);
      return;
    }
    byte[] d = e.dataArray();
    int off = e.dataOffset();
    int len = e.dataSize();
    if (len == 0) {
      return; // Commons Codec answers empty input with null
    }
    TransferEncoding te = e.transferEncoding().orElse(TransferEncoding.BINARY);
    switch (te) {
      case BASE64:
        base64(d, off, len, out);
        break;
      case QUOTED_PRINTABLE:
        {
          byte[] slice = off == 0 && len == d.length ? d : Arrays.copyOfRange(d, off, off + len);
          // Strict mode: 76-character lines with soft breaks; CR and LF in the data are escaped,
          // so the data comes back exactly.
          out.write(new QuotedPrintableCodec(StandardCharsets.UTF_8, true).encode(slice));
          break;
        }
      default:
        // 7bit, 8bit, binary and unknown encodings: the data as it is. Built data was checked to
        // fit its encoding; parsed data had bare LFs restored to CRLF, and a lone CR is left alone,
        // since turning it into a line end could make a boundary delimiter out of content.
        out.write(d, off, len);
    }
  }
}
