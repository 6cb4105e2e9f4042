package org.mmsstack.routing.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;
import org.mmsstack.routing.HeaderPair;
import org.mmsstack.routing.RoutingHeaders;

/**
 * Another operator's MMSE, seen from ours: it accepts MM4 for its own subscribers, answers
 * with reports, and sends messages and reports to our MMSE through whichever border
 * Relay/Server its MX lookup picks. Some of what it sends carries forged routing fields (a
 * misbehaving or hostile peer), and some reports come back with a Message-ID whose home part
 * was altered.
 */
final class ForeignMmse extends Node implements Node.Mm4Endpoint {

  private static final long RETRY_MS = 30_000;

  final String domain;
  final List<String> subscribers;
  private final Set<String> seen = new HashSet<>();
  private long counter;

  ForeignMmse(World world, String domain, List<String> subscribers) {
    super(domain, world);
    this.domain = domain;
    this.subscribers = List.copyOf(subscribers);
  }

  @Override
  public byte[] onMm4(Node from, List<String> rcptTo, byte[] mail) {
    Mm4Message m;
    try {
      m = Mm4Wire.parse(mail);
    } catch (Mm4FormatException e) {
      world.ledger.violation(domain + " could not parse MM4 from " + from + ": " + e.getMessage());
      return null;
    }
    String id = m.messageId().orElseThrow();
    if (m instanceof Mm4ForwardReq fwd) {
      for (String rc : rcptTo) {
        String digits = Mm4Wire.digits(rc);
        if (!subscribers.contains(digits) || !rc.endsWith("@" + domain)) {
          world.ledger.violation(domain + " was sent a recipient that is not its own: " + rc);
        } else if (seen.add(Ledger.key(id, digits))) {
          world.ledger.foreignDelivered(id, digits, domain);
          report(fwd, digits);
        }
      }
    } else {
      String subject = Mm4Wire.digits(m.from().orElseThrow());
      Ledger.ReportKind kind =
          m instanceof Mm4ReadReplyReportReq ? Ledger.ReportKind.READ : Ledger.ReportKind.DELIVERY;
      if (seen.add(Ledger.reportKey(id, subject, kind))) {
        world.ledger.reportAtForeign(id, subject, kind, domain);
      }
    }
    return Mm4Wire.response(m, RequestStatusCode.OK);
  }

  /** Delivery and read reports for a message one of our subscribers received. */
  private void report(Mm4ForwardReq fwd, String digits) {
    String id = fwd.messageId().orElseThrow();
    Mm4Address originator = fwd.from().orElseThrow();
    if (fwd.deliveryReport().orElse(YesNo.NO) == YesNo.YES) {
      world.ledger.reportSent(id, digits, Ledger.ReportKind.DELIVERY);
      Mm4Message rep =
          Mm4DeliveryReportReq.builder()
              .mmsVersion(Mm4Wire.VERSION)
              .transactionId(next("dr"))
              .messageId(tamperedId(id))
              .from(Mm4Address.plmn("+" + digits))
              .to(originator)
              .date(Mm4Wire.date(world.loop.instant()))
              .mmStatusCode(MmStatusCode.RETRIEVED)
              .rfc822MessageId(next("m") + "@" + domain)
              .build();
      schedule(1_000 + world.rnd.nextInt(60_000), () -> sendReport(rep, originator));
    }
    if (fwd.readReply().orElse(YesNo.NO) == YesNo.YES
        && world.rnd.nextDouble() < world.config.readReportProbability) {
      world.ledger.reportSent(id, digits, Ledger.ReportKind.READ);
      Mm4Message rep =
          Mm4ReadReplyReportReq.builder()
              .mmsVersion(Mm4Wire.VERSION)
              .transactionId(next("rr"))
              .messageId(tamperedId(id))
              .from(Mm4Address.plmn("+" + digits))
              .to(originator)
              .date(Mm4Wire.date(world.loop.instant()))
              .readStatus(ReadStatus.READ)
              .rfc822MessageId(next("m") + "@" + domain)
              .build();
      schedule(5_000 + world.rnd.nextInt(120_000), () -> sendReport(rep, originator));
    }
  }

  /**
   * Sometimes alters the home named in one of our Message-IDs: its MAC then fails, and the
   * report must still reach the originator's home, by number.
   */
  private String tamperedId(String id) {
    if (!id.startsWith("r1.") || world.rnd.nextDouble() >= world.config.foreignForgeRate) {
      return id;
    }
    String[] p = id.split("\\.");
    List<String> names = new ArrayList<>(world.extended.keySet());
    names.remove(p[1]);
    String forged = "r1." + names.get(world.rnd.nextInt(names.size())) + "." + p[2] + "." + p[3];
    world.ledger.alias(forged, id);
    world.ledger.count("reports sent back with a forged Message-ID");
    return forged;
  }

  private void sendReport(Mm4Message rep, Mm4Address originator) {
    Mm4Message out = rep;
    if (world.config.inboundPolicy == org.mmsstack.routing.BorderFilter.Policy.STRIP
        && world.rnd.nextDouble() < world.config.foreignForgeRate) {
      out =
          Mm4Wire.withHeaders(rep, forgedFields(world.victim(List.of(Mm4Wire.digits(originator)))));
      world.ledger.count("forged routing fields sent by foreign MMSEs");
    }
    String rcpt = Mm4Wire.rcpt(Mm4Wire.digits(originator), world.domain);
    send(
        List.of(rcpt),
        Mm4Wire.format(out),
        status -> {
          if (status != RequestStatusCode.OK) {
            world.ledger.violation("report from " + domain + " refused: " + status);
          }
        },
        null);
  }

