package org.mmsstack.routing;

import java.util.Locale;
import java.util.Objects;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * Where the routing data sends one recipient: a Relay/Server of this MMSE (possibly the one
 * asking), another MMSE by domain, or nowhere (with the status to refuse with).
 */
@Provisional
public sealed interface RouteTarget permits RouteTarget.Relay, RouteTarget.Domain, RouteTarget.Reject {

  /** A Relay/Server of this MMSE. */
  static RouteTarget relay(RelayId relay) {
    return new Relay(relay);
  }

  /** Another MMSE (or an e-mail domain), reached over MM4. */
  static RouteTarget domain(String domain) {
    return new Domain(domain);
  }

  /** No route: refuse the recipient with this status. */
  static RouteTarget reject(ResponseStatus status) {
    return new Reject(status);
  }

  /**
   * The recipient's home is a Relay/Server of this MMSE.
   *
   * @param relay the Relay/Server
   */
  @Provisional
  record Relay(RelayId relay) implements RouteTarget {
    /** Checks for null. */
    public Relay {
      Objects.requireNonNull(relay, "relay");
    }
  }

  /**
   * The recipient belongs to another MMSE or mail domain.
   *
   * @param domain the domain, lower case (for example {@code mms.mnc002.mcc262.gprs})
   */
  @Provisional
  record Domain(String domain) implements RouteTarget {
    /** Lower-cases the domain and checks it is not empty. */
    public Domain {
      Objects.requireNonNull(domain, "domain");
      if (domain.isEmpty()) {
        throw new IllegalArgumentException("domain: empty");
      }
      domain = domain.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The recipient is refused.
   *
   * @param status the binary status to return (its MM4 form via the decision)
   */
  @Provisional
  record Reject(ResponseStatus status) implements RouteTarget {
    /** Checks for null. */
    public Reject {
      Objects.requireNonNull(status, "status");
    }
  }
}
