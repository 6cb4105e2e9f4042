package org.mmsstack.mm4.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.TransferEncoding;
import org.mmsstack.mm4.validate.Mm4FindingCodes;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.YesNo;

class ConversionTest {

  static SendReq sendReq() {
    Part smil =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data("<smil/>".getBytes(StandardCharsets.US_ASCII))
            .contentId("<smil>")
            .contentLocation("smil.xml")
            .build();
    Part text =
        Part.builder()
            .contentType(
                ContentType.of(MediaType.TEXT_PLAIN)
                    .withParameter("charset", CharacterSet.UTF_8)
                    .withParameter("name", "hällo.txt"))
            .data(
                "Grüße aus Köln, wir sehen uns morgen am Bahnhof um acht\r\n"
                    .getBytes(StandardCharsets.UTF_8))
            .contentId("<t1>")
            .build();
    ContentType related =
        ContentType.of(MediaType.MULTIPART_RELATED)
            .withParameter("start", "<smil>")
            .withParameter("type", MediaType.APPLICATION_SMIL);
    return SendReq.builder()
        .transactionId("c1")
        .from(FromValue.insertAddress())
        .to("+491700000002/TYPE=PLMN")
        .to("friend@example.org")
        .cc(Address.plmn("+491700000003"))
        .bcc(Address.plmn("+491700000004"))
        .subject(EncodedString.of("Grüße", CharacterSet.ISO_8859_1))
        .set(HeaderField.EXPIRY, TimeValue.relative(Duration.ofHours(2)))
        .set(HeaderField.DELIVERY_TIME, TimeValue.relative(Duration.ofMinutes(5)))
        .set(HeaderField.DELIVERY_REPORT, true)
        .set(HeaderField.READ_REPORT, false)
        .applicationHeader("X-Private-Ext", "v1")
        .body(related, MultipartBody.of(smil, text))
        .build();
  }

  @Test
  void sendReqBecomesForwardReqWithTheRewritingTheSpecDescribes() throws Exception {
    SendReq req = sendReq();
    byte[] before = PduCodec.encode(req);
    ForwardConversion fc = Mm1ToMm4.forwardReq(req, TestContexts.context());
    Mm4ForwardReq f = fc.message();
    assertArrayEquals(before, PduCodec.encode(req), "input untouched");

    assertEquals(
        Optional.of(Mm4Address.plmn("+491700000001")), f.from(), "insert-address replaced");
    assertEquals(
        List.of(Mm4Address.plmn("+491700000002"), Mm4Address.parse("friend@example.org")),
        f.to(),
        "PLMN unqualified in To, e-mail as it is");
    assertEquals(List.of(Mm4Address.plmn("+491700000003")), f.cc());
    assertFalse(
        new String(Mm4Codec.encode(f), StandardCharsets.US_ASCII).contains("+491700000004"),
        "Bcc in no header");
    assertEquals(
        List.of(
            Mm4Address.plmn("+491700000002").withDomain(TestContexts.PEER),
            Mm4Address.parse("friend@example.org"),
            Mm4Address.plmn("+491700000003").withDomain(TestContexts.PEER),
            Mm4Address.plmn("+491700000004").withDomain(TestContexts.PEER)),
        fc.envelopeRecipients(),
        "RCPT TO: qualified PLMN, e-mail as it is, Bcc included");
    assertEquals(Optional.of("MSG-0001@" + TestContexts.LOCAL), f.messageId());
    assertEquals(Optional.of("tid-1"), f.transactionId());
    assertEquals(Optional.of(TestContexts.SYSTEM), f.originatorSystem());
    assertEquals(Optional.of(YesNo.YES), f.ackRequest());
    assertEquals(
        Optional.of(Instant.parse("2024-05-06T09:08:09Z")),
        f.expiry().map(d -> d.toInstant()),
        "relative expiry made absolute");
    assertEquals(Optional.of(TestContexts.NOW.plusSeconds(300)), fc.deliveryTime());
    assertEquals(Optional.of(YesNo.YES), f.deliveryReport());
    assertEquals(Optional.of(YesNo.NO), f.readReply());
    assertEquals(Optional.of("Grüße"), f.subject());
    assertTrue(
        f.header("Subject").orElseThrow().startsWith("=?iso-8859-1?B?"),
        "the subject keeps its charset");
    assertEquals(Optional.of("v1"), f.header("X-Private-Ext"));

    MimeEntity root = f.content();
    assertEquals("multipart/related", root.contentType().baseType());
    assertEquals(Optional.of("<smil>"), root.contentType().parameter("start"));
    assertEquals(Optional.of("application/smil"), root.contentType().parameter("type"));
    MimeEntity t = root.parts().get(1);
    assertEquals(Optional.of("utf-8"), t.charset());
    assertEquals(Optional.of("hällo.txt"), t.contentType().parameter("name"));
    assertEquals(Optional.of("t1"), t.contentId());
    assertEquals(Optional.of(TransferEncoding.QUOTED_PRINTABLE), t.transferEncoding());
    assertEquals(Optional.of("smil.xml"), root.parts().get(0).contentLocation());
    assertEquals(
        Optional.of(TransferEncoding.BASE64),
        root.parts().get(0).transferEncoding(),
        "non-text: base64");
  }

