package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableBuilder;
import org.mmsstack.routing.table.TableVersion;

class TableRouteLookupTest {

  private static RoutingTableBuilder sample() {
    return RoutingTable.builder(TableVersion.of(7))
        .prefix("4917", RouteTarget.relay("rs-north"))
        .override("4917112345678", RouteTarget.relay("rs-east"))
        .prefix("4930", RouteTarget.foreignMmse("mms.mnc002.mcc262.gprs"))
        .domain("example.com", RouteTarget.relay("rs-mail"))
        .domain("barred.example", RouteTarget.reject(RejectReason.BARRED))
        .defaultRoute(RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT));
  }

  private static Recipient recipient(Address a) {
    return Recipient.normalise(a).orElseThrow();
  }

  @Test
  void routesNumbersAndDomainsAsTheTableDoes() {
    TableRouteLookup l = TableRouteLookup.of(sample().build());
    assertEquals(7, l.tableVersion());
    assertEquals(
        RouteTarget.relay(RelayId.of("rs-east")), l.lookup(Recipient.e164("+4917112345678")));
    assertEquals(
        RouteTarget.relay(RelayId.of("rs-north")), l.lookup(Recipient.e164("4917112345679")));
    assertEquals(
        RouteTarget.foreignMmse("mms.mnc002.mcc262.gprs"), l.lookup(Recipient.e164("493012")));
    assertEquals(
        RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT), l.lookup(Recipient.e164("331234")));
    assertEquals(
        RouteTarget.relay(RelayId.of("rs-mail")),
        l.lookup(recipient(Address.email("alice@Mail.Example.COM."))));
    assertEquals(
        RouteTarget.relay(RelayId.of("rs-mail")),
        l.lookup(recipient(Address.email("\"odd@name\"@example.com"))),
        "routed by the domain after the last '@'");
    assertEquals(
        RouteTarget.reject(RejectReason.BARRED),
        l.lookup(recipient(Address.email("bob@barred.example"))));
    assertEquals(
        RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT),
        l.lookup(recipient(Address.email("bob@example.org"))));
    assertEquals(
        RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT),
        l.lookup(recipient(Address.ipv4("10.0.0.1"))),
        "other kinds take the default route");
  }

  @Test
  void everyKindAgreesWithTheTablesOwnLookups() {
    RoutingTable table = sample().build();
    TableRouteLookup l = TableRouteLookup.of(table);
    List<Address> addresses =
        List.of(
            Address.plmn("+4917112345678"),
            Address.plmn("+491711"),
            Address.plmn("+4"),
            Address.plmn("+123456789012345"),
            Address.email("a@example.com"),
            Address.email("a@x.barred.example"),
            Address.email("a@b@example.com"),
            Address.email("a@exa_mple.com"),
            Address.ipv6("::1"));
    for (Address a : addresses) {
      Recipient r = recipient(a);
      RouteTarget expected =
          switch (r.kind()) {
            case PLMN -> table.lookupNumber(r.e164().orElseThrow());
            case EMAIL -> table.lookupDomain(r.domain().orElseThrow());
            default -> table.defaultRoute().orElseThrow();
          };
      assertSame(expected, l.lookup(r), r.text());
    }
  }

  @Test
  void withoutDefaultRouteOtherKindsHaveNoRoute() {
    TableRouteLookup l = TableRouteLookup.of(sample().defaultRoute(null).build());
    assertSame(
        RouteTarget.reject(RejectReason.NO_ROUTE), l.lookup(recipient(Address.ipv4("10.0.0.1"))));
    assertSame(
        RouteTarget.reject(RejectReason.NO_ROUTE),
        l.lookup(Recipient.e164("331234")),
        "the table's no-route rejection");
  }

  @Test
  void resultsAreTheTablesSharedInstances() {
    TableRouteLookup l = TableRouteLookup.of(sample().build());
    assertSame(l.lookup(Recipient.e164("4917000")), l.lookup(Recipient.e164("4917999")));
    assertSame(l.lookup(Recipient.e164("331")), l.lookup(recipient(Address.ipv4("10.0.0.1"))));
  }
}
