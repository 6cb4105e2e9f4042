package org.mmsstack.routing.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mmsstack.routing.RelayId;

/**
 * What the simulation expected and what the nodes observed. Expectations are written by the
 * traffic sources (a phone once its submission was answered, a foreign MMSE when it sends);
 * observations are written by the nodes as they act on bytes they received. {@link #verify}
 * compares the two. Nothing in here is ever handed from one node to another: nodes only talk
 * through the bytes on the {@link Network}.
 */
final class Ledger {

  enum Category {
    MMSE,
    FOREIGN,
    UNKNOWN
  }

  enum ReportKind {
    DELIVERY,
    READ
  }

  /** A recipient the originator addressed, and where it must end up. */
  record ExpectedRecipient(
      String number, Category category, Set<String> validHomes, String foreignDomain) {}

  /** One submitted message. */
  static final class Expected {
    final String messageId;
    final String originator;
    final Set<String> originatorHomes; // empty for a foreign originator
    final String originDomain; // null for our subscribers
    final boolean refusedAtBorder;
    String charger;
    final List<ExpectedRecipient> recipients;

    Expected(
        String messageId,
        String originator,
        Set<String> originatorHomes,
        String originDomain,
        String charger,
        boolean refusedAtBorder,
        List<ExpectedRecipient> recipients) {
      this.messageId = messageId;
      this.originator = originator;
      this.originatorHomes = originatorHomes;
      this.originDomain = originDomain;
      this.charger = charger;
      this.refusedAtBorder = refusedAtBorder;
      this.recipients = recipients;
    }
  }

  final Map<String, Expected> expected = new LinkedHashMap<>();
  private final Map<String, String> aliases = new HashMap<>();

  // Observations, keyed "msgId|number" (deliveries) or "msgId|subject|kind" (reports).
  final Map<String, List<String>> stored = new HashMap<>();
  final Map<String, List<String>> retrieved = new HashMap<>();
  final Map<String, List<String>> foreignDelivered = new HashMap<>();
  final Map<String, List<String>> rejected = new HashMap<>();
  final Map<String, List<String>> charged = new HashMap<>();
  final Map<String, Set<String>> chargingFields = new HashMap<>();
  final Map<String, Integer> reportsSent = new LinkedHashMap<>();
  final Map<String, List<String>> reportsAtHome = new HashMap<>();
  final Map<String, Integer> reportsAtPhone = new HashMap<>();
  final Map<String, List<String>> reportsAtForeign = new HashMap<>();
  final Map<String, Map<String, Integer>> edges = new HashMap<>();
  final List<String> violations = new ArrayList<>();

  // Counters for the statistics.
  final Map<String, Long> counters = new TreeMap<>();
  final Map<Integer, Long> pathLengths = new TreeMap<>();
  final Map<Integer, Long> intraHops = new TreeMap<>();

  void count(String name) {
    counters.merge(name, 1L, Long::sum);
  }

  long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** A node saw something that must never happen (leak, forged value trusted, loop ...). */
  void violation(String what) {
    violations.add(what);
  }

  void expect(Expected e) {
    if (expected.put(e.messageId, e) != null) {
      violation("message id minted twice: " + e.messageId);
    }
  }

  /** A foreign MMSE changed a Message-ID on the way back: attribute reports to the original. */
  void alias(String tampered, String original) {
    aliases.put(tampered, original);
  }

  String canonical(String messageId) {
    return aliases.getOrDefault(messageId, messageId);
  }

  static String key(String messageId, String number) {
    return messageId + "|" + number;
  }

  static String reportKey(String messageId, String subject, ReportKind kind) {
    return messageId + "|" + subject + "|" + kind;
  }

  private static void add(Map<String, List<String>> m, String key, String node) {
    m.computeIfAbsent(key, k -> new ArrayList<>(1)).add(node);
  }

  void stored(String messageId, String number, String node) {
    add(stored, key(messageId, number), node);
  }

  void retrieved(String messageId, String number, String node) {
    add(retrieved, key(messageId, number), node);
  }

  void foreignDelivered(String messageId, String number, String domain) {
    add(foreignDelivered, key(messageId, number), domain);
  }

  void rejected(String messageId, String recipient, String status, String node) {
    add(rejected, key(messageId, recipient), status + "@" + node);
  }

  void charged(String messageId, String node) {
    add(charged, messageId, node);
  }

  void chargingField(String messageId, RelayId charging) {
    chargingFields.computeIfAbsent(messageId, k -> new LinkedHashSet<>()).add(charging.value());
  }

  void reportSent(String messageId, String subject, ReportKind kind) {
    reportsSent.merge(reportKey(messageId, subject, kind), 1, Integer::sum);
  }

