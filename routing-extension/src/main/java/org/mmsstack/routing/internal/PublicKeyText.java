package org.mmsstack.routing.internal;

import java.util.Base64;

/** The text form of an Ed25519 public key in the key ring format. Stateless and thread-safe. */
public final class PublicKeyText {

  private PublicKeyText() {}

  /**
   * 32 octets from base64 (standard alphabet) or base64url, padding optional, or null. The text
   * must be the canonical encoding of what it decodes to, so that one key has one spelling per
   * alphabet (no stray low bits in the last character).
   */
  public static byte[] decode(String text) {
    boolean url = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    boolean std = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
    if (url && std) {
      return null;
    }
    String bare = text.endsWith("=") ? text.substring(0, text.length() - 1) : text;
    if (bare.length() != 43) {
      return null;
    }
    byte[] v;
    try {
      v = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(bare);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (v.length != 32) {
      return null;
    }
    String again =
        (url ? Base64.getUrlEncoder() : Base64.getEncoder()).withoutPadding().encodeToString(v);
    return again.equals(bare) ? v : null;
  }
}
