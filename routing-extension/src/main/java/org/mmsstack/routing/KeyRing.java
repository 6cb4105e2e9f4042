package org.mmsstack.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.routing.internal.Ed25519;

/**
 * The public keys the MMSE trusts for routing signatures, by key id. Each key belongs to one
 * Relay/Server and has a validity period; several keys of one Relay/Server may be live at once,
 * which is how keys rotate: publish the new key, start signing with it, retire the old one
 * after the replay window has passed. Distributed with the routing data. Immutable.
 *
 * <p>Immutable and thread-safe (the key octets are copied in and out); its {@link Builder} is not thread-safe.
 */
@Provisional
public final class KeyRing {

  /** One trusted public key. */
  @Provisional
  public static final class TrustedKey {
    private final String keyId;
    private final RelayId owner;
    private final byte[] publicKey;
    private final Instant notBefore;
    private final Instant notAfter;
    private final Object decoded;

    private TrustedKey(
        String keyId, RelayId owner, byte[] publicKey, Instant notBefore, Instant notAfter) {
      RoutingSignature.checkKeyId(keyId);
      this.keyId = keyId;
      this.owner = Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(publicKey, "publicKey");
      if (publicKey.length != Ed25519.KEY_LENGTH) {
        throw new IllegalArgumentException(
            "publicKey: " + publicKey.length + " octets (expected: 32)");
      }
      this.publicKey = publicKey.clone();
      this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
      this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
      if (!notAfter.isAfter(notBefore)) {
        throw new IllegalArgumentException(
            "notAfter: " + notAfter + " (expected: after notBefore " + notBefore + ")");
      }
      try {
        this.decoded = Ed25519.publicKey(this.publicKey);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "publicKey: not an Ed25519 point (" + e.getMessage() + ")", e);
      }
    }

    /**
     * A trusted key valid from notBefore (inclusive) to notAfter (exclusive).
     *
     * @throws IllegalArgumentException on a bad key id, a key that is not 32 octets or not a
     *     curve point, or an empty period
     */
    public static TrustedKey of(
        String keyId, RelayId owner, byte[] publicKey, Instant notBefore, Instant notAfter) {
      return new TrustedKey(keyId, owner, publicKey, notBefore, notAfter);
    }

    /** The key id. */
    public String keyId() {
      return keyId;
    }

    /** The Relay/Server that holds the private key. */
    public RelayId owner() {
      return owner;
    }

    /** The 32-octet Ed25519 public key (a copy). */
    public byte[] publicKey() {
      return publicKey.clone();
    }

    /** Start of validity, inclusive. */
    public Instant notBefore() {
      return notBefore;
    }

    /** End of validity, exclusive. */
    public Instant notAfter() {
      return notAfter;
    }

    /** Whether the key is valid at an instant. */
    public boolean isValidAt(Instant t) {
      return !t.isBefore(notBefore) && t.isBefore(notAfter);
    }

    Object decoded() {
      return decoded;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof TrustedKey)) {
        return false;
      }
      TrustedKey k = (TrustedKey) o;
      return k.keyId.equals(keyId)
          && k.owner.equals(owner)
          && Arrays.equals(k.publicKey, publicKey)
          && k.notBefore.equals(notBefore)
          && k.notAfter.equals(notAfter);
    }

    @Override
    public int hashCode() {
      return keyId.hashCode();
    }

    @Override
    public String toString() {
      return "TrustedKey{" + keyId + " of " + owner + ", " + notBefore + " .. " + notAfter + "}";
    }
  }

  private final Map<String, TrustedKey> byId;

  private KeyRing(Map<String, TrustedKey> byId) {
    this.byId = byId;
  }

  /** A ring of these keys. */
  public static KeyRing of(List<TrustedKey> keys) {
    Builder b = builder();
    keys.forEach(b::add);
    return b.build();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The key with this id, whatever its validity. */
  public Optional<TrustedKey> find(String keyId) {
    return Optional.ofNullable(byId.get(keyId));
  }

  /** Every key, in key id order. */
  public List<TrustedKey> keys() {
    List<TrustedKey> l = new ArrayList<>(byId.values());
    l.sort((a, b) -> a.keyId.compareTo(b.keyId));
    return List.copyOf(l);
  }

  /** Builds a {@link KeyRing}. */
  @Provisional
  public static final class Builder {
    private final Map<String, TrustedKey> byId = new HashMap<>();

    private Builder() {}

    /**
     * Adds a key.
     *
     * @throws IllegalArgumentException when the key id is already taken
     */
    public Builder add(TrustedKey key) {
      Objects.requireNonNull(key, "key");
      if (byId.putIfAbsent(key.keyId, key) != null) {
        throw new IllegalArgumentException("keyId: " + key.keyId + " (already in the ring)");
      }
      return this;
    }

    /** The ring. */
    public KeyRing build() {
      return new KeyRing(Map.copyOf(byId));
    }
  }
}
