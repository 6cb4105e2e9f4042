package org.mmsstack.mm4.internal.mime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * Decodes base64 and quoted-printable bodies straight from a slice of the input into one array
 * of the exact decoded size: the data is copied once, by the decoding itself. A first pass over
 * the slice checks the syntax and computes that size, so nothing is allocated for data that
 * turns out to be malformed.
 *
 * <p>These are the module's only base64 and quoted-printable body decoders: the codec and the MM1
 * conversion both use them. Encoding is left to the JDK's MIME base64 encoder and to Commons
 * Codec's quoted-printable codec ({@code MessageWriter}); RFC 2047 words to {@link EncodedWords}.
 */
public final class TransferDecoding {

  private static final byte[] EMPTY = new byte[0];

  /** The value of each octet in the base64 alphabet (RFC 4648 table 1), -1 for any other. */
  private static final byte[] BASE64_VALUE = new byte[256];

  static {
    java.util.Arrays.fill(BASE64_VALUE, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      BASE64_VALUE[alphabet.charAt(i)] = (byte) i;
    }
  }

  /** {@link #BASE64_VALUE} as ints (-1 outside the alphabet): four shifted lookups OR-ed are
   * negative if any of the four characters is not base64. */
  private static final int[] QUANTUM = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      QUANTUM[i] = BASE64_VALUE[i];
    }
  }

  private TransferDecoding() {}

  /** Base64 (RFC 2045 §6.8): checked, then decoded into an array of the exact size. */
  public static byte[] base64(ParseContext ctx, int from, int to) throws Mm4FormatException {
    return decodeBase64(ctx.buf, from, to, base64Size(ctx, from, to));
  }

  /**
   * The first half of {@link #base64}: checks the syntax of {@code [from, to)}, reports what a
   * lenient decoder recovers from, and returns the decoded size. Nothing is allocated, so the
   * codec runs this at parse time (findings and strict failures come out of the parse) and
   * leaves {@link #decodeBase64} to the first read of the data.
   */
  public static int base64Size(ParseContext ctx, int from, int to) throws Mm4FormatException {
    return base64Size(ctx, from, to, new boolean[1]);
  }

  /**
   * {@link #base64Size(ParseContext, int, int)}, and in the same pass whether {@code [from, to)}
   * holds a line feed without a carriage return before it (the first octet counts as having none):
   * {@code bareLineFeed[0]} is set if so, left alone otherwise.
   */
  public static int base64Size(ParseContext ctx, int from, int to, boolean[] bareLineFeed)
      throws Mm4FormatException {
    byte[] b = ctx.buf;
    long chars = 0;
    int pad = 0;
    int padAt = -1;
    int junkAt = -1;
    int junk = 0;
    boolean bare = false;
    int i = from;
    while (i < to) {
      // Eight octets at a time while they are all in the alphabet (a base64 line is 76 of them):
      // only the words holding a line end, padding or junk take the octet loop below.
      if (pad == 0) {
        while (i + 8 <= to && isBase64Word((long) LONGS.get(b, i))) {
          chars += 8;
          i += 8;
        }
      }
      int end = Math.min(i + 8, to);
      for (; i < end; i++) {
        byte c = b[i];
        // One table lookup instead of a chain of range tests: on base64 data the character class
        // is random, and the chain's mispredicted branches made this pass five times slower.
        if (BASE64_VALUE[c & 0xff] >= 0) {
          if (pad > 0) {
            reportJunk(ctx, junkAt, junk);
            throw Mm4FormatException.badBase64(
                ctx.line(i), ctx.offset(i), "data after '=' padding");
          }
          chars++;
        } else if (c == '\n') {
          if (i == from || b[i - 1] != '\r') {
            bare = true;
          }
        } else if (c == '=') {
          if (pad == 0) {
            padAt = i;
          }
          pad++;
        } else if (c != '\r' && c != ' ' && c != '\t') {
          if (junk++ == 0) {
            junkAt = i;
          }
        }
      }
    }
    if (bare) {
      bareLineFeed[0] = true;
    }
    reportJunk(ctx, junkAt, junk);
    int rem = (int) (chars % 4);
    if (rem == 1 || pad > 2 || (pad > 0 && (chars + pad) % 4 != 0)) {
      int at = padAt >= 0 ? padAt : to;
      throw Mm4FormatException.truncatedBase64(ctx.line(at), ctx.offset(at), chars);
    }
    if (pad == 0 && rem != 0) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.TRUNCATED_BASE64,
          to,
          "Content-Transfer-Encoding",
          "base64 data ends without '=' padding; the partial quantum is decoded");
    }
    return (int) (chars / 4 * 3 + (rem == 0 ? 0 : rem - 1));
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /**
   * Whether all eight octets of {@code w} are in the base64 alphabet: letters (tested with the
   * case bit set), '/' and digits (0x2F-0x39), '+'. Each range test adds per octet without
   * carries (every octet is below 0x80 once the first test passed) and reads the high bits.
   */
  private static boolean isBase64Word(long w) {
    if ((w & HIGH) != 0) {
      return false;
    }
    long letters = inRange(w | 0x2020202020202020L, 0x61, 0x7A);
    long digits = inRange(w, 0x2F, 0x39);
    long plus = inRange(w, 0x2B, 0x2B);
    return (letters | digits | plus) == HIGH;
  }

  /** The high bit of each octet of {@code w} (all below 0x80) that lies in {@code [lo, hi]}. */
  private static long inRange(long w, int lo, int hi) {
    long atLeastLo = w + (0x80 - lo) * ONES;
    long aboveHi = w + (0x7F - hi) * ONES;
    return atLeastLo & ~aboveHi & HIGH;
  }

  /**
   * Decodes base64 that {@link #base64Size} checked into an array of {@code size} octets (the
   * size it returned); characters outside the alphabet are skipped.
   */
  public static byte[] decodeBase64(byte[] b, int from, int to, int size) {
    if (size == 0) {
      return EMPTY;
    }
    // Canonical line structure (what every encoder writes) takes the quantum loop; anything else
    // the octet loop, which skips what the check already reported.
    byte[] out = decodeCanonicalBase64(b, from, to);
    if (out != null && out.length == size) {
      return out;
    }
    return decodeBase64Octets(b, from, to, new byte[size]);
  }

  /**
   * Decodes base64 without a check before: what reading a body whose check was deferred ({@code
   * Mm4Config.checkBodies(false)}) does. Data in canonical form (lines of one length, a multiple
   * of four, ended by CRLF, padding only at the end) is decoded and validated in one pass into an
   * array of the exact size; for anything else this returns null and the caller runs the check.
   */
  public static byte[] decodeCanonicalBase64(byte[] b, int from, int to) {
    if (to >= from + 2 && b[to - 2] == '\r' && b[to - 1] == '\n') {
      to -= 2; // the last line's own line end (a body that is not a part keeps it)
    }
    if (from == to) {
      return EMPTY;
    }
    // The line length, from the first line; every other line but the last must have it.
    int lineLen = to - from;
    for (int i = from; i < to; i++) {
      if (b[i] == '\r' || b[i] == '\n') {
        lineLen = i - from;
        break;
      }
    }
    if (lineLen == 0 || (lineLen & 3) != 0) {
      return null;
    }
    long stride = lineLen + 2L;
    long fullLines = (to - from) / stride; // lines followed by CRLF
    int lastLen = (int) ((to - from) - fullLines * stride);
    if (lastLen == 0) {
      return null; // CRLF at the very end of the data was cut above: an empty line here
    }
    if ((lastLen & 3) != 0 || lastLen > lineLen) {
      return null;
    }
    int pad = b[to - 1] == '=' ? (b[to - 2] == '=' ? 2 : 1) : 0;
    long chars = fullLines * lineLen + lastLen;
    long size = chars / 4 * 3 - pad;
    if (size > Integer.MAX_VALUE - 8) {
      return null;
    }
    byte[] out = new byte[(int) size];
    int n = 0;
    int i = from;
    for (long line = 0; line < fullLines; line++) {
      n = decodeQuanta(b, i, i + lineLen, out, n);
      i += lineLen;
      if (n < 0 || b[i] != '\r' || b[i + 1] != '\n') {
        return null;
      }
      i += 2;
    }
    // The last line: every quantum but the last as above, the last one with its padding.
    n = decodeQuanta(b, i, to - 4, out, n);
    if (n < 0) {
      return null;
    }
    i = to - 4;
    int[] t = QUANTUM;
    int v = (t[b[i] & 0xff] << 18) | (t[b[i + 1] & 0xff] << 12);
    if (pad < 2) {
      v |= t[b[i + 2] & 0xff] << 6;
    }
    if (pad == 0) {
      v |= t[b[i + 3] & 0xff];
    }
    if (v < 0) {
      return null;
    }
    out[n] = (byte) (v >> 16);
    if (pad < 2) {
      out[n + 1] = (byte) (v >> 8);
    }
    if (pad == 0) {
      out[n + 2] = (byte) v;
    }
    return out;
  }

  /**
   * Decodes the whole quanta of {@code b[i, end)} (a multiple of four characters, no padding)
   * into {@code out} from {@code n}: the new {@code n}, or -1 at a character outside the alphabet.
   */
  private static int decodeQuanta(byte[] b, int i, int end, byte[] out, int n) {
    int[] t = QUANTUM;
    for (; i < end; i += 4) {
      int v =
          (t[b[i] & 0xff] << 18)
              | (t[b[i + 1] & 0xff] << 12)
              | (t[b[i + 2] & 0xff] << 6)
              | t[b[i + 3] & 0xff];
      if (v < 0) {
        return -1;
      }
      out[n] = (byte) (v >> 16);
      out[n + 1] = (byte) (v >> 8);
      out[n + 2] = (byte) v;
      n += 3;
    }
    return n;
  }

  /**
   * Decodes base64 whatever it holds, never failing: characters outside the alphabet are
   * skipped, decoding stops at the first '=', a final lone character is dropped. What reading a
   * body whose deferred check failed returns (the check says what was wrong).
   */
  public static byte[] decodeBase64Tolerant(byte[] b, int from, int to) {
    long chars = 0;
    for (int i = from; i < to && b[i] != '='; i++) {
      if (BASE64_VALUE[b[i] & 0xff] >= 0) {
        chars++;
      }
    }
    int rem = (int) (chars % 4);
    int size = (int) (chars / 4 * 3 + (rem == 0 ? 0 : rem - 1));
    return size == 0 ? EMPTY : decodeBase64Octets(b, from, to, new byte[size]);
  }

  /** The octet loop: decodes into {@code out} until it is full or '=' is met. */
  private static byte[] decodeBase64Octets(byte[] b, int from, int to, byte[] out) {
    // A table lookup per character into the exact-size array; used for input in other than the
    // canonical line structure.
    int size = out.length;
    int n = 0;
    int acc = 0;
    int quantum = 0;
    for (int i = from; i < to && n < size; i++) {
      int v = BASE64_VALUE[b[i] & 0xff];
      if (v < 0) {
        if (b[i] == '=') {
          break;
        }
        continue; // line ends, white space, reported junk
      }
      acc = acc << 6 | v;
      if (++quantum == 4) {
        out[n++] = (byte) (acc >> 16);
        out[n++] = (byte) (acc >> 8);
        out[n++] = (byte) acc;
        acc = 0;
        quantum = 0;
      }
    }
    // A final partial quantum of 2 or 3 characters holds 1 or 2 octets (the padding bits are
    // dropped).
    if (quantum == 2) {
      out[n] = (byte) (acc >> 4);
    } else if (quantum == 3) {
      out[n++] = (byte) (acc >> 10);
      out[n] = (byte) (acc >> 2);
    }
    return out;
  }

  /**
   * RFC 2045 §6.8: decoders must ignore characters outside the alphabet, but they are a sign of
   * damage. One finding per part, at the first of them, with the number of the rest: a damaged
   * part can hold thousands, and a finding each would only repeat the first.
   */
  private static void reportJunk(ParseContext ctx, int at, int count) throws Mm4FormatException {
    if (count == 0) {
      return;
    }
    ctx.report(
        Severity.ERROR,
        Mm4FindingCodes.BAD_BASE64,
        at,
        "Content-Transfer-Encoding",
        "byte 0x"
            + Integer.toHexString(ctx.buf[at] & 0xff)
            + " outside the base64 alphabet ignored"
            + (count > 1 ? " (" + (count - 1) + " more in this part)" : ""));
  }

  /**
   * Quoted-printable (RFC 2045 §6.7): {@code =XX} escapes, soft line breaks ({@code =} at the end
   * of a line, also before LF alone or trailing white space), trailing white space of a line
   * dropped. A broken escape is kept literally in lenient mode.
   */
  public static byte[] quotedPrintable(ParseContext ctx, int from, int to)
      throws Mm4FormatException {
    // Pass 1 checks and counts, pass 2 writes; both follow the same rules through one method.
    return decodeQuotedPrintable(ctx.buf, from, to, quotedPrintableSize(ctx, from, to));
  }

  /**
   * The first half of {@link #quotedPrintable}: checks {@code [from, to)}, reports broken escapes
   * and returns the decoded size, allocating nothing.
   */
  public static int quotedPrintableSize(ParseContext ctx, int from, int to)
      throws Mm4FormatException {
    return qp(ctx, ctx.buf, from, to, null);
  }

  /** Decodes quoted-printable that {@link #quotedPrintableSize} checked into {@code size} octets. */
  public static byte[] decodeQuotedPrintable(byte[] b, int from, int to, int size) {
    if (size == 0) {
      return EMPTY;
    }
    byte[] out = new byte[size];
    try {
      qp(null, b, from, to, out);
    } catch (Mm4FormatException e) {
      throw new AssertionError("the writing pass reports nothing", e);
    }
    return out;
  }

  /**
   * Decodes quoted-printable without a check before (a body whose check was deferred): broken
   * escapes are kept literally, as lenient decoding keeps them; nothing is reported.
   */
  public static byte[] decodeQuotedPrintableTolerant(byte[] b, int from, int to) {
    int size;
    try {
      size = qp(null, b, from, to, null);
    } catch (Mm4FormatException e) {
      throw new AssertionError("the measuring pass without a context reports nothing", e);
    }
    return decodeQuotedPrintable(b, from, to, size);
  }

  private static int qp(ParseContext ctx, byte[] b, int from, int to, byte[] out)
      throws Mm4FormatException {
    int n = 0;
    int brokenAt = -1;
    int broken = 0;
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
          if (broken++ == 0) {
            brokenAt = j;
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
    // Once per part, as for base64 above: the first broken escape and how many more there are.
    if (ctx != null && out == null && broken > 0) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.BAD_QUOTED_PRINTABLE,
          brokenAt,
          "Content-Transfer-Encoding",
          "'=' not followed by two hex digits; kept literally"
              + (broken > 1 ? " (" + (broken - 1) + " more in this part)" : ""));
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
