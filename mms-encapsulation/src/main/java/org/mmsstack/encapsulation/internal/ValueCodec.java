package org.mmsstack.encapsulation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduFormatException.Reason;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.internal.wire.Findings;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.internal.wire.WspWriter;
import org.mmsstack.encapsulation.validate.FindingCodes;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MboxCount;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * Reads and writes the value of every MMS header field.
 *
 * <p>Reading has one code path for two jobs: with {@code build == false} it only checks the
 * grammar and moves past the value (the decoder's eager pass, allocation-free for the common
 * fields); with {@code build == true} it also creates the typed value (done lazily, on first
 * access, over a value the eager pass already accepted). Oddities are reported to
 * {@link Findings}, which is {@code null} on the lazy pass because they were reported already.
 */
public final class ValueCodec {

  private ValueCodec() {}

  // One array load per header instead of a branchy switch: decoding a PDU is a run of lookups
  // with unpredictable codes, and the switch showed up as a quarter of the decode time. The
  // array is derived from the header table (HeaderField), where each field's grammar is defined.
  private static final ValueKind[] KIND_BY_CODE = new ValueKind[0x80];

  static {
    for (int c = 0; c < KIND_BY_CODE.length; c++) {
      KIND_BY_CODE[c] = ValueKind.RAW;
    }
    for (HeaderField<?> f : HeaderField.knownFields()) {
      KIND_BY_CODE[f.code()] = HeaderTable.kind(f);
    }
  }

  /** The grammar of a header code's value (the plain form; see the indexed kinds). */
  public static ValueKind kindOf(int code) {
    return code >= 0 && code < 0x80 ? KIND_BY_CODE[code] : ValueKind.RAW;
  }

  /** The grammar of a field, indexed forms and Application-headers included. */
  public static ValueKind kindOf(HeaderField<?> field) {
    return HeaderTable.kind(field);
  }

  // The defined values of every octet-valued field, indexed by code, then octet: one load
  // instead of the table's access, the field's value function and its class's table. Octets a
  // field does not define are made on each read (they are rare and carry their code).
  private static final OctetToken[][] OCTETS = new OctetToken[0x80][];

  static {
    for (HeaderField<?> f : HeaderField.knownFields()) {
      if (HeaderTable.kind(f) == ValueKind.OCTET) {
        OctetToken[] row = new OctetToken[0x100];
        for (int v = 0x80; v <= 0xFF; v++) {
          OctetToken t = HeaderTable.octet(f, v);
          row[v] = t.isKnown() ? t : null;
        }
        OCTETS[f.code()] = row;
      }
    }
  }

  private static OctetToken octet(int code, int value) {
    OctetToken[] row = code >= 0 && code < 0x80 ? OCTETS[code] : null;
    OctetToken t = row != null && value >= 0 && value <= 0xFF ? row[value] : null;
    return t != null ? t : HeaderTable.octet(HeaderField.valueOf(code), value);
  }

  // The value of every one-octet plain value that is a shared constant (a message type, a
  // version, a Yes/No, a class, a defined octet token, a Short-integer), indexed by field code,
  // then by the octet's low seven bits: what readPlain returns for those octets, found with two
  // loads. Reading a small PDU's values is mostly these; going through readPlain made each one
  // a call into a method too large to inline (HeaderValuesTest checks both agree).
  private static final Object[][] CONSTANTS = new Object[0x80][];

  static {
    for (HeaderField<?> f : HeaderField.knownFields()) {
      ValueKind kind = HeaderTable.kind(f);
      boolean constant =
          switch (kind) {
            case OCTET, YES_NO, VERSION, MESSAGE_TYPE, MESSAGE_CLASS, INTEGER -> true;
            default -> false;
          };
      if (constant) {
        Object[] row = new Object[0x80];
        byte[] one = new byte[1];
        for (int v = 0x80; v <= 0xFF; v++) {
          one[0] = (byte) v;
          Object plain = readPlain(kind, f.code(), one, 0, 1);
          boolean shared =
              plain != null && (kind != ValueKind.OCTET || ((OctetToken) plain).isKnown());
          row[v & 0x7F] = shared ? plain : null;
        }
        CONSTANTS[f.code()] = row;
      }
    }
  }

  /**
   * What {@link #readPlain} returns for the one-octet value {@code octet} (0x80-0xFF) of the
   * field {@code code} when that is a shared constant; {@code null} otherwise (other octets,
   * other kinds), when {@code readPlain} answers.
   */
  public static Object plainConstant(int code, byte octet) {
    Object[] row = CONSTANTS[code & 0x7F];
    return row != null && octet < 0 ? row[octet & 0x7F] : null;
  }

  /** Whether a kind's values are numbers: an Integer-value, a Long-integer, a Date. */
  public static boolean isNumeric(ValueKind kind) {
    return kind == ValueKind.LONG || kind == ValueKind.INTEGER || kind == ValueKind.DATE;
  }

  // The numeric form of each field octet's value (0x80 | code), indexed by the octet: the most
  // octets its Long-integer may have (6 for a date, 7 for an integer), with SHORT_TOO when a
  // Short-integer is allowed as well (an Integer-value); 0 for octets whose field is not numeric.
  // A header cursor asks for every header whether its value is a number: one load from this
  // table instead of the field's kind and three comparisons, and the number is then read with
  // the form in hand.
  private static final int SHORT_TOO = 0x10;
  private static final byte[] NUMERIC_FORMS = new byte[0x100];

  static {
    for (int code = 0; code < 0x80; code++) {
      ValueKind kind = KIND_BY_CODE[code];
      NUMERIC_FORMS[0x80 | code] =
          (byte)
              (kind == ValueKind.DATE
                  ? 6
                  : kind == ValueKind.LONG ? 7 : kind == ValueKind.INTEGER ? 7 | SHORT_TOO : 0);
    }
  }

  /**
   * The numeric form of a field octet's value ({@code 0x80 | code}; any other octet gives 0): 0
   * when the field's values are not numbers ({@link #isNumeric}), else what {@link
   * #readPlainLong} takes.
   */
  public static int numericForm(int fieldOctet) {
    return NUMERIC_FORMS[fieldOctet & 0xFF];
  }

  /**
   * A numeric value of the form {@code form} ({@link #numericForm}, not 0) filling exactly
   * {@code src[start, end)} in the plain form {@link #readPlain} reads, without boxing it: the
   * integer, or a date's seconds since the epoch; {@code -1} for any other form (the values read
   * here are never negative).
   */
  public static long readPlainLong(int form, byte[] src, int start, int end) {
    if (start >= end) {
      return -1;
    }
    int b = src[start] & 0xFF;
    if (b >= 0x80) {
      return (form & SHORT_TOO) != 0 && end - start == 1 ? b & 0x7F : -1;
    }
    if (b < 1 || b > (form & 7) || end - start != 1 + b) {
      return -1;
    }
    long v = 0;
    for (int i = start + 1; i < end; i++) {
      v = v << 8 | (src[i] & 0xFF);
    }
    return v;
  }

