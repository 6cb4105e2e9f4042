package org.mmsstack.mm4.mime;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Multipart boundaries (RFC 2046 §5.1.1): validity, choice, and the check that content cannot fake one. */
final class Boundaries {

  private Boundaries() {}

  /** RFC 2046 bchars, 1 to 70 of them, not ending in a space. */
  static boolean isValid(String b) {
    if (b.isEmpty() || b.length() > 70 || b.endsWith(" ")) {
      return false;
    }
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "'()+_,-./:=? ".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Picks a boundary derived from the content, so that building the same message twice gives
   * the same bytes. It starts with "=_", which base64 and quoted-printable output can never hold
   * at a line start; identity-encoded parts are searched, and another salt tried on a hit.
   */
  static String choose(List<MimeEntity> parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (MimeEntity p : parts) {
      h = (h ^ p.hashCode()) * 0x100000001B3L;
    }
    for (int salt = 0; ; salt++) {
      String b = "=_mm4_" + Long.toHexString(h + salt) + "_" + parts.size();
      if (!occursIn(b, parts)) {
        return b;
      }
    }
  }

  /** Whether "--boundary" occurs in the identity-encoded data of any part, at any depth. */
  static boolean occursIn(String boundary, List<MimeEntity> parts) {
    byte[] d = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    for (MimeEntity p : parts) {
      if (p.isMultipart()) {
        if (p.contentType().boundary().map(boundary::equals).orElse(false)
            || occursIn(boundary, p.parts())) {
          return true;
        }
      } else if (p.transferEncoding().map(TransferEncoding::isIdentity).orElse(true)
          && contains(p.dataArray(), p.dataOffset(), p.dataSize(), d)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(byte[] hay, int off, int len, byte[] needle) {
    outer:
    for (int i = off, end = off + len - needle.length; i <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
