package org.mmsstack.encapsulation.body;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduFormatException.Reason;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.internal.FrozenList;
import org.mmsstack.encapsulation.internal.PlainValues;
import org.mmsstack.encapsulation.internal.Texts;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.WireChecks;
import org.mmsstack.encapsulation.internal.wire.Findings;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.internal.wire.WspWriter;
import org.mmsstack.encapsulation.validate.FindingCodes;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.RawValue;

/** Decodes and encodes multipart bodies and part headers. */
final class BodyCodec {

  static final int NO_LIMIT = Integer.MAX_VALUE;

  private BodyCodec() {}

  static MultipartBody decodeMultipart(
      byte[] src, int base, int off, int len, DecodeConfig cfg, int depth)
      throws PduFormatException {
    // Made only when an entry needs the full reader or the count is off: most bodies have no
    // finding, and all of their entries are plain.
    Findings f = null;
    int end = off + len;
    int maxText = cfg.maxTextLength();
    int pos = PlainValues.uintvarEnd(src, off, end);
    long announced;
    if (pos >= 0 && pos - off <= 4) { // up to 28 bits: always a valid count
      announced = PlainValues.uintvarValue(src, off);
    } else { // the reader explains what is wrong with it
      WspReader count = new WspReader(src, base, off, len);
      count.header("multipart body");
      announced = count.readUintvar();
      pos = count.index();
    }
    if (announced > cfg.maxParts()) {
      throw PduFormatException.of(
          Reason.LIMIT_EXCEEDED,
          off - base,
          "multipart body",
          "multipart announces "
              + announced
              + " entries, more than "
              + cfg.maxParts()
              + " (DecodeConfig.maxParts)");
    }
    // Each entry needs at least 3 octets: an announced count the input cannot hold is not trusted
    // for sizing anything. Entries are recorded as four indexes each (MultipartBody.entries);
    // their Part objects are made when someone asks for them.
    int[] entries = new int[ENTRY * (int) Math.min(Math.min(announced, (end - pos) / 3) + 1, 16)];
    int n = 0;
    int maxParts = cfg.maxParts();
    while (n < announced || pos < end) {
      if (pos >= end) {
        long said = announced;
        int held = n;
        f = f != null ? f : new Findings(cfg.strict());
        f.report(
            Severity.ERROR,
            Reason.MALFORMED_MULTIPART,
            pos - base,
            "multipart body",
            FindingCodes.MULTIPART_COUNT_MISMATCH,
            () -> "multipart announces " + said + " entries but holds " + held);
        break;
      }
      if (n >= maxParts) {
        throw PduFormatException.of(
            Reason.LIMIT_EXCEEDED,
            pos - base,
            "multipart body",
            "multipart holds more than " + maxParts + " entries (DecodeConfig.maxParts)");
      }
      if (ENTRY * n == entries.length) {
        entries = java.util.Arrays.copyOf(entries, 2 * entries.length);
      }
      // The plain case in line (see PlainValues): the two lengths, a plain content type and plain
      // part headers. Anything else is read again by the full reader, which reports it.
      int dataLenAt = PlainValues.uintvarEnd(src, pos, end);
      int lengthsEnd = dataLenAt < 0 ? -1 : PlainValues.uintvarEnd(src, dataLenAt, end);
      if (lengthsEnd >= 0) {
        long headersLen = PlainValues.uintvarValue(src, pos);
        long dataLen = PlainValues.uintvarValue(src, dataLenAt);
        if (headersLen > 0 && headersLen + dataLen <= end - lengthsEnd) {
          int headEnd = lengthsEnd + (int) headersLen;
          int ctEnd = PlainValues.contentType(src, lengthsEnd, headEnd, maxText);
          if (ctEnd >= 0 && plainPartHeaders(src, ctEnd, headEnd, maxText)) {
            pos = headEnd + (int) dataLen;
            entries[ENTRY * n] = lengthsEnd;
            entries[ENTRY * n + 1] = ctEnd; // the part's head is read from the array, from here
            entries[ENTRY * n + 2] = headEnd;
            entries[ENTRY * n + 3] = pos;
            n++;
            continue;
          }
        }
      }
      f = f != null ? f : new Findings(cfg.strict());
      pos = decodeEntry(src, base, pos, end, n, entries, f, cfg);
      n++;
    }
    if (n > announced) {
      long said = announced;
      int held = n;
      f = f != null ? f : new Findings(cfg.strict());
      f.report(
          Severity.WARNING,
          Reason.MALFORMED_MULTIPART,
          off - base,
          "multipart body",
          FindingCodes.MULTIPART_COUNT_MISMATCH,
          () -> "multipart announces " + said + " entries but holds " + held + " (all kept)");
    }
    return new MultipartBody(
        f != null ? f.toList() : List.of(), src, base, off, off + len, entries, n, depth);
  }

