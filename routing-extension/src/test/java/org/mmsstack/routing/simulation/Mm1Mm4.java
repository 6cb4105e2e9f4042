package org.mmsstack.routing.simulation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.convert.ConversionContext;
import org.mmsstack.mm4.convert.ConversionException;
import org.mmsstack.mm4.convert.Mm1ToMm4;
import org.mmsstack.mm4.convert.Mm4ToMm1;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;

/**
 * The MM1 &lt;-&gt; MM4 conversions the simulated Relay/Servers need (m-send-req to
 * MM4_forward.REQ, MM4_forward.REQ to m-notification-ind and m-retrieve-conf, reports both
 * ways). Messages go through the production converters ({@code org.mmsstack.mm4.convert});
 * the report conversions stay small and local because the simulation builds reports from MM4
 * state, not from binary PDUs.
 */
final class Mm1Mm4 {

  static final ContentType TEXT = ContentType.of("text/plain");

  private Mm1Mm4() {}

  static String systemUser(String domain) {
    return "system-user@" + domain;
  }

  /**
   * The MM4 form of a phone's submission, as its entry Relay/Server forwards it: the production
   * converter ({@link Mm1ToMm4#forwardReq(SendReq, ConversionContext)}) with the authenticated
   * originator, the minted Message-ID and the virtual clock.
   */
  static Mm4ForwardReq forward(
      SendReq req,
      String originatorDigits,
      String messageId,
      String txn,
      Instant date,
      String domain) {
    ConversionContext ctx =
        ConversionContext.builder()
            .originatorSystem(Mm4Address.parse(systemUser(domain)))
            .localDomain(domain)
            .recipientDomain(domain)
            .messageId(messageId)
            .transactionIds(() -> txn)
            .clock(Clock.fixed(date, ZoneOffset.UTC))
            .mm4Version(Mm4Wire.VERSION)
            .senderAddress(Address.plmn("+" + originatorDigits))
            .build();
    try {
      return Mm1ToMm4.forwardReq(req, ctx).message();
    } catch (ConversionException e) {
      throw new AssertionError("m-send-req did not convert: " + e.getMessage(), e);
    }
  }

  static SendReq.Builder sendReq(String txn, String subject, String text) {
    return SendReq.builder()
        .transactionId(txn)
        .from(FromValue.insertAddress())
        .subject(subject)
        .body(TEXT, SinglePartBody.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static ConversionContext toPhone(String txn, String contentLocation, Instant now) {
    ConversionContext.Builder b =
        ConversionContext.builder()
            .transactionIds(() -> txn)
            .clock(Clock.fixed(now, ZoneOffset.UTC));
    if (contentLocation != null) {
      b.contentLocation(contentLocation);
    }
    return b.build();
  }

  /** The notification a home Relay/Server pushes for a stored message (production converter). */
  static NotificationInd notification(
      Mm4ForwardReq fwd, String txn, String contentLocation, Instant now) {
    try {
      return Mm4ToMm1.notificationInd(fwd, toPhone(txn, contentLocation, now)).value();
    } catch (ConversionException e) {
      throw new AssertionError(
          "MM4_forward.REQ did not convert to m-notification-ind: " + e.getMessage(), e);
    }
  }

  /** The retrieved message as the phone receives it (production converter). */
  static RetrieveConf retrieveConf(Mm4ForwardReq fwd, String txn, Instant now) {
    try {
      return Mm4ToMm1.retrieveConf(fwd, toPhone(txn, null, now)).value();
    } catch (ConversionException e) {
      throw new AssertionError(
          "MM4_forward.REQ did not convert to m-retrieve-conf: " + e.getMessage(), e);
    }
  }

  /** MM4_delivery_report.REQ for a retrieved message (From = the recipient, To = the originator). */
  static Mm4DeliveryReportReq deliveryReport(
      Mm4ForwardReq fwd, String recipientDigits, String txn, Instant now, String domain) {
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
  static Mm4ReadReplyReportReq readReport(
      String messageId,
      String readerDigits,
      Address originator,
      String txn,
      Instant now,
      String domain) {
    return Mm4ReadReplyReportReq.builder()
        .mmsVersion(Mm4Wire.VERSION)
        .transactionId(txn)
        .messageId(messageId)
        .from(Mm4Address.plmn("+" + readerDigits))
        .to(
            originator.type() == Address.Type.PLMN
                ? Mm4Address.plmn(originator.value())
                : Mm4Address.parse(originator.value()))
        .date(Mm4Wire.date(now))
        .readStatus(ReadStatus.READ)
        .rfc822MessageId(txn + "@" + domain)
        .build();
  }

  static DeliveryInd deliveryInd(Mm4DeliveryReportReq rep) {
    return DeliveryInd.builder()
        .messageId(rep.messageId().orElseThrow())
        .to(Mm4ToMm1.address(rep.from().orElseThrow()))
        .date(rep.date().map(d -> d.toInstant()).orElse(EventLoop.EPOCH))
        .status(Status.RETRIEVED)
        .build();
  }

  static ReadOrigInd readOrigInd(Mm4ReadReplyReportReq rep) {
    return ReadOrigInd.builder()
        .messageId(rep.messageId().orElseThrow())
        .to(Mm4ToMm1.address(rep.to().get(0)))
        .from(Mm4ToMm1.address(rep.from().orElseThrow()))
        .date(rep.date().map(d -> d.toInstant()).orElse(EventLoop.EPOCH))
        .readStatus(ReadStatus.READ)
        .build();
  }
}
