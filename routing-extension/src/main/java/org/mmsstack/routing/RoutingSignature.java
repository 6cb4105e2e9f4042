package org.mmsstack.routing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The integrity field: an Ed25519 signature (64 octets) and the id of the key that made it.
 * Written as {@code ed25519:<key-id>:<signature in base64url without padding>}.
 *
 * <p>Immutable and thread-safe: the octets are copied in and out.
 */
@Provisional
public final class RoutingSignature {

  /** Octets of an Ed25519 signature. */
  public static final int LENGTH = 64;

  /** Longest key id accepted. */
  public static final int MAX_KEY_ID_LENGTH = 32;

  private final String keyId;
  private final byte[] value;

  private RoutingSignature(String keyId, byte[] value) {
    this.keyId = keyId;
    this.value = value;
  }

  /**
   * A signature; the octets are copied.
   *
   * @throws IllegalArgumentException when the key id is not 1-32 of {@code A-Z a-z 0-9 . _ -}
   *     or the signature is not 64 octets
   */
  public static RoutingSignature of(String keyId, byte[] value) {
    checkKeyId(keyId);
    Objects.requireNonNull(value, "value");
    if (value.length != LENGTH) {
      throw new IllegalArgumentException(
          "value: " + value.length + " octets" + " (expected: " + LENGTH + ")");
    }
    return new RoutingSignature(keyId, value.clone());
  }

  static RoutingSignature trusted(String keyId, byte[] value) {
    return new RoutingSignature(keyId, value);
  }

  /** Whether a key id is well-formed. */
  public static boolean isValidKeyId(String keyId) {
    if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < keyId.length(); i++) {
      char c = keyId.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  static void checkKeyId(String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    if (!isValidKeyId(keyId)) {
      throw new IllegalArgumentException(
          "keyId: "
              + org.mmsstack.routing.internal.Ascii.quoteShort(keyId)
              + " (expected: 1-32 of A-Z a-z 0-9 . _ -)");
    }
  }

  /** The key id. */
  public String keyId() {
    return keyId;
  }

  /** The 64 signature octets (a copy). */
  public byte[] value() {
    return value.clone();
  }

  byte[] valueUnsafe() {
    return value;
  }

  /** The header value: {@code ed25519:<key-id>:<base64url>}. */
  public String wireText() {
    return "ed25519:" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoutingSignature
        && ((RoutingSignature) o).keyId.equals(keyId)
        && Arrays.equals(((RoutingSignature) o).value, value);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return wireText();
  }
}
