package org.mmsstack.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.format.ValueText;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.mime.Mm4Header;

/**
 * {@code mms decode --fields}: one line per PDU or MM4 message, the chosen fields separated by
 * tabs, as {@code tshark -T fields -e ...} prints them. A field is one of {@link #SPECIAL} or a
 * header name, with or without its {@code X-Mms-} prefix and in any case ({@code subject}, {@code
 * from}, {@code transaction-id}, {@code x-mms-priority}); a header that occurs several times gives
 * its values joined by commas, an absent one an empty column. Tabs and line ends in values are
 * written as {@code \t}, {@code \n} and {@code \r}.
 */
public final class FieldsRenderer {

  /** The fields that are not headers. */
  public static final List<String> SPECIAL =
      List.of(
          "file",
          "origin",
          "frame",
          "timestamp",
          "format",
          "size",
          "message-type",
          "mms-version",
          "status",
          "findings",
          "errors",
          "warnings",
          "codes");

  private final PrintWriter out;
  private final List<String> fields;

  /**
   * @param fields the fields, in column order
   * @throws IllegalArgumentException when a field name is empty or not a header name's shape
   */
  public FieldsRenderer(PrintWriter out, List<String> fields) {
    this.out = out;
    List<String> fs = new ArrayList<>();
    for (String f : fields) {
      String n = f.strip().toLowerCase(Locale.ROOT);
      if (!n.matches("[a-z0-9][a-z0-9_.-]*")) {
        throw new IllegalArgumentException(
            "--fields: \""
                + f
                + "\" is not a field ("
                + String.join(", ", SPECIAL)
                + ", or a header name)");
      }
      fs.add(n);
    }
    this.fields = List.copyOf(fs);
  }

  /** Writes the line of one item. */
  public void render(InputItem item, Checker.Result r) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append('\t');
      }
      line.append(escape(value(fields.get(i), item, r)));
    }
    out.println(line);
  }

  private static String value(String field, InputItem item, Checker.Result r) {
    switch (field) {
      case "file":
        return item.file();
      case "origin":
        return item.origin() == null ? "" : item.origin();
      case "frame":
        return item.frame() > 0 ? Long.toString(item.frame()) : "";
      case "timestamp":
        return item.timestamp() == null ? "" : item.timestamp().toString();
      case "format":
        return item.mm4() ? "mm4" : "pdu";
      case "size":
        return Integer.toString(item.pdu().length);
      case "message-type":
        if (r.pdu() != null) {
          return r.pdu().messageType().wireName();
        }
        return r.mm4() != null ? r.mm4().messageType().token() : "";
      case "mms-version":
        if (r.pdu() != null) {
          return r.pdu().mmsVersion().map(Object::toString).orElse("");
        }
        return r.mm4() != null ? r.mm4().mmsVersion().map(Object::toString).orElse("") : "";
      case "status":
        return !r.decoded()
            ? "undecodable"
            : r.worst() == null ? "clean" : r.worst().name().toLowerCase(Locale.ROOT);
      case "findings":
        return Integer.toString(r.findings().size());
      case "errors":
        return Long.toString(
            r.findings().stream()
                .filter(f -> f.severity() == org.mmsstack.encapsulation.Severity.ERROR)
                .count());
      case "warnings":
        return Long.toString(
            r.findings().stream()
                .filter(f -> f.severity() == org.mmsstack.encapsulation.Severity.WARNING)
                .count());
      case "codes":
        return r.findings().stream().map(Finding::code).distinct().collect(Collectors.joining(","));
      default:
        return header(field, r);
    }
  }

  private static String header(String field, Checker.Result r) {
    List<String> values = new ArrayList<>();
    Pdu pdu = r.pdu();
    if (pdu != null) {
      for (Header h : pdu.headers()) {
        if (matches(h.name(), field)) {
          // The value as text, without the wire code of enumerations: columns are for scripts.
          values.add(ValueText.of(h.value()).replaceAll(" \\(0x[0-9A-Fa-f]+\\)$", ""));
        }
      }
    }
    Mm4Message m = r.mm4();
    if (m != null) {
      for (Mm4Header h : m.headers()) {
        if (matches(h.name(), field)) {
          values.add(h.value().strip());
        }
      }
    }
    return String.join(",", values);
  }

  private static boolean matches(String name, String field) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals(field) || n.equals("x-mms-" + field);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
