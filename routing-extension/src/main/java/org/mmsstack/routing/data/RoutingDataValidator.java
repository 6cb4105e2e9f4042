package org.mmsstack.routing.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingFindingCodes;

/**
 * Checks the parts of a {@link RoutingData} unit against each other, before it is published
 * (each part on its own was already checked by its codec or builder). Never throws for bad
 * data. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link RoutingFindingCodes#NO_VALID_KEY} (ERROR): the table routes to Relay/Servers of
 *       the MMSE but no key of the ring is valid now or later, so no hop would verify.
 *   <li>{@link RoutingFindingCodes#RELAY_WITHOUT_KEY} (WARNING): a Relay/Server the table routes
 *       to has no key valid now or later (right for a legacy Relay/Server, which does not sign;
 *       a mistake for an extended one, whose hops every peer would refuse).
 *   <li>{@link RoutingFindingCodes#KEY_OWNER_NOT_IN_TABLE} (INFO): a key belongs to a
 *       Relay/Server the table does not route to (an entry-only node, or a leftover).
 * </ul>
 */
@Provisional
public final class RoutingDataValidator {

  private RoutingDataValidator() {}

  /** Same as {@code validate(data, Instant.now())}. */
  public static ValidationReport validate(RoutingData data) {
    return validate(data, Instant.now());
  }

  /** The findings for {@code data}, with key validity judged at {@code now}. */
  public static ValidationReport validate(RoutingData data, Instant now) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(now, "now");
    Set<RelayId> relays = new LinkedHashSet<>();
    for (RouteTarget t : data.table().targets()) {
      if (t instanceof RouteTarget.Relay r) {
        relays.add(r.relay());
      }
    }
    Set<RelayId> withKey = new LinkedHashSet<>();
    Set<RelayId> owners = new LinkedHashSet<>();
    for (KeyRing.TrustedKey k : data.keyRing().keys()) {
      owners.add(k.owner());
      if (k.notAfter().isAfter(now)) {
        withKey.add(k.owner());
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (!relays.isEmpty() && withKey.isEmpty()) {
      findings.add(
          Finding.of(
              Severity.ERROR,
              RoutingFindingCodes.NO_VALID_KEY,
              Finding.NO_OFFSET,
              "key ring",
              "the table routes to "
                  + relays.size()
                  + " Relay/Servers but the key ring has no key valid at "
                  + now
                  + " or later: no routing signature would verify"));
    } else {
      for (RelayId r : relays) {
        if (!withKey.contains(r)) {
          findings.add(
              Finding.of(
                  Severity.WARNING,
                  RoutingFindingCodes.RELAY_WITHOUT_KEY,
                  Finding.NO_OFFSET,
                  "key ring",
                  "relay "
                      + r
                      + " is a target of the table but has no key valid at "
                      + now
                      + " or later (right only for a legacy Relay/Server)"));
        }
      }
    }
    for (RelayId o : owners) {
      if (!relays.contains(o)) {
        findings.add(
            Finding.of(
                Severity.INFO,
                RoutingFindingCodes.KEY_OWNER_NOT_IN_TABLE,
                Finding.NO_OFFSET,
                "key ring",
                "keys of " + o + " but the table routes nothing to it"));
      }
    }
    return new ValidationReport(findings);
  }
}
