package org.mmsstack.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.format.Hex;
import org.mmsstack.cli.format.ValueText;
import org.mmsstack.cli.format.Wire;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.json.PduJson;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;

/**
 * The annotated hex dump of {@code mms decode --hex}: offset, octets and meaning, header by
 * header, then per part its Uintvar lengths, content type, headers and a data summary. A PDU
 * the codec cannot decode is still walked header by header as far as the octets allow, so the
 * dump shows where it breaks.
 */
public final class HexRenderer {

  private static final int PER_LINE = 16;
  private static final int DATA_PREVIEW = 16;

  private final PrintWriter out;
  private List<Finding> pending;

  public HexRenderer(PrintWriter out) {
    this.out = out;
  }

  /** Writes one item. */
  public void render(InputItem item, Checker.Result r) {
    byte[] b = item.pdu();
    pending = new ArrayList<>(r.findings());
    Pdu pdu = r.pdu();
    out.printf(
        "%s: %s, %d octets%n",
        item.label(), pdu == null ? "not decodable" : pdu.messageType().wireName(), b.length);
    out.printf("%-8s%-49s%s%n", "offset", "octets", "meaning");
    if (pdu == null) {
      Pdu lenient = null;
      try {
        lenient = PduCodec.decode(b, DecodeConfig.LENIENT);
      } catch (PduFormatException e) {
        // not even the structure: walk it by the first-octet rule below
      }
      if (lenient != null) {
        decoded(b, lenient);
      } else {
        undecodable(b, r.error());
      }
    } else {
      decoded(b, pdu);
    }
    for (Finding f : pending) {
      out.printf("        ^ %s%n", FindingText.of(f));
    }
  }

  private void decoded(byte[] b, Pdu pdu) {
    int end = 0;
    for (Header h : pdu.headers()) {
      if (!h.hasOriginalEncoding()) {
        continue;
      }
      int at = h.offset();
      span(b, at, at + h.originalLength(), meaning(h));
      end = Math.max(end, at + h.originalLength());
    }
    Body body = pdu.body().orElse(null);
    int trailing = pdu.trailingOctets().length;
    int bodyEnd = b.length - trailing;
    if (body instanceof SinglePartBody) {
      data(
          b,
          end,
          bodyEnd,
          "body",
          pdu.contentType().map(ct -> PduJson.isText(ct.mediaType())).orElse(false));
    } else if (body instanceof MultipartBody) {
      multipart(b, end, bodyEnd, ((MultipartBody) body).parts());
    }
    if (trailing > 0) {
      span(b, bodyEnd, b.length, "trailing octets (" + trailing + ")");
    }
  }

  private static String meaning(Header h) {
    try {
      return h.name() + ": " + ValueText.of(h.value());
    } catch (RuntimeException e) {
      return "(cannot be shown: " + e.getMessage() + ")";
    }
  }

  private void multipart(byte[] b, int start, int end, List<Part> parts) {
    Wire.Multipart m = Wire.multipart(b, start, end);
    if (m == null || m.entries().size() != parts.size()) {
      span(b, start, end, "multipart body (layout not walkable)");
      return;
    }
    span(b, m.count().offset(), m.count().end(), "multipart: " + m.count().value() + " entries");
    for (int i = 0; i < parts.size(); i++) {
      Wire.Entry e = m.entries().get(i);
      Part p = parts.get(i);
      String label = "part " + (i + 1) + ": ";
      span(
          b,
          e.headersLength().offset(),
          e.headersLength().end(),
          label + "HeadersLen " + e.headersLength().value());
      span(
          b,
          e.dataLength().offset(),
          e.dataLength().end(),
          label + "DataLen " + e.dataLength().value());
      List<int[]> spans = Wire.partHeaderSpans(b, e.headStart(), e.dataStart());
      List<PartHeader> hs = p.headers();
      for (int k = 0; k < spans.size(); k++) {
        int[] s = spans.get(k);
        String meaning =
            k == 0
                ? "Content-Type: " + ValueText.contentType(p.contentType())
                : k - 1 < hs.size()
                    ? hs.get(k - 1).name() + ": " + ValueText.of(hs.get(k - 1).value())
                    : "header";
        span(b, s[0], s[1], label + meaning);
      }
      int walked = spans.isEmpty() ? e.headStart() : spans.get(spans.size() - 1)[1];
      if (walked < e.dataStart()) {
        span(b, walked, e.dataStart(), label + "header octets not walkable");
      }
      data(
          b,
          e.dataStart(),
          e.dataEnd(),
          label + "data",
          PduJson.isText(p.contentType().mediaType()));
    }
  }

