package org.mmsstack.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.convert.ConversionException;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.RelayId;

/**
 * A legacy lab Relay/Server: it knows nothing of the routing extension. It serves its own
 * subscribers and sends every other recipient, and every report that is not for one of its
 * subscribers, as plain MM4 to its gateway (an extended node), as it would to a neighbouring
 * MMSE; it accepts MM4 from every extended node of the MMSE (its configured peers). It mints its own Message-IDs and charges its own submissions. Any routing header that
 * reaches it is a leak of the border, recorded as a violation.
 *
 * <p>Thread-safe: handlers serialise on the node.
 */
final class LegacyLabRelay extends LabRelay {

  private final Set<String> subscribers;
  private final String gateway;
  private final Set<String> peers;

  LegacyLabRelay(
      RelayId id,
      LabNetwork net,
      Duration giveUpAfter,
      Set<String> subscribers,
      String gateway,
      Set<String> peers) {
    super(id, net, giveUpAfter);
    this.subscribers = Set.copyOf(subscribers);
    this.gateway = gateway;
    this.peers = Set.copyOf(peers);
  }

  @Override
  public boolean extended() {
    return false;
  }

  @Override
  String mintTransactionId() {
    return nextId("n");
  }

  @Override
  boolean knows(String node) {
    return peers.contains(node);
  }

  @Override
  byte[] submit(String msisdn, SendReq req) {
    String messageId = nextId("msg");
    Mm4ForwardReq fwd;
    try {
      fwd = LabWire.forward(req, msisdn, messageId, nextId("t"), Instant.now(), net.domain);
    } catch (ConversionException e) {
      return sendConf(req, ResponseStatus.ERROR_PERMANENT_MESSAGE_FORMAT_CORRUPT, null);
    }
    net.ledger.charged(messageId, name);
    List<Address> all = new ArrayList<>(req.to());
    all.addAll(req.cc());
    all.addAll(req.bcc());
    List<String> others = new ArrayList<>();
    for (Address a : all) {
      String digits = LabWire.digits(a.value());
      if (subscribers.contains(digits)) {
        deliverLocal(fwd, digits);
      } else if (!others.contains(LabWire.rcpt(digits, net.domain))) {
        others.add(LabWire.rcpt(digits, net.domain));
      }
    }
    toGateway(fwd, others);
    return sendConf(req, ResponseStatus.OK, messageId);
  }

  @Override
  void readRecInd(String msisdn, ReadRecInd ind) {
    try {
      routeReport(LabWire.readReport(ind, msisdn, nextId("rr"), Instant.now(), net.domain));
    } catch (ConversionException e) {
      net.ledger.violation(name + " could not convert m-read-rec-ind of " + msisdn + ": " + e);
    }
  }

  @Override
  RequestStatusCode onMm4(String peer, List<String> rcpt, Mm4Headers headers, byte[] mail) {
    if (LabWire.mentionsRouting(mail)) {
      net.ledger.violation("routing fields leaked to the legacy node " + name + " from " + peer);
    }
    // A legacy node delivers or passes on every request it accepts: it needs the whole of it.
    Optional<Mm4Message> whole = decodeWhole(peer, mail);
    if (whole.isEmpty()) {
      return RequestStatusCode.ERROR_MESSAGE_FORMAT_CORRUPT;
    }
    Mm4Message m = whole.get();
    synchronized (this) {
      if (m instanceof Mm4ForwardReq fwd) {
        List<String> others = new ArrayList<>();
        for (String rc : rcpt) {
          String digits = LabWire.digits(rc);
          if (subscribers.contains(digits)) {
            deliverLocal(fwd, digits);
          } else {
            others.add(rc);
          }
        }
        toGateway(fwd, others);
      } else {
        routeReport(m);
      }
    }
    return RequestStatusCode.OK;
  }

  private void toGateway(Mm4Message item, List<String> rcpt) {
    if (rcpt.isEmpty()) {
      return;
    }
    send(
        gateway,
        rcpt,
        () -> transmission(item),
        item.messageType() + " " + item.messageId().orElse("?") + " to " + gateway);
  }

  @Override
  void routeReport(Mm4Message report) {
    Mm4Address to = report.to().get(0);
    Optional<String> digits = LabWire.digits(to);
    if (digits.isPresent() && subscribers.contains(digits.get())) {
      pushReport(report);
    } else {
      toGateway(
          report, List.of(digits.map(d -> LabWire.rcpt(d, net.domain)).orElse(to.addrSpec())));
    }
  }
}
