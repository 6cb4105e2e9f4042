package org.mmsstack.cli.format;

import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduLayout;
import org.mmsstack.encapsulation.Uintvar;

/**
 * Where things are in a PDU's octets, in the shapes the commands use: a thin adapter over the
 * codec's {@link PduLayout}, which walks the octets with the decoder's own WSP reader. Every
 * reading bounds itself by the end it is given and answers {@code null} or -1 instead of
 * running past it.
 */
public final class Wire {

  private Wire() {}

  /** One entry of a multipart body, as offsets into the PDU. */
  public record Entry(
      Uintvar headersLength, Uintvar dataLength, int headStart, int dataStart, int dataEnd) {

    /** Where the entry starts (its HeadersLen). */
    public int start() {
      return headersLength.offset();
    }
  }

  /** A multipart body's layout: its entry count and entries. */
  public record Multipart(Uintvar count, List<Entry> entries) {}

  /**
   * Reads a Uintvar with the codec's reader, or {@code null} when it is malformed or runs past
   * {@code end}.
   */
  public static Uintvar uintvar(byte[] b, int i, int end) {
    if (i < 0 || i >= end || end > b.length) {
      return null;
    }
    try {
      return Uintvar.read(b, i, end);
    } catch (PduFormatException e) {
      return null;
    }
  }

  /**
   * The index after the WSP value starting at {@code i} (WAP-230 8.4.1.2: 0x00-0x1E a short
   * length, 0x1F a Uintvar length, 0x20-0x7F text to its 0x00, 0x80-0xFF one octet), or -1
   * when it runs past {@code end}.
   */
  public static int skipValue(byte[] b, int i, int end) {
    return PduLayout.valueEnd(b, i, end);
  }

  /**
   * The spans of a PDU's headers from {@code start} (each {@code [start, end)}), walked by the
   * first-octet rule, stopping after Content-Type, at an octet that cannot start a header, or
   * where a value runs past {@code end}. Used to show a PDU that cannot be decoded.
   */
  public static List<int[]> headerSpans(byte[] b, int start, int end) {
    return spans(PduLayout.of(b, start, end).headers());
  }

  /**
   * The spans inside a part's header octets {@code [start, end)}: the content type first, then
   * each header. Stops early (returning what it found) at octets it cannot walk.
   */
  public static List<int[]> partHeaderSpans(byte[] b, int start, int end) {
    return spans(PduLayout.partHeaders(b, start, end));
  }

  /** The layout of the multipart body at {@code [start, end)}, or {@code null} when it does not add up. */
  public static Multipart multipart(byte[] b, int start, int end) {
    PduLayout.Multipart m = PduLayout.multipart(b, start, end).orElse(null);
    if (m == null || !m.complete()) {
      return null;
    }
    List<Entry> entries = new ArrayList<>(m.entries().size());
    for (PduLayout.Entry e : m.entries()) {
      entries.add(
          new Entry(e.headersLength(), e.dataLength(), e.headStart(), e.dataStart(), e.dataEnd()));
    }
    return new Multipart(m.count(), List.copyOf(entries));
  }

  private static List<int[]> spans(List<PduLayout.HeaderSpan> headers) {
    List<int[]> out = new ArrayList<>(headers.size());
    for (PduLayout.HeaderSpan s : headers) {
      out.add(new int[] {s.start(), s.end()});
    }
    return out;
  }
}
