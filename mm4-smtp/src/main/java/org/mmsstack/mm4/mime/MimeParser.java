package org.mmsstack.mm4.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.mime.HeaderScanner;
import org.mmsstack.mm4.internal.mime.ParseContext;
import org.mmsstack.mm4.internal.mime.Syntax;
import org.mmsstack.mm4.internal.mime.TransferDecoding;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * Parses the MIME tree of a message: header sections, multipart bodies, transfer decoding.
 * Structure is checked eagerly (every offset error surfaces here); typed header values are read
 * lazily by the accessors. One path for strict and lenient parsing: {@link ParseContext} decides
 * what a finding does.
 */
final class MimeParser {

  private MimeParser() {}

  /** Parses the entity in {@code [from, to)} of the context's input as the root of a message. */
  static MimeEntity parse(ParseContext ctx, int from, int to) throws Mm4FormatException {
    return entity(ctx, from, to, 0, -1);
  }

  /**
   * Parses the entity in {@code [from, to)}. {@code bareLf}: 1 if the body is known to hold a
   * line ended by LF alone, 0 if known not to, -1 if not yet known.
   */
  private static MimeEntity entity(ParseContext ctx, int from, int to, int depth, int bareLf)
      throws Mm4FormatException {
    List<Mm4Header> fields = new ArrayList<>(16);
    int bodyStart = scan(ctx, from, to, fields);
    Mm4Headers headers = Mm4Headers.wrap(fields);
    Optional<Mm4Header> ctField = headers.firstField(Mm4HeaderNames.CONTENT_TYPE);
    MediaType ct = MediaType.DEFAULT;
    if (ctField.isPresent()) {
      Optional<MediaType> parsed = ctField.get().mediaTypeValue();
      if (parsed.isPresent()) {
        ct = parsed.get();
      } else {
        ctx.report(
            Severity.ERROR,
            Mm4FindingCodes.INVALID_VALUE,
            (int) (ctField.get().offset() + ctx.base),
            Mm4HeaderNames.CONTENT_TYPE,
            "unreadable Content-Type; the body is taken as text/plain");
      }
    }
    if (ct.isMultipart()) {
      return multipart(ctx, headers, ct, ctField.get(), bodyStart, to, depth);
    }
    return leaf(ctx, headers, bodyStart, to, bareLf);
  }

  /**
   * Parses only the header section at {@code from}: it stops at the empty line, so the cost does
   * not depend on what follows. The findings are those of the context so far.
   */
  static Mm4Headers headers(ParseContext ctx, int from, int to) throws Mm4FormatException {
    List<Mm4Header> fields = new ArrayList<>(16);
    scan(ctx, from, to, fields);
    return Mm4Headers.wrap(fields);
  }

  /** Scans a header section into {@code fields}: returns where the body starts. */
  private static int scan(ParseContext ctx, int from, int to, List<Mm4Header> fields)
      throws Mm4FormatException {
    byte[] b = ctx.buf;
    return HeaderScanner.scan(
        ctx,
        from,
        to,
        (name, start, end, vStart, vEnd, folded, ascii, canonical) ->
            fields.add(
                Mm4Header.parsed(
                    b,
                    name,
                    start,
                    end,
                    vStart,
                    vEnd,
                    folded,
                    ascii,
                    canonical,
                    ctx.offset(start))));
  }

  private static MimeEntity leaf(ParseContext ctx, Mm4Headers headers, int from, int to, int bareLf)
      throws Mm4FormatException {
    byte[] b = ctx.buf;
    if (bareLf < 0) {
      bareLf = 0;
      for (int i = from; i < to; i++) {
        if (b[i] == '\n' && (i == from || b[i - 1] != '\r')) {
          bareLf = 1;
          break;
        }
      }
    }
    byte[] raw = bareLf == 0 ? b : null;
    Optional<Mm4Header> cte = headers.firstField(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING);
    TransferEncoding te = TransferEncoding.SEVEN_BIT;
    if (cte.isPresent()) {
      Optional<TransferEncoding> t = TransferEncoding.fromToken(cte.get().value());
      if (t.isEmpty()) {
        ctx.report(
            Severity.ERROR,
            Mm4FindingCodes.UNKNOWN_TRANSFER_ENCODING,
            (int) (cte.get().offset() + ctx.base),
            Mm4HeaderNames.CONTENT_TRANSFER_ENCODING,
            "unknown transfer encoding \""
                + Syntax.clip(cte.get().value())
                + "\"; data kept encoded");
      } else {
        te = t.get();
      }
    }
    switch (te) {
      case BASE64:
        {
          // Checked now (findings, strict failures, the decoded size); decoded on first read.
          int size = TransferDecoding.base64Size(ctx, from, to);
          LazyData d = new LazyData(b, from, to, LazyData.Kind.BASE64, size);
          return MimeEntity.parsedLeaf(headers, d, raw, from, to - from);
        }
      case QUOTED_PRINTABLE:
        {
          int size = TransferDecoding.quotedPrintableSize(ctx, from, to);
          LazyData d = new LazyData(b, from, to, LazyData.Kind.QUOTED_PRINTABLE, size);
          return MimeEntity.parsedLeaf(headers, d, raw, from, to - from);
        }
      case SEVEN_BIT:
      case EIGHT_BIT:
        if (bareLf == 1) {
          // 7bit and 8bit data is CRLF lines (RFC 2045 §2.7-2.8); a capture stored with LF line
          // ends is restored to that canonical form, in the one copy the data gets (on first read).
          int size = LazyData.crlfSize(b, from, to);
          LazyData d = new LazyData(b, from, to, LazyData.Kind.LINE_FEEDS_TO_CRLF, size);
          return MimeEntity.parsedLeaf(headers, d, null, 0, 0);
        }
        return MimeEntity.parsedLeaf(headers, b, from, to - from, raw, from, to - from);
      default:
        // Identity encodings: the data is a view of the input.
        return MimeEntity.parsedLeaf(headers, b, from, to - from, raw, from, to - from);
    }
  }