  /**
   * Reads one value.
   *
   * @param code the field code (for OCTET values)
   * @param f where oddities go; {@code null} on the lazy pass
   * @return the typed value when {@code build}, else {@code null}
   */
  public static Object read(
      ValueKind kind, int code, WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    switch (kind) {
      case ADDRESS:
        {
          EncodedString s = readEncodedString(r, f, maxText, build);
          return build ? Address.of(s) : null;
        }
      case TEXT:
      case APPLICATION:
        return readTextString(r, f, maxText, build);
      case CONTENT_TYPE:
        return readContentType(r, f, maxText, build);
      case DATE:
        {
          long v = readDate(r, f);
          return build ? Instant.ofEpochSecond(v) : null;
        }
      case YES_NO:
        {
          int b = readOctetValue(r);
          if (b != 0x80 && b != 0x81) {
            r.seek(r.index() - 1);
            throw r.malformed(String.format("0x%02X is neither Yes (0x80) nor No (0x81)", b));
          }
          return build ? Boolean.valueOf(b == 0x80) : null;
        }
      case TIME:
        return readTime(r, f, build);
      case FROM:
        return readFrom(r, f, maxText, build);
      case MESSAGE_CLASS:
        {
          int b = r.peek();
          if (b >= 0x80) {
            r.readOctet();
            MessageClass mc = MessageClass.fromCode(b).orElse(null);
            if (mc == null) {
              r.seek(r.index() - 1);
              throw r.malformed(String.format("0x%02X is not a Class-identifier (0x80-0x83)", b));
            }
            return mc;
          }
          String token = readTextString(r, f, maxText, build);
          return build ? MessageClass.token(token) : null;
        }
      case MESSAGE_TYPE:
        {
          int b = readOctetValue(r);
          MessageType t = MessageType.fromCode(b).orElse(null);
          if (t == null) {
            r.seek(r.index() - 1);
            throw r.error(
                Reason.UNKNOWN_MESSAGE_TYPE,
                r.index(),
                String.format("0x%02X names no PDU type", b));
          }
          return t;
        }
      case VERSION:
        return MmsVersion.fromOctet(0x80 | r.readShortInteger());
      case LONG:
        {
          long v;
          if (r.peek() >= 0x80) {
            if (f != null) {
              f.report(
                  Severity.INFO,
                  Reason.MALFORMED_VALUE,
                  r.offset(),
                  r.header(),
                  FindingCodes.NON_CANONICAL_INTEGER,
                  "a Short-integer where the specification has a Long-integer (accepted)");
            }
            v = r.readIntegerValue();
          } else {
            v = readLongInteger(r, f);
          }
          return build ? Long.valueOf(v) : null;
        }
      case INTEGER:
        {
          long v = r.readIntegerValue();
          return build ? Long.valueOf(v) : null;
        }
      case OCTET:
        {
          int b = readOctetValue(r);
          return build ? octet(code, b) : null;
        }
      case ENCODED_STRING:
        return readEncodedString(r, f, maxText, build);
      case PREVIOUSLY_SENT_BY:
        {
          int old = r.pushLimit(r.readValueLength());
          long count = r.readIntegerValue();
          EncodedString s = readEncodedString(r, f, maxText, build);
          endValue(r, old, f);
          return build ? new PreviouslySentBy(count, Address.of(s)) : null;
        }
      case PREVIOUSLY_SENT_DATE:
        {
          int old = r.pushLimit(r.readValueLength());
          long count = r.readIntegerValue();
          long date = readDate(r, f);
          endValue(r, old, f);
          return build ? new PreviouslySentDate(count, Instant.ofEpochSecond(date)) : null;
        }
      case MM_FLAGS:
        {
          int old = r.pushLimit(r.readValueLength());
          int token = r.readOctet();
          MmFlags.Operation op = MmFlags.Operation.fromCode(token).orElse(null);
          if (op == null) {
            r.seek(r.index() - 1);
            throw r.malformed(String.format("0x%02X is not an MM-flags token (0x80-0x82)", token));
          }
          EncodedString s = readEncodedString(r, f, maxText, build);
          endValue(r, old, f);
          return build ? new MmFlags(op, s) : null;
        }
      case MBOX_COUNT:
        {
          int old = r.pushLimit(r.readValueLength());
          int token = r.readOctet();
          MboxCount.Unit unit = MboxCount.Unit.fromCode(token).orElse(null);
          if (unit == null) {
            r.seek(r.index() - 1);
            throw r.malformed(
                String.format(
                    "0x%02X is neither a message-count (0x80) nor a size (0x81) token", token));
          }
          long v = r.readIntegerValue();
          endValue(r, old, f);
          return build ? new MboxCount(unit, v) : null;
        }
      case ATTRIBUTE:
        {
          int c = r.readShortInteger();
          return build ? HeaderField.valueOf(c) : null;
        }
      case ELEMENT_DESCRIPTOR:
        return readElementDescriptor(r, f, maxText, build);
      case INDEXED_TEXT:
      case INDEXED_OCTET:
      case INDEXED_ENCODED_STRING:
        {
          int old = r.pushLimit(r.readValueLength());
          long index = r.readIntegerValue();
          Object v =
              kind == ValueKind.INDEXED_TEXT
                  ? readTextString(r, f, maxText, build)
                  : kind == ValueKind.INDEXED_OCTET
                      ? Integer.valueOf(readOctetValue(r))
                      : readEncodedString(r, f, maxText, build);
          endValue(r, old, f);
          if (!build) {
            return null;
          }
          return new Indexed<>(
              index, kind == ValueKind.INDEXED_OCTET ? ResponseStatus.valueOf((Integer) v) : v);
        }
      case RAW:
      default:
        {
          int start = r.index();
          r.skipValue(maxText);
          return build ? RawValue.of(r.buffer(), start, r.index() - start) : null;
        }
    }
  }

