package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.TransferEncoding;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/** Generated messages of every type survive format and parse unchanged (fixed seed). */
class Mm4PropertyTest {

  @Property(tries = 300, seed = "20240301")
  void formatThenParseGivesTheSameMessage(@ForAll("messages") Mm4Message m) throws Exception {
    byte[] out = Mm4Codec.encode(m);
    Mm4Message back = Mm4Codec.decode(out, Mm4Config.STRICT);
    assertEquals(m, back);
    assertArrayEquals(out, Mm4Codec.encode(back));
  }

  @Provide
  Arbitrary<Mm4Message> messages() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .ofMinLength(1)
            .ofMaxLength(120)
            .withCharRange(' ', '~')
            .withCharRange('\u00a0', '\u024f')
            .withCharRange('\u3040', '\u30ff')
            .withChars('\t', '€')
            .map(s -> s.length() % 5 == 0 ? s + "\uD83D\uDE00" : s);
    Arbitrary<String> id =
        Arbitraries.strings().ofMinLength(1).ofMaxLength(60).withCharRange('!', '~').withChars(' ');
    Arbitrary<Mm4Address> plmn =
        Arbitraries.strings()
            .numeric()
            .ofMinLength(5)
            .ofMaxLength(15)
            .map(d -> Mm4Address.plmn("+" + d));
    Arbitrary<Mm4Address> email =
        Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                text.injectNull(0.5))
            .as((l, d, n) -> Mm4Address.of(n, l, null, d + ".example"));
    Arbitrary<Mm4Address> address = Arbitraries.oneOf(plmn, email);
    Arbitrary<List<Mm4Address>> addresses = address.list().ofMinSize(1).ofMaxSize(8);
    Arbitrary<OffsetDateTime> date =
        Combinators.combine(
                Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.integers().between(-14 * 4, 14 * 4))
            .as(
                (s, q) ->
                    OffsetDateTime.ofInstant(
                        java.time.Instant.ofEpochSecond(s), ZoneOffset.ofTotalSeconds(q * 900)));
    Arbitrary<MimeEntity> leaf =
        Combinators.combine(
                Arbitraries.of("text/plain", "image/jpeg", "application/smil", "audio/amr"),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.of(
                    TransferEncoding.BASE64,
                    TransferEncoding.QUOTED_PRINTABLE,
                    TransferEncoding.BINARY),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20))
            .as(
                (t, d, te, cid) ->
                    MimeEntity.builder(ContentType.parse(t))
                        .data(d)
                        .transferEncoding(te)
                        .contentId(cid)
                        .contentLocation(cid + ".bin")
                        .build());
    Arbitrary<MimeEntity> inner =
        leaf.list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(l -> add(MimeEntity.builder(ContentType.of("multipart", "alternative")), l));
    Arbitrary<MimeEntity> content =
        Arbitraries.oneOf(
            leaf,
            Arbitraries.oneOf(leaf, inner)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(l -> add(MimeEntity.builder(ContentType.of("multipart", "related")), l)));

    Arbitrary<Mm4Message> req =
        Combinators.combine(
                id,
                addresses,
                address,
                date,
                text,
                content,
                Arbitraries.of(Priority.values()),
                Arbitraries.of(YesNo.class))
            .as(
                (i, to, from, d, subj, c, p, yn) ->
                    (Mm4Message)
                        Mm4ForwardReq.builder()
                            .mmsVersion(Mm4Version.V6_8_0)
                            .transactionId(i)
                            .messageId(i + "-m")
                            .to(to)
                            .from(from)
                            .date(d)
                            .subject(subj)
                            .originatorSystem(Fixtures.SYSTEM)
                            .rfc822MessageId("x@y")
                            .content(c)
                            .priority(p)
                            .deliveryReport(yn)
                            .readReply(yn)
                            .expiry(d)
                            .forwardCounter(1)
                            .previouslySentBy(List.of(new PreviouslySentBy(0, from)))
                            .build());
    Arbitrary<Mm4Message> res =
        Combinators.combine(
                id,
                Arbitraries.of(RequestStatusCode.class),
                text,
                Arbitraries.of(
                    Mm4MessageType.FORWARD_RES,
                    Mm4MessageType.DELIVERY_REPORT_RES,
                    Mm4MessageType.READ_REPLY_REPORT_RES))
            .as(
                (i, code, st, t) -> {
                  switch (t) {
                    case FORWARD_RES:
                      return (Mm4Message)
                          Mm4ForwardRes.builder()
                              .mmsVersion(Mm4Version.V5_5_0)
                              .transactionId(i)
                              .messageId(i)
                              .requestStatusCode(code)
                              .statusText(st)
                              .build();
                    case DELIVERY_REPORT_RES:
                      return Mm4DeliveryReportRes.builder()
                          .mmsVersion(Mm4Version.V5_5_0)
                          .transactionId(i)
                          .messageId(i)
                          .requestStatusCode(code)
                          .statusText(st)
                          .build();
                    default:
                      return Mm4ReadReplyReportRes.builder()
                          .mmsVersion(Mm4Version.V5_5_0)
                          .transactionId(i)
                          .messageId(i)
                          .requestStatusCode(code)
                          .statusText(st)
                          .build();
                  }
                });
    Arbitrary<Mm4Message> reports =
        Combinators.combine(
                id,
                address,
                address,
                date,
                text,
                Arbitraries.of(MmStatusCode.class),
                Arbitraries.of(ReadStatus.values()),
                Arbitraries.of(true, false))
            .as(
                (i, from, to, d, st, mm, rs, dr) ->
                    dr
                        ? (Mm4Message)
                            Mm4DeliveryReportReq.builder()
                                .mmsVersion(Mm4Version.V6_8_0)
                                .transactionId(i)
                                .messageId(i)
                                .from(from)
                                .to(to)
                                .date(d)
                                .mmStatusCode(mm)
                                .statusText(st)
                                .rfc822MessageId("d@y")
                                .build()
                        : Mm4ReadReplyReportReq.builder()
                            .mmsVersion(Mm4Version.V6_8_0)
                            .transactionId(i)
                            .messageId(i)
                            .from(from)
                            .to(to)
                            .date(d)
                            .readStatus(rs)
                            .statusText(st)
                            .rfc822MessageId("r@y")
                            .build());
    return Arbitraries.oneOf(req, res, reports);
  }

  private static MimeEntity add(MimeEntity.Builder b, List<MimeEntity> parts) {
    parts.forEach(b::addPart);
    return b.build();
  }
}
