package org.mmsstack.mm4.mime;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Multipart boundaries (RFC 2046 §5.1.1): validity, choice, and the check that content cannot fake
 * one.
 *
 * <p>A chosen boundary starts with {@code =_}, which neither base64 nor quoted-printable output
 * can hold: quoted-printable writes {@code =} only before two hexadecimal digits or a line break,
 * base64 only as padding at the end, and neither writes {@code _} after it. So only parts that
 * travel as they are (7bit, 8bit, binary) are searched for the delimiter; the data of base64 and
 * quoted-printable parts is never read, and choosing a boundary costs nothing per octet of them.
 */
final class Boundaries {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

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
   * Picks a boundary from the parts' header fields and data sizes (never their data), so that
   * building the same message twice gives the same bytes while nested multiparts get different
   * boundaries: {@code =_mm4_} and 16 hexadecimal digits (a fixed length, so that no chosen
   * boundary is the start of another), then {@code _} and the number of parts. Identity-encoded
   * parts are searched, and the next value tried on a hit.
   */
  static String choose(List<MimeEntity> parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (MimeEntity p : parts) {
      h = (h ^ p.headers().hashCode()) * 0x100000001B3L;
      // A parsed part written back as it was hashes its encoded length: its data size would
      // decode a body whose check was deferred, only to be hashed.
      h = (h ^ (p.raw() != null ? p.rawLen() : p.dataSize())) * 0x100000001B3L;
    }
    for (long salt = 0; salt < TRIES; salt++) {
      String b = format("=_mm4_", h + salt, parts.size());
      if (!occursIn(b, parts)) {
        return b;
      }
    }
    // Only a nested boundary that is the start of "=_mm4_" (such as "=" or "=_", which decoded
    // mail may carry) rejects every value above. Other stems follow; their delimiters are
    // searched in all data, and the number of tries stays bounded whatever the parts hold.
    for (int k = 0; k < FALLBACK_STEMS.length(); k++) {
      String stem = FALLBACK_STEMS.charAt(k) + "_mm4_";
      for (long salt = 0; salt < TRIES; salt++) {
        String b = format(stem, h + salt, parts.size());
        if (!occursIn(b, parts)) {
          return b;
        }
      }
    }
    throw new IllegalStateException(
        "no multipart boundary is free of the nested boundaries and data; give one");
  }

  /** Values tried per stem before the next stem. */
  private static final int TRIES = 16;

  private static final String FALLBACK_STEMS = "0123456789abcdefghijklmnopqrstuvwxyz";

  private static String format(String stem, long v, int parts) {
    char[] c = new char[16];
    for (int i = 15; i >= 0; i--) {
      c[i] = HEX[(int) (v & 0xf)];
      v >>>= 4;
    }
    return stem + new String(c) + "_" + parts;
  }

  /**
   * Whether {@code boundary} cannot be used around {@code parts}: its delimiter occurs in the data
   * of an identity-encoded part at any depth, or a nested multipart's boundary starts with it or
   * is the start of it (the delimiters would be confused). Base64 and quoted-printable data is
   * not read when the boundary starts with {@code =_} (see the class comment).
   */
  static boolean occursIn(String boundary, List<MimeEntity> parts) {
    byte[] d = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    return occursIn(boundary, new Search(d), boundary.startsWith("=_"), parts);
  }

  private static boolean occursIn(
      String boundary, Search delim, boolean safe, List<MimeEntity> parts) {
    for (MimeEntity p : parts) {
      if (p.isMultipart()) {
        String inner = p.contentType().boundary().orElse("");
        if (inner.startsWith(boundary) || boundary.startsWith(inner)) {
          return true;
        }
      }
      if (p.raw() != null) {
        // A parsed body written back as it was (preamble and epilogue included): its encoded
        // form is what the delimiter must not occur in.
        if (delim.in(p.raw(), p.rawOff(), p.rawLen())) {
          return true;
        }
      } else if (p.isMultipart()) {
        if (occursIn(boundary, delim, safe, p.parts())) {
          return true;
        }
      } else if ((!safe || p.transferEncoding().map(TransferEncoding::isIdentity).orElse(true))
          && delim.in(p.dataArray(), p.dataOffset(), p.dataSize())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Horspool search for one needle; its shift table is made on the first search of a long
   * haystack. Short ones (the SMIL and text parts of a usual MMS) are searched directly: making
   * the table would cost more than the search.
   */
  private static final class Search {
    /** Haystacks shorter than this are searched without the shift table. */
    private static final int DIRECT = 1024;

    private final byte[] needle;
    private int[] shift;

    Search(byte[] needle) {
      this.needle = needle;
    }

    /** Whether the needle occurs in {@code hay[off, off + len)}. */
    boolean in(byte[] hay, int off, int len) {
      int m = needle.length;
      if (len < m) {
        return false;
      }
      if (len < DIRECT) {
        return direct(hay, off, len);
      }
      int[] sh = shift;
      if (sh == null) {
        sh = new int[256];
        java.util.Arrays.fill(sh, m);
        for (int i = 0; i < m - 1; i++) {
          sh[needle[i] & 0xff] = m - 1 - i;
        }
        shift = sh;
      }
      byte last = needle[m - 1];
      int end = off + len;
      for (int i = off + m - 1; i < end; ) {
        byte c = hay[i];
        if (c == last) {
          int j = m - 2;
          int k = i - 1;
          while (j >= 0 && hay[k] == needle[j]) {
            j--;
            k--;
          }
          if (j < 0) {
            return true;
          }
        }
        i += sh[c & 0xff];
      }
      return false;
    }

    /** The same answer as the table search, by comparing at each place the first octet matches. */
    private boolean direct(byte[] hay, int off, int len) {
      int m = needle.length;
      byte first = needle[0];
      for (int i = off, last = off + len - m; i <= last; i++) {
        if (hay[i] == first) {
          int j = 1;
          while (j < m && hay[i + j] == needle[j]) {
            j++;
          }
          if (j == m) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
