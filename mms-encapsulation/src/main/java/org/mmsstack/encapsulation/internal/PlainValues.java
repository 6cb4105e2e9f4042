package org.mmsstack.encapsulation.internal;

import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.internal.wire.WspReader;

/**
 * Steps over a header value that is in its plain form: the encoding a conforming composer
 * writes, about which {@link ValueCodec#read} would have nothing to report. Anything else
 * (every oddity, every rare form, every error) gives {@code -1}, and the decoder hands the value
 * to {@code ValueCodec.read}, which accepts everything accepted here and explains the rest.
 *
 * <p>Why a second reader: the decoder's header loop runs once per header of every PDU. With
 * only array indexes in play the JIT keeps its position in registers and allocates nothing;
 * once the loop hands a {@code WspReader} to the full reader, the reader is a real object and
 * every step goes through memory. Measured with JMH, taking the plain values out of the full
 * reader (here and for multipart entries) made decoding 1.6 to 1.9 times as fast. Measured
 * again with the header table in place ({@code HeaderWalkBenchmark}: the headers of every
 * clean corpus PDU, one reader against this loop plus the full reader, in one run on a loaded
 * 2-core machine): 21-36 against 32-58 microseconds per pass at best, 1.4-1.5 times as fast by
 * median, and 2.5 KB allocated per pass against 22.5 KB (a reader object per value). The
 * contract (plain implies accepted by the full reader, silently, ending at the same octet) is
 * checked by PlainValuesTest over every two-octet input and millions of generated ones.
 *
 * <p>{@link #scanHeaders} steps over whole header fields; every other method steps over one
 * value: it takes the value's first index and the end of the input, and returns the index one
 * past the value, or {@code -1}.
 */
public final class PlainValues {

  private PlainValues() {}

  // The plain forms as small ints: the decoder finds a field's form with one octet load from a
  // table indexed by the field octet and dispatches on it with a switch on an int. An enum
  // switch costs three dependent loads more per header (the kind, its ordinal, the switch map).
  private static final int CONTENT_TYPE_OCTET = 0x80 | HeaderField.CONTENT_TYPE.code();

  /** No plain form: the full reader takes every value. */
  public static final byte NONE = 0;

  private static final byte OCTET = 1;
  private static final byte YES_NO = 2;
  private static final byte MESSAGE_CLASS = 3;
  private static final byte TEXT = 4;
  private static final byte LONG = 5;
  private static final byte DATE = 6;
  private static final byte INTEGER = 7;
  private static final byte ENCODED_STRING = 8;
  private static final byte FROM = 9;
  private static final byte TIME = 10;
  private static final byte CONTENT_TYPE = 11;

  /** The plain form of a value kind, {@link #NONE} for kinds that always take the full reader. */
  public static byte formOf(ValueKind kind) {
    switch (kind) {
      case OCTET:
      case VERSION:
        return OCTET;
      case YES_NO:
        return YES_NO;
      case MESSAGE_CLASS:
        return MESSAGE_CLASS;
      case TEXT:
        return TEXT;
      case LONG:
        return LONG;
      case DATE:
        return DATE;
      case INTEGER:
        return INTEGER;
      case ADDRESS:
      case ENCODED_STRING:
        return ENCODED_STRING;
      case FROM:
        return FROM;
      case TIME:
        return TIME;
      case CONTENT_TYPE:
        return CONTENT_TYPE;
      default:
        return NONE;
    }
  }

