package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.routing.RoutingFieldException.Reason;

class RoutingHeadersTest {

  private static RoutingFields signed() {
    RoutingSigner s = RoutingSigner.fromSeed("rs-b.2026", Fixtures.B, Fixtures.seed(7));
    return s.sign(Fixtures.fields(), Fixtures.identity());
  }

  @Test
  void roundTripsEveryField() throws Exception {
    for (RoutingFields f : List.of(Fixtures.fields(), signed())) {
      List<HeaderPair> h = RoutingHeaders.write(f);
      assertEquals(Optional.of(f), RoutingHeaders.read(h));
    }
  }

  @Test
  void writesTheDocumentedForm() {
    List<HeaderPair> h = RoutingHeaders.write(Fixtures.fields());
    assertEquals(
        List.of(
            new HeaderPair("X-Mms-Routing-Version", "1"),
            new HeaderPair("X-Mms-Routing-Entry", "rs-a"),
            new HeaderPair("X-Mms-Routing-Home", "rs-c"),
            new HeaderPair("X-Mms-Routing-Path", "rs-a,rs-b"),
            new HeaderPair("X-Mms-Routing-Hop-Limit", "8"),
            new HeaderPair("X-Mms-Routing-Table-Version", "42"),
            new HeaderPair("X-Mms-Routing-Charging", "rs-a"),
            new HeaderPair("X-Mms-Routing-Issued", "1790000000"),
            new HeaderPair("X-Mms-Routing-Recipient", "+491711234567"),
            new HeaderPair("X-Mms-Routing-Recipient", "+491729876543")),
        h);
    HeaderPair sig = RoutingHeaders.write(signed()).get(10);
    assertEquals("X-Mms-Routing-Signature", sig.name());
    assertTrue(sig.value().matches("ed25519:rs-b\\.2026:[A-Za-z0-9_-]{86}"), sig.value());
  }

  @Test
  void everyValueIsVisibleAsciiStartingWithAPrintableOctet() {
    RoutingFields f =
        signed().toBuilder()
            .recipients(
                List.of(
                    Recipient.normalise(Address.email("Jürgen <jürgen,x@Exämple.DE>"))
                        .orElseThrow(),
                    Recipient.normalise(Address.ipv6("FE80::1")).orElseThrow(),
                    Recipient.normalise(Address.parse("12345")).orElseThrow(),
                    Recipient.normalise(Address.parse("x y/TYPE=FOO")).orElseThrow()))
            .signature(signed().signature().orElseThrow()) // the Signature value is checked too
            .build();
    for (HeaderPair h : RoutingHeaders.write(f)) {
      assertTrue(
          !h.value().isEmpty() && h.value().charAt(0) >= 0x21 && h.value().charAt(0) <= 0x7E,
          h.toString());
      assertTrue(h.value().chars().allMatch(c -> c >= 0x21 && c <= 0x7E), h.toString());
      assertTrue(h.value().length() <= 104, h.toString());
    }
  }

  @Test
  void readsNamesCaseInsensitivelyInAnyOrderAmongOtherHeadersAndTrimsFolding() throws Exception {
    List<HeaderPair> h = new ArrayList<>();
    h.add(new HeaderPair("Subject", "hello"));
    List<HeaderPair> w = new ArrayList<>(RoutingHeaders.write(Fixtures.fields()));
    java.util.Collections.reverse(w);
    for (HeaderPair p : w) {
      h.add(new HeaderPair(p.name().toLowerCase(java.util.Locale.ROOT), " " + p.value() + "\t"));
    }
    h.add(new HeaderPair("X-Mms-Message-Type", "MM4_forward.REQ"));
    RoutingFields f = RoutingHeaders.read(h).orElseThrow();
    // Recipients keep their relative order; reversed input reverses them.
    assertEquals(
        Fixtures.fields().toBuilder()
            .recipients(List.of(Recipient.e164("491729876543"), Recipient.e164("491711234567")))
            .build(),
        f);
  }

