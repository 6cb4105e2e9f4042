package org.mmsstack.mm4.internal.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * Reads one header section (RFC 5322 §2.2, §3.2.2): field lines, folded continuation lines, up to
 * and including the empty line that ends it. LF-only line ends are accepted and reported.
 */
public final class HeaderScanner {

  private HeaderScanner() {}

  /** The fields of a header section and where its body starts. */
  public record Section(List<RawField> fields, int bodyStart) {}

  /**
   * Scans the header section at {@code pos}; the section ends at an empty line (the body starts
   * after it) or at {@code end} (no body).
   */
  public static Section scan(ParseContext ctx, int pos, int end) throws Mm4FormatException {
    byte[] b = ctx.buf;
    int maxLine = ctx.config.maxLineLength();
    int maxFields = ctx.config.maxHeaderCount();
    List<RawField> fields = new ArrayList<>(Math.min(32, maxFields));
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
          fields.add(field(ctx, fieldStart, colon, pos, canonical));
        }
        return new Section(fields, next);
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
        fields.add(field(ctx, fieldStart, colon, pos, canonical));
      }
      if (fields.size() >= maxFields) {
        throw Mm4FormatException.limitExceeded(
            "maxHeaderCount", maxFields, ctx.line(pos), ctx.offset(pos), null);
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
      fields.add(field(ctx, fieldStart, colon, end, canonical));
    }
    return new Section(fields, end);
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

  private static RawField field(ParseContext ctx, int start, int colon, int end, boolean canonical)
      throws Mm4FormatException {
    byte[] b = ctx.buf;
    String name = name(b, start, colon);
    // Value: after the colon up to the final line end, with the line ends of folds removed.
    int vEnd = end;
    if (vEnd > start && b[vEnd - 1] == '\n') {
      vEnd--;
      if (vEnd > colon && b[vEnd - 1] == '\r') {
        vEnd--;
      }
    }
    int vStart = colon + 1;
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
    String value;
    if (!folded && ascii) {
      value = new String(b, vStart, vEnd - vStart, StandardCharsets.ISO_8859_1);
    } else {
      byte[] v = b;
      int off = vStart;
      int len = vEnd - vStart;
      if (folded) {
        v = new byte[len];
        int n = 0;
        for (int i = vStart; i < vEnd; i++) {
          byte c = b[i];
          if (c == '\r' || c == '\n') {
            continue; // a fold's line end, or a stray CR, which no header value may hold
          }
          v[n++] = c;
        }
        off = 0;
        len = n;
      }
      value =
          ascii
              ? new String(v, off, len, StandardCharsets.ISO_8859_1)
              : utf8(ctx, v, off, len, start, name);
    }
    return new RawField(name, strip(value), start, end, canonical);
  }

  private static String utf8(ParseContext ctx, byte[] v, int off, int len, int pos, String name)
      throws Mm4FormatException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(v, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.BAD_HEADER_BYTES,
          pos,
          name,
          "header value is not valid UTF-8; invalid bytes replaced");
      return new String(v, off, len, StandardCharsets.UTF_8);
    }
  }

  private static String strip(String s) {
    int a = 0;
    int z = s.length();
    while (a < z && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
      a++;
    }
    while (z > a && (s.charAt(z - 1) == ' ' || s.charAt(z - 1) == '\t')) {
      z--;
    }
    return a == 0 && z == s.length() ? s : s.substring(a, z);
  }

  private static String name(byte[] b, int start, int colon) {
    int e = colon;
    while (e > start && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    return new String(b, start, e - start, StandardCharsets.ISO_8859_1);
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
