package org.mmsstack.mm4.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.mime.HeaderScanner;
import org.mmsstack.mm4.internal.mime.Params;
import org.mmsstack.mm4.internal.mime.ParseContext;
import org.mmsstack.mm4.internal.mime.RawField;
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
    return entity(ctx, from, to, 0, null);
  }

  /**
   * Parses the entity in {@code [from, to)}. {@code bare}: null for the root, whose own line
   * ends are judged on its body alone; for a body part, whose whole range (header section
   * included) is judged, {@code bare[0]} is set if that range holds a line ended by LF alone.
   */
  private static MimeEntity entity(ParseContext ctx, int from, int to, int depth, boolean[] bare)
      throws Mm4FormatException {
    // A message's own header section holds some 20-40 fields, a body part's a few.
    List<Mm4Header> fields = new ArrayList<>(depth == 0 && bare == null ? 40 : 8);
    int bodyStart = scan(ctx, from, to, fields);
    if (bare != null && !bare[0] && hasBareLineFeed(ctx.buf, from, bodyStart)) {
      bare[0] = true;
    }
    Mm4Headers headers = Mm4Headers.wrap(fields);
    Mm4Header f = headers.field(Mm4HeaderNames.CONTENT_TYPE);
    if (f != null) {
      // Only a multipart's media type is made here (for its boundary); a leaf's is checked on
      // its characters and made when an accessor asks for it.
      int form = mediaTypeForm(f);
      if (form == Params.MULTIPART) {
        // The boundary on the characters where they decide, else from the parsed media type.
        String boundary = Params.simpleParameter(f.value(), "boundary");
        if (boundary == null) {
          boundary = f.contentTypeValue().flatMap(ContentType::boundary).orElse(null);
        }
        return multipart(ctx, headers, boundary, f, bodyStart, to, depth, bare);
      }
      if (form == Params.NOT_A_MEDIA_TYPE) {
        ctx.report(
            Severity.ERROR,
            Mm4FindingCodes.INVALID_VALUE,
            (int) (f.offset() + ctx.base),
            Mm4HeaderNames.CONTENT_TYPE,
            "unreadable Content-Type; the body is taken as text/plain");
      }
    }
    return leaf(ctx, headers, bodyStart, to, bare);
  }

  /**
   * What a Content-Type field holds ({@link Params#mediaTypeForm}), read on its characters, or by
   * parsing it (and keeping the parsed value) where they do not decide.
   */
  static int mediaTypeForm(Mm4Header f) {
    int form = Params.mediaTypeForm(f.value());
    if (form != Params.UNDECIDED) {
      return form;
    }
    Optional<ContentType> t = f.contentTypeValue();
    if (t.isEmpty()) {
      return Params.NOT_A_MEDIA_TYPE;
    }
    return t.get().isMultipart() ? Params.MULTIPART : Params.SINGLE_PART;
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
    RawField src = ctx.fields;
    return HeaderScanner.scan(
        ctx,
        from,
        to,
        (name, start, end, vStart, vEnd, folded, ascii, canonical) ->
            fields.add(Mm4Header.parsed(src, name, start, end, vStart, folded, ascii, canonical)));
  }

  /**
   * A leaf whose body is {@code [from, to)}. {@code bare}: as for {@link #entity}; when it is
   * already set, the header section of the part held a line ended by LF alone.
   */
  private static MimeEntity leaf(
      ParseContext ctx, Mm4Headers headers, int from, int to, boolean[] bare)
      throws Mm4FormatException {
    byte[] b = ctx.buf;
    boolean headerBare = bare != null && bare[0];
    Mm4Header cte = headers.field(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING);
    TransferEncoding te = TransferEncoding.SEVEN_BIT;
    if (cte != null) {
      TransferEncoding t = TransferEncoding.forToken(cte.value());
      if (t == null) {
        ctx.report(
            Severity.ERROR,
            Mm4FindingCodes.UNKNOWN_TRANSFER_ENCODING,
            (int) (cte.offset() + ctx.base),
            Mm4HeaderNames.CONTENT_TRANSFER_ENCODING,
            "unknown transfer encoding \"" + Syntax.clip(cte.value()) + "\"; data kept encoded");
      } else {
        te = t;
      }
    }
    switch (te) {
      case BASE64:
      case QUOTED_PRINTABLE:
        if (!ctx.config.checkBodies()) {
          // Located only: checked and decoded when read (the writer asks for the line ends).
          mark(bare, headerBare);
          LazyData.Kind kind =
              te == TransferEncoding.BASE64 ? LazyData.Kind.BASE64 : LazyData.Kind.QUOTED_PRINTABLE;
          LazyData d = LazyData.deferred(b, from, to, kind, ctx.base, ctx.config);
          return MimeEntity.parsedLeaf(headers, d, headerBare ? null : b, from, to - from);
        }
        break;
      default:
        break;
    }
    switch (te) {
      case BASE64:
        {
          // Checked now (findings, strict failures, the decoded size); decoded on first read.
          // The line ends are judged in the same pass as the alphabet.
          boolean[] bodyBare = {false};
          int size = TransferDecoding.base64Size(ctx, from, to, bodyBare);
          boolean bareLf = headerBare || bodyBare[0];
          mark(bare, bareLf);
          byte[] raw = bareLf ? null : b;
          LazyData d = new LazyData(b, from, to, LazyData.Kind.BASE64, size);
          return MimeEntity.parsedLeaf(headers, d, raw, from, to - from);
        }
      case QUOTED_PRINTABLE:
        {
          int size = TransferDecoding.quotedPrintableSize(ctx, from, to);
          boolean bareLf = headerBare || hasBareLineFeed(b, from, to);
          mark(bare, bareLf);
          byte[] raw = bareLf ? null : b;
          LazyData d = new LazyData(b, from, to, LazyData.Kind.QUOTED_PRINTABLE, size);
          return MimeEntity.parsedLeaf(headers, d, raw, from, to - from);
        }
      case SEVEN_BIT:
      case EIGHT_BIT:
        {
          boolean bareLf = headerBare || hasBareLineFeed(b, from, to);
          mark(bare, bareLf);
          if (bareLf) {
            // 7bit and 8bit data is CRLF lines (RFC 2045 §2.7-2.8); a capture stored with LF
            // line ends is restored to that canonical form, in the one copy the data gets (on
            // first read).
            int size = LazyData.crlfSize(b, from, to);
            LazyData d = new LazyData(b, from, to, LazyData.Kind.LINE_FEEDS_TO_CRLF, size);
            return MimeEntity.parsedLeaf(headers, d, null, 0, 0);
          }
          return MimeEntity.parsedLeaf(headers, b, from, to - from, b, from, to - from);
        }
      default:
        {
          // Identity encodings: the data is a view of the input.
          boolean bareLf = headerBare || hasBareLineFeed(b, from, to);
          mark(bare, bareLf);
          byte[] raw = bareLf ? null : b;
          return MimeEntity.parsedLeaf(headers, b, from, to - from, raw, from, to - from);
        }
    }
  }

  private static MimeEntity multipart(
      ParseContext ctx,
      Mm4Headers headers,
      String boundary,
      Mm4Header ctField,
      int from,
      int to,
      int depth,
      boolean[] bare)
      throws Mm4FormatException {
    int ctPos = (int) (ctField.offset() + ctx.base);
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
    Mm4Header cte = headers.field(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING);
    TransferEncoding te = cte == null ? null : TransferEncoding.forToken(cte.value());
    if (cte != null && (te == null || !te.isIdentity())) {
      ctx.report(
          Severity.ERROR,
          Mm4FindingCodes.INVALID_VALUE,
          ctPos,
          Mm4HeaderNames.CONTENT_TRANSFER_ENCODING,
          "a multipart must be 7bit, 8bit or binary (RFC 2045 §6.4); ignored");
    }
    byte[] b = ctx.buf;
    byte[] delim = delimiter(boundary);
    // {start, end, last line bare (1 or 0)} of each part, three ints a part in one array.
    int[] ranges = new int[12];
    int count = 0;
    // Any line of this body (up to the close delimiter) ended by LF alone; the parts and the
    // whole range (with the epilogue, for the enclosing multipart) are judged separately.
    boolean[] partBare = {false};
    boolean anyBare = false;
    int partStart = -1;
    boolean closed = false;
    int pos = from;
    int delimEnd = to;
    // Delimiter lines only: the first line, then every "\n--boundary" found by one search, the
    // boundary compared only where the search stops (no work per line of the parts between).
    byte[] shift = shifts(delim);
    int at = lineStartsWith(b, from, to, delim) ? from : find(b, from, to, delim, shift);
    while (at >= 0) {
      int lf = HeaderScanner.indexOf(b, (byte) '\n', at + delim.length, to);
      int lineEnd = lf < 0 ? to : lf;
      int k = at + delim.length;
      boolean close = k + 1 < lineEnd && b[k] == '-' && b[k + 1] == '-';
      if (close) {
        k += 2;
      }
      if (!isPadding(b, k, lineEnd)) {
        at = find(b, at, to, delim, shift);
        continue;
      }
      boolean lineBare = lf >= 0 && (lf == at || b[lf - 1] != '\r');
      if (lineBare) {
        ctx.bareLineFeed(lf);
        anyBare = true;
      }
      // The line before the delimiter: the preamble's or the part's last line, its LF cut off.
      int before = at - 1;
      boolean lastBare =
          before >= pos && b[before] == '\n' && (before == pos || b[before - 1] != '\r');
      if (partStart < 0) {
        if (lastBare || hasBareLineFeed(b, from, Math.max(from, before))) {
          anyBare = true;
        }
      } else {
        int partEnd = at;
        if (partEnd - 1 >= partStart && b[partEnd - 1] == '\n') {
          partEnd--;
          if (partEnd - 1 >= partStart && b[partEnd - 1] == '\r') {
            partEnd--;
          }
        }
        ctx.countPart(partStart);
        if (3 * count + 3 > ranges.length) {
          ranges = java.util.Arrays.copyOf(ranges, 2 * ranges.length);
        }
        ranges[3 * count] = partStart;
        ranges[3 * count + 1] = partEnd;
        ranges[3 * count + 2] = lastBare ? 1 : 0;
        count++;
        if (lastBare) {
          anyBare = true;
        }
      }
      if (close) {
        closed = true;
        delimEnd = lf < 0 ? to : lf + 1;
        break;
      }
      partStart = lf < 0 ? to : lf + 1;
      pos = partStart;
      at = lineStartsWith(b, pos, to, delim) ? pos : find(b, pos, to, delim, shift);
    }
    if (!closed) {
      if (partStart < 0) {
        throw Mm4FormatException.emptyMultipart(ctx.line(from), ctx.offset(from), boundary);
      }
      throw Mm4FormatException.unterminatedMultipart(ctx.line(to), ctx.offset(to), boundary);
    }
    if (count == 0) {
      throw Mm4FormatException.emptyMultipart(ctx.line(from), ctx.offset(from), boundary);
    }
    // The parts in an array of their number, made into the entity's list by one copy
    // (List.copyOf of an ArrayList copies its array twice; of this list, not at all).
    MimeEntity[] parts = new MimeEntity[count];
    for (int i = 0; i < count; i++) {
      partBare[0] = ranges[3 * i + 2] == 1;
      parts[i] = entity(ctx, ranges[3 * i], ranges[3 * i + 1], depth + 1, partBare);
      if (partBare[0]) {
        anyBare = true;
      }
    }
    if (bare != null) {
      mark(bare, anyBare || hasBareLineFeed(b, delimEnd, to));
    }
    byte[] raw = anyBare || ctx.sawBareLineFeed() ? null : b;
    return MimeEntity.parsedMultipart(headers, List.of(parts), raw, from, to - from);
  }

  /**
   * The octets of "--" and the boundary in ISO-8859-1, in one array (no string made for them); a
   * boundary with a character beyond it (an invalid one, reported) is encoded as that charset
   * encodes it.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exact for Latin-1
  private static byte[] delimiter(String boundary) {
    for (int i = 0; i < boundary.length(); i++) {
      if (boundary.charAt(i) > 0xff) {
        return ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    byte[] delim = new byte[boundary.length() + 2];
    delim[0] = '-';
    delim[1] = '-';
    boundary.getBytes(0, boundary.length(), delim, 2);
    return delim;
  }

  /** Sets {@code bare[0]} when {@code bareLf} holds (and there is a {@code bare}). */
  private static void mark(boolean[] bare, boolean bareLf) {
    if (bare != null && bareLf) {
      bare[0] = true;
    }
  }

  /**
   * Whether {@code [from, to)} holds a line feed without a carriage return before it; the octet
   * before {@code from} is not looked at (a line feed at {@code from} counts as bare).
   */
  static boolean hasBareLineFeed(byte[] b, int from, int to) {
    for (int i = HeaderScanner.indexOf(b, (byte) '\n', from, to);
        i >= 0;
        i = HeaderScanner.indexOf(b, (byte) '\n', i + 1, to)) {
      if (i == from || b[i - 1] != '\r') {
        return true;
      }
    }
    return false;
  }

  private static boolean lineStartsWith(byte[] b, int pos, int to, byte[] delim) {
    return to - pos >= delim.length && startsWith(b, pos, delim);
  }

  /**
   * The shifts of a Horspool search for LF followed by {@code delim}, indexed by the octet under
   * the last position of the pattern: the pattern's length for an octet it does not hold (every
   * base64 character but those of the boundary: base64 holds no '-'), the distance from that
   * octet's last place before the end otherwise. Capped at 127 to fit an octet; a smaller shift
   * only costs a step.
   */
  private static byte[] shifts(byte[] delim) {
    int m = delim.length + 1;
    byte[] shift = new byte[256];
    java.util.Arrays.fill(shift, (byte) Math.min(m, 127));
    shift['\n'] = (byte) Math.min(m - 1, 127);
    for (int i = 0; i < delim.length - 1; i++) {
      shift[delim[i] & 0xff] = (byte) Math.min(m - 2 - i, 127);
    }
    return shift;
  }

  /**
   * The start of the first {@code delim} at or after {@code from + 1} that begins a line (follows
   * a line feed at or after {@code from}), or -1: the boundary is compared only where the search
   * stops, not on every line.
   */
  private static int find(byte[] b, int from, int to, byte[] delim, byte[] shift) {
    int m = delim.length + 1;
    byte last = delim[delim.length - 1];
    for (int i = from; i + m <= to; ) {
      byte c = b[i + m - 1];
      if (c == last && b[i] == '\n' && startsWith(b, i + 1, delim)) {
        return i + 1;
      }
      i += shift[c & 0xff];
    }
    return -1;
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
