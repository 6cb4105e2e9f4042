package org.mmsstack.mm4.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.internal.mime.Folding;
import org.mmsstack.mm4.value.AddressType;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * Built fields are checked when they are made and written by the writer: what it writes is the
 * field folded as {@link Folding#line} folds it, and errors stay at {@link Mm4Header#of}.
 */
class BuiltFieldsTest {

  private static byte[] written(Mm4Header h) {
    byte[] out = new byte[h.lineSize()];
    assertEquals(out.length, h.putLine(out, 0));
    return out;
  }

  private static String text(Mm4Header h) {
    return new String(written(h), StandardCharsets.UTF_8);
  }

  @Test
  void theWriterWritesTheFoldedField() {
    SplittableRandom r = new SplittableRandom(3);
    String[] words = {
      "a", "word", "longer-word", "\u00e9t\u00e9", "\u6f22\u5b57", "\ud83d\ude00", ""
    };
    for (int round = 0; round < 5_000; round++) {
      StringBuilder v = new StringBuilder();
      int n = r.nextInt(0, 40);
      for (int i = 0; i < n; i++) {
        v.append(words[r.nextInt(words.length)]).append(r.nextInt(8) == 0 ? "  " : " ");
      }
      String name = r.nextBoolean() ? "Subject" : "X-Private-Name-" + r.nextInt(1000);
      Mm4Header h = Mm4Header.of(name, v.toString());
      byte[] expected = Folding.line(name, v.toString().strip());
      assertArrayEquals(expected, written(h), v::toString);
      assertArrayEquals(expected, h.line(), v::toString);
      // Written twice, the same (a folded field is kept after its first write).
      assertArrayEquals(expected, written(h), v::toString);
    }
    assertEquals("Subject:\r\n", text(Mm4Header.of("Subject", "  ")));
    String exact = "x".repeat(78 - "Subject: ".length());
    assertEquals("Subject: " + exact + "\r\n", text(Mm4Header.of("Subject", exact)));
  }

  @Test
  void badFieldsFailWhenMade() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mm4Header.of("Subject", "a\r\nb"));
    assertEquals(
        "value of Subject: contains CR, LF or NUL at index 1 (expected: an unfolded value)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Mm4Header.of("Subject", "ab\n"));
    assertTrue(e.getMessage().contains("index 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Mm4Header.of("Bad Name", "x"));
    assertTrue(e.getMessage().startsWith("name: \"Bad Name\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Mm4Header.of("", "x"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Mm4Header.of("X-Long", "y".repeat(1_000)));
    assertTrue(e.getMessage().contains("998-octet"), e.getMessage());
    // Long, but foldable: fine, and folded within 998 octets per line.
    Mm4Header ok = Mm4Header.of("X-Long", ("z".repeat(500) + " ").repeat(3));
    for (String line : text(ok).split("\r\n")) {
      assertTrue(line.length() <= 998);
    }
  }

  @Test
  void aBuiltContentTypeReadsAsTheTypeItWasMadeFrom() {
    List<ContentType> types =
        List.of(
            ContentType.of("multipart", "related")
                .withParameter("type", "application/smil")
                .withParameter("start", "<smil>")
                .withParameter("boundary", "=_mm4_0123456789abcdef_3"),
            ContentType.of("text", "plain").withParameter("charset", "utf-8"),
            ContentType.of("text", "plain").withParameter("name", " spaced "),
            ContentType.of("text", "plain").withParameter("name", "a \"quoted\" (comment)"),
            ContentType.of("text", "plain").withParameter("name", "\u00e9t\u00e9.txt"),
            ContentType.of("image", "jpeg"),
            // A parameter name that is not a token (read leniently from a received field): its
            // text reads back differently, so the built field must not keep the type itself.
            ContentType.tryParse("text/plain; x\"y=1; z=2").orElseThrow());
    for (ContentType t : types) {
      Mm4Header h = Mm4Header.contentType(t);
      assertEquals(ContentType.parse(h.value()), h.contentTypeValue().orElseThrow(), t::toString);
      if (t.readsBackPlainly()) {
        assertEquals(t, ContentType.parse(t.toString()), t::toString);
      }
    }
  }

  /** The plain reading as it was checked before the formatter found it on its way. */
  private static boolean readsBackPlainlyModel(String[] kv) {
    for (int i = 0; i < kv.length; i += 2) {
      String k = kv[i];
      boolean token = !k.isEmpty();
      for (int j = 0; j < k.length(); j++) {
        char c = k.charAt(j);
        token &= c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
      }
      if (k.indexOf('*') >= 0 || !token) {
        return false;
      }
      String v = kv[i + 1];
      int n = v.length();
      if (n == 0 || v.charAt(0) == ' ' || v.charAt(n - 1) == ' ') {
        return false;
      }
      for (int j = 0; j < n; j++) {
        char c = v.charAt(j);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '(' || c == ')') {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void aMediaTypeKnowsWhetherItReadsBackPlainlyAsTheModelSays() {
    SplittableRandom r = new SplittableRandom(11);
    String alphabet = "ab/=<>.-_ \t\"\\()\u00e9;,";
    for (int round = 0; round < 5_000; round++) {
      ContentType t = ContentType.of("text", "plain");
      int n = r.nextInt(0, 4);
      for (int k = 0; k < n; k++) {
        StringBuilder v = new StringBuilder();
        for (int i = r.nextInt(0, 6); i > 0; i--) {
          v.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        try {
          t = t.withParameter("p" + r.nextInt(3), v.toString());
        } catch (IllegalArgumentException e) {
          // A tab is printable text; other control characters are not built.
        }
      }
      List<String> kv = new java.util.ArrayList<>();
      t.parameters()
          .forEach(
              (k, v) -> {
                kv.add(k);
                kv.add(v);
              });
      String[] a = kv.toArray(new String[0]);
      assertEquals(readsBackPlainlyModel(a), t.readsBackPlainly(), t::toString);
      // Formatted once and kept: the same string, and what the formatter of maps writes.
      assertSame(t.toString(), t.toString());
      assertEquals(
          org.mmsstack.mm4.internal.mime.Params.format("text/plain", t.parameters()), t.toString());
      if (t.readsBackPlainly()) {
        assertEquals(t, ContentType.parse(t.toString()), t::toString);
      }
    }
    assertEquals(
        "text/plain; a=\"x \\\"y\\\\\"; b=\"(c)\"; c*=utf-8''%C3%A9",
        ContentType.of("Text", "PLAIN")
            .withParameter("A", "x \"y\\")
            .withParameter("b", "(c)")
            .withParameter("c", "\u00e9")
            .toString());
  }

  /** Every typed value that the builders make without a second pass is the field of() makes. */
  @Test
  void plainTypedFieldsAreTheFieldsOfMakes() throws Exception {
    List<String[]> fields = new java.util.ArrayList<>();
    for (Mm4Address a :
        List.of(
            Mm4Address.plmn("+4915550000001"),
            Mm4Address.of("J\u00f6rg M\u00fcller", "joerg", null, "example.org"),
            Mm4Address.of("A \"quoted\" name", "a b", null, "example.org"),
            Mm4Address.of(" Tab\tName ", "x", AddressType.PLMN, "mms.example"),
            Mm4Address.ipv6("2001:db8::1"))) {
      org.mmsstack.mm4.Mm4ForwardReq m =
          org.mmsstack.mm4.Mm4ForwardReq.builder()
              .mmsVersion(org.mmsstack.mm4.Mm4Version.V6_8_0)
              .transactionId(" spaced \"id\" ")
              .messageId("m@x")
              .from(a)
              .to(a, Mm4Address.plmn("123"))
              .cc(a)
              .sender(a)
              .date(java.time.OffsetDateTime.parse("2024-03-01T12:30:45-02:30"))
              .subject(
                  a.isPlmn() ? "word ".repeat(300).strip() : "Gr\u00fc\u00dfe " + "w ".repeat(9))
              .rfc822MessageId("id@host")
              .originatorSystem(a)
              .content(
                  MimeEntity.builder(ContentType.of("text", "plain"))
                      .text("x", StandardCharsets.UTF_8)
                      .contentId("c1")
                      .contentLocation("  caf\u00e9 =?x?= \t.txt")
                      .build())
              .build();
      for (Mm4Header h : m.headers()) {
        Mm4Header of = Mm4Header.of(h.name(), h.value());
        assertEquals(of, h);
        assertArrayEquals(written(of), written(h), h::toString);
        fields.add(new String[] {h.name(), h.value()});
      }
    }
    assertTrue(fields.size() > 50);
  }

  @Test
  void aPlainAddressIsReadAsTheFullReaderReadsIt() {
    for (String s :
        List.of(
            "system-user@mms.mnc001.mcc262.gprs",
            " +4915550000001/TYPE=PLMN ",
            "+4915550000001/type=plmn@mms.example",
            "192.0.2.1/TYPE=IPv4",
            "user.name+tag@example.org",
            "a@b@c",
            "x/TYPE=OTHER")) {
      assertEquals(Mm4Address.parseList(s), List.of(Mm4Address.parse(s)), s);
    }
    for (String s : List.of("", "@example.org", "user@", "x/TYPE=", "a b", "a,b", "\u00e9@x")) {
      assertThrows(IllegalArgumentException.class, () -> Mm4Address.parse(s), s);
    }
  }
}