  private void data(byte[] b, int start, int end, String label, boolean text) {
    int n = end - start;
    StringBuilder meaning = new StringBuilder(label).append(", ").append(n).append(" octets");
    if (text && n > 0) {
      int m = Math.min(n, 40);
      StringBuilder t = new StringBuilder();
      for (int i = start; i < start + m; i++) {
        int c = b[i] & 0xFF;
        t.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
      }
      meaning.append(": \"").append(t).append(n > m ? "...\"" : "\"");
    }
    int shown = n > DATA_PREVIEW ? DATA_PREVIEW - 1 : n;
    String octets = Hex.spaced(b, start, start + shown) + (n > shown ? " .." : "");
    out.printf("%06x  %-47s  %s%n", start, octets, meaning);
    findingsIn(start, end);
  }

  private void undecodable(byte[] b, PduFormatException error) {
    int type = b.length > 1 ? b[1] & 0xFF : 0;
    int at = 0;
    int stopAt = error != null && error.offset() >= 0 ? error.offset() : b.length;
    for (int[] s : Wire.headerSpans(b, 0, b.length)) {
      if (s[0] > stopAt || s[1] > b.length) {
        break;
      }
      span(b, s[0], s[1], guess(b, s[0], s[1], type));
      at = s[1];
      if (s[1] > stopAt) {
        break;
      }
    }
    if (at < b.length) {
      int o = b[at] & 0xFF;
      String what = o >= 0x80 ? HeaderField.valueOf(o & 0x7F).name() + ": " : "";
      span(b, at, b.length, what + "not decodable (" + (b.length - at) + " octets to the end)");
    }
  }

  /** A header's meaning decoded on its own (in a PDU of the given type), or its name. */
  private static String guess(byte[] b, int start, int end, int type) {
    int o = b[start] & 0xFF;
    String name = o >= 0x80 ? HeaderField.valueOf(o & 0x7F).name() : "Application-header";
    byte[] stub = new byte[end - start + 3];
    stub[0] = (byte) 0x8C;
    stub[1] = (byte) type;
    System.arraycopy(b, start, stub, 2, end - start);
    try {
      Pdu p =
          PduCodec.decode(stub, 0, o == 0x84 ? stub.length : stub.length - 1, DecodeConfig.LENIENT);
      if (p.headers().size() > 1) {
        Header h = p.headers().get(1);
        return h.name() + ": " + ValueText.of(h.value());
      }
    } catch (PduFormatException | RuntimeException e) {
      return name + ": (not decodable: " + e.getMessage() + ")";
    }
    return name;
  }

  /** Octets {@code [start, end)} in lines of 16, the meaning on the first line, then findings inside. */
  private void span(byte[] b, int start, int end, String meaning) {
    if (start >= end) {
      out.printf("%06x  %-47s  %s%n", start, "", meaning);
    }
    for (int i = start; i < end; i += PER_LINE) {
      int to = Math.min(end, i + PER_LINE);
      out.printf("%06x  %-47s  %s%n", i, Hex.spaced(b, i, to), i == start ? meaning : "");
    }
    findingsIn(start, end);
  }

  private void findingsIn(int start, int end) {
    for (var it = pending.iterator(); it.hasNext(); ) {
      Finding f = it.next();
      if (f.offset() >= start && f.offset() < end) {
        out.printf("        ^ %s%n", FindingText.of(f));
        it.remove();
      }
    }
  }
}
