package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.validate.Mm4FindingCodes;
import org.mmsstack.mm4.value.AddressType;
import org.mmsstack.mm4.value.Mm4Address;

/** Folding, unfolding, RFC 2047 encoded words, addresses and dates. */
class HeaderTextTest {

  private static Mm4ForwardRes withSubject(String subject) {
    return Fixtures.fullForwardRes().subject(subject).build();
  }

  private static String wire(Mm4Message m) {
    return new String(Mm4Codec.encode(m), StandardCharsets.UTF_8);
  }

  @Test
  void longAsciiSubjectIsFoldedAtSpacesAndUnfoldsBack() throws Exception {
    String subject = "word ".repeat(60).strip();
    Mm4ForwardRes m = withSubject(subject);
    String text = wire(m);
    assertTrue(text.contains("Subject: word word"));
    assertTrue(text.contains("\r\n word"), "folded before a space");
    for (String line : text.split("\r\n")) {
      assertTrue(line.length() <= 78, line);
    }
    assertEquals(subject, Mm4Codec.decode(Mm4Codec.encode(m)).subject().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Grüße",
        "日本語のテキスト",
        "emoji 😀 and text",
        "  leading and trailing  ",
        "looks like =?utf-8?q?an_encoded_word?=",
        "tab\there",
        "line\r\nbreak"
      })
  void nonPlainSubjectsTravelAsEncodedWords(String subject) throws Exception {
    Mm4ForwardRes m = withSubject(subject);
    String raw = m.headers().first("Subject").orElseThrow();
    if (!subject.equals("tab\there")) {
      assertTrue(raw.startsWith("=?UTF-8?B?"), raw);
    }
    assertEquals(subject, Mm4Codec.decode(Mm4Codec.encode(m)).subject().orElseThrow());
  }

  @Test
  void longUtf8SubjectIsSplitIntoShortEncodedWords() throws Exception {
    String subject = "Übergrößenträger ".repeat(30).strip();
    Mm4ForwardRes m = withSubject(subject);
    String raw = m.headers().first("Subject").orElseThrow();
    for (String word : raw.split(" ")) {
      assertTrue(word.length() <= 75, word);
    }
    for (String line : wire(m).split("\r\n")) {
      assertTrue(line.length() <= 78, line);
    }
    assertEquals(subject, Mm4Codec.decode(Mm4Codec.encode(m)).subject().orElseThrow());
  }

  @Test
  void decodesQAndBWordsMixedWithText() throws Exception {
    byte[] in =
        Fixtures.mail(
            Fixtures.RES_HEAD
                + "Subject: Re: =?ISO-8859-1?Q?Gr=FC=DFe?= =?UTF-8?B?IGF1cyBLw7ZsbiE=?= and\n =?utf-8?q?more_text?= end\n\n");
    assertEquals(
        "Re: Grüße aus Köln! and more text end", Mm4Codec.decode(in).subject().orElseThrow());
  }

  @Test
  void undecodableEncodedWordIsKeptAndReported() throws Exception {
    byte[] in = Fixtures.mail(Fixtures.RES_HEAD + "Subject: =?x-unknown-charset?B?AAAA?= tail\n\n");
    Mm4Message m = Mm4Codec.decode(in);
    assertEquals("=?x-unknown-charset?B?AAAA?= tail", m.subject().orElseThrow());
    assertTrue(
        m.findings().stream()
            .anyMatch(
                x ->
                    x.code().equals(Mm4FindingCodes.BAD_ENCODED_WORD)
                        && x.header().filter("Subject"::equals).isPresent()));
  }

  @Test
  void unfoldsFoldedFieldsOfAnyShape() throws Exception {
    byte[] in =
        Fixtures.mail(
            "To: +4915550000001/TYPE=PLMN,\n        +4915550000002/TYPE=PLMN,\n\t+4915550000003/TYPE=PLMN\n"
                + Fixtures.RES_HEAD.replace("To: system@mms.other\n", "")
                + "X-Folded:\n  value on the next line\n\n");
    Mm4Message m = Mm4Codec.decode(in);
    assertEquals(3, m.to().size());
    assertEquals("+4915550000003", m.to().get(2).value());
    assertEquals("value on the next line", m.header("X-Folded").orElseThrow());
  }