  @Test
  void textTravels8bitOnlyWhenAllowedAndUtf16AsBase64() throws Exception {
    Part utf16 =
        Part.of(
            ContentType.of(MediaType.TEXT_PLAIN).withParameter("charset", CharacterSet.UTF_16),
            "hi there".getBytes(StandardCharsets.UTF_16));
    Part latin =
        Part.of(
            ContentType.of(MediaType.TEXT_PLAIN).withParameter("charset", CharacterSet.UTF_8),
            "Grüße aus Köln, wir sehen uns morgen am Bahnhof um acht\r\n"
                .getBytes(StandardCharsets.UTF_8));
    ContentType mixed = ContentType.of(MediaType.MULTIPART_MIXED);
    MimeEntity plain = BodyConversion.toMime(mixed, MultipartBody.of(utf16, latin), false).value();
    assertEquals(Optional.of(TransferEncoding.BASE64), plain.parts().get(0).transferEncoding());
    assertEquals(
        Optional.of(TransferEncoding.QUOTED_PRINTABLE), plain.parts().get(1).transferEncoding());
    MimeEntity eight = BodyConversion.toMime(mixed, MultipartBody.of(utf16, latin), true).value();
    assertEquals(Optional.of(TransferEncoding.EIGHT_BIT), eight.parts().get(1).transferEncoding());
    BinaryContent back = BodyConversion.toBinary(eight).value();
    assertArrayEquals(utf16.dataBytes(), ((MultipartBody) back.body()).parts().get(0).dataBytes());
    assertEquals(MediaType.MULTIPART_MIXED, back.contentType().mediaType());
  }

  @Test
  void nestedMultipartsRecurseBothWays() throws Exception {
    Part a =
        Part.of(ContentType.of(MediaType.TEXT_PLAIN), "plain".getBytes(StandardCharsets.US_ASCII));
    Part b = Part.of(ContentType.of("text/html"), "<b>x</b>".getBytes(StandardCharsets.US_ASCII));
    java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
    MultipartBody.of(a, b).writeTo(inner);
    Part alt =
        Part.builder()
            .contentType(ContentType.of(MediaType.MULTIPART_ALTERNATIVE))
            .data(inner.toByteArray())
            .contentId("<alt>")
            .build();
    Part img =
        Part.of(
            ContentType.of(MediaType.IMAGE_JPEG), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
    MultipartBody outer = MultipartBody.of(alt, img);
    ContentType mixed = ContentType.of(MediaType.MULTIPART_MIXED);
    MimeEntity mime = BodyConversion.toMime(mixed, outer, false).value();
    assertEquals("multipart/alternative", mime.parts().get(0).contentType().baseType());
    assertEquals(Optional.of("alt"), mime.parts().get(0).contentId());
    assertEquals(2, mime.parts().get(0).parts().size());
    BinaryContent back = BodyConversion.toBinary(mime).value();
    CorpusRoundTripTest.sameBody(mixed, outer, back.contentType(), back.body(), "body");
  }

  @Test
  void missingContextElementsAreTypedFailures() {
    SendReq req = sendReq();
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () ->
                Mm1ToMm4.forwardReq(
                    req,
                    ConversionContext.builder()
                        .messageId("m")
                        .senderAddress(TestContexts.SENDER)
                        .build()));
    assertEquals(ConversionException.Reason.MISSING, e.reason());
    assertEquals(Optional.of("X-Mms-Originator-System"), e.header());
    ConversionContext noSender = TestContexts.context().toBuilder().build();
    ConversionContext bare =
        ConversionContext.builder()
            .originatorSystem(TestContexts.SYSTEM)
            .messageId("m")
            .recipientDomain(TestContexts.PEER)
            .build();
    e = assertThrows(ConversionException.class, () -> Mm1ToMm4.forwardReq(req, bare));
    assertEquals(Optional.of("From"), e.header(), "insert-address token without a sender address");
    e =
        assertThrows(
            ConversionException.class,
            () ->
                Mm1ToMm4.forwardReq(
                    req, noSender.toBuilder().recipientSelector(a -> false).build()));
    assertEquals(Optional.of("To"), e.header(), "no recipient served by the recipient MMSE");
  }

