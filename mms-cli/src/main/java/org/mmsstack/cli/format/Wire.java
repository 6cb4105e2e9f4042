package org.mmsstack.cli.format;

import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.Uintvar;

/**
 * Just enough WSP to find where things are in a PDU's octets without decoding them: Uintvars,
 * the first-octet rule for the length of any value, and the layout of a multipart body. The
 * commands use it to show offsets and to keep original octets; every reading bounds itself by
 * the end it is given and answers {@code null} or -1 instead of running past it.
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
    if (i >= end) {
      return -1;
    }
    int o = b[i] & 0xFF;
    long next;
    if (o <= 0x1E) {
      next = (long) i + 1 + o;
    } else if (o == 0x1F) {
      Uintvar u = uintvar(b, i + 1, end);
      if (u == null) {
        return -1;
      }
      next = u.end() + u.value();
    } else if (o < 0x80) {
      int z = i;
      while (z < end && b[z] != 0) {
        z++;
      }
      next = z + 1L;
    } else {
      next = i + 1L;
    }
    return next <= end ? (int) next : -1;
  }

  /**
   * The spans of a PDU's headers from {@code start} (each {@code [start, end)}), walked by the
   * first-octet rule, stopping after Content-Type, at an octet that cannot start a header, or
   * where a value runs past {@code end}. Used to show a PDU that cannot be decoded.
   */
  public static List<int[]> headerSpans(byte[] b, int start, int end) {
    List<int[]> out = new ArrayList<>();
    int i = start;
    while (i < end) {
      int o = b[i] & 0xFF;
      int next;
      if (o >= 0x80) {
        next = skipValue(b, i + 1, end);
      } else if (o >= 0x20 && o < 0x7F) {
        int z = i;
        while (z < end && b[z] != 0) {
          z++;
        }
        next = z + 1 < end ? skipValue(b, z + 1, end) : -1;
      } else {
        break;
      }
      if (next < 0) {
        break;
      }
      out.add(new int[] {i, next});
      if (o == 0x84) {
        break;
      }
      i = next;
    }
    return out;
  }

  /**
   * The spans inside a part's header octets {@code [start, end)}: the content type first, then
   * each header. Stops early (returning what it found) at octets it cannot walk.
   */
  public static List<int[]> partHeaderSpans(byte[] b, int start, int end) {
    List<int[]> out = new ArrayList<>();
    int i = skipValue(b, start, end);
    if (i < 0) {
      return out;
    }
    out.add(new int[] {start, i});
    while (i < end) {
      int o = b[i] & 0xFF;
      int next;
      if (o >= 0x80) {
        next = skipValue(b, i + 1, end);
      } else if (o >= 0x20 && o < 0x7F) {
        int z = i;
        while (z < end && b[z] != 0) {
          z++;
        }
        next = z + 1 <= end ? skipValue(b, z + 1, end) : -1;
      } else {
        break;
      }
      if (next < 0) {
        break;
      }
      out.add(new int[] {i, next});
      i = next;
    }
    return out;
  }

  /** The layout of the multipart body at {@code [start, end)}, or {@code null} when it does not add up. */
  public static Multipart multipart(byte[] b, int start, int end) {
    Uintvar count = uintvar(b, start, end);
    if (count == null) {
      return null;
    }
    List<Entry> entries = new ArrayList<>();
    int i = count.end();
    while (i < end) {
      Uintvar hl = uintvar(b, i, end);
      Uintvar dl = hl == null ? null : uintvar(b, hl.end(), end);
      if (dl == null || dl.end() + hl.value() + dl.value() > end) {
        return null;
      }
      int headStart = dl.end();
      int dataStart = (int) (headStart + hl.value());
      int dataEnd = (int) (dataStart + dl.value());
      entries.add(new Entry(hl, dl, headStart, dataStart, dataEnd));
      i = dataEnd;
    }
    return new Multipart(count, entries);
  }
}