  /** A message from one of this MMSE's subscribers to recipients in ours. */
  void originate(
      String fromDigits,
      List<String> toDigits,
      List<Ledger.ExpectedRecipient> expected,
      boolean deliveryReport,
      boolean readReply) {
    String id = next("msg");
    boolean forge = world.rnd.nextDouble() < world.config.foreignForgeRate;
    boolean refuse =
        forge && world.config.inboundPolicy == org.mmsstack.routing.BorderFilter.Policy.REFUSE;
    Ledger.Expected e =
        new Ledger.Expected(id, fromDigits, Set.of(), domain, null, refuse, expected);
    world.ledger.expect(e);
    List<Mm4Address> to = new ArrayList<>();
    List<String> rcpt = new ArrayList<>();
    for (String d : toDigits) {
      to.add(Mm4Address.plmn("+" + d));
      rcpt.add(Mm4Wire.rcpt(d, world.domain));
    }
    Mm4Message fwd =
        Mm4ForwardReq.builder()
            .mmsVersion(Mm4Wire.VERSION)
            .transactionId(next("t"))
            .messageId(id)
            .from(Mm4Address.plmn("+" + fromDigits))
            .to(to)
            .date(Mm4Wire.date(world.loop.instant()))
            .originatorSystem(Mm4Address.parse(Mm1Mm4.systemUser(domain)))
            .rfc822MessageId(id + "@" + domain)
            .subject("from abroad")
            .deliveryReport(YesNo.of(deliveryReport))
            .readReply(YesNo.of(readReply))
            .content(
                MimeEntity.builder(ContentType.of("text", "plain"))
                    .text("hello from " + domain, java.nio.charset.StandardCharsets.UTF_8)
                    .build())
            .build();
    if (forge) {
      fwd = Mm4Wire.withHeaders(fwd, forgedFields(world.victim(toDigits)));
      world.ledger.count("forged routing fields sent by foreign MMSEs");
    }
    send(
        rcpt,
        Mm4Wire.format(fwd),
        status -> {
          if (status == RequestStatusCode.ERROR_SERVICE_DENIED && refuse) {
            world.ledger.count("forged foreign messages refused at the border");
          } else if (status != RequestStatusCode.OK || refuse) {
            world.ledger.violation(
                "message "
                    + id
                    + " from "
                    + domain
                    + " answered "
                    + status
                    + " (forged: "
                    + forge
                    + ")");
          }
        },
        e);
  }

  /**
   * Routing fields as an attacker would write them: a claimed path and entry inside the MMSE,
   * a table version far ahead (which would make receivers deliver locally if trusted), another
   * charging Relay/Server, an extra recipient, and a signature that is not one.
   */
  private List<HeaderPair> forgedFields(String victimDigits) {
    List<String> names = new ArrayList<>(world.extended.keySet());
    String claimed = names.get(world.rnd.nextInt(names.size()));
    long issued = world.loop.instant().getEpochSecond();
    List<HeaderPair> out = new ArrayList<>();
    out.add(new HeaderPair(RoutingHeaders.VERSION, "1"));
    out.add(new HeaderPair(RoutingHeaders.ENTRY, claimed));
    out.add(new HeaderPair(RoutingHeaders.HOME, claimed));
    out.add(new HeaderPair("x-mms-routing-path", claimed));
    out.add(new HeaderPair(RoutingHeaders.HOP_LIMIT, "8"));
    out.add(new HeaderPair(RoutingHeaders.TABLE_VERSION, "999999"));
    out.add(new HeaderPair("X-MMS-ROUTING-CHARGING", names.get(names.size() - 1)));
    out.add(new HeaderPair(RoutingHeaders.ISSUED, Long.toString(issued)));
    out.add(new HeaderPair(RoutingHeaders.RECIPIENT, "+" + victimDigits));
    out.add(
        new HeaderPair(RoutingHeaders.SIGNATURE, "ed25519:" + claimed + ".sim:" + "A".repeat(86)));
    return out;
  }

  private void send(
      List<String> rcpt,
      byte[] mail,
      java.util.function.Consumer<RequestStatusCode> done,
      Ledger.Expected charged) {
    List<ExtendedRelay> mx = new ArrayList<>(world.extended.values());
    ExtendedRelay border = mx.get(world.rnd.nextInt(mx.size()));
    world.network.mm4(
        this,
        border,
        rcpt,
        mail,
        response -> {
          if (response == null) {
            world.ledger.count("mm4 retries by foreign MMSEs");
            schedule(RETRY_MS, () -> send(rcpt, mail, done, charged));
            return;
          }
          RequestStatusCode status = Mm4Wire.status(response);
          if (charged != null && status == RequestStatusCode.OK) {
            charged.charger = border.name;
          }
          done.accept(status);
        });
  }

  private String next(String kind) {
    return domain.substring(4, 6) + "-" + kind + "-" + (++counter);
  }
}