  @Test
  void bccOnlyMessagesSayUndisclosedRecipients() throws Exception {
    SendReq req = sendReq().toBuilder().remove(HeaderField.TO).remove(HeaderField.CC).build();
    ForwardConversion fc = Mm1ToMm4.forwardReq(req, TestContexts.context());
    assertEquals(Optional.of("undisclosed-recipients:;"), fc.message().header("To"));
    assertEquals(
        List.of(Mm4Address.plmn("+491700000004").withDomain(TestContexts.PEER)),
        fc.envelopeRecipients());
  }

  @Test
  void forwardReqBecomesNotificationWithContextLocationAndSize() throws Exception {
    Mm4ForwardReq f = Mm1ToMm4.forwardReq(sendReq(), TestContexts.context()).message();
    NotificationInd n = Mm4ToMm1.notificationInd(f, TestContexts.context()).value();
    assertEquals(
        Optional.of("http://mms.example.org/mm/0001"), n.get(HeaderField.CONTENT_LOCATION));
    assertEquals(
        Optional.of(
            (long)
                ("<smil/>".length()
                    + "Grüße aus Köln, wir sehen uns morgen am Bahnhof um acht\r\n"
                        .getBytes(StandardCharsets.UTF_8)
                        .length)),
        n.get(HeaderField.MESSAGE_SIZE));
    assertEquals(
        Optional.of(org.mmsstack.encapsulation.value.MessageClass.PERSONAL),
        n.get(HeaderField.MESSAGE_CLASS));
    assertEquals(
        Optional.of(TimeValue.absolute(Instant.parse("2024-05-06T09:08:09Z"))),
        n.get(HeaderField.EXPIRY));
    assertEquals(Optional.of(true), n.get(HeaderField.DELIVERY_REPORT));
    NotificationInd n2 =
        Mm4ToMm1.notificationInd(f, TestContexts.builder().messageSize(1234).build()).value();
    assertEquals(Optional.of(1234L), n2.get(HeaderField.MESSAGE_SIZE));
    PduCodec.decode(PduCodec.encode(n)); // well-formed
  }

  @Test
  void hiddenSenderIsWithheldFromTheRecipient() throws Exception {
    SendReq req =
        sendReq().toBuilder()
            .set(
                HeaderField.SENDER_VISIBILITY,
                org.mmsstack.encapsulation.value.SenderVisibility.HIDE)
            .build();
    Mm4ForwardReq f = Mm1ToMm4.forwardReq(req, TestContexts.context()).message();
    assertTrue(f.from().isPresent(), "MM4 carries the sender; the recipient MMSE hides it");
    Conversion<RetrieveConf> rc = Mm4ToMm1.retrieveConf(f, TestContexts.context());
    assertFalse(rc.value().has(HeaderField.FROM));
    assertFalse(Mm4ToMm1.notificationInd(f, TestContexts.context()).value().has(HeaderField.FROM));
    Finding withheld =
        rc.notes().stream()
            .filter(x -> x.header().equals(Optional.of("From")))
            .findFirst()
            .orElseThrow();
    assertEquals(Mm4FindingCodes.CONVERSION_DROPPED, withheld.code());
    assertEquals(Severity.INFO, withheld.severity(), "left out on purpose");
  }

