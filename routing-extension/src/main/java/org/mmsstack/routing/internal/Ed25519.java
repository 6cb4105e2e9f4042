package org.mmsstack.routing.internal;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The Bouncy Castle calls, in one place so that BC types never appear in the public API.
 * Pure Ed25519 (RFC 8032, no context, no prehash) through BC's low-level parameters classes:
 * no JCA provider registration, and the private key object caches its public key, so signing
 * costs one scalar multiplication.
 */
public final class Ed25519 {

  /** Octets of a private key seed and of a public key. */
  public static final int KEY_LENGTH = 32;

  /** Octets of a signature. */
  public static final int SIGNATURE_LENGTH = 64;

  private final Ed25519PrivateKeyParameters key;

  private Ed25519(Ed25519PrivateKeyParameters key) {
    this.key = key;
  }

  /** A private key from its 32-octet seed. */
  public static Ed25519 fromSeed(byte[] seed) {
    return new Ed25519(new Ed25519PrivateKeyParameters(seed, 0));
  }

  /** A fresh private key. */
  public static Ed25519 generate(SecureRandom random) {
    return new Ed25519(new Ed25519PrivateKeyParameters(random));
  }

  /** The 32-octet public key. */
  public byte[] publicKey() {
    return key.generatePublicKey().getEncoded();
  }

  /** The 32-octet seed. */
  public byte[] seed() {
    return key.getEncoded();
  }

  /** Signs a message. */
  public byte[] sign(byte[] message) {
    byte[] sig = new byte[SIGNATURE_LENGTH];
    key.sign(
        org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519,
        null,
        message,
        0,
        message.length,
        sig,
        0);
    return sig;
  }

  /** A public key ready for verification (decoded once, reused). */
  public static Object publicKey(byte[] encoded) {
    return new Ed25519PublicKeyParameters(encoded, 0);
  }

  /** Verifies a signature with a key from {@link #publicKey(byte[])}. */
  public static boolean verify(Object publicKey, byte[] message, byte[] signature) {
    return ((Ed25519PublicKeyParameters) publicKey)
        .verify(
            org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519,
            null,
            message,
            0,
            message.length,
            signature,
            0);
  }
}
