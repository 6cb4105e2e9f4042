package org.mmsstack.mm4;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.mm4.mime.ContentDisposition;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/** Messages with every element set, and helpers shared by the tests. */
final class Fixtures {

  static final OffsetDateTime DATE =
      OffsetDateTime.of(2024, 3, 1, 12, 30, 45, 0, ZoneOffset.ofHours(2));
  static final Mm4Address SENDER = Mm4Address.plmn("+4915550000001");
  static final Mm4Address RECIPIENT = Mm4Address.plmn("+4915550000002");
  static final Mm4Address SYSTEM =
      Mm4Address.of(null, "system-user", null, "mms.mnc001.mcc262.gprs");

  private Fixtures() {}

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  static MimeEntity smilAndText() {
    MimeEntity smil =
        MimeEntity.builder(ContentType.of("application", "smil"))
            .data(
                "<smil><body><par><text src=\"t.txt\"/></par></body></smil>"
                    .getBytes(StandardCharsets.US_ASCII))
            .contentId("smil")
            .contentLocation("smil.xml")
            .build();
    MimeEntity text =
        MimeEntity.builder(ContentType.of("text", "plain"))
            .text("Grüße aus Köln", StandardCharsets.UTF_8)
            .contentId("t")
            .contentLocation("t.txt")
            .build();
    MimeEntity image =
        MimeEntity.builder(ContentType.of("image", "jpeg"))
            .data(bytes(3000, 7))
            .contentId("img")
            .contentLocation("img.jpg")
            .contentDisposition(ContentDisposition.attachment("img.jpg"))
            .build();
    return MimeEntity.builder(
            ContentType.of("multipart", "related")
                .withParameter("type", "application/smil")
                .withParameter("start", "<smil>"))
        .addPart(smil)
        .addPart(text)
        .addPart(image)
        .build();
  }

  static Mm4ForwardReq.Builder fullForwardReq() {
    return Mm4ForwardReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("tx-0001@mms.example")
        .messageId("mm-0001@mms.example")
        .from(SENDER.withDisplayName("Jörg Müller"))
        .to(RECIPIENT, Mm4Address.plmn("+4915550000003"))
        .cc(Mm4Address.of("Ann", "ann", null, "example.org"))
        .date(DATE)
        .subject("Grüße — a subject with ümlauts")
        .rfc822MessageId("mail-0001@mms.example")
        .sender(SENDER.withDomain("mms.example"))
        .originatorSystem(SYSTEM)
        .messageClass(MessageClass.PERSONAL)
        .expiry(DATE.plusDays(7))
        .deliveryReport(YesNo.YES)
        .priority(Priority.HIGH)
        .senderVisibility(SenderVisibility.SHOW)
        .readReply(YesNo.NO)
        .ackRequest(YesNo.YES)
        .forwardCounter(2)
        .previouslySentBy(
            List.of(
                new PreviouslySentBy(0, Mm4Address.plmn("+4915550000009")),
                new PreviouslySentBy(1, Mm4Address.plmn("+4915550000008"))))
        .previouslySentDate(
            List.of(
                new PreviouslySentDate(0, DATE.minusDays(2)),
                new PreviouslySentDate(1, DATE.minusDays(1))))
        .applicId("com.example.app")
        .replyApplicId("com.example.reply")
        .auxApplicInfo("aux info")
        .contentClass(ContentClass.IMAGE_RICH)
        .drmContent(YesNo.NO)
        .adaptationAllowed(YesNo.YES)
        .header("X-Private-Extension", "kept as it is")
        .content(smilAndText());
  }

  static Mm4ForwardRes.Builder fullForwardRes() {
    return Mm4ForwardRes.builder()
        .mmsVersion(Mm4Version.V5_5_0)
        .transactionId("tx-0001@mms.example")
        .messageId("mm-0001@mms.example")
        .requestStatusCode(RequestStatusCode.OK)
        .statusText("All is good.")
        .from(SYSTEM)
        .to(SYSTEM)
        .date(DATE)
        .rfc822MessageId("res-1@mms.example")
        .sender(SYSTEM)
        .originatorSystem(SYSTEM)
        .messageClass(MessageClass.PERSONAL);
  }

  static Mm4DeliveryReportReq.Builder fullDeliveryReportReq() {
    return Mm4DeliveryReportReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("dr-1")
        .messageId("mm-0001@mms.example")
        .from(RECIPIENT)
        .to(SENDER)
        .date(DATE)
        .ackRequest(YesNo.YES)
        .mmStatusCode(MmStatusCode.RETRIEVED)
        .mmStatusExtension("rejection by MMS recipient")
        .statusText("Retrieved by the recipient")
        .applicId("a")
        .replyApplicId("b")
        .auxApplicInfo("c")
        .rfc822MessageId("dr-1@mms.example")
        .sender(SYSTEM);
  }

  static Mm4DeliveryReportRes.Builder fullDeliveryReportRes() {
    return Mm4DeliveryReportRes.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("dr-1")
        .messageId("mm-0001@mms.example")
        .requestStatusCode(RequestStatusCode.ERROR_NETWORK_PROBLEM)
        .statusText("try later")
        .from(SYSTEM)
        .to(SYSTEM)
        .date(DATE);
  }

  static Mm4ReadReplyReportReq.Builder fullReadReplyReportReq() {
    return Mm4ReadReplyReportReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("rr-1")
        .messageId("mm-0001@mms.example")
        .from(RECIPIENT)
        .to(SENDER)
        .date(DATE)
        .readStatus(ReadStatus.DELETED_WITHOUT_BEING_READ)
        .ackRequest(YesNo.NO)
        .statusText("deleted")
        .applicId("a")
        .replyApplicId("b")
        .auxApplicInfo("c")
        .rfc822MessageId("rr-1@mms.example")
        .sender(SYSTEM);
  }

  static Mm4ReadReplyReportRes.Builder fullReadReplyReportRes() {
    return Mm4ReadReplyReportRes.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("rr-1")
        .messageId("mm-0001@mms.example")
        .requestStatusCode(RequestStatusCode.OK)
        .from(SYSTEM)
        .to(SYSTEM)
        .date(DATE);
  }

  static List<Mm4Message> allFull() {
    return List.of(
        fullForwardReq().build(),
        fullForwardRes().build(),
        fullDeliveryReportReq().build(),
        fullDeliveryReportRes().build(),
        fullReadReplyReportReq().build(),
        fullReadReplyReportRes().build());
  }

  /** CRLF mail text from lines written with '\n'. */
  static byte[] mail(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static final String RES_HEAD =
      "From: system@mms.example\n"
          + "To: system@mms.other\n"
          + "Date: Fri, 01 Mar 2024 12:30:45 +0200\n"
          + "Message-ID: <r1@mms.example>\n"
          + "X-Mms-3GPP-MMS-Version: 6.8.0\n"
          + "X-Mms-Message-Type: MM4_forward.RES\n"
          + "X-Mms-Transaction-ID: t1\n"
          + "X-Mms-Message-ID: m1\n"
          + "X-Mms-Request-Status-Code: Ok\n";
}