  /**
   * Steps over consecutive header fields whose values are in their plain form, recording where
   * each starts in {@code starts[n...]}. Stops before the first field that is not plain (an
   * unassigned or unexpected code, an Application-header, a value in another form, an error:
   * the full reader's work), after a Content-Type (the body follows), at {@code end}, or when
   * {@code maxHeaders} headers are recorded or {@code starts} has room for only one more index.
   *
   * <p>Why one loop here rather than a call per header: HotSpot inlines a callee into a call
   * site that runs many times per invocation, so the value readers are compiled into this
   * loop and the scan works on array indexes in registers.
   *
   * @param forms the plain form of each field octet's value ({@link #formOf}; {@link #NONE} for
   *     octets with no plain form)
   * @return the new count of recorded headers, {@code m}; {@code starts[m]} holds the index
   *     where scanning stopped (the next header, the body, or {@code end})
   */
  public static int scanHeaders(
      byte[] forms,
      byte[] src,
      int pos,
      int end,
      int maxText,
      int[] starts,
      int n,
      int maxHeaders) {
    int room = Math.min(starts.length - 1, maxHeaders);
    while (pos < end && n < room) {
      int b = src[pos] & 0xFF;
      int v = pos + 1;
      if (v >= end) {
        break;
      }
      // The dispatch is written out here, not in a method called per header: such a method is
      // compiled on its own before this loop gets hot, and HotSpot does not inline an already
      // compiled method of its size, so every header stayed a call (1.2 times the instructions
      // per decode, measured).
      int next;
      switch (forms[b]) {
        case OCTET:
          next = src[v] < 0 ? v + 1 : -1;
          break;
        case YES_NO:
          next = src[v] == (byte) 0x80 || src[v] == (byte) 0x81 ? v + 1 : -1;
          break;
        case MESSAGE_CLASS:
          next =
              (src[v] & 0xFF) >= 0x80 && (src[v] & 0xFF) <= 0x83
                  ? v + 1
                  : text(src, v, end, maxText);
          break;
        case TEXT:
          next = text(src, v, end, maxText);
          break;
        case LONG:
          next = longInteger(src, v, end, 7);
          break;
        case DATE:
          next = longInteger(src, v, end, 6);
          break;
        case INTEGER:
          next = src[v] < 0 ? v + 1 : longInteger(src, v, end, 7);
          break;
        case ENCODED_STRING:
          next = encodedString(src, v, end, maxText);
          break;
        case FROM:
          next = from(src, v, end, maxText);
          break;
        case TIME:
          next = time(src, v, end);
          break;
        case CONTENT_TYPE:
          next = contentType(src, v, end, maxText);
          break;
        default:
          next = -1;
      }
      if (next < 0) {
        break;
      }
      starts[n++] = pos;
      pos = next;
      if (b == CONTENT_TYPE_OCTET) {
        break; // Content-Type: the body follows
      }
    }
    starts[n] = pos;
    return n;
  }

  /** The most headers {@link #scanPacked} records: nine 7-bit offsets fill 63 bits. */
  public static final int PACKED_HEADERS = 9;

  /** The PDU length below which {@link #scanPacked} applies: every offset fits in 7 bits. */
  public static final int PACKED_LENGTH = 128;

  /**
   * Steps over the headers of a whole PDU of fewer than {@link #PACKED_LENGTH} octets at {@code
   * src[base, end)} whose X-Mms-Message-Type (two octets) the caller has checked, as {@link
   * #scanHeaders} does, and returns where each header starts instead of writing it into an
   * array: header {@code k}'s offset from {@code base} in bits {@code 7k} to {@code 7k + 6}
   * (header 0 is at offset 0), the bits above the last header zero. {@code -1} unless every
   * header is plain, none is a Content-Type, the last ends at {@code end}, and there are at
   * most {@link #PACKED_HEADERS} and {@code maxHeaders} of them: {@link #scanHeaders} and the
   * full reader then take the PDU from the start.
   *
   * <p>Why a second loop: the table of a small PDU is then a {@code long} in the decoded
   * object, not an {@code int[]} of its own (a confirmation, an acknowledgement, a notification
   * decode to two objects instead of three), and the array that {@code scanHeaders} fills
   * cannot be kept in registers. The dispatch is the same as {@code scanHeaders}' and written
   * out for the same reason; PlainValuesTest checks that both loops agree.
   */
  public static long scanPacked(
      byte[] forms, byte[] src, int base, int end, int maxText, int maxHeaders) {
    int room = Math.min(PACKED_HEADERS, maxHeaders);
    long packed = 0;
    int pos = base + 2;
    for (int n = 1; pos < end; n++) {
      int b = src[pos] & 0xFF;
      int v = pos + 1;
      if (n >= room || v >= end || b == CONTENT_TYPE_OCTET) {
        return -1;
      }
      int next;
      switch (forms[b]) {
        case OCTET:
          next = src[v] < 0 ? v + 1 : -1;
          break;
        case YES_NO:
          next = src[v] == (byte) 0x80 || src[v] == (byte) 0x81 ? v + 1 : -1;
          break;
        case MESSAGE_CLASS:
          next =
              (src[v] & 0xFF) >= 0x80 && (src[v] & 0xFF) <= 0x83
                  ? v + 1
                  : text(src, v, end, maxText);
          break;
        case TEXT:
          next = text(src, v, end, maxText);
          break;
        case LONG:
          next = longInteger(src, v, end, 7);
          break;
        case DATE:
          next = longInteger(src, v, end, 6);
          break;
        case INTEGER:
          next = src[v] < 0 ? v + 1 : longInteger(src, v, end, 7);
          break;
        case ENCODED_STRING:
          next = encodedString(src, v, end, maxText);
          break;
        case FROM:
          next = from(src, v, end, maxText);
          break;
        case TIME:
          next = time(src, v, end);
          break;
        default:
          next = -1; // Content-Type (refused above) and the fields without a plain form
      }
      if (next < 0) {
        return -1;
      }
      packed |= (long) (pos - base) << (7 * n);
      pos = next;
    }
    return packed;
  }

