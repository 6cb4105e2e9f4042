package org.mmsstack.encapsulation.body;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.PduFormatException;

/**
 * An {@code application/vnd.wap.multipart.*} body (WAP-230 section 8.5): a Uintvar entry count,
 * then per entry HeadersLen, DataLen, ContentType, Headers and Data.
 *
 * <p>A decoded body keeps its original octets (non-minimal Uintvars and all) and writes them
 * back unchanged; a body built from parts is encoded canonically. Decoding checks every entry
 * but records only where each one lies: the {@link Part} objects are made on the first call to
 * {@link #parts()}, and {@link #partCursor()} walks the parts without making them.
 *
 * <p>Immutable and safe to share between threads. A decoded body is a view of the decoder's
 * input, a built one of its parts' octets (see {@link Part}): do not change them while the
 * body is in use.
 */
public final class MultipartBody implements Body {

  // A built body's parts: final, so that the body is safe to share however it is published.
  private final List<Part> built;
  // Made on first use: decoded bodies' parts from `entries`, built bodies' prefixes on the first
  // encode. Plain fields with a benign race, as String.hash: both are immutable and reached
  // through final fields, so a racing reader at worst makes them again; a volatile field would
  // cost a fence on every built body.
  private List<Part> parts;
  private BodyCodec.Prefixes prefixes;
  private final List<Finding> findings;
  // Decoded bodies: the original octets src[start, end), and per entry four indexes (content
  // type start, its end when the head is plain or -1, data start, data end) in
  // entries[0, BodyCodec.ENTRY * count).
  private final byte[] src;
  private final int base;
  private final int start;
  private final int end;
  private final int[] entries;
  private final int count;
  private final int depth;

  private MultipartBody(List<Part> parts) {
    this.built = parts;
    this.findings = List.of();
    this.src = null;
    this.base = 0;
    this.start = 0;
    this.end = 0;
    this.entries = null;
    this.count = parts.size();
    this.depth = 0;
  }

  MultipartBody(
      List<Finding> findings,
      byte[] src,
      int base,
      int start,
      int end,
      int[] entries,
      int count,
      int depth) {
    this.built = null;
    this.findings = findings;
    this.src = src;
    this.base = base;
    this.start = start;
    this.end = end;
    this.entries = entries;
    this.count = count;
    this.depth = depth;
  }

  /** A body of these parts, in order. */
  public static MultipartBody of(List<Part> parts) {
    return new MultipartBody(List.copyOf(parts));
  }

  /** A body of these parts, in order. */
  public static MultipartBody of(Part... parts) {
    return of(List.of(parts));
  }

  /**
   * Decodes a multipart body from {@code src[off, off + len)}. The result is a view of the array
   * (part data is not copied): do not change it while the body is in use. Offsets in findings
   * and errors count from {@code off}.
   */
  public static MultipartBody decode(byte[] src, int off, int len, DecodeConfig config)
      throws PduFormatException {
    Objects.checkFromIndexSize(off, len, src.length);
    return BodyCodec.decodeMultipart(src, off, off, len, config, 0);
  }

  /**
   * The parts, in order: the materialised form, convenient when parts are kept or passed around
   * (a decoded body makes its {@link Part} objects on the first call). To read every part once,
   * {@link #partCursor()} is the faster way.
   */
  public List<Part> parts() {
    if (built != null) {
      return built;
    }
    List<Part> p = parts;
    if (p == null) {
      p = BodyCodec.parts(src, base, entries, count, depth);
      parts = p;
    }
    return p;
  }

  /**
   * A cursor over the parts and their headers: the fast way to read every part, making no
   * {@link Part} or {@link PartHeader} objects (see {@link PartCursor}). Each call returns a new
   * cursor, for one walk by one thread.
   */
  public PartCursor partCursor() {
    if (built != null) {
      return new PartCursor(built);
    }
    return new PartCursor(src, base, entries, count, depth);
  }

  /** The number of parts. */
  public int size() {
    return count;
  }

  /** What lenient decoding noticed (empty for built bodies). */
  public List<Finding> findings() {
    return findings;
  }

  /** Whether this body still carries the octets it was decoded from. */
  public boolean hasOriginalEncoding() {
    return src != null;
  }

  @Override
  public long encodedSize() {
    return src != null ? end - start : prefixes().size;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    if (src != null) {
      out.write(src, start, end - start);
    } else {
      BodyCodec.writeMultipart(built, prefixes(), out);
    }
  }

  private BodyCodec.Prefixes prefixes() {
    BodyCodec.Prefixes p = prefixes;
    if (p == null) {
      p = BodyCodec.prefixes(built);
      prefixes = p;
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultipartBody && ((MultipartBody) o).parts().equals(parts());
  }

  @Override
  public int hashCode() {
    return parts().hashCode();
  }

  @Override
  public String toString() {
    return "MultipartBody" + parts();
  }
}
