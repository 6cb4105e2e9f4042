package org.mmsstack.lab;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.convert.ConversionContext;
import org.mmsstack.mm4.convert.ConversionException;
import org.mmsstack.mm4.convert.Mm1ToMm4;
import org.mmsstack.mm4.convert.Mm4ToMm1;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RoutingHeaders;

/**
 * The MM1 and MM4 conversions and header views a lab Relay/Server needs. Messages go through the
 * production converters ({@code org.mmsstack.mm4.convert}); this class only supplies the
 * context (authenticated originator, minted Message-ID, transaction ids, clock). Stateless.
 */
final class LabWire {

  static final Mm4Version VERSION = Mm4Version.V6_8_0;

  private LabWire() {}

  static String systemUser(String host) {
    return "system-user@" + host;
  }

  private static ConversionContext.Builder context(String txn, Instant now) {
    return ConversionContext.builder()
        .transactionIds(() -> txn)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .mm4Version(VERSION);
  }

  /** The MM4 form of a phone's submission: authenticated originator, minted Message-ID. */
  static Mm4ForwardReq forward(
      SendReq req,
      String originatorDigits,
      String messageId,
      String txn,
      Instant now,
      String domain)
      throws ConversionException {
    ConversionContext ctx =
        context(txn, now)
            .originatorSystem(Mm4Address.parse(systemUser(domain)))
            .localDomain(domain)
            .recipientDomain(domain)
            .messageId(messageId)
            .senderAddress(Address.plmn("+" + originatorDigits))
            .build();
    return Mm1ToMm4.forwardReq(req, ctx).message();
  }

  static NotificationInd notification(
      Mm4ForwardReq fwd, String txn, String contentLocation, Instant now)
      throws ConversionException {
    return Mm4ToMm1.notificationInd(fwd, context(txn, now).contentLocation(contentLocation).build())
        .value();
  }

  static RetrieveConf retrieveConf(Mm4ForwardReq fwd, String txn, Instant now)
      throws ConversionException {
    return Mm4ToMm1.retrieveConf(fwd, context(txn, now).build()).value();
  }

  /** MM4_delivery_report.REQ for a retrieved message: From the recipient, To the originator. */
  static Mm4DeliveryReportReq deliveryReport(
      Mm4ForwardReq fwd, String recipientDigits, String txn, Instant now, String domain) {
    return Mm4DeliveryReportReq.builder()
        .mmsVersion(VERSION)
        .transactionId(txn)
        .messageId(fwd.messageId().orElseThrow())
        .from(Mm4Address.plmn("+" + recipientDigits))
        .to(fwd.from().orElseThrow())
        .date(now.atOffset(ZoneOffset.UTC))
        .mmStatusCode(MmStatusCode.RETRIEVED)
        .rfc822MessageId(txn + "@" + domain)
        .build();
  }

  /** MM4_read_reply_report.REQ from a phone's m-read-rec-ind (production converter). */
  static Mm4ReadReplyReportReq readReport(
      ReadRecInd ind, String readerDigits, String txn, Instant now, String domain)
      throws ConversionException {
    ConversionContext ctx =
        context(txn, now)
            .originatorSystem(Mm4Address.parse(systemUser(domain)))
            .localDomain(domain)
            .senderAddress(Address.plmn("+" + readerDigits))
            .build();
    return Mm1ToMm4.readReplyReportReq(ind, ctx).value();
  }

  static DeliveryInd deliveryInd(Mm4DeliveryReportReq rep, Instant now) throws ConversionException {
    return Mm4ToMm1.deliveryInd(rep, context("none", now).build()).value();
  }

  static ReadOrigInd readOrigInd(Mm4ReadReplyReportReq rep, Instant now)
      throws ConversionException {
    return Mm4ToMm1.readOrigInd(rep, context("none", now).build()).value();
  }

  /** E.164 digits of an MM4 address; empty when it is not a PLMN address. */
  static Optional<String> digits(Mm4Address a) {
    if (!a.isPlmn()) {
      return Optional.empty();
    }
    String v = a.value();
    return Optional.of(v.startsWith("+") ? v.substring(1) : v);
  }

  /** E.164 digits of an address text ({@code +49.../TYPE=PLMN[@domain]} or {@code +49...}). */
  static String digits(String text) {
    String s = text;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    return s.startsWith("+") ? s.substring(1) : s;
  }

  /** The SMTP envelope recipient: {@code +49.../TYPE=PLMN@domain}. */
  static String rcpt(Recipient r, String domain) {
    return r.kind() == Recipient.Kind.PLMN ? r.text() + "/TYPE=PLMN@" + domain : r.text();
  }

  static String rcpt(String digits, String domain) {
    return "+" + digits + "/TYPE=PLMN@" + domain;
  }

  /** Whether bytes carry a routing header name, in any case (a leak past the border). */
  static boolean mentionsRouting(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return s.contains(RoutingHeaders.PREFIX.toLowerCase(Locale.ROOT));
  }
}