  /**
   * The typed value of a header value the decoder has accepted in {@code src[start, end)}, read
   * straight from the array when it is in its plain form (see {@link PlainValues}); {@code null}
   * for any other form, which {@link #read} then builds.
   *
   * <p>Why beside {@link #read} rather than through it: {@code read} is one large method that
   * HotSpot does not inline, so every call needs a {@link WspReader} object and walks the
   * grammar through it, checks the decoder has already made included. Reading the notification
   * {@code ni-mms-1-3-con-271} value by value cost 1,536 octets and about 1 us that way; see
   * docs/performance.md for the figures with this path. The plain forms read here are exactly
   * the ones {@code read} accepts silently, so both give the same value (HeaderValuesTest
   * compares them over the corpus).
   */
  @SuppressWarnings("fallthrough") // an Integer-value that is not short is read as a Long-integer
  public static Object readPlain(ValueKind kind, int code, byte[] src, int start, int end) {
    if (start >= end) {
      return null;
    }
    int b = src[start] & 0xFF;
    switch (kind) {
      case TEXT:
      case APPLICATION:
        // The decoder ended the value after its 0x00; a Quote before a high octet is stripped.
        if (b == WspReader.QUOTE) {
          return start + 1 < end && (src[start + 1] & 0xFF) >= 0x80
              ? Texts.decodeUnlabelled(src, start + 1, end - 1 - (start + 1))
              : null;
        }
        return b == 0 || (b >= 0x20 && b < 0x80 && src[end - 1] == 0)
            ? Texts.decodeUnlabelled(src, start, end - 1 - start)
            : null;
      case ADDRESS:
      case ENCODED_STRING:
        {
          // A view of the input, as the PDU is (see EncodedString).
          EncodedString s;
          if (b == 0 || (b >= 0x20 && b < 0x7F)) {
            // Its first 0x00 ends it: inside a From value, octets after it are excess the full
            // reader skips (and reports), not text.
            s =
                WspReader.indexOfNul(src, start, end) == end - 1
                    ? EncodedString.viewOf(src, start, end - 1 - start)
                    : null;
          } else {
            s = b <= 0x1F ? readPlainCharsetString(src, start, end) : null; // else a Quote
          }
          return s == null ? null : kind == ValueKind.ADDRESS ? Address.of(s) : s;
        }
      case FROM:
        {
          // Value-length, then Insert-address-token, or Address-present-token and a plain address
          if (b != end - start - 1 || b < 1) {
            return null;
          }
          int token = src[start + 1] & 0xFF;
          if (token == 0x81) {
            return b == 1 ? FromValue.insertAddress() : null;
          }
          Object address =
              token == 0x80 ? readPlain(ValueKind.ADDRESS, code, src, start + 2, end) : null;
          return address != null ? FromValue.of((Address) address) : null;
        }
      case TIME:
        {
          // Value-length, Absolute or Relative token, a Long-integer
          int n = end - start - 3;
          if (b != end - start - 1 || n < 1 || (src[start + 2] & 0xFF) != n) {
            return null;
          }
          int token = src[start + 1] & 0xFF;
          if ((token != 0x80 && token != 0x81) || n > (token == 0x80 ? 6 : 7)) {
            return null;
          }
          long v = 0;
          for (int i = start + 3; i < end; i++) {
            v = v << 8 | (src[i] & 0xFF);
          }
          return new TimeValue(token == 0x81, v);
        }
      case MESSAGE_TYPE:
        return end - start == 1 ? MessageType.fromCode(b).orElse(null) : null;
      case OCTET:
        return b >= 0x80 && end - start == 1 ? octet(code, b) : null;
      case YES_NO:
        return ((b == 0x80 || b == 0x81) && end - start == 1) ? Boolean.valueOf(b == 0x80) : null;
      case VERSION:
        return b >= 0x80 && end - start == 1 ? MmsVersion.fromOctet(b) : null;
      case MESSAGE_CLASS:
        return b >= 0x80 && end - start == 1 ? MessageClass.fromCode(b).orElse(null) : null;
      case CONTENT_TYPE:
        return readPlainContentType(src, start, end);
      case INTEGER:
        if (b >= 0x80) {
          return end - start == 1 ? Long.valueOf(b & 0x7F) : null;
        }
      // a Long-integer: as for LONG
      case LONG:
      case DATE:
        {
          if (b < 1 || b > (kind == ValueKind.DATE ? 6 : 7) || end - start != 1 + b) {
            return null; // 0 octets and what may not fit a long or an Instant take the full reader
          }
          long v = 0;
          for (int i = start + 1; i < end; i++) {
            v = v << 8 | (src[i] & 0xFF);
          }
          return kind == ValueKind.DATE
              ? (Object) Instant.ofEpochSecond(v)
              : (Object) Long.valueOf(v);
        }
      default:
        return null;
    }
  }

  /**
   * Where the content of a value filling exactly {@code src[start, end)} begins after its
   * Value-length, when that is a Short-length (0x00-0x1E) or a Length-quote (0x1F) with a
   * one-octet Uintvar, at least 1 and covering the rest; -1 otherwise (the full reader takes
   * those).
   */
  private static int plainValueLengthContent(byte[] src, int start, int end) {
    int b = src[start];
    int length;
    int i;
    if (b < 0x1F) {
      length = b;
      i = start + 1;
    } else if (b == 0x1F && start + 1 < end && src[start + 1] >= 0) {
      length = src[start + 1];
      i = start + 2;
    } else {
      return -1;
    }
    return length >= 1 && length == end - i ? i : -1;
  }

  /**
   * An Encoded-string-value in the charset form filling exactly {@code src[start, end)}, as
   * {@link PlainValues} accepts it: a Value-length, a Char-set (Short-integer or a Long-integer of
   * up to 3 octets), a Quote only before an octet from 0x80 up (or an empty text), and text ending
   * with the 0x00 the length includes; {@code null} for anything else.
   */
  private static EncodedString readPlainCharsetString(byte[] src, int start, int end) {
    int i = plainValueLengthContent(src, start, end);
    if (i < 0) {
      return null;
    }
    int cs = src[i];
    long mib;
    if (cs < 0) {
      mib = cs & 0x7F;
      i++;
    } else if (cs >= 1 && cs <= 3 && cs < end - i) {
      mib = 0;
      for (int k = i + 1; k <= i + cs; k++) {
        mib = mib << 8 | (src[k] & 0xFF);
      }
      i += 1 + cs;
    } else {
      return null;
    }
    if (i >= end || src[i] < 0) {
      return null; // no text, or text from 0x80 up without its Quote
    }
    if (src[i] == WspReader.QUOTE) {
      int next = i + 1 < end ? src[i + 1] : 0;
      if (next > 0 && next != WspReader.QUOTE) {
        return null; // a superfluous Quote, which the full reader reports
      }
      i++;
    }
    if (i >= end || src[end - 1] != 0) {
      return null;
    }
    return EncodedString.viewOf(CharacterSet.valueOf(mib), src, i, end - 1 - i);
  }

  // Content types of a well-known media type with only a charset given as a Short-integer (what
  // text parts carry), made once per pair and then shared: indexed by media code, then MIBenum;
  // each row made when first needed. A benign race: ContentType is immutable with final fields,
  // and a thread that loses it makes an equal value again.
  private static final ContentType[][] CHARSET_ONLY = new ContentType[0x80][];

