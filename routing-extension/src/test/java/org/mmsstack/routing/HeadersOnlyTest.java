package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.routing.BorderFilter.Action;
import org.mmsstack.routing.BorderFilter.Direction;
import org.mmsstack.routing.BorderFilter.Policy;

/** The routing reads over {@code Mm4Codec.decodeHeaders}: the same answers, no body decoded. */
class HeadersOnlyTest {

  private static RoutingFields signed() {
    RoutingSigner s = RoutingSigner.fromSeed("rs-b.2026", Fixtures.B, Fixtures.seed(7));
    return s.sign(Fixtures.fields(), Fixtures.identity());
  }

  /**
   * An MM4_forward.REQ whose multipart body is never closed: a full decode refuses it, so any
   * answer the headers-only path gives was read without the body.
   */
  private static byte[] mail(List<HeaderPair> routing) {
    StringBuilder m = new StringBuilder();
    m.append("X-Mms-3GPP-MMS-Version: 6.10.0\r\n")
        .append("X-Mms-Message-Type: MM4_forward.REQ\r\n")
        .append("X-Mms-Transaction-ID: t-1\r\n")
        .append("X-Mms-Message-ID: r1.rs-c.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbb\r\n")
        .append("Date: Sat, 21 Sep 2026 12:00:00 +0000\r\n")
        .append("From: +491701111111/TYPE=PLMN@mms.example.net\r\n")
        .append("To: +491711234567/TYPE=PLMN@mms.example.net\r\n");
    for (HeaderPair h : routing) {
      m.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    m.append("Subject: hi\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n")
        .append("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n");
    return m.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static List<HeaderPair> pairs(Mm4Headers h) {
    List<HeaderPair> out = new ArrayList<>();
    for (Mm4Header f : h) {
      out.add(new HeaderPair(f.name(), f.value()));
    }
    return out;
  }

  @Test
  void readsTheRoutingFieldsAndIdentityWithoutTheBody() throws Exception {
    byte[] mail = mail(RoutingHeaders.write(signed()));
    assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(mail));
    Mm4Headers h = Mm4Codec.decodeHeaders(mail);
    assertEquals(Optional.of(signed()), RoutingHeaders.read(h));
    assertEquals(RoutingHeaders.read(pairs(h)), RoutingHeaders.read(h));
    assertEquals(MessageIdentity.ofMm4(pairs(h)), MessageIdentity.ofMm4(h));
    assertEquals(MessageKind.MESSAGE, MessageIdentity.ofMm4(h).kind());
    assertEquals(Optional.empty(), RoutingHeaders.read(Mm4Codec.decodeHeaders(mail(List.of()))));
  }

  @Test
  void refusesWhatThePairPathRefuses() throws Exception {
    List<HeaderPair> routing = new ArrayList<>(RoutingHeaders.write(Fixtures.fields()));
    routing.add(new HeaderPair("X-Mms-Routing-Path", "rs-a"));
    Mm4Headers dup = Mm4Codec.decodeHeaders(mail(routing));
    assertEquals(
        RoutingFieldException.Reason.DUPLICATE,
        assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(dup)).reason());
    Mm4Headers twoFroms = Mm4Codec.decodeHeaders(mail(List.of(new HeaderPair("from", "x"))));
    assertEquals(
        RoutingFieldException.Reason.DUPLICATE_SIGNED_HEADER,
        assertThrows(RoutingFieldException.class, () -> MessageIdentity.ofMm4(twoFroms)).reason());
  }

  @Test
  void borderFilterStripsOrRefusesOnTheDecodedSection() throws Exception {
    List<HeaderPair> routing = new ArrayList<>(RoutingHeaders.write(Fixtures.fields()));
    routing.add(new HeaderPair("x-mms-routing-path", "evil"));
    Mm4Headers h = Mm4Codec.decodeHeaders(mail(routing));

    BorderFilter.Outcome<Mm4Headers> o = BorderFilter.DEFAULT.filter(h, Direction.INBOUND);
    assertEquals(Action.STRIPPED, o.action());
    assertEquals(h.size() - routing.size(), o.message().size());
    for (Mm4Header f : o.message()) {
      assertFalse(RoutingHeaders.isRoutingHeader(f.name()), f.name());
      assertTrue(f.hasOriginalEncoding(), f.name()); // the kept fields are the parsed ones
    }
    assertTrue(o.removedHeaders().contains("x-mms-routing-path"));
    assertEquals(
        BorderFilter.DEFAULT.filter(pairs(h), Direction.INBOUND).removedHeaders(),
        o.removedHeaders());

    BorderFilter.Outcome<Mm4Headers> refused =
        BorderFilter.of(Policy.STRIP, Policy.REFUSE).filter(h, Direction.OUTBOUND);
    assertEquals(Action.REFUSED, refused.action());
    assertSame(h, refused.message());

    BorderFilter.Outcome<Mm4Headers> clean =
        BorderFilter.DEFAULT.filter(o.message(), Direction.OUTBOUND);
    assertEquals(Action.PASSED, clean.action());
    assertSame(o.message(), clean.message());
  }
}
