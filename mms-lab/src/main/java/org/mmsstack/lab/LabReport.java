package org.mmsstack.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of a lab run: what was sent, what arrived how often, where the reports went, and
 * every rule the run broke. Immutable and thread-safe.
 *
 * <p>{@link #passed()} holds when every (message, recipient) was delivered exactly once, every
 * expected delivery report and every sent read report reached the originator's home once, the
 * run reached quiescence before its timeout, and no violation was recorded.
 */
public final class LabReport {

  /** The ledger's figures (latencies sorted, in nanoseconds). */
  record Accounting(
      int messages,
      int recipients,
      int delivered,
      int duplicates,
      List<String> lost,
      int deliveryReportsExpected,
      int deliveryReportsHome,
      int readReportsSent,
      int readReportsHome,
      int duplicateReports,
      int maxHops,
      Set<Long> tableVersions,
      int relayRestarts,
      List<Long> latenciesNanos,
      long trafficNanos,
      List<String> violations,
      Map<String, Long> counts) {}

  private final LabConfig config;
  private final Accounting a;
  private final boolean quiescent;
  private final String routingStore;
  private final long wallMillis;
  private final long hopsSent;
  private final long hopRetries;

  LabReport(
      LabConfig config,
      Accounting accounting,
      boolean quiescent,
      String routingStore,
      long wallMillis,
      long hopsSent,
      long hopRetries) {
    this.config = config;
    this.a = accounting;
    this.quiescent = quiescent;
    this.routingStore = routingStore;
    this.wallMillis = wallMillis;
    this.hopsSent = hopsSent;
    this.hopRetries = hopRetries;
  }

  public LabConfig config() {
    return config;
  }

  /** Whether every outbox and phone was idle before the timeout. */
  public boolean quiescent() {
    return quiescent;
  }

  public int messages() {
    return a.messages();
  }

  /** (message, recipient) pairs accepted by an entry. */
  public int recipients() {
    return a.recipients();
  }

  /** Pairs notified and retrieved at least once. */
  public int delivered() {
    return a.delivered();
  }

  /** Deliveries beyond the first of a pair. */
  public int duplicates() {
    return a.duplicates();
  }

  /** Pairs never delivered. */
  public int lost() {
    return a.lost().size();
  }

  public int deliveryReportsExpected() {
    return a.deliveryReportsExpected();
  }

  public int deliveryReportsHome() {
    return a.deliveryReportsHome();
  }

  public int readReportsSent() {
    return a.readReportsSent();
  }

  public int readReportsHome() {
    return a.readReportsHome();
  }

  public int maxHops() {
    return a.maxHops();
  }

  /** Distinct routing data versions the extended nodes installed. */
  public int tableVersions() {
    return a.tableVersions().size();
  }

  public int relayRestarts() {
    return a.relayRestarts();
  }

  /** What the routing data came from, e.g. {@code directory}. */
  public String routingStore() {
    return routingStore;
  }

  public long wallMillis() {
    return wallMillis;
  }

  /** Every rule the run broke, in the order seen. */
  public List<String> violations() {
    return a.violations();
  }

  /** Latency percentile (0-100) from submission to notification, in milliseconds. */
  public double latencyMillis(double percentile) {
    List<Long> l = a.latenciesNanos();
    if (l.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(percentile / 100.0 * l.size()) - 1;
    return l.get(Math.max(0, Math.min(l.size() - 1, i))) / 1e6;
  }

  /** Messages per second from the first submission to the last notification. */
  public double messagesPerSecond() {
    return a.trafficNanos() <= 0 ? 0 : a.messages() / (a.trafficNanos() / 1e9);
  }

  public boolean passed() {
    return quiescent
        && a.recipients() > 0
        && a.delivered() == a.recipients()
        && a.duplicates() == 0
        && a.lost().isEmpty()
        && a.deliveryReportsHome() == a.deliveryReportsExpected()
        && a.readReportsHome() == a.readReportsSent()
        && a.duplicateReports() == 0
        && a.violations().isEmpty();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** The summary as ordered name/value pairs (numbers, strings, booleans), for JSON output. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("passed", passed());
    m.put("seed", config.seed());
    m.put("relays", config.relays());
    m.put("legacy", config.legacy());
    m.put("messages", a.messages());
    m.put("recipients", a.recipients());
    m.put("delivered", a.delivered());
    m.put("duplicates", a.duplicates());
    m.put("lost", a.lost().size());
    m.put("deliveryReportsExpected", a.deliveryReportsExpected());
    m.put("deliveryReportsHome", a.deliveryReportsHome());
    m.put("readReportsSent", a.readReportsSent());
    m.put("readReportsHome", a.readReportsHome());
    m.put("duplicateReports", a.duplicateReports());
    m.put("maxHops", a.maxHops());
    m.put("tableVersions", a.tableVersions().size());
    m.put("relayRestarts", a.relayRestarts());
    m.put("routingStore", routingStore);
    Map<String, Object> lat = new LinkedHashMap<>();
    lat.put("p50", round(latencyMillis(50)));
    lat.put("p90", round(latencyMillis(90)));
    lat.put("p99", round(latencyMillis(99)));
    lat.put("max", round(latencyMillis(100)));
    m.put("latencyMs", lat);
    m.put("messagesPerSecond", round(messagesPerSecond()));
    m.put("mm4Transfers", hopsSent);
    m.put("mm4Retries", hopRetries);
    m.put("quiescent", quiescent);
    m.put("wallMs", wallMillis);
    m.put("violations", a.violations().size());
    return m;
  }

  /** A human-readable summary, one fact a line. */
  public List<String> summaryLines() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            "lab: %d extended + %d legacy Relay/Servers, seed %d, routing data from %s",
            config.relays(), config.legacy(), config.seed(), routingStore));
    out.add(
        String.format(
            "messages %d, recipients %d, delivered %d, duplicates %d, lost %d",
            a.messages(), a.recipients(), a.delivered(), a.duplicates(), a.lost().size()));
    out.add(
        String.format(
            "delivery reports home %d of %d, read reports home %d of %d sent, duplicate reports %d",
            a.deliveryReportsHome(),
            a.deliveryReportsExpected(),
            a.readReportsHome(),
            a.readReportsSent(),
            a.duplicateReports()));
    out.add(
        String.format(
            "max hops %d, table versions %s, relay restarts %d, MM4 transfers %d (retries %d)",
            a.maxHops(), a.tableVersions(), a.relayRestarts(), hopsSent, hopRetries));
    out.add(
        String.format(
            "submit to notification: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f messages/s; wall %d ms",
            latencyMillis(50),
            latencyMillis(90),
            latencyMillis(99),
            latencyMillis(100),
            messagesPerSecond(),
            wallMillis));
    a.counts().forEach((k, v) -> out.add("  " + k + ": " + v));
    if (!quiescent) {
      out.add("NOT QUIESCENT: work was still pending at the timeout of " + config.timeout());
    }
    int shown = 0;
    for (String v : a.violations()) {
      if (shown++ == 20) {
        out.add("  ... " + (a.violations().size() - 20) + " more violations");
        break;
      }
      out.add("VIOLATION: " + v);
    }
    int lostShown = 0;
    for (String l : a.lost()) {
      if (lostShown++ == 10) {
        out.add("  ... " + (a.lost().size() - 10) + " more lost");
        break;
      }
      out.add("LOST: " + l);
    }
    out.add(passed() ? "PASSED: exactly once, every report home" : "FAILED");
    return out;
  }
}