  private static ContentType charsetOnly(MediaType media, int mib) {
    ContentType[] row = CHARSET_ONLY[media.code()];
    if (row == null) {
      row = new ContentType[0x80];
      CHARSET_ONLY[media.code()] = row;
    }
    ContentType ct = row[mib];
    if (ct == null) {
      ct =
          ContentType.of(
              media, List.of(Parameter.of(Parameter.WellKnown.CHARSET, CharacterSet.valueOf(mib))));
      row[mib] = ct;
    }
    return ct;
  }

  // Parameters charset=<Short-integer>, made once per MIBenum and shared (a benign race, as
  // above): nearly every text part and many PDU Content-Types carry one.
  private static final Parameter[] CHARSET_PARAMETERS = new Parameter[0x80];

  private static Parameter charsetParameter(int mib) {
    Parameter p = CHARSET_PARAMETERS[mib];
    if (p == null) {
      p = Parameter.of(Parameter.WellKnown.CHARSET, CharacterSet.valueOf(mib));
      CHARSET_PARAMETERS[mib] = p;
    }
    return p;
  }

  // Media types that senders write as text, each with its content type without parameters:
  // application/smil is in nearly every multimedia message and has no well-known number; some
  // senders write text/plain or image/jpeg as text too. Matched octet for octet, so the value
  // is the one MediaType.text makes for these octets, shared instead of made per part.
  private static final MediaType[] TEXT_MEDIA = {
    MediaType.APPLICATION_SMIL,
    MediaType.text("text/plain"),
    MediaType.text("image/jpeg"),
    MediaType.text("image/gif"),
    MediaType.text("image/png"),
    MediaType.text("audio/amr"),
    MediaType.text("audio/midi"),
    MediaType.text("audio/mpeg"),
    MediaType.text("audio/mp4"),
    MediaType.text("video/3gpp"),
    MediaType.text("video/mp4"),
    MediaType.text("image/bmp"),
    MediaType.text("text/x-vcard"),
    MediaType.text("text/x-vcalendar")
  };
  private static final byte[][] TEXT_MEDIA_OCTETS = new byte[TEXT_MEDIA.length][];
  private static final ContentType[] TEXT_MEDIA_TYPES = new ContentType[TEXT_MEDIA.length];

  static {
    for (int k = 0; k < TEXT_MEDIA.length; k++) {
      TEXT_MEDIA_OCTETS[k] =
          TEXT_MEDIA[k].name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      TEXT_MEDIA_TYPES[k] = ContentType.of(TEXT_MEDIA[k], List.of());
    }
  }

  /** The index in {@link #TEXT_MEDIA} of the text {@code src[start, nul)}, or -1. */
  private static int textMedia(byte[] src, int start, int nul) {
    int length = nul - start;
    if (length == 0) {
      return -1;
    }
    for (int k = 0; k < TEXT_MEDIA_OCTETS.length; k++) {
      byte[] name = TEXT_MEDIA_OCTETS[k];
      if (name.length == length
          && name[length - 1] == src[nul - 1]
          && java.util.Arrays.equals(name, 0, length, src, start, nul)) {
        return k;
      }
    }
    return -1;
  }

  /** The media type named by the Extension-media text {@code src[start, nul)}. */
  private static MediaType textMediaType(byte[] src, int start, int nul) {
    int k = textMedia(src, start, nul);
    return k >= 0 ? TEXT_MEDIA[k] : MediaType.text(Texts.decodeUnlabelled(src, start, nul - start));
  }

  /**
   * A Content-type-value filling exactly {@code src[start, end)} in the plain form
   * ({@link PlainValues#contentType}: a well-known or textual media type, and charset, type and
   * textual well-known parameters in their plain forms), read straight from the array; {@code
   * null} for any other form, which {@link #readContentType} then reads. Both give the same
   * value for the octets read here (PlainContentTypeTest). Used for the PDU's Content-Type and
   * for every multipart entry's, which is what makes reading a part's head cheap: no reader
   * object and one walk over octets the decoder has already checked.
   */
  public static ContentType readPlainContentType(byte[] src, int start, int end) {
    if (start >= end) {
      return null;
    }
    int b = src[start];
    if (b < 0) {
      return end - start == 1 ? ContentType.of(MediaType.valueOf(b & 0x7F)) : null;
    }
    if (b == 0 || (b >= 0x20 && b != 0x7F)) {
      int nul = WspReader.indexOfNul(src, start, end);
      if (nul != end - 1) {
        return null;
      }
      int k = textMedia(src, start, nul);
      return k >= 0
          ? TEXT_MEDIA_TYPES[k]
          : ContentType.of(MediaType.text(Texts.decodeUnlabelled(src, start, nul - start)));
    }
    int i = plainValueLengthContent(src, start, end);
    if (i < 0) {
      return null;
    }
    int m = src[i];
    MediaType media;
    if (m < 0) {
      media = MediaType.valueOf(m & 0x7F);
      i++;
      // text/plain; charset=utf-8 and its kin: shared
      if (end - i == 2 && src[i] == (byte) 0x81 && src[i + 1] < 0) {
        return charsetOnly(media, src[i + 1] & 0x7F);
      }
    } else if (m >= 0x20 && m != 0x7F) {
      int nul = WspReader.indexOfNul(src, i, end);
      if (nul < 0) {
        return null;
      }
      media = textMediaType(src, i, nul);
      i = nul + 1;
    } else {
      return null;
    }
    List<Parameter> parameters = readPlainParameters(src, i, end);
    return parameters == null ? null : ContentType.of(media, parameters);
  }

