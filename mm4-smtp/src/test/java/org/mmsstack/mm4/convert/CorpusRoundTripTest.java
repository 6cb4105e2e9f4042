package org.mmsstack.mm4.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.codec.net.QuotedPrintableCodec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;

/**
 * Every m-send-req and m-retrieve-conf of the corpus: binary -> MM4_forward.REQ -> mail bytes ->
 * parsed MM4 -> m-retrieve-conf and m-notification-ind -> binary bytes -> decoded, keeps every
 * header value the mapping covers and every part (data octets, media type and parameters,
 * Content-ID, Content-Location, Content-Disposition).
 */
class CorpusRoundTripTest {

  @TestFactory
  Stream<DynamicTest> everySendReqAndRetrieveConfSurvivesTheTripThroughMm4() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path p : Corpus.files("pdus")) {
      Pdu pdu;
      try {
        pdu = PduCodec.decode(Corpus.read(p));
      } catch (PduFormatException e) {
        continue; // the codec's own corpus test covers decoding
      }
      if (pdu.messageType() == MessageType.SEND_REQ
          || pdu.messageType() == MessageType.RETRIEVE_CONF) {
        tests.add(DynamicTest.dynamicTest(Corpus.name(p), () -> roundTrip(pdu)));
      }
    }
    assertFalse(tests.isEmpty(), "no m-send-req or m-retrieve-conf in the corpus");
    return tests.stream();
  }

  private static void roundTrip(Pdu decoded) throws Exception {
    Pdu original = decoded;
    if (!original.has(HeaderField.TO)
        && !original.has(HeaderField.CC)
        && !original.has(HeaderField.BCC)) {
      // A recipient's copy may name no recipient; forwarding it names the new one.
      original = ((RetrieveConf) original).toBuilder().to(Address.plmn("+491700000009")).build();
    }
    if (original.body().isEmpty()) {
      Pdu p = original;
      ConversionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ConversionException.class,
              () -> Mm1ToMm4.forwardReq((RetrieveConf) p, TestContexts.context()));
      assertEquals(ConversionException.Reason.MISSING, e.reason());
      return;
    }
    byte[] before = PduCodec.encode(original);
    ConversionContext ctx = TestContexts.context();
    ForwardConversion fc;
    try {
      fc =
          original instanceof SendReq
              ? Mm1ToMm4.forwardReq((SendReq) original, ctx)
              : Mm1ToMm4.forwardReq((RetrieveConf) original, ctx);
    } catch (ConversionException e) {
      // Only a body the binary codec itself cannot read further may stop the conversion.
      assertEquals(ConversionException.Reason.MALFORMED, e.reason(), e.getMessage());
      assertTrue(
          hasUndecodableNestedBody(original),
          "conversion failed on a readable body: " + e.getMessage());
      return;
    }
    assertArrayEquals(before, PduCodec.encode(original), "the conversion changed its input");

    byte[] mail = Mm4Codec.encode(fc.message());
    Mm4Message parsed = Mm4Codec.decode(mail);
    assertFalse(
        parsed.findings().stream().anyMatch(x -> x.severity() == Severity.ERROR),
        () -> "our own MM4 output has errors: " + parsed.findings());
    assertEquals(fc.message(), parsed, "MM4 format/parse");
    Mm4ForwardReq fwd = assertInstanceOf(Mm4ForwardReq.class, parsed);

    RetrieveConf back =
        (RetrieveConf) PduCodec.decode(PduCodec.encode(Mm4ToMm1.retrieveConf(fwd, ctx).value()));
    NotificationInd notif =
        (NotificationInd)
            PduCodec.decode(PduCodec.encode(Mm4ToMm1.notificationInd(fwd, ctx).value()));

    boolean hidden =
        original
            .get(HeaderField.SENDER_VISIBILITY)
            .map(v -> v.equals(SenderVisibility.HIDE))
            .orElse(false);
    if (!hidden) {
      Address from =
          original.get(HeaderField.FROM).flatMap(FromValue::address).orElse(TestContexts.SENDER);
      assertEquals(
          text(from),
          back.get(HeaderField.FROM)
              .flatMap(FromValue::address)
              .map(CorpusRoundTripTest::text)
              .orElse(null),
          "From");
      assertEquals(
          text(from),
          notif
              .get(HeaderField.FROM)
              .flatMap(FromValue::address)
              .map(CorpusRoundTripTest::text)
              .orElse(null),
          "notification From");
    } else {
      assertFalse(back.has(HeaderField.FROM), "a hidden sender must not reach the recipient");
    }
    assertEquals(texts(original.getAll(HeaderField.TO)), texts(back.getAll(HeaderField.TO)), "To");
    assertEquals(texts(original.getAll(HeaderField.CC)), texts(back.getAll(HeaderField.CC)), "Cc");
    assertFalse(back.has(HeaderField.BCC), "Bcc");
    same(original, back, HeaderField.SUBJECT);
    same(original, notif, HeaderField.SUBJECT);
    same(original, back, HeaderField.MESSAGE_CLASS);
    same(original, back, HeaderField.PRIORITY);
    same(original, back, HeaderField.DELIVERY_REPORT);
    same(original, back, HeaderField.READ_REPORT);
    same(original, back, HeaderField.PREVIOUSLY_SENT_BY);
    same(original, back, HeaderField.PREVIOUSLY_SENT_DATE);
    same(original, back, HeaderField.CONTENT_CLASS);
    same(original, back, HeaderField.DRM_CONTENT);
    same(original, back, HeaderField.APPLIC_ID);
    same(original, back, HeaderField.REPLY_APPLIC_ID);
    same(original, back, HeaderField.AUX_APPLIC_INFO);
    assertEquals(
        original.get(HeaderField.DATE).orElse(TestContexts.NOW),
        back.get(HeaderField.DATE).orElseThrow(),
        "Date");
    if (original instanceof RetrieveConf) {
      original
          .get(HeaderField.MESSAGE_ID)
          .filter(s -> !s.isBlank())
          .ifPresent(
              id -> assertEquals(id, back.get(HeaderField.MESSAGE_ID).orElseThrow(), "Message-ID"));
    } else {
      assertEquals(
          ctx.messageId().orElseThrow(),
          back.get(HeaderField.MESSAGE_ID).orElseThrow(),
          "Message-ID");
    }
    Optional<TimeValue> expiry = original.get(HeaderField.EXPIRY);
    if (expiry.isPresent()) {
      assertEquals(
          ValueMapping.absolute(expiry.get(), TestContexts.NOW),
          ValueMapping.absolute(notif.get(HeaderField.EXPIRY).orElseThrow(), TestContexts.NOW),
          "Expiry (absolute)");
    }
    for (org.mmsstack.encapsulation.Header h : original.headers()) {
      if (h.field().isApplication() && HeaderText.isFreeExtension(h.name())) {
        assertEquals(h.value(), back.applicationHeader(h.name()).orElse(null), h.name());
      }
    }
    sameBody(
        original.contentType().orElseThrow(),
        original.body().orElseThrow(),
        back.contentType().orElseThrow(),
        back.body().orElseThrow(),
        "body");
  }

  private static <T> void same(Pdu a, Pdu b, HeaderField<T> f) {
    assertEquals(a.getAll(f), b.getAll(f), f.name());
  }

  private static String text(Address a) {
    return a.text().toLowerCase(Locale.ROOT);
  }

  private static List<String> texts(List<Address> list) {
    return list.stream().map(CorpusRoundTripTest::text).toList();
  }

  static void sameBody(ContentType ta, Body a, ContentType tb, Body b, String where)
      throws PduFormatException {
    sameType(ta, tb, where);
    if (a instanceof SinglePartBody) {
      assertArrayEquals(
          ((SinglePartBody) a).dataBytes(), ((SinglePartBody) b).dataBytes(), where + " data");
      return;
    }
    List<Part> pa = ((MultipartBody) a).parts();
    List<Part> pb = ((MultipartBody) b).parts();
    if (pa.isEmpty()) {
      return; // sent as one empty text part: MIME has no empty multipart
    }
    assertEquals(pa.size(), pb.size(), where + " parts");
    for (int i = 0; i < pa.size(); i++) {
      Part x = pa.get(i);
      Part y = pb.get(i);
      String w = where + " part " + i;
      sameType(x.contentType(), y.contentType(), w);
      assertEquals(
          x.contentId().map(CorpusRoundTripTest::bare),
          y.contentId().map(CorpusRoundTripTest::bare),
          w + " Content-ID");
      assertEquals(x.contentLocation(), y.contentLocation(), w + " Content-Location");
      assertEquals(
          x.contentDisposition().map(CorpusRoundTripTest::disposition),
          y.contentDisposition().map(CorpusRoundTripTest::disposition),
          w + " Content-Disposition");
      for (PartHeader h : x.headers()) {
        if (h.code() < 0 && !h.is("Content-Transfer-Encoding")) {
          assertEquals(
              h.value(),
              y.header(h.name()).map(PartHeader::value).orElse(null),
              w + " " + h.name());
        }
      }
      if (x.isMultipart()) {
        sameBody(
            x.contentType(),
            x.asMultipart(DecodeConfig.DEFAULT),
            y.contentType(),
            y.asMultipart(DecodeConfig.DEFAULT),
            w);
      } else {
        assertArrayEquals(effectiveData(x), y.dataBytes(), w + " data");
      }
    }
  }

  /** The data as MIME sees it: a textual Content-Transfer-Encoding of the binary part undone. */
  private static byte[] effectiveData(Part p) throws PduFormatException {
    byte[] d = p.dataBytes();
    Optional<PartHeader> cte = p.header("Content-Transfer-Encoding").filter(h -> h.code() < 0);
    if (cte.isPresent()) {
      String t = cte.get().value().toString().strip().toLowerCase(Locale.ROOT);
      try {
        if (t.equals("base64")) {
          return org.apache.commons.codec.binary.Base64.decodeBase64(d);
        }
        if (t.equals("quoted-printable")) {
          return QuotedPrintableCodec.decodeQuotedPrintable(d);
        }
      } catch (Exception e) {
        fail(t + " data does not decode: " + e, e);
      }
    }
    return d;
  }

  private static void sameType(ContentType a, ContentType b, String where) {
    assertEquals(
        a.mediaType().name().toLowerCase(Locale.ROOT),
        b.mediaType().name().toLowerCase(Locale.ROOT),
        where + " media type");
    assertEquals(params(a.parameters()), params(b.parameters()), where + " parameters");
  }

  private static List<String> params(List<Parameter> ps) {
    return ps.stream()
        .filter(p -> !p.name().equalsIgnoreCase("boundary"))
        .map(p -> p.name().toLowerCase(Locale.ROOT) + "=" + p.text())
        .toList();
  }

  private static String disposition(ContentDisposition d) {
    return d.type().toLowerCase(Locale.ROOT) + params(d.parameters());
  }

  private static String bare(String id) {
    String s = id.strip();
    return s.length() >= 2 && s.startsWith("<") && s.endsWith(">")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static boolean hasUndecodableNestedBody(Pdu pdu) {
    return pdu.body()
        .filter(b -> b instanceof MultipartBody)
        .map(b -> nestedFails((MultipartBody) b))
        .orElse(false);
  }

  private static boolean nestedFails(MultipartBody b) {
    for (Part p : b.parts()) {
      if (p.isMultipart()) {
        try {
          if (nestedFails(p.asMultipart(DecodeConfig.STRICT))) {
            return true;
          }
        } catch (PduFormatException e) {
          return true;
        }
      }
    }
    return false;
  }
}
