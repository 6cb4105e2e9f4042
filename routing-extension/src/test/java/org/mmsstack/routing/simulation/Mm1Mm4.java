package org.mmsstack.routing.simulation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.MediaType;
import org.mmsstack.mm4.MimeEntity;
import org.mmsstack.mm4.Mm4Address;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.MmStatusCode;
import org.mmsstack.mm4.YesNo;

/**
 * The MM1 &lt;-&gt; MM4 conversions the simulated Relay/Servers need (m-send-req to
 * MM4_forward.REQ, MM4_forward.REQ to m-notification-ind and m-retrieve-conf, reports both
 * ways). Deliberately small: only the elements the simulation checks. This is the seam where
 * the production converters plug in once they are available.
 */
final class Mm1Mm4 {

  static final ContentType TEXT = ContentType.of("text/plain");

  private Mm1Mm4() {}

  static String systemUser(String domain) {
    return "system-user@" + domain;
  }

  /** The MM4 form of a phone's submission, as its entry Relay/Server forwards it. */
  static Mm4ForwardReq forward(SendReq req, String originatorDigits, String messageId, String txn, Instant date,
      String domain) {
    Mm4ForwardReq.Builder b = Mm4ForwardReq.builder()
        .mmsVersion(Mm4Wire.VERSION)
        .transactionId(txn)
        .messageId(messageId)
        .from(Mm4Address.plmn("+" + originatorDigits))
        .date(Mm4Wire.date(date))
        .originatorSystem(Mm4Address.parse(systemUser(domain)))
        .rfc822MessageId(messageId + "@" + domain);
    List<Mm4Address> to = mm4(req.to());
    List<Mm4Address> cc = mm4(req.cc());
    if (to.isEmpty() && cc.isEmpty()) {
      // Bcc only: MM4 needs a visible recipient; TS 23.140 writes an empty group in practice.
      to = mm4(req.bcc().subList(0, 1));
    }
    if (!to.isEmpty()) {
      b.to(to);
    }
    if (!cc.isEmpty()) {
      b.cc(cc);
    }
    req.subject().ifPresent(s -> b.subject(s.text()));
    req.deliveryReport().ifPresent(v -> b.deliveryReport(YesNo.of(v)));
    req.readReport().ifPresent(v -> b.readReply(YesNo.of(v)));
    String text = req.body().map(Mm1Mm4::text).orElse("");
    b.content(MimeEntity.builder(MediaType.of("text", "plain")).text(text, StandardCharsets.UTF_8).build());
    return b.build();
  }

  private static List<Mm4Address> mm4(List<Address> list) {
    List<Mm4Address> out = new ArrayList<>(list.size());
    for (Address a : list) {
      out.add(a.type() == Address.Type.PLMN ? Mm4Address.plmn(a.value()) : Mm4Address.parse(a.value()));
    }
    return out;
  }

  private static String text(Body body) {
    if (body instanceof SinglePartBody s) {
      byte[] b = new byte[s.size()];
      s.data().duplicate().get(b);
      return new String(b, StandardCharsets.UTF_8);
    }
    return "";
  }

  static SendReq.Builder sendReq(String txn, String subject, String text) {
    return SendReq.builder().transactionId(txn).from(FromValue.insertAddress()).subject(subject)
        .body(TEXT, SinglePartBody.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The notification a home Relay/Server pushes for a stored message. */
  static NotificationInd notification(Mm4ForwardReq fwd, String txn, String contentLocation) {
    NotificationInd.Builder b = NotificationInd.builder()
        .transactionId(txn)
        .messageClass(MessageClass.PERSONAL)
        .messageSize((long) fwd.content().dataSize())
        .expiry(TimeValue.relative(Duration.ofDays(7)))
        .contentLocation(contentLocation);
    fwd.from().ifPresent(f -> b.from(Mm4Wire.mmsAddress(f)));
    fwd.subject().ifPresent(b::subject);
    return b.build();
  }

  /** The retrieved message as the phone receives it. */
  static RetrieveConf retrieveConf(Mm4ForwardReq fwd, String txn, Instant now) {
    RetrieveConf.Builder b = RetrieveConf.builder()
        .transactionId(txn)
        .messageId(fwd.messageId().orElseThrow())
        .date(fwd.date().map(d -> d.toInstant()).orElse(now));
    fwd.from().ifPresent(f -> b.from(Mm4Wire.mmsAddress(f)));
    for (Mm4Address a : fwd.to()) {
      b.to(Mm4Wire.mmsAddress(a));
    }
    for (Mm4Address a : fwd.cc()) {
      b.cc(Mm4Wire.mmsAddress(a));
    }
    fwd.subject().ifPresent(b::subject);
    fwd.readReply().ifPresent(v -> b.readReport(v == YesNo.YES));
    b.body(TEXT, SinglePartBody.of(fwd.content().text().getBytes(StandardCharsets.UTF_8)));
    return b.build();
  }

  /** MM4_delivery_report.REQ for a retrieved message (From = the recipient, To = the originator). */
  static Mm4DeliveryReportReq deliveryReport(Mm4ForwardReq fwd, String recipientDigits, String txn, Instant now,
      String domain) {
    String id = fwd.messageId().orElseThrow();
    return Mm4DeliveryReportReq.builder()
        .mmsVersion(Mm4Wire.VERSION)
        .transactionId(txn)
        .messageId(id)
        .from(Mm4Address.plmn("+" + recipientDigits))
        .to(fwd.from().orElseThrow())
        .date(Mm4Wire.date(now))
        .mmStatusCode(MmStatusCode.RETRIEVED)
        .rfc822MessageId(txn + "@" + domain)
        .build();
  }

  /** MM4_read_reply_report.REQ from a phone's m-read-rec-ind (From = the reader). */
  static Mm4ReadReplyReportReq readReport(String messageId, String readerDigits, Address originator, String txn,
      Instant now, String domain) {
    return Mm4ReadReplyReportReq.builder()
        .mmsVersion(Mm4Wire.VERSION)
        .transactionId(txn)
        .messageId(messageId)
        .from(Mm4Address.plmn("+" + readerDigits))
        .to(originator.type() == Address.Type.PLMN ? Mm4Address.plmn(originator.value())
            : Mm4Address.parse(originator.value()))
        .date(Mm4Wire.date(now))
        .readStatus(org.mmsstack.mm4.ReadStatus.READ)
        .rfc822MessageId(txn + "@" + domain)
        .build();
  }

  static DeliveryInd deliveryInd(Mm4DeliveryReportReq rep) {
    return DeliveryInd.builder()
        .messageId(rep.messageId().orElseThrow())
        .to(Mm4Wire.mmsAddress(rep.from().orElseThrow()))
        .date(rep.date().map(d -> d.toInstant()).orElse(EventLoop.EPOCH))
        .status(Status.RETRIEVED)
        .build();
  }

  static ReadOrigInd readOrigInd(Mm4ReadReplyReportReq rep) {
    return ReadOrigInd.builder()
        .messageId(rep.messageId().orElseThrow())
        .to(Mm4Wire.mmsAddress(rep.to().get(0)))
        .from(Mm4Wire.mmsAddress(rep.from().orElseThrow()))
        .date(rep.date().map(d -> d.toInstant()).orElse(EventLoop.EPOCH))
        .readStatus(ReadStatus.READ)
        .build();
  }
}