  /**
   * The parameters filling exactly {@code src[start, end)} when each is in the plain form
   * {@link PlainValues#contentType} accepts (charset as an integer or text, type as a
   * well-known media or text, textual parameters as a Text-value, untyped ones with a
   * Token-text name and a short integer or text value), read straight from the array; {@code null} for anything else. What {@link #readParameter} makes for the same octets,
   * for content types and for part headers' Content-Disposition.
   */
  public static List<Parameter> readPlainParameters(byte[] src, int start, int end) {
    Parameter first = null;
    Parameter second = null;
    List<Parameter> more = null;
    int i = start;
    while (i < end) {
      int v = i + 1;
      if (v >= end) {
        return null;
      }
      Parameter p;
      if (src[i] >= 0) { // untyped: Token-text, then Integer-value or Text-value
        if (src[i] < 0x20 || src[i] == 0x7F) {
          return null;
        }
        int at = WspReader.indexOfNul(src, i, end) + 1;
        if (at <= 0 || at >= end) {
          return null;
        }
        String name = Texts.decodeUnlabelled(src, i, at - 1 - i);
        int c = src[at];
        Object value;
        if (c < 0) {
          value = Long.valueOf(c & 0x7F);
          i = at + 1;
        } else if (c == 0) {
          value = "";
          i = at + 1;
        } else if (c <= 7 && c < end - at) {
          long n = 0;
          i = at + 1 + c;
          for (int k = at + 1; k < i; k++) {
            n = n << 8 | (src[k] & 0xFF);
          }
          value = Long.valueOf(n);
        } else if (c >= 0x20 && c != 0x7F) {
          int from = c == WspReader.DOUBLE_QUOTE ? at + 1 : at;
          int nul = WspReader.indexOfNul(src, from, end);
          if (nul < 0) {
            return null;
          }
          value = Texts.decodeUnlabelled(src, from, nul - from);
          i = nul + 1;
        } else {
          return null;
        }
        p = Parameter.untyped(name, value);
      } else {
        Parameter.WellKnown w = Parameter.WellKnown.fromCode(src[i] & 0x7F).orElse(null);
        if (w == null) {
          return null;
        }
        int c = src[v];
        Parameter.Kind kind = w.kind();
        if (kind == Parameter.Kind.CHARSET && c < 0) {
          i = v + 1;
          p = charsetParameter(c & 0x7F);
        } else if (kind == Parameter.Kind.CHARSET && c >= 1 && c <= 7 && c < end - v) {
          long mib = 0;
          i = v + 1 + c;
          for (int k = v + 1; k < i; k++) {
            mib = mib << 8 | (src[k] & 0xFF);
          }
          p = Parameter.of(w, CharacterSet.valueOf(Math.min(mib, Integer.MAX_VALUE)));
        } else if (kind == Parameter.Kind.MEDIA && c < 0) {
          p = Parameter.of(w, MediaType.valueOf(c & 0x7F));
          i = v + 1;
        } else if ((kind == Parameter.Kind.CHARSET
                || kind == Parameter.Kind.MEDIA
                || kind == Parameter.Kind.TEXT)
            && (c == 0 || (c >= 0x20 && c != 0x7F))) {
          // A Text-value: No-value, a Quoted-string (its opening quote is not text) or a
          // Token-text.
          int from = c == WspReader.DOUBLE_QUOTE ? v + 1 : v;
          int nul = WspReader.indexOfNul(src, from, end);
          if (nul < 0) {
            return null;
          }
          if (kind == Parameter.Kind.MEDIA) {
            p = Parameter.of(w, c == 0 ? MediaType.text("") : textMediaType(src, from, nul));
          } else {
            p = Parameter.of(w, c == 0 ? "" : Texts.decodeUnlabelled(src, from, nul - from));
          }
          i = nul + 1;
        } else {
          return null;
        }
      }
      if (first == null) {
        first = p;
      } else if (second == null) {
        second = p;
      } else {
        if (more == null) {
          more = new ArrayList<>(4);
          more.add(first);
          more.add(second);
        }
        more.add(p);
      }
    }
    return more != null
        ? List.copyOf(more)
        : first == null ? List.of() : second == null ? List.of(first) : List.of(first, second);
  }

  private static int readOctetValue(WspReader r) throws PduFormatException {
    int b = r.readOctet();
    if (b < 0x80) {
      r.seek(r.index() - 1);
      throw r.malformed(String.format("0x%02X is not an octet value (0x80-0xFF)", b));
    }
    return b;
  }

  private static long readLongInteger(WspReader r, Findings f) throws PduFormatException {
    if (f != null && r.peek() == 0) {
      f.report(
          Severity.INFO,
          Reason.MALFORMED_VALUE,
          r.offset(),
          r.header(),
          FindingCodes.NON_CANONICAL_INTEGER,
          "Long-integer with no octets (read as 0; AOSP's composer writes this)");
    }
    return r.readLongInteger();
  }

  /**
   * A Date-value: a Long-integer of seconds that {@link Instant} can hold. Eight octets can say
   * more (up to 2^63 - 1 s); such a date is malformed here rather than a DateTimeException when
   * the value is first read.
   */
  private static long readDate(WspReader r, Findings f) throws PduFormatException {
    int start = r.index();
    long v = readLongInteger(r, f);
    if (v > Instant.MAX.getEpochSecond()) {
      r.seek(start);
      throw r.malformed("Date-value of " + v + " s is beyond the year 1000000000");
    }
    return v;
  }

  /** Checks that a length-delimited value was read to its end, then restores the limit. */
  private static void endValue(WspReader r, int oldLimit, Findings f) throws PduFormatException {
    if (r.hasRemaining()) {
      if (f != null) {
        int excess = r.remaining();
        f.report(
            Severity.ERROR,
            Reason.MALFORMED_VALUE,
            r.offset(),
            r.header(),
            FindingCodes.EXCESS_OCTETS,
            () -> excess + " octets inside the value's length that its grammar does not use");
      }
      r.skip(r.remaining());
    }
    r.popLimit(oldLimit);
  }

  // ---- text ----------------------------------------------------------------------------------

  /**
   * Reads a Text-string and returns it (when {@code build}) decoded as unlabelled text. A Quote
   * before an octet below 0x80 is stripped with a warning (AOSP, Wireshark and Symbian accept
   * it; Mozilla and Sailfish refuse the PDU).
   */
  public static String readTextString(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int start = textStart(r, f);
    int end = r.skipPastTerminator(maxText);
    return build ? Texts.decodeUnlabelled(r.buffer(), start, end - start) : null;
  }

  /** Moves past an optional Quote and returns the index of the first text octet. */
  private static int textStart(WspReader r, Findings f) throws PduFormatException {
    int b = r.peek();
    if (b == WspReader.QUOTE) {
      r.readOctet();
      if (f != null
          && r.hasRemaining()
          && r.peek() < 0x80
          && r.peek() != 0
          && r.peek() != WspReader.QUOTE) {
        f.report(
            Severity.WARNING,
            Reason.MALFORMED_VALUE,
            r.offset() - 1,
            r.header(),
            FindingCodes.SUPERFLUOUS_QUOTE,
            "Quote (0x7F) before a text octet below 0x80 (stripped)");
      }
      return r.index();
    }
    if (b != 0 && (b < 0x20 || b >= 0x80)) {
      throw r.malformed(String.format("0x%02X cannot start a Text-string", b));
    }
    return r.index();
  }

