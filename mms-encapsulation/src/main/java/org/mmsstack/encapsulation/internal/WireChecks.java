package org.mmsstack.encapsulation.internal;

import java.time.Instant;
import java.util.List;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * What the encoder can write so that the decoder reads the same value back, strict or lenient:
 * the checks the builders run on a value when it is set into a header or a part. Each rule is
 * here once, stated beside the reader's behaviour it follows from; each check throws an {@link
 * IllegalArgumentException} whose message starts with {@code where} (the header, part header or
 * parameter) and says what is wrong.
 *
 * <p>Only built values pass through here: the decoder makes its values without these checks, and
 * a decoded header or part keeps its original octets, which the encoder writes back as they came.
 */
public final class WireChecks {

  private WireChecks() {}

  // ---- text ------------------------------------------------------------------------------------

  /**
   * Text written as a Text-string (WspWriter.writeTextString): header values, Content-Location,
   * textual part header values, parameter values (a Text-value that is not a Quoted-string is
   * one), Extension-media, an Element-Descriptor's texts. A NUL would end it early; a first
   * octet 0x01-0x1F is read as a Value-length (WAP-230 8.4.1.2), and by a parameter reader as a
   * Long-integer; text that is not whole UTF-16 cannot be written as UTF-8 (an unpaired surrogate
   * becomes '?'). A first octet of 0x7F or from 0x80 up is sent after a Quote, which the reader
   * strips.
   */
  public static void text(String where, String s) {
    textOctets(where, s);
    if (!s.isEmpty() && s.charAt(0) < 0x20) {
      throw fail(
          where,
          String.format(
              "text must not start with a control character (0x%02x)", (int) s.charAt(0)));
    }
  }

  /**
   * Text written without a Quote (WspWriter.writeTerminated), which the reader takes for a
   * Text-string or a code by its first octet: a textual Message-Class, a media type in a {@code
   * type} parameter. Besides the rules of {@link #text}, it must start with printable ASCII: from
   * 0x80 up the first octet is read as a code (a Class-identifier, a well-known media), and a 0x7F
   * as the Quote.
   */
  public static void unquotedText(String where, String s) {
    text(where, s);
    if (!s.isEmpty() && s.charAt(0) >= 0x7F) {
      throw fail(
          where,
          String.format(
              "text must start with printable ASCII, not U+%04X"
                  + " (the first octet is not quoted here)",
              (int) s.charAt(0)));
    }
  }

  /** Text after a Quoted-string's opening quote: any text the UTF-8 octets can carry but NUL. */
  public static void quotedText(String where, String s) {
    textOctets(where, s);
  }

