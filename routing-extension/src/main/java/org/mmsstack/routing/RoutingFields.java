package org.mmsstack.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing extension fields of one hop between two Relay/Servers of the MMSE (version 1).
 * Immutable; build with {@link #builder()}, change with {@link #toBuilder()}.
 *
 * <ul>
 *   <li>{@link #entry()}: the Relay/Server where the item entered the MMSE (from a phone, MM7
 *       or a foreign MMSE);</li>
 *   <li>{@link #home()}: the originator's home Relay/Server (reports go there);</li>
 *   <li>{@link #path()}: every Relay/Server that has sent this item on, in order, the sender of
 *       this hop last; its length is the hop count;</li>
 *   <li>{@link #hopLimit()}: the most hops the item may take inside the MMSE;</li>
 *   <li>{@link #tableVersion()}: the routing-data version the sender of this hop decided with;</li>
 *   <li>{@link #charging()}: the one Relay/Server that charges the originator for this item;</li>
 *   <li>{@link #recipients()}: the recipients this hop hands over (a subset of To/Cc/Bcc, or
 *       the report's destination): the receiver acts on these only;</li>
 *   <li>{@link #issuedAt()}: when the sender signed the hop (whole seconds);</li>
 *   <li>{@link #signature()}: the sender's signature, absent until signed.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; its {@link Builder} is not thread-safe.
 */
@Provisional
public final class RoutingFields {

  /** The extension version this library writes and reads. */
  public static final int VERSION = 1;

  /** The hop limit a fresh item gets. */
  public static final int DEFAULT_HOP_LIMIT = 8;

  /** The largest hop limit (and so the longest path) accepted. */
  public static final int MAX_HOP_LIMIT = 32;

  /** The most recipients one hop may hand over. */
  public static final int MAX_RECIPIENTS = 1000;

  private final RelayId entry;
  private final RelayId home;
  private final List<RelayId> path;
  private final int hopLimit;
  private final long tableVersion;
  private final RelayId charging;
  private final List<Recipient> recipients;
  private final Instant issuedAt;
  private final RoutingSignature signature;

  private RoutingFields(Builder b) {
    this.entry = b.entry;
    this.home = b.home;
    this.path = List.copyOf(b.path);
    this.hopLimit = b.hopLimit;
    this.tableVersion = b.tableVersion;
    this.charging = b.charging;
    this.recipients = List.copyOf(b.recipients);
    this.issuedAt = b.issuedAt;
    this.signature = b.signature;
  }

  /** A builder with the default hop limit and nothing else set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these fields, the signature included; setting any field on it removes the
   * signature, which covers them all.
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.entry = entry;
    b.home = home;
    b.path.addAll(path);
    b.hopLimit = hopLimit;
    b.tableVersion = tableVersion;
    b.charging = charging;
    b.recipients.addAll(recipients);
    b.issuedAt = issuedAt;
    b.signature = signature;
    return b;
  }

  /** The extension version ({@value #VERSION}). */
  public int version() {
    return VERSION;
  }

  /** The Relay/Server where the item entered the MMSE. */
  public RelayId entry() {
    return entry;
  }

  /** The originator's home Relay/Server. */
  public RelayId home() {
    return home;
  }

  /** The Relay/Servers that sent the item on, in order; the sender of this hop is last. */
  public List<RelayId> path() {
    return path;
  }

  /** The sender of this hop (the last element of the path). */
  public RelayId sender() {
    return path.get(path.size() - 1);
  }

  /** The number of hops taken so far inside the MMSE (the path length). */
  public int hops() {
    return path.size();
  }

  /** The most hops the item may take inside the MMSE. */
  public int hopLimit() {
    return hopLimit;
  }

  /** The routing-data version the sender decided with. */
  public long tableVersion() {
    return tableVersion;
  }

  /** The Relay/Server responsible for charging the originator. */
  public RelayId charging() {
    return charging;
  }

  /** The recipients handed over by this hop, in order, without duplicates. */
  public List<Recipient> recipients() {
    return recipients;
  }

  /** When the sender issued (signed) this hop. */
  public Instant issuedAt() {
    return issuedAt;
  }

  /** The sender's signature, when signed. */
  public Optional<RoutingSignature> signature() {
    return Optional.ofNullable(signature);
  }

  RoutingSignature signatureOrNull() {
    return signature;
  }

  /** These fields without the signature (what the signature covers). */
  public RoutingFields unsigned() {
    return signature == null ? this : toBuilder().signature(null).build();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RoutingFields)) {
      return false;
    }
    RoutingFields f = (RoutingFields) o;
    return f.entry.equals(entry)
        && f.home.equals(home)
        && f.path.equals(path)
        && f.hopLimit == hopLimit
        && f.tableVersion == tableVersion
        && f.charging.equals(charging)
        && f.recipients.equals(recipients)
        && f.issuedAt.equals(issuedAt)
        && Objects.equals(f.signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        entry, home, path, hopLimit, tableVersion, charging, recipients, issuedAt, signature);
  }

  @Override
  public String toString() {
    return "RoutingFields{entry="
        + entry
        + ", home="
        + home
        + ", path="
        + path
        + ", hopLimit="
        + hopLimit
        + ", table="
        + tableVersion
        + ", charging="
        + charging
        + ", recipients="
        + recipients
        + ", issued="
        + issuedAt.getEpochSecond()
        + (signature == null ? "" : ", sig=" + signature.keyId())
        + "}";
  }

  /** Builds {@link RoutingFields}; every setter checks its argument. */
  @Provisional
  public static final class Builder {
    private RelayId entry;
    private RelayId home;
    private final List<RelayId> path = new ArrayList<>(4);
    private int hopLimit = DEFAULT_HOP_LIMIT;
    private long tableVersion = -1;
    private RelayId charging;
    private final List<Recipient> recipients = new ArrayList<>(4);
    private Instant issuedAt;
    private RoutingSignature signature;

    private Builder() {}

    /** Sets the entry Relay/Server. */
    public Builder entry(RelayId value) {
      this.entry = Objects.requireNonNull(value, "entry");
      return changed();
    }

    /** Sets the originator's home Relay/Server. */
    public Builder home(RelayId value) {
      this.home = Objects.requireNonNull(value, "home");
      return changed();
    }

    /** Replaces the path. */
    public Builder path(List<RelayId> value) {
      path.clear();
      for (RelayId r : value) {
        path.add(Objects.requireNonNull(r, "path element"));
      }
      return changed();
    }

    /** Appends a Relay/Server to the path (the sender of the next hop appends itself). */
    public Builder appendPath(RelayId value) {
      path.add(Objects.requireNonNull(value, "path element"));
      return changed();
    }

    /**
     * Sets the hop limit.
     *
     * @throws IllegalArgumentException outside 1..{@value RoutingFields#MAX_HOP_LIMIT}
     */
    public Builder hopLimit(int value) {
      if (value < 1 || value > MAX_HOP_LIMIT) {
        throw new IllegalArgumentException(
            "hopLimit: " + value + " (expected: 1 ~ " + MAX_HOP_LIMIT + ")");
      }
      this.hopLimit = value;
      return changed();
    }

    /**
     * Sets the routing-data version.
     *
     * @throws IllegalArgumentException when negative or above 10^18-1 (18 decimal digits)
     */
    public Builder tableVersion(long value) {
      if (value < 0 || value > 999_999_999_999_999_999L) {
        throw new IllegalArgumentException("tableVersion: " + value + " (expected: 0 ~ 10^18-1)");
      }
      this.tableVersion = value;
      return changed();
    }

    /** Sets the charging Relay/Server. */
    public Builder charging(RelayId value) {
      this.charging = Objects.requireNonNull(value, "charging");
      return changed();
    }

    /** Replaces the handed-over recipients (duplicates are dropped, first one kept). */
    public Builder recipients(List<Recipient> value) {
      recipients.clear();
      for (Recipient r : value) {
        addRecipient(r);
      }
      return changed();
    }

    /** Adds a handed-over recipient unless already present. */
    public Builder addRecipient(Recipient value) {
      Objects.requireNonNull(value, "recipient");
      if (!recipients.contains(value)) {
        recipients.add(value);
      }
      return changed();
    }

    /**
     * Sets issued-at, truncated to whole seconds.
     *
     * @throws IllegalArgumentException before 1970 or after year 9999
     */
    public Builder issuedAt(Instant value) {
      long s = Objects.requireNonNull(value, "issuedAt").getEpochSecond();
      if (s < 0 || s > 253_402_300_799L) {
        throw new IllegalArgumentException("issuedAt: " + value + " (expected: 1970 ~ 9999)");
      }
      this.issuedAt = Instant.ofEpochSecond(s);
      return changed();
    }

    /**
     * Sets or (with null) removes the signature. Set it last: setting any other field removes
     * it.
     */
    public Builder signature(RoutingSignature value) {
      this.signature = value;
      return this;
    }

    // A signature covers every field: once one changes it no longer verifies, so it is dropped
    // rather than carried on to be refused at the next hop. Sign the changed fields again.
    private Builder changed() {
      signature = null;
      return this;
    }

    /**
     * The fields.
     *
     * @throws IllegalStateException when a field is unset, the path is empty or longer than the
     *     hop limit, or there are no or too many recipients
     */
    public RoutingFields build() {
      if (entry == null
          || home == null
          || charging == null
          || issuedAt == null
          || tableVersion < 0) {
        throw new IllegalStateException(
            "entry, home, charging, tableVersion and issuedAt are mandatory");
      }
      if (path.isEmpty() || path.size() > hopLimit) {
        throw new IllegalStateException(
            "path: " + path.size() + " hops (expected: 1 ~ hopLimit " + hopLimit + ")");
      }
      if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
        throw new IllegalStateException(
            "recipients: " + recipients.size() + " (expected: 1 ~ " + MAX_RECIPIENTS + ")");
      }
      return new RoutingFields(this);
    }
  }
}
