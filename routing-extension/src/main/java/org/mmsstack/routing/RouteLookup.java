package org.mmsstack.routing;

/**
 * The routing data as the routing function sees it: one normalised recipient in, one target
 * out. The routing table (number-range prefixes with longest match, per-number overrides,
 * domain routes, default) implements this; so does any test double. It must be a pure
 * function of the recipient for one version of the routing data, because every Relay/Server
 * of the MMSE must come to the same answer.
 *
 * <p>Returning null means "no route" and is treated like
 * {@code RouteTarget.reject(RejectReason.NO_ROUTE)}. Implementations must be safe for
 * concurrent calls when the Router is shared between threads.
 */
@Provisional
@FunctionalInterface
public interface RouteLookup {

  /** The target for a recipient. */
  RouteTarget lookup(Recipient recipient);
}
