package org.mmsstack.routing.simulation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.mmsstack.encapsulation.NotifyRespInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/**
 * What every Relay/Server of the MMSE does, extended or legacy: it stores messages for its own
 * subscribers, notifies them, serves retrievals, writes delivery reports, pushes reports to
 * originators, and retries MM4 requests until the peer answers. Delivery is idempotent per
 * (Message-ID, recipient) and reports per (Message-ID, subject, kind): a retried hop whose
 * response was lost must not notify twice.
 */
abstract class RelayNode extends Node implements Node.Mm4Endpoint {

  /** An MM1 answer without a PDU (HTTP 204): the request was taken. */
  static final byte[] NO_CONTENT = new byte[0];

  private static final long RETRY_MS = 30_000;
  private static final int MAX_ATTEMPTS = 60;

  /** A stored message for one local recipient. */
  record Stored(Mm4ForwardReq message, String recipient) {}

  private final Map<String, Stored> byTransaction = new HashMap<>();
  private final Set<String> delivered = new HashSet<>();
  private final Set<String> reportsPushed = new HashSet<>();
  private final Set<String> reportsWritten = new HashSet<>();
  private long counter;

  RelayNode(String name, World world) {
    super(name, world);
  }

  @Override
  boolean inMmse() {
    return true;
  }

  /** A fresh id unique to this node (transaction ids of hops, legacy Message-IDs). */
  String nextId(String kind) {
    return name + "-" + kind + "-" + (++counter);
  }

  /** Handles an MM1 request from a phone; returns the response PDU bytes, or null for none. */
  abstract byte[] onMm1(Phone from, byte[] pdu);

  /** Sends a report this node produced or received on towards the originator's home. */
  abstract void routeReport(Mm4Message report);

  /** The Transaction-ID of a notification (extended Relay/Servers mint it naming themselves). */
  abstract String mintTransactionId();

  /**
   * Whether this node has stored {@code messageId} for its recipient {@code digits}: a
   * retransmission is then not routed again, even after a table switch moved the home.
   */
  boolean deliveredHere(String messageId, String digits) {
    return delivered.contains(Ledger.key(messageId, digits));
  }

  /** Stores a message for a local recipient and notifies the recipient's phone, once. */
  void deliverLocal(Mm4ForwardReq fwd, String digits) {
    String id = fwd.messageId().orElseThrow();
    if (!delivered.add(Ledger.key(id, digits))) {
      world.ledger.count("duplicate deliveries suppressed at the home");
      return;
    }
    Phone phone = world.phones.get(digits);
    if (phone == null) {
      world.ledger.violation(
          name + " stored " + id + " for " + digits + ", which is no phone of the MMSE");
      return;
    }
    world.ledger.stored(id, digits, name);
    String txn = mintTransactionId();
    byTransaction.put(txn, new Stored(fwd, digits));
    String url = "http://mmsc." + world.domain + "/r/" + name + "/" + txn;
    world.network.push(
        this, phone, PduCodec.encode(Mm1Mm4.notification(fwd, txn, url, world.loop.instant())));
  }

  /** Serves the Content-Location of a stored message. */
  byte[] onGet(Phone from, String url) {
    String txn = url.substring(url.lastIndexOf('/') + 1);
    Stored s = byTransaction.get(txn);
    if (s == null || !s.recipient().equals(from.number)) {
      world.ledger.violation(
          name + " asked for " + url + " by " + from + ", which it does not hold");
      return null;
    }
    return PduCodec.encode(Mm1Mm4.retrieveConf(s.message(), txn, world.loop.instant()));
  }

  /** m-notifyresp-ind after retrieval: write the delivery report if the originator asked. */
  void onNotifyResp(NotifyRespInd ind) {
    Stored s = byTransaction.get(ind.transactionId().orElse(""));
    if (s == null) {
      world.ledger.violation(name + " got m-notifyresp-ind for an unknown transaction");
      return;
    }
    String id = s.message().messageId().orElseThrow();
    if (s.message().deliveryReport().orElse(YesNo.NO) != YesNo.YES
        || !reportsWritten.add(id + "|" + s.recipient())) {
      return;
    }
    world.ledger.reportSent(id, s.recipient(), Ledger.ReportKind.DELIVERY);
    routeReport(
        Mm1Mm4.deliveryReport(
            s.message(), s.recipient(), nextId("dr"), world.loop.instant(), world.domain));
  }

  /** Pushes a report to the originator's phone: this node is the originator's home. */
  void pushReport(Mm4Message report) {
    String id = report.messageId().orElseThrow();
    String subject = Mm4Wire.digits(report.from().orElseThrow());
    String originator = Mm4Wire.digits(report.to().get(0));
    Ledger.ReportKind kind =
        report instanceof Mm4ReadReplyReportReq
            ? Ledger.ReportKind.READ
            : Ledger.ReportKind.DELIVERY;
    if (!reportsPushed.add(Ledger.reportKey(id, subject, kind))) {
      world.ledger.count("duplicate reports suppressed at the home");
      return;
    }
    Phone phone = originator == null ? null : world.phones.get(originator);
    if (phone == null) {
      world.ledger.violation(
          name + " has a report for " + report.to() + ", which is no phone of the MMSE");
      return;
    }
    world.ledger.reportAtHome(id, subject, kind, name);
    Pdu pdu =
        report instanceof Mm4ReadReplyReportReq r
            ? Mm1Mm4.readOrigInd(r)
            : Mm1Mm4.deliveryInd((Mm4DeliveryReportReq) report);
    world.network.push(this, phone, PduCodec.encode(pdu));
  }

  /**
   * Sends an MM4 request and retries until the peer answers. {@code build} runs once per
   * attempt, so a signed hop is signed afresh each time (issued-at = attempt time).
   */
  void sendWithRetry(Node to, List<String> rcptTo, Supplier<byte[]> build, String what) {
    attempt(to, rcptTo, build, what, 1);
  }

  private void attempt(Node to, List<String> rcptTo, Supplier<byte[]> build, String what, int n) {
    world.network.mm4(
        this,
        to,
        rcptTo,
        build.get(),
        response -> {
          if (response == null) {
            if (n >= MAX_ATTEMPTS) {
              world.ledger.violation(name + " gave up sending " + what + " to " + to);
              return;
            }
            world.ledger.count("mm4 retries");
            schedule(RETRY_MS, () -> attempt(to, rcptTo, build, what, n + 1));
            return;
          }
          RequestStatusCode status = Mm4Wire.status(response);
          if (status != RequestStatusCode.OK) {
            world.ledger.violation(
                to + " refused " + what + " from " + name + ": " + status.token());
          }
        });
  }
}
