package org.mmsstack.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.mmsstack.routing.internal.Canonical;
import org.mmsstack.routing.internal.Ed25519;

/**
 * Verifies the signature on received routing fields. Checks, in order: a signature is present;
 * its key id is in the {@link KeyRing}; the key is valid now; the key belongs to the sender of
 * the hop (last path element); issued-at lies within the replay window (not older than
 * {@code maxAge}, not more than {@code maxSkew} in the future); the Ed25519 signature verifies
 * over the canonical input. Thread-safe and stateless.
 *
 * <p>The window bounds how long a captured hop can be replayed; a replay inside it is harmless
 * because home Relay/Servers deliver idempotently per (Message-ID, recipient). Stateless by
 * choice: a seen-signature cache would be per-relay state that fails over badly.
 */
@Provisional
public final class RoutingVerifier {

  /** Five minutes: a hop is signed when sent, so it is seconds old on arrival. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  /** One minute of tolerated clock difference between Relay/Servers. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(1);

  private final KeyRing ring;
  private final long maxAge;
  private final long maxSkew;

  private RoutingVerifier(KeyRing ring, Duration maxAge, Duration maxSkew) {
    this.ring = Objects.requireNonNull(ring, "ring");
    if (maxAge.isNegative() || maxSkew.isNegative()) {
      throw new IllegalArgumentException(
          "maxAge/maxSkew: " + maxAge + "/" + maxSkew + " (expected: not negative)");
    }
    this.maxAge = maxAge.toSeconds();
    this.maxSkew = maxSkew.toSeconds();
  }

  /** A verifier with the default window. */
  public static RoutingVerifier of(KeyRing ring) {
    return new RoutingVerifier(ring, DEFAULT_MAX_AGE, DEFAULT_MAX_SKEW);
  }

  /** A verifier with a custom window. */
  public static RoutingVerifier of(KeyRing ring, Duration maxAge, Duration maxSkew) {
    return new RoutingVerifier(ring, maxAge, maxSkew);
  }

  /**
   * Verifies the fields of a received hop.
   *
   * @param fields the parsed fields
   * @param identity the identity recomputed from the received message
   * @param now the receiver's clock
   * @return the trusted key that verified
   * @throws RoutingFieldException with reason UNSIGNED, UNKNOWN_KEY, KEY_NOT_VALID,
   *     WRONG_SIGNER, STALE, FUTURE or BAD_SIGNATURE
   */
  public KeyRing.TrustedKey verify(RoutingFields fields, MessageIdentity identity, Instant now)
      throws RoutingFieldException {
    RoutingSignature sig = fields.signatureOrNull();
    if (sig == null) {
      throw RoutingFieldException.unsigned();
    }
    KeyRing.TrustedKey key = ring.find(sig.keyId()).orElse(null);
    if (key == null) {
      throw RoutingFieldException.unknownKey(sig.keyId());
    }
    if (now.isBefore(key.notBefore())) {
      throw RoutingFieldException.keyNotValid(
          sig.keyId(), "is not valid before " + key.notBefore());
    }
    if (!now.isBefore(key.notAfter())) {
      throw RoutingFieldException.keyNotValid(sig.keyId(), "expired at " + key.notAfter());
    }
    if (!key.owner().equals(fields.sender())) {
      throw RoutingFieldException.wrongSigner(sig.keyId(), key.owner(), fields.sender());
    }
    long age = now.getEpochSecond() - fields.issuedAt().getEpochSecond();
    if (age > maxAge) {
      throw RoutingFieldException.stale(age, maxAge);
    }
    if (-age > maxSkew) {
      throw RoutingFieldException.future(-age, maxSkew);
    }
    byte[] input =
        Canonical.encode(sig.keyId(), fields, Objects.requireNonNull(identity, "identity"));
    if (!Ed25519.verify(key.decoded(), input, sig.valueUnsafe())) {
      throw RoutingFieldException.badSignature(sig.keyId());
    }
    return key;
  }
}
