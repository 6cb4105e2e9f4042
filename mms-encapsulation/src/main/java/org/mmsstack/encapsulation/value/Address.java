package org.mmsstack.encapsulation.value;

import java.util.Objects;
import java.util.Optional;

/**
 * An MMS address (OMA MMS Encapsulation section 8): an e-mail mailbox, or a device address with
 * a type suffix such as {@code +4912345678/TYPE=PLMN}, {@code 10.0.0.1/TYPE=IPv4},
 * {@code ...:.../TYPE=IPv6} or {@code value/TYPE=bearer}, or a short code.
 *
 * <p>The wire form (an {@link EncodedString}) is kept exactly; {@link #value()} and
 * {@link #typeName()} are read from it. The suffix is matched case-insensitively (AOSP writes
 * {@code IPV4}), and unknown or misspelt types (a real PDU says {@code TYPE=PLNM}) are kept as
 * written and reported as {@link Type#OTHER}.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Address {

  /** What kind of address this is. */
  public enum Type {
    /** {@code /TYPE=PLMN}: an MSISDN. */
    PLMN,
    /** {@code /TYPE=IPv4}. */
    IPV4,
    /** {@code /TYPE=IPv6}. */
    IPV6,
    /** An RFC 2822 mailbox (contains {@code @}, no type suffix). */
    EMAIL,
    /** No suffix and no {@code @}: a short code or alphanumeric address. */
    SHORT_CODE,
    /** A {@code /TYPE=} suffix naming another (or misspelt) bearer type. */
    OTHER
  }

  private static final String SUFFIX = "/TYPE=";

  private static final Type[] TYPES = Type.values();

  private final EncodedString encoded;
  // Where "/TYPE=" is and what it names, found when first asked: (index of the slash + 1) << 3
  // | (ordinal of the type + 1), 0 until then. A benign race (as String.hash): every thread
  // computes the same int from the same immutable octets. Reading an address as a header value
  // therefore costs its EncodedString and nothing more.
  private int shape;

  private Address(EncodedString encoded) {
    this.encoded = encoded;
  }

  private int shape() {
    int s = shape;
    if (s == 0) {
      s = computeShape(encoded.text());
      shape = s;
    }
    return s;
  }

  private static int computeShape(String text) {
    // The last "/TYPE=", in any case, found without an upper-case copy of the text (value() and
    // typeName() cut it when asked).
    int slash = text.lastIndexOf('/');
    while (slash >= 0 && !text.regionMatches(true, slash, SUFFIX, 0, SUFFIX.length())) {
      slash = slash == 0 ? -1 : text.lastIndexOf('/', slash - 1);
    }
    Type type;
    if (slash >= 0) {
      int t = slash + SUFFIX.length();
      type =
          isType(text, t, "PLMN")
              ? Type.PLMN
              : isType(text, t, "IPV4")
                  ? Type.IPV4
                  : isType(text, t, "IPV6") ? Type.IPV6 : Type.OTHER;
    } else {
      type = text.indexOf('@') >= 0 ? Type.EMAIL : Type.SHORT_CODE;
    }
    return (slash + 1) << 3 | (type.ordinal() + 1);
  }

  private int slash() {
    return (shape() >>> 3) - 1;
  }

  private static boolean isType(String text, int at, String name) {
    return text.length() - at == name.length()
        && text.regionMatches(true, at, name, 0, name.length());
  }

  /** The address an Encoded-string-value carries. */
  public static Address of(EncodedString encoded) {
    return new Address(Objects.requireNonNull(encoded, "encoded"));
  }

  /** An address as text, for example {@code +4912345678/TYPE=PLMN} or {@code a@example.com}. */
  public static Address parse(String text) {
    return new Address(EncodedString.of(text));
  }

  /** {@code number/TYPE=PLMN}. */
  public static Address plmn(String number) {
    return parse(number + "/TYPE=PLMN");
  }

  /** {@code address/TYPE=IPv4}. */
  public static Address ipv4(String address) {
    return parse(address + "/TYPE=IPv4");
  }

  /** {@code address/TYPE=IPv6}. */
  public static Address ipv6(String address) {
    return parse(address + "/TYPE=IPv6");
  }

  /** An e-mail address. */
  public static Address email(String mailbox) {
    return parse(mailbox);
  }

  /** The exact wire form. */
  public EncodedString encoded() {
    return encoded;
  }

  /** The whole address text, suffix included. */
  public String text() {
    return encoded.text();
  }

  /** The address without the {@code /TYPE=} suffix. */
  public String value() {
    int slash = slash();
    return slash >= 0 ? text().substring(0, slash) : text();
  }

  /** The type as written after {@code /TYPE=}; empty when there is no suffix. */
  public Optional<String> typeName() {
    int slash = slash();
    return slash >= 0 ? Optional.of(text().substring(slash + SUFFIX.length())) : Optional.empty();
  }

  /** The kind of address. */
  public Type type() {
    return TYPES[(shape() & 7) - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address && ((Address) o).encoded.equals(encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return encoded.toString();
  }
}
