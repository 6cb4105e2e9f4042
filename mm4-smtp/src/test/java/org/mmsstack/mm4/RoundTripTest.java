package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.validate.Mm4Validator;
import org.mmsstack.mm4.value.AddressType;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/** Every message type and every value, through format and parse. */
class RoundTripTest {

  static Stream<Mm4Message> allTypes() {
    return Fixtures.allFull().stream();
  }

  static Mm4Message roundTrip(Mm4Message m) throws Exception {
    byte[] out = Mm4Codec.encode(m);
    Mm4Message back = Mm4Codec.decode(out, Mm4Config.STRICT);
    assertEquals(m, back);
    assertArrayEquals(out, Mm4Codec.encode(back), "a parsed message is written back byte for byte");
    return back;
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void everyTypeRoundTripsAndValidates(Mm4Message m) throws Exception {
    assertTrue(Mm4Validator.validate(m).isClean(), () -> Mm4Validator.validate(m).toString());
    Mm4Message back = roundTrip(m);
    assertEquals(m.messageType(), back.messageType());
    assertEquals(m.getClass(), back.getClass());
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void formatToStreamEqualsFormatToArray(Mm4Message m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Mm4Codec.encode(m, out);
    assertArrayEquals(Mm4Codec.encode(m), out.toByteArray());
    assertEquals(m, Mm4Codec.decode(new ByteArrayInputStream(out.toByteArray())));
  }

  @ParameterizedTest
  @MethodSource("allTypes")
  void linesStayWithinLimits(Mm4Message m) {
    String text = new String(Mm4Codec.encode(m), StandardCharsets.UTF_8);
    for (String line : text.split("\r\n", -1)) {
      assertTrue(line.length() <= 78, () -> "line over 78: " + line);
    }
    assertTrue(
        !text.replace("\r\n", "").contains("\n") && !text.replace("\r\n", "").contains("\r"));
  }

  @Test
  void forwardRequestKeepsEveryTypedValue() throws Exception {
    Mm4ForwardReq m = (Mm4ForwardReq) roundTrip(Fixtures.fullForwardReq().build());
    assertEquals(Mm4Version.V6_8_0, m.mmsVersion().orElseThrow());
    assertEquals("tx-0001@mms.example", m.transactionId().orElseThrow());
    assertEquals("mm-0001@mms.example", m.messageId().orElseThrow());
    assertEquals(Fixtures.SENDER.withDisplayName("Jörg Müller"), m.from().orElseThrow());
    assertEquals(List.of(Fixtures.RECIPIENT, Mm4Address.plmn("+4915550000003")), m.to());
    assertEquals(List.of(Mm4Address.of("Ann", "ann", null, "example.org")), m.cc());
    assertEquals(Fixtures.DATE, m.date().orElseThrow());
    assertEquals("Grüße — a subject with ümlauts", m.subject().orElseThrow());
    assertEquals("mail-0001@mms.example", m.rfc822MessageId().orElseThrow());
    assertEquals(Fixtures.SENDER.withDomain("mms.example"), m.sender().orElseThrow());
    assertEquals(Fixtures.SYSTEM, m.originatorSystem().orElseThrow());
    assertEquals(MessageClass.PERSONAL, m.messageClass().orElseThrow());
    assertEquals(Fixtures.DATE.plusDays(7), m.expiry().orElseThrow());
    assertEquals(YesNo.YES, m.deliveryReport().orElseThrow());
    assertEquals(Priority.HIGH, m.priority().orElseThrow());
    assertEquals(SenderVisibility.SHOW, m.senderVisibility().orElseThrow());
    assertEquals(YesNo.NO, m.readReply().orElseThrow());
    assertEquals(YesNo.YES, m.ackRequest().orElseThrow());
    assertEquals(2, m.forwardCounter().orElseThrow());
    assertEquals(
        List.of(
            new PreviouslySentBy(0, Mm4Address.plmn("+4915550000009")),
            new PreviouslySentBy(1, Mm4Address.plmn("+4915550000008"))),
        m.previouslySentBy());
    assertEquals(
        List.of(
            new PreviouslySentDate(0, Fixtures.DATE.minusDays(2)),
            new PreviouslySentDate(1, Fixtures.DATE.minusDays(1))),
        m.previouslySentDate());
    assertEquals("com.example.app", m.applicId().orElseThrow());
    assertEquals("com.example.reply", m.replyApplicId().orElseThrow());
    assertEquals("aux info", m.auxApplicInfo().orElseThrow());
    assertEquals(ContentClass.IMAGE_RICH, m.contentClass().orElseThrow());
    assertEquals(YesNo.NO, m.drmContent().orElseThrow());
    assertEquals(YesNo.YES, m.adaptationAllowed().orElseThrow());
    assertEquals("1.0", m.mimeVersion().orElseThrow());
    assertEquals("kept as it is", m.header("x-private-extension").orElseThrow());
    assertEquals("multipart/related", m.contentType().orElseThrow().baseType());
    assertEquals(3, m.content().parts().size());
  }

  @Test
  void reportsKeepEveryTypedValue() throws Exception {
    Mm4DeliveryReportReq d =
        (Mm4DeliveryReportReq) roundTrip(Fixtures.fullDeliveryReportReq().build());
    assertEquals(MmStatusCode.RETRIEVED, d.mmStatusCode().orElseThrow());
    assertEquals("rejection by MMS recipient", d.mmStatusExtension().orElseThrow());
    assertEquals("Retrieved by the recipient", d.statusText().orElseThrow());
    assertEquals(YesNo.YES, d.ackRequest().orElseThrow());
    assertEquals("a", d.applicId().orElseThrow());
    assertEquals("b", d.replyApplicId().orElseThrow());
    assertEquals("c", d.auxApplicInfo().orElseThrow());
    Mm4ReadReplyReportReq r =
        (Mm4ReadReplyReportReq) roundTrip(Fixtures.fullReadReplyReportReq().build());
    assertEquals(ReadStatus.DELETED_WITHOUT_BEING_READ, r.readStatus().orElseThrow());
    assertEquals(YesNo.NO, r.ackRequest().orElseThrow());
    assertEquals("deleted", r.statusText().orElseThrow());
    Mm4DeliveryReportRes dr =
        (Mm4DeliveryReportRes) roundTrip(Fixtures.fullDeliveryReportRes().build());
    assertEquals(RequestStatusCode.ERROR_NETWORK_PROBLEM, dr.requestStatusCode().orElseThrow());
    assertEquals("try later", dr.statusText().orElseThrow());
    Mm4ReadReplyReportRes rr =
        (Mm4ReadReplyReportRes) roundTrip(Fixtures.fullReadReplyReportRes().build());
    assertEquals(RequestStatusCode.OK, rr.requestStatusCode().orElseThrow());
    Mm4ForwardRes fr = (Mm4ForwardRes) roundTrip(Fixtures.fullForwardRes().build());
    assertEquals("All is good.", fr.statusText().orElseThrow());
  }

  private static <T> void eachValue(Function<Mm4Message, T> get, Mm4Message m, T want)
      throws Exception {
    assertEquals(want, get.apply(m));
    assertEquals(want, get.apply(roundTrip(m)));
  }

  @ParameterizedTest
  @EnumSource(RequestStatusCode.class)
  void everyRequestStatusCode(RequestStatusCode v) throws Exception {
    eachValue(
        m -> ((Mm4ForwardRes) m).requestStatusCode().orElseThrow(),
        Fixtures.fullForwardRes().requestStatusCode(v).build(),
        v);
    String wire =
        new String(
            Mm4Codec.encode(Fixtures.fullForwardRes().requestStatusCode(v).build()),
            StandardCharsets.US_ASCII);
    assertTrue(wire.contains("\r\nX-Mms-Request-Status-Code: " + v.token() + "\r\n"));
    assertEquals(
        v, RequestStatusCode.fromToken(v.token().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(MmStatusCode.class)
  void everyMmStatusCode(MmStatusCode v) throws Exception {
    eachValue(
        m -> ((Mm4DeliveryReportReq) m).mmStatusCode().orElseThrow(),
        Fixtures.fullDeliveryReportReq().mmStatusCode(v).build(),
        v);
  }

  static List<ReadStatus> readStatusValues() {
    return ReadStatus.values();
  }

  static List<Priority> priorityValues() {
    return Priority.values();
  }

  static List<SenderVisibility> senderVisibilityValues() {
    return SenderVisibility.values();
  }

  static List<ContentClass> contentClassValues() {
    return ContentClass.values();
  }

  @ParameterizedTest
  @MethodSource("readStatusValues")
  void everyReadStatus(ReadStatus v) throws Exception {
    eachValue(
        m -> ((Mm4ReadReplyReportReq) m).readStatus().orElseThrow(),
        Fixtures.fullReadReplyReportReq().readStatus(v).build(),
        v);
  }

  @ParameterizedTest
  @MethodSource("priorityValues")
  void everyPriority(Priority v) throws Exception {
    eachValue(
        m -> ((Mm4ForwardReq) m).priority().orElseThrow(),
        Fixtures.fullForwardReq().priority(v).build(),
        v);
  }

  @ParameterizedTest
  @MethodSource("senderVisibilityValues")
  void everySenderVisibility(SenderVisibility v) throws Exception {
    eachValue(
        m -> ((Mm4ForwardReq) m).senderVisibility().orElseThrow(),
        Fixtures.fullForwardReq().senderVisibility(v).build(),
        v);
  }

  @ParameterizedTest
  @MethodSource("contentClassValues")
  void everyContentClass(ContentClass v) throws Exception {
    eachValue(
        m -> ((Mm4ForwardReq) m).contentClass().orElseThrow(),
        Fixtures.fullForwardReq().contentClass(v).build(),
        v);
  }

  @ParameterizedTest
  @EnumSource(YesNo.class)
  void everyYesNoOnEveryYesNoField(YesNo v) throws Exception {
    Mm4ForwardReq m =
        Fixtures.fullForwardReq()
            .deliveryReport(v)
            .readReply(v)
            .ackRequest(v)
            .drmContent(v)
            .adaptationAllowed(v)
            .build();
    Mm4ForwardReq back = (Mm4ForwardReq) roundTrip(m);
    assertEquals(v, back.deliveryReport().orElseThrow());
    assertEquals(v, back.readReply().orElseThrow());
    assertEquals(v, back.ackRequest().orElseThrow());
    assertEquals(v, back.drmContent().orElseThrow());
    assertEquals(v, back.adaptationAllowed().orElseThrow());
    assertEquals(v, YesNo.of(v.asBoolean()));
  }

  @ParameterizedTest
  @EnumSource(Mm4MessageType.class)
  void everyMessageTypeTokenParsesToItsClass(Mm4MessageType t) throws Exception {
    Mm4Message m =
        Fixtures.allFull().stream().filter(x -> x.messageType() == t).findFirst().orElseThrow();
    assertEquals(t, roundTrip(m).messageType());
    assertEquals(
        t, Mm4MessageType.fromToken(t.token().toLowerCase(java.util.Locale.ROOT)).orElseThrow());
  }

  @Test
  void buildersRefuseCodesWithoutAnMm4Token() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.fullForwardReq().priority(Priority.valueOf(0x90)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.fullForwardReq().senderVisibility(SenderVisibility.valueOf(0x90)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.fullForwardReq().contentClass(ContentClass.valueOf(0x90)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.fullReadReplyReportReq().readStatus(ReadStatus.valueOf(0x90)));
  }

  @Test
  void messageClassesKnownAndPrivate() throws Exception {
    for (MessageClass c :
        List.of(
            MessageClass.PERSONAL,
            MessageClass.ADVERTISEMENT,
            MessageClass.INFORMATIONAL,
            MessageClass.AUTO,
            MessageClass.of("X-Operator-Promo"))) {
      eachValue(
          m -> m.messageClass().orElseThrow(),
          Fixtures.fullForwardReq().messageClass(c).build(),
          c);
    }
    assertEquals(MessageClass.AUTO, MessageClass.of("auto"));
    assertTrue(MessageClass.of("X-Operator-Promo").isToken());
    assertEquals("X-Operator-Promo", MessageClass.of("X-Operator-Promo").name());
    // The accessor reads a header value leniently: any case, white space around, empty when blank.
    Mm4ForwardReq base = Fixtures.fullForwardReq().build();
    assertEquals(
        java.util.Optional.of(MessageClass.AUTO),
        base.toBuilder().header(Mm4HeaderNames.MESSAGE_CLASS, " auto ").build().messageClass());
    assertTrue(
        roundTrip(base.toBuilder().header(Mm4HeaderNames.MESSAGE_CLASS, "  ").build())
            .messageClass()
            .isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.fullForwardReq().messageClass(MessageClass.of("  ")));
  }

  @Test
  void countersAreReadAsTheForwardCounterIs() {
    assertEquals(
        java.util.Optional.of(7), Mm4Header.of("X-Mms-Forward-Counter", " 007 ").counterValue());
    for (String bad : List.of("", "-1", "1e3", "1234567890", "0x10", "\u0663")) {
      assertTrue(Mm4Header.of("X-Mms-Forward-Counter", bad).counterValue().isEmpty(), bad);
    }
    Mm4ForwardReq m = Fixtures.fullForwardReq().forwardCounter(3).build();
    assertEquals(
        m.forwardCounter(),
        m.headers().firstField(Mm4HeaderNames.FORWARD_COUNTER).orElseThrow().counterValue());
  }

  @Test
  void addressFormsRoundTrip() throws Exception {
    List<Mm4Address> to =
        List.of(
            Mm4Address.plmn("+4912345678"),
            Mm4Address.plmn("+4912345678").withDomain("mms.mnc001.mcc262.gprs"),
            Mm4Address.ipv4("192.0.2.1"),
            Mm4Address.ipv6("2001:db8::1"),
            Mm4Address.of(null, "12345", AddressType.of("X-Short"), null),
            Mm4Address.of("\"Quoted\", Name", "user", null, "example.org"),
            Mm4Address.of("Ünïcödé Name", "user", null, "example.org"),
            Mm4Address.of("Plain Name", "first.last", null, "example.org"));
    Mm4ForwardReq back = (Mm4ForwardReq) roundTrip(Fixtures.fullForwardReq().to(to).build());
    assertEquals(to, back.to());
    assertEquals(AddressType.IPV6, back.to().get(3).type().orElseThrow());
    assertEquals("X-Short", back.to().get(4).type().orElseThrow().token());
  }

  @Test
  void idsWithSpecialsAreQuotedAndComeBack() throws Exception {
    Mm4ForwardRes m =
        Fixtures.fullForwardRes().transactionId("a \"b\" c").messageId("<m@x>").build();
    assertEquals(
        "\"a \\\"b\\\" c\"", m.headers().first(Mm4HeaderNames.TRANSACTION_ID).orElseThrow());
    Mm4ForwardRes back = (Mm4ForwardRes) roundTrip(m);
    assertEquals("a \"b\" c", back.transactionId().orElseThrow());
    assertEquals("<m@x>", back.messageId().orElseThrow());
  }

  @Test
  void toBuilderKeepsOrderAndRawBytesOfUntouchedFields() throws Exception {
    byte[] in =
        Fixtures.mail(
            "Received: from a\n\tby b; Fri, 01 Mar 2024 12:30:45 +0200\n"
                + Fixtures.RES_HEAD.replace(
                    "X-Mms-Request-Status-Code: Ok", "X-Mms-Request-Status-Code:   Ok")
                + "X-Unknown-Trailer:  odd   spacing\n\n");
    Mm4ForwardRes m = assertInstanceOf(Mm4ForwardRes.class, Mm4Codec.decode(in, Mm4Config.STRICT));
    assertArrayEquals(in, Mm4Codec.encode(m));
    Mm4ForwardRes changed = m.toBuilder().statusText("now with text").build();
    String out = new String(Mm4Codec.encode(changed), StandardCharsets.US_ASCII);
    assertTrue(out.startsWith("Received: from a\r\n\tby b;"));
    assertTrue(out.contains("X-Mms-Request-Status-Code:   Ok\r\n"));
    assertTrue(
        out.contains(
            "X-Unknown-Trailer:  odd   spacing\r\nX-Mms-Status-Text: now with text\r\n\r\n"));
  }
}
