package org.mmsstack.capture;

import java.util.Arrays;
import java.util.Optional;

/**
 * Takes the mails out of the client side of an SMTP session (RFC 5321): after a {@code DATA}
 * command line, the lines up to the one holding a single dot are the mail, with the leading dot
 * of dot-stuffed lines removed (§4.5.2). A mail whose header section has an X-Mms-Message-Type
 * field is MM4 (3GPP TS 23.140 §8) and is reported; others are counted. Commands are otherwise
 * not interpreted, so pipelined commands and replies the capture missed do not matter; BDAT
 * (RFC 3030) chunks are not read.
 *
 * <p>Memory is the current line plus the mail being collected, within {@link
 * CaptureConfig#maxStreamBytes()}.
 */
final class SmtpStreamParser implements StreamParser {
  private static final byte[] EMPTY = new byte[0];

  /** RFC 5321 §4.5.3.1.4 allows 512 octets a command line; servers accept somewhat more. */
  private static final int MAX_COMMAND_LINE = 4096;

  private static final int MAX_HEADER_SCAN = 64 * 1024;
  private static final byte[] MESSAGE_TYPE =
      "x-mms-message-type".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Extraction x;
  private final Endpoint src;
  private final Endpoint dst;
  private byte[] line = EMPTY;
  private int lineLen;
  private byte[] mail;
  private int mailLen;
  private long fed;
  private long mailAt;
  private boolean ignore;

  SmtpStreamParser(Extraction x, Endpoint src, Endpoint dst) {
    this.x = x;
    this.src = src;
    this.dst = dst;
  }

  @Override
  public long buffered() {
    return line.length + (mail == null ? 0 : mail.length);
  }

  @Override
  public long live() {
    return lineLen + mailLen;
  }

  @Override
  public boolean ignoring() {
    return ignore;
  }

  @Override
  public void feed(byte[] d, int from, int len, Frame f) {
    int end = from + len;
    int p = from;
    while (p < end && !ignore) {
      int lf = p;
      while (lf < end && d[lf] != '\n') {
        lf++;
      }
      int n = (lf < end ? lf + 1 : end) - p;
      long lineStart = fed - lineLen;
      if (mail == null && lineLen + n > MAX_COMMAND_LINE) {
        x.nonHttpStreams++; // not SMTP after all
        abandon();
        return;
      }
      if (mail != null && mailLen + lineLen + n > x.config.maxStreamBytes()) {
        x.finding(
            CaptureFindingCodes.STREAM_LIMIT_EXCEEDED,
            f,
            "SMTP "
                + src
                + " -> "
                + dst
                + ": mail exceeds maxStreamBytes "
                + x.config.maxStreamBytes()
                + "; rest of the stream ignored");
        abandon();
        return;
      }
      line = grow(line, lineLen + n);
      System.arraycopy(d, p, line, lineLen, n);
      lineLen += n;
      fed += n;
      p += n;
      if (lf < end) {
        line(f, lineStart);
        lineLen = 0;
        if (line.length > MAX_COMMAND_LINE) {
          line = EMPTY;
        }
      }
    }
  }

  private byte[] grow(byte[] b, int want) {
    if (want <= b.length) {
      return b;
    }
    long cap =
        Math.min(
            Math.max(want, Math.max(64, 2L * b.length)),
            (long) x.config.maxStreamBytes() + MAX_COMMAND_LINE);
    return Arrays.copyOf(b, (int) Math.max(cap, want));
  }

  /** One whole line, LF included, in {@code line[0, lineLen)}, starting at stream offset {@code at}. */
  private void line(Frame f, long at) {
    int content = lineLen - 1;
    if (content > 0 && line[content - 1] == '\r') {
      content--;
    }
    if (mail == null) {
      if (content == 4
          && (line[0] | 0x20) == 'd'
          && (line[1] | 0x20) == 'a'
          && (line[2] | 0x20) == 't'
          && (line[3] | 0x20) == 'a') {
        mail = EMPTY;
        mailLen = 0;
        mailAt = at + lineLen;
      }
      return;
    }
    if (content == 1 && line[0] == '.') {
      byte[] m = Arrays.copyOf(mail, mailLen);
      mail = null;
      mailLen = 0;
      emit(m, f);
      return;
    }
    int skip = line[0] == '.' ? 1 : 0; // dot-stuffing
    mail = grow(mail, mailLen + lineLen - skip);
    System.arraycopy(line, skip, mail, mailLen, lineLen - skip);
    mailLen += lineLen - skip;
  }

  private void emit(byte[] m, Frame f) {
    x.smtpMails++;
    if (!isMm4(m)) {
      return;
    }
    x.pdu(
        new CapturedPdu(
            f.number(),
            f.timestamp(),
            CapturedPdu.Transport.SMTP,
            CapturedPdu.Kind.MM4_MAIL,
            Optional.of(src),
            Optional.of(dst),
            () -> "SMTP DATA " + src + " -> " + dst,
            mailAt,
            m,
            Optional.empty()));
  }

  /** Whether a header field of the header section (up to the first empty line) is X-Mms-Message-Type. */
  static boolean isMm4(byte[] m) {
    int end = Math.min(m.length, MAX_HEADER_SCAN);
    int p = 0;
    while (p < end) {
      if (m[p] == '\n' || (m[p] == '\r' && p + 1 < end && m[p + 1] == '\n')) {
        return false;
      }
      if (field(m, p, end)) {
        return true;
      }
      while (p < end && m[p] != '\n') {
        p++;
      }
      p++;
    }
    return false;
  }

  private static boolean field(byte[] m, int at, int end) {
    if (end - at <= MESSAGE_TYPE.length) {
      return false;
    }
    for (int k = 0; k < MESSAGE_TYPE.length; k++) {
      int c = m[at + k];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != MESSAGE_TYPE[k]) {
        return false;
      }
    }
    int i = at + MESSAGE_TYPE.length;
    while (i < end && (m[i] == ' ' || m[i] == '\t')) {
      i++;
    }
    return i < end && m[i] == ':';
  }

  @Override
  public void abandon() {
    ignore = true;
    line = EMPTY;
    lineLen = 0;
    mail = null;
    mailLen = 0;
  }

  @Override
  public void close(Frame f, boolean clean, String why) {
    if (!ignore && mail != null) {
      x.finding(
          CaptureFindingCodes.SMTP_INCOMPLETE,
          f,
          "SMTP "
              + src
              + " -> "
              + dst
              + ": "
              + why
              + " inside DATA after "
              + (mailLen + lineLen)
              + " octets of mail");
    }
    abandon();
  }
}
