package org.mmsstack.mm4.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import org.apache.commons.codec.net.QuotedPrintableCodec;

/**
 * Writes a message as RFC 5322 mail with CRLF line ends. Header fields and bodies that kept their
 * raw bytes are written back as they were; everything else is generated: fields folded, leaf data
 * encoded in its Content-Transfer-Encoding, multiparts delimited by the boundary of their
 * Content-Type. {@link #toBytes} computes the exact size first and writes once into one array of
 * it, base64 straight into that array ({@link Base64Lines}).
 */
final class MessageWriter {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] DASHES = {'-', '-'};

  /** Lines of base64 encoded per chunk when writing to a stream. */
  private static final int STREAM_LINES = 64;

  private MessageWriter() {}

  /**
   * Writes an entity into one array of exactly the size it takes: the size is computed first
   * (header lines are known bytes, base64 has a closed form, quoted-printable is encoded once and
   * kept), then everything is written once, at its place.
   */
  static byte[] toBytes(MimeEntity e) {
    // Quoted-printable data is encoded once: while sizing, kept for writing.
    IdentityHashMap<MimeEntity, byte[]> qp = new IdentityHashMap<>(4);
    long size = size(e, qp);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "message: "
              + size
              + " octets encoded (expected: at most "
              + (Integer.MAX_VALUE - 8)
              + ")");
    }
    byte[] out = new byte[(int) size];
    int n = put(e, out, 0, qp);
    if (n != out.length) {
      throw new IllegalStateException("message: " + n + " octets written, " + size + " sized");
    }
    return out;
  }

  /** Writes {@code e} into {@code out} from {@code n}; returns the index after it. */
  private static int put(MimeEntity e, byte[] out, int n, IdentityHashMap<MimeEntity, byte[]> qp) {
    for (Mm4Header h : e.headers()) {
      if (h.rawBuf() != null) {
        System.arraycopy(h.rawBuf(), h.rawOff(), out, n, h.rawLen());
        n += h.rawLen();
      } else {
        n = h.putLine(out, n);
      }
    }
    out[n++] = '\r';
    out[n++] = '\n';
    if (e.raw() != null) {
      System.arraycopy(e.raw(), e.rawOff(), out, n, e.rawLen());
      return n + e.rawLen();
    }
    if (e.isMultipart()) {
      byte[] boundary = boundary(e);
      for (MimeEntity p : e.parts()) {
        out[n++] = '-';
        out[n++] = '-';
        n = copy(boundary, out, n);
        out[n++] = '\r';
        out[n++] = '\n';
        n = put(p, out, n, qp);
        out[n++] = '\r';
        out[n++] = '\n';
      }
      out[n++] = '-';
      out[n++] = '-';
      n = copy(boundary, out, n);
      out[n++] = '-';
      out[n++] = '-';
      out[n++] = '\r';
      out[n++] = '\n';
      return n;
    }
    int len = e.dataSize();
    if (len == 0) {
      return n;
    }
    byte[] d = e.dataArray();
    int off = e.dataOffset();
    switch (e.transferEncoding().orElse(TransferEncoding.BINARY)) {
      case BASE64:
        return Base64Lines.encode(d, off, len, out, n);
      case QUOTED_PRINTABLE:
        {
          byte[] enc = qp.get(e);
          return copy(enc != null ? enc : quotedPrintable(e), out, n);
        }
      default:
        // As in body(): the data as it is.
        System.arraycopy(d, off, out, n, len);
        return n + len;
    }
  }

  private static int copy(byte[] b, byte[] out, int n) {
    System.arraycopy(b, 0, out, n, b.length);
    return n + b.length;
  }

  /** The exact number of octets {@link #write} produces for {@code e}. */
  static long size(MimeEntity e) {
    return size(e, null);
  }

  /**
   * The size of {@code e}; the quoted-printable encodings made to measure it go into {@code qp}
   * when it is given.
   */
  private static long size(MimeEntity e, IdentityHashMap<MimeEntity, byte[]> qp) {
    long n = 2; // the empty line after the header section
    for (Mm4Header h : e.headers()) {
      n += h.rawBuf() != null ? h.rawLen() : h.lineSize();
    }
    if (e.raw() != null) {
      return n + e.rawLen();
    }
    if (e.isMultipart()) {
      int boundary = boundary(e).length;
      for (MimeEntity p : e.parts()) {
        n += 2 + boundary + 2 + size(p, qp) + 2;
      }
      return n + 2 + boundary + 2 + 2;
    }
    int len = e.dataSize();
    if (len == 0) {
      return n;
    }
    switch (e.transferEncoding().orElse(TransferEncoding.BINARY)) {
      case BASE64:
        return n + Base64Lines.size(len);
      case QUOTED_PRINTABLE:
        {
          byte[] enc = quotedPrintable(e);
          if (qp != null) {
            qp.put(e, enc);
          }
          return n + enc.length;
        }
      default:
        return n + len;
    }
  }

  static void write(MimeEntity e, OutputStream out) throws IOException {
    write(e, out, null);
  }

  /** Writes {@code e}, taking quoted-printable encodings from {@code qp} where sized already. */
  private static void write(MimeEntity e, OutputStream out, IdentityHashMap<MimeEntity, byte[]> qp)
      throws IOException {
    for (Mm4Header h : e.headers()) {
      if (h.rawBuf() != null) {
        out.write(h.rawBuf(), h.rawOff(), h.rawLen());
      } else {
        out.write(h.line());
      }
    }
    out.write(CRLF);
    body(e, out, qp);
  }

  private static byte[] boundary(MimeEntity e) {
    return e.contentType()
        .boundary()
        .orElseThrow(
            () -> new IllegalStateException("multipart entity without a boundary parameter"))
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] quotedPrintable(MimeEntity e) {
    byte[] d = e.dataArray();
    int off = e.dataOffset();
    int len = e.dataSize();
    if (len < 3) {
      // Commons Codec's strict encoder returns null for fewer than three octets (its line rules
      // look three octets ahead): a one-character text such as "é" is two.
      // Without the strict line rules, which short data does not need.
      return QuotedPrintableCodec.encodeQuotedPrintable(
          SHORT_PRINTABLE, Arrays.copyOfRange(d, off, off + len), false);
    }
    byte[] slice = off == 0 && len == d.length ? d : Arrays.copyOfRange(d, off, off + len);
    // Strict mode: 76-character lines with soft breaks; CR and LF in the data are escaped, so the
    // data comes back exactly.
    return new QuotedPrintableCodec(StandardCharsets.UTF_8, true).encode(slice);
  }

  /**
   * Octets written as themselves in quoted-printable data too short to need a line break: the
   * printable ones but "=", not space and tab (they would end the line, RFC 2045 section 6.3).
   */
  private static final BitSet SHORT_PRINTABLE = new BitSet(128);

  static {
    SHORT_PRINTABLE.set('!', 0x7F);
    SHORT_PRINTABLE.clear('=');
  }

  private static void body(MimeEntity e, OutputStream out, IdentityHashMap<MimeEntity, byte[]> qp)
      throws IOException {
    if (e.raw() != null) {
      out.write(e.raw(), e.rawOff(), e.rawLen());
      return;
    }
    if (e.isMultipart()) {
      byte[] boundary;
      try {
        boundary = boundary(e);
      } catch (IllegalStateException x) {
        throw new IOException(x.getMessage(), x);
      }
      for (MimeEntity p : e.parts()) {
        out.write(DASHES);
        out.write(boundary);
        out.write(CRLF);
        write(p, out, qp);
        out.write(CRLF);
      }
      out.write(DASHES);
      out.write(boundary);
      out.write(DASHES);
      out.write(CRLF);
      return;
    }
    int len = e.dataSize();
    if (len == 0) {
      return; // Commons Codec answers empty input with null
    }
    byte[] d = e.dataArray();
    int off = e.dataOffset();
    TransferEncoding te = e.transferEncoding().orElse(TransferEncoding.BINARY);
    switch (te) {
      case BASE64:
        {
          // Encoded a chunk of whole lines at a time into one buffer, written in bulk.
          int chunk = Base64Lines.LINE_INPUT * STREAM_LINES;
          byte[] buf = new byte[Base64Lines.LINE_OUTPUT * STREAM_LINES];
          for (int from = off, end = off + len; from < end; from += chunk) {
            int n = Base64Lines.encode(d, from, Math.min(chunk, end - from), buf, 0);
            out.write(buf, 0, n);
          }
          break;
        }
      case QUOTED_PRINTABLE:
        {
          byte[] enc = qp == null ? null : qp.get(e);
          out.write(enc != null ? enc : quotedPrintable(e));
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
