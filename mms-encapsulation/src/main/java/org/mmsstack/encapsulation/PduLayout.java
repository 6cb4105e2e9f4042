package org.mmsstack.encapsulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mmsstack.encapsulation.internal.wire.WspReader;

/**
 * Where things are in a PDU's octets, found without decoding any value: each header's span, the
 * body's start, and each multipart entry's lengths, headers and data, nested multiparts
 * included. For tools that show octets (hex dumps, offsets in JSON) and for PDUs that cannot be
 * decoded at all.
 *
 * <p>The walk uses the decoder's own WSP reader and the first-octet rule of WAP-230 8.4.1.2
 * (0x00-0x1E a short length, 0x1F a Uintvar length, 0x20-0x7F text up to its 0x00, 0x80-0xFF
 * one octet), so it agrees with {@link PduCodec} on every value's extent; it does not check
 * what the values say. It is lenient by construction: it never throws for bad input and never
 * reads past the end it is given, it stops at the first octets it cannot walk and tells where
 * ({@link #stop()}, {@link Multipart#stop()}).
 *
 * <p>All offsets are absolute indexes into the array given. A layout is immutable and
 * thread-safe; it keeps no reference to the array.
 */
public final class PduLayout {

  /**
   * One header: {@code src[start]} is its field octet (or the first octet of an
   * Application-header's name), its value is {@code src[valueStart, end)}. The content type
   * that opens a multipart entry's headers has no field octet: there {@code start ==
   * valueStart}.
   *
   * @param start the offset of the field octet or name
   * @param valueStart the offset of the value
   * @param end the offset after the value
   */
  public record HeaderSpan(int start, int valueStart, int end) {

    /** Whether the header is an Application-header (a textual name and its 0x00 first). */
    public boolean isApplication() {
      return valueStart - start > 1;
    }
  }

  /**
   * One multipart entry (WAP-230 8.5.3): HeadersLen, DataLen, the content type and headers in
   * {@code [headStart, dataStart)}, the data in {@code [dataStart, dataEnd)}.
   *
   * @param headersLength the HeadersLen Uintvar (its offset is where the entry starts)
   * @param dataLength the DataLen Uintvar
   * @param headStart the offset of the entry's content type
   * @param dataStart the offset of its data
   * @param dataEnd the offset after its data
   * @param headers the content type's span first, then each part header's, as far as they could
   *     be walked (see {@link #headersComplete()})
   * @param nested the layout of the data when the content type is multipart
   */
  public record Entry(
      Uintvar headersLength,
      Uintvar dataLength,
      int headStart,
      int dataStart,
      int dataEnd,
      List<HeaderSpan> headers,
      Optional<Multipart> nested) {

    /** Copies the list. */
    public Entry {
      headers = List.copyOf(headers);
      Objects.requireNonNull(nested, "nested");
    }

    /** Where the entry starts (its HeadersLen). */
    public int start() {
      return headersLength.offset();
    }

    /** Whether the header spans cover the entry's header octets to their end. */
    public boolean headersComplete() {
      return headers.isEmpty()
          ? headStart == dataStart
          : headers.get(headers.size() - 1).end() == dataStart;
    }
  }

  /**
   * A multipart body's layout.
   *
   * @param count the entry count as the body announces it
   * @param entries the entries that could be walked, in order
   * @param stop where the walk stopped: the body's end when every entry fits, else the offset
   *     of the first entry that does not
   * @param end the body's end as given
   */
  public record Multipart(Uintvar count, List<Entry> entries, int stop, int end) {

    /** Copies the list. */
    public Multipart {
      Objects.requireNonNull(count, "count");
      entries = List.copyOf(entries);
    }

    /** Whether the entries fill the body exactly (whatever the announced count says). */
    public boolean complete() {
      return stop == end;
    }
  }

  private static final int CONTENT_TYPE_OCTET = 0x80 | HeaderField.CONTENT_TYPE.code();

  private final List<HeaderSpan> headers;
  private final int bodyStart;
  private final int stop;
  private final int end;

  private PduLayout(List<HeaderSpan> headers, int bodyStart, int stop, int end) {
    this.headers = List.copyOf(headers);
    this.bodyStart = bodyStart;
    this.stop = stop;
    this.end = end;
  }

  /** The layout of a whole PDU. */
  public static PduLayout of(byte[] pdu) {
    return of(pdu, 0, pdu.length);
  }

  /**
   * The layout of the PDU in {@code src[start, end)}: its headers up to and including
   * Content-Type (the body follows it), or up to the first octet that cannot start a header or
   * whose value runs past {@code end}.
   *
   * @throws IndexOutOfBoundsException when {@code [start, end)} is not within {@code src}
   */
  public static PduLayout of(byte[] src, int start, int end) {
    Objects.checkFromToIndex(start, end, src.length);
    List<HeaderSpan> out = new ArrayList<>();
    int i = start;
    int body = -1;
    while (i < end) {
      HeaderSpan s = header(src, i, end);
      if (s == null) {
        break;
      }
      out.add(s);
      i = s.end();
      if ((src[s.start()] & 0xFF) == CONTENT_TYPE_OCTET) {
        body = i;
        break;
      }
    }
    return new PduLayout(out, body, i, end);
  }