  @Test
  void noRoutingHeadersIsEmpty() throws Exception {
    assertEquals(
        Optional.empty(),
        RoutingHeaders.read(
            List.of(new HeaderPair("X-Mms-Routing", "x"), new HeaderPair("From", "a@b"))));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("X-Mms-Routing-Version", "2", Reason.UNSUPPORTED_VERSION),
        Arguments.of("X-Mms-Routing-Version", "v1", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Version", "", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Entry", "RS-A", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Entry", "-rs", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Entry", "rs_a", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Home", "a".repeat(33), Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Path", "rs-a,,rs-b", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Path", "rs-a,", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Path", "rs-a rs-b", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Path", "a,b,c,d,e,f,g,h,i", Reason.LIMIT),
        Arguments.of("X-Mms-Routing-Hop-Limit", "0", Reason.LIMIT),
        Arguments.of("X-Mms-Routing-Hop-Limit", "33", Reason.LIMIT),
        Arguments.of("X-Mms-Routing-Hop-Limit", "08", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Hop-Limit", "-1", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Table-Version", "1234567890123456789", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Table-Version", "+5", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Charging", "rs.a", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Issued", "253402300800", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Issued", "1e9", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "491711234567", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "+4917112345678901", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "a@Example.com", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "a%40b@c.d", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "a%C3@c.d", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "a%zz@c.d", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "ipv6:FE80::1", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "short:", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Recipient", "a b@c.d", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Signature", "rsa:k:AAAA", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Signature", "ed25519:k", Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Signature", "ed25519:k/1:" + "A".repeat(86), Reason.MALFORMED),
        Arguments.of("X-Mms-Routing-Signature", "ed25519:k:" + "A".repeat(85), Reason.MALFORMED),
        Arguments.of(
            "X-Mms-Routing-Signature", "ed25519:k:" + "A".repeat(85) + "B", Reason.MALFORMED),
        Arguments.of(
            "X-Mms-Routing-Signature", "ed25519:k:" + "A".repeat(85) + "+", Reason.MALFORMED),
        Arguments.of(
            "X-Mms-Routing-Path", "a".repeat(RoutingHeaders.MAX_VALUE_LENGTH + 1), Reason.LIMIT));
  }

