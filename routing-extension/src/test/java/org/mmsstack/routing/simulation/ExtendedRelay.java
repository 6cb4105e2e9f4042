package org.mmsstack.routing.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mmsstack.encapsulation.NotifyRespInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.SendConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.convert.Mm4ToMm1;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.Arrival;
import org.mmsstack.routing.BorderFilter;
import org.mmsstack.routing.MessageIdentity;
import org.mmsstack.routing.MessageIds;
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

/**
 * An extended Relay/Server: it runs the routing function on its copy of the routing data,
 * signs every hop it sends to another extended Relay/Server, verifies every hop it receives
 * from one, and applies the border filter to everything else (phones, foreign MMSEs, legacy
 * Relay/Servers). Routing fields never go to a legacy Relay/Server, a foreign MMSE or a phone.
 */
final class ExtendedRelay extends RelayNode {

  final RelayId id;
  private final RoutingSigner signer;
  private final RoutingVerifier verifier;
  private final MessageIds ids;
  private final BorderFilter border;
  private Router router;
  private final java.util.Set<String> rejectedOnce = new java.util.HashSet<>();

  ExtendedRelay(
      World world,
      RelayId id,
      RoutingSigner signer,
      RoutingVerifier verifier,
      MessageIds ids,
      BorderFilter border,
      TableSpec table) {
    super(id.value(), world);
    this.id = id;
    this.signer = signer;
    this.verifier = verifier;
    this.ids = ids;
    this.border = border;
    install(table);
  }

  /** Switches to another version of the routing data (atomically: between two events). */
  void install(TableSpec table) {
    router = Router.of(id, Tables.lookup(table), table.version(), world.numberPlan);
  }

  long tableVersion() {
    return router.tableVersion();
  }

  @Override
  String mintTransactionId() {
    return ids.mint(id, world.rnd);
  }

  // ---------------------------------------------------------------- MM1 (phones)

  @Override
  byte[] onMm1(Phone from, byte[] bytes) {
    Pdu pdu;
    try {
      pdu = PduCodec.decode(bytes);
    } catch (PduFormatException e) {
      world.ledger.violation(name + " could not decode an MM1 PDU: " + e.getMessage());
      return NO_CONTENT;
    }
    BorderFilter.Outcome<Pdu> in = border.filter(pdu, BorderFilter.Direction.INBOUND);
    if (in.action() == BorderFilter.Action.STRIPPED) {
      world.ledger.count("forged routing fields stripped from phones (MM1)");
    }
    if (!in.passes()) {
      world.ledger.count("forged routing fields refused from phones (MM1)");
      return PduCodec.encode(
          SendConf.builder()
              .transactionId(pdu.transactionId().orElse("x"))
              .responseStatus(in.responseStatus().orElseThrow())
              .build());
    }
    pdu = in.message();
    if (pdu instanceof SendReq req) {
      return submit(from, req);
    } else if (pdu instanceof ReadRecInd ind) {
      String txn = nextId("rr");
      Mm4ReadReplyReportReq rep =
          Mm1Mm4.readReport(
              ind.messageId().orElseThrow(),
              from.number,
              ind.to().orElseThrow(),
              txn,
              world.loop.instant(),
              world.domain);
      routeReport(rep);
      return NO_CONTENT;
    } else if (pdu instanceof NotifyRespInd ind) {
      onNotifyResp(ind);
      return NO_CONTENT;
    }
    world.ledger.violation(name + " got an unexpected MM1 PDU " + pdu.messageType());
    return NO_CONTENT;
  }

  private byte[] submit(Phone from, SendReq req) {
    Router r = router;
    // The originator is the authenticated subscriber of the MM1 connection, never a claimed From.
    Address originator = Address.plmn("+" + from.number);
    RelayId home = r.homeOf(originator);
    String messageId = ids.mint(home, world.rnd);
    world.ledger.charged(messageId, name);
    List<Address> all = new ArrayList<>(req.to());
    all.addAll(req.cc());
    all.addAll(req.bcc());
    RouteDecision d = r.route(all, Arrival.outside());
    Mm4ForwardReq fwd =
        Mm1Mm4.forward(
            req, from.number, messageId, nextId("t"), world.loop.instant(), world.domain);
    fanOut(r, fwd, d, Arrival.outside(), home);
    ResponseStatus status =
        d.rejected().size() == d.size()
            ? ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED
            : ResponseStatus.OK;
    return PduCodec.encode(
        SendConf.builder()
            .transactionId(req.transactionId().orElseThrow())
            .responseStatus(status)
            .messageId(messageId)
            .build());
  }

