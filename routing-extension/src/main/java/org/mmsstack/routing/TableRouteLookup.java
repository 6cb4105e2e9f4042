package org.mmsstack.routing;

import java.util.HashMap;
import java.util.Map;
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
  private final Map<org.mmsstack.routing.table.RouteTarget, RouteTarget> mapped = new HashMap<>();


  private TableRouteLookup(RoutingTable table) {
    this.table = table;
    for (org.mmsstack.routing.table.RouteTarget t : table.targets()) {
      mapped.put(t, map(t));
    }
    table.defaultRoute().ifPresent(t -> mapped.put(t, map(t)));
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
    org.mmsstack.routing.table.RouteTarget t;
    switch (recipient.kind()) {
      case PLMN:
        t = table.lookupNumber(recipient.e164().orElseThrow());
        break;
      case EMAIL:
        t = table.lookupDomain(recipient.domain().orElseThrow());
        break;
      default:
        t = table.defaultRoute().orElse(null);
    }
    if (t == null) {
      return null;
    }
    RouteTarget m = mapped.get(t); // read-only after construction: safe for concurrent lookups
    return m != null ? m : map(t);
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
