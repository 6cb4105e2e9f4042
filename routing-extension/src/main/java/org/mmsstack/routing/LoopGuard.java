package org.mmsstack.routing;

import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.mm4.convert.ValueMapping;
import org.mmsstack.mm4.value.RequestStatusCode;

/**
 * Loop and hop-limit checks for handing a recipient on to another Relay/Server of the MMSE.
 *
 * <p>The rule (docs/routing-extension.md, "Failure behaviour"): a Relay/Server may hand a
 * recipient to a Relay/Server that is already on the path, or hand anything on when it is on
 * the path itself, only if it decided with a strictly newer routing-data version than the one
 * the hop was stamped with. Each such return therefore raises the stamped version, and with
 * finitely many versions live no cycle can last; everything else that revisits a Relay/Server
 * is a loop. Arriving at a Relay/Server that is on the path is not a loop in itself: the
 * newer table may name it as the home (it then delivers locally).
 *
 * <p>Every forward adds one hop; a forward that would make the path longer than the hop limit
 * is refused. The hop limit is the backstop for what the version rule cannot see (two
 * different tables published under one version number).
 *
 * <p>Stateless and thread-safe.
 */
@Provisional
public final class LoopGuard {

  /** The outcome of a check. */
  @Provisional
  public enum Verdict {
    /** The hand-over may go ahead. */
    PASS(ResponseStatus.OK),
    /**
     * A loop: refuse with Error-transient-network-problem (0xC3): tables converge, so the
     * sender may try again later.
     */
    LOOP(ResponseStatus.ERROR_TRANSIENT_NETWORK_PROBLEM),
    /**
     * The hop limit is reached: refuse with Error-permanent-failure (0xE0): more hops than
     * version skew explains means misconfigured routing data, which a retry does not fix.
     */
    HOP_LIMIT(ResponseStatus.ERROR_PERMANENT_FAILURE);

    private final ResponseStatus status;

    Verdict(ResponseStatus status) {
      this.status = status;
    }

    /** The binary X-Mms-Response-Status to refuse with (Ok for PASS). */
    public ResponseStatus responseStatus() {
      return status;
    }

    /** The MM4 X-Mms-Request-Status-Code to refuse with ({@code Ok} for PASS). */
    public RequestStatusCode mm4StatusCode() {
      return ValueMapping.requestStatusCode(status);
    }
  }

  private LoopGuard() {}

  /**
   * Whether {@code self}, holding routing data of version {@code tableVersion}, may hand a
   * recipient of a received hop on to {@code target}.
   */
  public static Verdict checkForward(
      RoutingFields received, RelayId self, RelayId target, long tableVersion) {
    if (received.hops() >= received.hopLimit()) {
      return Verdict.HOP_LIMIT;
    }
    boolean newer = tableVersion > received.tableVersion();
    if (!newer
        && (target.equals(self)
            || received.path().contains(target)
            || received.path().contains(self))) {
      return Verdict.LOOP;
    }
    return Verdict.PASS;
  }

  /**
   * Whether a Relay/Server may hand on a recipient that a legacy Relay/Server of the MMSE sent
   * it without routing fields: a loop when the target is that legacy Relay/Server (it would
   * send the recipient straight back, since it has already decided the recipient is not its
   * own).
   */
  public static Verdict checkForwardFromLegacy(RelayId legacyPeer, RelayId target) {
    return legacyPeer.equals(target) ? Verdict.LOOP : Verdict.PASS;
  }
}