  /** How many headers a table made by {@link #scanPacked} records (not -1). */
  public static int packedCount(long packed) {
    // Header k > 0 starts at offset 2 or more, so the highest set bit is in the last one's field.
    return packed == 0 ? 1 : (63 - Long.numberOfLeadingZeros(packed)) / 7 + 1;
  }

  /**
   * A Text-string without a Quote: a first octet 0x20-0x7E (or an empty string) and a 0x00
   * within {@code maxText} octets.
   */
  public static int text(byte[] src, int pos, int end, int maxText) {
    int b = src[pos];
    if (b != 0 && (b < 0x20 || b == 0x7F)) {
      return -1;
    }
    int stop = maxText >= end - pos ? end : pos + maxText + 1;
    int nul = WspReader.indexOfNul(src, pos, stop);
    return nul < 0 ? -1 : nul + 1;
  }

  /**
   * A Long-integer of 1 to {@code maxOctets} octets (at most 7, so it is never negative; a date
   * of 6 octets is always within {@link java.time.Instant}). A zero length is an AOSP oddity the
   * full reader reports.
   */
  static int longInteger(byte[] src, int pos, int end, int maxOctets) {
    int n = src[pos];
    return n >= 1 && n <= maxOctets && n < end - pos ? pos + 1 + n : -1;
  }

  /**
   * A Value-length in its short form or as Length-quote and a one-octet Uintvar; returns the
   * length, or {@code -1}. The value's first octet is at {@code pos + lengthSize(src, pos)}.
   */
  private static int valueLength(byte[] src, int pos, int end) {
    int b = src[pos];
    if (b >= 0 && b < 0x1F) {
      return b;
    }
    if (b == 0x1F && pos + 1 < end && src[pos + 1] >= 0) {
      return src[pos + 1];
    }
    return -1;
  }

  private static int lengthSize(byte[] src, int pos) {
    return src[pos] == 0x1F ? 2 : 1;
  }

  /**
   * An Encoded-string-value: a Text-string, or a Value-length, a Char-set (Short-integer or a
   * Long-integer of up to 3 octets), an optional Quote before a first octet of 0x80 or above,
   * and text whose last octet is the 0x00 the length includes.
   */
  static int encodedString(byte[] src, int pos, int end, int maxText) {
    int b = src[pos];
    if (b == 0 || b >= 0x20) {
      return text(src, pos, end, maxText);
    }
    int length = valueLength(src, pos, end);
    int start = pos + lengthSize(src, pos);
    int stop = start + length;
    if (length < 1 || length > maxText || length > end - start) {
      return -1;
    }
    int i = start;
    int charset = src[i];
    if (charset < 0) {
      i++;
    } else if (charset >= 1 && charset <= 3) {
      i += 1 + charset;
    } else {
      return -1;
    }
    if (i < stop && src[i] < 0) { // text from 0x80 up needs its Quote
      return -1;
    }
    if (i < stop && src[i] == 0x7F) {
      int next = i + 1 < stop ? src[i + 1] : 0;
      if (next > 0 && next != 0x7F) {
        return -1;
      }
      i++;
    }
    return i < stop && src[stop - 1] == 0 ? stop : -1;
  }

  /** From: a Value-length, then Insert-address-token, or Address-present-token and an address. */
  static int from(byte[] src, int pos, int end, int maxText) {
    int length = valueLength(src, pos, end);
    int start = pos + lengthSize(src, pos);
    int stop = start + length;
    if (length < 1 || length > end - start) {
      return -1;
    }
    if (src[start] == (byte) 0x81) {
      return length == 1 ? stop : -1;
    }
    if (src[start] != (byte) 0x80 || length < 2) {
      return -1;
    }
    return encodedString(src, start + 1, stop, maxText) == stop ? stop : -1;
  }

  /** Expiry and its kin: a Value-length, then Absolute and a date, or Relative and a Long-integer. */
  static int time(byte[] src, int pos, int end) {
    int length = valueLength(src, pos, end);
    int start = pos + lengthSize(src, pos);
    int stop = start + length;
    if (length < 2 || length > end - start) {
      return -1;
    }
    int token = src[start];
    int valueEnd;
    if (token == (byte) 0x80) {
      valueEnd = longInteger(src, start + 1, stop, 6);
    } else if (token == (byte) 0x81) {
      valueEnd = longInteger(src, start + 1, stop, 7);
    } else {
      return -1;
    }
    return valueEnd == stop ? stop : -1;
  }

