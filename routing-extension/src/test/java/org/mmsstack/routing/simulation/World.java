package org.mmsstack.routing.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.BorderFilter;
import org.mmsstack.routing.HeaderPair;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.MessageIds;
import org.mmsstack.routing.NumberPlan;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingHeaders;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.RoutingVerifier;

/**
 * One simulated MMSE with its neighbours: extended and legacy Relay/Servers, subscribers spread
 * over them by number range (with ported numbers), two foreign MMSEs, random multi-recipient
 * traffic in both directions, and the failures a {@link Config} asks for. Everything random
 * comes from one seeded generator, so a seed is a complete description of a run.
 */
final class World {

  /** What to simulate. */
  static final class Config {
    long seed = 20_260_101L;
    int extendedRelays = 4;
    int legacyRelays = 2;
    int subscribersPerRange = 60;
    int foreignSubscribers = 40;
    int messages = 300;
    long durationMs = 900_000;
    double foreignShare = 0.15;
    double unknownShare = 0.05;
    double foreignRecipientShare = 0.25;
    double deliveryReportShare = 0.5;
    double readReplyShare = 0.4;
    double readReportProbability = 0.7;
    double phoneForgeRate = 0.05;
    double foreignForgeRate = 0.2;
    BorderFilter.Policy inboundPolicy = BorderFilter.Policy.STRIP;
    boolean twoTableVersions;
    String downRelay;
    long downFromMs;
    long downUntilMs;
    double responseLoss;
    double tamperRate;
    int maxIntraHops = 2;

    Config seed(long v) {
      seed = v;
      return this;
    }

    Config messages(int v) {
      messages = v;
      return this;
    }

    Config subscribersPerRange(int v) {
      subscribersPerRange = v;
      return this;
    }

    Config durationMs(long v) {
      durationMs = v;
      return this;
    }

    Config twoTableVersions() {
      twoTableVersions = true;
      maxIntraHops = 3;
      return this;
    }

    Config inboundPolicy(BorderFilter.Policy p) {
      inboundPolicy = p;
      return this;
    }

    Config foreignForgeRate(double v) {
      foreignForgeRate = v;
      return this;
    }

    Config down(String relay, long fromMs, long untilMs) {
      downRelay = relay;
      downFromMs = fromMs;
      downUntilMs = untilMs;
      return this;
    }

    Config responseLoss(double v) {
      responseLoss = v;
      return this;
    }

    Config tamperRate(double v) {
      tamperRate = v;
      return this;
    }

    Config foreignShare(double v) {
      foreignShare = v;
      return this;
    }

    Config legacyRelays(int v) {
      legacyRelays = v;
      return this;
    }

    Config extendedRelays(int v) {
      extendedRelays = v;
      return this;
    }
  }

  static final String[] FOREIGN_DOMAINS = {"mms.f1.example", "mms.f2.example"};
  static final String[] FOREIGN_PREFIXES = {"4915", "4916"};
  static final String UNKNOWN_PREFIX = "4919";

  final Config config;
  final EventLoop loop;
  final SplittableRandom rnd;
  final Ledger ledger = new Ledger();
  final Network network;
  final String domain = "mms.home.example";
  final NumberPlan numberPlan = NumberPlan.INTERNATIONAL_ONLY;

  final Map<String, RelayNode> relays = new LinkedHashMap<>();
  final Map<String, ExtendedRelay> extended = new LinkedHashMap<>();
  final Map<String, LegacyRelay> legacy = new LinkedHashMap<>();
  final Map<String, ForeignMmse> foreign = new LinkedHashMap<>();
  final Map<String, Phone> phones = new LinkedHashMap<>();
  final List<Phone> phoneList = new ArrayList<>();
  TableSpec v1;
  TableSpec v2;
  private int tampered;

  World(Config config, Network.Mm4Link intraLink) {
    this.config = config;
    this.rnd = new SplittableRandom(config.seed);
    this.loop = new EventLoop(2_000L * config.messages * 100);
    this.network = new Network(this, intraLink);
    build();
  }

  long maxTableVersion() {
    return config.twoTableVersions ? 2 : 1;
  }

  // ---------------------------------------------------------------- topology

