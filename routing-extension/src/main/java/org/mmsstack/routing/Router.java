package org.mmsstack.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * The routing function: one Relay/Server's view of one version of the routing data. Every
 * Relay/Server of the MMSE runs this same function on the same versioned data, so they agree
 * on every recipient's home; where two versions are live at once, the rules below keep the
 * newer one in charge and make loops impossible (docs/routing-extension.md, "Failure
 * behaviour").
 *
 * <p>Per recipient, after normalisation ({@link Recipient#normalise(Address, NumberPlan)}):
 * <ol>
 *   <li>the routing data names this Relay/Server: deliver here;</li>
 *   <li>the item came from an extended Relay/Server that decided with newer routing data than
 *       ours: that newer data named us, so deliver here whatever our (stale) data says;</li>
 *   <li>another Relay/Server: hand over, unless {@link LoopGuard} says LOOP or HOP_LIMIT
 *       (refused with its status); from a legacy Relay/Server, never back to it;</li>
 *   <li>a domain: send over MM4 to that MMSE;</li>
 *   <li>a rejection, no route, or an address that cannot be normalised: refuse.</li>
 * </ol>
 * Immutable and thread-safe; build a new Router when the routing data changes.
 *
 * <pre>{@code
 * TableRouteLookup lookup = TableRouteLookup.of(table);
 * Router router = Router.of(RelayId.of("rs-a"), lookup, lookup.tableVersion(), plan);
 * RouteDecision d = router.route(sendReq.to(), Arrival.outside());
 * RelayId home = router.homeOf(originator);
 * d.intra().forEach((relay, group) -> send(relay, signer.sign(
 *     router.handOver(Arrival.outside(), home, group, now), identity)));
 * }</pre>
 * ({@code RouterExampleTest} compiles and runs this code.)
 */
@Provisional
public final class Router {

  private final RelayId self;
  private final RouteLookup lookup;
  private final long tableVersion;
  private final NumberPlan plan;

  private Router(RelayId self, RouteLookup lookup, long tableVersion, NumberPlan plan) {
    this.self = Objects.requireNonNull(self, "self");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    if (tableVersion < 0) {
      throw new IllegalArgumentException("tableVersion: " + tableVersion + " (expected: >= 0)");
    }
    this.tableVersion = tableVersion;
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  /** The routing function of Relay/Server {@code self} on routing data of this version. */
  public static Router of(RelayId self, RouteLookup lookup, long tableVersion, NumberPlan plan) {
    return new Router(self, lookup, tableVersion, plan);
  }

  /** The Relay/Server this router decides for. */
  public RelayId self() {
    return self;
  }

  /** The routing-data version. */
  public long tableVersion() {
    return tableVersion;
  }

  /** The number plan used to normalise PLMN addresses. */
  public NumberPlan numberPlan() {
    return plan;
  }

  /**
   * Routes the recipients of a message given as MMS addresses (To, Cc and Bcc together).
   * Addresses that normalise to one recipient are routed once.
   */
  public RouteDecision route(List<Address> recipients, Arrival arrival) {
    RouteDecision.Collector c = new RouteDecision.Collector();
    Set<Recipient> seen = new HashSet<>(recipients.size() * 2);
    for (int i = 0, n = recipients.size(); i < n; i++) {
      Address a = recipients.get(i);
      Optional<Recipient> r = Recipient.normalise(a, plan);
      if (r.isEmpty()) {
        c.reject(
            a.text(),
            ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED,
            "address cannot be normalised");
      } else if (seen.add(r.get())) {
        routeOne(r.get(), target(r.get()), arrival, c);
      }
    }
    return c.build(tableVersion, false);
  }

  /**
   * Routes recipients already in normal form, for example {@link RoutingFields#recipients()}
   * of a received hop (duplicates are routed once).
   */
  public RouteDecision routeRecipients(List<Recipient> recipients, Arrival arrival) {
    RouteDecision.Collector c = new RouteDecision.Collector();
    Set<Recipient> seen = recipients.size() > 1 ? new HashSet<>(recipients.size() * 2) : null;
    for (int i = 0, n = recipients.size(); i < n; i++) {
      Recipient r = recipients.get(i);
      if (seen == null || seen.add(r)) {
        routeOne(r, target(r), arrival, c);
      }
    }
    return c.build(tableVersion, false);
  }

  /**
   * Routes a delivery or read report to the originator's home. The home comes from the
   * Message-ID when {@code ids} minted it (stateless return routing); otherwise, and when
   * the Message-ID's MAC fails ({@link RouteDecision#forgedMessageId()}), from the routing
   * data for {@code destination} (the report's To: the original sender).
   */
  public RouteDecision routeReport(
      String messageId, Address destination, MessageIds ids, Arrival arrival) {
    RouteDecision.Collector c = new RouteDecision.Collector();
    Optional<Recipient> r = Recipient.normalise(destination, plan);
    boolean forged = false;
    RelayId home = null;
    try {
      home = ids.parseHome(messageId).orElse(null);
    } catch (RoutingFieldException e) {
      forged = true;
    }
    if (r.isEmpty()) {
      if (home == null) {
        c.reject(
            destination.text(),
            ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED,
            "report destination cannot be normalised");
        return c.build(tableVersion, forged);
      }
      // A destination we cannot normalise (hidden or odd address) still goes home by Message-ID.
      r = Optional.of(Recipient.opaque(destination.text()));
    }
    routeOne(r.get(), home != null ? RouteTarget.relay(home) : target(r.get()), arrival, c);
    return c.build(tableVersion, forged);
  }

  /**
   * The originator's home Relay/Server, for the entry to write into {@link RoutingFields#home()}
   * and into the Message-ID: the routing data's Relay/Server for the originator, or this
   * Relay/Server when the originator is not a subscriber of the MMSE (or cannot be normalised).
   */
  public RelayId homeOf(Address originator) {
    Optional<Recipient> r = Recipient.normalise(originator, plan);
    if (r.isPresent() && target(r.get()) instanceof RouteTarget.Relay rel) {
      return rel.relay();
    }
    return self;
  }

  /**
   * The (unsigned) routing fields for handing {@code group} to another Relay/Server: path
   * extended by this Relay/Server, table version stamped with ours, issued now. From outside,
   * this Relay/Server becomes entry and charging Relay/Server and {@code originatorHome} the
   * home; from a legacy Relay/Server, that peer starts the path and is the charging
   * Relay/Server (it accepted and charged the item); from an extended Relay/Server, entry,
   * home, charging and hop limit are kept.
   */
  public RoutingFields handOver(
      Arrival arrival, RelayId originatorHome, List<Recipient> group, Instant now) {
    RoutingFields.Builder b;
    RoutingFields in = arrival.fieldsOrNull();
    if (in != null) {
      b =
          in.toBuilder() // the signature goes with the first change
              .appendPath(self)
              .tableVersion(Math.max(tableVersion, in.tableVersion()));
    } else {
      b =
          RoutingFields.builder()
              .entry(self)
              .home(Objects.requireNonNull(originatorHome, "originatorHome"))
              .tableVersion(tableVersion);
      RelayId legacy = arrival.legacyPeerOrNull();
      if (legacy != null) {
        b.appendPath(legacy).charging(legacy);
      } else {
        b.charging(self);
      }
      b.appendPath(self);
    }
    return b.recipients(group).issuedAt(now).build();
  }

  private RouteTarget target(Recipient r) {
    RouteTarget t = lookup.lookup(r);
    return t != null ? t : RouteTarget.reject(RejectReason.NO_ROUTE);
  }

  private void routeOne(Recipient r, RouteTarget t, Arrival arrival, RouteDecision.Collector c) {
    if (t instanceof RouteTarget.Relay rel && rel.relay().equals(self)) {
      c.local(r);
      return;
    }
    RoutingFields in = arrival.fieldsOrNull();
    if (in != null && in.tableVersion() > tableVersion) {
      // The sender decided with newer routing data, and that data made us the home.
      c.local(r);
      return;
    }
    if (t instanceof RouteTarget.Relay rel) {
      LoopGuard.Verdict v;
      if (in != null) {
        v = LoopGuard.checkForward(in, self, rel.relay(), tableVersion);
      } else if (arrival.legacyPeerOrNull() != null) {
        v = LoopGuard.checkForwardFromLegacy(arrival.legacyPeerOrNull(), rel.relay());
      } else {
        v = LoopGuard.Verdict.PASS;
      }
      if (v == LoopGuard.Verdict.PASS) {
        c.intra(rel.relay(), r);
      } else {
        c.reject(
            r.text(),
            v.responseStatus(),
            v == LoopGuard.Verdict.LOOP
                ? "routing loop towards " + rel.relay()
                : "hop limit reached");
      }
    } else if (t instanceof RouteTarget.ForeignMmse d) {
      c.inter(d.domain(), r);
    } else {
      c.reject(r.text(), ((RouteTarget.Reject) t).status(), "routing data refuses the recipient");
    }
  }
}
