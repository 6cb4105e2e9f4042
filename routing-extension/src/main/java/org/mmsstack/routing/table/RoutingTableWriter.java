package org.mmsstack.routing.table;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.table.internal.DigitKeys;
import org.mmsstack.routing.table.internal.KeyTargetTable;

/** The canonical encoder behind {@link RoutingTableCodec#encode}, which describes the form. */
final class RoutingTableWriter {

  private RoutingTableWriter() {}

  /** Writes {@code table} to {@code out} (not closed). */
  static void write(RoutingTable table, OutputStream out) throws IOException {
    new Run(table, out).write();
  }

  private static final class Run {
    private final RoutingTable table;
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private final byte[][] targetText;

    Run(RoutingTable table, OutputStream out) {
      this.table = table;
      this.out = out;
      List<RouteTarget> targets = table.targets();
      targetText = new byte[targets.size()][];
      for (int i = 0; i < targetText.length; i++) {
        targetText[i] = targets.get(i).toString().getBytes(StandardCharsets.US_ASCII);
      }
    }

    void write() throws IOException {
      TableVersion v = table.version();
      line(RoutingTableCodec.HEADER_KEYWORD + " " + RoutingTableCodec.FORMAT_VERSION);
      line("version " + v.number() + v.label().map(l -> " " + l).orElse(""));
      if (table.defaultRoute().isPresent()) {
        line("default " + table.defaultRoute().get());
      }
      List<String> domains = new ArrayList<>();
      table.domainTable().forEach((suffix, t) -> domains.add(suffix + " " + table.target(t)));
      Collections.sort(domains);
      for (String d : domains) {
        line("domain " + d);
      }
      entries("prefix ", table.prefixTable());
      entries("number ", table.overrideTable());
      flush();
    }

    private void entries(String keyword, KeyTargetTable entries) throws IOException {
      byte[] kw = keyword.getBytes(StandardCharsets.US_ASCII);
      for (long key : entries.sortedKeys()) {
        byte[] target = targetText[entries.get(key)];
        if (pos + kw.length + DigitKeys.MAX_DIGITS + target.length + 2 > buf.length) {
          flush();
        }
        System.arraycopy(kw, 0, buf, pos, kw.length);
        pos = DigitKeys.writeDigits(key, buf, pos + kw.length);
        buf[pos++] = ' ';
        System.arraycopy(target, 0, buf, pos, target.length);
        pos += target.length;
        buf[pos++] = '\n';
      }
    }

    private void line(String s) throws IOException {
      byte[] b = (s + "\n").getBytes(StandardCharsets.US_ASCII);
      if (pos + b.length > buf.length) {
        flush();
      }
      // Lines are short (names and labels are bounded), far below the buffer size.
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
    }

    private void flush() throws IOException {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }
}
