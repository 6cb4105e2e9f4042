package org.mmsstack.mm4.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.internal.mime.AddressSyntax;
import org.mmsstack.mm4.internal.mime.KnownNames;
import org.mmsstack.mm4.internal.mime.Params;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * The checks decoding runs on the characters of a value, without making the typed value, agree
 * with the readers that make it: wherever the character check decides, it decides as the reader
 * would, on the forms the captures carry and on random mutations of them.
 */
class CharacterChecksTest {

  private static String mutate(SplittableRandom r, String base, String alphabet) {
    StringBuilder sb = new StringBuilder(base);
    for (int m = r.nextInt(1, 4); m > 0; m--) {
      int at = r.nextInt(sb.length() + 1);
      char c = alphabet.charAt(r.nextInt(alphabet.length()));
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(at, c);
        case 1 -> {
          if (at < sb.length()) {
            sb.setCharAt(at, c);
          }
        }
        default -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
      }
    }
    return sb.toString();
  }

  /** What the full address reader says: the number of entries, or -1 when one is bad. */
  private static int fullCount(String s) {
    int[] bad = {0};
    List<Mm4Address> l = AddressSyntax.parseList(s, e -> bad[0]++);
    return bad[0] == 0 ? l.size() : -1;
  }

  @Test
  void addressListsCheckedOnTheirCharactersAgreeWithTheReader() {
    List<String> forms =
        List.of(
            "+972500000005/TYPE=PLMN",
            "+972500000006/TYPE=PLMN, +972500000007/TYPE=PLMN, +972500000004/TYPE=PLMN,",
            "PostMaster@mms.hotmobile.co.il",
            "+15550100/TYPE=PLMN@mms.example.net",
            "system-user",
            "a@b, c@d",
            " , ",
            "",
            "x/type=plmn/TYPE=PLMN",
            "@host",
            "user@",
            "a b@c",
            "user@ho st",
            "user@[10.0.0.1]",
            "x/TYPE=",
            "x/TYPE=a@b@c");
    for (String s : forms) {
      int quick = AddressSyntax.countSimple(s);
      if (quick >= 0) {
        assertEquals(fullCount(s), quick, s);
      }
    }
    assertEquals(3, AddressSyntax.countSimple(forms.get(1)));
    assertEquals(1, AddressSyntax.countSimple(forms.get(3)));
    // Forms outside the simple one are left to the reader.
    assertEquals(-1, AddressSyntax.countSimple("\"A B\" <a@b>"));
    assertEquals(-1, AddressSyntax.countSimple("a@b (comment)"));
    assertEquals(-1, AddressSyntax.countSimple("group: a@b;"));
    String alphabet = "aZ09+@./TYPE=plmn, \t_-[]:;<>\"()\\\u00e9";
    SplittableRandom r = new SplittableRandom(17);
    int decided = 0;
    for (int k = 0; k < 200_000; k++) {
      String s = mutate(r, forms.get(k % forms.size()), alphabet);
      int quick = AddressSyntax.countSimple(s);
      if (quick >= 0) {
        decided++;
        assertEquals(fullCount(s), quick, s);
      }
    }
    assertTrue(decided > 50_000, "decided " + decided);
  }

  private static int fullForm(String s) {
    Optional<ContentType> t = ContentType.tryParse(s);
    if (t.isEmpty()) {
      return Params.NOT_A_MEDIA_TYPE;
    }
    return t.get().isMultipart() ? Params.MULTIPART : Params.SINGLE_PART;
  }

  @Test
  void contentTypesCheckedOnTheirCharactersAgreeWithTheReader() {
    List<String> forms =
        List.of(
            "multipart/related; type=\"application/smil\"; start=\"<smil>\"; boundary=b1",
            "text/plain;Name=text.txt;Charset=utf-8",
            "application/smil",
            "image/jpeg; name=\"a b.jpg\"",
            "MULTIPART/Mixed ;boundary=x",
            " text / plain ",
            "text/",
            "/plain",
            "text",
            "text/plain/x",
            "multipartx/mixed; boundary=x",
            "text/pl(comment)ain",
            "\"text/plain\"");
    for (String s : forms) {
      int quick = Params.mediaTypeForm(s);
      if (quick != Params.UNDECIDED) {
        assertEquals(fullForm(s), quick, s);
      }
    }
    assertEquals(Params.MULTIPART, Params.mediaTypeForm(forms.get(0)));
    assertEquals(Params.SINGLE_PART, Params.mediaTypeForm(forms.get(1)));
    assertEquals(Params.MULTIPART, Params.mediaTypeForm(forms.get(4)));
    assertEquals(Params.NOT_A_MEDIA_TYPE, Params.mediaTypeForm("text/"));
    assertEquals(Params.UNDECIDED, Params.mediaTypeForm(forms.get(11)));
    String alphabet = "atm/;= \t\"()\\,<>@\u00e9\u212a";
    SplittableRandom r = new SplittableRandom(23);
    int decided = 0;
    for (int k = 0; k < 200_000; k++) {
      String s = mutate(r, forms.get(k % forms.size()), alphabet);
      int quick = Params.mediaTypeForm(s);
      if (quick != Params.UNDECIDED) {
        decided++;
        assertEquals(fullForm(s), quick, s);
      }
    }
    assertTrue(decided > 50_000, "decided " + decided);
  }

  @Test
  void boundariesFoundOnTheCharactersAgreeWithTheReader() {
    List<String> forms =
        List.of(
            "multipart/related; type=\"application/smil\"; start=\"<smil>\"; boundary=b1",
            "multipart/mixed; BOUNDARY=\"=_a;b\"",
            "multipart/mixed; boundary = x ; boundary=y",
            "multipart/mixed; boundary=\"unclosed; x=y",
            "multipart/mixed; boundary=",
            "multipart/mixed; =x; boundary=\"\"",
            "multipart/mixed; boundary*0=a; boundary*1=b",
            "multipart/mixed; boundary=a (comment)",
            "multipart/mixed; x=\"boundary=no\"; boundary=yes",
            "; boundary=x",
            " \t; boundary=x",
            "\"\"; boundary=x");
    String alphabet = "b=;\" \t*()x\\\u00e9";
    SplittableRandom r = new SplittableRandom(31);
    int decided = 0;
    for (int k = 0; k < 250_000; k++) {
      String s = k < forms.size() ? forms.get(k) : mutate(r, forms.get(k % forms.size()), alphabet);
      // Whatever is in front: a value without a leading media type has no parameters for either.
      Params.Parsed p = Params.parse(s);
      String quick = Params.simpleParameter(s, "boundary");
      if (quick != null) {
        decided++;
        assertNotNull(p, s);
        assertEquals(p.params().get("boundary"), quick, s);
      }
    }
    assertTrue(decided > 50_000, "decided " + decided);
    assertEquals("b1", Params.simpleParameter(forms.get(0), "boundary"));
    assertEquals("=_a;b", Params.simpleParameter(forms.get(1), "boundary"));
    assertEquals("x", Params.simpleParameter(forms.get(2), "boundary"));
    assertEquals("yes", Params.simpleParameter(forms.get(8), "boundary"));
    assertEquals(null, Params.simpleParameter(forms.get(6), "boundary"));
    // No leading value: parse() has none, and neither has the quick reading.
    assertNull(Params.parse(forms.get(9)));
    assertNull(Params.simpleParameter(forms.get(9), "boundary"));
    assertNull(Params.simpleParameter(forms.get(10), "boundary"));
    assertEquals("x", Params.simpleParameter(forms.get(11), "boundary"));
    assertEquals("x", Params.parse(forms.get(11)).params().get("boundary"));
  }

  @Test
  void anEmptyMessageClassIsWhatTheReaderFindsEmpty() throws Exception {
    // Only spaces and tabs surround a value: Unicode white space and controls are its text.
    for (String v : List.of("", " ", "\t \t", "\u3000", "\u000B", " \u2003 ", "Personal", " x ")) {
      List<String> messages = new java.util.ArrayList<>();
      Checks.check(
          org.mmsstack.mm4.Mm4MessageType.FORWARD_RES,
          org.mmsstack.mm4.mime.Mm4Headers.of(
              List.of(org.mmsstack.mm4.mime.Mm4Header.of("X-Mms-Message-Class", v))),
          f -> messages.add(f.message()),
          o -> 0);
      boolean emptyReported = messages.stream().anyMatch(m -> m.contains("empty message class"));
      assertEquals(Values.messageClass(v).isEmpty(), emptyReported, "\"" + v + "\"");
    }
  }

  @Test
  void emptyIdsFoundOnTheCharactersAgreeWithUnquoting() {
    // Spaces and tabs, which the reader strips, and U+2003, which it keeps.
    String alphabet = "\"\\ \t\u2003a";
    SplittableRandom r = new SplittableRandom(37);
    for (int k = 0; k < 50_000; k++) {
      String v = mutate(r, k % 2 == 0 ? "\"\"" : " t1 ", alphabet);
      assertEquals(
          org.mmsstack.mm4.internal.mime.Syntax.unquote(
                  org.mmsstack.mm4.internal.mime.Syntax.strip(v))
              .isEmpty(),
          Checks.isEmptyId(v),
          v);
    }
  }

  @Test
  void versionsAndMessageIdsCheckedOnTheirCharactersAgreeWithTheReaders() {
    List<String> versions = List.of("6.8.0", " 5.2 ", "1.2.3.4", "1..2", "1.2.", "1234.1", "6");
    List<String> ids = List.of("<r1@mms.example>", "<>", " < > ", "id", "  ", "<a> (c)", "(c)");
    String alphabet = "0123456789.<>() \t\u2003a";
    SplittableRandom r = new SplittableRandom(29);
    for (int k = 0; k < 100_000; k++) {
      String v = k < versions.size() ? versions.get(k) : mutate(r, versions.get(k % 7), alphabet);
      assertEquals(Mm4Version.tryParse(v).isPresent(), Checks.isDottedVersion(v), v);
      String id = k < ids.size() ? ids.get(k) : mutate(r, ids.get(k % 7), alphabet);
      assertEquals(Values.rfc822Id(id).isPresent(), Values.hasRfc822Id(id), id);
    }
  }

  @Test
  void everyNameTheChecksLookAtIsAKnownName() {
    List<String> names = new ArrayList<>(Rules.SINGLE);
    names.addAll(Rules.CHECKED);
    for (String n : names) {
      // Known names are found in any case, as one shared lower-case constant.
      assertEquals(n, KnownNames.knownLower(n));
      assertSame(
          KnownNames.knownLower(n), KnownNames.knownLower(n.toUpperCase(java.util.Locale.ROOT)));
    }
    // A name listed in two spellings is one name.
    assertSame(
        KnownNames.knownLower("X-Mms-Transaction-ID"),
        KnownNames.knownLower("X-Mms-Transaction-Id"));
    assertEquals(KnownNames.index("X-Mms-Message-ID"), KnownNames.index("X-Mms-Message-Id"));
    assertEquals(null, KnownNames.knownLower("X-Unknown-Header"));
    assertNotEquals(KnownNames.knownLower("From"), KnownNames.knownLower("To"));
  }
}
