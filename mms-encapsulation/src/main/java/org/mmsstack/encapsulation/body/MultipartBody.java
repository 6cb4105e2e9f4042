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
 * back unchanged; a body built from parts is encoded canonically.
 */
public final class MultipartBody implements Body {

  private final List<Part> parts;
  private final List<Finding> findings;
  // Decoded bodies: the original octets src[start, end).
  private final byte[] src;
  private final int start;
  private final int end;

  MultipartBody(List<Part> parts, List<Finding> findings, byte[] src, int start, int end) {
    this.parts = parts;
    this.findings = findings;
    this.src = src;
    this.start = start;
    this.end = end;
  }

  /** A body of these parts, in order. */
  public static MultipartBody of(List<Part> parts) {
    return new MultipartBody(List.copyOf(parts), List.of(), null, 0, 0);
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

  /** The parts, in order. */
  public List<Part> parts() {
    return parts;
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
  public void writeTo(OutputStream out) throws IOException {
    if (src != null) {
      out.write(src, start, end - start);
    } else {
      BodyCodec.writeMultipart(this, out);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultipartBody && ((MultipartBody) o).parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    return "MultipartBody" + parts;
  }
}
