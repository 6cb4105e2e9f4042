package org.mmsstack.mm4.convert;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.mime.EncodedWords;
import org.mmsstack.mm4.internal.mime.Syntax;
import org.mmsstack.mm4.value.AddressType;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * Text and address values between the two encodings: an Encoded-string-value (charset + octets)
 * and RFC 2047 header text; an MMS address and an MM4 address.
 *
 * <p>Text keeps its charset both ways: a value in the charset form is written as B encoded words
 * <em>in that charset</em> (even when its text is plain ASCII), so the way back recovers the same
 * charset and the same octets; a value in the plain form is written plain.
 */
final class HeaderText {

  // A B-encoded word holds at most 75 characters (RFC 2047 §2): 45 octets make 60 base64
  // characters.
  private static final int OCTETS_PER_WORD = 45;

  /** Header names the converters write or that belong to the mail transport, never copied from an application header. */
  static final Set<String> RESERVED =
      Set.of(
          "from",
          "to",
          "cc",
          "bcc",
          "date",
          "subject",
          "message-id",
          "sender",
          "mime-version",
          "received",
          "return-path",
          "reply-to",
          "in-reply-to",
          "references",
          "resent-from",
          "resent-to",
          "resent-date",
          lower(Mm4HeaderNames.MMS_VERSION),
          lower(Mm4HeaderNames.MESSAGE_TYPE),
          lower(Mm4HeaderNames.TRANSACTION_ID),
          lower(Mm4HeaderNames.MESSAGE_ID),
          lower(Mm4HeaderNames.MESSAGE_CLASS),
          lower(Mm4HeaderNames.EXPIRY),
          lower(Mm4HeaderNames.DELIVERY_REPORT),
          lower(Mm4HeaderNames.ORIGINATOR_SYSTEM),
          lower(Mm4HeaderNames.PRIORITY),
          lower(Mm4HeaderNames.SENDER_VISIBILITY),
          lower(Mm4HeaderNames.READ_REPLY),
          lower(Mm4HeaderNames.ACK_REQUEST),
          lower(Mm4HeaderNames.FORWARD_COUNTER),
          lower(Mm4HeaderNames.PREVIOUSLY_SENT_BY),
          lower(Mm4HeaderNames.PREVIOUSLY_SENT_DATE),
          lower(Mm4HeaderNames.APPLIC_ID),
          lower(Mm4HeaderNames.REPLY_APPLIC_ID),
          lower(Mm4HeaderNames.AUX_APPLIC_INFO),
          lower(Mm4HeaderNames.CONTENT_CLASS),
          lower(Mm4HeaderNames.DRM_CONTENT),
          lower(Mm4HeaderNames.ADAPTATION_ALLOWED),
          lower(Mm4HeaderNames.REQUEST_STATUS_CODE),
          lower(Mm4HeaderNames.STATUS_TEXT),
          lower(Mm4HeaderNames.MM_STATUS_CODE),
          lower(Mm4HeaderNames.MM_STATUS_EXTENSION),
          lower(Mm4HeaderNames.READ_STATUS),
          "x-mms-request-recipients",
          "x-mms-read-report",
          "x-mms-retrieve-status");

  private HeaderText() {}

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Whether an extension header of this name may travel between the encodings unchanged. */
  static boolean isFreeExtension(String name) {
    String n = lower(name);
    return !RESERVED.contains(n) && !n.startsWith("content-") && isFieldName(name);
  }

