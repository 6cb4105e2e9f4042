package org.mmsstack.cli.render;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.format.Mm4Values;
import org.mmsstack.cli.format.ValueText;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.json.PduJson;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RoutingFields;

/**
 * The indented dump of {@code mms decode}: every header, every part, the routing extension
 * fields, then the findings; for MM4 mail, every header field with its parsed value, the MIME
 * structure, routing and findings (by line).
 */
public final class TextRenderer {

  /** Lines of a part's text shown without {@code --full}. */
  public static final int PREVIEW_LINES = 20;

  /** Octets of a part's text looked at without {@code --full}. */
  public static final int PREVIEW_OCTETS = 4096;

  private final PrintWriter out;
  private final boolean full;

  /** A dump that shows the first lines of each text part. */
  public TextRenderer(PrintWriter out) {
    this(out, false);
  }

  /**
   * A dump that shows all of each text part when {@code full}, else its first {@link
   * #PREVIEW_LINES} lines (at most {@link #PREVIEW_OCTETS} octets) and how many octets are left.
   */
  public TextRenderer(PrintWriter out, boolean full) {
    this.out = out;
    this.full = full;
  }

  /** Writes one item. */
  public void render(InputItem item, Checker.Result r) {
    if (r.isMm4()) {
      renderMm4(item, r);
      return;
    }
    Pdu pdu = r.pdu();
    if (pdu == null) {
      out.printf("%s: %d octets, not decodable%n", item.label(), item.pdu().length);
      findings(r.findings(), "  ", false);
      return;
    }
    out.printf(
        "%s: %s, MMS %s, %d octets%n",
        item.label(),
        pdu.messageType().wireName(),
        pdu.mmsVersion().map(Object::toString).orElse("?"),
        item.pdu().length);
    for (Header h : pdu.headers()) {
      out.printf("  %s: %s%n", h.name(), ValueText.of(h.value()));
    }
    Body body = pdu.body().orElse(null);
    if (body instanceof SinglePartBody) {
      SinglePartBody s = (SinglePartBody) body;
      out.printf("  Body: %d octets%n", s.dataSize());
    } else if (body instanceof MultipartBody) {
      parts(((MultipartBody) body).parts(), "  ", 0);
    }
    byte[] trailing = pdu.trailingOctets();
    if (trailing.length > 0) {
      out.printf("  Trailing octets: %d%n", trailing.length);
    }
    routing(r.routing());
    findings(r.findings(), "  ", false);
  }

  /** An MM4 message: type, every header (with its parsed value), the MIME structure, routing, findings. */
  private void renderMm4(InputItem item, Checker.Result r) {
    Mm4Message m = r.mm4();
    if (m == null) {
      out.printf("%s: MM4 message, %d octets, cannot be parsed%n", item.label(), item.pdu().length);
      findings(r.findings(), "  ", true);
      return;
    }
    out.printf(
        "%s: %s, 3GPP MMS %s, %d octets%n",
        item.label(),
        m.messageType().token(),
        m.mmsVersion().map(Object::toString).orElse("?"),
        item.pdu().length);
    for (Mm4Header h : m.headers()) {
      String typed = Mm4Values.parsed(m, h);
      out.printf(
          "  %s: %s%s%n", h.name(), oneLine(h.value()), typed == null ? "" : "  => " + typed);
    }
    MimeEntity root = m.content();
    out.printf(
        "  Content: %s, %d %s%n",
        root.contentType(),
        root.isMultipart() ? root.parts().size() : root.dataSize(),
        root.isMultipart() ? "parts" : "octets");
    if (root.isMultipart()) {
      entities(root.parts(), "  ", 0);
    } else {
      text(root, "    ");
    }
    routing(r.routing());
    findings(r.findings(), "  ", true);
  }

  private void entities(List<MimeEntity> parts, String indent, int depth) {
    for (int i = 0; i < parts.size(); i++) {
      MimeEntity p = parts.get(i);
      out.printf(
          "%sPart %d of %d: %s, %s%n",
          indent,
          i + 1,
          parts.size(),
          p.contentType(),
          p.isMultipart() ? p.parts().size() + " parts" : p.dataSize() + " octets");
      for (Mm4Header h : p.headers()) {
        if (!h.is("Content-Type")) {
          out.printf("%s    %s: %s%n", indent, h.name(), oneLine(h.value()));
        }
      }
      if (p.isMultipart()) {
        if (depth < 8) {
          entities(p.parts(), indent + "    ", depth + 1);
        }
      } else {
        text(p, indent + "    ");
      }
    }
  }

