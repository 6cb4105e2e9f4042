package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpAddressTest {
  @Test
  void mm4PlmnLocalPartIsADotStringAndStaysUnquoted() {
    SmtpAddress a = SmtpAddress.parse("+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs");
    assertEquals("+4912345678/TYPE=PLMN", a.localPart());
    assertEquals("mms.mnc001.mcc262.gprs", a.domain());
    assertFalse(a.localPartNeedsQuoting());
    assertEquals("+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs", a.toSmtpString());
  }

  @Test
  void ipv4TypeLocalPartIsADotStringToo() {
    SmtpAddress a = SmtpAddress.parse("192.0.2.1/TYPE=IPv4@mms.example.org");
    assertFalse(a.localPartNeedsQuoting());
  }

  @Test
  void quotesOnlyWhatNeedsQuotingAndRoundTrips() {
    SmtpAddress a = SmtpAddress.of("john \"q\" smith\\x", "example.org");
    assertTrue(a.localPartNeedsQuoting());
    assertEquals("\"john \\\"q\\\" smith\\\\x\"@example.org", a.toSmtpString());
    assertEquals(a, SmtpAddress.parse(a.toSmtpString()));
    // A needlessly quoted Dot-string is the same mailbox and is written unquoted.
    assertEquals("abc@example.org", SmtpAddress.parse("\"abc\"@example.org").toSmtpString());
    assertTrue(SmtpAddress.of("a..b", "example.org").localPartNeedsQuoting());
    assertTrue(SmtpAddress.of(".a", "example.org").localPartNeedsQuoting());
  }

  @Test
  void acceptsAddressLiterals() {
    assertEquals("[192.0.2.1]", SmtpAddress.parse("a@[192.0.2.1]").domain());
    assertEquals("[IPv6:2001:db8::1]", SmtpAddress.parse("a@[IPv6:2001:db8::1]").domain());
  }

  @Test
  void domainsCompareCaseInsensitivelyLocalPartsDoNot() {
    assertEquals(SmtpAddress.parse("a@Example.ORG"), SmtpAddress.parse("a@example.org"));
    assertEquals(
        SmtpAddress.parse("a@Example.ORG").hashCode(),
        SmtpAddress.parse("a@example.org").hashCode());
    assertNotEquals(SmtpAddress.parse("A@example.org"), SmtpAddress.parse("a@example.org"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no-at-sign",
        "@example.org",
        "a@",
        "a@-bad.org",
        "a@bad-.org",
        "a@ex..org",
        "a b@example.org",
        "a@exa mple.org",
        "\"open@example.org",
        "a@[300.1.1.1]",
        "a@[1.2.3]",
        "ä@example.org",
        "a@example.org.",
        "a\u0000b@example.org"
      })
  void rejectsInvalidAddresses(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SmtpAddress.parse(text));
    assertTrue(e.getMessage().contains("invalid SMTP address"), e.getMessage());
  }

  @Test
  void enforcesRfc5321Lengths() {
    SmtpAddress.of("x".repeat(64), "example.org");
    assertThrows(
        IllegalArgumentException.class, () -> SmtpAddress.of("x".repeat(65), "example.org"));
    assertThrows(
        IllegalArgumentException.class, () -> SmtpAddress.of("x", "a".repeat(64) + ".org"));
    String longDomain = ("d".repeat(60) + ".").repeat(3) + "d".repeat(60);
    assertThrows(IllegalArgumentException.class, () -> SmtpAddress.of("x".repeat(20), longDomain));
  }

  @Test
  void envelopeKeepsOrderDropsDuplicatesAndIsImmutable() {
    SmtpEnvelope e = SmtpEnvelope.of("", "b@example.org", "a@example.org", "b@EXAMPLE.org");
    assertTrue(e.reversePath().isEmpty());
    assertEquals("<>", e.reversePathString());
    assertEquals(
        List.of(SmtpAddress.parse("b@example.org"), SmtpAddress.parse("a@example.org")),
        e.recipients());
    assertThrows(
        UnsupportedOperationException.class,
        () -> e.recipients().add(SmtpAddress.parse("c@example.org")));
    assertThrows(IllegalArgumentException.class, () -> SmtpEnvelope.of("a@example.org"));
  }
}
