package org.mmsstack.mm4.mime;

import org.mmsstack.mm4.internal.mime.TransferDecoding;

/**
 * The data of a parsed leaf whose transfer encoding had to be undone (base64, quoted-printable,
 * or 7bit/8bit text stored with LF line ends): located and checked at parse time, decoded on the
 * first read. The check already reported every finding and fixed the decoded size, so decoding
 * later cannot fail and needs no context.
 *
 * <p>Thread-safe: two threads reading at once may both decode, and both get equal data; the
 * array published through the volatile field is never changed after it is stored.
 */
final class LazyData {

  enum Kind {
    BASE64,
    QUOTED_PRINTABLE,
    LINE_FEEDS_TO_CRLF
  }

  private final byte[] buf;
  private final int from;
  private final int to;
  private final Kind kind;
  private final int size;
  private volatile byte[] decoded;

  LazyData(byte[] buf, int from, int to, Kind kind, int size) {
    this.buf = buf;
    this.from = from;
    this.to = to;
    this.kind = kind;
    this.size = size;
  }

  /** @return the decoded size, known without decoding */
  int size() {
    return size;
  }

  /** @return the decoded data, exactly {@link #size()} octets; not to be modified */
  byte[] get() {
    byte[] d = decoded;
    if (d == null) {
      d =
          switch (kind) {
            case BASE64 -> TransferDecoding.decodeBase64(buf, from, to, size);
            case QUOTED_PRINTABLE -> TransferDecoding.decodeQuotedPrintable(buf, from, to, size);
            case LINE_FEEDS_TO_CRLF -> crlf(buf, from, to, size);
          };
      decoded = d;
    }
    return d;
  }

  /** How many octets {@code [from, to)} holds once each LF without CR before it gets one. */
  static int crlfSize(byte[] b, int from, int to) {
    int extra = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n' && (i == from || b[i - 1] != '\r')) {
        extra++;
      }
    }
    return to - from + extra;
  }

  private static byte[] crlf(byte[] b, int from, int to, int size) {
    byte[] d = new byte[size];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n' && (i == from || b[i - 1] != '\r')) {
        d[n++] = '\r';
      }
      d[n++] = b[i];
    }
    return d;
  }
}
