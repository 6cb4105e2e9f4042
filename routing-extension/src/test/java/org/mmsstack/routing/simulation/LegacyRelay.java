package org.mmsstack.routing.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.RelayId;

/**
 * A legacy Relay/Server of the MMSE: it knows nothing of the routing extension. It serves its
 * own subscribers and sends every other recipient, and every report that is not for one of its
 * subscribers, as plain MM4 to its configured gateway (an extended Relay/Server), exactly as it
 * would to a neighbouring MMSE. It mints its own Message-IDs, charges its own submissions, and
 * never looks at header fields it does not know.
 */
final class LegacyRelay extends RelayNode {

  final RelayId id;
  private final Set<String> subscribers;
  private ExtendedRelay gateway;

  LegacyRelay(World world, RelayId id, Set<String> subscribers) {
    super(id.value(), world);
    this.id = id;
    this.subscribers = Set.copyOf(subscribers);
  }

  void gateway(ExtendedRelay g) {
    this.gateway = g;
  }

  @Override
  String mintTransactionId() {
    return nextId("n");
  }

  @Override
  byte[] onMm1(Phone from, byte[] bytes) {
    Pdu pdu;
    try {
      pdu = PduCodec.decode(bytes);
    } catch (PduFormatException e) {
      world.ledger.violation(name + " could not decode an MM1 PDU: " + e.getMessage());
      return NO_CONTENT;
    }
    if (pdu instanceof SendReq req) {
      String messageId = nextId("msg");
      world.ledger.charged(messageId, name);
      Mm4ForwardReq fwd =
          Mm1Mm4.forward(
              req, from.number, messageId, nextId("t"), world.loop.instant(), world.domain);
      List<Address> all = new ArrayList<>(req.to());
      all.addAll(req.cc());
      all.addAll(req.bcc());
      List<String> others = new ArrayList<>();
      for (Address a : all) {
        String digits = Mm4Wire.digits(a.value());
        if (subscribers.contains(digits)) {
          deliverLocal(fwd, digits);
        } else if (!others.contains(Mm4Wire.rcpt(digits, world.domain))) {
          others.add(Mm4Wire.rcpt(digits, world.domain));
        }
      }
      forwardToGateway(fwd, others);
      return PduCodec.encode(
          SendConf.builder()
              .transactionId(req.transactionId().orElseThrow())
              .responseStatus(ResponseStatus.OK)
              .messageId(messageId)
              .build());
    } else if (pdu instanceof ReadRecInd ind) {
      routeReport(
          Mm1Mm4.readReport(
              ind.messageId().orElseThrow(),
              from.number,
              ind.to().orElseThrow(),
              nextId("rr"),
              world.loop.instant(),
              world.domain));
      return NO_CONTENT;
    } else if (pdu instanceof NotifyRespInd ind) {
      onNotifyResp(ind);
      return NO_CONTENT;
    }
    world.ledger.violation(name + " got an unexpected MM1 PDU " + pdu.messageType());
    return NO_CONTENT;
  }

  @Override
  public byte[] onMm4(Node from, List<String> rcptTo, byte[] mail) {
    Mm4Message m;
    try {
      m = Mm4Wire.parse(mail);
    } catch (Mm4FormatException e) {
      world.ledger.violation(name + " could not parse MM4 from " + from + ": " + e.getMessage());
      return null;
    }
    if (m instanceof Mm4ForwardReq fwd) {
      List<String> others = new ArrayList<>();
      for (String rc : rcptTo) {
        String digits = Mm4Wire.digits(rc);
        if (subscribers.contains(digits)) {
          deliverLocal(fwd, digits);
        } else {
          others.add(rc);
        }
      }
      forwardToGateway(fwd, others);
    } else {
      routeReport(m);
    }
    world.ledger.count("MM4 requests handled by legacy Relay/Servers");
    return Mm4Wire.response(m, RequestStatusCode.OK);
  }

  private void forwardToGateway(Mm4Message item, List<String> rcpt) {
    if (rcpt.isEmpty()) {
      return;
    }
    sendWithRetry(
        gateway,
        rcpt,
        () -> Mm4Wire.format(Mm4Wire.edit(item, b -> b.transactionId(nextId("t")))),
        item.messageType() + " " + item.messageId().orElse("?"));
  }

  @Override
  void routeReport(Mm4Message report) {
    Mm4Address to = report.to().get(0);
    String digits = Mm4Wire.digits(to);
    if (digits != null && subscribers.contains(digits)) {
      pushReport(report);
    } else {
      forwardToGateway(
          report, List.of(to.isPlmn() ? Mm4Wire.rcpt(digits, world.domain) : to.addrSpec()));
    }
  }
}