  /** No NUL and no unpaired surrogate: what every text written as unlabelled octets needs. */
  private static void textOctets(String where, String s) {
    // One test per character on the path every accepted text takes; what it stops at is looked
    // at out of line.
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == 0 || Character.isSurrogate(c)) {
        nulOrSurrogate(where, s, i);
      }
    }
  }

  /** Throws for the NUL or unpaired surrogate at {@code s[i]}; returns for a paired surrogate. */
  private static void nulOrSurrogate(String where, String s, int i) {
    char c = s.charAt(i);
    if (c == 0) {
      throw fail(
          where,
          String.format("text must not contain NUL (0x00), at index %d: it ends the text", i));
    }
    boolean paired =
        Character.isHighSurrogate(c)
            ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
            : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    if (!paired) {
      throw fail(
          where,
          String.format(
              "text must not contain an unpaired surrogate (U+%04X at index %d):"
                  + " UTF-8 cannot carry it",
              (int) c, i));
    }
  }

  /**
   * An Encoded-string-value. In the plain form its octets are a Text-string: no NUL, and no first
   * octet 0x01-0x1F (read as the Value-length of the charset form). The charset form is
   * delimited by its Value-length: any octets are read back.
   */
  public static void encodedString(String where, EncodedString s) {
    if (s.charset().isPresent()) {
      return;
    }
    int nul = ValueAccess.indexOfNul(s); // the octets where they are: no copy
    if (nul >= 0) {
      throw fail(
          where,
          String.format("text must not contain NUL (0x00), at octet %d: it ends the text", nul));
    }
    int first = ValueAccess.firstOctet(s);
    if (first >= 0 && first < 0x20) {
      throw fail(
          where, String.format("text must not start with a control character (0x%02x)", first));
    }
  }

  // ---- names -----------------------------------------------------------------------------------

  /**
   * The index of the first character of {@code s} that may not appear in an RFC 2616 token
   * (visible ASCII but the separators), {@code s.length()} for an empty string, or -1 when
   * {@code s} is a token.
   */
  public static int nonTokenIndex(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      // A bit test per character: a name is checked whenever a header is set (a relay adding
      // one to each PDU it passes on), and a search of the separators cost more than the rest.
      if (c >= 0x80 || ((c < 64 ? TOKEN_LOW >>> c : TOKEN_HIGH >>> (c - 64)) & 1) == 0) {
        return i;
      }
    }
    return -1;
  }

  // Bit c of TOKEN_LOW (c < 64) or of TOKEN_HIGH (c - 64) is set for each character an RFC 2616
  // token may hold: visible ASCII but the separators.
  private static final long TOKEN_LOW;
  private static final long TOKEN_HIGH;

  static {
    long low = 0;
    long high = 0;
    for (int c = 0x21; c < 0x7F; c++) {
      if ("()<>@,;:\\\"/[]?={}".indexOf(c) < 0) {
        if (c < 64) {
          low |= 1L << c;
        } else {
          high |= 1L << (c - 64);
        }
      }
    }
    TOKEN_LOW = low;
    TOKEN_HIGH = high;
  }

  /**
   * A name written as Token-text (an Application-header's, a textual part header's, an untyped
   * parameter's): an RFC 2616 token, as WAP-230 and OMA MMS Encapsulation 7.2 define them.
   */
  public static void token(String where, String what, String name) {
    int i = nonTokenIndex(name);
    if (i < 0) {
      return;
    }
    if (name.isEmpty()) {
      throw fail(where, String.format("%s must not be empty (expected: an RFC 2616 token)", what));
    }
    throw fail(
        where,
        String.format(
            "%s \"%s\" is not an RFC 2616 token (U+%04X at index %d)",
            what, name, (int) name.charAt(i), i));
  }

  // ---- numbers and dates -----------------------------------------------------------------------

  /** A Long-integer or Integer-value: never negative. */
  public static void unsigned(String where, long value) {
    if (value < 0) {
      throw fail(where, String.format("%d is negative (expected: >= 0)", value));
    }
  }

  /** A Date-value: seconds since 1970-01-01T00:00:00Z as a Long-integer, never negative. */
  public static void date(String where, Instant date) {
    if (date.getEpochSecond() < 0) {
      throw fail(
          where,
          String.format(
              "%s is before 1970 (a Date-value counts seconds since 1970-01-01T00:00:00Z)", date));
    }
  }

  // ---- raw values ------------------------------------------------------------------------------

  /**
   * Octets written back as they are: exactly one value by the first-octet rule of WAP-230
   * 8.4.1.2, or the decoder would read the rest as the next header.
   */
  public static void rawValue(String where, RawValue value) {
    byte[] b = value.octets();
    if (b.length == 0) {
      throw fail(where, "raw value must not be empty (expected: one encoded value)");
    }
    WspReader r = new WspReader(b, 0, b.length);
    try {
      r.skipValue(Integer.MAX_VALUE);
    } catch (PduFormatException e) {
      throw fail(where, String.format("raw value is not one encoded value: %s", e.detail()));
    }
    if (r.hasRemaining()) {
      throw fail(
          where,
          String.format(
              "raw value is not one encoded value: the value its first octet (0x%02x) announces"
                  + " ends after %d of its %d octets",
              b[0] & 0xFF, r.index(), b.length));
    }
  }

  // ---- content types and parameters ------------------------------------------------------------

  /**
   * A media type sent as text: Extension-media in a Content-Type, Token-text in a {@code type}
   * parameter (no Quote there, and a Quoted-string's opening quote is stripped). It must not be
   * empty (an empty media before parameters is read as the Long-integer 0, {@code *}{@code /*}),
   * and must start with printable ASCII other than {@code "}.
   */
  public static void mediaType(String where, MediaType media) {
    if (media.code() >= 0) {
      return;
    }
    String name = media.name();
    if (name.isEmpty()) {
      throw fail(where, "media type must not be empty");
    }
    unquotedText(where, name);
    if (name.charAt(0) == '"') {
      throw fail(where, "media type must not start with a double quote (0x22)");
    }
  }

  /** A Content-type-value: its media type and each parameter. */
  public static void contentType(String where, ContentType ct) {
    mediaType(where, ct.mediaType());
    parameters(where, ct.parameters());
  }

  /** A Content-Disposition value: its type (text unless one of the three octets) and parameters. */
  public static void contentDisposition(String where, ContentDisposition d) {
    if (d.code() < 0) {
      try {
        text(where, d.type());
      } catch (IllegalArgumentException e) {
        throw narrowed(e, where, " type");
      }
    }
    parameters(where, d.parameters());
  }

  private static void parameters(String where, List<Parameter> parameters) {
    for (int i = 0, n = parameters.size(); i < n; i++) {
      Parameter p = parameters.get(i);
      parameter(where, p);
      if (i + 1 < n && isQDigit(p) && isDigitsAndDots(parameters.get(i + 1))) {
        // The Q-value's one octet, the name and its 0x00 make a run a reader takes for Q text.
        throw fail(
            where,
            String.format(
                "Q-value %d is the octet '%c', which a reader reads with the next parameter's"
                    + " name \"%s\" as Q-value text",
                (Long) p.value(), (char) (long) (Long) p.value(), parameters.get(i + 1).name()));
      }
    }
  }

  private static boolean isQDigit(Parameter p) {
    return p.wellKnown().orElse(null) == Parameter.WellKnown.Q
        && p.value() instanceof Long
        && isDigitOrDot((Long) p.value());
  }

  private static boolean isDigitsAndDots(Parameter p) {
    return p.wellKnown().isEmpty() && p.name().chars().allMatch(WireChecks::isDigitOrDot);
  }

  private static boolean isDigitOrDot(long c) {
    return c == '.' || (c >= '0' && c <= '9');
  }

  /**
   * One parameter. An untyped one has a Token-text name and an Integer-value or Text-value; a
   * well-known one its typed value, or text (a Text-value) where the reader takes text.
   */
  public static void parameter(String where, Parameter p) {
    Object v = p.value();
    Parameter.WellKnown w = p.wellKnown().orElse(null);
    if (w == null) {
      token(where, "parameter name", p.name());
    }
    // The checks are given the header's name and the parameter's is added when one fails: a
    // builder checks every parameter it is given, and most pass.
    try {
      if (w == null) {
        if (v instanceof Long) {
          unsigned(where, (Long) v);
        } else {
          text(where, (String) v);
        }
      } else if (w.kind() == Parameter.Kind.Q_VALUE) {
        qValue(where, v);
      } else if (v instanceof String) {
        text(where, (String) v);
      } else if (v instanceof MediaType) {
        mediaType(where, (MediaType) v);
      }
      // A CharacterSet is any MIBenum, and other typed values are unsigned (Parameter.of checks).
    } catch (IllegalArgumentException e) {
      throw narrowed(e, where, " parameter " + p.name());
    }
  }

  /**
   * A Q-value, a Uintvar whose one-octet form is itself an octet 0x01-0x7F: the reader takes a
   * value as text when it is a run of digits and dots ending in 0x00, or starts with a double
   * quote (0x22), and as a Uintvar otherwise.
   */
  private static void qValue(String where, Object v) {
    if (v instanceof Long) {
      long q = (Long) v;
      if (q > 0xFFFFFFFFL) {
        throw fail(
            where, String.format("Q-value %d does not fit a Uintvar (expected: <= 4294967295)", q));
      }
      if (q == WspReader.DOUBLE_QUOTE) {
        throw fail(where, "Q-value 34 is the octet 0x22, which a reader takes for a Quoted-string");
      }
      return;
    }
    String s = (String) v;
    text(where, s);
    if (!s.startsWith("\"") && (s.isEmpty() || !s.chars().allMatch(WireChecks::isDigitOrDot))) {
      throw fail(
          where,
          String.format(
              "Q-value text \"%s\" is read as a Uintvar"
                  + " (expected: digits and dots, or a Quoted-string)",
              s));
    }
  }

  // ---- header values ---------------------------------------------------------------------------

  /**
   * A header's value as {@code ValueCodec.write} writes it for {@code field}: the value is already
   * of the field's type.
   */
  public static void headerValue(HeaderField<?> field, Object value) {
    String where = field.name();
    if (field.isApplication()) {
      token("Application-header", "name", field.name());
    }
    if (value instanceof RawValue) {
      rawValue(where, (RawValue) value);
      return;
    }
    value(ValueCodec.kindOf(field), where, value);
  }

  @SuppressWarnings("fallthrough")
  private static void value(ValueKind kind, String where, Object value) {
    switch (kind) {
      case TEXT:
      case APPLICATION:
        text(where, (String) value);
        return;
      case ADDRESS:
        encodedString(where, ((Address) value).encoded());
        return;
      case ENCODED_STRING:
        encodedString(where, (EncodedString) value);
        return;
      case FROM:
        {
          Address a = ((FromValue) value).address().orElse(null);
          if (a != null) {
            encodedString(where, a.encoded());
          }
          return;
        }
      case CONTENT_TYPE:
        contentType(where, (ContentType) value);
        return;
      case DATE:
        date(where, (Instant) value);
        return;
      case LONG:
      case INTEGER:
        unsigned(where, (Long) value);
        return;
      case OCTET:
        {
          int code = ((OctetToken) value).code();
          if (code < 0x80) {
            throw fail(
                where,
                String.format(
                    "octet 0x%02x is below 0x80 (a reader takes it for a length or text)", code));
          }
          return;
        }
      case MESSAGE_CLASS:
        {
          MessageClass mc = (MessageClass) value;
          if (mc.isToken()) {
            unquotedText(where, mc.name());
          }
          return;
        }
      case PREVIOUSLY_SENT_BY:
        encodedString(where, ((PreviouslySentBy) value).address().encoded());
        return;
      case PREVIOUSLY_SENT_DATE:
        date(where, ((PreviouslySentDate) value).date());
        return;
      case MM_FLAGS:
        encodedString(where, ((MmFlags) value).keyword());
        return;
      case ATTRIBUTE:
        {
          HeaderField<?> f = (HeaderField<?>) value;
          if (f.isApplication() || f.isIndexed()) {
            throw fail(
                where,
                String.format(
                    "%s has no code of its own (expected: a field of the header table)", f));
          }
          return;
        }
      case ELEMENT_DESCRIPTOR:
        elementDescriptor(where, (ElementDescriptor) value);
        return;
      case INDEXED_TEXT:
        indexed(where, value, String.class, ValueKind.TEXT);
        return;
      case INDEXED_OCTET:
        indexed(where, value, ResponseStatus.class, ValueKind.OCTET);
        return;
      case INDEXED_ENCODED_STRING:
        indexed(where, value, EncodedString.class, ValueKind.ENCODED_STRING);
        return;
      default:
        // Message type, version, Yes/No, times and mbox counts: their types hold only what the
        // encoder writes and the decoder reads back.
    }
  }

  private static void indexed(String where, Object value, Class<?> type, ValueKind kind) {
    Object v = ((Indexed<?>) value).value();
    if (!type.isInstance(v)) {
      throw fail(where, String.format("indexed value %s is not a %s", v, type.getSimpleName()));
    }
    value(kind, where, v);
  }

  /**
   * An Element-Descriptor: its Content-Reference and parameter names and values are Text-strings;
   * {@code type} is sent as the well-known name 0x02 and read back in lower case, and a
   * well-known media type as its number, read back as the table spells it.
   */
  private static void elementDescriptor(String where, ElementDescriptor e) {
    try {
      text(where, e.contentReference());
    } catch (IllegalArgumentException x) {
      throw narrowed(x, where, " content reference");
    }
    for (ElementDescriptor.Entry p : e.parameters()) {
      boolean type = p.name().equalsIgnoreCase("type");
      if (type && !p.name().equals("type")) {
        throw fail(
            where,
            String.format(
                "parameter name \"%s\" is sent as the well-known type (0x02)"
                    + " and read back as \"type\"",
                p.name()));
      }
      if (!type) {
        try {
          text(where, p.name());
        } catch (IllegalArgumentException x) {
          throw narrowed(x, where, " parameter name");
        }
        try {
          text(where, p.value());
        } catch (IllegalArgumentException x) {
          throw narrowed(x, where, " parameter " + p.name());
        }
        continue;
      }
      MediaType m = MediaType.of(p.value());
      if (m.code() >= 0 && m.code() < 0x80) {
        if (!m.name().equals(p.value())) {
          throw fail(
              where,
              String.format(
                  "type \"%s\" is sent as the well-known media 0x%02x and read back as \"%s\"",
                  p.value(), m.code(), m.name()));
        }
      } else {
        try {
          text(where, p.value());
        } catch (IllegalArgumentException x) {
          throw narrowed(x, where, " parameter type");
        }
      }
    }
  }

  private static IllegalArgumentException fail(String where, String message) {
    return new IllegalArgumentException(where + ": " + message);
  }

  /**
   * {@code e}, which a check given {@code where} threw ({@link #fail}), as if it had been given
   * {@code where + sub}: the longer name is made only when a check fails.
   */
  private static IllegalArgumentException narrowed(
      IllegalArgumentException e, String where, String sub) {
    String m = e.getMessage();
    return new IllegalArgumentException(
        m.startsWith(where) ? where + sub + m.substring(where.length()) : m, e.getCause());
  }
}