  // ---------------------------------------------------------------- MM4

  @Override
  public byte[] onMm4(Node from, List<String> rcptTo, byte[] mail) {
    Mm4Message m;
    try {
      m = Mm4Wire.parse(mail);
    } catch (Mm4FormatException e) {
      world.ledger.violation(name + " could not parse MM4 from " + from + ": " + e.getMessage());
      return null;
    }
    Mm4Headers headers = m.headers();
    Router r = router;
    Arrival arrival;
    RoutingFields fields = null;
    if (from instanceof ExtendedRelay) {
      try {
        Optional<RoutingFields> f = RoutingHeaders.read(headers);
        if (f.isEmpty()) {
          // An extended peer always sends signed fields; without them the hop has no authority.
          world.ledger.count("intra-MMSE hops refused: UNSIGNED");
          return Mm4Wire.response(m, RequestStatusCode.ERROR_SERVICE_DENIED);
        }
        verifier.verify(f.get(), MessageIdentity.ofMm4(headers), world.loop.instant());
        fields = f.get();
      } catch (RoutingFieldException e) {
        world.ledger.count("intra-MMSE hops refused: " + e.reason());
        return Mm4Wire.response(m, e.mm4StatusCode());
      }
      world.ledger.path(fields.path(), fields.hopLimit());
      if (fields.tableVersion() > world.maxTableVersion()) {
        world.ledger.violation(
            name + " accepted a hop stamped with table version " + fields.tableVersion());
      }
      arrival = Arrival.fromRelay(fields);
    } else {
      // From a legacy Relay/Server, always strip: what it carries came from its phones, and
      // refusing would lose a subscriber's message for a header the subscriber's phone wrote.
      BorderFilter filter = from instanceof LegacyRelay ? BorderFilter.DEFAULT : border;
      BorderFilter.Outcome<Mm4Headers> in = filter.filter(headers, BorderFilter.Direction.INBOUND);
      String side = from instanceof LegacyRelay ? "legacy Relay/Servers" : "foreign MMSEs";
      if (!in.passes()) {
        world.ledger.count("forged routing fields refused from " + side);
        return Mm4Wire.response(m, in.mm4StatusCode().orElseThrow());
      }
      if (in.action() == BorderFilter.Action.STRIPPED) {
        world.ledger.count("forged routing fields stripped from " + side);
      }
      arrival = from instanceof LegacyRelay l ? Arrival.fromLegacy(l.id) : Arrival.outside();
    }
    m = RoutingMm4.strip(m);
    if (m instanceof Mm4ForwardReq fwd) {
      String messageId = fwd.messageId().orElseThrow();
      RouteDecision d;
      RelayId home;
      if (fields != null) {
        world.ledger.chargingField(messageId, fields.charging());
        d = r.routeRecipients(fields.recipients(), arrival);
        home = fields.home();
      } else {
        List<Address> addresses = new ArrayList<>(rcptTo.size());
        for (String rc : rcptTo) {
          addresses.add(Mm4Wire.envelopeAddress(rc));
        }
        d = r.route(addresses, arrival);
        home = r.homeOf(Mm4ToMm1.address(fwd.from().orElseThrow()));
        if (arrival.source() == Arrival.Source.OUTSIDE) {
          // A message from another MMSE: this border Relay/Server is its entry and charges it.
          world.ledger.charged(messageId, name);
        }
      }
      fanOut(r, fwd, d, arrival, home);
    } else {
      routeReport(r, m, arrival);
    }
    return Mm4Wire.response(m, RequestStatusCode.OK);
  }

