package org.mmsstack.mm4.value;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.internal.mime.AddressSyntax;
import org.mmsstack.mm4.internal.mime.Syntax;

/**
 * An MM4 address (TS 23.140 §8.4, RFC 5322 §3.4): an optional display name, a local part made of
 * a {@link #value() value} and an optional {@code /TYPE=} {@link #type() suffix}, and an optional
 * domain. {@code +4912345678/TYPE=PLMN} is an MSISDN as MM4 writes it in To and From; qualified
 * with the recipient MMSE's domain ({@code +4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs}) it is
 * what SMTP's RCPT TO carries; a plain e-mail address has no type.
 *
 * <p>Immutable; equality compares every component exactly except the type token and the domain,
 * whose case is ignored.
 */
public final class Mm4Address {

  private final String displayName;
  private final String value;
  private final AddressType type;
  private final String domain;
  // toHeaderValue(), made on first use and kept (racy but idempotent: every thread makes an equal
  // string), so that an address set on many messages is formatted once.
  private String headerValue;

  private Mm4Address(String displayName, String value, AddressType type, String domain) {
    this.displayName = displayName;
    this.value = value;
    this.type = type;
    this.domain = domain;
  }

  /**
   * Creates an address from its components.
   *
   * @param displayName the display name, or null (blank counts as none; surrounding white space
   *     is dropped)
   * @param value the local part without the {@code /TYPE=} suffix: printable US-ASCII
   * @param type the suffix type, or null for none
   * @param domain the domain, or null for an unqualified address
   * @return the address
   * @throws IllegalArgumentException naming the component that is not valid
   */
  public static Mm4Address of(String displayName, String value, AddressType type, String domain) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("value: \"\" (expected: non-empty)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "value: \"" + value + "\" (expected: printable US-ASCII)");
      }
    }
    if (hasTypeSuffix(value)) {
      throw new IllegalArgumentException(
          "value: \"" + value + "\" (expected: no /TYPE= suffix; pass the type apart)");
    }
    if (domain != null) {
      if (domain.isEmpty()) {
        throw new IllegalArgumentException("domain: \"\" (expected: non-empty or null)");
      }
      for (int i = 0; i < domain.length(); i++) {
        char c = domain.charAt(i);
        if (!Syntax.isHostChar(c) && c != ':') {
          throw new IllegalArgumentException(
              "domain: \"" + domain + "\" (expected: a host name or [address literal])");
        }
      }
    }
    String name = null;
    if (displayName != null) {
      if (!Syntax.isPrintableText(displayName)) {
        throw new IllegalArgumentException(
            "displayName: \"" + displayName + "\" (expected: no control characters)");
      }
      name = Syntax.strip(displayName);
      if (name.isEmpty()) {
        name = null;
      }
    }
    return new Mm4Address(name, value, type, domain);
  }

  /**
   * Whether the printable US-ASCII {@code value} holds {@code /TYPE=} in any case (what {@code
   * value.toUpperCase(Locale.ROOT).contains("/TYPE=")} answers for it, without the copy).
   */
  private static boolean hasTypeSuffix(String value) {
    for (int i = value.indexOf('/');
        i >= 0 && i + 6 <= value.length();
        i = value.indexOf('/', i + 1)) {
      if (value.regionMatches(true, i + 1, "TYPE=", 0, 5)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An MSISDN: {@code +4912345678/TYPE=PLMN}.
   *
   * @param number an E.164 number, digits with an optional leading '+'
   * @return the unqualified PLMN address
   * @throws IllegalArgumentException if the number is not digits with an optional '+'
   */
  public static Mm4Address plmn(String number) {
    Objects.requireNonNull(number, "number");
    int start = number.startsWith("+") ? 1 : 0;
    if (number.length() == start || number.length() > 40) {
      throw new IllegalArgumentException(
          "number: \"" + number + "\" (expected: 1 ~ 39 digits, optional '+')");
    }
    for (int i = start; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "number: \"" + number + "\" (expected: digits, optional '+')");
      }
    }
    return new Mm4Address(null, number, AddressType.PLMN, null);
  }

  /** An IPv4 address: {@code 192.0.2.1/TYPE=IPv4}. */
  public static Mm4Address ipv4(String address) {
    Objects.requireNonNull(address, "address");
    String[] p = address.split("\\.", -1);
    boolean ok = p.length == 4;
    for (int i = 0; ok && i < 4; i++) {
      ok = p[i].matches("[0-9]{1,3}") && Integer.parseInt(p[i]) <= 255;
    }
    if (!ok) {
      throw new IllegalArgumentException("address: \"" + address + "\" (expected: dotted quad)");
    }
    return new Mm4Address(null, address, AddressType.IPV4, null);
  }

  /** An IPv6 address: {@code 2001:db8::1/TYPE=IPv6} (written as a quoted local part). */
  public static Mm4Address ipv6(String address) {
    Objects.requireNonNull(address, "address");
    if (!address.matches("[0-9A-Fa-f:.]{2,45}") || address.indexOf(':') < 0) {
      throw new IllegalArgumentException("address: \"" + address + "\" (expected: IPv6 text form)");
    }
    return new Mm4Address(null, address, AddressType.IPV6, null);
  }

  /**
   * Parses one address as a header carries it ({@code Name <local@domain>}, {@code local@domain},
   * {@code +4912345678/TYPE=PLMN}).
   *
   * @param text the address
   * @return the address
   * @throws IllegalArgumentException if the text is not exactly one address
   */
  public static Mm4Address parse(String text) {
    Mm4Address plain = parsePlain(Objects.requireNonNull(text, "text"));
    if (plain != null) {
      return plain;
    }
    List<Mm4Address> list = parseList(text);
    if (list.size() != 1) {
      throw new IllegalArgumentException("text: \"" + text + "\" (expected: exactly one address)");
    }
    return list.get(0);
  }

  /**
   * A bare addr-spec ({@code local@domain} or {@code local}, white space at the ends only, none of
   * {@code "(),:;<>[\]}) read in one pass, to what {@link #parseList} reads from it; null for
   * any other text, and for text that is not an address (the full reader then says why).
   */
  private static final boolean[] NOT_PLAIN = new boolean[0x80];

  static {
    for (char c : "\"(),:;<>[\\]".toCharArray()) {
      NOT_PLAIN[c] = true;
    }
  }

  private static Mm4Address parsePlain(String text) {
    String e = Syntax.strip(text);
    int n = e.length();
    if (n == 0) {
      return null;
    }
    int at = -1;
    for (int i = 0; i < n; i++) {
      char c = e.charAt(i);
      if (c <= ' ' || c >= 0x7f || NOT_PLAIN[c]) {
        return null;
      }
      if (c == '@') {
        at = i;
      }
    }
    if (at == 0 || at == n - 1) {
      return null;
    }
    String local = at < 0 ? e : e.substring(0, at);
    String domain = at < 0 ? null : e.substring(at + 1);
    String value = local;
    AddressType type = null;
    // The last "/TYPE=" in any case; it starts with the last '/' that starts one.
    for (int t = local.lastIndexOf('/'); t >= 0; t = local.lastIndexOf('/', t - 1)) {
      if (local.regionMatches(true, t, "/TYPE=", 0, 6)) {
        value = local.substring(0, t);
        try {
          type = AddressType.of(local.substring(t + 6));
        } catch (IllegalArgumentException x) {
          return null;
        }
        break;
      }
    }
    try {
      return of(null, value, type, domain);
    } catch (IllegalArgumentException x) {
      return null;
    }
  }

  /**
   * Parses an RFC 5322 address list; group names are dropped, their members kept.
   *
   * @param text the header value
   * @return the addresses
   * @throws IllegalArgumentException naming the first entry that is not an address
   */
  public static List<Mm4Address> parseList(String text) {
    Objects.requireNonNull(text, "text");
    String[] bad = new String[1];
    List<Mm4Address> list =
        AddressSyntax.parseList(
            text,
            e -> {
              if (bad[0] == null) {
                bad[0] = e;
              }
            });
    if (bad[0] != null) {
      throw new IllegalArgumentException(
          "text: \"" + text + "\" (not an address: \"" + bad[0] + "\")");
    }
    return List.copyOf(list);
  }

  /** @return the display name, if any */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /** @return the local part without its {@code /TYPE=} suffix, e.g. {@code +4912345678} */
  public String value() {
    return value;
  }

  /** @return the {@code /TYPE=} suffix type, if the local part has one */
  public Optional<AddressType> type() {
    return Optional.ofNullable(type);
  }

  /** @return the domain, if the address is qualified */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** @return the whole local part, suffix included: {@code +4912345678/TYPE=PLMN} */
  public String localPart() {
    return type == null ? value : value + "/TYPE=" + type.token();
  }

  /** @return whether this is an MSISDN ({@code /TYPE=PLMN}) */
  public boolean isPlmn() {
    return AddressType.PLMN.equals(type);
  }

  /** @return the addr-spec (local part, quoted if it must be, and {@code @domain} if qualified) */
  public String addrSpec() {
    return AddressSyntax.addrSpec(localPart(), domain);
  }

  /** @return a copy with this display name (null for none) */
  public Mm4Address withDisplayName(String name) {
    return of(name, value, type, domain);
  }

  /** @return a copy qualified with {@code domain} (null to unqualify) */
  public Mm4Address withDomain(String newDomain) {
    return of(displayName, value, type, newDomain);
  }

  /** @return the address as a header writes it (display name quoted or RFC 2047-encoded as needed) */
  public String toHeaderValue() {
    String v = headerValue;
    if (v == null) {
      v = AddressSyntax.format(displayName, localPart(), domain);
      headerValue = v;
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Mm4Address)) {
      return false;
    }
    Mm4Address a = (Mm4Address) o;
    return Objects.equals(displayName, a.displayName)
        && value.equals(a.value)
        && Objects.equals(type, a.type)
        && (domain == null
            ? a.domain == null
            : a.domain != null && domain.equalsIgnoreCase(a.domain));
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        displayName, value, type, domain == null ? null : domain.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return toHeaderValue();
  }
}
