package org.mmsstack.mm4;

import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.internal.mime.Syntax;

/**
 * X-Mms-3GPP-MMS-Version: the version of TS 23.140 a Relay/Server implements, as
 * {@code major.minor.patch} ({@code 5.5.0}, {@code 6.8.0}).
 *
 * @param major the major version (the 3GPP release: 5, 6, ...)
 * @param minor the minor version
 * @param patch the patch version
 */
public record Mm4Version(int major, int minor, int patch) implements Comparable<Mm4Version> {

  /** 5.3.0. */
  public static final Mm4Version V5_3_0 = new Mm4Version(5, 3, 0);

  /** 5.5.0, what the captured operators send. */
  public static final Mm4Version V5_5_0 = new Mm4Version(5, 5, 0);

  /** 6.8.0. */
  public static final Mm4Version V6_8_0 = new Mm4Version(6, 8, 0);

  /** Checks the components. */
  public Mm4Version {
    if (major < 0 || minor < 0 || patch < 0 || major > 999 || minor > 999 || patch > 999) {
      throw new IllegalArgumentException(
          "version: " + major + "." + minor + "." + patch + " (expected: components 0 ~ 999)");
    }
  }

  /**
   * Parses {@code major.minor.patch}; {@code major.minor} is accepted as patch 0.
   *
   * @param text the header value
   * @return the version, or empty when the text is not a dotted version
   */
  public static Optional<Mm4Version> tryParse(String text) {
    Objects.requireNonNull(text, "text");
    String[] p = Syntax.strip(text).split("\\.", -1);
    if (p.length < 2 || p.length > 3) {
      return Optional.empty();
    }
    int[] v = new int[3];
    for (int i = 0; i < p.length; i++) {
      if (p[i].isEmpty() || p[i].length() > 3) {
        return Optional.empty();
      }
      for (int j = 0; j < p[i].length(); j++) {
        char c = p[i].charAt(j);
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
      }
      v[i] = Integer.parseInt(p[i]);
    }
    return Optional.of(new Mm4Version(v[0], v[1], v[2]));
  }

  @Override
  public int compareTo(Mm4Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
