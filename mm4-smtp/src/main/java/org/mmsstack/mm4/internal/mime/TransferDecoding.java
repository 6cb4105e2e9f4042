package org.mmsstack.mm4.internal.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base64InputStream;
import org.mmsstack.mm4.Mm4Finding;
import org.mmsstack.mm4.Mm4FormatException;

/**
 * Decodes base64 and quoted-printable bodies straight from a slice of the input into one array
 * of the exact decoded size: the data is copied once, by the decoding itself. A first pass over
 * the slice checks the syntax and computes that size, so nothing is allocated for data that
 * turns out to be malformed.
 */
public final class TransferDecoding {

  private static final byte[] EMPTY = new byte[0];

  private TransferDecoding() {}

  /** Base64 (RFC 2045 §6.8), decoded by Commons Codec's {@link Base64InputStream}. */
  public static byte[] base64(ParseContext ctx, int from, int to) throws Mm4FormatException {
    byte[] b = ctx.buf;
    long chars = 0;
    int pad = 0;
    int padAt = -1;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
        if (pad > 0) {
          throw Mm4FormatException.badBase64(ctx.line(i), ctx.offset(i), "data after '=' padding");
        }
        chars++;
      } else if (c == '=') {
        if (pad == 0) {
          padAt = i;
        }
        pad++;
      } else if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
        // RFC 2045 §6.8: decoders must ignore characters outside the alphabet, but it is a sign of damage.
        ctx.report(Mm4Finding.Severity.WARNING, Mm4FormatException.Reason.BAD_BASE64, i,
            "Content-Transfer-Encoding", "byte 0x" + Integer.toHexString(c & 0xff) + " outside the base64 alphabet ignored");
      }
    }
    int rem = (int) (chars % 4);
    if (rem == 1 || pad > 2 || (pad > 0 && (chars + pad) % 4 != 0)) {
      int at = padAt >= 0 ? padAt : to;
      throw Mm4FormatException.truncatedBase64(ctx.line(at), ctx.offset(at), chars);
    }
    if (pad == 0 && rem != 0) {
      ctx.report(Mm4Finding.Severity.WARNING, Mm4FormatException.Reason.TRUNCATED_BASE64, to,
          "Content-Transfer-Encoding", "base64 data ends without '=' padding; the partial quantum is decoded");
    }
    long size = chars / 4 * 3 + (rem == 0 ? 0 : rem - 1);
    if (size == 0) {
      return EMPTY;
    }
    byte[] out = new byte[(int) size];
    try (InputStream in = new Base64InputStream(
        new ByteArrayInputStream(b, from, to - from), false, 0, null, CodecPolicy.LENIENT)) {
      int n = in.readNBytes(out, 0, out.length);
      if (n != out.length) {
        throw Mm4FormatException.truncatedBase64(ctx.line(to), ctx.offset(to), chars);
      }
    } catch (IOException e) {
      // ByteArrayInputStream does not fail; a codec complaint means the data is bad.
      throw Mm4FormatException.badBase64(ctx.line(from), ctx.offset(from), String.valueOf(e.getMessage()));
    }
    return out;
  }

  /**
   * Quoted-printable (RFC 2045 §6.7): {@code =XX} escapes, soft line breaks ({@code =} at the end
   * of a line, also before LF alone or trailing white space), trailing white space of a line
   * dropped. A broken escape is kept literally in lenient mode.
   */
  public static byte[] quotedPrintable(ParseContext ctx, int from, int to) throws Mm4FormatException {
    // Pass 1 checks and counts, pass 2 writes; both follow the same rules through one method.
    int size = qp(ctx, from, to, null);
    byte[] out = new byte[size];
    qp(ctx, from, to, out);
    return out;
  }

  private static int qp(ParseContext ctx, int from, int to, byte[] out) throws Mm4FormatException {
    byte[] b = ctx.buf;
    int n = 0;
    int i = from;
    while (i < to) {
      // One line: [i, eol) plus its line end.
      int lf = HeaderScanner.indexOf(b, (byte) '\n', i, to);
      int eol = lf < 0 ? to : lf;
      int contentEnd = eol > i && lf >= 0 && b[eol - 1] == '\r' ? eol - 1 : eol;
      int trimmed = contentEnd;
      while (trimmed > i && (b[trimmed - 1] == ' ' || b[trimmed - 1] == '\t')) {
        trimmed--;
      }
      boolean soft = trimmed > i && b[trimmed - 1] == '=';
      int stop = soft ? trimmed - 1 : trimmed;
      for (int j = i; j < stop; j++) {
        byte c = b[j];
        if (c == '=') {
          int hi = j + 2 < stop ? hex(b[j + 1]) : -1;
          int lo = j + 2 < stop ? hex(b[j + 2]) : -1;
          if (hi >= 0 && lo >= 0) {
            if (out != null) {
              out[n] = (byte) (hi << 4 | lo);
            }
            n++;
            j += 2;
            continue;
          }
          if (out == null) {
            ctx.report(Mm4Finding.Severity.WARNING, Mm4FormatException.Reason.BAD_QUOTED_PRINTABLE, j,
                "Content-Transfer-Encoding", "'=' not followed by two hex digits; kept literally");
          }
        }
        if (out != null) {
          out[n] = c;
        }
        n++;
      }
      if (lf >= 0 && !soft) {
        // A hard line break: the canonical CRLF.
        if (out != null) {
          out[n] = '\r';
          out[n + 1] = '\n';
        }
        n += 2;
      }
      i = lf < 0 ? to : lf + 1;
    }
    return n;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10; // lower case is not RFC 2045 but common
    }
    return -1;
  }
}
