package org.mmsstack.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.mm4.convert.ValueMapping;
import org.mmsstack.mm4.value.RequestStatusCode;

/**
 * The routing function's answer for one item: its recipients split into those delivered here,
 * those handed to other Relay/Servers of the MMSE (grouped per Relay/Server), those sent over
 * MM4 to other MMSEs (grouped per domain), and those refused with a status; after {@link
 * #exceptHeldHere}, also those this Relay/Server already holds. Every input recipient appears in
 * exactly one place (duplicates of a normalised recipient only once).
 * Groups keep the order in which recipients first appeared, so the result is deterministic.
 *
 * <p>Immutable and thread-safe once returned by the {@link Router}.
 */
@Provisional
public final class RouteDecision {

  /**
   * A refused recipient.
   *
   * @param address the address as given (or the recipient's canonical text)
   * @param status the binary status to report
   * @param reason why, for logs
   */
  @Provisional
  public record Rejection(String address, ResponseStatus status, String reason) {
    /** Checks for nulls. */
    public Rejection {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }

    /** The MM4 X-Mms-Request-Status-Code for {@link #status()} ({@link ValueMapping}). */
    public RequestStatusCode mm4StatusCode() {
      return ValueMapping.requestStatusCode(status);
    }
  }

  private final List<Recipient> local;
  private final Map<RelayId, List<Recipient>> intra;
  private final Map<String, List<Recipient>> inter;
  private final List<Rejection> rejected;
  private final List<Recipient> heldHere;
  private final long tableVersion;
  private final boolean forgedMessageId;

  RouteDecision(
      List<Recipient> local,
      Map<RelayId, List<Recipient>> intra,
      Map<String, List<Recipient>> inter,
      List<Rejection> rejected,
      List<Recipient> heldHere,
      long tableVersion,
      boolean forgedMessageId) {
    this.local = local == null ? List.of() : Collections.unmodifiableList(local);
    this.intra = freeze(intra);
    this.inter = freeze(inter);
    this.rejected = rejected == null ? List.of() : Collections.unmodifiableList(rejected);
    this.heldHere = heldHere == null ? List.of() : Collections.unmodifiableList(heldHere);
    this.tableVersion = tableVersion;
    this.forgedMessageId = forgedMessageId;
  }

  private static <K> Map<K, List<Recipient>> freeze(Map<K, List<Recipient>> m) {
    if (m == null) {
      return Map.of();
    }
    for (Map.Entry<K, List<Recipient>> e : m.entrySet()) {
      e.setValue(Collections.unmodifiableList(e.getValue()));
    }
    return Collections.unmodifiableMap(m);
  }

  /** Recipients whose home is this Relay/Server. */
  public List<Recipient> local() {
    return local;
  }

  /** Recipients to hand to other Relay/Servers of this MMSE, per Relay/Server. */
  public Map<RelayId, List<Recipient>> intra() {
    return intra;
  }

  /** Recipients to send over MM4 to other MMSEs, per domain. */
  public Map<String, List<Recipient>> inter() {
    return inter;
  }

  /** Refused recipients. */
  public List<Rejection> rejected() {
    return rejected;
  }

  /**
   * Recipients this Relay/Server already holds the item for, taken out of {@link #intra()} by
   * {@link #exceptHeldHere}, group by group in the order of those groups: nothing is to be done
   * for them. Empty otherwise.
   */
  public List<Recipient> heldHere() {
    return heldHere;
  }

  /**
   * This decision with the recipients {@code held} accepts moved from {@link #intra()} to {@link
   * #heldHere()}: those whose item this Relay/Server stored before the routing data moved their
   * home elsewhere.
   *
   * <p>Why a relay asks: a Relay/Server stores a message for a recipient it is home to, and the
   * response to the transfer is lost. The sender retransmits; if a routing-data switch moved the
   * recipient's home in between, the decision for the retransmission hands the recipient on to
   * the new home, which delivers the message a second time. The node that took the message keeps
   * it (docs/routing-extension.md, "Retries and idempotence"), so a relay checks its store for
   * (Message-ID, recipient) before it hands a recipient on. {@link #local()} needs no such check
   * (storing is idempotent per Message-ID and recipient) and {@link #inter()} cannot have been
   * delivered here.
   *
   * @param held whether this Relay/Server already holds the item for a recipient
   * @return this decision when no intra-MMSE recipient is held, else a new one; groups left
   *     empty are dropped
   */
  public RouteDecision exceptHeldHere(Predicate<? super Recipient> held) {
    Objects.requireNonNull(held, "held");
    // Asked once per recipient (a store lookup), and nothing made when none is held.
    List<Recipient> found = null;
    for (List<Recipient> group : intra.values()) {
      for (Recipient r : group) {
        if (held.test(r)) {
          if (found == null) {
            found = new ArrayList<>(heldHere);
          }
          found.add(r);
        }
      }
    }
    if (found == null) {
      return this;
    }
    Set<Recipient> out = new HashSet<>(found);
    Map<RelayId, List<Recipient>> rest = new LinkedHashMap<>();
    for (Map.Entry<RelayId, List<Recipient>> e : intra.entrySet()) {
      List<Recipient> kept = new ArrayList<>(e.getValue());
      kept.removeIf(out::contains);
      if (!kept.isEmpty()) {
        rest.put(e.getKey(), kept);
      }
    }
    return new RouteDecision(
        local, rest, new LinkedHashMap<>(inter), rejected, found, tableVersion, forgedMessageId);
  }

  /** The routing-data version this decision was made with. */
  public long tableVersion() {
    return tableVersion;
  }

  /**
   * For reports: the Message-ID had the minted format but its MAC did not verify, so it was
   * routed by the routing data instead (and should be logged).
   */
  public boolean forgedMessageId() {
    return forgedMessageId;
  }

  /** The number of recipients in the decision (local + intra + inter + rejected + held here). */
  public int size() {
    int n = local.size() + rejected.size() + heldHere.size();
    for (List<Recipient> l : intra.values()) {
      n += l.size();
    }
    for (List<Recipient> l : inter.values()) {
      n += l.size();
    }
    return n;
  }

  @Override
  public String toString() {
    return "RouteDecision{table="
        + tableVersion
        + ", local="
        + local
        + ", intra="
        + intra
        + ", inter="
        + inter
        + ", rejected="
        + rejected
        + (heldHere.isEmpty() ? "" : ", heldHere=" + heldHere)
        + "}";
  }

  /** Collects a decision; allocates a group only when it gets its first recipient. */
  static final class Collector {
    private List<Recipient> local;
    private Map<RelayId, List<Recipient>> intra;
    private Map<String, List<Recipient>> inter;
    private List<Rejection> rejected;

    void local(Recipient r) {
      if (local == null) {
        local = new ArrayList<>(2);
      }
      local.add(r);
    }

    void intra(RelayId relay, Recipient r) {
      if (intra == null) {
        intra = new LinkedHashMap<>(4);
      }
      intra.computeIfAbsent(relay, k -> new ArrayList<>(2)).add(r);
    }

    void inter(String domain, Recipient r) {
      if (inter == null) {
        inter = new LinkedHashMap<>(4);
      }
      inter.computeIfAbsent(domain, k -> new ArrayList<>(2)).add(r);
    }

    void reject(String address, ResponseStatus status, String reason) {
      if (rejected == null) {
        rejected = new ArrayList<>(2);
      }
      rejected.add(new Rejection(address, status, reason));
    }

    RouteDecision build(long tableVersion, boolean forged) {
      return new RouteDecision(local, intra, inter, rejected, null, tableVersion, forged);
    }
  }
}
