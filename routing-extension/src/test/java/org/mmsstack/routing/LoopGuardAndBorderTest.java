package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.routing.BorderFilter.Action;
import org.mmsstack.routing.BorderFilter.Direction;
import org.mmsstack.routing.BorderFilter.Policy;
import org.mmsstack.routing.LoopGuard.Verdict;

class LoopGuardAndBorderTest {

  private static final RelayId D = RelayId.of("rs-d");

  @Test
  void loopGuard() {
    RoutingFields f = Fixtures.fields(); // path rs-a, rs-b; table 42; hop limit 8
    assertEquals(Verdict.PASS, LoopGuard.checkForward(f, Fixtures.C, D, 42));
    assertEquals(
        Verdict.LOOP, LoopGuard.checkForward(f, Fixtures.C, Fixtures.A, 42)); // target on the path
    assertEquals(Verdict.LOOP, LoopGuard.checkForward(f, Fixtures.B, D, 42)); // self on the path
    assertEquals(Verdict.LOOP, LoopGuard.checkForward(f, Fixtures.C, Fixtures.C, 42)); // to itself
    assertEquals(
        Verdict.LOOP, LoopGuard.checkForward(f, Fixtures.C, Fixtures.A, 41)); // older table
    assertEquals(
        Verdict.PASS,
        LoopGuard.checkForward(f, Fixtures.C, Fixtures.A, 43)); // newer table may return
    assertEquals(Verdict.PASS, LoopGuard.checkForward(f, Fixtures.B, D, 43));
    RoutingFields full = f.toBuilder().hopLimit(2).build();
    assertEquals(Verdict.HOP_LIMIT, LoopGuard.checkForward(full, Fixtures.C, D, 99));
    assertEquals(
        Verdict.PASS, LoopGuard.checkForward(f.toBuilder().hopLimit(3).build(), Fixtures.C, D, 42));
    assertEquals(0xC3, Verdict.LOOP.responseStatus().code());
    assertEquals("Error-network-problem", Verdict.LOOP.mm4StatusCode().token());
    assertEquals(0xE0, Verdict.HOP_LIMIT.responseStatus().code());
    assertEquals("Error-unspecified", Verdict.HOP_LIMIT.mm4StatusCode().token());
    assertEquals(Verdict.LOOP, LoopGuard.checkForwardFromLegacy(D, D));
    assertEquals(Verdict.PASS, LoopGuard.checkForwardFromLegacy(D, Fixtures.A));
  }

  @Test
  void borderStripsOrRefusesPdus() throws Exception {
    SendReq plain = RoutingPdusTest.sendReq();
    Pdu with = RoutingPdus.attach(plain, Fixtures.fields());
    BorderFilter.Outcome<Pdu> o = BorderFilter.DEFAULT.filter(with, Direction.OUTBOUND);
    assertEquals(Action.STRIPPED, o.action());
    assertTrue(o.passes());
    assertArrayEquals(PduCodec.encode(plain), PduCodec.encode(o.message()));
    assertEquals(
        List.of(
            RoutingHeaders.VERSION,
            RoutingHeaders.ENTRY,
            RoutingHeaders.HOME,
            RoutingHeaders.PATH,
            RoutingHeaders.HOP_LIMIT,
            RoutingHeaders.TABLE_VERSION,
            RoutingHeaders.CHARGING,
            RoutingHeaders.ISSUED,
            RoutingHeaders.RECIPIENT),
        o.removedHeaders());
    assertTrue(o.responseStatus().isEmpty());

    BorderFilter strict = BorderFilter.of(Policy.REFUSE, Policy.STRIP);
    BorderFilter.Outcome<Pdu> r = strict.filter(with, Direction.INBOUND);
    assertEquals(Action.REFUSED, r.action());
    assertFalse(r.passes());
    assertEquals(0xE1, r.responseStatus().orElseThrow().code());
    assertEquals("Error-service-denied", r.mm4StatusCode().orElseThrow().token());
    assertSame(with, r.message());

    BorderFilter.Outcome<Pdu> p = strict.filter(plain, Direction.INBOUND);
    assertEquals(Action.PASSED, p.action());
    assertSame(plain, p.message());

    // A look-alike name in another case is caught too.
    Pdu odd = plain.toBuilder().applicationHeader("x-MMS-routing-Whatever", "1").build();
    assertEquals(Action.STRIPPED, BorderFilter.DEFAULT.filter(odd, Direction.INBOUND).action());
    assertEquals(plain, BorderFilter.DEFAULT.filter(odd, Direction.INBOUND).message());
  }

  @Test
  void borderFiltersMm4Headers() {
    List<HeaderPair> h = new ArrayList<>();
    h.add(new HeaderPair("X-Mms-Message-Type", "MM4_forward.REQ"));
    h.addAll(RoutingHeaders.write(Fixtures.fields()));
    h.add(new HeaderPair("x-mms-routing-path", "evil"));
    h.add(new HeaderPair("Subject", "hi"));
    List<HeaderPair> copy = List.copyOf(h);
    BorderFilter.Outcome<List<HeaderPair>> o = BorderFilter.DEFAULT.filter(h, Direction.INBOUND);
    assertEquals(
        List.of(
            new HeaderPair("X-Mms-Message-Type", "MM4_forward.REQ"),
            new HeaderPair("Subject", "hi")),
        o.message());
    assertEquals(Action.STRIPPED, o.action());
    assertTrue(o.removedHeaders().contains("x-mms-routing-path"));
    assertEquals(copy, h); // input untouched
    assertEquals(
        Action.REFUSED,
        BorderFilter.of(Policy.STRIP, Policy.REFUSE).filter(h, Direction.OUTBOUND).action());
    assertEquals(
        Action.PASSED, BorderFilter.DEFAULT.filter(o.message(), Direction.OUTBOUND).action());
  }
}