  /** Reads an Encoded-string-value. */
  public static EncodedString readEncodedString(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int b = r.peek();
    if (b == 0 || b >= 0x20) {
      if (b >= 0x80) {
        throw r.malformed(String.format("0x%02X cannot start an Encoded-string-value", b));
      }
      int start = textStart(r, f);
      int end = r.skipPastTerminator(maxText);
      return build ? EncodedString.viewOf(r.buffer(), start, end - start) : null;
    }
    int length = r.readValueLength();
    if (length > maxText) {
      throw r.error(
          Reason.LIMIT_EXCEEDED,
          r.index(),
          "text longer than " + maxText + " octets (DecodeConfig.maxTextLength)");
    }
    int old = r.pushLimit(length);
    long mib = r.readIntegerValue();
    if (mib > Integer.MAX_VALUE) {
      throw r.malformed("Char-set " + mib + " is not a MIBenum");
    }
    int start = r.index();
    if (r.hasRemaining()) {
      int first = r.peek();
      if (first >= 0x80 && first != WspReader.QUOTE) {
        // The Value-length delimits the text, so a missing Quote is harmless here; real senders
        // omit it before UTF-8 text (a subject starting with a byte-order mark, for one).
        if (f != null) {
          f.report(
              Severity.WARNING,
              Reason.MALFORMED_VALUE,
              r.offset(),
              r.header(),
              FindingCodes.MISSING_QUOTE,
              () ->
                  String.format(
                      "text starting with 0x%02X lacks the Quote (0x7F) the grammar requires",
                      first));
        }
      } else if (first == WspReader.QUOTE) {
        r.readOctet();
        start = r.index();
        int next = r.hasRemaining() ? r.peek() : 0;
        if (f != null && next != 0 && next < 0x80 && next != WspReader.QUOTE) {
          f.report(
              Severity.WARNING,
              Reason.MALFORMED_VALUE,
              r.offset() - 1,
              r.header(),
              FindingCodes.SUPERFLUOUS_QUOTE,
              "Quote (0x7F) before a text octet below 0x80 (stripped)");
        }
      }
      // Any other first octet is text: the Value-length delimits it, and UCS-2 / UTF-16 text
      // starts with octets below 0x20 (U+0100-U+1FFF, U+0000-U+001F) that a Text-string forbids.
    }
    // Delimit by the Value-length, not by the first 0x00: UCS-2 and UTF-16 text contains 0x00.
    int end = r.limit();
    if (end > start && r.buffer()[end - 1] == 0) {
      end--;
    } else if (f != null) {
      f.report(
          Severity.ERROR,
          Reason.UNTERMINATED_TEXT,
          r.offsetOf(end),
          r.header(),
          FindingCodes.UNTERMINATED_TEXT,
          "Encoded-string-value text does not end with 0x00 (read to the end of its length)");
    }
    r.skip(r.remaining());
    r.popLimit(old);
    return build
        ? EncodedString.viewOf(CharacterSet.valueOf(mib), r.buffer(), start, end - start)
        : null;
  }

  private static Object readTime(WspReader r, Findings f, boolean build) throws PduFormatException {
    int old = r.pushLimit(r.readValueLength());
    int token = r.readOctet();
    long v;
    if (token == 0x80) {
      v = readDate(r, f);
    } else if (token == 0x81) {
      if (r.peek() >= 0x80 && f != null) {
        f.report(
            Severity.WARNING,
            Reason.MALFORMED_VALUE,
            r.offset(),
            r.header(),
            FindingCodes.SHORT_DELTA_SECONDS,
            "Delta-seconds as a Short-integer: AOSP, Sailfish and Wireshark read only the Long-integer form");
      }
      v = r.readIntegerValue();
    } else {
      r.seek(r.index() - 1);
      throw r.malformed(
          String.format(
              "0x%02X is neither the Absolute (0x80) nor the Relative (0x81) token", token));
    }
    endValue(r, old, f);
    return build ? new TimeValue(token == 0x81, v) : null;
  }

  private static Object readFrom(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int old = r.pushLimit(r.readValueLength());
    int token = r.readOctet();
    Object result;
    if (token == 0x81) {
      result = FromValue.insertAddress();
    } else if (token == 0x80) {
      EncodedString s = readEncodedString(r, f, maxText, build);
      result = build ? FromValue.of(Address.of(s)) : null;
    } else {
      r.seek(r.index() - 1);
      throw r.malformed(
          String.format(
              "0x%02X is neither Address-present (0x80) nor Insert-address (0x81)", token));
    }
    endValue(r, old, f);
    return result;
  }

  private static Object readElementDescriptor(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int old = r.pushLimit(r.readValueLength());
    String ref = readTextString(r, f, maxText, build);
    List<ElementDescriptor.Entry> entries = build ? new ArrayList<>(2) : null;
    while (r.hasRemaining()) {
      String name;
      if (r.peek() >= 0x80) {
        int c = r.readShortInteger();
        name = c == 0x02 ? "type" : "param-0x" + Integer.toHexString(c);
      } else {
        name = readTextString(r, f, maxText, build);
      }
      String value;
      if (r.peek() >= 0x80) {
        value = MediaType.valueOf(r.readShortInteger()).name();
      } else {
        value = readTextString(r, f, maxText, build);
      }
      if (build) {
        entries.add(new ElementDescriptor.Entry(name, value));
      }
    }
    r.popLimit(old);
    return build ? new ElementDescriptor(ref, entries) : null;
  }

  // ---- content type ----------------------------------------------------------------------------

  /** Reads a Content-type-value (short or general form). */
  public static ContentType readContentType(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int b = r.peek();
    if (b >= 0x80) {
      r.readOctet();
      return build ? ContentType.of(MediaType.valueOf(b & 0x7F)) : null;
    }
    if (b >= 0x20 || b == 0) {
      String media = readExtensionMedia(r, f, maxText, build);
      return build ? ContentType.of(MediaType.text(media)) : null;
    }
    int old = r.pushLimit(r.readValueLength());
    MediaType media;
    int m = r.peek();
    if (m >= 0x80 || m <= 0x1E) {
      long code = r.readIntegerValue();
      if (code > Integer.MAX_VALUE) {
        throw r.malformed("media number " + code + " out of range");
      }
      media = build ? MediaType.valueOf(code) : null;
    } else {
      String s = readExtensionMedia(r, f, maxText, build);
      media = build ? MediaType.text(s) : null;
    }
    // One or two parameters (charset, name, start, type) are what parts have: they go into an
    // immutable list directly, which ContentType.of keeps without copying.
    Parameter first = null;
    Parameter second = null;
    List<Parameter> more = null;
    while (r.hasRemaining()) {
      Parameter p = readParameter(r, f, maxText, build);
      if (!build) {
        continue;
      }
      if (first == null) {
        first = p;
      } else if (second == null) {
        second = p;
      } else {
        if (more == null) {
          more = new ArrayList<>(4);
          more.add(first);
          more.add(second);
        }
        more.add(p);
      }
    }
    r.popLimit(old);
    if (!build) {
      return null;
    }
    return ContentType.of(
        media,
        more != null
            ? more
            : first == null ? List.of() : second == null ? List.of(first) : List.of(first, second));
  }