  @ParameterizedTest
  @MethodSource
  void malformed(String header, String value, Reason reason) {
    List<HeaderPair> h = new ArrayList<>();
    boolean replaced = false;
    for (HeaderPair p : RoutingHeaders.write(Fixtures.fields())) {
      if (p.hasName(header)) {
        if (!replaced) {
          h.add(new HeaderPair(p.name(), value));
          replaced = true;
        }
      } else {
        h.add(p);
      }
    }
    if (!replaced) {
      h.add(new HeaderPair(header, value));
    }
    RoutingFieldException e =
        assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(h));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(header, e.header());
  }

  @Test
  void refusesMissingDuplicateAndUnknownFields() {
    List<HeaderPair> all = RoutingHeaders.write(Fixtures.fields());
    for (String name :
        List.of(
            RoutingHeaders.VERSION,
            RoutingHeaders.ENTRY,
            RoutingHeaders.HOME,
            RoutingHeaders.PATH,
            RoutingHeaders.HOP_LIMIT,
            RoutingHeaders.TABLE_VERSION,
            RoutingHeaders.CHARGING,
            RoutingHeaders.ISSUED,
            RoutingHeaders.RECIPIENT)) {
      List<HeaderPair> h = all.stream().filter(p -> !p.hasName(name)).toList();
      RoutingFieldException e =
          assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(h), name);
      assertEquals(Reason.MISSING, e.reason());
      assertEquals(name, e.header());
    }
    List<HeaderPair> dup = new ArrayList<>(all);
    dup.add(new HeaderPair("x-mms-routing-home", "rs-a"));
    RoutingFieldException e =
        assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(dup));
    assertEquals(Reason.DUPLICATE, e.reason());
    assertEquals(RoutingHeaders.HOME, e.header());

    List<HeaderPair> dupRcpt = new ArrayList<>(all);
    dupRcpt.add(new HeaderPair(RoutingHeaders.RECIPIENT, "+491711234567"));
    assertEquals(
        Reason.DUPLICATE,
        assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(dupRcpt)).reason());

    List<HeaderPair> unknown = new ArrayList<>(all);
    unknown.add(new HeaderPair("X-Mms-Routing-Priority", "1"));
    e = assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(unknown));
    assertEquals(Reason.UNKNOWN_FIELD, e.reason());
    assertEquals("X-Mms-Routing-Priority", e.header());
  }

  @Test
  void limitsRecipientCountBeforeCollectingMore() {
    List<HeaderPair> h = new ArrayList<>(RoutingHeaders.write(Fixtures.fields()));
    for (int i = 0; i < RoutingFields.MAX_RECIPIENTS; i++) {
      h.add(new HeaderPair(RoutingHeaders.RECIPIENT, "+1" + (1_000_000 + i)));
    }
    RoutingFieldException e =
        assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(h));
    assertEquals(Reason.LIMIT, e.reason());
  }

  @Test
  void pathLongerThanHopLimitIsRefused() {
    List<HeaderPair> h = new ArrayList<>();
    for (HeaderPair p : RoutingHeaders.write(Fixtures.fields())) {
      h.add(p.hasName(RoutingHeaders.HOP_LIMIT) ? new HeaderPair(p.name(), "1") : p);
    }
    RoutingFieldException e =
        assertThrows(RoutingFieldException.class, () -> RoutingHeaders.read(h));
    assertEquals(Reason.LIMIT, e.reason());
    assertEquals(RoutingHeaders.PATH, e.header());
  }

  @Test
  void statusesForRefusals() {
    RoutingFieldException e =
        assertThrows(
            RoutingFieldException.class,
            () -> RoutingHeaders.read(List.of(new HeaderPair(RoutingHeaders.VERSION, "1"))));
    assertEquals(0xE2, e.responseStatus().code());
    assertEquals("Error-message-format-corrupt", e.mm4StatusCode().token());
  }

  @Test
  void recipientsNormaliseAndRoundTripThroughWireText() throws Exception {
    NumberPlan de = new NumberPlan("49", "0", "00");
    assertEquals(
        "+491711234567",
        Recipient.normalise(Address.plmn("0171 123-4567"), de).orElseThrow().text());
    assertEquals(
        "+491711234567",
        Recipient.normalise(Address.plmn("0049(171)1234567"), de).orElseThrow().text());
    assertEquals(
        "+491711234567",
        Recipient.normalise(Address.plmn("+49.171.1234567"), de).orElseThrow().text());
    assertEquals(
        "+491711234567",
        Recipient.normalise(Address.parse("+491711234567/TYPE=PLMN@mms.mnc001.mcc262.gprs"), de)
            .orElseThrow()
            .text());
    assertEquals(Optional.empty(), Recipient.normalise(Address.plmn("*100#"), de));
    assertEquals(Optional.empty(), Recipient.normalise(Address.plmn("1234567890123456"), de));
    assertEquals(Optional.empty(), Recipient.normalise(Address.plmn(""), de));
    Recipient mail =
        Recipient.normalise(Address.email("\"Bob\" <Bob.X@Mail.Example.ORG.>")).orElseThrow();
    assertEquals("Bob.X@mail.example.org", mail.text());
    assertEquals(Optional.of("mail.example.org"), mail.domain());
    assertEquals(
        Recipient.Kind.OTHER,
        Recipient.normalise(Address.email("ipv4:x@y.z")).orElseThrow().kind());
    assertEquals(Optional.empty(), Recipient.normalise(Address.email("@y.z")));

    List<Recipient> all =
        List.of(
            mail,
            Recipient.e164("1"),
            Recipient.normalise(Address.email("\"ipv4:x\"@y.z")).orElseThrow(),
            Recipient.normalise(Address.email("ipv4:x@y.z")).orElseThrow(),
            Recipient.normalise(Address.email("+123@y.z")).orElseThrow(),
            Recipient.normalise(Address.email("Ünï,%@y.z")).orElseThrow(),
            Recipient.normalise(Address.ipv4("10.0.0.1")).orElseThrow(),
            Recipient.normalise(Address.ipv6("FE80::1")).orElseThrow(),
            Recipient.normalise(Address.parse("#123")).orElseThrow(),
            Recipient.normalise(Address.parse("x/TYPE=ALPHA")).orElseThrow());
    RoutingFields f = Fixtures.fields().toBuilder().recipients(all).issuedAt(Instant.EPOCH).build();
    assertEquals(all, RoutingHeaders.read(RoutingHeaders.write(f)).orElseThrow().recipients());
  }
}
