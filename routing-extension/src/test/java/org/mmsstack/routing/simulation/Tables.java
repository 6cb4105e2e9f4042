package org.mmsstack.routing.simulation;

import org.mmsstack.routing.RouteLookup;

/**
 * The seam between the simulation's routing data and the routing function. Until the
 * production routing table is available this is the simulation's own reference lookup; once it
 * is, this builds the production table from the same {@link TableSpec} and routes with it, so
 * the simulation exercises the real longest-match code.
 */
final class Tables {

  private Tables() {}

  static RouteLookup lookup(TableSpec spec) {
    return spec.referenceLookup();
  }
}