  private static String readExtensionMedia(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    // Extension-media has no Quote in the grammar; Mozilla accepts one (bug 823816), so do we.
    return readTextString(r, f, maxText, build);
  }

  /** Reads one parameter (typed or untyped). */
  public static Parameter readParameter(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int b = r.peek();
    if (b >= 0x80 || b <= 0x1E) {
      int at = r.index();
      long code = r.readIntegerValue();
      Parameter.WellKnown w = Parameter.WellKnown.fromCode(code).orElse(null);
      if (w == null) {
        // An unassigned parameter token: its value can still be stepped over.
        if (f != null) {
          f.report(
              Severity.WARNING,
              Reason.MALFORMED_VALUE,
              r.offsetOf(at),
              r.header(),
              FindingCodes.UNKNOWN_PARAMETER,
              () -> "unassigned well-known parameter 0x" + Long.toHexString(code) + " (kept)");
        }
        int start = r.index();
        r.skipValue(maxText);
        return build
            ? Parameter.untyped(
                "param-0x" + Long.toHexString(code),
                Texts.decodeUnlabelled(r.buffer(), start, r.index() - start))
            : null;
      }
      Object v = readTypedParameterValue(w.kind(), r, f, maxText, build);
      return build ? Parameter.of(w, v) : null;
    }
    String name = readTokenText(r, maxText, build);
    int v = r.peek();
    Object value;
    if (v >= 0x80 || (v >= 0x01 && v <= 0x1E)) {
      long n = r.readIntegerValue();
      value = build ? Long.valueOf(n) : null;
    } else {
      value = readTextValue(r, f, maxText, build);
    }
    return build ? Parameter.untyped(name, value) : null;
  }

  private static String readTokenText(WspReader r, int maxText, boolean build)
      throws PduFormatException {
    int start = r.index();
    int end = r.skipPastTerminator(maxText);
    return build ? Texts.decodeUnlabelled(r.buffer(), start, end - start) : null;
  }

  /** Text-value: No-value (0x00), Quoted-string (0x22 ...), or Token-text / Text-string. */
  private static String readTextValue(WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int b = r.peek();
    if (b == 0) {
      r.readOctet();
      return build ? "" : null;
    }
    if (b == WspReader.DOUBLE_QUOTE) {
      r.readOctet();
      int start = r.index();
      int end = r.skipPastTerminator(maxText);
      return build ? Texts.decodeUnlabelled(r.buffer(), start, end - start) : null;
    }
    return readTextString(r, f, maxText, build);
  }

  /**
   * Whether a Q-value is sent as text ("0.5"). A one-octet Q-value Uintvar (1-127) is itself an
   * octet 0x01-0x7F, so the first octet alone cannot tell: text is a run of digits and dots
   * ending in 0x00 inside the value, a Uintvar anything else.
   */
  private static boolean isQValueText(WspReader r) throws PduFormatException {
    int b = r.peek();
    if (b == WspReader.DOUBLE_QUOTE) {
      return true;
    }
    byte[] buf = r.buffer();
    int i = r.index();
    while (i < r.limit() && (buf[i] == '.' || (buf[i] >= '0' && buf[i] <= '9'))) {
      i++;
    }
    return i > r.index() && i < r.limit() && buf[i] == 0;
  }

  private static Object readTypedParameterValue(
      Parameter.Kind kind, WspReader r, Findings f, int maxText, boolean build)
      throws PduFormatException {
    int b = r.peek();
    boolean numeric = b >= 0x80 || (b >= 0x01 && b <= 0x1E);
    switch (kind) {
      case Q_VALUE:
        {
          if (isQValueText(r)) {
            // Text where a Q-value is expected: allowed as a fallback.
            return readTextValue(r, f, maxText, build);
          }
          long q = r.readUintvar();
          return build ? Long.valueOf(q) : null;
        }
      case CHARSET:
        if (numeric) {
          long mib = r.readIntegerValue();
          return build ? CharacterSet.valueOf(Math.min(mib, Integer.MAX_VALUE)) : null;
        }
        return readTextValue(r, f, maxText, build);
      case MEDIA:
        if (b >= 0x80) {
          r.readOctet();
          return build ? MediaType.valueOf(b & 0x7F) : null;
        }
        if (numeric) {
          long code = r.readLongInteger();
          return build ? MediaType.valueOf(Math.min(code, Integer.MAX_VALUE)) : null;
        }
        String media = readTextValue(r, f, maxText, build);
        return build ? MediaType.text(media) : null;
      case INTEGER:
      case DELTA_SECONDS:
      case DATE:
      case SHORT_INTEGER:
      case VERSION:
      case FIELD_NAME:
        if (numeric) {
          long n = r.readIntegerValue();
          return build ? Long.valueOf(n) : null;
        }
        return readTextValue(r, f, maxText, build);
      case NO_VALUE:
      case TEXT:
      default:
        return readTextValue(r, f, maxText, build);
    }
  }

  // ---- writing ---------------------------------------------------------------------------------

