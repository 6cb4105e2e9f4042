package org.mmsstack.routing.simulation;

import java.util.Map;
import org.mmsstack.routing.RouteLookup;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.TableRouteLookup;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableBuilder;
import org.mmsstack.routing.table.TableVersion;

/**
 * The seam between the simulation's routing data and the routing function: it builds the
 * production {@link RoutingTable} from a {@link TableSpec} and routes with it, so the simulation
 * exercises the real longest-match code; {@link TableSpec#referenceLookup()} stays the oracle.
 */
final class Tables {

  private Tables() {}

  static RouteLookup lookup(TableSpec spec) {
    RoutingTableBuilder b = RoutingTable.builder(TableVersion.of(spec.version()));
    for (Map.Entry<String, TableSpec.Target> e : spec.prefixes().entrySet()) {
      b.prefix(e.getKey(), target(e.getValue()));
    }
    for (Map.Entry<String, TableSpec.Target> e : spec.overrides().entrySet()) {
      b.override(e.getKey(), target(e.getValue()));
    }
    for (Map.Entry<String, TableSpec.Target> e : spec.domains().entrySet()) {
      b.domain(e.getKey(), target(e.getValue()));
    }
    b.defaultRoute(target(spec.fallback()));
    return TableRouteLookup.of(b.build());
  }

  private static RouteTarget target(TableSpec.Target t) {
    if (t.relay() != null) {
      return RouteTarget.relay(t.relay().value());
    }
    if (t.domain() != null) {
      return RouteTarget.foreignMmse(t.domain());
    }
    return RouteTarget.reject(t.reject());
  }
}
