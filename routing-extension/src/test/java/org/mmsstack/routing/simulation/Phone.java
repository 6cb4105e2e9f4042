package org.mmsstack.routing.simulation;

import java.util.List;
import java.util.Set;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.NotifyRespInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.Status;

/**
 * A subscriber's phone: an unmodified MM1 client. It submits to its provisioned entry
 * Relay/Server (often not its home), retrieves what it is notified of from the URL it is given,
 * acknowledges, and sends read reports to its entry. Everything it receives is decoded with
 * the binary codec; the network has already checked it for routing fields.
 */
final class Phone extends Node {

  private static final long RETRY_MS = 60_000;

  final String number;
  final Set<String> homes;
  RelayNode entry;
  private int txn;

  Phone(World world, String number, Set<String> homes) {
    super("phone-" + number, world);
    this.number = number;
    this.homes = Set.copyOf(homes);
  }

  /** A submission as the phone's MMS client writes it. */
  void submit(
      SendReq.Builder draft, List<Ledger.ExpectedRecipient> expected, boolean forgeRoutingFields) {
    if (forgeRoutingFields) {
      // A subscriber (or malware on the phone) tries to steer routing and charging.
      draft.applicationHeader("X-Mms-Routing-Charging", "rs-d");
      draft.applicationHeader("X-Mms-Routing-Table-Version", "999999");
      world.ledger.count("forged routing fields sent by phones");
    }
    byte[] pdu = PduCodec.encode(draft.transactionId(number + "-" + (++txn)).build());
    post(
        pdu,
        response -> {
          SendConf conf = (SendConf) decode(response);
          if (conf.messageId().isEmpty()) {
            world.ledger.count(
                "submissions refused by the entry ("
                    + conf.responseStatus().orElseThrow().name()
                    + ")");
            return;
          }
          String id = conf.messageId().orElseThrow();
          world.ledger.expect(
              new Ledger.Expected(id, number, homes, null, entry.name, false, expected));
        });
  }

  private void post(byte[] pdu, java.util.function.Consumer<byte[]> onAccepted) {
    world.network.mm1(
        this,
        entry,
        pdu,
        response -> {
          if (response == null) {
            world.ledger.count("mm1 retries by phones");
            world.loop.after(RETRY_MS, () -> post(pdu, onAccepted));
          } else {
            onAccepted.accept(response);
          }
        });
  }

  private Pdu decode(byte[] bytes) {
    try {
      return PduCodec.decode(bytes);
    } catch (PduFormatException e) {
      throw new AssertionError(name + " could not decode a PDU: " + e.getMessage(), e);
    }
  }

  /** A push from a Relay/Server. */
  void onPush(RelayNode from, byte[] bytes) {
    Pdu pdu = decode(bytes);
    if (pdu instanceof NotificationInd n) {
      String url = n.contentLocation().orElseThrow();
      String t = n.transactionId().orElseThrow();
      world.loop.after(1_000 + world.rnd.nextInt(60_000), () -> retrieve(url, t));
    } else if (pdu instanceof DeliveryInd d) {
      world.ledger.reportAtPhone(
          d.messageId().orElseThrow(),
          Mm4Wire.digits(d.to().orElseThrow().value()),
          Ledger.ReportKind.DELIVERY);
    } else if (pdu instanceof ReadOrigInd r) {
      world.ledger.reportAtPhone(
          r.messageId().orElseThrow(),
          Mm4Wire.digits(r.from().orElseThrow().address().orElseThrow().value()),
          Ledger.ReportKind.READ);
    } else {
      world.ledger.violation(name + " was pushed an unexpected " + pdu.messageType());
    }
  }

  private void retrieve(String url, String t) {
    // The URL names the storing Relay/Server (docs/routing-extension.md, "Retrieval").
    String[] parts = url.split("/");
    RelayNode relay = world.relays.get(parts[parts.length - 2]);
    world.network.get(
        this,
        relay,
        url,
        response -> {
          if (response == null) {
            world.loop.after(RETRY_MS, () -> retrieve(url, t));
            return;
          }
          RetrieveConf conf = (RetrieveConf) decode(response);
          String id = conf.messageId().orElseThrow();
          world.ledger.retrieved(id, number, relay.name);
          // m-notifyresp-ind answers the notification: its Transaction-ID, not the retrieval's.
          sendTo(
              relay,
              PduCodec.encode(
                  NotifyRespInd.builder().transactionId(t).status(Status.RETRIEVED).build()));
          if (conf.readReport().orElse(false)
              && world.rnd.nextDouble() < world.config.readReportProbability) {
            Address originator = conf.from().orElseThrow().address().orElseThrow();
            world.loop.after(5_000 + world.rnd.nextInt(120_000), () -> readReport(id, originator));
          }
        });
  }

  private void readReport(String messageId, Address originator) {
    byte[] pdu =
        PduCodec.encode(
            ReadRecInd.builder()
                .messageId(messageId)
                .to(originator)
                .from(FromValue.insertAddress())
                .date(world.loop.instant())
                .readStatus(ReadStatus.READ)
                .build());
    post(pdu, accepted -> world.ledger.reportSent(messageId, number, Ledger.ReportKind.READ));
  }

  private void sendTo(RelayNode relay, byte[] pdu) {
    world.network.mm1(
        this,
        relay,
        pdu,
        response -> {
          if (response == null) {
            world.loop.after(RETRY_MS, () -> sendTo(relay, pdu));
          }
        });
  }
}
