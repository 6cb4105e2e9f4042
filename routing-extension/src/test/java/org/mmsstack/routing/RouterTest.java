package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ResponseStatus;

class RouterTest {

  private static final NumberPlan DE = new NumberPlan("49", "0", "00");

  /** A small routing table: longest prefix, per-number overrides, domains, default. */
  static RouteLookup table(Map<String, RelayId> prefixes, Map<String, RelayId> overrides) {
    return r -> {
      if (r.kind() == Recipient.Kind.EMAIL) {
        return RouteTarget.foreignMmse(r.domain().orElseThrow());
      }
      if (r.kind() != Recipient.Kind.PLMN) {
        return RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT);
      }
      String d = r.e164().orElseThrow();
      RelayId o = overrides.get(d);
      if (o != null) {
        return RouteTarget.relay(o);
      }
      for (int n = d.length(); n > 0; n--) {
        RelayId p = prefixes.get(d.substring(0, n));
        if (p != null) {
          return RouteTarget.relay(p);
        }
      }
      if (d.startsWith("4917")) {
        return null; // our range, unassigned
      }
      return RouteTarget.foreignMmse("mms.foreign.example");
    };
  }

  private static final RouteLookup V1 =
      table(
          Map.of("49171", Fixtures.A, "49172", Fixtures.B, "491729", Fixtures.C),
          Map.of("491711111111", Fixtures.C));

  @Test
  void splitsRecipientsFromOutside() {
    Router r = Router.of(Fixtures.A, V1, 1, DE);
    RouteDecision d =
        r.route(
            List.of(
                Address.plmn("01711234567"), // A: local
                Address.plmn("+491711234567"), // duplicate of the first
                Address.plmn("+491721234567"), // B
                Address.plmn("+491729999999"), // C (longer prefix)
                Address.plmn("+491711111111"), // C (override)
                Address.email("x@Example.ORG"), // domain
                Address.plmn("+33612345678"), // foreign by default
                Address.plmn("+491790000000"), // no route
                Address.plmn("*123#"), // not normalisable
                Address.ipv4("10.0.0.1")), // refused by the table
            Arrival.outside());
    assertEquals(List.of(Recipient.e164("491711234567")), d.local());
    assertEquals(List.of(Fixtures.B, Fixtures.C), new ArrayList<>(d.intra().keySet()));
    assertEquals(
        List.of(Recipient.e164("491729999999"), Recipient.e164("491711111111")),
        d.intra().get(Fixtures.C));
    assertEquals(
        List.of("example.org", "mms.foreign.example"), new ArrayList<>(d.inter().keySet()));
    assertEquals(3, d.rejected().size());
    for (RouteDecision.Rejection rej : d.rejected()) {
      assertEquals(ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED, rej.status());
      assertEquals("Error-sending-address-unresolved", rej.mm4StatusCode().token());
    }
    assertEquals(9, d.size());
    assertEquals(1, d.tableVersion());
  }

  @Test
  void recipientsHeldHereAreTakenOutOfTheHandOvers() {
    Router r = Router.of(Fixtures.A, V1, 1, DE);
    RouteDecision d =
        r.route(
            List.of(
                Address.plmn("+491711234567"), // A: local
                Address.plmn("+491721234567"), // B
                Address.plmn("+491729999999"), // C
                Address.plmn("+491721111111"), // B
                Address.plmn("+491711111111"), // C (override)
                Address.email("x@example.org")), // another MMSE
            Arrival.outside());
    // Nothing held: the same decision.
    assertSame(d, d.exceptHeldHere(rc -> false));
    // Held: one of B's two, and C's whole group (dropped); local and abroad are never asked.
    List<Recipient> asked = new ArrayList<>();
    RouteDecision kept =
        d.exceptHeldHere(
            rc -> {
              asked.add(rc);
              return !rc.e164().orElseThrow().equals("491721111111")
                  && !rc.e164().orElseThrow().equals("491711234567");
            });
    assertEquals(
        List.of(
            Recipient.e164("491721234567"),
            Recipient.e164("491721111111"),
            Recipient.e164("491729999999"),
            Recipient.e164("491711111111")),
        asked);
    assertEquals(Map.of(Fixtures.B, List.of(Recipient.e164("491721111111"))), kept.intra());
    assertEquals(
        List.of(
            Recipient.e164("491721234567"),
            Recipient.e164("491729999999"),
            Recipient.e164("491711111111")),
        kept.heldHere());
    assertEquals(d.local(), kept.local());
    assertEquals(d.inter(), kept.inter());
    assertEquals(d.size(), kept.size());
    assertEquals(d.tableVersion(), kept.tableVersion());
    assertTrue(d.heldHere().isEmpty());
    // The first group kept whole while a later one changes, and everything held.
    RouteDecision laterOnly =
        d.exceptHeldHere(rc -> rc.e164().orElseThrow().equals("491711111111"));
    assertEquals(List.of(Fixtures.B, Fixtures.C), new ArrayList<>(laterOnly.intra().keySet()));
    assertEquals(d.intra().get(Fixtures.B), laterOnly.intra().get(Fixtures.B));
    assertEquals(List.of(Recipient.e164("491729999999")), laterOnly.intra().get(Fixtures.C));
    RouteDecision all = d.exceptHeldHere(rc -> true);
    assertTrue(all.intra().isEmpty());
    assertEquals(4, all.heldHere().size());
    assertThrows(UnsupportedOperationException.class, () -> all.heldHere().clear());
    assertThrows(NullPointerException.class, () -> d.exceptHeldHere(null));
  }

  @Test
  void handOverFieldsFromOutsideFromLegacyAndFromARelay() {
    Router a = Router.of(Fixtures.A, V1, 5, DE);
    List<Recipient> g = List.of(Recipient.e164("491721234567"));
    RoutingFields f = a.handOver(Arrival.outside(), Fixtures.C, g, Fixtures.T0);
    assertEquals(List.of(Fixtures.A), f.path());
    assertEquals(Fixtures.A, f.entry());
    assertEquals(Fixtures.A, f.charging());
    assertEquals(Fixtures.C, f.home());
    assertEquals(5, f.tableVersion());
    assertEquals(RoutingFields.DEFAULT_HOP_LIMIT, f.hopLimit());

    RelayId legacy = RelayId.of("legacy-1");
    RoutingFields l = a.handOver(Arrival.fromLegacy(legacy), Fixtures.C, g, Fixtures.T0);
    assertEquals(List.of(legacy, Fixtures.A), l.path());
    assertEquals(legacy, l.charging());

    Router b = Router.of(Fixtures.B, V1, 6, DE);
    RoutingFields n = b.handOver(Arrival.fromRelay(f), null, g, Fixtures.T0.plusSeconds(1));
    assertEquals(List.of(Fixtures.A, Fixtures.B), n.path());
    assertEquals(Fixtures.A, n.entry());
    assertEquals(Fixtures.A, n.charging());
    assertEquals(6, n.tableVersion());
    assertTrue(n.signature().isEmpty());
  }

  @Test
  void staleReceiverTrustsTheNewerTable() {
    // v2 moved 49172... to C; B still runs v1, which says B.
    RouteLookup v2 = table(Map.of("49171", Fixtures.A, "49172", Fixtures.C), Map.of());
    Router a2 = Router.of(Fixtures.A, v2, 2, DE);
    Router c1 = Router.of(Fixtures.C, V1, 1, DE);
    RouteDecision d = a2.route(List.of(Address.plmn("+491721234567")), Arrival.outside());
    List<Recipient> g = d.intra().get(Fixtures.C);
    RoutingFields f = a2.handOver(Arrival.outside(), Fixtures.A, g, Fixtures.T0);
    RouteDecision atC = c1.routeRecipients(f.recipients(), Arrival.fromRelay(f));
    assertEquals(g, atC.local());
  }

  @Test
  void newerReceiverReroutesAndMayReturnToThePath() {
    // A runs v1 (491721 -> B); B runs v2 which moved it to A: B may send it back, stamped v2.
    RouteLookup v2 = table(Map.of("49171", Fixtures.A, "49172", Fixtures.A), Map.of());
    Router a1 = Router.of(Fixtures.A, V1, 1, DE);
    Router b2 = Router.of(Fixtures.B, v2, 2, DE);
    List<Recipient> g = List.of(Recipient.e164("491721234567"));
    RoutingFields f1 = a1.handOver(Arrival.outside(), Fixtures.A, g, Fixtures.T0);
    RouteDecision atB = b2.routeRecipients(g, Arrival.fromRelay(f1));
    assertEquals(g, atB.intra().get(Fixtures.A));
    RoutingFields f2 = b2.handOver(Arrival.fromRelay(f1), null, g, Fixtures.T0);
    assertEquals(2, f2.tableVersion());
    // Back at A, still on v1: the newer stamp wins, A delivers.
    assertEquals(g, a1.routeRecipients(g, Arrival.fromRelay(f2)).local());
    // Had A reloaded v2 meanwhile, its own table says local too.
    assertEquals(
        g, Router.of(Fixtures.A, v2, 2, DE).routeRecipients(g, Arrival.fromRelay(f2)).local());
  }

  @Test
  void loopAtTheSameVersionIsRefused() {
    // Two tables published under one version number disagree: A says B, B says A.
    RouteLookup bad = table(Map.of("49172", Fixtures.A), Map.of());
    Router a = Router.of(Fixtures.A, V1, 7, DE);
    Router b = Router.of(Fixtures.B, bad, 7, DE);
    List<Recipient> g = List.of(Recipient.e164("491721234567"));
    RoutingFields f = a.handOver(Arrival.outside(), Fixtures.A, g, Fixtures.T0);
    RouteDecision d = b.routeRecipients(g, Arrival.fromRelay(f));
    assertTrue(d.intra().isEmpty());
    assertEquals(ResponseStatus.ERROR_TRANSIENT_NETWORK_PROBLEM, d.rejected().get(0).status());
    assertEquals("Error-network-problem", d.rejected().get(0).mm4StatusCode().token());
  }

  @Test
  void legacyPeerNeverGetsItsOwnRecipientBack() {
    RelayId legacy = RelayId.of("legacy-1");
    RouteLookup t = table(Map.of("49172", legacy), Map.of());
    RouteDecision d =
        Router.of(Fixtures.A, t, 1, DE)
            .route(List.of(Address.plmn("+491721234567")), Arrival.fromLegacy(legacy));
    assertEquals(ResponseStatus.ERROR_TRANSIENT_NETWORK_PROBLEM, d.rejected().get(0).status());
    RouteDecision ok =
        Router.of(Fixtures.A, t, 1, DE)
            .route(List.of(Address.plmn("+491721234567")), Arrival.outside());
    assertEquals(List.of(legacy), new ArrayList<>(ok.intra().keySet()));
  }

  @Test
  void reportsGoHomeByMessageId() {
    MessageIds ids = MessageIds.withKeys(new byte[16]);
    String mid = ids.mint(Fixtures.C, new Random(5));
    Router b = Router.of(Fixtures.B, V1, 1, DE);
    // The originator's number says A today, but the message was sent while C was home.
    RouteDecision d = b.routeReport(mid, Address.plmn("+491711234567"), ids, Arrival.outside());
    assertEquals(List.of(Fixtures.C), new ArrayList<>(d.intra().keySet()));
    assertFalse(d.forgedMessageId());
    // Foreign id: by the routing data.
    d = b.routeReport("<1234@mmsc.example>", Address.plmn("+491711234567"), ids, Arrival.outside());
    assertEquals(List.of(Fixtures.A), new ArrayList<>(d.intra().keySet()));
    // Forged id: by the routing data, flagged.
    String forged = mid.replace("r1.rs-c.", "r1.rs-b.");
    d = b.routeReport(forged, Address.plmn("+491711234567"), ids, Arrival.outside());
    assertEquals(List.of(Fixtures.A), new ArrayList<>(d.intra().keySet()));
    assertTrue(d.forgedMessageId());
    // Home is here: deliver locally, even when the destination cannot be normalised.
    d =
        Router.of(Fixtures.C, V1, 1, DE)
            .routeReport(mid, Address.parse("#hidden#"), ids, Arrival.outside());
    assertEquals(1, d.local().size());
  }

  @Test
  void homeOfTheOriginator() {
    Router a = Router.of(Fixtures.A, V1, 1, DE);
    assertEquals(Fixtures.B, a.homeOf(Address.plmn("01721234567")));
    assertEquals(Fixtures.A, a.homeOf(Address.email("x@example.org")));
  }

  /**
   * A seeded simulation: four extended Relay/Servers, two table versions live at once (each
   * Relay/Server on one of them), random multi-recipient messages entering anywhere. Every
   * (message, recipient) must end at its home under the newest table exactly once, with a
   * bounded number of hops and no loop refusal.
   */
  @Test
  void simulationDeliversEachRecipientOnceWithTwoTableVersionsLive() {
    List<RelayId> relays = List.of(Fixtures.A, Fixtures.B, Fixtures.C, RelayId.of("rs-d"));
    Random rnd = new Random(20261125);
    Map<String, RelayId> p1 = new HashMap<>();
    Map<String, RelayId> p2 = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      String prefix = "49170" + String.format("%02d", i);
      RelayId r = relays.get(rnd.nextInt(relays.size()));
      p1.put(prefix, r);
      p2.put(prefix, rnd.nextInt(4) == 0 ? relays.get(rnd.nextInt(relays.size())) : r); // 25% moved
    }
    RouteLookup t1 = table(p1, Map.of());
    RouteLookup t2 = table(p2, Map.of());
    Map<RelayId, Router> routers = new HashMap<>();
    for (int i = 0; i < relays.size(); i++) {
      boolean newer = i % 2 == 0;
      routers.put(relays.get(i), Router.of(relays.get(i), newer ? t2 : t1, newer ? 2 : 1, DE));
    }
    int maxHops = 0;
    for (int m = 0; m < 2000; m++) {
      List<Address> to = new ArrayList<>();
      int n = 1 + rnd.nextInt(6);
      for (int k = 0; k < n; k++) {
        to.add(
            Address.plmn(
                "+49170"
                    + String.format("%02d", rnd.nextInt(100))
                    + String.format("%05d", rnd.nextInt(3))));
      }
      RelayId entry = relays.get(rnd.nextInt(relays.size()));
      Map<Recipient, Integer> delivered = new HashMap<>();
      Deque<Object[]> queue = new ArrayDeque<>();
      RouteDecision first = routers.get(entry).route(to, Arrival.outside());
      first.local().forEach(r -> delivered.merge(r, 1, Integer::sum));
      assertTrue(first.rejected().isEmpty());
      first
          .intra()
          .forEach(
              (target, group) ->
                  queue.add(
                      new Object[] {
                        target,
                        routers.get(entry).handOver(Arrival.outside(), entry, group, Fixtures.T0)
                      }));
      Map<Recipient, RelayId> endedAt = new HashMap<>();
      first.local().forEach(r -> endedAt.put(r, entry));
      while (!queue.isEmpty()) {
        Object[] hop = queue.poll();
        RelayId at = (RelayId) hop[0];
        RoutingFields f = (RoutingFields) hop[1];
        maxHops = Math.max(maxHops, f.hops());
        Router router = routers.get(at);
        RouteDecision d = router.routeRecipients(f.recipients(), Arrival.fromRelay(f));
        assertTrue(d.rejected().isEmpty(), d.toString());
        d.local()
            .forEach(
                r -> {
                  delivered.merge(r, 1, Integer::sum);
                  endedAt.put(r, at);
                });
        d.intra()
            .forEach(
                (target, group) ->
                    queue.add(
                        new Object[] {
                          target, router.handOver(Arrival.fromRelay(f), null, group, Fixtures.T0)
                        }));
      }
      for (Address a : to) {
        Recipient r = Recipient.normalise(a, DE).orElseThrow();
        assertEquals(1, delivered.get(r), r + " in message " + m);
        RouteTarget home = t2.lookup(r);
        RelayId expected = ((RouteTarget.Relay) home).relay();
        // Under the newest table, or, when only stale relays saw it, under the older one.
        RelayId old = ((RouteTarget.Relay) t1.lookup(r)).relay();
        assertTrue(
            endedAt.get(r).equals(expected) || endedAt.get(r).equals(old),
            r + " ended at " + endedAt.get(r));
      }
    }
    assertTrue(maxHops <= 3, "hops: " + maxHops);
  }

  @Test
  void routingIsDeterministic() {
    Router a = Router.of(Fixtures.A, V1, 1, DE);
    List<Address> to =
        List.of(
            Address.plmn("+491729999999"),
            Address.plmn("+491721234567"),
            Address.email("a@x.org"),
            Address.plmn("01711234567"));
    assertEquals(
        a.route(to, Arrival.outside()).toString(), a.route(to, Arrival.outside()).toString());
    assertEquals(Instant.EPOCH, Instant.EPOCH);
  }
}
