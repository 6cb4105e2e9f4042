package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.TableVersion;

/** The example in {@link Router}'s javadoc, compiled and run, so that it cannot drift. */
class RouterExampleTest {

  private final List<RoutingFields> sent = new ArrayList<>();
  private final List<RelayId> sentTo = new ArrayList<>();

  private void send(RelayId relay, RoutingFields fields) {
    sentTo.add(relay);
    sent.add(fields);
  }

  /** The javadoc example, unchanged between the braces. */
  private void example(
      RoutingTable table,
      NumberPlan plan,
      SendReq sendReq,
      Address originator,
      RoutingSigner signer,
      MessageIdentity identity,
      Instant now) {
    TableRouteLookup lookup = TableRouteLookup.of(table);
    Router router = Router.of(RelayId.of("rs-a"), lookup, lookup.tableVersion(), plan);
    RouteDecision d = router.route(sendReq.to(), Arrival.outside());
    RelayId home = router.homeOf(originator);
    d.intra()
        .forEach(
            (relay, group) ->
                send(
                    relay,
                    signer.sign(router.handOver(Arrival.outside(), home, group, now), identity)));
  }

  @Test
  void theRouterJavadocExampleRuns() throws Exception {
    RoutingTable table =
        RoutingTable.builder(TableVersion.of(3))
            .prefix("4917", RouteTarget.relay("rs-a"))
            .prefix("491729", RouteTarget.relay("rs-b"))
            .defaultRoute(RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT))
            .build();
    SendReq sendReq =
        RoutingPdusTest.sendReq(); // to +491711234567, +491729876543, cc bob@example.org
    Address originator = Address.plmn("+491701111111");
    RoutingSigner signer = RoutingSigner.fromSeed("rs-a.1", RelayId.of("rs-a"), Fixtures.seed(7));
    example(
        table,
        new NumberPlan("49", "0", "00"),
        sendReq,
        originator,
        signer,
        RoutingPdus.identity(sendReq),
        Fixtures.T0);
    assertEquals(List.of(RelayId.of("rs-b")), sentTo);
    RoutingFields f = sent.get(0);
    assertTrue(f.signature().isPresent());
    assertEquals(RelayId.of("rs-a"), f.home());
    assertEquals(3, f.tableVersion());
    assertEquals(List.of(Recipient.e164("+491729876543")), f.recipients());
  }
}