  /** Sends each group of a decision on: local, to another Relay/Server, abroad, or refused. */
  private void fanOut(
      Router r, Mm4ForwardReq fwd, RouteDecision routed, Arrival arrival, RelayId home) {
    String messageId = fwd.messageId().orElseThrow();
    // A recipient this node delivered to before the table moved its home: the first transfer
    // was answered too late and this is its retransmission. This node took the message, so it
    // keeps it; handing it on would deliver it again at the new home.
    RouteDecision d =
        routed.exceptHeldHere(
            rc -> rc.e164().filter(digits -> deliveredHere(messageId, digits)).isPresent());
    for (int i = 0; i < d.heldHere().size(); i++) {
      world.ledger.count("retransmissions already delivered here, not routed again");
    }
    for (Recipient rc : d.local()) {
      deliverLocal(fwd, rc.e164().orElseThrow());
    }
    for (Map.Entry<RelayId, List<Recipient>> e : d.intra().entrySet()) {
      hop(r, fwd, e.getKey(), e.getValue(), arrival, home, world.domain);
    }
    for (Map.Entry<String, List<Recipient>> e : d.inter().entrySet()) {
      ForeignMmse f = world.foreign.get(e.getKey());
      List<String> rcpt = rcpts(e.getValue(), e.getKey());
      sendWithRetry(
          f,
          rcpt,
          () -> Mm4Wire.format(Mm4Wire.edit(fwd, b -> b.transactionId(nextId("t")))),
          "forward " + messageId);
    }
    for (RouteDecision.Rejection rej : d.rejected()) {
      if (!rejectedOnce.add(messageId + "|" + rej.address())) {
        // A retried hop whose response was lost: the recipient was refused already.
        world.ledger.count("duplicate rejections suppressed");
        continue;
      }
      world.ledger.rejected(messageId, Mm4Wire.digits(rej.address()), rej.status().name(), name);
      if (!rej.status().equals(ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED)) {
        world.ledger.violation(
            name + " refused " + rej.address() + " of " + messageId + ": " + rej.reason());
      }
    }
  }

  /** One hop to another Relay/Server of the MMSE: signed for an extended one, plain for legacy. */
  private void hop(
      Router r,
      Mm4Message item,
      RelayId target,
      List<Recipient> group,
      Arrival arrival,
      RelayId home,
      String domain) {
    RelayNode to = world.relays.get(target.value());
    List<String> rcpt = rcpts(group, domain);
    String what = item.messageType() + " " + item.messageId().orElse("?");
    if (to instanceof LegacyRelay) {
      // Legacy Relay/Servers are outside for the routing fields: plain MM4, as from a neighbour.
      sendWithRetry(
          to,
          rcpt,
          () -> Mm4Wire.format(Mm4Wire.edit(item, b -> b.transactionId(nextId("t")))),
          what);
      return;
    }
    sendWithRetry(
        to,
        rcpt,
        () -> {
          Mm4Message plain = Mm4Wire.edit(item, b -> b.transactionId(nextId("t")));
          RoutingFields f = r.handOver(arrival, home, group, world.loop.instant());
          f = signer.sign(f, identity(plain));
          return Mm4Wire.format(RoutingMm4.attach(plain, f));
        },
        what);
  }

  /** The identity of a hop this relay wrote itself, which never repeats a signed header. */
  private static MessageIdentity identity(Mm4Message plain) {
    try {
      return MessageIdentity.ofMm4(plain.headers());
    } catch (RoutingFieldException e) {
      throw new IllegalStateException("own hop: " + e.getMessage(), e);
    }
  }

  private static List<String> rcpts(List<Recipient> group, String domain) {
    List<String> out = new ArrayList<>(group.size());
    for (Recipient rc : group) {
      out.add(Mm4Wire.rcpt(rc, domain));
    }
    return out;
  }

  @Override
  void routeReport(Mm4Message report) {
    routeReport(router, report, Arrival.outside());
  }

  private void routeReport(Router r, Mm4Message report, Arrival arrival) {
    String messageId = report.messageId().orElseThrow();
    Address destination = Mm4ToMm1.address(report.to().get(0));
    RouteDecision d = r.routeReport(messageId, destination, ids, arrival);
    if (d.forgedMessageId()) {
      world.ledger.count("reports with a forged Message-ID routed by number");
    }
    if (!d.local().isEmpty()) {
      pushReport(report);
    }
    for (Map.Entry<RelayId, List<Recipient>> e : d.intra().entrySet()) {
      hop(r, report, e.getKey(), e.getValue(), arrival, e.getKey(), world.domain);
    }
    for (Map.Entry<String, List<Recipient>> e : d.inter().entrySet()) {
      ForeignMmse f = world.foreign.get(e.getKey());
      sendWithRetry(
          f,
          rcpts(e.getValue(), e.getKey()),
          () -> Mm4Wire.format(Mm4Wire.edit(report, b -> b.transactionId(nextId("t")))),
          report.messageType() + " " + messageId);
    }
    for (RouteDecision.Rejection rej : d.rejected()) {
      world.ledger.violation(name + " refused a report for " + messageId + ": " + rej);
    }
  }
}
