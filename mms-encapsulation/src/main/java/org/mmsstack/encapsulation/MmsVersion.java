package org.mmsstack.encapsulation;

/**
 * An X-Mms-MMS-Version value: a major version 1-7 and a minor version 0-14 (15 meaning "no
 * minor"), sent as the Short-integer {@code 0x80 | major << 4 | minor}.
 *
 * <p>The four versions of OMA MMS Encapsulation have constants; any other well-formed value
 * (a PDU from a newer or older peer) is kept as it is so that it can be reported and re-encoded.
 */
public record MmsVersion(int major, int minor) implements Comparable<MmsVersion> {

  public static final MmsVersion V1_0 = new MmsVersion(1, 0);
  public static final MmsVersion V1_1 = new MmsVersion(1, 1);
  public static final MmsVersion V1_2 = new MmsVersion(1, 2);
  public static final MmsVersion V1_3 = new MmsVersion(1, 3);

  private static final MmsVersion[] BY_LOW_BITS = new MmsVersion[0x80];

  static {
    for (int b = 0; b < 0x80; b++) {
      BY_LOW_BITS[b] =
          b == 0x10
              ? V1_0
              : b == 0x11
                  ? V1_1
                  : b == 0x12 ? V1_2 : b == 0x13 ? V1_3 : new MmsVersion(b >> 4, b & 0x0F);
    }
  }

  /** Validates the ranges the wire form can carry: major 0-7, minor 0-15. */
  public MmsVersion {
    if (major < 0 || major > 7) {
      throw new IllegalArgumentException("major: " + major + " (expected: 0 ~ 7)");
    }
    if (minor < 0 || minor > 15) {
      throw new IllegalArgumentException("minor: " + minor + " (expected: 0 ~ 15)");
    }
  }

  /** The version a Short-integer octet (0x80-0xFF, high bit ignored) stands for; never allocates. */
  public static MmsVersion fromOctet(int octet) {
    return BY_LOW_BITS[octet & 0x7F];
  }

  /** The wire octet, {@code 0x80 | major << 4 | minor}. */
  public int toOctet() {
    return 0x80 | major << 4 | minor;
  }

  /** Whether this is one of the versions 1.0-1.3 that the encapsulation specification defines. */
  public boolean isDefined() {
    return major == 1 && minor <= 3;
  }

  @Override
  public int compareTo(MmsVersion o) {
    return Integer.compare(major << 4 | minor, o.major << 4 | o.minor);
  }

  @Override
  public String toString() {
    return minor == 15 ? Integer.toString(major) : major + "." + minor;
  }
}
