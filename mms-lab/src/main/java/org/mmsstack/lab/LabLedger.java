package org.mmsstack.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.mmsstack.routing.MessageIds;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingFieldException;

/**
 * What the lab observed, for the exactly-once accounting: submissions and their recipients,
 * deliveries as the phones saw them (notified, then retrieved), reports as the originators'
 * phones got them and which node pushed them, charging, hop counts, table versions, and every
 * violation of the lab's rules. Thread-safe (one lock).
 */
final class LabLedger {

  /** A report kind. */
  enum ReportKind {
    DELIVERY,
    READ
  }

  /** One accepted submission (m-send-conf with a Message-ID). */
  record Submission(
      String messageId,
      String originator,
      String entry,
      Set<String> recipients,
      boolean deliveryReport,
      boolean readReply,
      long submitNanos) {}

  private final Map<String, Submission> submissions = new LinkedHashMap<>();
  private final Map<String, Long> notified = new HashMap<>();
  private final Map<String, Integer> deliveries = new HashMap<>();
  private final Map<String, Integer> reportsHome = new HashMap<>();
  private final Set<String> readReportsSent = new HashSet<>();
  private final Map<String, List<String>> charged = new HashMap<>();
  private final Map<String, Set<String>> chargingFields = new HashMap<>();
  private final Map<String, Set<Long>> versionsByNode = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();
  private final Map<String, Long> counts = new TreeMap<>();
  private final List<Long> latenciesNanos = new ArrayList<>();
  private int maxHops;
  private int duplicates;
  private int duplicateReports;
  private int restarts;
  private long firstSubmitNanos = Long.MAX_VALUE;
  private long lastDeliveryNanos;
  private Function<String, Set<String>> homesOf = n -> Set.of();
  private MessageIds messageIds;

  private static String key(String messageId, String number) {
    return messageId + "|" + number;
  }

  synchronized void topology(Function<String, Set<String>> homesOf, MessageIds messageIds) {
    this.homesOf = homesOf;
    this.messageIds = messageIds;
  }

  synchronized void violation(String text) {
    violations.add(text);
  }

  synchronized void count(String what) {
    counts.merge(what, 1L, Long::sum);
  }

  synchronized void restarted() {
    restarts++;
  }

  synchronized void installed(String node, long version) {
    versionsByNode.computeIfAbsent(node, k -> new TreeSet<>()).add(version);
  }

  synchronized void charged(String messageId, String node) {
    charged.computeIfAbsent(messageId, k -> new ArrayList<>()).add(node);
  }

  synchronized void chargingField(String messageId, RelayId charging) {
    chargingFields.computeIfAbsent(messageId, k -> new TreeSet<>()).add(charging.value());
  }

  synchronized void hops(int pathLength) {
    maxHops = Math.max(maxHops, pathLength);
  }

  synchronized void submitted(Submission s) {
    if (submissions.putIfAbsent(s.messageId(), s) != null) {
      violations.add("two submissions were answered with Message-ID " + s.messageId());
    }
    firstSubmitNanos = Math.min(firstSubmitNanos, s.submitNanos());
  }

  /** A phone got a notification and retrieved the message from {@code node}. */
  synchronized void delivered(String messageId, String recipient, long notifiedNanos, String node) {
    String k = key(messageId, recipient);
    int n = deliveries.merge(k, 1, Integer::sum);
    if (n > 1) {
      duplicates++;
      violations.add(recipient + " got " + messageId + " " + n + " times");
      return;
    }
    notified.put(k, notifiedNanos);
    lastDeliveryNanos = Math.max(lastDeliveryNanos, notifiedNanos);
    if (!homesOf.apply(recipient).contains(node)) {
      violations.add(
          node
              + " stored "
              + messageId
              + " for "
              + recipient
              + ", whose homes are "
              + homesOf.apply(recipient));
    }
  }

  synchronized void readReportSent(String messageId, String reader) {
    readReportsSent.add(key(messageId, reader));
  }

  /** A report reached the originator's phone, pushed by {@code node}. */
  synchronized void reportAtPhone(
      ReportKind kind, String messageId, String subject, String node, String phone) {
    Submission s = submissions.get(messageId);
    if (s == null) {
      // The phone may see the report before its own m-send-conf was processed: judged later.
      pendingReports.add(new PendingReport(kind, messageId, subject, node, phone));
      return;
    }
    judgeReport(kind, s, subject, node, phone);
  }

