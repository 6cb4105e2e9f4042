package org.mmsstack.mm4.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.mime.AddressSyntax;
import org.mmsstack.mm4.internal.mime.DateTimes;
import org.mmsstack.mm4.internal.mime.EncodedWords;
import org.mmsstack.mm4.internal.mime.Syntax;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;
import org.mmsstack.mm4.value.YesNo;

/** Reading and writing the typed header values: one place, used by accessors, builders and the validator. */
public final class Values {

  private Values() {}

  // ---- reading ----

  public static Optional<String> id(Mm4Headers h, String name) {
    return h.first(name).map(v -> Syntax.unquote(Syntax.strip(v))).filter(v -> !v.isEmpty());
  }

  public static Optional<String> text(Mm4Headers h, String name) {
    return h.first(name).map(v -> EncodedWords.decode(v, EncodedWords.IGNORE));
  }

  public static Optional<Mm4Address> address(Mm4Headers h, String name) {
    return h.first(name)
        .flatMap(
            v -> {
              List<Mm4Address> l = AddressSyntax.parseList(v, AddressSyntax.IGNORE);
              return l.size() == 1 ? Optional.of(l.get(0)) : Optional.empty();
            });
  }

  public static List<Mm4Address> addresses(Mm4Headers h, String name) {
    List<Mm4Address> out = new ArrayList<>();
    for (String v : h.all(name)) {
      out.addAll(AddressSyntax.parseList(v, AddressSyntax.IGNORE));
    }
    return List.copyOf(out);
  }

  public static Optional<OffsetDateTime> date(Mm4Headers h, String name) {
    return h.first(name).flatMap(DateTimes::parse);
  }

  public static Optional<YesNo> yesNo(Mm4Headers h, String name) {
    return h.first(name).flatMap(YesNo::fromToken);
  }

  public static Optional<MessageClass> messageClass(Mm4Headers h) {
    return h.first(Mm4HeaderNames.MESSAGE_CLASS).flatMap(Values::messageClass);
  }

  /**
   * X-Mms-Message-Class as MM4 carries it: one of the four classes (any case) or a private token
   * kept as it came; empty when the value is blank or not a single line.
   */
  public static Optional<MessageClass> messageClass(String value) {
    String t = Syntax.strip(value);
    if (t.isEmpty() || t.indexOf('\r') >= 0 || t.indexOf('\n') >= 0) {
      return Optional.empty();
    }
    return Optional.of(MessageClass.of(t));
  }

  /**
   * A header value read as one of the values a set of TS 23.140 defines, by its token (the value's
   * {@code name()}), ignoring case and surrounding white space (the captures show {@code Yes},
   * {@code yes} and {@code YES}).
   *
   * @param byName the set's {@code byName} lookup, which answers {@code null} for no match
   */
  public static <T> Optional<T> token(String value, Function<String, Optional<T>> byName) {
    return value == null ? Optional.empty() : byName.apply(Syntax.strip(value));
  }

  public static Optional<Integer> counter(String v) {
    String s = Syntax.strip(v);
    if (s.isEmpty() || s.length() > 9) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(Integer.parseInt(s));
  }

  public static Optional<String> rfc822Id(Mm4Headers h) {
    return h.first(Mm4HeaderNames.RFC822_MESSAGE_ID).flatMap(Values::rfc822Id);
  }