  @Test
  void aReportAboutAMessageIdMailCannotCarryIsRefused() throws Exception {
    // A Message-ID is a Text-string in the PDU; X-Mms-Message-ID must be printable US-ASCII.
    for (String id : List.of("MSG\u00011", "Grüße", "")) {
      DeliveryInd ind =
          DeliveryInd.builder()
              .mmsVersion(MmsVersion.V1_3)
              .messageId(id)
              .to(Address.plmn("+491700000002"))
              .date(Instant.parse("2024-01-02T03:04:05Z"))
              .status(Status.RETRIEVED)
              .build();
      ConversionException e =
          assertThrows(
              ConversionException.class,
              () -> Mm1ToMm4.deliveryReportReq(ind, TestContexts.context()),
              id);
      assertEquals(ConversionException.Reason.UNREPRESENTABLE, e.reason());
      assertEquals(Optional.of("Message-ID"), e.header());
    }
  }

  @Test
  void deliveryIndRoundTripsThroughMm4DeliveryReport() throws Exception {
    for (Status s : Status.values()) {
      DeliveryInd ind =
          DeliveryInd.builder()
              .mmsVersion(MmsVersion.V1_3)
              .messageId("MSG-1")
              .to(Address.plmn("+491700000002"))
              .date(Instant.parse("2024-01-02T03:04:05Z"))
              .status(s)
              .set(HeaderField.STATUS_TEXT, EncodedString.of("fine"))
              .build();
      Conversion<Mm4DeliveryReportReq> c = Mm1ToMm4.deliveryReportReq(ind, TestContexts.context());
      Mm4DeliveryReportReq r = (Mm4DeliveryReportReq) Mm4Codec.decode(Mm4Codec.encode(c.value()));
      assertEquals(
          Optional.of(Mm4Address.plmn("+491700000002")),
          r.from(),
          "From = the recipient reported on");
      assertEquals(List.of(Mm4Address.plmn("+491700000001")), r.to(), "To = the original sender");
      assertEquals(Optional.of(ValueMapping.mmStatusCode(s)), r.mmStatusCode());
      assertEquals(!ValueMapping.isLossless(s), !c.notes().isEmpty());
      for (Finding note : c.notes()) { // sent as a coarser token: carried in another form
        assertEquals(Mm4FindingCodes.CONVERSION_MAPPED, note.code());
        assertEquals(Severity.INFO, note.severity());
        assertEquals(Optional.of("X-Mms-Status"), note.header());
      }
      DeliveryInd back = Mm4ToMm1.deliveryInd(r, TestContexts.context()).value();
      assertEquals(ind.get(HeaderField.MESSAGE_ID), back.get(HeaderField.MESSAGE_ID));
      assertEquals(ind.getAll(HeaderField.TO), back.getAll(HeaderField.TO));
      assertEquals(ind.get(HeaderField.DATE), back.get(HeaderField.DATE));
      assertEquals(
          Optional.of(ValueMapping.status(ValueMapping.mmStatusCode(s))),
          back.get(HeaderField.STATUS));
      assertEquals(ind.get(HeaderField.STATUS_TEXT), back.get(HeaderField.STATUS_TEXT));
    }
  }

