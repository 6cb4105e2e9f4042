package org.mmsstack.routing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import org.mmsstack.routing.internal.Canonical;
import org.mmsstack.routing.internal.Ed25519;

/**
 * Signs the routing fields of a hop with one Relay/Server's Ed25519 key. The signature covers
 * the canonical serialisation of the fields and the {@link MessageIdentity} (see
 * {@code docs/routing-extension.md}, "Signature input"), including the key id. Sign once per
 * transmission attempt, with issued-at set to the attempt's time, so that a retried hop is
 * not refused as stale. Thread-safe.
 *
 * <pre>{@code
 * RoutingSigner signer = RoutingSigner.fromSeed("rs-a-2026", RelayId.of("rs-a"), seed);
 * RoutingFields signed = signer.sign(fields, RoutingPdus.identity(pdu));
 * Pdu out = RoutingPdus.attach(pdu, signed);
 * }</pre>
 */
@Provisional
public final class RoutingSigner {

  private final String keyId;
  private final RelayId owner;
  private final Ed25519 key;

  private RoutingSigner(String keyId, RelayId owner, Ed25519 key) {
    RoutingSignature.checkKeyId(keyId);
    this.keyId = keyId;
    this.owner = Objects.requireNonNull(owner, "owner");
    this.key = key;
  }

  /**
   * A signer from a 32-octet Ed25519 private key seed (copied).
   *
   * @throws IllegalArgumentException on a bad key id or seed length
   */
  public static RoutingSigner fromSeed(String keyId, RelayId owner, byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length != Ed25519.KEY_LENGTH) {
      throw new IllegalArgumentException("seed: " + seed.length + " octets (expected: 32)");
    }
    return new RoutingSigner(keyId, owner, Ed25519.fromSeed(seed.clone()));
  }

  /** A signer with a fresh key. */
  public static RoutingSigner generate(String keyId, RelayId owner, SecureRandom random) {
    return new RoutingSigner(keyId, owner, Ed25519.generate(random));
  }

  /** The key id written into signatures. */
  public String keyId() {
    return keyId;
  }

  /** The Relay/Server this key belongs to. */
  public RelayId owner() {
    return owner;
  }

  /** The 32-octet public key, to publish in the key ring. */
  public byte[] publicKey() {
    return key.publicKey();
  }

  /** This signer's public key as a ring entry valid in [notBefore, notAfter). */
  public KeyRing.TrustedKey trustedKey(Instant notBefore, Instant notAfter) {
    return KeyRing.TrustedKey.of(keyId, owner, key.publicKey(), notBefore, notAfter);
  }

  /**
   * The fields with this signer's signature (any earlier signature is replaced).
   *
   * @throws IllegalArgumentException when this signer's Relay/Server is not the sender of the
   *     hop (the last element of the path): a Relay/Server signs only the hops it sends
   */
  public RoutingFields sign(RoutingFields fields, MessageIdentity identity) {
    if (!fields.sender().equals(owner)) {
      throw new IllegalArgumentException(
          "fields: sent by " + fields.sender() + " but this key belongs to " + owner);
    }
    byte[] sig =
        key.sign(Canonical.encode(keyId, fields, Objects.requireNonNull(identity, "identity")));
    return fields.toBuilder().signature(RoutingSignature.trusted(keyId, sig)).build();
  }
}
