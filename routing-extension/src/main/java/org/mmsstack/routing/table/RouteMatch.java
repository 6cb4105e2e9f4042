package org.mmsstack.routing.table;

import java.util.Objects;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RouteTarget;

/**
 * Why a lookup gave its target: which rule matched and the key it matched on. Returned by
 * {@link RoutingTable#explain(CharSequence)} for diagnostics and tests; the routing hot path uses
 * the {@code lookup*} methods, which return only the target and allocate nothing.
 *
 * @param rule the rule that decided
 * @param matchedKey the override number, the prefix digits or the domain suffix that matched
 *     (lower case), or the empty string for {@link Rule#DEFAULT} and {@link Rule#INVALID}
 * @param target the result, the same instance the {@code lookup*} methods return
 *
 * <p>Immutable and thread-safe.
 */
@Provisional
public record RouteMatch(Rule rule, String matchedKey, RouteTarget target) {

  /** The rule that decided a lookup. */
  public enum Rule {
    /** An explicit per-number override. */
    OVERRIDE,
    /** The longest matching number-range prefix. */
    PREFIX,
    /** The longest matching domain suffix. */
    DOMAIN,
    /** Nothing matched: the default route, or {@link RejectReason#NO_ROUTE} without one. */
    DEFAULT,
    /** The address is malformed: {@link RejectReason#INVALID_ADDRESS}. */
    INVALID
  }

  /** Creates a match. */
  public RouteMatch {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(matchedKey, "matchedKey");
    Objects.requireNonNull(target, "target");
  }
}