  private record PendingReport(
      ReportKind kind, String messageId, String subject, String node, String phone) {}

  private final List<PendingReport> pendingReports = new ArrayList<>();

  private void judgeReport(
      ReportKind kind, Submission s, String subject, String node, String phone) {
    if (!phone.equals(s.originator())) {
      violations.add(kind + " report of " + s.messageId() + " reached " + phone);
      return;
    }
    Optional<String> named = namedHome(s.messageId());
    boolean home =
        named.isPresent() ? named.get().equals(node) : homesOf.apply(s.originator()).contains(node);
    if (!home) {
      violations.add(
          kind
              + " report of "
              + s.messageId()
              + " pushed by "
              + node
              + ", not by the home "
              + named.orElse(homesOf.apply(s.originator()).toString()));
      return;
    }
    if (reportsHome.merge(kind + "|" + key(s.messageId(), subject), 1, Integer::sum) > 1) {
      duplicateReports++;
      violations.add(kind + " report of " + s.messageId() + " about " + subject + " came twice");
    }
  }

  private Optional<String> namedHome(String messageId) {
    if (messageIds == null || !MessageIds.isMinted(messageId)) {
      return Optional.empty();
    }
    try {
      return messageIds.parseHome(messageId).map(RelayId::value);
    } catch (RoutingFieldException e) {
      violations.add("forged Message-ID " + messageId + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The accounting as it stands. */
  synchronized LabReport.Accounting accounting() {
    for (PendingReport p : pendingReports) {
      Submission s = submissions.get(p.messageId());
      if (s == null) {
        violations.add(p.kind() + " report for unknown message " + p.messageId());
      } else {
        judgeReport(p.kind(), s, p.subject(), p.node(), p.phone());
      }
    }
    pendingReports.clear();
    int recipients = 0;
    int delivered = 0;
    int drExpected = 0;
    int drHome = 0;
    int rrHome = 0;
    List<String> lost = new ArrayList<>();
    latenciesNanos.clear();
    for (Submission s : submissions.values()) {
      for (String r : s.recipients()) {
        recipients++;
        String k = key(s.messageId(), r);
        Long t = notified.get(k);
        if (t == null) {
          lost.add(k);
          continue;
        }
        delivered++;
        latenciesNanos.add(t - s.submitNanos());
        if (s.deliveryReport()) {
          drExpected++;
          if (reportsHome.containsKey(ReportKind.DELIVERY + "|" + k)) {
            drHome++;
          }
        }
        if (readReportsSent.contains(k) && reportsHome.containsKey(ReportKind.READ + "|" + k)) {
          rrHome++;
        }
      }
      List<String> chargers = charged.getOrDefault(s.messageId(), List.of());
      if (chargers.size() != 1) {
        violations.add(s.messageId() + " was charged by " + chargers);
      }
      Set<String> fields = chargingFields.getOrDefault(s.messageId(), Set.of());
      if (!chargers.isEmpty() && !fields.isEmpty() && !Set.of(chargers.get(0)).equals(fields)) {
        violations.add(s.messageId() + " charged by " + chargers + " but its hops name " + fields);
      }
    }
    for (String k : deliveries.keySet()) {
      String id = k.substring(0, k.indexOf('|'));
      Submission s = submissions.get(id);
      if (s == null || !s.recipients().contains(k.substring(k.indexOf('|') + 1))) {
        violations.add("delivery nobody sent: " + k);
      }
    }
    Set<Long> versions = new TreeSet<>();
    versionsByNode.values().forEach(versions::addAll);
    List<Long> sorted = new ArrayList<>(latenciesNanos);
    Collections.sort(sorted);
    return new LabReport.Accounting(
        submissions.size(),
        recipients,
        delivered,
        duplicates,
        lost,
        drExpected,
        drHome,
        readReportsSent.size(),
        rrHome,
        duplicateReports,
        maxHops,
        versions,
        restarts,
        sorted,
        firstSubmitNanos == Long.MAX_VALUE ? 0 : lastDeliveryNanos - firstSubmitNanos,
        List.copyOf(violations),
        Map.copyOf(counts));
  }
}