  /** A Message-ID value without comments and angle brackets; empty if nothing is left. */
  public static Optional<String> rfc822Id(String v) {
    String s = Syntax.strip(DateTimes.stripComments(v));
    if (s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>') {
      s = s.substring(1, s.length() - 1);
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /**
   * Whether {@link #rfc822Id(String)} finds an id in {@code v}, without making it: checked on the
   * characters when the value holds no comment.
   */
  public static boolean hasRfc822Id(String v) {
    if (v.indexOf('(') >= 0) {
      return rfc822Id(v).isPresent();
    }
    int from = Syntax.skipWsp(v, 0, v.length());
    int to = Syntax.trimWsp(v, from, v.length());
    if (to - from >= 2 && v.charAt(from) == '<' && v.charAt(to - 1) == '>') {
      return to - from > 2;
    }
    return to > from;
  }

  public static Optional<PreviouslySentBy> previouslySentBy(String v) {
    int comma = v.indexOf(',');
    if (comma < 0) {
      return Optional.empty();
    }
    Optional<Integer> index = counter(v.substring(0, comma));
    List<Mm4Address> a = AddressSyntax.parseList(v.substring(comma + 1), AddressSyntax.IGNORE);
    if (index.isEmpty() || a.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(new PreviouslySentBy(index.get(), a.get(0)));
  }

  public static Optional<PreviouslySentDate> previouslySentDate(String v) {
    int comma = v.indexOf(',');
    if (comma < 0) {
      return Optional.empty();
    }
    Optional<Integer> index = counter(v.substring(0, comma));
    Optional<OffsetDateTime> d = DateTimes.parse(v.substring(comma + 1));
    if (index.isEmpty() || d.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PreviouslySentDate(index.get(), d.get()));
  }

  // ---- writing ----

  /**
   * The token of a value of a set TS 23.140 defines, as MM4 writes it.
   *
   * @throws IllegalArgumentException if the value is a code outside the set, which MM4 has no
   *     token for
   */
  public static String formatToken(String what, OctetToken value) {
    if (!value.isKnown()) {
      throw new IllegalArgumentException(
          what + ": " + value + " (expected: a value TS 23.140 defines)");
    }
    return value.name();
  }

  /**
   * X-Mms-Message-Class as MM4 writes it: the class's name, a single line.
   *
   * @throws IllegalArgumentException if the name is blank or holds a line break
   */
  public static String formatMessageClass(MessageClass value) {
    String n = Syntax.strip(value.name());
    if (n.isEmpty() || n.indexOf('\r') >= 0 || n.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "messageClass: \"" + value.name() + "\" (expected: a non-empty single line)");
    }
    return n;
  }

  /** An opaque id: as it is when it is a plain run of printable ASCII, else a quoted-string. */
  public static String formatId(String what, String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException(what + ": \"" + id + "\" (expected: non-empty)");
    }
    boolean plain = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            what + ": \"" + id + "\" (expected: printable US-ASCII)");
      }
      if (c == ' ' || c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || c == ';') {
        plain = false;
      }
    }
    return plain ? id : Syntax.quote(id);
  }

  public static String formatRfc822Id(String id) {
    boolean ok = id != null && !id.isEmpty();
    for (int i = 0; ok && i < id.length(); i++) {
      char c = id.charAt(i);
      ok = c > 0x20 && c < 0x7f && c != '<' && c != '>';
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "rfc822MessageId: \"" + id + "\" (expected: id-left@id-right without <, > or spaces)");
    }
    return "<" + id + ">";
  }

  public static String formatText(String what, String text) {
    if (isPlainText(text)) {
      return text; // what the checks below accept and encodeIfNeeded leaves as it is
    }
    if (text == null || !Syntax.isPrintableText(text.replace('\r', ' ').replace('\n', ' '))) {
      throw new IllegalArgumentException(
          what
              + ": \""
              + text
              + "\" (expected: text without control characters or lone surrogates)");
    }
    return EncodedWords.encodeIfNeeded(text);
  }

  /**
   * {@link EncodedWords#isPlain} (false for null): printable US-ASCII or tab, no white space at
   * either end, no {@code =?}, no run of more than 900 characters without white space.
   */
  public static boolean isPlainText(String t) {
    return t != null && EncodedWords.isPlain(t);
  }

  public static String formatAddresses(List<Mm4Address> list) {
    if (list.size() == 1) {
      return list.get(0).toHeaderValue(); // the usual To, without a copy
    }
    StringBuilder sb = new StringBuilder();
    for (Mm4Address a : list) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(a.toHeaderValue());
    }
    return sb.toString();
  }

  /** Whether an RFC 5322 date can hold {@code t}: years 1900 to 9999, an offset in minutes. */
  public static boolean isMailDate(OffsetDateTime t) {
    return t.getOffset().getTotalSeconds() % 60 == 0 && t.getYear() >= 1900 && t.getYear() <= 9999;
  }

  public static String formatDate(OffsetDateTime t) {
    if (!isMailDate(t)) {
      throw new IllegalArgumentException(
          "date: " + t + " (expected: year 1900 ~ 9999, offset in whole minutes)");
    }
    return DateTimes.format(t);
  }
}