  @Test
  void headerFactoryRejectsWhatCannotBeWritten() {
    assertThrows(IllegalArgumentException.class, () -> Mm4Header.of("Bad Name", "v"));
    assertThrows(IllegalArgumentException.class, () -> Mm4Header.of("X", "a\r\nb"));
    assertThrows(IllegalArgumentException.class, () -> Mm4Header.of("X", "a".repeat(1200)));
    assertEquals("v", Mm4Header.of("X", "  v  ").value());
  }

  @Test
  void datesReadLeniently() throws Exception {
    OffsetDateTime want = OffsetDateTime.parse("2022-01-13T01:19:21+02:00");
    for (String d :
        List.of(
            "Thu, 13 Jan 2022 01:19:21 +0200 (IST)",
            "13 Jan 2022 01:19:21 +0200",
            "Thu, 13 Jan 22 01:19:21 +0200",
            "Thu,13 Jan 2022 01:19:21 +0200")) {
      byte[] in =
          Fixtures.mail(Fixtures.RES_HEAD.replaceFirst("Date: [^\n]*", "Date: " + d) + "\n");
      assertEquals(want, Mm4Codec.decode(in).date().orElseThrow(), d);
    }
    byte[] gmt =
        Fixtures.mail(
            Fixtures.RES_HEAD.replaceFirst("Date: [^\n]*", "Date: Tue, 01 Feb 2022 22:17:44 GMT")
                + "\n");
    assertEquals(
        OffsetDateTime.parse("2022-02-01T22:17:44Z"), Mm4Codec.decode(gmt).date().orElseThrow());
    byte[] bad =
        Fixtures.mail(Fixtures.RES_HEAD.replaceFirst("Date: [^\n]*", "Date: yesterday") + "\n");
    Mm4Message badDate = Mm4Codec.decode(bad);
    assertTrue(badDate.date().isEmpty());
    assertTrue(
        badDate.findings().stream()
            .anyMatch(
                x ->
                    x.header().filter("Date"::equals).isPresent()
                        && x.code().equals(Mm4FindingCodes.INVALID_VALUE)
                        && x.line() == 3));
    assertTrue(
        badDate.findings().stream()
            .anyMatch(
                x ->
                    x.header().filter("Date"::equals).isPresent()
                        && x.code().equals(Mm4FindingCodes.INVALID_VALUE)));
  }

  @Test
  void addressesParseInEveryForm() {
    Mm4Address a = Mm4Address.parse("\"Doe, John\" <+4912345678/type=plmn@mms.mnc001.mcc262.gprs>");
    assertEquals("Doe, John", a.displayName().orElseThrow());
    assertEquals("+4912345678", a.value());
    assertEquals(AddressType.PLMN, a.type().orElseThrow());
    assertEquals("mms.mnc001.mcc262.gprs", a.domain().orElseThrow());
    assertEquals("+4912345678/TYPE=PLMN", a.localPart());
    assertEquals("PostMaster", Mm4Address.parse("PostMaster").value());
    assertEquals(AddressType.IPV4, Mm4Address.parse("10.0.0.1/TYPE=ipv4").type().orElseThrow());
    assertEquals(
        List.of(Mm4Address.of(null, "a", null, "x.org"), Mm4Address.of(null, "b", null, "y.org")),
        Mm4Address.parseList("friends: a@x.org, b@y.org (comment);"));
    assertEquals(
        "Jörg", Mm4Address.parse("=?UTF-8?Q?J=C3=B6rg?= <j@x.org>").displayName().orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> Mm4Address.parse("a@x.org, b@y.org"));
    assertThrows(IllegalArgumentException.class, () -> Mm4Address.plmn("12ab"));
    assertThrows(IllegalArgumentException.class, () -> Mm4Address.ipv4("300.1.1.1"));
  }
}
