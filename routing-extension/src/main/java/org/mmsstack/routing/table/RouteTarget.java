package org.mmsstack.routing.table;

import java.util.Objects;
import org.mmsstack.routing.table.internal.DomainNames;

/**
 * Where a recipient goes: a Relay/Server of this MMSE, a foreign MMSE reached over MM4, or a
 * rejection.
 *
 * <p>Targets are small immutable values compared with {@code equals}. A {@link RoutingTable}
 * holds each distinct target once and its lookups return those instances, so routing allocates
 * nothing. The interface is sealed: {@code instanceof} on the three records covers every result.
 */
public sealed interface RouteTarget permits RouteTarget.Relay, RouteTarget.ForeignMmse, RouteTarget.Reject {

  /** A Relay/Server of this MMSE. */
  static Relay relay(RelayId relay) {
    return new Relay(relay);
  }

  /** A Relay/Server of this MMSE, by name. */
  static Relay relay(String relayName) {
    return new Relay(new RelayId(relayName));
  }

  /** A foreign MMSE, by the MM4 domain to send to (case-insensitive, stored in lower case). */
  static ForeignMmse foreignMmse(String domain) {
    return new ForeignMmse(domain);
  }

  /** The shared rejection instance for {@code reason}. */
  static Reject reject(RejectReason reason) {
    return Reject.INSTANCES[reason.ordinal()];
  }

  /**
   * A Relay/Server of this MMSE.
   *
   * @param relay which one
   */
  record Relay(RelayId relay) implements RouteTarget {
    /** Creates the target. */
    public Relay {
      Objects.requireNonNull(relay, "relay");
    }

    @Override
    public String toString() {
      return "relay " + relay.name();
    }
  }

  /**
   * Another MMSE, reached over MM4 at {@code domain} (for example {@code mms.mnc002.mcc262.gprs}).
   *
   * @param domain the MM4 domain, a valid domain name in lower case
   */
  record ForeignMmse(String domain) implements RouteTarget {
    /**
     * Creates the target; the domain is converted to lower case.
     *
     * @throws IllegalArgumentException if {@code domain} is not a valid domain name
     */
    public ForeignMmse {
      Objects.requireNonNull(domain, "domain");
      int bad = DomainNames.firstError(domain);
      if (bad >= 0) {
        throw new IllegalArgumentException("invalid MMSE domain \"" + domain + "\" at index " + bad);
      }
      domain = DomainNames.canonical(domain);
    }

    @Override
    public String toString() {
      return "mmse " + domain;
    }
  }

  /**
   * No delivery; the reason carries the status to answer with. Use {@link RouteTarget#reject}.
   *
   * @param reason why
   */
  record Reject(RejectReason reason) implements RouteTarget {
    private static final Reject[] INSTANCES = create();

    private static Reject[] create() {
      RejectReason[] reasons = RejectReason.values();
      Reject[] out = new Reject[reasons.length];
      for (RejectReason r : reasons) {
        out[r.ordinal()] = new Reject(r);
      }
      return out;
    }

    /** Creates the target; prefer the shared {@link RouteTarget#reject} instances. */
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return "reject " + reason.token();
    }
  }
}
