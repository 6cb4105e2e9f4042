package org.mmsstack.routing.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteLookup;
import org.mmsstack.routing.RouteTarget;

/**
 * One version of the simulated MMSE's routing data: number-range prefixes (longest match),
 * per-number overrides, domain routes and a default, with a version number. The simulation
 * derives every Relay/Server's {@link RouteLookup} from it through {@link #lookup()}; that is
 * the seam where the production routing table plugs in (see {@link Tables}).
 */
final class TableSpec {

  /** A target: a Relay/Server of the MMSE, a foreign MMSE's domain, or a refusal. */
  record Target(RelayId relay, String domain, RejectReason reject) {
    static Target relay(RelayId r) {
      return new Target(Objects.requireNonNull(r), null, null);
    }

    static Target domain(String d) {
      return new Target(null, Objects.requireNonNull(d), null);
    }

    static Target reject(RejectReason s) {
      return new Target(null, null, Objects.requireNonNull(s));
    }

    RouteTarget toRouteTarget() {
      if (relay != null) {
        return RouteTarget.relay(relay);
      }
      return domain != null ? RouteTarget.foreignMmse(domain) : RouteTarget.reject(reject);
    }
  }

  private final long version;
  private final Map<String, Target> prefixes;
  private final Map<String, Target> overrides;
  private final Map<String, Target> domains;
  private final Target fallback;

  TableSpec(
      long version,
      Map<String, Target> prefixes,
      Map<String, Target> overrides,
      Map<String, Target> domains,
      Target fallback) {
    this.version = version;
    this.prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(prefixes));
    this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    this.domains = Collections.unmodifiableMap(new LinkedHashMap<>(domains));
    this.fallback = fallback;
  }

  long version() {
    return version;
  }

  Map<String, Target> prefixes() {
    return prefixes;
  }

  Map<String, Target> overrides() {
    return overrides;
  }

  Map<String, Target> domains() {
    return domains;
  }

  Target fallback() {
    return fallback;
  }

  /** The target for E.164 digits (no '+'): override, else longest prefix, else the default. */
  Target target(String digits) {
    Target t = overrides.get(digits);
    if (t != null) {
      return t;
    }
    for (int n = digits.length(); n > 0; n--) {
      t = prefixes.get(digits.substring(0, n));
      if (t != null) {
        return t;
      }
    }
    return fallback;
  }

  /** The target for an e-mail domain (exact match or a parent domain), else the default. */
  Target domainTarget(String domain) {
    String d = domain;
    while (true) {
      Target t = domains.get(d);
      if (t != null) {
        return t;
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return fallback;
      }
      d = d.substring(dot + 1);
    }
  }

  /** The reference lookup: what every Relay/Server of the simulation routes with. */
  RouteLookup lookup() {
    return Tables.lookup(this);
  }

  /** The same lookup without the seam, for the simulation's own expectations. */
  RouteLookup referenceLookup() {
    return r ->
        switch (r.kind()) {
          case PLMN -> target(r.e164().orElseThrow()).toRouteTarget();
          case EMAIL -> domainTarget(r.domain().orElseThrow()).toRouteTarget();
          default -> fallback.toRouteTarget();
        };
  }

  static Recipient plmn(String digits) {
    return Recipient.e164(digits);
  }
}
