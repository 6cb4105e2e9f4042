package org.mmsstack.routing;

import java.util.Objects;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.routing.table.internal.DomainNames;

/**
 * Where the routing data sends one recipient: a Relay/Server of this MMSE (possibly the one
 * asking), a foreign MMSE reached over MM4, or nowhere (with the reason, which carries the status
 * to refuse with).
 *
 * <p>The one target type of the extension: {@link org.mmsstack.routing.table.RoutingTable}
 * lookups return it, {@link RouteLookup} implementations return it and {@link Router} acts on
 * it. Targets are small immutable values compared with {@code equals}, safe to share between
 * threads. A routing table holds each distinct target once and its lookups return those
 * instances, so routing allocates nothing. The interface is sealed: {@code instanceof} on the
 * three records covers every result.
 */
@Provisional
public sealed interface RouteTarget
    permits RouteTarget.Relay, RouteTarget.ForeignMmse, RouteTarget.Reject {

  /** A Relay/Server of this MMSE. */
  static Relay relay(RelayId relay) {
    return new Relay(relay);
  }

  /**
   * A Relay/Server of this MMSE, by name.
   *
   * @throws IllegalArgumentException if {@code relayName} is not a valid {@link RelayId}
   */
  static Relay relay(String relayName) {
    return new Relay(RelayId.of(relayName));
  }

  /**
   * A foreign MMSE, by the MM4 domain to send to (case-insensitive, stored in lower case).
   *
   * @throws IllegalArgumentException if {@code domain} is not a valid domain name
   */
  static ForeignMmse foreignMmse(String domain) {
    return new ForeignMmse(domain);
  }

  /** The shared rejection instance for {@code reason}. */
  static Reject reject(RejectReason reason) {
    return Reject.INSTANCES[reason.ordinal()];
  }

  /**
   * The recipient's home is a Relay/Server of this MMSE.
   *
   * @param relay which one
   */
  @Provisional
  record Relay(RelayId relay) implements RouteTarget {
    /** Creates the target. */
    public Relay {
      Objects.requireNonNull(relay, "relay");
    }

    @Override
    public String toString() {
      return "relay " + relay.value();
    }
  }

  /**
   * Another MMSE (or mail domain), reached over MM4 at {@code domain} (for example
   * {@code mms.mnc002.mcc262.gprs}).
   *
   * @param domain the MM4 domain, a valid domain name in lower case
   */
  @Provisional
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
        throw new IllegalArgumentException(
            "domain: invalid MMSE domain \"" + domain + "\" at index " + bad);
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
  @Provisional
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

    /** The binary status to refuse with (its MM4 form via {@link RouteDecision.Rejection}). */
    public ResponseStatus status() {
      return reason.responseStatus();
    }

    @Override
    public String toString() {
      return "reject " + reason.token();
    }
  }
}