  private static boolean isFieldName(String s) {
    if (s.isEmpty() || s.length() > 200) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ':' || "()<>@,;\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ text

  /** An Encoded-string-value as RFC 5322 header text. */
  static String toHeader(EncodedString s) {
    CharacterSet cs = s.charset().orElse(null);
    if (cs == null) {
      String text = s.text();
      return EncodedWords.isPlain(text) ? text : EncodedWords.encode(text);
    }
    byte[] octets = s.octets();
    String name = cs.name();
    Charset java = cs.javaCharset().orElse(null);
    StringBuilder out = new StringBuilder(octets.length * 2);
    if (java != null && java.canEncode() && isStateless(java)) {
      // Split at character boundaries so that each word decodes on its own (RFC 2047 §5).
      String text = new String(octets, java);
      if (Arrays.equals(text.getBytes(java), octets)) {
        int i = 0;
        while (i < text.length()) {
          int j = i;
          int n = 0;
          while (j < text.length()) {
            int cp = text.codePointAt(j);
            int len = new String(Character.toChars(cp)).getBytes(java).length;
            if (n > 0 && n + len > OCTETS_PER_WORD) {
              break;
            }
            n += len;
            j += Character.charCount(cp);
          }
          appendWord(out, name, text.substring(i, j).getBytes(java));
          i = j;
        }
        if (text.isEmpty()) {
          appendWord(out, name, new byte[0]);
        }
        return out.toString();
      }
    }
    // A charset this JVM cannot split safely (or octets that are not valid in it): one word
    // carries the exact octets, so nothing is lost.
    appendWord(out, name, octets);
    return out.toString();
  }

  private static boolean isStateless(Charset cs) {
    String n = lower(cs.name());
    return !n.contains("2022") && !n.equals("utf-7");
  }

  private static void appendWord(StringBuilder out, String charset, byte[] octets) {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(EncodedWords.octetWord(charset, octets));
  }

  /**
   * RFC 5322 header text as an Encoded-string-value: text made only of encoded words in one
   * charset keeps that charset and its exact octets; plain ASCII stays plain; anything else is
   * decoded and sent as UTF-8.
   */
  static EncodedString fromHeader(String raw) {
    String s = Syntax.strip(raw);
    if (s.startsWith("=?")) {
      EncodedString words = wordsOnly(s);
      if (words != null) {
        return words;
      }
    }
    if (!s.contains("=?")) {
      return EncodedString.of(s);
    }
    return EncodedString.of(EncodedWords.decode(s, EncodedWords.IGNORE));
  }

  private static EncodedString wordsOnly(String s) {
    String charset = null;
    ByteArrayOutputStream octets = new ByteArrayOutputStream(s.length());
    for (String w : s.split("[ \t]+")) {
      if (!w.startsWith("=?") || !w.endsWith("?=") || w.length() < 8) {
        return null;
      }
      String[] p = w.substring(2, w.length() - 2).split("\\?", -1);
      if (p.length != 3) {
        return null;
      }
      String cs = p[0];
      int star = cs.indexOf('*');
      if (star >= 0) {
        cs = cs.substring(0, star);
      }
      if (charset == null) {
        charset = cs;
      } else if (!charset.equalsIgnoreCase(cs)) {
        return null;
      }
      byte[] b = EncodedWords.wordOctets(p[1], p[2]);
      if (b == null) {
        return null;
      }
      octets.writeBytes(b);
    }
    CharacterSet cs = charset == null ? null : BodyConversion.charsetFor(charset);
    if (cs == null) {
      return null;
    }
    return EncodedString.ofOctets(cs, octets.toByteArray());
  }

  /** A Text-string value (Applic-ID ...) as header text: plain when it can be, else UTF-8 encoded words. */
  static String toHeader(String text) {
    return EncodedWords.isPlain(text) ? text : EncodedWords.encode(text);
  }

  /** Header text as a Text-string: encoded words decoded. */
  static String fromHeaderPlain(String raw) {
    return EncodedWords.decode(Syntax.strip(raw), EncodedWords.IGNORE);
  }

  // ------------------------------------------------------------------ addresses

  /**
   * An MMS address as an MM4 address, unqualified as the captures write To and From: PLMN, IPv4,
   * IPv6 and other bearer types keep their {@code /TYPE=} suffix; an e-mail address is parsed as
   * RFC 5322 (display name kept); a short code is a bare local part.
   */
  static Mm4Address toMm4(Address a, String header) throws ConversionException {
    try {
      switch (a.type()) {
        case EMAIL:
          return Mm4Address.parse(a.text());
        case SHORT_CODE:
          return Mm4Address.of(null, Syntax.strip(a.value()), null, null);
        default:
          return Mm4Address.of(
              null, Syntax.strip(a.value()), AddressType.of(a.typeName().orElse(null)), null);
      }
    } catch (IllegalArgumentException e) {
      throw ConversionException.unrepresentable(
          header, a.text(), "is not an address MM4 can carry (" + e.getMessage() + ")");
    }
  }

  /**
   * An MM4 address as an MMS address: a typed address loses the domain that routed it (MM1 writes
   * {@code +4912345678/TYPE=PLMN}); an e-mail address keeps its display name.
   */
  static Address toBinary(Mm4Address a) {
    if (a.type().isPresent()) {
      return Address.parse(a.value() + "/TYPE=" + a.type().get().token());
    }
    String spec = a.domain().map(d -> a.localPart() + "@" + d).orElse(a.localPart());
    if (a.displayName().isPresent() && a.domain().isPresent()) {
      return Address.parse(a.displayName().get() + " <" + spec + ">");
    }
    return Address.parse(spec);
  }

  /**
   * The RCPT TO form of a recipient: typed addresses qualified with the recipient MMSE's domain,
   * e-mail addresses as they are, display names dropped.
   */
  static Mm4Address envelopeForm(Mm4Address a, String recipientDomain, String header)
      throws ConversionException {
    Mm4Address bare = a.withDisplayName(null);
    if (bare.domain().isPresent()) {
      return bare;
    }
    if (recipientDomain == null) {
      throw ConversionException.missing(
          header,
          "recipient "
              + a
              + " needs the recipient MMSE's domain (ConversionContext.recipientDomain)");
    }
    return bare.withDomain(recipientDomain);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
