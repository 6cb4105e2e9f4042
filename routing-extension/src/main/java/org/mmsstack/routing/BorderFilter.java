package org.mmsstack.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.convert.ValueMapping;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.RequestStatusCode;

/**
 * What happens to routing fields at the edge of the MMSE. Routing fields are only meaningful
 * between extended Relay/Servers of this MMSE; on traffic entering the MMSE (from phones over
 * MM1, from other MMSEs over MM4, from VAS over MM7) they can only be forged or leaked, and on
 * traffic leaving it (to phones, other MMSEs, VAS, and legacy Relay/Servers of this MMSE, which
 * might pass them on to phones) they would leak internal topology.
 *
 * <p>Each direction has a {@link Policy}: STRIP removes every header under the routing prefix
 * (name compared case-insensitively, so {@code x-mms-routing-path} is caught too) and lets the
 * message pass; REFUSE rejects the message when it carries any. Which side of the edge a peer
 * is on comes from configuration (the peer's address), never from the message. Immutable.
 *
 * <p>Immutable and thread-safe: one instance may serve every connection.
 */
@Provisional
public final class BorderFilter {

  /** What to do with a message that carries routing fields across the edge. */
  @Provisional
  public enum Policy {
    /** Remove the fields, pass the message. */
    STRIP,
    /** Refuse the message. */
    REFUSE
  }

  /** Which way the message crosses the edge. */
  @Provisional
  public enum Direction {
    /** Entering the MMSE. */
    INBOUND,
    /** Leaving the MMSE. */
    OUTBOUND
  }

  /** What the filter did. */
  @Provisional
  public enum Action {
    /** The message carried no routing fields. */
    PASSED,
    /** The routing fields were removed. */
    STRIPPED,
    /** The message was refused. */
    REFUSED
  }

  /**
   * The filter's report.
   *
   * @param <T> the message representation (a {@link Pdu}, an {@link Mm4Message}, an MM4 header
   *     list or an {@link Mm4Headers})
   * @param message the message to pass on (unchanged when PASSED; the original when REFUSED,
   *     for logging only)
   * @param action what was done
   * @param direction the direction
   * @param removedHeaders the routing header names found, each once, in order
   */
  @Provisional
  public record Outcome<T>(
      T message, Action action, Direction direction, List<String> removedHeaders) {

    /** Copies the list. */
    public Outcome {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(direction, "direction");
      removedHeaders = List.copyOf(removedHeaders);
    }

    /** Whether the message may go on. */
    public boolean passes() {
      return action != Action.REFUSED;
    }

    /**
     * For REFUSED: the binary status to answer with, Error-permanent-service-denied (0xE1);
     * empty otherwise.
     */
    public Optional<ResponseStatus> responseStatus() {
      return action == Action.REFUSED
          ? Optional.of(ResponseStatus.ERROR_PERMANENT_SERVICE_DENIED)
          : Optional.empty();
    }

    /** For REFUSED: the MM4 status, {@code Error-service-denied}; empty otherwise. */
    public Optional<RequestStatusCode> mm4StatusCode() {
      return responseStatus().map(ValueMapping::requestStatusCode);
    }
  }

  /** Strip in both directions: nothing new is ever refused at the edge. */
  public static final BorderFilter DEFAULT = new BorderFilter(Policy.STRIP, Policy.STRIP);

  private final Policy inbound;
  private final Policy outbound;

  private BorderFilter(Policy inbound, Policy outbound) {
    this.inbound = Objects.requireNonNull(inbound, "inbound");
    this.outbound = Objects.requireNonNull(outbound, "outbound");
  }

  /** A filter with a policy per direction. */
  public static BorderFilter of(Policy inbound, Policy outbound) {
    return new BorderFilter(inbound, outbound);
  }

  /** The policy for a direction. */
  public Policy policy(Direction direction) {
    return direction == Direction.INBOUND ? inbound : outbound;
  }

  /** Filters a binary PDU; a stripped PDU keeps every other header's octets. */
  public Outcome<Pdu> filter(Pdu pdu, Direction direction) {
    return decide(pdu, RoutingPdus.routingNames(pdu), direction, RoutingPdus::strip);
  }

  /** Filters an MM4 header section given as (name, value) pairs; the list is not modified. */
  public Outcome<List<HeaderPair>> filter(List<HeaderPair> headers, Direction direction) {
    Set<String> names = new LinkedHashSet<>();
    for (HeaderPair h : headers) {
      if (RoutingHeaders.isRoutingHeader(h.name())) {
        names.add(h.name());
      }
    }
    return decide(
        List.copyOf(headers),
        List.copyOf(names),
        direction,
        all -> {
          List<HeaderPair> kept = new ArrayList<>(all.size());
          for (HeaderPair h : all) {
            if (!RoutingHeaders.isRoutingHeader(h.name())) {
              kept.add(h);
            }
          }
          return List.copyOf(kept);
        });
  }

  /**
   * Filters a decoded MM4 header section ({@link org.mmsstack.mm4.Mm4Codec#decodeHeaders(byte[])}):
   * the border check of a Relay/Server that has not decoded the body. Only names are read; a
   * stripped section keeps every other field (and its raw bytes). When the message is decoded
   * whole afterwards, {@link RoutingMm4#strip} removes the same fields from it.
   */
  public Outcome<Mm4Headers> filter(Mm4Headers headers, Direction direction) {
    List<String> names = RoutingMm4.routingNames(headers);
    return decide(
        headers,
        names,
        direction,
        h -> {
          Mm4Headers kept = h;
          for (String n : names) {
            kept = kept.without(n);
          }
          return kept;
        });
  }

  /**
   * Filters a whole MM4 message; a stripped message is of the same type and keeps every other
   * header field's raw bytes and its body (see {@link RoutingMm4#strip}).
   */
  public <M extends Mm4Message> Outcome<M> filter(M message, Direction direction) {
    return decide(
        message, RoutingMm4.routingNames(message.headers()), direction, RoutingMm4::strip);
  }

  /** The outcome for a message whose routing fields are {@code names}, by the policy. */
  private <T> Outcome<T> decide(
      T message, List<String> names, Direction direction, UnaryOperator<T> strip) {
    if (names.isEmpty()) {
      return new Outcome<>(message, Action.PASSED, direction, List.of());
    }
    if (policy(direction) == Policy.REFUSE) {
      return new Outcome<>(message, Action.REFUSED, direction, names);
    }
    return new Outcome<>(strip.apply(message), Action.STRIPPED, direction, names);
  }

  @Override
  public String toString() {
    return "BorderFilter{inbound=" + inbound + ", outbound=" + outbound + "}";
  }
}