  /** The headers walked, in order (the last is Content-Type when the PDU has a body). */
  public List<HeaderSpan> headers() {
    return headers;
  }

  /** Where the body starts: after Content-Type's value; empty when the walk did not reach one. */
  public OptionalInt bodyStart() {
    return bodyStart < 0 ? OptionalInt.empty() : OptionalInt.of(bodyStart);
  }

  /**
   * Where the header walk stopped: the body's start, the end of the input, or the offset of the
   * first header it could not walk.
   */
  public int stop() {
    return stop;
  }

  /** Whether the headers were walked to the body or to the end of the input. */
  public boolean complete() {
    return bodyStart >= 0 || stop == end;
  }

  /**
   * The offset after the WSP value starting at {@code start} (by the first-octet rule), or -1
   * when it is malformed or runs past {@code end}.
   */
  public static int valueEnd(byte[] src, int start, int end) {
    if (start < 0 || start >= end || end > src.length) {
      return -1;
    }
    try {
      WspReader r = new WspReader(src, 0, start, end - start);
      r.skipValue(Integer.MAX_VALUE);
      return r.index();
    } catch (PduFormatException e) {
      return -1;
    }
  }

  /**
   * The spans in a multipart entry's header octets {@code src[start, end)}: the content type
   * first, then each header, as far as they can be walked.
   */
  public static List<HeaderSpan> partHeaders(byte[] src, int start, int end) {
    List<HeaderSpan> out = new ArrayList<>();
    int i = valueEnd(src, start, end);
    if (i < 0) {
      return out;
    }
    out.add(new HeaderSpan(start, start, i));
    while (i < end) {
      HeaderSpan s = header(src, i, end);
      if (s == null) {
        break;
      }
      out.add(s);
      i = s.end();
    }
    return List.copyOf(out);
  }

  /**
   * The layout of the multipart body in {@code src[start, end)}; empty when its entry count
   * cannot be read. Entries are walked to {@code end} (the announced count is reported, not
   * trusted); the walk stops at the first entry whose lengths cannot be read or do not fit.
   * Entries whose content type is multipart get their own layout, up to a nesting depth of 8.
   */
  public static Optional<Multipart> multipart(byte[] src, int start, int end) {
    if (start < 0 || start > end || end > src.length) {
      return Optional.empty();
    }
    return multipart(src, start, end, 0);
  }

  private static Optional<Multipart> multipart(byte[] src, int start, int end, int depth) {
    Uintvar count = uintvar(src, start, end);
    if (count == null) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    int i = count.end();
    while (i < end) {
      Uintvar hl = uintvar(src, i, end);
      Uintvar dl = hl == null ? null : uintvar(src, hl.end(), end);
      if (dl == null || hl.value() + dl.value() > end - dl.end()) {
        break;
      }
      int headStart = dl.end();
      int dataStart = (int) (headStart + hl.value());
      int dataEnd = (int) (dataStart + dl.value());
      Optional<Multipart> nested =
          depth < 8 && headStart < dataStart && PduCodec.isMultipart(src, headStart, dataStart)
              ? multipart(src, dataStart, dataEnd, depth + 1)
              : Optional.empty();
      entries.add(
          new Entry(
              hl,
              dl,
              headStart,
              dataStart,
              dataEnd,
              partHeaders(src, headStart, dataStart),
              nested));
      i = dataEnd;
    }
    return Optional.of(new Multipart(count, entries, i, end));
  }

  /** The header at {@code i}, or {@code null} when none can be walked there. */
  private static HeaderSpan header(byte[] src, int i, int end) {
    int o = src[i] & 0xFF;
    int valueStart;
    if (o >= 0x80) {
      valueStart = i + 1;
    } else if (o >= 0x20 && o < 0x7F) {
      int nul = WspReader.indexOfNul(src, i, end);
      if (nul < 0) {
        return null;
      }
      valueStart = nul + 1;
    } else {
      return null; // 0x00-0x1F and 0x7F cannot start a header
    }
    int next = valueEnd(src, valueStart, end);
    return next < 0 ? null : new HeaderSpan(i, valueStart, next);
  }

  private static Uintvar uintvar(byte[] src, int i, int end) {
    if (i >= end) {
      return null;
    }
    try {
      return Uintvar.read(src, i, end);
    } catch (PduFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "PduLayout["
        + headers.size()
        + " headers, body at "
        + bodyStart
        + ", stop "
        + stop
        + "]";
  }
}