  private static MimeEntity multipart(
      ParseContext ctx,
      Mm4Headers headers,
      MediaType ct,
      Mm4Header ctField,
      int from,
      int to,
      int depth)
      throws Mm4FormatException {
    int ctPos = (int) (ctField.offset() + ctx.base);
    String boundary = ct.boundary().orElse(null);
    if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
      throw Mm4FormatException.missingBoundary(ctx.line(ctPos), ctField.offset(), ctField.value());
    }
    if (boundary.length() > 70 || !Boundaries.isValid(boundary)) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.MISSING_BOUNDARY,
          ctPos,
          Mm4HeaderNames.CONTENT_TYPE,
          "boundary breaks RFC 2046 (length 1-70, bchars only)");
    }
    if (depth + 1 > ctx.config.maxNestingDepth()) {
      throw Mm4FormatException.limitExceeded(
          "maxNestingDepth",
          ctx.config.maxNestingDepth(),
          ctx.line(ctPos),
          ctField.offset(),
          Mm4HeaderNames.CONTENT_TYPE);
    }
    Optional<String> cte = headers.first(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING);
    if (cte.isPresent()
        && !TransferEncoding.fromToken(cte.get()).map(TransferEncoding::isIdentity).orElse(false)) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.INVALID_VALUE,
          ctPos,
          Mm4HeaderNames.CONTENT_TRANSFER_ENCODING,
          "a multipart must be 7bit, 8bit or binary (RFC 2045 §6.4); ignored");
    }
    byte[] b = ctx.buf;
    byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<int[]> ranges = new ArrayList<>();
    int partStart = -1;
    boolean partBare = false;
    boolean anyBare = false;
    boolean closed = false;
    int pos = from;
    while (pos < to) {
      int lf = HeaderScanner.indexOf(b, (byte) '\n', pos, to);
      int lineEnd = lf < 0 ? to : lf;
      boolean lineBare = lf >= 0 && (lf == pos || b[lf - 1] != '\r');
      if (lineEnd - pos >= delim.length && b[pos] == '-' && startsWith(b, pos, delim)) {
        int k = pos + delim.length;
        boolean close = k + 1 < lineEnd && b[k] == '-' && b[k + 1] == '-';
        if (close) {
          k += 2;
        }
        if (isPadding(b, k, lineEnd)) {
          if (lineBare) {
            ctx.bareLineFeed(lf);
            anyBare = true;
          }
          if (partStart >= 0) {
            int partEnd = pos;
            if (partEnd - 1 >= partStart && b[partEnd - 1] == '\n') {
              partEnd--;
              if (partEnd - 1 >= partStart && b[partEnd - 1] == '\r') {
                partEnd--;
              }
            }
            ctx.countPart(partStart);
            ranges.add(new int[] {partStart, partEnd, partBare ? 1 : 0});
          }
          if (close) {
            closed = true;
            break;
          }
          partStart = lf < 0 ? to : lf + 1;
          partBare = false;
          pos = partStart;
          continue;
        }
      }
      if (lineBare) {
        partBare = true;
        anyBare = true;
      }
      pos = lf < 0 ? to : lf + 1;
    }
    if (!closed) {
      if (partStart < 0) {
        throw Mm4FormatException.emptyMultipart(ctx.line(from), ctx.offset(from), boundary);
      }
      throw Mm4FormatException.unterminatedMultipart(ctx.line(to), ctx.offset(to), boundary);
    }
    if (ranges.isEmpty()) {
      throw Mm4FormatException.emptyMultipart(ctx.line(from), ctx.offset(from), boundary);
    }
    List<MimeEntity> parts = new ArrayList<>(ranges.size());
    for (int[] r : ranges) {
      parts.add(entity(ctx, r[0], r[1], depth + 1, r[2]));
    }
    byte[] raw = anyBare || ctx.sawBareLineFeed() ? null : b;
    return MimeEntity.parsedMultipart(headers, parts, raw, from, to - from);
  }

  private static boolean startsWith(byte[] b, int pos, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[pos + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** RFC 2046 transport padding: only white space (and the CR of the line end) after a delimiter. */
  private static boolean isPadding(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t' && !(b[i] == '\r' && i == to - 1)) {
        return false;
      }
    }
    return true;
  }
}
