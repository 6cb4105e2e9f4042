package org.mmsstack.routing.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.table.internal.DigitKeys;
import org.mmsstack.routing.table.internal.KeyTargetTable;

/**
 * Writes a {@link RoutingTable} in the text format {@link RoutingTableParser} reads, in a
 * canonical form: the format line, the version line, the default route, then domain suffixes,
 * prefixes and override numbers, each group sorted (digit strings lexicographically), one entry
 * per line, single spaces, LF line ends, no {@code '+'}. Parsing the output gives an equal table,
 * and writing that table gives the same bytes.
 */
public final class RoutingTableWriter {

  private RoutingTableWriter() {
  }

  /** Writes {@code table} to {@code out} (not closed). */
  public static void write(RoutingTable table, OutputStream out) throws IOException {
    new Run(table, out).write();
  }

  /** Writes {@code table} to {@code file}, replacing it. */
  public static void write(RoutingTable table, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(table, out);
    }
  }

  /** The file content for {@code table}. */
  public static String toText(RoutingTable table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.US_ASCII);
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
      line(RoutingTableParser.HEADER_KEYWORD + " " + RoutingTableParser.FORMAT_VERSION);
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
