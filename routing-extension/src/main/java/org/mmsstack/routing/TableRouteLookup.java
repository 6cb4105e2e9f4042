package org.mmsstack.routing;

import java.util.IdentityHashMap;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.routing.table.RoutingTable;

/**
 * The routing function's view of a {@link RoutingTable}: MSISDNs by override and longest
 * prefix, e-mail addresses by domain, anything else by the default route.
 *
 * <p>The table's targets are mapped to the routing function's {@link RouteTarget}s once, when
 * the lookup is made, so a lookup allocates nothing beyond what the table does.
 */
@Provisional
public final class TableRouteLookup implements RouteLookup {

  private final RoutingTable table;
  // Keyed by identity: the table's lookups return only the instances in targets() (the default
  // route among them), so every result has an entry and equals/hashCode need not run.
  private final IdentityHashMap<org.mmsstack.routing.table.RouteTarget, RouteTarget> mapped =
      new IdentityHashMap<>();
  private final RouteTarget defaultTarget; // null when the table has no default route
  // Both are read-only after construction: safe for concurrent lookups.

  private TableRouteLookup(RoutingTable table) {
    this.table = table;
    for (org.mmsstack.routing.table.RouteTarget t : table.targets()) {
      mapped.put(t, map(t));
    }
    this.defaultTarget = table.defaultRoute().map(mapped::get).orElse(null);
  }

  /** A lookup over one version of the routing data. */
  public static TableRouteLookup of(RoutingTable table) {
    return new TableRouteLookup(table);
  }

  /** The version of the routing data, as the extension fields carry it. */
  public long tableVersion() {
    return table.version().number();
  }

  @Override
  public RouteTarget lookup(Recipient recipient) {
    switch (recipient.kind()) {
      case PLMN:
        // The canonical text is '+' and 1-15 digits, which the table reads as it stands.
        return mapped.get(table.lookupNumber(recipient.text()));
      case EMAIL:
        // The canonical text is local@domain with no '@' in the domain, so the table routes it
        // by the domain after the last '@', as lookupDomain(domain) would, without a substring.
        return mapped.get(table.lookupAddress(recipient.text()));
      default:
        return defaultTarget;
    }
  }

  private static RouteTarget map(org.mmsstack.routing.table.RouteTarget t) {
    if (t instanceof org.mmsstack.routing.table.RouteTarget.Relay r) {
      return RouteTarget.relay(RelayId.of(r.relay().name()));
    }
    if (t instanceof org.mmsstack.routing.table.RouteTarget.ForeignMmse f) {
      return RouteTarget.domain(f.domain());
    }
    org.mmsstack.routing.table.RouteTarget.Reject j = (org.mmsstack.routing.table.RouteTarget.Reject) t;
    return RouteTarget.reject(ResponseStatus.valueOf(j.reason().responseStatus()));
  }
}
