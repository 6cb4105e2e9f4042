package org.mmsstack.lab;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.convert.ConversionException;
import org.mmsstack.mm4.convert.Mm4ToMm1;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.Arrival;
import org.mmsstack.routing.BorderFilter;
import org.mmsstack.routing.MessageIdentity;
import org.mmsstack.routing.MessageIds;
import org.mmsstack.routing.NumberPlan;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteDecision;
import org.mmsstack.routing.Router;
import org.mmsstack.routing.RoutingFieldException;
import org.mmsstack.routing.RoutingFields;
import org.mmsstack.routing.RoutingHeaders;
import org.mmsstack.routing.RoutingMm4;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.RoutingVerifier;
import org.mmsstack.routing.TableRouteLookup;
import org.mmsstack.routing.data.RoutingData;
import org.mmsstack.routing.data.RoutingDataSource;

/**
 * An extended lab Relay/Server: it takes its routing data from a {@link RoutingDataSource}
 * (table, key ring and Message-ID secrets swapped as one unit when the source installs a
 * version), mints Message-IDs naming the originator's home, charges what enters the
 * MMSE here, runs the routing function, signs every hop to another extended node and verifies
 * every hop from one, and applies the border filter to everything else: routing fields from
 * phones are stripped, and nothing of the extension goes to a legacy node or a phone.
 *
 * <p>Thread-safe: routing state is swapped atomically (one volatile reference), handlers
 * serialise on the node.
 */
final class ExtendedLabRelay extends LabRelay {

  /** Routing state of one version: swapped as a whole. */
  private record State(Router router, RoutingVerifier verifier, MessageIds ids) {}

  /** Opens the routing data source of a node (a directory watch, a ZooKeeper session). */
  @FunctionalInterface
  interface SourceFactory {
    RoutingDataSource open(RelayId node) throws IOException;
  }

  private final RoutingSigner signer;
  private final SourceFactory sources;
  private final Set<String> extendedPeers;
  private final Set<String> legacyPeers;
  private final BorderFilter border = BorderFilter.DEFAULT;
  private final SecureRandom random = new SecureRandom();
  private final Set<String> rejectedOnce = new java.util.HashSet<>();
  private volatile State state;
  private final Object installLock = new Object();
  private RoutingDataSource source;

  ExtendedLabRelay(
      RelayId id,
      LabNetwork net,
      Duration giveUpAfter,
      RoutingSigner signer,
      SourceFactory sources,
      Set<String> extendedPeers,
      Set<String> legacyPeers) {
    super(id, net, giveUpAfter);
    this.signer = signer;
    this.sources = sources;
    this.extendedPeers = Set.copyOf(extendedPeers);
    this.legacyPeers = Set.copyOf(legacyPeers);
  }

  @Override
  public boolean extended() {
    return true;
  }

  /** The routing data version this node runs, once it has one. */
  Optional<Long> tableVersion() {
    State s = state;
    return s == null ? Optional.empty() : Optional.of(s.router().tableVersion());
  }