  private void build() {
    int e = config.extendedRelays;
    int total = e + config.legacyRelays;
    List<RelayId> ids = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      ids.add(RelayId.of((i < e ? "rs-" : "lg-") + (char) ('a' + i)));
    }
    Map<String, TableSpec.Target> prefixes = new LinkedHashMap<>();
    for (int i = 0; i < total; i++) {
      prefixes.put("4917" + i, TableSpec.Target.relay(ids.get(i)));
      if (i < e) {
        // A finer range inside the block: longest match must win.
        prefixes.put("4917" + i + "9", TableSpec.Target.relay(ids.get((i + 1) % e)));
      }
    }
    Map<String, TableSpec.Target> domains = new LinkedHashMap<>();
    for (int f = 0; f < FOREIGN_DOMAINS.length; f++) {
      prefixes.put(FOREIGN_PREFIXES[f], TableSpec.Target.domain(FOREIGN_DOMAINS[f]));
      domains.put(FOREIGN_DOMAINS[f], TableSpec.Target.domain(FOREIGN_DOMAINS[f]));
    }
    TableSpec.Target reject = TableSpec.Target.reject(RejectReason.UNKNOWN_RECIPIENT);

    // Subscribers, by range.
    Set<String> used = new HashSet<>();
    List<List<String>> byRange = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      List<String> l = new ArrayList<>();
      while (l.size() < config.subscribersPerRange) {
        String n = "4917" + i + digits(7);
        if (used.add(n)) {
          l.add(n);
        }
      }
      byRange.add(l);
    }
    // Ported numbers (v1 overrides) among the extended Relay/Servers.
    Map<String, TableSpec.Target> overrides1 = new LinkedHashMap<>();
    for (int k = 0; k < 6; k++) {
      int from = rnd.nextInt(e);
      String n = byRange.get(from).get(rnd.nextInt(config.subscribersPerRange));
      overrides1.put(n, TableSpec.Target.relay(ids.get((from + 1 + rnd.nextInt(e - 1)) % e)));
    }
    v1 = new TableSpec(1, prefixes, overrides1, domains, reject);

    // Version 2: one sub-range of every extended block moves, some numbers move, one port ends.
    Map<String, TableSpec.Target> prefixes2 = new LinkedHashMap<>(prefixes);
    for (int i = 0; i < e; i++) {
      prefixes2.put("4917" + i + "1", TableSpec.Target.relay(ids.get((i + 2) % e)));
    }
    Map<String, TableSpec.Target> overrides2 = new LinkedHashMap<>(overrides1);
    overrides2.remove(overrides1.keySet().iterator().next());
    for (int k = 0; k < 12; k++) {
      int from = rnd.nextInt(e);
      String n = byRange.get(from).get(rnd.nextInt(config.subscribersPerRange));
      overrides2.put(n, TableSpec.Target.relay(ids.get((from + 1 + rnd.nextInt(e - 1)) % e)));
    }
    v2 = new TableSpec(2, prefixes2, overrides2, domains, reject);

    // Keys: one Ed25519 key per extended Relay/Server, all in one ring; one Message-ID secret.
    List<RoutingSigner> signers = new ArrayList<>();
    KeyRing.Builder ring = KeyRing.builder();
    for (int i = 0; i < e; i++) {
      byte[] seed = new byte[32];
      rnd.nextBytes(seed);
      RoutingSigner s = RoutingSigner.fromSeed(ids.get(i).value() + ".sim", ids.get(i), seed);
      signers.add(s);
      ring.add(
          s.trustedKey(
              EventLoop.EPOCH.minusSeconds(86_400), EventLoop.EPOCH.plusSeconds(86_400 * 30)));
    }
    RoutingVerifier verifier = RoutingVerifier.of(ring.build());
    byte[] secret = new byte[32];
    rnd.nextBytes(secret);
    MessageIds messageIds = MessageIds.withKeys(secret);
    BorderFilter border = BorderFilter.of(config.inboundPolicy, BorderFilter.Policy.STRIP);

    for (int i = 0; i < total; i++) {
      RelayNode r;
      if (i < e) {
        ExtendedRelay x =
            new ExtendedRelay(this, ids.get(i), signers.get(i), verifier, messageIds, border, v1);
        extended.put(x.name, x);
        r = x;
      } else {
        Set<String> own = new LinkedHashSet<>();
        for (List<String> l : byRange) {
          for (String n : l) {
            if (homeName(v1, n).equals(ids.get(i).value())) {
              own.add(n);
            }
          }
        }
        LegacyRelay l = new LegacyRelay(this, ids.get(i), own);
        legacy.put(l.name, l);
        r = l;
      }
      relays.put(r.name, r);
    }
    List<ExtendedRelay> ext = new ArrayList<>(extended.values());
    int g = 0;
    for (LegacyRelay l : legacy.values()) {
      l.gateway(ext.get(g++ % ext.size()));
    }
    List<RelayNode> all = new ArrayList<>(relays.values());
    for (List<String> l : byRange) {
      for (String n : l) {
        Set<String> homes = new LinkedHashSet<>();
        homes.add(homeName(v1, n));
        if (config.twoTableVersions) {
          homes.add(homeName(v2, n));
        }
        Phone p = new Phone(this, n, homes);
        RelayNode home = relays.get(homeName(v1, n));
        p.entry = rnd.nextDouble() < 0.4 ? home : all.get(rnd.nextInt(all.size()));
        phones.put(n, p);
        phoneList.add(p);
      }
    }
    for (int f = 0; f < FOREIGN_DOMAINS.length; f++) {
      List<String> subs = new ArrayList<>();
      while (subs.size() < config.foreignSubscribers) {
        String n = FOREIGN_PREFIXES[f] + digits(8);
        if (used.add(n)) {
          subs.add(n);
        }
      }
      foreign.put(FOREIGN_DOMAINS[f], new ForeignMmse(this, FOREIGN_DOMAINS[f], subs));
    }
    if (config.downRelay != null) {
      relays.get(config.downRelay).setDown(config.downFromMs, config.downUntilMs);
    }
  }

  private String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return sb.toString();
  }

  private static String homeName(TableSpec t, String digits) {
    return t.target(digits).relay().value();
  }

  Set<String> mmseNodeNames() {
    return relays.keySet();
  }

  /** A subscriber of ours not among {@code exclude}: the target of forged extra recipients. */
  String victim(List<String> exclude) {
    while (true) {
      Phone p = phoneList.get(rnd.nextInt(phoneList.size()));
      if (!exclude.contains(p.number)) {
        return p.number;
      }
    }
  }

  // ---------------------------------------------------------------- traffic

  /** Schedules all traffic and table changes, then runs to quiescence. */
  void run() {
    for (int k = 0; k < config.messages; k++) {
      long t = rnd.nextLong(config.durationMs);
      if (rnd.nextDouble() < config.foreignShare) {
        loop.at(t, this::foreignMessage);
      } else {
        loop.at(t, this::subscriberMessage);
      }
    }
    if (config.twoTableVersions) {
      List<ExtendedRelay> ext = new ArrayList<>(extended.values());
      // Half the Relay/Servers switch to version 2 mid-run; the rest follow much later, so
      // two versions are live at once for most of the run.
      loop.at(
          config.durationMs * 3 / 10,
          () -> {
            for (int i = 0; i < ext.size(); i += 2) {
              ext.get(i).install(v2);
            }
          });
      loop.at(config.durationMs * 9 / 10, () -> ext.forEach(x -> x.install(v2)));
    }
    loop.run();
  }

  private Ledger.ExpectedRecipient expectOurs(Phone p) {
    return new Ledger.ExpectedRecipient(p.number, Ledger.Category.MMSE, p.homes, null);
  }

  private void subscriberMessage() {
    Phone from = phoneList.get(rnd.nextInt(phoneList.size()));
    int n = 1 + rnd.nextInt(5);
    List<Ledger.ExpectedRecipient> expected = new ArrayList<>();
    Set<String> chosen = new HashSet<>();
    chosen.add(from.number);
    SendReq.Builder draft = Mm1Mm4.sendReq("x", "hello", "message body " + rnd.nextInt(1_000_000));
    for (int i = 0; i < n; i++) {
      double roll = rnd.nextDouble();
      Ledger.ExpectedRecipient r;
      if (roll < config.unknownShare) {
        r =
            new Ledger.ExpectedRecipient(
                UNKNOWN_PREFIX + digits(8), Ledger.Category.UNKNOWN, Set.of(), null);
      } else if (roll < config.unknownShare + config.foreignRecipientShare) {
        ForeignMmse f = new ArrayList<>(foreign.values()).get(rnd.nextInt(foreign.size()));
        r =
            new Ledger.ExpectedRecipient(
                f.subscribers.get(rnd.nextInt(f.subscribers.size())),
                Ledger.Category.FOREIGN,
                Set.of(),
                f.domain);
      } else {
        r = expectOurs(phoneList.get(rnd.nextInt(phoneList.size())));
      }
      if (!chosen.add(r.number())) {
        continue;
      }
      expected.add(r);
      Address a = Address.plmn("+" + r.number());
      double place = rnd.nextDouble();
      if (expected.size() == 1 || place < 0.6) {
        draft.to(a);
      } else if (place < 0.9) {
        draft.cc(a);
      } else {
        draft.bcc(a);
      }
    }
    if (expected.isEmpty()) {
      return; // every pick was the originator itself: nothing to send
    }
    draft.deliveryReport(rnd.nextDouble() < config.deliveryReportShare);
    draft.readReport(rnd.nextDouble() < config.readReplyShare);
    from.submit(draft, expected, rnd.nextDouble() < config.phoneForgeRate);
  }

  private void foreignMessage() {
    ForeignMmse f = new ArrayList<>(foreign.values()).get(rnd.nextInt(foreign.size()));
    String from = f.subscribers.get(rnd.nextInt(f.subscribers.size()));
    int n = 1 + rnd.nextInt(4);
    List<String> to = new ArrayList<>();
    List<Ledger.ExpectedRecipient> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Ledger.ExpectedRecipient r =
          rnd.nextDouble() < config.unknownShare
              ? new Ledger.ExpectedRecipient(
                  UNKNOWN_PREFIX + digits(8), Ledger.Category.UNKNOWN, Set.of(), null)
              : expectOurs(phoneList.get(rnd.nextInt(phoneList.size())));
      if (!to.contains(r.number())) {
        to.add(r.number());
        expected.add(r);
      }
    }
    f.originate(
        from,
        to,
        expected,
        rnd.nextDouble() < config.deliveryReportShare,
        rnd.nextDouble() < config.readReplyShare);
  }

  // ---------------------------------------------------------------- insider tampering

  /**
   * An attacker inside the MMSE's network captures a signed hop and replays it altered: an
   * extra recipient, another charging Relay/Server, another sender in the path, a newer table
   * version. Every one is well-formed, so it reaches signature verification and must be refused
   * there with Error-service-denied (MM4 X-Mms-Request-Status-Code), changing nothing.
   */
  void maybeTamper(Node from, Node to, List<String> rcpt, byte[] mail) {
    if (config.tamperRate <= 0
        || !(from instanceof ExtendedRelay)
        || !(to instanceof ExtendedRelay)
        || rnd.nextDouble() >= config.tamperRate) {
      return;
    }
    Mm4Message m;
    try {
      m = Mm4Wire.parse(mail);
    } catch (Mm4FormatException e) {
      return;
    }
    List<String> rcptOut = new ArrayList<>(rcpt);
    List<String> others = new ArrayList<>(extended.keySet());
    others.remove(from.name);
    String other = others.get(rnd.nextInt(others.size()));
    Mm4Message t;
    String kind;
    switch (tampered++ % 4) {
      case 0 -> {
        // Never one of the hop's recipients: a repeated recipient would make the hop malformed
        // (refused as Error-message-format-corrupt before the signature is looked at), and this
        // case is about a well-formed hop whose signature no longer covers its recipients.
        String victim = victim(rcpt.stream().map(Mm4Wire::digits).toList());
        rcptOut.add(Mm4Wire.rcpt(victim, domain));
        t = Mm4Wire.withHeaders(m, List.of(new HeaderPair(RoutingHeaders.RECIPIENT, "+" + victim)));
        kind = "extra recipient";
      }
      case 1 -> {
        t = Mm4Wire.edit(m, b -> b.header(RoutingHeaders.CHARGING, other));
        kind = "charging";
      }
      case 2 -> {
        String path = m.header(RoutingHeaders.PATH).orElseThrow();
        int comma = path.lastIndexOf(',');
        String forged = (comma < 0 ? "" : path.substring(0, comma + 1)) + other;
        t = Mm4Wire.edit(m, b -> b.header(RoutingHeaders.PATH, forged));
        kind = "sender";
      }
      default -> {
        long v = Long.parseLong(m.header(RoutingHeaders.TABLE_VERSION).orElseThrow().trim());
        t = Mm4Wire.edit(m, b -> b.header(RoutingHeaders.TABLE_VERSION, Long.toString(v + 1)));
        kind = "table version";
      }
    }
    ledger.count("tampered hops injected: " + kind);
    network.mm4Injected(
        from,
        to,
        rcptOut,
        Mm4Wire.format(t),
        response -> {
          if (response != null
              && Mm4Wire.status(response) == RequestStatusCode.ERROR_SERVICE_DENIED) {
            ledger.count("tampered hops refused");
          } else {
            ledger.violation(
                "tampered hop (" + kind + ") from " + from + " to " + to + " was not refused");
          }
        });
  }
}