  /**
   * A Content-type-value: a well-known media, an Extension-media without Quote, or the general
   * form with a well-known or textual media and parameters in their plain forms (see {@link
   * #parameter}).
   */
  public static int contentType(byte[] src, int pos, int end, int maxText) {
    int b = src[pos];
    if (b < 0) {
      return pos + 1;
    }
    if (b == 0 || b >= 0x20) {
      return text(src, pos, end, maxText);
    }
    int length = valueLength(src, pos, end);
    int start = pos + lengthSize(src, pos);
    int stop = start + length;
    if (length < 1 || length > end - start) {
      return -1;
    }
    int i = src[start] < 0 ? start + 1 : src[start] >= 0x20 ? text(src, start, stop, maxText) : -1;
    while (i >= 0 && i < stop) {
      i = parameter(src, i, stop, maxText);
    }
    return i == stop ? stop : -1;
  }

  /**
   * A Content-Disposition value (a part header): a Value-length, one of the well-known types
   * form-data, attachment or inline (0x80-0x82), and well-known parameters whose values are
   * plain (see {@link #parameter}), as {@code attachment; filename=...} is sent. A textual type
   * and untyped parameters go to the full reader.
   */
  public static int contentDisposition(byte[] src, int pos, int end, int maxText) {
    int length = valueLength(src, pos, end);
    int start = pos + lengthSize(src, pos);
    int stop = start + length;
    if (length < 1 || length > end - start) {
      return -1;
    }
    int type = src[start] & 0xFF;
    if (type < 0x80 || type > 0x82) {
      return -1;
    }
    int i = start + 1;
    while (i >= 0 && i < stop) {
      i = parameter(src, i, stop, maxText);
    }
    return i == stop ? stop : -1;
  }

  /**
   * A parameter with a well-known name whose value has the plain form of its kind: charset as
   * an integer, type as a well-known media or text, and the textual ones (name, filename,
   * start, start-info, comment, domain, path, mac) as a Text-value; or an untyped parameter in
   * its plain form ({@link #untypedParameter}). Every other well-known one goes to the full
   * reader.
   */
  private static int parameter(byte[] src, int pos, int end, int maxText) {
    int code = src[pos] & 0xFF;
    int v = pos + 1;
    if (v >= end) {
      return -1;
    }
    if (code < 0x80) {
      return untypedParameter(src, pos, end, maxText);
    }
    int b = src[v];
    switch (code & 0x7F) {
      case 0x01: // charset
        return b < 0
            ? v + 1
            : b >= 0x20 || b == 0 ? text(src, v, end, maxText) : longInteger(src, v, end, 7);
      case 0x09: // type
        return b < 0 ? v + 1 : b >= 0x20 || b == 0 ? text(src, v, end, maxText) : -1;
      case 0x05:
      case 0x06:
      case 0x0A:
      case 0x0B:
      case 0x0C:
      case 0x0D:
      case 0x0F:
      case 0x12:
      case 0x17:
      case 0x18:
      case 0x19:
      case 0x1A:
      case 0x1B:
      case 0x1C:
      case 0x1D:
        return text(src, v, end, maxText);
      default:
        return -1;
    }
  }

  /**
   * An untyped parameter (Token-text name, then Integer-value or Text-value) in its plain form:
   * a name starting with 0x20-0x7E, then a Short-integer, a Long-integer of 1 to 7 octets,
   * No-value, a Quoted-string or a Token-text.
   */
  private static int untypedParameter(byte[] src, int pos, int end, int maxText) {
    int code = src[pos];
    if (code < 0x20 || code == 0x7F) {
      return -1;
    }
    int v = text(src, pos, end, maxText);
    if (v < 0 || v >= end) {
      return -1;
    }
    int c = src[v];
    if (c <= 0) {
      return v + 1;
    }
    if (c <= 7) {
      return longInteger(src, v, end, 7);
    }
    return c >= 0x20 && c != 0x7F ? text(src, v, end, maxText) : -1;
  }

  /**
   * The index after a Uintvar (1-5 octets) at {@code src[pos]}, or {@code -1} when it runs past
   * {@code end} or is longer than five octets.
   */
  public static int uintvarEnd(byte[] src, int pos, int end) {
    int stop = Math.min(end, pos + 5);
    for (int i = pos; i < stop; i++) {
      if (src[i] >= 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * The value of a Uintvar that {@link #uintvarEnd} accepted: up to 35 bits, so a caller
   * compares it with what remains before trusting it (the full reader refuses more than 32).
   */
  public static long uintvarValue(byte[] src, int pos) {
    long v = 0;
    int b;
    do {
      b = src[pos++];
      v = v << 7 | (b & 0x7F);
    } while (b < 0);
    return v;
  }
}