  /**
   * Decodes {@code src[off, off + len)}, the data of a part of a body nested {@code depth} deep,
   * as a multipart body one level deeper, within {@link DecodeConfig#maxNestingDepth()}.
   */
  static MultipartBody decodeNested(
      byte[] src, int base, int off, int len, DecodeConfig cfg, int depth)
      throws PduFormatException {
    if (depth + 1 > cfg.maxNestingDepth()) {
      throw PduFormatException.of(
          Reason.LIMIT_EXCEEDED,
          off - base,
          null,
          "multipart nested deeper than "
              + cfg.maxNestingDepth()
              + " (DecodeConfig.maxNestingDepth)");
    }
    return decodeMultipart(src, base, off, len, cfg, depth + 1);
  }

  /**
   * The number of ints per entry in {@link MultipartBody}'s {@code entries}: the content type's
   * start, its end when the whole head is plain (else -1), the data's start and end.
   */
  static final int ENTRY = 4;

  /** The parts of a decoded body: {@code count} entries recorded by {@link #decodeMultipart}. */
  static List<Part> parts(byte[] src, int base, int[] entries, int count, int depth) {
    Part[] parts = new Part[count];
    ByteBuffer whole =
        ByteBuffer.wrap(src).asReadOnlyBuffer(); // each part's data() is one slice of it
    for (int k = 0; k < count; k++) {
      int e = ENTRY * k;
      parts[k] =
          new Part(
              src, whole, base, entries[e], entries[e + 1], entries[e + 2], entries[e + 3], depth);
    }
    return FrozenList.owning(parts); // the array is made here and never changed: no copy
  }

