package org.mmsstack.mm4;

import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.internal.Checks;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.internal.mime.ParseContext;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * The one parse path: strict and lenient differ only in what {@link ParseContext} does with a
 * finding of severity ERROR (throw it, or record it). This layer handles what surrounds the mail
 * in a capture (byte-order mark, SMTP dialogue after the lone "." line), types the message and
 * validates it; the MIME tree is parsed by the {@code mime} package.
 */
final class MessageParser {

  private MessageParser() {}

  static Mm4Message parse(byte[] buf, int off, int len, Mm4Config config)
      throws Mm4FormatException {
    ParseContext ctx = new ParseContext(buf, off, config);
    int[] span = span(ctx, off, len);
    int start = span[0];
    int end = span[1];
    MimeEntity root = MimeAccess.get().parse(ctx, start, end);
    Optional<Mm4Header> typeField = root.headers().firstField(Mm4HeaderNames.MESSAGE_TYPE);
    if (typeField.isEmpty()) {
      throw Mm4FormatException.unknownMessageType(1, 0, null);
    }
    Mm4MessageType type = Mm4MessageType.fromToken(typeField.get().value()).orElse(null);
    if (type == null) {
      long at = typeField.get().offset();
      throw Mm4FormatException.unknownMessageType(
          ctx.line((int) (at + off)), at, typeField.get().value());
    }
    Checks.check(
        type,
        root.headers(),
        ctx::report,
        o -> o < 0 ? Finding.NO_LINE : ctx.line((int) (o + off)));
    return create(type, root, ctx.findings());
  }

  /**
   * Reads only the header block of the message: what surrounds the mail in a capture is handled
   * as by {@link #parse}, then the header section is read up to its empty line. The SMTP tail is
   * found by looking backwards over dialogue lines only, so the cost does not grow with the body.
   */
  static Mm4Headers parseHeaders(byte[] buf, int off, int len, Mm4Config config)
      throws Mm4FormatException {
    ParseContext ctx = new ParseContext(buf, off, config);
    int[] span = span(ctx, off, len);
    MimeAccess mime = MimeAccess.get();
    Mm4Headers headers = mime.parseHeaders(ctx, span[0], span[1]);
    return mime.withFindings(headers, ctx.findings());
  }

  /** Skips a byte-order mark and cuts an SMTP tail, reporting both: {start, end} of the mail. */
  private static int[] span(ParseContext ctx, int off, int len) throws Mm4FormatException {
    byte[] buf = ctx.buf;
    Mm4Config config = ctx.config;
    if (len > config.maxMessageSize()) {
      throw Mm4FormatException.limitExceeded("maxMessageSize", config.maxMessageSize(), 0, 0, null);
    }
    int start = off;
    int end = off + len;
    if (len >= 3
        && (buf[off] & 0xff) == 0xEF
        && (buf[off + 1] & 0xff) == 0xBB
        && (buf[off + 2] & 0xff) == 0xBF) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.BYTE_ORDER_MARK,
          off,
          null,
          "UTF-8 byte-order mark before the first header skipped");
      start += 3;
    }
    int cut = dialogueCut(buf, start, end);
    if (cut < end) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.TRAILING_DATA,
          cut,
          null,
          "lone \".\" line and "
              + (end - cut)
              + " octets of SMTP dialogue after the message skipped");
      end = cut;
    }
    return new int[] {start, end};
  }

  static Mm4Message create(Mm4MessageType type, MimeEntity root, List<Finding> findings) {
    switch (type) {
      case FORWARD_REQ:
        return new Mm4ForwardReq(root, findings);
      case FORWARD_RES:
        return new Mm4ForwardRes(root, findings);
      case DELIVERY_REPORT_REQ:
        return new Mm4DeliveryReportReq(root, findings);
      case DELIVERY_REPORT_RES:
        return new Mm4DeliveryReportRes(root, findings);
      case READ_REPLY_REPORT_REQ:
        return new Mm4ReadReplyReportReq(root, findings);
      default:
        return new Mm4ReadReplyReportRes(root, findings);
    }
  }

  /**
   * A capture of SMTP DATA ends with the lone "." line and, often, the rest of the dialogue
   * (QUIT, replies). Looking backwards from the end over dialogue-like lines only keeps the work
   * proportional to that tail; a "." line followed by anything else is message content.
   * Returns where the message ends, or {@code end} if there is no such tail.
   */
  static int dialogueCut(byte[] b, int start, int end) {
    int p = end;
    for (int lines = 0; p > start && lines < 64; lines++) {
      int lineEnd = p;
      if (lineEnd > start && b[lineEnd - 1] == '\n') {
        lineEnd--;
        if (lineEnd > start && b[lineEnd - 1] == '\r') {
          lineEnd--;
        }
      }
      int ls = lineEnd;
      while (ls > start && b[ls - 1] != '\n') {
        ls--;
        if (lineEnd - ls > 512) {
          return end;
        }
      }
      if (lineEnd - ls == 1 && b[ls] == '.') {
        return ls;
      }
      if (!isDialogue(b, ls, lineEnd)) {
        return end;
      }
      p = ls;
    }
    return end;
  }

  private static boolean isDialogue(byte[] b, int from, int to) {
    // The line without surrounding white space (as String.strip reads ISO-8859-1), compared
    // ignoring ASCII case: no string is made per line.
    while (from < to && isWhitespace(b[from])) {
      from++;
    }
    while (to > from && isWhitespace(b[to - 1])) {
      to--;
    }
    int n = to - from;
    if (n == 0) {
      return true;
    }
    if (n >= 3
        && isDigit(b[from])
        && isDigit(b[from + 1])
        && isDigit(b[from + 2])
        && (n == 3 || b[from + 3] == ' ' || b[from + 3] == '-')) {
      return true;
    }
    return is(b, from, to, "QUIT")
        || is(b, from, to, "RSET")
        || is(b, from, to, "NOOP")
        || is(b, from, to, "DATA")
        || startsWith(b, from, to, "HELO ")
        || startsWith(b, from, to, "EHLO ")
        || startsWith(b, from, to, "MAIL FROM:")
        || startsWith(b, from, to, "RCPT TO:");
  }

  /** {@link Character#isWhitespace} of an ISO-8859-1 character. */
  private static boolean isWhitespace(byte c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean is(byte[] b, int from, int to, String upper) {
    return to - from == upper.length() && startsWith(b, from, to, upper);
  }

  /** Whether {@code b[from, to)} starts with {@code upper} (upper-case ASCII), ignoring case. */
  private static boolean startsWith(byte[] b, int from, int to, String upper) {
    if (to - from < upper.length()) {
      return false;
    }
    for (int i = 0; i < upper.length(); i++) {
      int c = b[from + i];
      if (c >= 'a' && c <= 'z') {
        c -= 32;
      }
      if (c != upper.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
