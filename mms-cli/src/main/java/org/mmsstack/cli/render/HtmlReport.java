package org.mmsstack.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.format.Hex;
import org.mmsstack.cli.format.Wire;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Severity;

/**
 * {@code mms validate --html FILE}: one self-contained HTML page (inline CSS, script and SVG; it
 * fetches nothing) with the summary, bar charts of the findings per code and per message type,
 * and per input its PDUs, each finding marked on the PDU's hex dump at its offset with the header
 * it belongs to highlighted.
 *
 * <p>The charts are SVG written here, so they show without scripts; the hex dumps are drawn by
 * the page's script from the octets embedded as data (hex, at most {@link #MAX_OCTETS} per PDU
 * and {@link #MAX_TOTAL_OCTETS} in all),
 * which keeps the file about twice the size of the PDUs rather than forty times. At most {@link
 * #MAX_DETAILED} PDUs are shown in detail; the summary and the charts count every one, and the
 * page says how many were left out. Not thread-safe: one report per run, fed from the reporting
 * thread.
 */
public final class HtmlReport {

  /** PDUs and MM4 messages shown in detail, at most. */
  public static final int MAX_DETAILED = 2000;

  /** Octets of one PDU embedded for its hex dump, at most. */
  public static final int MAX_OCTETS = 64 * 1024;

  /**
   * Octets embedded for hex dumps in all, at most: the report stays a file a browser opens (and
   * a few MiB of heap), however many large PDUs there are. Later PDUs are listed with their
   * findings but without a dump.
   */
  public static final int MAX_TOTAL_OCTETS = 4 * 1024 * 1024;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ArrayNode items = F.arrayNode();
  private final ArrayNode problems = F.arrayNode();
  private final Map<String, int[]> byCode = new TreeMap<>();
  private final Map<String, int[]> byType = new TreeMap<>();
  private int detailed;
  private int leftOut;
  private long embedded;

  /** Adds one checked PDU or MM4 message (its findings as the filters left them). */
  public void add(InputItem item, Checker.Result r) {
    String type =
        r.pdu() != null
            ? r.pdu().messageType().wireName()
            : r.mm4() != null ? r.mm4().messageType().token() : "(not decodable)";
    for (Finding f : r.findings()) {
      count(byCode, f.code(), f.severity());
      count(byType, type, f.severity());
    }
    if (detailed >= MAX_DETAILED) {
      leftOut++;
      return;
    }
    detailed++;
    ObjectNode n = items.addObject();
    n.put("label", item.label());
    n.put("type", type);
    n.put("size", item.pdu().length);
    n.put("mm4", r.isMm4());
    if (!r.isMm4()) {
      int shown =
          (int) Math.min(Math.min(item.pdu().length, MAX_OCTETS), MAX_TOTAL_OCTETS - embedded);
      embedded += shown;
      n.put("hex", Hex.of(item.pdu(), 0, shown));
      ArrayNode hs = n.putArray("headers");
      if (r.pdu() != null) {
        for (Header h : r.pdu().headers()) {
          if (h.hasOriginalEncoding() && h.offset() >= 0) {
            hs.addArray().add(h.offset()).add(h.offset() + h.originalLength()).add(h.name());
          }
        }
      } else {
        undecodedSpans(hs, item.pdu(), r.findings());
      }
    }
    ArrayNode fs = n.putArray("findings");
    for (Finding f : r.findings()) {
      ArrayNode a = fs.addArray();
      a.add(r.isMm4() ? f.line() : f.offset());
      a.add(f.severity().name());
      a.add(f.code());
      a.add(f.header().orElse(""));
      a.add(f.message());
    }
  }

