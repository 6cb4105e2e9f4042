package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.routing.table.RejectReason;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.TableVersion;

class TableRouteLookupTest {

  private static RoutingTable.Builder sample() {
    return RoutingTable.builder(TableVersion.of(7))
        .prefix("4917", org.mmsstack.routing.table.RouteTarget.relay("rs-north"))
        .override("4917112345678", org.mmsstack.routing.table.RouteTarget.relay("rs-east"))
        .prefix("4930", org.mmsstack.routing.table.RouteTarget.foreignMmse("mms.mnc002.mcc262.gprs"))
        .domain("example.com", org.mmsstack.routing.table.RouteTarget.relay("rs-mail"))
        .domain("barred.example", org.mmsstack.routing.table.RouteTarget.reject(RejectReason.BARRED))
        .defaultRoute(org.mmsstack.routing.table.RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT));
  }

  private static Recipient recipient(Address a) {
    return Recipient.normalise(a).orElseThrow();
  }

  @Test
  void routesNumbersAndDomainsAsTheTableDoes() {
    TableRouteLookup l = TableRouteLookup.of(sample().build());
    assertEquals(7, l.tableVersion());
    assertEquals(RouteTarget.relay(RelayId.of("rs-east")), l.lookup(Recipient.e164("+4917112345678")));
    assertEquals(RouteTarget.relay(RelayId.of("rs-north")), l.lookup(Recipient.e164("4917112345679")));
    assertEquals(RouteTarget.domain("mms.mnc002.mcc262.gprs"), l.lookup(Recipient.e164("493012")));
    assertEquals(RouteTarget.reject(ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED),
        l.lookup(Recipient.e164("331234")));
    assertEquals(RouteTarget.relay(RelayId.of("rs-mail")), l.lookup(recipient(Address.email("alice@Mail.Example.COM."))));
    assertEquals(RouteTarget.relay(RelayId.of("rs-mail")),
        l.lookup(recipient(Address.email("\"odd@name\"@example.com"))), "routed by the domain after the last '@'");
    assertEquals(RouteTarget.reject(ResponseStatus.ERROR_PERMANENT_SERVICE_DENIED),
        l.lookup(recipient(Address.email("bob@barred.example"))));
    assertEquals(RouteTarget.reject(ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED),
        l.lookup(recipient(Address.email("bob@example.org"))));
    assertEquals(RouteTarget.reject(ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED),
        l.lookup(recipient(Address.ipv4("10.0.0.1"))), "other kinds take the default route");
  }

  @Test
  void everyKindAgreesWithTheTablesOwnLookups() {
    RoutingTable table = sample().build();
    TableRouteLookup l = TableRouteLookup.of(table);
    List<Address> addresses = List.of(Address.plmn("+4917112345678"), Address.plmn("+491711"), Address.plmn("+4"),
        Address.plmn("+123456789012345"), Address.email("a@example.com"), Address.email("a@x.barred.example"),
        Address.email("a@b@example.com"), Address.email("a@exa_mple.com"), Address.ipv6("::1"));
    for (Address a : addresses) {
      Recipient r = recipient(a);
      org.mmsstack.routing.table.RouteTarget expected = switch (r.kind()) {
        case PLMN -> table.lookupNumber(r.e164().orElseThrow());
        case EMAIL -> table.lookupDomain(r.domain().orElseThrow());
        default -> table.defaultRoute().orElseThrow();
      };
      assertEquals(mapped(expected), l.lookup(r), r.text());
    }
  }

  private static RouteTarget mapped(org.mmsstack.routing.table.RouteTarget t) {
    if (t instanceof org.mmsstack.routing.table.RouteTarget.Relay r) {
      return RouteTarget.relay(RelayId.of(r.relay().name()));
    }
    if (t instanceof org.mmsstack.routing.table.RouteTarget.ForeignMmse f) {
      return RouteTarget.domain(f.domain());
    }
    return RouteTarget.reject(ResponseStatus.valueOf(
        ((org.mmsstack.routing.table.RouteTarget.Reject) t).reason().responseStatus()));
  }

  @Test
  void withoutDefaultRouteOtherKindsHaveNoRoute() {
    TableRouteLookup l = TableRouteLookup.of(sample().defaultRoute(null).build());
    assertNull(l.lookup(recipient(Address.ipv4("10.0.0.1"))));
    assertEquals(RouteTarget.reject(ResponseStatus.ERROR_PERMANENT_SENDING_ADDRESS_UNRESOLVED),
        l.lookup(Recipient.e164("331234")), "the table's no-route rejection");
  }

  @Test
  void resultsAreMappedOnceAndShared() {
    TableRouteLookup l = TableRouteLookup.of(sample().build());
    assertSame(l.lookup(Recipient.e164("4917000")), l.lookup(Recipient.e164("4917999")));
    assertSame(l.lookup(Recipient.e164("331")), l.lookup(recipient(Address.ipv4("10.0.0.1"))));
  }
}