  /**
   * Whether the part headers in {@code src[pos, end)} are all plain: Content-Location and
   * Content-ID as Text-strings (Content-ID also as a Quoted-string without a closing quote),
   * Content-Disposition with a well-known type and plain parameters ({@link
   * PlainValues#contentDisposition}), other well-known headers with a short value, and textual
   * headers with text values. Anything odd goes to the full reader.
   */
  static boolean plainPartHeaders(byte[] src, int pos, int end, int maxText) {
    while (pos < end) {
      pos = plainHeaderEnd(src, pos, end, maxText);
      if (pos < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The index after the part header at {@code src[pos]} when it is plain (see {@link
   * #plainPartHeaders}), else {@code -1}.
   */
  static int plainHeaderEnd(byte[] src, int pos, int end, int maxText) {
    int b = src[pos] & 0xFF;
    int v = pos + 1;
    if (v >= end) {
      return -1;
    }
    int code = b & 0x7F;
    if (b < 0x20 || b == 0x7F) {
      return -1;
    } else if (b < 0x7F) { // a textual header: name, then a text value
      int valueStart = PlainValues.text(src, pos, end, maxText);
      return valueStart < 0 || valueStart >= end
          ? -1
          : PlainValues.text(src, valueStart, end, maxText);
    } else if (code == PartHeader.CONTENT_ID && src[v] == WspReader.DOUBLE_QUOTE) {
      int next = v + 1 < end ? PlainValues.text(src, v + 1, end, maxText) : -1;
      // the closing quote some senders add: reported by the full reader
      return next > v + 2 && src[next - 2] == '"' ? -1 : next;
    } else if (code == PartHeader.CONTENT_ID || code == PartHeader.CONTENT_LOCATION) {
      return PlainValues.text(src, v, end, maxText);
    } else if (code == PartHeader.CONTENT_DISPOSITION
        || code == PartHeader.CONTENT_DISPOSITION_1_4) {
      return PlainValues.contentDisposition(src, v, end, maxText);
    } else {
      int first = src[v];
      return first < 0 ? v + 1 : first < 0x1F && first < end - v ? v + 1 + first : -1;
    }
  }

  /**
   * The part header {@code src[pos, next)}, which {@link #plainHeaderEnd} accepted, read straight
   * from the array: the value {@link #readHeader} builds for the same octets; {@code null} if its
   * value is not in a form read here. {@link #plainValue} reads the value alone (the part
   * cursor's way; PartCursorTest checks that both agree).
   */
  private static PartHeader plainHeader(byte[] src, int pos, int next) {
    int b = src[pos] & 0xFF;
    if (b < 0x80) {
      int nameEnd = WspReader.indexOfNul(src, pos, next);
      return new PartHeader(
          Texts.decodeUnlabelled(src, pos, nameEnd - pos),
          -1,
          Texts.decodeUnlabelled(src, nameEnd + 1, next - 1 - (nameEnd + 1)));
    }
    int code = b & 0x7F;
    if (code == PartHeader.CONTENT_ID) {
      int start = src[pos + 1] == WspReader.DOUBLE_QUOTE ? pos + 2 : pos + 1;
      return new PartHeader(
          "Content-ID", code, Texts.decodeUnlabelled(src, start, next - 1 - start));
    }
    if (code == PartHeader.CONTENT_LOCATION) {
      return new PartHeader(
          "Content-Location", code, Texts.decodeUnlabelled(src, pos + 1, next - 2 - pos));
    }
    String name = WspHeaderNames.name(code);
    if (code == PartHeader.CONTENT_DISPOSITION || code == PartHeader.CONTENT_DISPOSITION_1_4) {
      ContentDisposition d = plainDisposition(src, pos + 1, next);
      return d == null ? null : new PartHeader(name, code, d);
    }
    return new PartHeader(name, code, RawValue.of(src, pos + 1, next - pos - 1));
  }

  /** The name of the textual part header {@code src[pos, next)}. */
  static String textualName(byte[] src, int pos, int next) {
    return Texts.decodeUnlabelled(src, pos, WspReader.indexOfNul(src, pos, next) - pos);
  }

  /**
   * The value of the part header {@code src[pos, next)}, which {@link #plainHeaderEnd} accepted,
   * read straight from the array: what {@link #readHeader} makes for the same octets; {@code
   * null} for a Content-Disposition whose parameters are not in a form read here.
   */
  static Object plainValue(byte[] src, int pos, int next) {
    int b = src[pos] & 0xFF;
    if (b < 0x80) {
      int nameEnd = WspReader.indexOfNul(src, pos, next);
      return Texts.decodeUnlabelled(src, nameEnd + 1, next - 1 - (nameEnd + 1));
    }
    int code = b & 0x7F;
    if (code == PartHeader.CONTENT_ID) {
      int start = src[pos + 1] == WspReader.DOUBLE_QUOTE ? pos + 2 : pos + 1;
      return Texts.decodeUnlabelled(src, start, next - 1 - start);
    }
    if (code == PartHeader.CONTENT_LOCATION) {
      return Texts.decodeUnlabelled(src, pos + 1, next - 2 - pos);
    }
    if (code == PartHeader.CONTENT_DISPOSITION || code == PartHeader.CONTENT_DISPOSITION_1_4) {
      return plainDisposition(src, pos + 1, next);
    }
    return RawValue.of(src, pos + 1, next - pos - 1);
  }

  private static final String[] DISPOSITION_TYPES = {"form-data", "attachment", "inline"};

  /**
   * The Content-Disposition value {@code src[start, end)} that {@link
   * PlainValues#contentDisposition} accepted, read from the array: what {@link #readDisposition}
   * makes for the same octets; {@code null} if a parameter is not in a form read here.
   */
  private static ContentDisposition plainDisposition(byte[] src, int start, int end) {
    int i = start + (src[start] == 0x1F ? 2 : 1);
    List<Parameter> params = ValueCodec.readPlainParameters(src, i + 1, end);
    return params == null
        ? null
        : new ContentDisposition(DISPOSITION_TYPES[(src[i] & 0xFF) - 0x80], params);
  }

  /**
   * Reads entry {@code n} with the full reader, reporting what it finds, and records it in
   * {@code entries}.
   *
   * @return the index after the entry
   */
  private static int decodeEntry(
      byte[] src,
      int base,
      int entryAt,
      int end,
      int n,
      int[] entries,
      Findings f,
      DecodeConfig cfg)
      throws PduFormatException {
    WspReader r = new WspReader(src, base, entryAt, end - entryAt);
    r.header("multipart entry " + n);
    int headersLen = r.readUintvarLength();
    int dataLen = r.readUintvarLength();
    if ((long) headersLen + dataLen > r.remaining()) {
      throw r.error(
          Reason.LENGTH_PAST_END,
          entryAt,
          "entry of "
              + headersLen
              + " header and "
              + dataLen
              + " data octets exceeds the "
              + r.remaining()
              + " octets that remain");
    }
    int headStart = r.index();
    int old = r.pushLimit(headersLen);
    if (headersLen == 0) {
      throw r.error(
          Reason.MALFORMED_MULTIPART, headStart, "entry with no content type (HeadersLen 0)");
    }
    ValueCodec.readContentType(r, f, cfg.maxTextLength(), false);
    scanHeaders(r, f, cfg.maxTextLength());
    r.popLimit(old);
    int dataStart = r.index();
    r.skip(dataLen);
    entries[ENTRY * n] = headStart;
    entries[ENTRY * n + 1] = -1; // not plain: the full reader reads it again
    entries[ENTRY * n + 2] = dataStart;
    entries[ENTRY * n + 3] = dataStart + dataLen;
    return r.index();
  }

  /** Checks the grammar of the headers up to the reader's limit. */
  static void scanHeaders(WspReader r, Findings f, int maxText) throws PduFormatException {
    while (r.hasRemaining()) {
      readHeader(r, f, maxText, false);
    }
  }

  static PartHeader readHeader(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int b = r.peek();
    if (b >= 0x80) {
      r.readOctet();
      int code = b & 0x7F;
      String name = WspHeaderNames.name(code);
      String saved = r.header();
      r.header(name);
      try {
        switch (code) {
          case PartHeader.CONTENT_LOCATION:
            {
              String v = ValueCodec.readTextString(r, f, maxText, build);
              return build ? new PartHeader(name, code, v) : null;
            }
          case PartHeader.CONTENT_ID:
            {
              String v;
              if (r.peek() == WspReader.DOUBLE_QUOTE) {
                r.readOctet();
                int start = r.index();
                int end = r.skipPastTerminator(maxText);
                int stop = end;
                // Some senders add the closing quote that the grammar leaves out.
                if (stop > start && r.buffer()[stop - 1] == '"') {
                  stop--;
                  if (f != null) {
                    f.report(
                        Severity.INFO,
                        Reason.MALFORMED_VALUE,
                        r.offsetOf(stop),
                        name,
                        FindingCodes.TRAILING_QUOTE,
                        "Quoted-string sent with a closing quote (stripped)");
                  }
                }
                v = build ? Texts.decodeUnlabelled(r.buffer(), start, stop - start) : null;
              } else {
                v = ValueCodec.readTextString(r, f, maxText, build);
              }
              return build ? new PartHeader(name, code, v) : null;
            }
          case PartHeader.CONTENT_DISPOSITION:
          case PartHeader.CONTENT_DISPOSITION_1_4:
            {
              ContentDisposition d = readDisposition(r, f, maxText, build);
              return build ? new PartHeader(name, code, d) : null;
            }
          default:
            {
              int start = r.index();
              r.skipValue(maxText);
              return build
                  ? new PartHeader(name, code, RawValue.of(r.buffer(), start, r.index() - start))
                  : null;
            }
        }
      } finally {
        r.header(saved);
      }
    }
    if (b >= 0x20 && b < 0x7F) {
      int nameStart = r.index();
      int nameEnd = r.skipPastTerminator(maxText);
      int v = r.peek();
      Object value;
      if (v == 0 || (v >= 0x20 && v <= 0x7F)) {
        value = ValueCodec.readTextString(r, f, maxText, build);
      } else {
        int start = r.index();
        r.skipValue(maxText);
        value = build ? RawValue.of(r.buffer(), start, r.index() - start) : null;
      }
      return build
          ? new PartHeader(
              Texts.decodeUnlabelled(r.buffer(), nameStart, nameEnd - nameStart), -1, value)
          : null;
    }
    // 0x00-0x1F and 0x7F: WSP code-page shifts, which MMS parts never use.
    throw r.error(
        Reason.INVALID_HEADER_START,
        r.index(),
        String.format("0x%02X cannot start a part header (code-page shifts are not supported)", b));
  }

  private static ContentDisposition readDisposition(
      WspReader r, Findings f, int maxText, boolean build) throws PduFormatException {
    int old = r.pushLimit(r.readValueLength());
    String type;
    int t = r.peek();
    if (t >= 0x80) {
      r.readOctet();
      type =
          t == 0x80
              ? "form-data"
              : t == 0x81
                  ? "attachment"
                  : t == 0x82 ? "inline" : String.format("disposition-0x%02X", t);
    } else {
      type = ValueCodec.readTextString(r, f, maxText, build);
    }
    List<Parameter> params = build ? new ArrayList<>(1) : null;
    while (r.hasRemaining()) {
      Parameter p = ValueCodec.readParameter(r, f, maxText, build);
      if (build) {
        params.add(p);
      }
    }
    r.popLimit(old);
    return build ? new ContentDisposition(type, params) : null;
  }

  /**
   * Reads a decoded part's content type and headers from {@code src[start, end)} and hands both
   * to the part: from the array when they are plain, else in one pass of the full reader. {@code
   * ctEnd} is where the content type ends when the decoder found the whole head plain, else -1.
   */
  static void readPartHead(Part part, byte[] src, int base, int start, int ctEnd, int end) {
    if (!readPlainPartHead(part, src, start, ctEnd, end)) {
      readFullPartHead(part, src, base, start, end);
    }
  }

  /**
   * Reads a part's head when its content type and headers are all in their plain forms (what
   * {@link #decodeMultipart} steps over in line, and nearly every part of real messages): with
   * array indexes, no reader object, the values {@link #readFullPartHead} makes for the same
   * octets (PlainPartHeadTest). Returns false, having read nothing, for any other head. {@code
   * ctEnd}: where the content type ends, when the decoder recorded it, else -1.
   */
  static boolean readPlainPartHead(Part part, byte[] src, int start, int ctEnd, int end) {
    if (ctEnd < 0) {
      ctEnd = PlainValues.contentType(src, start, end, NO_LIMIT);
      if (ctEnd < 0) {
        return false;
      }
    }
    org.mmsstack.encapsulation.value.ContentType type =
        ValueCodec.readPlainContentType(src, start, ctEnd);
    if (type == null) {
      return false;
    }
    if (ctEnd == end) {
      part.setHead(type, List.of());
      return true;
    }
    // One walk: each header is made as its end is found. Parts have one to three headers, kept
    // in locals until the count is known, so the list's array is made once at its size.
    PartHeader h0 = null;
    PartHeader h1 = null;
    PartHeader h2 = null;
    PartHeader[] more = null;
    int count = 0;
    for (int pos = ctEnd; pos < end; count++) {
      int next = plainHeaderEnd(src, pos, end, NO_LIMIT);
      if (next < 0) {
        return false;
      }
      PartHeader h = plainHeader(src, pos, next);
      if (h == null) {
        return false;
      }
      if (count == 0) {
        h0 = h;
      } else if (count == 1) {
        h1 = h;
      } else if (count == 2) {
        h2 = h;
      } else {
        if (more == null) {
          more = new PartHeader[8];
        } else if (count - 3 == more.length) {
          more = java.util.Arrays.copyOf(more, 2 * more.length);
        }
        more[count - 3] = h;
      }
      pos = next;
    }
    PartHeader[] headers = new PartHeader[count];
    headers[0] = h0;
    if (count > 1) {
      headers[1] = h1;
    }
    if (count > 2) {
      headers[2] = h2;
    }
    if (count > 3) {
      System.arraycopy(more, 0, headers, 3, count - 3);
    }
    part.setHead(type, FrozenList.owning(headers));
    return true;
  }

  /** Reads a part's head with the full reader. */
  static void readFullPartHead(Part part, byte[] src, int base, int start, int end) {
    WspReader r = new WspReader(src, base, start, end - start);
    try {
      org.mmsstack.encapsulation.value.ContentType type =
          ValueCodec.readContentType(r, null, NO_LIMIT, true);
      List<PartHeader> headers;
      if (!r.hasRemaining()) {
        headers = List.of();
      } else {
        // One or two headers (Content-ID, Content-Location) are what parts have: no list to copy.
        PartHeader first = readHeader(r, null, NO_LIMIT, true);
        if (!r.hasRemaining()) {
          headers = FrozenList.owning(new PartHeader[] {first});
        } else {
          PartHeader second = readHeader(r, null, NO_LIMIT, true);
          if (!r.hasRemaining()) {
            headers = FrozenList.owning(new PartHeader[] {first, second});
          } else {
            List<PartHeader> list = new ArrayList<>(4);
            list.add(first);
            list.add(second);
            while (r.hasRemaining()) {
              list.add(readHeader(r, null, NO_LIMIT, true));
            }
            headers = List.copyOf(list);
          }
        }
      }
      part.setHead(type, headers);
    } catch (PduFormatException e) {
      throw new IllegalStateException("part headers accepted on decode cannot be read again", e);
    }
  }

  // ---- writing ---------------------------------------------------------------------------------

  /** Writes the remaining octets of a buffer without changing its position or copying them first. */
  static void write(ByteBuffer data, OutputStream out) throws IOException {
    if (out instanceof WspWriter) {
      ((WspWriter) out).writeBytes(data); // one bulk copy, read-only buffers included
      return;
    }
    if (data.hasArray()) {
      out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
      return;
    }
    ByteBuffer d = data.duplicate();
    byte[] chunk = new byte[Math.min(8192, d.remaining())];
    while (d.hasRemaining()) {
      int n = Math.min(chunk.length, d.remaining());
      d.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }

  /**
   * What a built multipart body writes besides its part data: the entry count, then per part
   * HeadersLen, DataLen, ContentType and Headers, one part after another in {@code heads};
   * part k's octets end at {@code ends[k]} (part 0's include the count). Made once per body,
   * so the encoder knows the body's size before it writes, and writes it in one pass.
   */
  static final class Prefixes {
    final byte[] heads;
    final int[] ends;
    final long size;

    Prefixes(byte[] heads, int[] ends, long size) {
      this.heads = heads;
      this.ends = ends;
      this.size = size;
    }
  }

  static Prefixes prefixes(List<Part> parts) {
    int n = parts.size();
    // About what usual parts' prefixes take (lengths, a content type, one or two headers).
    WspWriter w = new WspWriter(16 + 32 * n);
    int[] ends = new int[n];
    long size = 0;
    w.writeUintvar(n);
    for (int k = 0; k < n; k++) {
      Part p = parts.get(k);
      // HeadersLen before DataLen and the head: one octet kept for it (a head under 128
      // octets), written when the head is; DataLen is known.
      int mark = w.reserveUintvar();
      w.writeUintvar(p.dataSize());
      int headStart = w.position();
      if (p.hasOriginalHeaders()) {
        w.writeBytes(p.src(), p.headStart(), p.headEnd() - p.headStart());
      } else {
        ValueCodec.writeContentType(p.contentType(), w);
        List<PartHeader> headers = p.headers();
        for (int i = 0, m = headers.size(); i < m; i++) {
          writeHeader(headers.get(i), w);
        }
      }
      w.fillUintvar(mark, w.position() - headStart);
      ends[k] = w.position();
      size += p.dataSize();
    }
    return new Prefixes(w.buffer(), ends, size + w.position());
  }

  /** Writes a built body: its prefixes and, between them, each part's data from its own buffer. */
  static void writeMultipart(List<Part> parts, Prefixes pre, OutputStream out) throws IOException {
    if (out instanceof WspWriter && ((WspWriter) out).isExact() && pre.ends.length > 0) {
      writeMultipartLargestFirst(parts, pre, (WspWriter) out);
      return;
    }
    int from = 0;
    for (int k = 0; k < pre.ends.length; k++) {
      out.write(pre.heads, from, pre.ends[k] - from);
      from = pre.ends[k];
      parts.get(k).writeData(out);
    }
    if (pre.ends.length == 0) {
      out.write(pre.heads, 0, 1); // the count 0
    }
  }

  /**
   * {@link #writeMultipart} into an exact writer: the largest part's data first, at its place, so
   * that it is the first write of a new output array and is copied into it as the array is made
   * (see {@link WspWriter}); then everything else in order around it.
   */
  private static void writeMultipartLargestFirst(List<Part> parts, Prefixes pre, WspWriter w)
      throws IOException {
    int start = w.position();
    int largest = 0;
    int largestSize = -1;
    long largestAt = 0;
    long at = start;
    for (int k = 0; k < pre.ends.length; k++) {
      at += pre.ends[k] - (k == 0 ? 0 : pre.ends[k - 1]);
      int size = parts.get(k).dataSize();
      if (size > largestSize) {
        largest = k;
        largestSize = size;
        largestAt = at;
      }
      at += size;
    }
    w.moveTo((int) largestAt);
    parts.get(largest).writeData(w);
    w.moveTo(start);
    int from = 0;
    for (int k = 0; k < pre.ends.length; k++) {
      w.writeBytes(pre.heads, from, pre.ends[k] - from);
      from = pre.ends[k];
      if (k == largest) {
        w.moveTo(w.position() + largestSize);
      } else {
        parts.get(k).writeData(w);
      }
    }
  }

  // ---- what the writers can write -------------------------------------------------------------

  /**
   * Refuses a part header {@link #writeHeader} cannot write so that {@link #readHeader} reads the
   * same header back: the reader names a well-known header by its code and gives it a typed value
   * (Content-Location and Content-ID text, a Content-Disposition) or its raw octets; it reads a
   * textual header's value as text when it starts as text, else as raw octets.
   */
  static void checkHeader(PartHeader h) {
    String name = h.name();
    Object v = h.value();
    int code = h.code();
    if (code < 0) {
      WireChecks.token("part header", "name", name);
      if (v instanceof String) {
        WireChecks.text(name, (String) v);
      } else if (v instanceof RawValue) {
        WireChecks.rawValue(name, (RawValue) v);
        int first = ((RawValue) v).octets()[0] & 0xFF;
        if (first == 0 || (first >= 0x20 && first <= 0x7F)) {
          throw new IllegalArgumentException(
              name
                  + ": raw value starts as text (0x"
                  + Integer.toHexString(first)
                  + ") and is read back as a String (expected: a String value)");
        }
      } else {
        throw wrongType(name, v, "a String or a RawValue");
      }
      return;
    }
    String wsp = WspHeaderNames.name(code);
    if (!name.equals(wsp)) {
      throw new IllegalArgumentException(
          String.format(
              "part header %s: code 0x%02x is read back as %s (expected: that name)",
              name, code, wsp));
    }
    switch (code) {
      case PartHeader.CONTENT_LOCATION:
        if (!(v instanceof String)) {
          throw wrongType(name, v, "a String");
        }
        WireChecks.text(name, (String) v);
        return;
      case PartHeader.CONTENT_ID:
        if (!(v instanceof String)) {
          throw wrongType(name, v, "a String");
        }
        checkContentId((String) v);
        return;
      case PartHeader.CONTENT_DISPOSITION:
      case PartHeader.CONTENT_DISPOSITION_1_4:
        if (!(v instanceof ContentDisposition)) {
          throw wrongType(name, v, "a ContentDisposition");
        }
        WireChecks.contentDisposition(name, (ContentDisposition) v);
        return;
      default:
        if (!(v instanceof RawValue)) {
          throw wrongType(name, v, "a RawValue (its encoded octets)");
        }
        WireChecks.rawValue(name, (RawValue) v);
    }
  }

  /**
   * A Content-ID value: any text but NUL (it is sent as a Quoted-string), and no double quote
   * at the end, which senders add as a closing quote and readers strip.
   */
  static void checkContentId(String id) {
    WireChecks.quotedText("Content-ID", id);
    if (id.endsWith("\"")) {
      throw new IllegalArgumentException(
          "Content-ID: text must not end with a double quote (0x22): a reader strips it");
    }
  }

  private static IllegalArgumentException wrongType(String name, Object v, String expected) {
    return new IllegalArgumentException(
        name
            + ": value "
            + v
            + " is a "
            + v.getClass().getSimpleName()
            + " (expected: "
            + expected
            + ")");
  }

  /**
   * Refuses a part typed as a multipart ({@link
   * org.mmsstack.encapsulation.value.MediaType#isMultipart()}) whose data is not a multipart
   * body: a decoder keeps a nested body opaque, but whoever opens it ({@link Part#asMultipart},
   * the validator, implementations that decode nested bodies eagerly) must find one. The data is
   * decoded as the decoder decodes a PDU's body (strictly, without the size limits, which are the
   * receiver's to choose); the multiparts nested in it are left closed, as the decoder leaves
   * them, and a part built over one of them was checked when it was built.
   */
  static void checkMultipartData(ContentType ct, ByteBuffer data) {
    if (!ct.mediaType().isMultipart()) {
      return;
    }
    byte[] src;
    int off;
    int len = data.remaining();
    if (data.hasArray()) {
      src = data.array();
      off = data.arrayOffset() + data.position();
    } else {
      src = new byte[len];
      data.duplicate().get(src);
      off = 0;
    }
    try {
      decodeMultipart(src, off, off, len, STRICT_UNLIMITED, 0);
    } catch (PduFormatException e) {
      throw new IllegalArgumentException(
          "Content-Type: "
              + ct.mediaType()
              + " names a multipart, and the data is not a multipart body: "
              + e.getMessage(),
          e);
    }
  }

  private static final DecodeConfig STRICT_UNLIMITED =
      DecodeConfig.builder()
          .strict(true)
          .maxParts(Integer.MAX_VALUE)
          .maxTextLength(Integer.MAX_VALUE)
          .build();

  static void writeHeader(PartHeader h, WspWriter w) {
    Object v = h.value();
    if (h.code() < 0) {
      w.writeTerminated(h.name());
      if (v instanceof RawValue) {
        w.writeBytes(((RawValue) v).octets());
      } else {
        w.writeTextString(v.toString());
      }
      return;
    }
    w.writeOctet(0x80 | h.code());
    if (v instanceof RawValue) {
      w.writeBytes(((RawValue) v).octets());
    } else if (v instanceof ContentDisposition) {
      ContentDisposition d = (ContentDisposition) v;
      int mark = w.beginValueLength();
      if (d.code() >= 0) {
        w.writeOctet(d.code());
      } else {
        w.writeTextString(d.type());
      }
      for (Parameter p : d.parameters()) {
        ValueCodec.writeParameter(p, w);
      }
      w.endValueLength(mark);
    } else if (h.code() == PartHeader.CONTENT_ID) {
      w.writeQuotedString(v.toString());
    } else {
      w.writeTextString(v.toString());
    }
  }
}
