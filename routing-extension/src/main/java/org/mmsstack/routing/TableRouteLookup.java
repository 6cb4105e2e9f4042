package org.mmsstack.routing;

import java.util.Objects;
import org.mmsstack.routing.table.RoutingTable;

/**
 * The routing function's view of a {@link RoutingTable}: MSISDNs by override and longest
 * prefix, e-mail addresses by domain, anything else by the default route (or
 * {@code reject no-route}).
 *
 * <p>The table already returns the one {@link RouteTarget} type, its interned instances, so a
 * lookup allocates nothing. Immutable and thread-safe as the table is; it holds the table.
 */
@Provisional
public final class TableRouteLookup implements RouteLookup {

  private final RoutingTable table;
  private final RouteTarget fallback;

  private TableRouteLookup(RoutingTable table) {
    this.table = table;
    this.fallback = table.defaultRoute().orElse(RouteTarget.reject(RejectReason.NO_ROUTE));
  }

  /** A lookup over one version of the routing data. */
  public static TableRouteLookup of(RoutingTable table) {
    return new TableRouteLookup(Objects.requireNonNull(table, "table"));
  }

  /** The routing table looked up. */
  public RoutingTable table() {
    return table;
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
        return table.lookupNumber(recipient.text());
      case EMAIL:
        // The canonical text is local@domain with no '@' in the domain, so the table routes it
        // by the domain after the last '@', as lookupDomain(domain) would, without a substring.
        return table.lookupAddress(recipient.text());
      default:
        return fallback;
    }
  }
}