  private void text(MimeEntity e, String indent) {
    if (e.dataSize() > 0 && isText(e.contentType())) {
      Charset cs = StandardCharsets.US_ASCII; // as MimeEntity.text() decodes
      if (e.charset().isPresent()) {
        try {
          cs = Charset.forName(e.charset().get().strip());
        } catch (IllegalArgumentException ex) {
          cs = StandardCharsets.UTF_8;
        }
      }
      text(indent + "| ", e.data(), cs, e::text);
    }
  }

  /**
   * Prints text data line by line after {@code prefix}: all of it with {@code --full}, else its
   * first lines, and how many octets were not shown. Only the shown octets are decoded, so a part
   * of 40 MB costs no more than one of 4 KB.
   */
  private void text(String prefix, ByteBuffer data, Charset cs, Supplier<String> whole) {
    if (full) {
      for (String line : whole.get().stripTrailing().split("\r?\n", -1)) {
        out.printf("%s%s%n", prefix, line);
      }
      return;
    }
    ByteBuffer d = data.duplicate();
    int size = d.remaining();
    int end = Math.min(size, PREVIEW_OCTETS);
    int lines = 0;
    for (int i = 0; i < end; i++) {
      if (d.get(d.position() + i) == '\n' && ++lines == PREVIEW_LINES) {
        end = i + 1;
        break;
      }
    }
    int rest = end;
    while (rest < size && Character.isWhitespace(d.get(d.position() + rest))) {
      rest++;
    }
    byte[] shown = new byte[end];
    d.get(shown);
    String t = new String(shown, cs);
    t = rest < size ? t.replaceAll("\r?\n$", "") : t.stripTrailing();
    for (String line : t.split("\r?\n", -1)) {
      out.printf("%s%s%n", prefix, line);
    }
    if (rest < size) {
      out.printf(
          "%s(%d more octets not shown; --full prints all)%n",
          prefix.replace("| ", ""), size - end);
    }
  }

  /** Whether an MM4 entity's data is shown as text (text, SMIL, XML). */
  public static boolean isText(org.mmsstack.mm4.mime.ContentType t) {
    String sub = t.subtype().toLowerCase(java.util.Locale.ROOT);
    return t.type().equalsIgnoreCase("text")
        || sub.equals("smil")
        || sub.equals("xml")
        || sub.endsWith("+xml");
  }

  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** The routing extension fields by name, or why they are malformed. */
  private void routing(Checker.Routing routing) {
    if (routing == null) {
      return;
    }
    if (routing.fields() == null) {
      out.printf(
          "  Routing: malformed [%s] %s%n", routing.error().header(), routing.error().detail());
      return;
    }
    RoutingFields f = routing.fields();
    out.printf("  Routing (extension version %d):%n", f.version());
    out.printf("    Entry: %s%n", f.entry());
    out.printf("    Home: %s%n", f.home());
    out.printf(
        "    Path: %s (%d of at most %d hops)%n",
        f.path().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")),
        f.hops(),
        f.hopLimit());
    out.printf("    Table version: %d%n", f.tableVersion());
    out.printf("    Charging: %s%n", f.charging());
    for (Recipient rc : f.recipients()) {
      out.printf("    Recipient: %s%n", rc.wireText());
    }
    out.printf("    Issued: %s%n", f.issuedAt());
    out.printf(
        "    Signature key id: %s%n", f.signature().map(s -> s.keyId()).orElse("(unsigned)"));
  }

  private void parts(List<Part> parts, String indent, int depth) {
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      out.printf(
          "%sPart %d of %d: %s, %d octets%n",
          indent, i + 1, parts.size(), ValueText.contentType(p.contentType()), p.dataSize());
      for (PartHeader h : p.headers()) {
        out.printf("%s    %s: %s%n", indent, h.name(), ValueText.of(h.value()));
      }
      if (p.isMultipart() && depth < 4) {
        try {
          parts(p.asMultipart(DecodeConfig.LENIENT).parts(), indent + "    ", depth + 1);
        } catch (PduFormatException e) {
          out.printf("%s    (nested multipart not decodable: %s)%n", indent, e.getMessage());
        }
      } else if (PduJson.isText(p.contentType().mediaType()) && p.dataSize() > 0) {
        Charset cs =
            p.contentType()
                .charset()
                .flatMap(CharacterSet::javaCharset)
                .orElse(StandardCharsets.UTF_8);
        text(indent + "    | ", p.data(), cs, p::text);
      }
    }
  }

  private void findings(List<Finding> fs, String indent, boolean lines) {
    if (fs.isEmpty()) {
      return;
    }
    out.printf("%sFindings:%n", indent);
    for (Finding f : fs) {
      out.printf("%s  %s%n", indent, FindingText.of(f, lines));
    }
  }
}
