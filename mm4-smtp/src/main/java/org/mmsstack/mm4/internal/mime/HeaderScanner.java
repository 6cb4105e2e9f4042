package org.mmsstack.mm4.internal.mime;

import java.nio.charset.StandardCharsets;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * Reads one header section (RFC 5322 §2.2, §3.2.2): field lines, folded continuation lines, up to
 * and including the empty line that ends it. LF-only line ends are accepted and reported.
 */
public final class HeaderScanner {

  private HeaderScanner() {}

  /** Where the scanner puts each field it reads (see {@link RawField} for the parameters). */
  @FunctionalInterface
  public interface Sink {
    /** Takes one field, handed over as its parts so that nothing is made per field. */
    void field(
        String name,
        int start,
        int end,
        int valueStart,
        int valueEnd,
        boolean folded,
        boolean ascii,
        boolean canonical);
  }

  /**
   * Scans the header section at {@code pos}; the section ends at an empty line (the body starts
   * after it) or at {@code end} (no body). Each field goes to {@code fields} in order; the
   * values are located, not copied (see {@link RawField}).
   *
   * @return where the body starts
   */
  public static int scan(ParseContext ctx, int pos, int end, Sink fields)
      throws Mm4FormatException {
    byte[] b = ctx.buf;
    int maxLine = ctx.config.maxLineLength();
    int maxFields = ctx.config.maxHeaders();
    int count = 0;
    int fieldStart = -1;
    int colon = -1;
    boolean canonical = true;
    while (pos < end) {
      int lf = indexOf(b, (byte) '\n', pos, end);
      int lineEnd = lf < 0 ? end : lf;
      int contentEnd = lineEnd;
      if (lf >= 0) {
        if (lf > pos && b[lf - 1] == '\r') {
          contentEnd = lf - 1;
        } else {
          ctx.bareLineFeed(lf);
          canonical = false;
        }
      } else {
        // The section runs to the end of the input without a line end: not canonical CRLF.
        canonical = false;
      }
      if (contentEnd - pos > maxLine) {
        throw Mm4FormatException.limitExceeded(
            "maxLineLength",
            maxLine,
            ctx.line(pos),
            ctx.offset(pos),
            longLineHeader(b, pos, contentEnd, fieldStart, colon));
      }
      int next = lf < 0 ? end : lf + 1;
      if (contentEnd == pos) {
        // The empty line: the header section ends here.
        if (fieldStart >= 0) {
          field(ctx, fieldStart, colon, pos, canonical, fields);
        }
        return next;
      }
      byte first = b[pos];
      if (first == ' ' || first == '\t') {
        if (fieldStart < 0) {
          throw Mm4FormatException.badFolding(ctx.line(pos), ctx.offset(pos), null);
        }
        if (isAllWsp(b, pos, contentEnd)) {
          // obs-FWS (RFC 5322 §4.2): a folded line of white space only.
          ctx.report(
              Severity.ERROR,
              Mm4FindingCodes.BAD_FOLDING,
              pos,
              name(b, fieldStart, colon),
              "continuation line holds only white space");
        }
        pos = next;
        continue;
      }
      if (fieldStart >= 0) {
        field(ctx, fieldStart, colon, pos, canonical, fields);
      }
      if (count++ >= maxFields) {
        throw Mm4FormatException.limitExceeded(
            "maxHeaders", maxFields, ctx.line(pos), ctx.offset(pos), null);
      }
      colon = indexOf(b, (byte) ':', pos, contentEnd);
      int nameEnd = colon;
      if (colon > pos) {
        // obs-optional (RFC 5322 §4.5.3): white space before the colon.
        while (nameEnd > pos && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) {
          nameEnd--;
        }
        if (nameEnd < colon) {
          ctx.report(
              Severity.ERROR,
              Mm4FindingCodes.MISSING_COLON,
              pos,
              new String(b, pos, nameEnd - pos, StandardCharsets.ISO_8859_1),
              "white space between field name and colon");
        }
      }
      if (colon <= pos || nameEnd == pos || !isFieldName(b, pos, nameEnd)) {
        throw Mm4FormatException.missingColon(ctx.line(pos), ctx.offset(pos));
      }
      fieldStart = pos;
      canonical = lf >= 0 && contentEnd == lf - 1;
      pos = next;
    }
    if (fieldStart >= 0) {
      field(ctx, fieldStart, colon, end, canonical, fields);
    }
    return end;
  }

  /**
   * The header an over-long line belongs to: the field it continues, or the field it starts (its
   * name when the line has one before a colon), never the field before it.
   */
  private static String longLineHeader(
      byte[] b, int pos, int contentEnd, int fieldStart, int colon) {
    if (b[pos] == ' ' || b[pos] == '\t') {
      return fieldStart >= 0 ? name(b, fieldStart, colon) : null;
    }
    int c = indexOf(b, (byte) ':', pos, contentEnd);
    if (c <= pos) {
      return null;
    }
    String n = name(b, pos, c);
    return !n.isEmpty() && isFieldName(b, pos, pos + n.length()) ? n : null;
  }

  private static void field(
      ParseContext ctx, int start, int colon, int end, boolean canonical, Sink sink)
      throws Mm4FormatException {
    byte[] b = ctx.buf;
    String name = name(b, start, colon);
    // Value: after the colon up to the final line end, without surrounding white space; the
    // line ends of folds inside it are removed when it is read.
    int vStart = colon + 1;
    int vEnd = end;
    while (vEnd > vStart && isWspOrLineEnd(b[vEnd - 1])) {
      vEnd--;
    }
    while (vStart < vEnd && isWspOrLineEnd(b[vStart])) {
      vStart++;
    }
    boolean folded = false;
    boolean ascii = true;
    for (int i = vStart; i < vEnd; i++) {
      byte c = b[i];
      if (c == '\n' || c == '\r') {
        folded = true;
      } else if (c < 0) {
        ascii = false;
      }
    }
    if (!ascii && !Utf8.isValid(b, vStart, vEnd)) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.BAD_HEADER_BYTES,
          start,
          name,
          "header value is not valid UTF-8; invalid bytes replaced");
    }
    sink.field(name, start, end, vStart, vEnd, folded, ascii, canonical);
  }

  static boolean isWspOrLineEnd(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static String name(byte[] b, int start, int colon) {
    int e = colon;
    while (e > start && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    return KnownNames.name(b, start, e);
  }

  /** RFC 5322 §3.6.8 ftext: printable US-ASCII except colon. */
  private static boolean isFieldName(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (c < 33 || c > 126 || c == ':') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAllWsp(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Index of {@code v} in {@code b[from, to)}, or -1. */
  public static int indexOf(byte[] b, byte v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
