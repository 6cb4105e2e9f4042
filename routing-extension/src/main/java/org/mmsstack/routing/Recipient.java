package org.mmsstack.routing;

import java.util.Locale;
import java.util.Optional;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.routing.internal.Ascii;

/**
 * A recipient (or originator) address in the normal form the routing function and the routing
 * fields use. Two spellings of one subscriber ({@code +49 171 1234567/TYPE=PLMN},
 * {@code 01711234567/TYPE=PLMN}, {@code +491711234567/TYPE=PLMN@mms.mnc001.mcc262.gprs}) have
 * one normal form, so every Relay/Server routes them alike and a recipient listed twice is
 * delivered once.
 *
 * <p>Canonical text ({@link #text()}), one per kind:
 * <ul>
 *   <li>PLMN: {@code +} and 1-15 E.164 digits, e.g. {@code +491711234567};</li>
 *   <li>EMAIL: {@code local@domain}, domain in lower case, local part as written;</li>
 *   <li>IPV4 / IPV6: {@code ipv4:10.0.0.1}, {@code ipv6:} + lower-case address;</li>
 *   <li>SHORT_CODE: {@code short:} + the code as written;</li>
 *   <li>OTHER: {@code other:} + the whole address text.</li>
 * </ul>
 * The wire form in {@code X-Mms-Routing-Recipient} is the canonical text percent-encoded
 * (octets outside 0x21-0x7E, {@code %} and {@code ,}), so it is always visible ASCII.
 *
 * <p>Immutable and thread-safe.
 */
@Provisional
public final class Recipient {

  /** The kinds of address the routing data distinguishes. */
  public enum Kind {
    /** An MSISDN, routed by number range and per-number override. */
    PLMN,
    /** An e-mail address, routed by domain. */
    EMAIL,
    /** An IPv4 device address. */
    IPV4,
    /** An IPv6 device address. */
    IPV6,
    /** A short code. */
    SHORT_CODE,
    /** Anything else (another bearer type). */
    OTHER
  }

  private final Kind kind;
  private final String text; // canonical
  private final int split; // index of '@' for EMAIL, of ':' for the prefixed kinds, 0 for PLMN

  private Recipient(Kind kind, String text, int split) {
    this.kind = kind;
    this.text = text;
    this.split = split;
  }

  /**
   * The normal form of an MMS address, or empty when it cannot be routed (a PLMN number with
   * letters or more than 15 digits, an e-mail address without local part or domain).
   */
  public static Optional<Recipient> normalise(Address address, NumberPlan plan) {
    String value = address.value();
    switch (address.type()) {
      case PLMN:
        return plmn(value, plan);
      case EMAIL:
        return email(value);
      case IPV4:
        return value.isEmpty()
            ? Optional.empty()
            : Optional.of(prefixed(Kind.IPV4, "ipv4:", value));
      case IPV6:
        return value.isEmpty()
            ? Optional.empty()
            : Optional.of(prefixed(Kind.IPV6, "ipv6:", value.toLowerCase(Locale.ROOT)));
      case SHORT_CODE:
        return value.isEmpty()
            ? Optional.empty()
            : Optional.of(prefixed(Kind.SHORT_CODE, "short:", value));
      default:
        // MM4 qualifies device addresses with the MMSE domain: +49.../TYPE=PLMN@mms.example.
        String type = address.typeName().orElse("");
        if (type.length() > 5 && type.regionMatches(true, 0, "PLMN@", 0, 5)) {
          return plmn(value, plan);
        }
        return address.text().isEmpty()
            ? Optional.empty()
            : Optional.of(prefixed(Kind.OTHER, "other:", address.text()));
    }
  }

  /** {@link #normalise(Address, NumberPlan)} with {@link NumberPlan#INTERNATIONAL_ONLY}. */
  public static Optional<Recipient> normalise(Address address) {
    return normalise(address, NumberPlan.INTERNATIONAL_ONLY);
  }

