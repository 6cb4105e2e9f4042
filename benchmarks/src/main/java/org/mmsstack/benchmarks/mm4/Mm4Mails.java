package org.mmsstack.benchmarks.mm4;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.YesNo;

/**
 * The MM4 messages the MM4 benchmarks build: an MM4_forward.REQ (multipart/related of SMIL, a
 * text part and, when given, a base64 image) and an MM4_delivery_report.REQ, from fixed values.
 */
final class Mm4Mails {

  /** The Date of every message; X-Mms-Expiry is a week later. */
  static final OffsetDateTime DATE = OffsetDateTime.of(2024, 3, 1, 12, 30, 45, 0, ZoneOffset.UTC);

  /** The Subject of {@link #forward(byte[])}: long enough to be folded. */
  static final String SUBJECT =
      "Holiday picture, sent from the beach on the first sunny day of the year";

  private Mm4Mails() {}

  /** {@code size} random octets from a fixed seed, the stand-in for an image. */
  static byte[] image(int size) {
    byte[] image = new byte[size];
    new SplittableRandom(42).nextBytes(image);
    return image;
  }

  /** An MM4_forward.REQ with {@link #SUBJECT}; no image part when {@code imageData} is empty. */
  static Mm4ForwardReq forward(byte[] imageData) {
    return forward(imageData, SUBJECT);
  }

  /** An MM4_forward.REQ; no image part when {@code imageData} is empty. */
  static Mm4ForwardReq forward(byte[] imageData, String subject) {
    MimeEntity smil =
        MimeEntity.builder(ContentType.of("application", "smil"))
            .data(
                ("<smil><head><layout><root-layout/><region id=\"Image\"/><region id=\"Text\"/>"
                        + "</layout></head><body><par dur=\"5000ms\"><img src=\"image.jpg\" "
                        + "region=\"Image\"/><text src=\"text.txt\" region=\"Text\"/></par>"
                        + "</body></smil>")
                    .getBytes(StandardCharsets.US_ASCII))
            .contentId("smil")
            .contentLocation("smil.xml")
            .build();
    MimeEntity text =
        MimeEntity.builder(ContentType.of("text", "plain"))
            .text("Greetings from the benchmark, with a few words of text.", StandardCharsets.UTF_8)
            .contentId("text")
            .contentLocation("text.txt")
            .build();
    MimeEntity.Builder related =
        MimeEntity.builder(
                ContentType.of("multipart", "related")
                    .withParameter("type", "application/smil")
                    .withParameter("start", "<smil>"))
            .addPart(smil)
            .addPart(text);
    if (imageData.length > 0) {
      related.addPart(
          MimeEntity.builder(ContentType.of("image", "jpeg"))
              .data(imageData)
              .contentId("image")
              .contentLocation("image.jpg")
              .build());
    }
    return Mm4ForwardReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("tx-0001@mms.example")
        .messageId("mm-0001@mms.example")
        .from(Mm4Address.plmn("+4915550000001"))
        .to(Mm4Address.plmn("+4915550000002"))
        .date(DATE)
        .subject(subject)
        .rfc822MessageId("mail-0001@mms.example")
        .originatorSystem(Mm4Address.parse("system-user@mms.mnc001.mcc262.gprs"))
        .messageClass(MessageClass.PERSONAL)
        .priority(Priority.NORMAL)
        .deliveryReport(YesNo.YES)
        .readReply(YesNo.NO)
        .ackRequest(YesNo.YES)
        .expiry(DATE.plusDays(7))
        .content(related.build())
        .build();
  }

  /** An MM4_delivery_report.REQ (Retrieved) for the forward request. */
  static Mm4DeliveryReportReq report() {
    return Mm4DeliveryReportReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("dr-0001")
        .messageId("mm-0001@mms.example")
        .from(Mm4Address.plmn("+4915550000002"))
        .to(Mm4Address.plmn("+4915550000001"))
        .date(DATE)
        .mmStatusCode(MmStatusCode.RETRIEVED)
        .ackRequest(YesNo.NO)
        .rfc822MessageId("dr-0001@mms.example")
        .sender(Mm4Address.parse("system-user@mms.mnc002.mcc262.gprs"))
        .build();
  }
}
