package org.mmsstack.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * How an item reached the Relay/Server that routes it. Which case applies comes from the
 * peer the item arrived from (configuration), never from the item's own headers.
 *
 * <p>Immutable and thread-safe.
 */
@Provisional
public final class Arrival {

  /** The three ways in. */
  @Provisional
  public enum Source {
    /**
     * From outside the MMSE (a phone over MM1, a VAS over MM7, another MMSE over MM4), after
     * the {@link BorderFilter}: this Relay/Server is the entry.
     */
    OUTSIDE,
    /** From a legacy Relay/Server of this MMSE, which sends no routing fields. */
    LEGACY_RELAY,
    /** From an extended Relay/Server of this MMSE, with verified routing fields. */
    RELAY
  }

  private static final Arrival OUTSIDE = new Arrival(Source.OUTSIDE, null, null);

  private final Source source;
  private final RelayId legacyPeer;
  private final RoutingFields fields;

  private Arrival(Source source, RelayId legacyPeer, RoutingFields fields) {
    this.source = source;
    this.legacyPeer = legacyPeer;
    this.fields = fields;
  }

  /** From outside the MMSE. */
  public static Arrival outside() {
    return OUTSIDE;
  }

  /** From a legacy Relay/Server of the MMSE. */
  public static Arrival fromLegacy(RelayId peer) {
    return new Arrival(Source.LEGACY_RELAY, Objects.requireNonNull(peer, "peer"), null);
  }

  /** From an extended Relay/Server, with the fields already verified. */
  public static Arrival fromRelay(RoutingFields verified) {
    return new Arrival(Source.RELAY, null, Objects.requireNonNull(verified, "verified"));
  }

  /** The way in. */
  public Source source() {
    return source;
  }

  /** The legacy peer, for LEGACY_RELAY. */
  public Optional<RelayId> legacyPeer() {
    return Optional.ofNullable(legacyPeer);
  }

  /** The received fields, for RELAY. */
  public Optional<RoutingFields> fields() {
    return Optional.ofNullable(fields);
  }

  RelayId legacyPeerOrNull() {
    return legacyPeer;
  }

  RoutingFields fieldsOrNull() {
    return fields;
  }

  @Override
  public String toString() {
    return switch (source) {
      case OUTSIDE -> "Arrival{outside}";
      case LEGACY_RELAY -> "Arrival{legacy " + legacyPeer + "}";
      case RELAY -> "Arrival{relay " + fields.sender() + "}";
    };
  }
}