  /**
   * Writes a typed value in its canonical encoding.
   *
   * @throws IllegalArgumentException when the value does not have the field's type
   */
  @SuppressWarnings("unchecked")
  public static void write(ValueKind kind, Object value, WspWriter w) {
    switch (kind) {
      case ADDRESS:
        writeEncodedString(((Address) value).encoded(), w);
        return;
      case TEXT:
      case APPLICATION:
        w.writeTextString((String) value);
        return;
      case CONTENT_TYPE:
        writeContentType((ContentType) value, w);
        return;
      case DATE:
        w.writeLongInteger(((Instant) value).getEpochSecond());
        return;
      case YES_NO:
        w.writeOctet((Boolean) value ? 0x80 : 0x81);
        return;
      case TIME:
        {
          TimeValue t = (TimeValue) value;
          int mark = w.beginValueLength();
          w.writeOctet(t.relative() ? 0x81 : 0x80);
          // Delta-seconds as a Long-integer even below 128: AOSP throws on the short form.
          w.writeLongInteger(t.seconds());
          w.endValueLength(mark);
          return;
        }
      case FROM:
        {
          FromValue from = (FromValue) value;
          int mark = w.beginValueLength();
          if (from.isInsertAddress()) {
            w.writeOctet(0x81);
          } else {
            w.writeOctet(0x80);
            writeEncodedString(from.address().orElseThrow().encoded(), w);
          }
          w.endValueLength(mark);
          return;
        }
      case MESSAGE_CLASS:
        {
          MessageClass mc = (MessageClass) value;
          if (mc.isToken()) {
            w.writeTerminated(mc.name());
          } else {
            w.writeOctet(mc.code());
          }
          return;
        }
      case MESSAGE_TYPE:
        w.writeOctet(((MessageType) value).code());
        return;
      case VERSION:
        w.writeOctet(((MmsVersion) value).toOctet());
        return;
      case LONG:
        w.writeLongInteger((Long) value);
        return;
      case INTEGER:
        w.writeIntegerValue((Long) value);
        return;
      case OCTET:
        w.writeOctet(((OctetToken) value).code());
        return;
      case ENCODED_STRING:
        writeEncodedString((EncodedString) value, w);
        return;
      case PREVIOUSLY_SENT_BY:
        {
          PreviouslySentBy p = (PreviouslySentBy) value;
          int mark = w.beginValueLength();
          w.writeIntegerValue(p.forwardedCount());
          writeEncodedString(p.address().encoded(), w);
          w.endValueLength(mark);
          return;
        }
      case PREVIOUSLY_SENT_DATE:
        {
          PreviouslySentDate p = (PreviouslySentDate) value;
          int mark = w.beginValueLength();
          w.writeIntegerValue(p.forwardedCount());
          w.writeLongInteger(p.date().getEpochSecond());
          w.endValueLength(mark);
          return;
        }
      case MM_FLAGS:
        {
          MmFlags m = (MmFlags) value;
          int mark = w.beginValueLength();
          w.writeOctet(m.operation().code());
          writeEncodedString(m.keyword(), w);
          w.endValueLength(mark);
          return;
        }
      case MBOX_COUNT:
        {
          MboxCount m = (MboxCount) value;
          int mark = w.beginValueLength();
          w.writeOctet(m.unit().code());
          w.writeIntegerValue(m.value());
          w.endValueLength(mark);
          return;
        }
      case ATTRIBUTE:
        w.writeShortInteger(((HeaderField<?>) value).code());
        return;
      case ELEMENT_DESCRIPTOR:
        {
          ElementDescriptor e = (ElementDescriptor) value;
          int mark = w.beginValueLength();
          w.writeTextString(e.contentReference());
          for (ElementDescriptor.Entry p : e.parameters()) {
            boolean type = p.name().equalsIgnoreCase("type");
            if (type) {
              w.writeShortInteger(0x02);
            } else {
              w.writeTextString(p.name());
            }
            MediaType m = MediaType.of(p.value());
            if (type && m.code() >= 0 && m.code() < 0x80) {
              w.writeShortInteger(m.code());
            } else {
              w.writeTextString(p.value());
            }
          }
          w.endValueLength(mark);
          return;
        }
      case INDEXED_TEXT:
      case INDEXED_OCTET:
      case INDEXED_ENCODED_STRING:
        {
          Indexed<Object> ix = (Indexed<Object>) value;
          int mark = w.beginValueLength();
          w.writeIntegerValue(ix.index());
          write(
              kind == ValueKind.INDEXED_TEXT
                  ? ValueKind.TEXT
                  : kind == ValueKind.INDEXED_OCTET ? ValueKind.OCTET : ValueKind.ENCODED_STRING,
              ix.value(),
              w);
          w.endValueLength(mark);
          return;
        }
      case RAW:
      default:
        w.writeBytes(((RawValue) value).octets());
    }
  }

  /** Writes an Encoded-string-value: plain for no charset, else Value-length, Char-set, text. */
  public static void writeEncodedString(EncodedString s, WspWriter w) {
    CharacterSet cs = s.charset().orElse(null); // charset() does not allocate
    if (cs == null) {
      ValueAccess.writeTextString(s, w); // the octets from where they are: no copy
      return;
    }
    int mark = w.beginValueLength();
    w.writeIntegerValue(cs.mibEnum());
    ValueAccess.writeTextString(s, w);
    w.endValueLength(mark);
  }

  /** Writes a Content-type-value: the short form when there are no parameters. */
  public static void writeContentType(ContentType ct, WspWriter w) {
    MediaType m = ct.mediaType();
    if (ct.parameters().isEmpty()) {
      if (m.code() >= 0 && m.code() < 0x80) {
        w.writeOctet(0x80 | m.code());
      } else if (m.code() < 0) {
        w.writeTextString(m.name());
      } else {
        int mark = w.beginValueLength();
        w.writeLongInteger(m.code());
        w.endValueLength(mark);
      }
      return;
    }
    int mark = w.beginValueLength();
    if (m.code() >= 0) {
      w.writeIntegerValue(m.code());
    } else {
      w.writeTextString(m.name());
    }
    List<Parameter> parameters = ct.parameters();
    for (int i = 0, n = parameters.size(); i < n; i++) {
      writeParameter(parameters.get(i), w);
    }
    w.endValueLength(mark);
  }

  /** Writes one parameter. */
  public static void writeParameter(Parameter p, WspWriter w) {
    Object v = p.value();
    Parameter.WellKnown wk = p.wellKnown().orElse(null); // does not allocate
    if (wk == null) {
      w.writeTerminated(p.name());
      if (v instanceof Long) {
        w.writeIntegerValue((Long) v);
      } else {
        writeTextValue((String) v, w);
      }
      return;
    }
    w.writeIntegerValue(wk.code());
    if (v instanceof String) {
      writeTextValue((String) v, w);
      return;
    }
    switch (wk.kind()) {
      case CHARSET:
        w.writeIntegerValue(((CharacterSet) v).mibEnum());
        return;
      case MEDIA:
        {
          MediaType m = (MediaType) v;
          if (m.code() >= 0 && m.code() < 0x80) {
            w.writeOctet(0x80 | m.code());
          } else if (m.code() >= 0x80) {
            // A registered number (0x0201 ...): a Long-integer, as the reader expects; its
            // placeholder name written as text would come back as a different, textual type.
            w.writeLongInteger(m.code());
          } else {
            w.writeTerminated(m.name());
          }
          return;
        }
      case Q_VALUE:
        w.writeUintvar((Long) v);
        return;
      case DATE:
        w.writeLongInteger((Long) v);
        return;
      default:
        w.writeIntegerValue((Long) v);
    }
  }

  private static void writeTextValue(String s, WspWriter w) {
    if (s.isEmpty()) {
      w.writeOctet(0);
    } else if (s.charAt(0) == '"') {
      // A Text-value starting with 0x22 is read as a Quoted-string, whose first quote is not
      // part of the value: send it as one, so the text keeps its own leading quote.
      w.writeQuotedString(s);
    } else {
      w.writeTextString(s);
    }
  }
}
