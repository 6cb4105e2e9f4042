package org.mmsstack.mm4.smtp;

import java.util.Locale;
import java.util.Objects;
import org.mmsstack.mm4.smtp.internal.AddressSyntax;

/**
 * A mailbox as SMTP carries it in a path (RFC 5321 section 4.1.2): a local part and a domain or
 * address literal. Immutable.
 *
 * <p>The local part is kept <em>decoded</em> (without quotes or backslashes);
 * {@link #toSmtpString()} writes it as a Dot-string when it is one and as a Quoted-string
 * otherwise, as RFC 5321 asks. The MM4 address form {@code +4912345678/TYPE=PLMN} consists only
 * of {@code atext} characters ({@code +}, {@code /} and {@code =} are atext), so it is a
 * Dot-string and goes on the wire unquoted:
 * <pre>{@code
 * SmtpAddress a = SmtpAddress.parse("+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs");
 * a.toSmtpString();  // "+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs"
 * SmtpAddress.of("john smith", "example.org").toSmtpString();  // "\"john smith\"@example.org"
 * }</pre>
 *
 * <p>Only US-ASCII is accepted (SMTPUTF8 is not supported). Local parts compare case-sensitively
 * (RFC 5321 section 2.4), domains case-insensitively.
 */
public final class SmtpAddress {
  private final String localPart;
  private final String domain;

  private SmtpAddress(String localPart, String domain) {
    this.localPart = localPart;
    this.domain = domain;
  }

  /**
   * Makes an address from a decoded local part and a domain (or an address literal such as
   * {@code [192.0.2.1]}).
   *
   * @throws IllegalArgumentException naming the problem when either part breaks RFC 5321
   */
  public static SmtpAddress of(String localPart, String domain) {
    Objects.requireNonNull(localPart, "localPart");
    Objects.requireNonNull(domain, "domain");
    String problem = AddressSyntax.checkLocalPart(localPart);
    if (problem == null) {
      problem = AddressSyntax.checkDomain(domain);
    }
    if (problem == null
        && AddressSyntax.encodeLocalPart(localPart).length() + domain.length() + 3
            > AddressSyntax.MAX_PATH) {
      problem = "path longer than " + AddressSyntax.MAX_PATH + " octets";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid SMTP address '" + localPart + "@" + domain + "': " + problem);
    }
    return new SmtpAddress(localPart, domain);
  }

  /**
   * Parses the wire form {@code local-part@domain} (no angle brackets); the local part may be a
   * Dot-string or a Quoted-string.
   *
   * @throws IllegalArgumentException naming the problem when the text is not a valid mailbox
   */
  public static SmtpAddress parse(String mailbox) {
    Objects.requireNonNull(mailbox, "mailbox");
    String[] parts = AddressSyntax.parseMailbox(mailbox);
    if (parts[0] == null) {
      throw new IllegalArgumentException("invalid SMTP address '" + mailbox + "': " + parts[1]);
    }
    return of(parts[0], parts[1]);
  }

  /** The decoded local part: no surrounding quotes, no backslash escapes. */
  public String localPart() {
    return localPart;
  }

  /** The domain or address literal, as given. */
  public String domain() {
    return domain;
  }

  /** Whether the local part must travel as a Quoted-string (it is not a Dot-string). */
  public boolean localPartNeedsQuoting() {
    return !AddressSyntax.isDotString(localPart);
  }

  /** The mailbox as it goes between the angle brackets of a MAIL FROM or RCPT TO path. */
  public String toSmtpString() {
    return AddressSyntax.encodeLocalPart(localPart) + "@" + domain;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmtpAddress
        && ((SmtpAddress) o).localPart.equals(localPart)
        && ((SmtpAddress) o).domain.equalsIgnoreCase(domain);
  }

  @Override
  public int hashCode() {
    return localPart.hashCode() * 31 + domain.toLowerCase(Locale.ROOT).hashCode();
  }

  /** Same as {@link #toSmtpString()}. */
  @Override
  public String toString() {
    return toSmtpString();
  }
}