  /** A restarted node reads the routing data afresh: it may have missed versions while down. */
  @Override
  void onStart() throws IOException {
    RoutingDataSource s = sources.open(id);
    s.addListener(
        new RoutingDataSource.Listener() {
          @Override
          public void versionInstalled(Optional<RoutingData> previous, RoutingData current) {
            install(current);
          }
        });
    s.start();
    source = s;
    // A node without routing data cannot route: wait for the first version.
    try {
      install(s.awaitVersion(1, Duration.ofSeconds(30)));
    } catch (TimeoutException e) {
      throw new IOException(name + " got no routing data from " + s.storeDescription(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(name + " was interrupted waiting for routing data", e);
    }
  }

  @Override
  void onStop() {
    RoutingDataSource s = source;
    source = null;
    if (s != null) {
      s.close();
    }
  }

  /**
   * Swaps the routing state. Not under the node's lock: a source may call its listeners on its
   * own thread while {@link #onStart} (which holds the node's lock) waits for it to start.
   */
  private void install(RoutingData data) {
    synchronized (installLock) {
      installLocked(data);
    }
  }

  private void installLocked(RoutingData data) {
    State s = state;
    if (s != null && s.router().tableVersion() >= data.versionNumber()) {
      return;
    }
    Router router =
        Router.of(
            id,
            TableRouteLookup.of(data.table()),
            data.versionNumber(),
            NumberPlan.INTERNATIONAL_ONLY);
    state = new State(router, RoutingVerifier.of(data.keyRing()), data.messageIds());
    net.ledger.installed(name, data.versionNumber());
  }

  @Override
  String mintTransactionId() {
    return state.ids().mint(id, random);
  }

  @Override
  boolean knows(String node) {
    return extendedPeers.contains(node) || legacyPeers.contains(node);
  }

  // ---------------------------------------------------------------- MM1

  private Pdu inbound(Pdu pdu) {
    BorderFilter.Outcome<Pdu> in = border.filter(pdu, BorderFilter.Direction.INBOUND);
    if (in.action() == BorderFilter.Action.STRIPPED) {
      net.ledger.count("routing fields stripped from phones (MM1)");
    }
    return in.message();
  }

  @Override
  byte[] submit(String msisdn, SendReq req) {
    SendReq clean = (SendReq) inbound(req);
    State s = state;
    Router r = s.router();
    // The originator is the authenticated subscriber, never a claimed From.
    Address originator = Address.plmn("+" + msisdn);
    RelayId home = r.homeOf(originator);
    String messageId = s.ids().mint(home, random);
    List<Address> all = new ArrayList<>(clean.to());
    all.addAll(clean.cc());
    all.addAll(clean.bcc());
    RouteDecision d = r.route(all, Arrival.outside());
    Mm4ForwardReq fwd;
    try {
      fwd = LabWire.forward(clean, msisdn, messageId, nextId("t"), Instant.now(), net.domain);
    } catch (ConversionException e) {
      net.ledger.count("submissions refused: " + e.getMessage());
      return sendConf(req, ResponseStatus.ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT, null);
    }
    net.ledger.charged(messageId, name);
    fanOut(s, fwd, d, Arrival.outside(), home);
    ResponseStatus status =
        d.rejected().size() == d.size()
            ? ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED
            : ResponseStatus.OK;
    return sendConf(req, status, messageId);
  }

  @Override
  void readRecInd(String msisdn, ReadRecInd ind) {
    ReadRecInd clean = (ReadRecInd) inbound(ind);
    try {
      routeReport(LabWire.readReport(clean, msisdn, nextId("rr"), Instant.now(), net.domain));
    } catch (ConversionException e) {
      net.ledger.violation(name + " could not convert m-read-rec-ind of " + msisdn + ": " + e);
    }
  }

  // ---------------------------------------------------------------- MM4

  @Override
  RequestStatusCode onMm4(String peer, List<String> rcpt, Mm4Headers headers, byte[] mail) {
    State s = state;
    Arrival arrival;
    RoutingFields fields = null;
    if (extendedPeers.contains(peer)) {
      try {
        Optional<RoutingFields> f = RoutingHeaders.read(headers);
        if (f.isEmpty()) {
          net.ledger.violation(name + " got an unsigned hop from " + peer);
          return RequestStatusCode.ERROR_SERVICE_DENIED;
        }
        s.verifier().verify(f.get(), MessageIdentity.ofMm4(headers), Instant.now());
        fields = f.get();
      } catch (RoutingFieldException e) {
        net.ledger.violation(name + " refused a hop from " + peer + ": " + e.getMessage());
        return e.mm4StatusCode();
      }
      if (!fields.sender().value().equals(peer)) {
        net.ledger.violation(name + " got a hop signed by " + fields.sender() + " from " + peer);
        return RequestStatusCode.ERROR_SERVICE_DENIED;
      }
      net.ledger.hops(fields.hops());
      arrival = Arrival.fromRelay(fields);
    } else {
      // From a legacy Relay/Server: whatever it carries came from its phones; strip it.
      BorderFilter.Outcome<Mm4Headers> in = border.filter(headers, BorderFilter.Direction.INBOUND);
      if (!in.passes()) {
        net.ledger.violation(name + " refused routing fields from the legacy node " + peer);
        return in.mm4StatusCode().orElseThrow();
      }
      if (in.action() == BorderFilter.Action.STRIPPED) {
        net.ledger.count("routing fields stripped from legacy Relay/Servers");
      }
      arrival = Arrival.fromLegacy(RelayId.of(peer));
    }
    // Accepted on its header section: only now is the body decoded.
    Optional<Mm4Message> whole = decodeWhole(peer, mail);
    if (whole.isEmpty()) {
      return RequestStatusCode.ERROR_MESSAGE_FORMAT_CORRUPT;
    }
    Mm4Message plain = RoutingMm4.strip(whole.get());
    synchronized (this) {
      if (plain instanceof Mm4ForwardReq fwd) {
        String messageId = fwd.messageId().orElse("");
        RouteDecision d;
        RelayId home;
        if (fields != null) {
          net.ledger.chargingField(messageId, fields.charging());
          d = s.router().routeRecipients(fields.recipients(), arrival);
          home = fields.home();
        } else {
          List<Address> addresses = new ArrayList<>(rcpt.size());
          for (String rc : rcpt) {
            addresses.add(Address.plmn("+" + LabWire.digits(rc)));
          }
          d = s.router().route(addresses, arrival);
          home = s.router().homeOf(Mm4ToMm1.address(fwd.from().orElseThrow()));
        }
        fanOut(s, fwd, d, arrival, home);
      } else {
        routeReport(s, plain, arrival);
      }
    }
    return RequestStatusCode.OK;
  }

  /** Sends each group of a decision on: delivered here, handed to a node, or refused. */
  private void fanOut(
      State s, Mm4ForwardReq fwd, RouteDecision routed, Arrival arrival, RelayId home) {
    String messageId = fwd.messageId().orElseThrow();
    // A recipient this node delivered to before the table moved its home: the first transfer
    // was answered too late and this is its retransmission. This node took the message, so it
    // keeps it; handing it on would deliver it again at the new home.
    RouteDecision d =
        routed.exceptHeldHere(
            rc -> rc.e164().filter(digits -> deliveredHere(messageId, digits)).isPresent());
    for (int i = 0; i < d.heldHere().size(); i++) {
      net.ledger.count("retransmissions already delivered here, not routed again");
    }
    for (Recipient rc : d.local()) {
      deliverLocal(fwd, rc.e164().orElseThrow());
    }
    for (Map.Entry<RelayId, List<Recipient>> e : d.intra().entrySet()) {
      hop(s, fwd, e.getKey(), e.getValue(), arrival, home);
    }
    for (Map.Entry<String, List<Recipient>> e : d.inter().entrySet()) {
      net.ledger.violation(name + " routed " + e.getValue() + " to another MMSE " + e.getKey());
    }
    for (RouteDecision.Rejection rej : d.rejected()) {
      synchronized (this) {
        if (!rejectedOnce.add(messageId + "|" + rej.address())) {
          continue;
        }
      }
      net.ledger.violation(name + " refused " + rej.address() + " of " + messageId + ": " + rej);
    }
  }

  /** One hop to another node of the MMSE: signed for an extended one, plain for legacy. */
  private void hop(
      State s,
      Mm4Message item,
      RelayId target,
      List<Recipient> group,
      Arrival arrival,
      RelayId home) {
    List<String> rcpt = new ArrayList<>(group.size());
    for (Recipient rc : group) {
      rcpt.add(LabWire.rcpt(rc, net.domain));
    }
    String what = item.messageType() + " " + item.messageId().orElse("?") + " to " + target;
    if (legacyPeers.contains(target.value())) {
      // The border: a legacy node sees plain MM4, as from a neighbour. Outbound filter as a
      // fail-safe: nothing under the prefix leaves towards it.
      send(target.value(), rcpt, () -> outbound(transmission(item)), what);
      return;
    }
    if (!extendedPeers.contains(target.value())) {
      net.ledger.violation(name + " has no MM4 peer " + target + " for " + what);
      return;
    }
    Router r = s.router();
    send(
        target.value(),
        rcpt,
        () -> {
          Mm4Message plain = transmission(item);
          RoutingFields f = r.handOver(arrival, home, group, Instant.now());
          try {
            f = signer.sign(f, MessageIdentity.ofMm4(plain.headers()));
          } catch (RoutingFieldException e) {
            throw new IllegalStateException("own hop: " + e.getMessage(), e);
          }
          return RoutingMm4.attach(plain, f);
        },
        what);
  }

  private Mm4Message outbound(Mm4Message m) {
    BorderFilter.Outcome<Mm4Message> out = border.filter(m, BorderFilter.Direction.OUTBOUND);
    if (out.action() == BorderFilter.Action.STRIPPED) {
      net.ledger.violation(name + " nearly leaked routing fields to a legacy node");
    }
    return out.message();
  }

  @Override
  void routeReport(Mm4Message report) {
    routeReport(state, report, Arrival.outside());
  }

  private void routeReport(State s, Mm4Message report, Arrival arrival) {
    String messageId = report.messageId().orElseThrow();
    Address destination = Mm4ToMm1.address(report.to().get(0));
    RouteDecision d = s.router().routeReport(messageId, destination, s.ids(), arrival);
    if (d.forgedMessageId()) {
      net.ledger.violation(name + " saw a forged Message-ID " + messageId);
    }
    if (!d.local().isEmpty()) {
      pushReport(report);
    }
    for (Map.Entry<RelayId, List<Recipient>> e : d.intra().entrySet()) {
      hop(s, report, e.getKey(), e.getValue(), arrival, e.getKey());
    }
    for (RouteDecision.Rejection rej : d.rejected()) {
      net.ledger.violation(name + " refused a report of " + messageId + ": " + rej);
    }
  }
}