  /** A PLMN recipient from E.164 digits (with or without {@code +}). */
  public static Recipient e164(String digits) {
    return plmn(digits, NumberPlan.INTERNATIONAL_ONLY)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "digits: " + Ascii.quoteShort(digits) + " (expected: 1-15 digits)"));
  }

  /**
   * A recipient from its canonical text, or null when the text is not canonical (so that one
   * recipient has exactly one text: the signature covers it).
   */
  static Recipient fromCanonical(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (text.charAt(0) == '+' && text.indexOf('@') < 0) {
      int n = text.length() - 1;
      if (n < 1 || n > 15) {
        return null;
      }
      for (int i = 1; i <= n; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
      }
      return new Recipient(Kind.PLMN, text, 0);
    }
    Kind k = null;
    String p = null;
    if (text.startsWith("ipv4:")) {
      k = Kind.IPV4;
      p = "ipv4:";
    } else if (text.startsWith("ipv6:")) {
      k = Kind.IPV6;
      p = "ipv6:";
    } else if (text.startsWith("short:")) {
      k = Kind.SHORT_CODE;
      p = "short:";
    } else if (text.startsWith("other:")) {
      k = Kind.OTHER;
      p = "other:";
    }
    if (k != null) {
      if (text.length() == p.length()
          || (k == Kind.IPV6 && !text.equals(text.toLowerCase(Locale.ROOT)))) {
        return null;
      }
      return new Recipient(k, text, p.length() - 1);
    }
    Optional<Recipient> e = email(text);
    return e.isPresent() && e.get().text.equals(text) ? e.get() : null;
  }

  /** An OTHER recipient for any text (for report destinations that cannot be normalised). */
  static Recipient opaque(String text) {
    return prefixed(Kind.OTHER, "other:", text.isEmpty() ? "-" : text);
  }

  private static Recipient prefixed(Kind kind, String prefix, String value) {
    return new Recipient(kind, prefix + value, prefix.length() - 1);
  }

  private static Optional<Recipient> plmn(String value, NumberPlan plan) {
    int n = value.length();
    StringBuilder d = new StringBuilder(16);
    boolean plus = false;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      } else if (c == '+' && d.length() == 0 && !plus) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return Optional.empty(); // letters, '*', '#': not an E.164 number
      }
    }
    String digits = d.toString();
    if (!plus) {
      String ip = plan.internationalPrefix();
      String np = plan.nationalPrefix();
      if (!ip.isEmpty() && digits.startsWith(ip)) {
        digits = digits.substring(ip.length());
      } else if (!np.isEmpty() && digits.startsWith(np)) {
        digits = plan.countryCode() + digits.substring(np.length());
      }
    }
    if (digits.isEmpty() || digits.length() > 15) {
      return Optional.empty();
    }
    return Optional.of(new Recipient(Kind.PLMN, "+" + digits, 0));
  }

  private static Optional<Recipient> email(String value) {
    String v = value;
    int lt = v.lastIndexOf('<');
    if (lt >= 0 && v.endsWith(">")) {
      v = v.substring(lt + 1, v.length() - 1); // "Name" <a@b> -> a@b
    }
    v = v.trim();
    int at = v.lastIndexOf('@');
    if (at <= 0 || at == v.length() - 1) {
      return Optional.empty();
    }
    String domain = v.substring(at + 1).toLowerCase(Locale.ROOT);
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    String canonical = v.substring(0, at) + "@" + domain;
    if (startsWithKindPrefix(canonical)) {
      // A (quoted) local part like "ipv4:x" would read back as another kind: keep it unambiguous.
      return Optional.of(prefixed(Kind.OTHER, "other:", canonical));
    }
    return Optional.of(new Recipient(Kind.EMAIL, canonical, at));
  }

  private static boolean startsWithKindPrefix(String s) {
    return s.startsWith("ipv4:")
        || s.startsWith("ipv6:")
        || s.startsWith("short:")
        || s.startsWith("other:");
  }

  /** The kind of address. */
  public Kind kind() {
    return kind;
  }

  /** The canonical text (see the class comment). */
  public String text() {
    return text;
  }

  /** For PLMN: the E.164 digits without {@code +}. */
  public Optional<String> e164() {
    return kind == Kind.PLMN ? Optional.of(text.substring(1)) : Optional.empty();
  }

  /** For EMAIL: the domain, lower case. */
  public Optional<String> domain() {
    return kind == Kind.EMAIL ? Optional.of(text.substring(split + 1)) : Optional.empty();
  }

  /** The text as it travels in {@code X-Mms-Routing-Recipient}: visible ASCII only. */
  public String wireText() {
    return Ascii.percentEncode(text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Recipient && ((Recipient) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
