package org.mmsstack.benchmarks.routing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A synthetic but plausible routing data set, the same on every run (fixed seed).
 *
 * <p>Number ranges are prefixes of 6 to 9 digits under fourteen country codes (as a national
 * numbering plan allocates blocks); overrides are full numbers of 11 to 13 digits under the same
 * codes (ported subscribers inside those blocks). Targets are 16 Relay/Servers, 48 foreign MMSEs
 * and two rejections. The lookup keys mix, in random order, equal thirds of override hits, prefix
 * hits (a random number inside a random range) and misses (numbers under country codes the table
 * does not have, which probe every prefix length before falling to the default).
 */
public final class RoutingData {

  static final String[] COUNTRY_CODES = {
    "49", "43", "41", "33", "44", "39", "34", "31", "32", "45", "46", "47", "48", "1"
  };
  static final String[] MISSING_CODES = {"7", "86", "81", "55", "61"};
  static final long SEED = 0x5EED_2026L;

  final List<String> prefixes = new ArrayList<>();
  final List<String> overrides = new ArrayList<>();
  final List<String> targets = new ArrayList<>();
  final int[] prefixTargets;
  final int[] overrideTargets;

  RoutingData(int prefixCount, int overrideCount) {
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int i = 0; i < 16; i++) {
      targets.add("relay rs-" + i);
    }
    for (int i = 0; i < 48; i++) {
      targets.add("mmse mms.mnc" + (100 + i) + ".mcc262.gprs");
    }
    targets.add("reject barred");
    targets.add("reject unknown-recipient");
    Set<String> seen = new HashSet<>();
    prefixTargets = new int[prefixCount];
    while (prefixes.size() < prefixCount) {
      String p = number(rnd, 6 + rnd.nextInt(4));
      if (seen.add(p)) {
        prefixTargets[prefixes.size()] = rnd.nextInt(targets.size());
        prefixes.add(p);
      }
    }
    seen.clear();
    overrideTargets = new int[overrideCount];
    while (overrides.size() < overrideCount) {
      String n = number(rnd, 11 + rnd.nextInt(3));
      if (seen.add(n)) {
        overrideTargets[overrides.size()] = rnd.nextInt(16);
        overrides.add(n);
      }
    }
  }

  private static String number(SplittableRandom rnd, int length) {
    String cc = COUNTRY_CODES[rnd.nextInt(COUNTRY_CODES.length)];
    return cc + digits(rnd, length - cc.length());
  }

  private static String digits(SplittableRandom rnd, int n) {
    char[] c = new char[Math.max(0, n)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('0' + rnd.nextInt(10));
    }
    return new String(c);
  }

  int entryCount() {
    return prefixes.size() + overrides.size();
  }

  /** The table in the text format. */
  void write(OutputStream out) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append(
            "# synthetic routing table for benchmarks\nmms-routing-table 1\nversion 1 benchmark\n")
        .append("default reject unknown-recipient\n");
    for (int i = 0; i < prefixes.size(); i++) {
      sb.append("prefix ")
          .append(prefixes.get(i))
          .append(' ')
          .append(targets.get(prefixTargets[i]))
          .append('\n');
      flushIfFull(sb, out);
    }
    for (int i = 0; i < overrides.size(); i++) {
      sb.append("number ")
          .append(overrides.get(i))
          .append(' ')
          .append(targets.get(overrideTargets[i]))
          .append('\n');
      flushIfFull(sb, out);
    }
    out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static void flushIfFull(StringBuilder sb, OutputStream out) throws IOException {
    if (sb.length() > 60_000) {
      out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      sb.setLength(0);
    }
  }

  /** Writes the table to a temporary file, deleted when the JVM exits. */
  Path writeTempFile() throws IOException {
    Path file = Files.createTempFile("routing-benchmark", ".table");
    file.toFile().deleteOnExit();
    // The buffered stream is the resource, so closing it flushes its last block; closing
    // only the file stream under it would leave the file short of its tail.
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out);
    }
    return file;
  }

  /** {@code count} lookup numbers (digit strings), in random order, a third of each kind. */
  String[] lookupKeys(int count) {
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    String[] keys = new String[count];
    for (int i = 0; i < count; i++) {
      switch (i % 3) {
        case 0:
          keys[i] = overrides.get(rnd.nextInt(overrides.size()));
          break;
        case 1:
          {
            String p = prefixes.get(rnd.nextInt(prefixes.size()));
            keys[i] = p + digits(rnd, 12 - p.length());
            break;
          }
        default:
          {
            String cc = MISSING_CODES[rnd.nextInt(MISSING_CODES.length)];
            keys[i] = cc + digits(rnd, 12 - cc.length());
            break;
          }
      }
    }
    for (int i = count - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = keys[i];
      keys[i] = keys[j];
      keys[j] = t;
    }
    return keys;
  }
}