  /**
   * The headers of a PDU that could not be decoded, walked by the first-octet rule as far as
   * they go; a finding beyond them belongs to the header that starts where they stop, and that
   * runs to the end of the octets (decoding gave up inside it).
   */
  private static void undecodedSpans(ArrayNode hs, byte[] pdu, List<Finding> findings) {
    int last = 0;
    for (int[] s : Wire.headerSpans(pdu, 0, pdu.length)) {
      int o = pdu[s[0]] & 0xFF;
      String name = o >= 0x80 ? HeaderField.valueOf(o & 0x7F).name() : "Application-header";
      hs.addArray().add(s[0]).add(s[1]).add(name);
      last = s[1];
    }
    for (Finding f : findings) {
      if (f.hasOffset() && f.offset() >= last && last < pdu.length && f.header().isPresent()) {
        hs.addArray().add(last).add(pdu.length).add(f.header().get());
        return;
      }
    }
  }

  /** Adds an input that yielded no PDU (unreadable, or a capture problem). */
  public void problem(InputItem item) {
    problems.addObject().put("label", item.label()).put("problem", item.problem());
  }

  private static void count(Map<String, int[]> m, String key, Severity s) {
    m.computeIfAbsent(key, k -> new int[3])[s.ordinal()]++;
  }

  /**
   * Writes the page.
   *
   * @param summary the summary as validate --json writes it
   */
  public void write(Writer out, ObjectNode summary, int exitStatus) throws IOException {
    ObjectNode data = F.objectNode();
    data.set("items", items);
    data.set("problems", problems);
    data.put("leftOut", leftOut);
    String json =
        new ObjectMapper().writeValueAsString(data).replace("</", "<\\/").replace("<!--", "<\\!--");
    StringBuilder b = new StringBuilder(json.length() + 16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>mms validate report</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>mms validate report</h1>\n");
    summary(b, summary, exitStatus);
    b.append("<h2>Findings per code</h2>\n");
    chart(b, "chart-codes", byCode);
    b.append("<h2>Findings per message type</h2>\n");
    chart(b, "chart-types", byType);
    b.append(
            "<h2>Inputs</h2>\n<p id=\"status\">The hex dumps are drawn by the page's script.</p>\n")
        .append("<div id=\"items\"></div>\n")
        .append("<script type=\"application/json\" id=\"data\">")
        .append(json)
        .append("</script>\n<script>\n")
        .append(SCRIPT)
        .append("</script>\n</body>\n</html>\n");
    out.write(b.toString());
  }

  private static void summary(StringBuilder b, ObjectNode s, int exitStatus) {
    b.append("<table class=\"summary\" id=\"summary\">\n");
    row(b, "files", s.path("files").asText());
    row(b, "PDUs", s.path("pdus").asText());
    s.path("pdusByType")
        .fields()
        .forEachRemaining(e -> row(b, "&nbsp;&nbsp;" + esc(e.getKey()), e.getValue().asText()));
    if (s.path("mm4Messages").asInt() > 0) {
      row(b, "MM4 messages", s.path("mm4Messages").asText());
      s.path("mm4ByType")
          .fields()
          .forEachRemaining(e -> row(b, "&nbsp;&nbsp;" + esc(e.getKey()), e.getValue().asText()));
    }
    row(b, "unreadable inputs", s.path("unreadable").asText());
    row(b, "inputs without a PDU", s.path("inputsWithoutPdu").asText());
    row(b, "<span class=\"sev ERROR\">errors</span>", s.path("errors").asText());
    row(b, "<span class=\"sev WARNING\">warnings</span>", s.path("warnings").asText());
    row(b, "<span class=\"sev INFO\">info</span>", s.path("infos").asText());
    row(b, "exit status", Integer.toString(exitStatus));
    b.append("</table>\n");
  }

  private static void row(StringBuilder b, String name, String value) {
    b.append("<tr><th>").append(name).append("</th><td>").append(esc(value)).append("</td></tr>\n");
  }

  /** A horizontal stacked bar chart (errors, warnings, info) as inline SVG. */
  private static void chart(StringBuilder b, String id, Map<String, int[]> counts) {
    if (counts.isEmpty()) {
      b.append("<p class=\"none\" id=\"").append(id).append("\">No findings.</p>\n");
      return;
    }
    List<Map.Entry<String, int[]>> rows = new ArrayList<>(counts.entrySet());
    rows.sort((x, y) -> Integer.compare(total(y.getValue()), total(x.getValue())));
    int max = total(rows.get(0).getValue());
    int label = 300;
    int width = 420;
    int height = 22 * rows.size() + 8;
    b.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" role=\"img\" aria-label=\"%s\">\n",
            id,
            label + width + 60,
            height,
            id.equals("chart-codes") ? "findings per code" : "findings per message type"));
    String[] colours = {"#6c8ebf", "#e0a800", "#c0392b"}; // INFO, WARNING, ERROR
    for (int i = 0; i < rows.size(); i++) {
      String key = rows.get(i).getKey();
      int[] c = rows.get(i).getValue();
      int y = 4 + 22 * i;
      b.append(String.format(Locale.ROOT, "<g class=\"bar\" data-key=\"%s\">", esc(key)))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                  label - 6,
                  y + 15,
                  esc(key)));
      double x = label;
      for (int s = 2; s >= 0; s--) {
        if (c[s] == 0) {
          continue;
        }
        double w = Math.max(1.0, (double) c[s] * width / max);
        b.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"><title>%s: %d"
                    + " %s</title></rect>",
                x,
                y,
                w,
                colours[s],
                esc(key),
                c[s],
                Severity.values()[s].name()));
        x += w;
      }
      b.append(
              String.format(
                  Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>", x + 6, y + 15, total(c)))
          .append("</g>\n");
    }
    b.append("</svg>\n");
  }

  private static int total(int[] c) {
    return c[0] + c[1] + c[2];
  }

  private static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}",
          "table.summary{border-collapse:collapse}",
          "table.summary th{text-align:left;font-weight:normal;padding:2px 1.5em 2px 0}",
          "table.summary td{text-align:right;font-variant-numeric:tabular-nums}",
          ".sev{padding:0 4px;border-radius:3px;color:#fff;font-size:90%}",
          ".sev.ERROR{background:#c0392b}.sev.WARNING{background:#e0a800}.sev.INFO{background:#6c8ebf}",
          "svg.chart text{font-size:12px;font-family:monospace}",
          "section.item{border-top:1px solid #ccc;margin-top:1em;padding-top:.5em}",
          "section.item h3{font-size:100%;margin:.2em 0}",
          "pre.hex{font-size:12px;line-height:1.35;overflow-x:auto}",
          "pre.hex .hdr{background:#fdf1c7}",
          "pre.hex .at{outline:2px solid #c0392b;font-weight:bold}",
          "pre.hex .at.WARNING{outline-color:#e0a800}pre.hex .at.INFO{outline-color:#6c8ebf}",
          "pre.hex .off{color:#888}",
          "ul.findings{margin:.3em 0;padding-left:1.2em}",
          "ul.findings li{margin:.15em 0}",
          ".code{font-family:monospace;color:#555}",
          "");

  /**
   * Draws each item from the data block: a heading, its findings (each linked to its octet), and
   * a hex dump of 16 octets a row in which the octets of each header that has a finding are
   * highlighted and the octet at a finding's offset is outlined and carries its message.
   */
  private static final String SCRIPT =
      String.join(
          "\n",
          "(function () {",
          "  'use strict';",
          "  var data = JSON.parse(document.getElementById('data').textContent);",
          "  var root = document.getElementById('items');",
          "  var shownFindings = 0, marked = 0;",
          "  function el(tag, cls, text) {",
          "    var e = document.createElement(tag);",
          "    if (cls) { e.className = cls; }",
          "    if (text !== undefined) { e.textContent = text; }",
          "    return e;",
          "  }",
          "  data.items.forEach(function (it, n) {",
          "    var sec = el('section', 'item');",
          "    sec.id = 'item-' + n;",
          "    sec.appendChild(el('h3', null, it.label + ' \\u2014 ' + it.type + ', ' + it.size + ' octets'));",
          "    var ul = el('ul', 'findings');",
          "    it.findings.forEach(function (f, k) {",
          "      var li = el('li', 'finding');",
          "      li.appendChild(el('span', 'sev ' + f[1], f[1]));",
          "      var where = f[0] < 0 || (it.mm4 && f[0] === 0) ? '' : (it.mm4 ? ' line ' : ' at ') + f[0];",
          "      var text = where + (f[3] ? ' [' + f[3] + ']' : '') + ' ' + f[4] + ' ';",
          "      if (!it.mm4 && f[0] >= 0) {",
          "        var a = el('a', null, text);",
          "        a.href = '#o-' + n + '-' + f[0];",
          "        li.appendChild(a);",
          "      } else {",
          "        li.appendChild(document.createTextNode(text));",
          "      }",
          "      li.appendChild(el('span', 'code', f[2]));",
          "      ul.appendChild(li);",
          "      shownFindings++;",
          "    });",
          "    if (it.findings.length === 0) { ul.appendChild(el('li', 'clean', 'no findings')); }",
          "    sec.appendChild(ul);",
          "    if (!it.mm4) {",
          "      var octets = it.hex.length / 2;",
          "      var hdr = new Array(octets), at = {};",
          "      it.findings.forEach(function (f) {",
          "        if (f[0] >= 0 && f[0] < octets) { at[f[0]] = f; }",
          "        it.headers.forEach(function (h) {",
          "          var hit = f[3] ? h[2] === f[3] && (f[0] < 0 || (f[0] >= h[0] && f[0] < h[1]))",
          "                         : f[0] >= h[0] && f[0] < h[1];",
          "          if (hit) { for (var i = h[0]; i < h[1] && i < octets; i++) { hdr[i] = h[2]; } }",
          "        });",
          "      });",
          "      var pre = el('pre', 'hex');",
          "      for (var row = 0; row < octets; row += 16) {",
          "        pre.appendChild(el('span', 'off', ('0000000' + row.toString(16)).slice(-8) + '  '));",
          "        for (var i = row; i < row + 16 && i < octets; i++) {",
          "          var cls = (hdr[i] ? 'hdr' : '') + (at[i] ? ' at ' + at[i][1] : '');",
          "          var s = el('span', cls.trim() || null, it.hex.substr(2 * i, 2));",
          "          s.id = 'o-' + n + '-' + i;",
          "          if (hdr[i]) { s.title = hdr[i]; }",
          "          if (at[i]) { s.title = at[i][2] + ': ' + at[i][4]; marked++; }",
          "          pre.appendChild(s);",
          "          pre.appendChild(document.createTextNode(i % 16 === 7 ? '  ' : ' '));",
          "        }",
          "        pre.appendChild(document.createTextNode('\\n'));",
          "      }",
          "      if (it.size > octets) {",
          "        pre.appendChild(el('span', 'off', '(' + (it.size - octets) + ' more octets not shown)'));",
          "      }",
          "      sec.appendChild(pre);",
          "    }",
          "    root.appendChild(sec);",
          "  });",
          "  data.problems.forEach(function (p) {",
          "    var sec = el('section', 'item problem');",
          "    sec.appendChild(el('h3', null, p.label));",
          "    sec.appendChild(el('p', null, p.problem));",
          "    root.appendChild(sec);",
          "  });",
          "  var status = document.getElementById('status');",
          "  status.textContent = 'Shown: ' + data.items.length + ' PDUs and messages, ' + shownFindings",
          "      + ' findings, ' + marked + ' marked on hex dumps'",
          "      + (data.leftOut > 0 ? '; ' + data.leftOut + ' more not shown in detail (counted above)' : '')",
          "      + '.';",
          "  status.setAttribute('data-rendered', 'true');",
          "})();",
          "");
}
