package org.mmsstack.cli.render;

import java.io.PrintWriter;
import java.util.List;
import org.mmsstack.cli.check.Checker;
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

/** The indented dump of {@code mms decode}: every header, every part, then the findings. */
public final class TextRenderer {

  private final PrintWriter out;

  public TextRenderer(PrintWriter out) {
    this.out = out;
  }

  /** Writes one item. */
  public void render(InputItem item, Checker.Result r) {
    Pdu pdu = r.pdu();
    if (pdu == null) {
      out.printf("%s: %d octets, not decodable%n", item.label(), item.pdu().length);
      findings(r.findings(), "  ");
      return;
    }
    out.printf("%s: %s, MMS %s, %d octets%n", item.label(), pdu.messageType().wireName(),
        pdu.mmsVersion().map(Object::toString).orElse("?"), item.pdu().length);
    for (Header h : pdu.headers()) {
      out.printf("  %s: %s%n", h.name(), ValueText.of(h.value()));
    }
    Body body = pdu.body().orElse(null);
    if (body instanceof SinglePartBody) {
      SinglePartBody s = (SinglePartBody) body;
      out.printf("  Body: %d octets%n", s.size());
    } else if (body instanceof MultipartBody) {
      parts(((MultipartBody) body).parts(), "  ", 0);
    }
    byte[] trailing = pdu.trailingOctets();
    if (trailing.length > 0) {
      out.printf("  Trailing octets: %d%n", trailing.length);
    }
    findings(r.findings(), "  ");
  }

  private void parts(List<Part> parts, String indent, int depth) {
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      out.printf("%sPart %d of %d: %s, %d octets%n", indent, i + 1, parts.size(),
          ValueText.contentType(p.contentType()), p.size());
      for (PartHeader h : p.headers()) {
        out.printf("%s    %s: %s%n", indent, h.name(), ValueText.of(h.value()));
      }
      if (p.isMultipart() && depth < 4) {
        try {
          parts(p.asMultipart(DecodeConfig.LENIENT).parts(), indent + "    ", depth + 1);
        } catch (PduFormatException e) {
          out.printf("%s    (nested multipart not decodable: %s)%n", indent, e.getMessage());
        }
      } else if (PduJson.isText(p.contentType().mediaType()) && p.size() > 0) {
        for (String line : p.text().stripTrailing().split("\r?\n", -1)) {
          out.printf("%s    | %s%n", indent, line);
        }
      }
    }
  }

  private void findings(List<Finding> fs, String indent) {
    if (fs.isEmpty()) {
      return;
    }
    out.printf("%sFindings:%n", indent);
    for (Finding f : fs) {
      out.printf("%s  %s%n", indent, FindingText.of(f));
    }
  }
}
