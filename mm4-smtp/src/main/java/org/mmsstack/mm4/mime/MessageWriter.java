package org.mmsstack.mm4.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import org.apache.commons.codec.net.QuotedPrintableCodec;

/**
 * Writes a message as RFC 5322 mail with CRLF line ends. Header fields and bodies that kept their
 * raw bytes are written back as they were; everything else is generated: fields folded, leaf data
 * encoded in its Content-Transfer-Encoding, multiparts delimited by the boundary of their
 * Content-Type. {@link #toBytes} computes the exact size first and writes into one array of it.
 */
final class MessageWriter {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] DASHES = {'-', '-'};

  /** The JDK's MIME encoder: 76-character lines separated by CRLF (RFC 2045 §6.8). */
  private static final java.util.Base64.Encoder BASE64 = java.util.Base64.getMimeEncoder(76, CRLF);

  private MessageWriter() {}

  /**
   * Writes an entity into one array of exactly the size it takes: the size is computed first
   * (header lines are known bytes, base64 has a closed form), then everything is written once.
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
    ArrayOut out = new ArrayOut((int) size);
    try {
      write(e, out, qp);
    } catch (IOException x) {
      throw new UncheckedIOException("writing to an array does not fail", x);
    }
    return out.finish();
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
      n += h.rawBuf() != null ? h.rawLen() : h.line().length;
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
        long chars = (len + 2L) / 3 * 4;
        long lines = (chars + 75) / 76;
        return n + chars + 2 * lines;
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
    byte[] slice = off == 0 && len == d.length ? d : Arrays.copyOfRange(d, off, off + len);
    // Strict mode: 76-character lines with soft breaks; CR and LF in the data are escaped, so the
    // data comes back exactly.
    return new QuotedPrintableCodec(StandardCharsets.UTF_8, true).encode(slice);
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
          // The encoder streams line by line (76 octets, then the separator) into out, so no
          // encoded copy of the data is made; its final line gets the CRLF it does not write.
          OutputStream enc = BASE64.wrap(new Unclosed(out));
          enc.write(d, off, len);
          enc.close();
          out.write(CRLF);
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

  /** Passes writes through in bulk and ignores close, which the base64 stream calls. */
  private static final class Unclosed extends OutputStream {
    private final OutputStream out;

    Unclosed(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() {}
  }

  /**
   * Writes into one array allocated at the computed size. Should the computation ever be short,
   * the array grows rather than losing output, and {@link #finish} trims an over-estimate.
   */
  private static final class ArrayOut extends OutputStream {
    private byte[] buf;
    private int n;

    ArrayOut(int size) {
      buf = new byte[size];
    }

    @Override
    public void write(int b) {
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, Math.max(16, buf.length * 2));
      }
      buf[n++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > buf.length - n) {
        buf = Arrays.copyOf(buf, Math.max(n + len, buf.length * 2));
      }
      System.arraycopy(b, off, buf, n, len);
      n += len;
    }

    byte[] finish() {
      return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }
  }
}
