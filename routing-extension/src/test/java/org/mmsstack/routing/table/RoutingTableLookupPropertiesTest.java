package org.mmsstack.routing.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RouteTarget;

/**
 * The fast table against a naive reference: linear scans over plain maps, written from the rules
 * in {@link RoutingTable}'s documentation. Tables and queries are random but seeded.
 */
class RoutingTableLookupPropertiesTest {

  private static final RouteTarget[] TARGETS = {
    RouteTarget.relay("rs-a"),
    RouteTarget.relay("rs-b"),
    RouteTarget.relay("rs-c"),
    RouteTarget.foreignMmse("mms.mnc001.mcc262.gprs"),
    RouteTarget.reject(RejectReason.BARRED),
    RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT)
  };

  private static final String[] LABELS = {
    "com", "example", "mms", "net", "a", "b", "x-y", "mnc001"
  };

  /** The rules, the slow and obvious way. */
  private static final class Reference {
    final Map<String, RouteTarget> prefixes = new HashMap<>();
    final Map<String, RouteTarget> overrides = new HashMap<>();
    final Map<String, RouteTarget> domains = new HashMap<>();
    RouteTarget defaultRoute;

    RouteTarget fallback() {
      return defaultRoute != null ? defaultRoute : RouteTarget.reject(RejectReason.NO_ROUTE);
    }

    RouteTarget number(String s) {
      String d = s.startsWith("+") ? s.substring(1) : s;
      if (d.isEmpty() || d.length() > 15 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return RouteTarget.reject(RejectReason.INVALID_ADDRESS);
      }
      if (overrides.containsKey(d)) {
        return overrides.get(d);
      }
      RouteTarget best = null;
      int bestLength = -1;
      for (Map.Entry<String, RouteTarget> e : prefixes.entrySet()) {
        if (d.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
          best = e.getValue();
          bestLength = e.getKey().length();
        }
      }
      return best != null ? best : fallback();
    }

    RouteTarget domain(String name) {
      String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
      String[] labels = n.split("\\.", -1);
      if (n.isEmpty() || n.length() > 253) {
        return RouteTarget.reject(RejectReason.INVALID_ADDRESS);
      }
      for (String l : labels) {
        if (l.isEmpty()
            || l.length() > 63
            || !l.chars()
                .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
          return RouteTarget.reject(RejectReason.INVALID_ADDRESS);
        }
      }
      String lower = n.toLowerCase(Locale.ROOT);
      RouteTarget best = null;
      int bestLength = -1;
      for (Map.Entry<String, RouteTarget> e : domains.entrySet()) {
        String k = e.getKey();
        boolean match = lower.equals(k) || lower.endsWith("." + k);
        if (match && k.length() > bestLength) {
          best = e.getValue();
          bestLength = k.length();
        }
      }
      return best != null ? best : fallback();
    }
  }

  private static String digits(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // A small alphabet so that random numbers often share prefixes with the table.
      sb.append((char) ('0' + r.nextInt(r.nextBoolean() ? 3 : 10)));
    }
    return sb.toString();
  }

  private static String domain(Random r) {
    int n = 1 + r.nextInt(4);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String label = LABELS[r.nextInt(LABELS.length)];
      if (r.nextInt(8) == 0) {
        label = "evil" + label;
      }
      if (r.nextInt(4) == 0) {
        label = label.toUpperCase(Locale.ROOT);
      }
      sb.append(i == 0 ? "" : ".").append(label);
    }
    return sb.toString();
  }

  @Property(tries = 300, seed = "20261125")
  void fastTableAgreesWithReference(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    Random r = new Random(seed);
    Reference ref = new Reference();
    RoutingTableBuilder b = RoutingTable.builder(TableVersion.of(1));
    int prefixes = r.nextInt(60);
    for (int i = 0; i < prefixes; i++) {
      String p = digits(r, 1 + r.nextInt(r.nextBoolean() ? 4 : 15));
      RouteTarget t = TARGETS[r.nextInt(TARGETS.length)];
      if (ref.prefixes.putIfAbsent(p, t) == null) {
        b.prefix(r.nextBoolean() ? "+" + p : p, t);
      }
    }
    int overrides = r.nextInt(30);
    for (int i = 0; i < overrides; i++) {
      String n = digits(r, 1 + r.nextInt(15));
      RouteTarget t = TARGETS[r.nextInt(TARGETS.length)];
      if (ref.overrides.putIfAbsent(n, t) == null) {
        b.override(n, t);
      }
    }
    int domains = r.nextInt(12);
    for (int i = 0; i < domains; i++) {
      String d = domain(r);
      RouteTarget t = TARGETS[r.nextInt(TARGETS.length)];
      if (ref.domains.putIfAbsent(d.toLowerCase(Locale.ROOT), t) == null) {
        b.domain(d, t);
      }
    }
    if (r.nextBoolean()) {
      ref.defaultRoute = TARGETS[r.nextInt(TARGETS.length)];
      b.defaultRoute(ref.defaultRoute);
    }
    RoutingTable table = b.build();

    List<String> numbers = new ArrayList<>(ref.overrides.keySet());
    for (String p : ref.prefixes.keySet()) {
      numbers.add(p + digits(r, r.nextInt(16 - p.length())));
    }
    for (int i = 0; i < 100; i++) {
      numbers.add(digits(r, r.nextInt(18)));
    }
    numbers.add("+" + digits(r, 5));
    numbers.add("12a4");
    for (String n : numbers) {
      RouteTarget expected = ref.number(n);
      assertEquals(expected, table.lookupNumber(n), n);
      assertEquals(expected, table.lookupAddress(n + "/TYPE=PLMN"), n);
      byte[] bytes = ("##" + n + "##").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      assertEquals(expected, table.lookupNumber(bytes, 2, n.length()), n);
      if (!n.isEmpty()
          && n.length() <= 15
          && n.chars().allMatch(Character::isDigit)
          && n.length() <= 18) {
        assertEquals(expected, table.lookupNumber(Long.parseLong(n), n.length()), n);
      }
      assertEquals(expected, table.explain(n + "/TYPE=PLMN").target(), n);
    }
    // The batch form, over more numbers than one of its stages holds, at an offset, with
    // values no digit count allows among them.
    List<String> digitStrings = new ArrayList<>();
    for (String n : numbers) {
      if (!n.isEmpty() && n.length() <= 15 && n.chars().allMatch(Character::isDigit)) {
        digitStrings.add(n);
      }
    }
    int count = digitStrings.size() + 2;
    long[] values = new long[count + 3];
    int[] counts = new int[count + 3];
    for (int i = 0; i < digitStrings.size(); i++) {
      values[3 + i] = Long.parseLong(digitStrings.get(i));
      counts[3 + i] = digitStrings.get(i).length();
    }
    values[3 + digitStrings.size()] = 1000; // four digits in a count of three
    counts[3 + digitStrings.size()] = 3;
    values[4 + digitStrings.size()] = -1;
    counts[4 + digitStrings.size()] = 5;
    RouteTarget[] out = new RouteTarget[count + 1];
    table.lookupNumbers(values, counts, 3, count, out, 1);
    for (int i = 0; i < count; i++) {
      assertEquals(
          table.lookupNumber(values[3 + i], counts[3 + i]),
          out[1 + i],
          values[3 + i] + "/" + counts[3 + i]);
    }
    for (int i = 0; i < digitStrings.size(); i++) {
      assertEquals(ref.number(digitStrings.get(i)), out[1 + i], digitStrings.get(i));
    }
    for (int i = 0; i < 60; i++) {
      String d = r.nextInt(10) == 0 ? domain(r) + ".." : domain(r);
      RouteTarget expected = ref.domain(d);
      assertEquals(expected, table.lookupDomain(d), d);
      assertEquals(expected, table.lookupAddress("user@" + d), d);
      assertEquals(expected, table.lookupAddress(d), d);
      // A '/' never belongs to a domain, whatever follows it.
      assertEquals(
          RouteTarget.reject(RejectReason.INVALID_ADDRESS),
          table.lookupAddress(d + "/TYPE=PLMN"),
          d);
      assertEquals(
          RouteTarget.reject(RejectReason.INVALID_ADDRESS),
          table.lookupAddress(d + "/TYPE=IPv4"),
          d);
    }
  }

  @Property(tries = 50, seed = "7")
  void writerAndParserRoundTripRandomTables(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) throws Exception {
    Random r = new Random(seed);
    RoutingTableBuilder b =
        RoutingTable.builder(
            TableVersion.of(r.nextInt(1000), r.nextBoolean() ? "l" + r.nextInt(99) : null));
    Map<String, Boolean> seen = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      String p = digits(r, 1 + r.nextInt(15));
      RouteTarget t = TARGETS[r.nextInt(TARGETS.length)];
      if (seen.putIfAbsent("p" + p, true) == null) {
        b.prefix(p, t);
      }
      if (seen.putIfAbsent("n" + p, true) == null && r.nextBoolean()) {
        b.override(p, t);
      }
    }
    for (int i = 0; i < 5; i++) {
      String d = domain(r);
      if (seen.putIfAbsent("d" + d.toLowerCase(Locale.ROOT), true) == null) {
        b.domain(d, TARGETS[r.nextInt(TARGETS.length)]);
      }
    }
    if (r.nextBoolean()) {
      b.defaultRoute(TARGETS[r.nextInt(TARGETS.length)]);
    }
    RoutingTable table = b.build();
    String text =
        new String(RoutingTableCodec.encode(table), java.nio.charset.StandardCharsets.US_ASCII);
    RoutingTable again = RoutingTableCodec.decode(text);
    assertEquals(table, again);
    assertEquals(
        text,
        new String(RoutingTableCodec.encode(again), java.nio.charset.StandardCharsets.US_ASCII));
  }
}