  void reportAtHome(String messageId, String subject, ReportKind kind, String node) {
    add(reportsAtHome, reportKey(canonical(messageId), subject, kind), node);
  }

  void reportAtPhone(String messageId, String subject, ReportKind kind) {
    reportsAtPhone.merge(reportKey(canonical(messageId), subject, kind), 1, Integer::sum);
  }

  void reportAtForeign(String messageId, String subject, ReportKind kind, String domain) {
    add(reportsAtForeign, reportKey(canonical(messageId), subject, kind), domain);
  }

  /** One transmission of an item between two nodes; retries of the same hop count once. */
  void edge(String itemKey, String from, String to) {
    edges
        .computeIfAbsent(itemKey, k -> new LinkedHashMap<>())
        .merge(from + ">" + to, 1, Integer::sum);
  }

  void path(List<RelayId> path, int hopLimit) {
    pathLengths.merge(path.size(), 1L, Long::sum);
    if (new LinkedHashSet<>(path).size() != path.size()) {
      violation("routing path repeats a Relay/Server: " + path);
    }
    if (path.size() > hopLimit) {
      violation("routing path longer than its hop limit " + hopLimit + ": " + path);
    }
  }

  /**
   * Compares expectations and observations.
   *
   * @param mmseNodes the names of this MMSE's Relay/Servers (for counting intra-MMSE hops)
   * @param maxIntraHops the most intra-MMSE hops any item may take in this scenario
   * @return every discrepancy, empty when the run was correct
   */
  List<String> verify(Set<String> mmseNodes, int maxIntraHops) {
    List<String> out = new ArrayList<>(violations);
    Set<String> expectedDeliveries = new LinkedHashSet<>();
    for (Expected e : expected.values()) {
      List<String> ch = charged.getOrDefault(e.messageId, List.of());
      if (e.refusedAtBorder) {
        if (!ch.isEmpty()) {
          out.add("refused message charged: " + e.messageId + " " + ch);
        }
      } else if (ch.size() != 1 || !ch.get(0).equals(e.charger)) {
        out.add("charging of " + e.messageId + ": expected once at " + e.charger + ", got " + ch);
      }
      Set<String> fields = chargingFields.getOrDefault(e.messageId, Set.of());
      if (!fields.isEmpty() && !fields.equals(Set.of(e.charger))) {
        out.add(
            "X-Mms-Routing-Charging of "
                + e.messageId
                + " named "
                + fields
                + ", expected "
                + e.charger);
      }
      for (ExpectedRecipient r : e.recipients) {
        String k = key(e.messageId, r.number());
        expectedDeliveries.add(k);
        List<String> st = stored.getOrDefault(k, List.of());
        List<String> rt = retrieved.getOrDefault(k, List.of());
        List<String> fd = foreignDelivered.getOrDefault(k, List.of());
        List<String> rj = rejected.getOrDefault(k, List.of());
        if (e.refusedAtBorder) {
          if (!st.isEmpty() || !fd.isEmpty() || !rt.isEmpty()) {
            out.add("refused message delivered: " + k);
          }
          continue;
        }
        switch (r.category()) {
          case MMSE -> {
            if (st.size() != 1 || !r.validHomes().contains(st.get(0))) {
              out.add(
                  "stored " + k + ": expected once at one of " + r.validHomes() + ", got " + st);
            }
            if (rt.size() != 1) {
              out.add("retrieved " + k + ": expected once, got " + rt);
            }
            if (!rj.isEmpty() || !fd.isEmpty()) {
              out.add("MMSE recipient also rejected or sent abroad: " + k + " " + rj + fd);
            }
          }
          case FOREIGN -> {
            if (fd.size() != 1 || !fd.get(0).equals(r.foreignDomain())) {
              out.add(
                  "foreign delivery "
                      + k
                      + ": expected once at "
                      + r.foreignDomain()
                      + ", got "
                      + fd);
            }
            if (!st.isEmpty() || !rj.isEmpty()) {
              out.add("foreign recipient stored or rejected in the MMSE: " + k);
            }
          }
          case UNKNOWN -> {
            if (rj.size() != 1
                || !rj.get(0).startsWith("Error-permanent-sending-address-unresolved@")) {
              out.add(
                  "unknown recipient "
                      + k
                      + ": expected one rejection (address unresolved), got "
                      + rj);
            }
            if (!st.isEmpty() || !fd.isEmpty()) {
              out.add("unknown recipient delivered: " + k);
            }
          }
        }
      }
    }
    for (Map<String, List<String>> m : List.of(stored, retrieved, foreignDelivered)) {
      for (String k : m.keySet()) {
        if (!expectedDeliveries.contains(k)) {
          out.add(
              "delivery nobody asked for (forged or tampered item accepted?): "
                  + k
                  + " at "
                  + m.get(k));
        }
      }
    }
    for (Map.Entry<String, Integer> s : reportsSent.entrySet()) {
      String k = s.getKey();
      if (s.getValue() != 1) {
        out.add("report generated " + s.getValue() + " times: " + k);
      }
      Expected e = expected.get(k.substring(0, k.indexOf('|')));
      if (e == null) {
        out.add("report for an unknown message: " + k);
        continue;
      }
      if (e.originDomain != null) {
        List<String> at = reportsAtForeign.getOrDefault(k, List.of());
        if (at.size() != 1 || !at.get(0).equals(e.originDomain)) {
          out.add("report " + k + ": expected once at " + e.originDomain + ", got " + at);
        }
      } else {
        List<String> at = reportsAtHome.getOrDefault(k, List.of());
        if (at.size() != 1 || !e.originatorHomes.contains(at.get(0))) {
          out.add(
              "report "
                  + k
                  + ": expected once at the originator's home "
                  + e.originatorHomes
                  + ", got "
                  + at);
        }
        if (reportsAtPhone.getOrDefault(k, 0) != 1) {
          out.add(
              "report "
                  + k
                  + ": originator's phone got it "
                  + reportsAtPhone.getOrDefault(k, 0)
                  + " times");
        }
      }
    }
    for (Map<String, ?> m : List.of(reportsAtHome, reportsAtForeign)) {
      for (String k : m.keySet()) {
        if (!reportsSent.containsKey(k)) {
          out.add("report arrived that nobody sent: " + k);
        }
      }
    }
    for (Map.Entry<String, Map<String, Integer>> e : edges.entrySet()) {
      // An item may come back to a Relay/Server it passed when newer routing data names that
      // Relay/Server its home (docs/routing-extension.md, "Failure behaviour"); it then ends
      // there. A loop is a node sending the same item on twice, or reaching it a third time.
      Set<String> sources = new LinkedHashSet<>();
      Map<String, Integer> arrivals = new LinkedHashMap<>();
      int intra = 0;
      for (String edge : e.getValue().keySet()) {
        String[] ft = edge.split(">");
        if (!sources.add(ft[0])) {
          out.add("loop: " + ft[0] + " sent " + e.getKey() + " on twice: " + e.getValue().keySet());
        }
        int n = arrivals.merge(ft[1], 1, Integer::sum);
        if (n == 2) {
          count("items back at a Relay/Server they passed (newer data named it home)");
        } else if (n > 2) {
          out.add(
              "loop: "
                  + e.getKey()
                  + " reached "
                  + ft[1]
                  + " "
                  + n
                  + " times: "
                  + e.getValue().keySet());
        }
        if (mmseNodes.contains(ft[0]) && mmseNodes.contains(ft[1])) {
          intra++;
        }
      }
      intraHops.merge(intra, 1L, Long::sum);
      if (intra > maxIntraHops) {
        out.add(
            "too many intra-MMSE hops ("
                + intra
                + " > "
                + maxIntraHops
                + "): "
                + e.getKey()
                + " "
                + e.getValue().keySet());
      }
    }
    return out;
  }