  @Test
  void readRecIndBecomesReadReplyReportAndThenReadOrigInd() throws Exception {
    for (ReadStatus s : ReadStatus.values()) {
      ReadRecInd rec =
          ReadRecInd.builder()
              .mmsVersion(MmsVersion.V1_2)
              .messageId("MSG-2")
              .to(Address.plmn("+491700000001"))
              .from(FromValue.insertAddress())
              .set(HeaderField.READ_STATUS, s)
              .build();
      ConversionContext ctx =
          TestContexts.builder().senderAddress(Address.plmn("+491700000002")).build();
      Mm4ReadReplyReportReq r =
          (Mm4ReadReplyReportReq)
              Mm4Codec.decode(Mm4Codec.encode(Mm1ToMm4.readReplyReportReq(rec, ctx).value()));
      assertEquals(Optional.of(Mm4Address.plmn("+491700000002")), r.from(), "the reader");
      assertEquals(Optional.of(ValueMapping.readStatus(s).orElseThrow()), r.readStatus());
      ReadOrigInd orig = Mm4ToMm1.readOrigInd(r, ctx).value();
      assertEquals(Optional.of("MSG-2"), orig.get(HeaderField.MESSAGE_ID));
      assertEquals(rec.getAll(HeaderField.TO), orig.getAll(HeaderField.TO));
      assertEquals(
          Optional.of(FromValue.of(Address.plmn("+491700000002"))), orig.get(HeaderField.FROM));
      assertEquals(Optional.of(s), orig.get(HeaderField.READ_STATUS));
      assertEquals(
          Optional.of(TestContexts.NOW),
          orig.get(HeaderField.DATE),
          "date of the report from the clock");
      PduCodec.decode(PduCodec.encode(orig));
    }
  }

  @Test
  void corpusReportsConvertBothWays() throws Exception {
    int n = 0;
    for (Path p : Corpus.files("pdus")) {
      Pdu pdu = PduCodec.decode(Corpus.read(p));
      if (pdu.messageType() == MessageType.DELIVERY_IND) {
        Mm4DeliveryReportReq r =
            Mm1ToMm4.deliveryReportReq((DeliveryInd) pdu, TestContexts.context()).value();
        DeliveryInd back =
            Mm4ToMm1.deliveryInd(
                    (Mm4DeliveryReportReq) Mm4Codec.decode(Mm4Codec.encode(r)),
                    TestContexts.context())
                .value();
        assertEquals(
            pdu.get(HeaderField.MESSAGE_ID), back.get(HeaderField.MESSAGE_ID), Corpus.name(p));
        assertEquals(pdu.get(HeaderField.STATUS), back.get(HeaderField.STATUS), Corpus.name(p));
        n++;
      } else if (pdu.messageType() == MessageType.READ_REC_IND
          || pdu.messageType() == MessageType.READ_ORIG_IND) {
        Mm4ReadReplyReportReq r =
            pdu instanceof ReadRecInd
                ? Mm1ToMm4.readReplyReportReq((ReadRecInd) pdu, TestContexts.context()).value()
                : Mm1ToMm4.readReplyReportReq((ReadOrigInd) pdu, TestContexts.context()).value();
        ReadOrigInd back =
            Mm4ToMm1.readOrigInd(
                    (Mm4ReadReplyReportReq) Mm4Codec.decode(Mm4Codec.encode(r)),
                    TestContexts.context())
                .value();
        assertEquals(
            pdu.get(HeaderField.MESSAGE_ID), back.get(HeaderField.MESSAGE_ID), Corpus.name(p));
        assertEquals(
            pdu.get(HeaderField.READ_STATUS), back.get(HeaderField.READ_STATUS), Corpus.name(p));
        n++;
      }
    }
    assertTrue(n >= 3, "corpus reports seen: " + n);
  }

  @Test
  void deliveryReportStatusesMapOntoBinaryStatuses() throws Exception {
    for (MmStatusCode c : MmStatusCode.values()) {
      Mm4DeliveryReportReq r =
          Mm4DeliveryReportReq.builder()
              .mmsVersion(org.mmsstack.mm4.Mm4Version.V5_5_0)
              .transactionId("t")
              .messageId("m")
              .from(Mm4Address.plmn("+4917000000022"))
              .to(Mm4Address.plmn("+4917000000011"))
              .date(ValueMapping.date(TestContexts.NOW))
              .rfc822MessageId("x@y")
              .mmStatusCode(c)
              .build();
      assertEquals(
          Optional.of(ValueMapping.status(c)),
          Mm4ToMm1.deliveryInd(r, TestContexts.context()).value().get(HeaderField.STATUS));
    }
  }
}