  /** The statistics block printed by the tests. */
  String statistics(String scenario) {
    long rcpts = 0;
    long mmse = 0;
    long foreign = 0;
    long unknown = 0;
    long refused = 0;
    for (Expected e : expected.values()) {
      if (e.refusedAtBorder) {
        refused++;
      }
      for (ExpectedRecipient r : e.recipients) {
        rcpts++;
        switch (r.category()) {
          case MMSE -> mmse++;
          case FOREIGN -> foreign++;
          case UNKNOWN -> unknown++;
        }
      }
    }
    long dr = reportsSent.keySet().stream().filter(k -> k.endsWith("DELIVERY")).count();
    StringBuilder sb = new StringBuilder();
    sb.append("== simulation ").append(scenario).append('\n');
    sb.append(
        String.format(
            "messages %d (refused at the border %d), recipients %d: MMSE %d, foreign %d, unknown %d%n",
            expected.size(), refused, rcpts, mmse, foreign, unknown));
    sb.append(
        String.format(
            "reports: delivery %d, read %d; retrievals %d%n",
            dr, reportsSent.size() - dr, retrieved.size()));
    sb.append("intra-MMSE hops per item (hops=items): ").append(intraHops).append('\n');
    sb.append("X-Mms-Routing-Path length on received hops (length=hops): ")
        .append(pathLengths)
        .append('\n');
    sb.append("counters: ").append(counters).append('\n');
    return sb.toString();
  }
}
