package org.mmsstack.encapsulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.PduFormatException.Reason;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.internal.PlainValues;
import org.mmsstack.encapsulation.internal.ValueCodec;
import org.mmsstack.encapsulation.internal.ValueKind;
import org.mmsstack.encapsulation.internal.wire.Findings;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.internal.wire.WspWriter;
import org.mmsstack.encapsulation.validate.FindingCodes;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * Decodes and encodes binary MMS PDUs (OMA MMS Encapsulation 1.0-1.3 on WSP encoding).
 *
 * <pre>{@code
 * Pdu pdu = PduCodec.decode(bytes);                 // lenient, default limits
 * if (pdu instanceof NotificationInd n) {
 *   String url = n.contentLocation().orElseThrow();
 * }
 * byte[] same = PduCodec.encode(pdu);               // byte-identical to bytes
 * }</pre>
 *
 * <p><b>Decoding checks the whole structure eagerly and copies nothing.</b> Every length, offset
 * and grammar error is found during {@code decode}; header values are turned into Java objects
 * on first access, and part data are read-only views of the input. The caller must therefore
 * not change the input array while the PDU is in use.
 *
 * <p><b>Encoding is exact.</b> A decoded PDU encodes to the octets it was decoded from (one copy,
 * or one write to a stream). In a PDU changed through {@link Pdu#toBuilder()}, every header and
 * body that was not changed is written back with its original octets, non-canonical ones
 * included; anything built or changed is written in the canonical form, in the order
 * {@link Pdu.Builder} explains.
 */
public final class PduCodec {

  private static final int MESSAGE_TYPE_OCTET = 0x80 | HeaderField.MESSAGE_TYPE.code();

  /** Content-Type's field octet: the last header, the body follows its value. */
  private static final byte CONTENT_TYPE_OCTET = (byte) (0x80 | HeaderField.CONTENT_TYPE.code());

  /**
   * The plain form ({@link PlainValues#formOf}) of each field octet's value, indexed by the
   * octet: {@link PlainValues#NONE} for unassigned codes, Application-header names, octets that
   * cannot start a header, and a second X-Mms-Message-Type (which the full reader reports).
   */
  private static final byte[] PLAIN_FORMS = plainForms(false);

  /** The same for delete confirmations, whose indexed fields always take the full reader. */
  private static final byte[] PLAIN_FORMS_DELETE_CONF = plainForms(true);

  private static byte[] plainForms(boolean deleteConf) {
    byte[] forms = new byte[256];
    for (int code = 0; code < 0x80; code++) {
      boolean indexed = deleteConf && HeaderField.indexedOrNull(code) != null;
      if (HeaderField.knownOrNull(code) != null
          && code != (MESSAGE_TYPE_OCTET & 0x7F)
          && !indexed) {
        forms[0x80 | code] = PlainValues.formOf(ValueCodec.kindOf(code));
      }
    }
    return forms;
  }

  private PduCodec() {}

  /** Decodes leniently with the default limits. */
  public static Pdu decode(byte[] pdu) throws PduFormatException {
    return decode(pdu, 0, pdu.length, DecodeConfig.DEFAULT);
  }

  /** Decodes with a configuration. */
  public static Pdu decode(byte[] pdu, DecodeConfig config) throws PduFormatException {
    return decode(pdu, 0, pdu.length, config);
  }

  /**
   * Decodes the remaining octets of a buffer leniently with the default limits; see {@link
   * #decode(ByteBuffer, DecodeConfig)}.
   */
  public static Pdu decode(ByteBuffer pdu) throws PduFormatException {
    return decode(pdu, DecodeConfig.DEFAULT);
  }

  /**
   * Decodes the remaining octets of a buffer without changing its position. A heap buffer is
   * decoded in place (views, not copies); any other buffer is copied once first, after the size
   * limit is checked.
   */
  public static Pdu decode(ByteBuffer pdu, DecodeConfig config) throws PduFormatException {
    Objects.requireNonNull(config, "config");
    if (pdu.hasArray()) {
      return decode(pdu.array(), pdu.arrayOffset() + pdu.position(), pdu.remaining(), config);
    }
    if (pdu.remaining() > config.maxPduSize()) {
      throw notDecodable(pdu.remaining(), config);
    }
    byte[] copy = new byte[pdu.remaining()];
    pdu.duplicate().get(copy);
    return decode(copy, 0, copy.length, config);
  }

  /**
   * Reads a PDU from a stream up to its end and decodes it leniently with the default limits;
   * see {@link #decode(InputStream, DecodeConfig)}.
   */
  public static Pdu decode(InputStream in) throws IOException {
    return decode(in, DecodeConfig.DEFAULT);
  }

  /**
   * Reads a PDU from a stream up to its end (an HTTP body, a file) and decodes it. At most {@link
   * DecodeConfig#maxPduSize()} octets are read, in chunks, so a longer stream fails with {@link
   * Reason#LIMIT_EXCEEDED} before it is buffered whole. The stream is not closed; the decoded
   * PDU's views are of a buffer it owns.
   *
   * @throws PduFormatException as {@link #decode(byte[], DecodeConfig)}
   * @throws IOException if reading fails
   */
  public static Pdu decode(InputStream in, DecodeConfig config) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(config, "config");
    int max = config.maxPduSize();
    // One octet more than the limit is read to tell a PDU of exactly the limit from a longer one.
    int cap = (int) Math.min(max + 1L, Integer.MAX_VALUE - 8);
    byte[] buf = new byte[Math.min(cap, 16 * 1024)];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        if (n >= cap) {
          // As the array form reports it (offset 0), without the length a stream never gives.
          throw PduFormatException.of(
              Reason.LIMIT_EXCEEDED,
              0,
              null,
              n > max
                  ? "PDU of more than " + max + " octets (DecodeConfig.maxPduSize)"
                  : "PDU of more than " + n + " octets, more than an array holds");
        }
        buf = Arrays.copyOf(buf, (int) Math.min(cap, 2L * buf.length));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        return decode(buf, 0, n, config);
      }
      n += r;
    }
  }

  /**
   * Decodes {@code src[offset, offset + length)}. Offsets in findings and errors count from
   * {@code offset}.
   */
  public static Pdu decode(byte[] src, int offset, int length, DecodeConfig config)
      throws PduFormatException {
    Objects.requireNonNull(config, "config");
    Objects.checkFromIndexSize(offset, length, src.length);
    if (length > config.maxPduSize() || length < 2 || (src[offset] & 0xFF) != MESSAGE_TYPE_OCTET) {
      throw notDecodable(length, config);
    }
    MessageType type = MessageType.fromCode(src[offset + 1] & 0xFF).orElse(null);
    if (type == null) {
      throw unknownType(src[offset + 1] & 0xFF);
    }
    int end = offset + length;
    boolean deleteConf = type == MessageType.MBOX_DELETE_CONF || type == MessageType.DELETE_CONF;
    byte[] forms = deleteConf ? PLAIN_FORMS_DELETE_CONF : PLAIN_FORMS;
    if (length < PlainValues.PACKED_LENGTH) {
      // A small PDU of a few plain headers and no body (nearly every confirmation,
      // acknowledgement and notification): its table fits in a long of the decoded object, no
      // array. Anything else it has is found again by decodeRest, from the start: it is small.
      long packed =
          PlainValues.scanPacked(
              forms, src, offset, end, config.maxTextLength(), config.maxHeaders());
      if (packed >= 0) {
        return create(type, new DecodedHeaders(src, offset, end, packed));
      }
    }
    // Kept apart from the rest, so that this method is small enough for the JIT to inline into a
    // caller's loop: a small PDU is then decoded with two calls (the scan, create).
    return decodeRest(type, src, offset, end, config, deleteConf);
  }

  /**
   * Decodes one Content-type-value (WAP-230 8.4.2.24) that fills {@code src[offset, offset +
   * length)}: what opens the headers of a WSP push or of a multipart entry, outside a PDU. Its
   * extent is found by the first-octet rule, {@link PduLayout#valueEnd}. The decoder's own
   * reader does the work, with the grammar, the leniency and the well-known tables it uses
   * for a PDU's Content-Type.
   *
   * @param src the octets (not changed and not kept: the value holds copies)
   * @param offset where the value starts; offsets in an exception count from here
   * @param length the value's length in octets
   * @param config the text length limit ({@link DecodeConfig#maxTextLength()})
   * @return the media type and its parameters, in order
   * @throws PduFormatException when the octets are not exactly one Content-type-value, or a text
   *     in it is longer than the limit
   * @throws IndexOutOfBoundsException when the range is not inside {@code src}
   */
  public static ContentType decodeContentType(
      byte[] src, int offset, int length, DecodeConfig config) throws PduFormatException {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(config, "config");
    Objects.checkFromIndexSize(offset, length, src.length);
    WspReader r = new WspReader(src, offset, length);
    r.header(HeaderField.CONTENT_TYPE.name());
    if (length == 0) {
      throw r.truncated("a Content-type-value");
    }
    ContentType ct = ValueCodec.readContentType(r, null, config.maxTextLength(), true);
    if (r.hasRemaining()) {
      throw r.error(
          Reason.TRAILING_BYTES, r.index(), r.remaining() + " octets after the Content-type-value");
    }
    return ct;
  }

  /** Why the input is no PDU to decode: too large, too short, or no X-Mms-Message-Type first. */
  private static PduFormatException notDecodable(int length, DecodeConfig config) {
    if (length > config.maxPduSize()) {
      return PduFormatException.of(
          Reason.LIMIT_EXCEEDED,
          0,
          null,
          "PDU of "
              + length
              + " octets exceeds "
              + config.maxPduSize()
              + " (DecodeConfig.maxPduSize)");
    }
    return PduFormatException.of(
        Reason.NOT_A_PDU,
        0,
        null,
        length == 0 ? "empty input" : "an MMS PDU starts with X-Mms-Message-Type (0x8C)");
  }

  private static PduFormatException unknownType(int octet) {
    return PduFormatException.of(
        Reason.UNKNOWN_MESSAGE_TYPE,
        1,
        HeaderField.MESSAGE_TYPE.name(),
        String.format("0x%02X names no PDU type", octet));
  }

  /**
   * The rest of {@link #decode(byte[], int, int, DecodeConfig)} when the header table does not
   * fit in a long (see {@link PlainValues#scanPacked}): a PDU of 128 octets or more, or one with
   * a body or a header the plain scan does not take. The table is an array; the headers the full
   * reader takes, the body and the findings are found here. One large method, which the JIT
   * does not inline into {@code decode}: a caller's loop inlines {@code decode} only while its
   * compiled code is small.
   */
  private static Pdu decodeRest(
      MessageType type, byte[] src, int offset, int end, DecodeConfig config, boolean deleteConf)
      throws PduFormatException {
    int length = end - offset;
    int maxText = config.maxTextLength();
    int maxHeaders = config.maxHeaders();
    byte[] forms = deleteConf ? PLAIN_FORMS_DELETE_CONF : PLAIN_FORMS;
    // Where each header starts (see DecodedHeaders); flags only for the rare headers lenient
    // decoding recovered. Sized for about one header per eight octets, 16 at most to begin with
    // (grown by doubling): a small PDU's table is then half the size. A header takes at least
    // two octets, so the table has at least a slot per two octets up to 8 slots: growing it
    // costs a copy and a second scan.
    int[] starts =
        new int[Math.min(16, Math.max(4 + (length >>> 3), Math.min(8, (length >>> 1) + 1)))];
    starts[0] = offset;
    // Runs of headers in the form a conforming composer writes are stepped over in one tight
    // loop (PlainValues.scanHeaders); it stops at anything else, which the full reader takes.
    int n = PlainValues.scanHeaders(forms, src, offset + 2, end, maxText, starts, 1, maxHeaders);
    int pos = starts[n];
    if (pos >= end && src[starts[n - 1]] != CONTENT_TYPE_OCTET) {
      // Every header plain and no body, as in nearly every PDU without one (confirmations,
      // acknowledgements, notifications): nothing else to do.
      return create(
          type, new DecodedHeaders(src, offset, end, starts, null, n, pos, null, null, List.of()));
    }
    // Made when the first header needs the full reader or the body has findings: a PDU of
    // plain headers (nearly all) records nothing, and in an application's mixed profile the
    // JIT cannot always remove an object that the full reader's path might keep.
    Findings f = null;
    byte[] flags = null;
    int contentTypeValue = -1;
    byte[] trailing = null;

    for (boolean scanned = true; ; scanned = false) {
      if (!scanned) {
        n = PlainValues.scanHeaders(forms, src, pos, end, maxText, starts, n, maxHeaders);
        pos = starts[n];
      }
      if (src[starts[n - 1]] == CONTENT_TYPE_OCTET) {
        contentTypeValue = starts[n - 1] + 1;
        break; // the body starts at pos
      }
      if (pos >= end) {
        break;
      }
      if (n >= maxHeaders) {
        throw PduFormatException.of(
            Reason.LIMIT_EXCEEDED,
            pos - offset,
            null,
            "more than " + maxHeaders + " header fields (DecodeConfig.maxHeaders)");
      }
      if (n == starts.length - 1) {
        starts = java.util.Arrays.copyOf(starts, 2 * starts.length);
        continue;
      }
      // Not plain: every unknown field, Application-header, rare form, oddity and error. A
      // second Message-Type and the indexed forms of delete confirmations always come here.
      int start = pos;
      if (f == null) {
        f = new Findings(config.strict());
      }
      long read = decodeHeader(src, offset, start, end, deleteConf, f, config);
      if (read < 0) {
        trailing = java.util.Arrays.copyOfRange(src, start, end);
        break; // pos stays at start: the headers end there
      }
      pos = (int) read;
      int headerFlags = (int) (read >>> 32);
      if (headerFlags != 0) {
        if (flags == null || flags.length < starts.length) {
          flags =
              flags == null
                  ? new byte[starts.length]
                  : java.util.Arrays.copyOf(flags, starts.length);
        }
        flags[n] = (byte) headerFlags;
      }
      starts[n++] = start;
      if (src[start] == CONTENT_TYPE_OCTET) {
        contentTypeValue = start + 1;
        break;
      }
    }
    Body body = null;
    if (contentTypeValue >= 0) {
      int bodyStart = pos;
      int bodyLength = end - bodyStart;
      if (isMultipart(src, contentTypeValue, bodyStart)) {
        try {
          MultipartBody mb = MultipartBody.decode(src, bodyStart, bodyLength, config);
          List<Finding> bodyFindings = mb.findings();
          if (!bodyFindings.isEmpty() && f == null) {
            f = new Findings(config.strict());
          }
          for (Finding bf : bodyFindings) {
            f.report(bf.shifted(bodyStart - offset), Reason.MALFORMED_MULTIPART);
          }
          body = mb;
        } catch (PduFormatException e) {
          throw PduFormatException.of(
              e.reason(),
              shift(e.offset(), bodyStart - offset),
              e.header().orElse(null),
              e.detail());
        }
      } else {
        body = SinglePartBody.of(ByteBuffer.wrap(src, bodyStart, bodyLength));
      }
    }
    return create(
        type,
        new DecodedHeaders(
            src,
            offset,
            end,
            starts,
            flags,
            n,
            pos,
            body,
            trailing,
            f == null ? List.of() : f.toList()));
  }

  /**
   * Decodes one header field with the full reader: everything {@link PlainValues} leaves, which
   * is every unknown field, Application-header, rare form, oddity and error. Records the field
   * in {@code f}.
   *
   * @return the index after the field in the low 32 bits and its {@link DecodedHeaders} flags
   *     in the high ones, or {@code -1} when {@code src[start]} cannot start a field and lenient
   *     decoding keeps the rest of the input as trailing octets
   */
  private static long decodeHeader(
      byte[] src,
      int offset,
      int start,
      int end,
      boolean deleteConf,
      Findings f,
      DecodeConfig config)
      throws PduFormatException {
    WspReader r = new WspReader(src, offset, start, end - start);
    int maxText = config.maxTextLength();
    int b = src[start] & 0xFF;
    if (b >= 0x80) {
      int code = b & 0x7F;
      r.readOctet();
      HeaderField<?> field = HeaderField.knownOrNull(code);
      if (field == null) {
        field = HeaderField.valueOf(code);
        r.header(field.name());
        // Unassigned codes are skipped by the first-octet rule and kept (WAP-230 8.4.1.2).
        f.report(
            Severity.INFO,
            Reason.MALFORMED_VALUE,
            start - offset,
            field.name(),
            FindingCodes.UNKNOWN_HEADER,
            () -> String.format("unassigned header code 0x%02X (value kept as it is)", b));
        r.skipValue(maxText);
        return r.index();
      }
      r.header(field.name());
      int valueStart = r.index();
      ValueKind kind = ValueCodec.kindOf(code);
      int flags = 0;
      HeaderField<?> indexed = deleteConf ? HeaderField.indexedOrNull(code) : null;
      if (indexed != null && r.hasRemaining() && r.peek() >= 0x01 && r.peek() <= 0x1F) {
        field = indexed;
        kind = ValueCodec.kindOf(field);
        flags |= DecodedHeaders.INDEXED;
      }
      if (field == HeaderField.MESSAGE_TYPE) {
        f.report(
            Severity.ERROR,
            Reason.MISPLACED_HEADER,
            start - offset,
            field.name(),
            FindingCodes.DUPLICATE_MESSAGE_TYPE,
            "X-Mms-Message-Type again (the first one decides the PDU type)");
      }
      if (field == HeaderField.MMS_VERSION
          && r.hasRemaining()
          && r.peek() >= 0x10
          && r.peek() < 0x80) {
        // A version octet without its high bit (AOSP masks it; a strict WSP reader takes it as
        // a Value-length and loses its place). Recovered as the version it obviously means.
        int v = r.readOctet();
        f.report(
            Severity.ERROR,
            Reason.MALFORMED_VALUE,
            valueStart - offset,
            field.name(),
            FindingCodes.VERSION_NOT_SHORT_INTEGER,
            () ->
                String.format(
                    "MMS-Version 0x%02X lacks the Short-integer high bit (read as %s)",
                    v, MmsVersion.fromOctet(v)));
        return withFlags(r.index(), flags | DecodedHeaders.VERSION_RECOVERED);
      }
      try {
        ValueCodec.read(kind, code, r, f, maxText, false);
      } catch (PduFormatException e) {
        if (config.strict()) {
          throw e;
        }
        int resynced =
            kind == ValueKind.FROM || kind == ValueKind.TIME
                ? readIgnoringLength(kind, src, offset, valueStart, end, maxText)
                : -1;
        if (resynced >= 0) {
          // The declared Value-length and the value's own end (the address's 0x00, the
          // Long-integer's length) disagree, and only the value's own end leaves the next octet
          // at a header: take it, as AOSP's parser does (it reads these values by their grammar
          // and ignores the length). Seen in AOSP's blocked-number push test PDU.
          int declared = declaredEnd(src, valueStart, end);
          String name = field.name();
          f.report(
              Severity.ERROR,
              Reason.MALFORMED_VALUE,
              valueStart - offset,
              name,
              FindingCodes.VALUE_LENGTH_MISMATCH,
              () ->
                  name
                      + ": the Value-length ends the value at offset "
                      + (declared - offset)
                      + ", its grammar at "
                      + (resynced - offset)
                      + "; read to the grammar's end, where the next "
                      + "header starts (the value is kept as raw octets)");
          return withFlags(resynced, flags | DecodedHeaders.MALFORMED);
        }
        if (!recoverable(e.reason())) {
          throw e;
        }
        f.report(
            Severity.ERROR,
            e.reason(),
            e.offset(),
            field.name(),
            FindingCodes.MALFORMED_VALUE,
            () -> e.detail() + " (value kept as raw octets)");
        r.popLimit(end); // the failed value may have left a narrower limit behind
        r.seek(valueStart);
        r.skipValue(maxText);
        flags |= DecodedHeaders.MALFORMED;
      }
      return withFlags(r.index(), flags);
    }
    if (b >= 0x20 && b < 0x7F) {
      r.header("Application-header");
      // A name that is not an RFC 2616 token is kept as it came; the validator reports it.
      r.skipPastTerminator(maxText);
      int valueStart = r.index();
      int flags = 0;
      int v = r.hasRemaining() ? r.peek() : -1;
      if (v == 0 || (v >= 0x20 && v <= 0x7F)) {
        ValueCodec.readTextString(r, f, maxText, false);
      } else {
        f.report(
            Severity.ERROR,
            Reason.MALFORMED_VALUE,
            valueStart - offset,
            "Application-header",
            FindingCodes.APPLICATION_HEADER_VALUE,
            () ->
                String.format(
                    "Application-header value starts with 0x%02X, not "
                        + "text: AOSP and Sailfish lose their place on it (kept as raw octets)",
                    v));
        r.skipValue(maxText);
        flags = DecodedHeaders.MALFORMED;
      }
      return withFlags(r.index(), flags);
    }
    // 0x00-0x1F or 0x7F cannot start a header; a stray 0x00 after the last header is seen in
    // the wild. Lenient decoding keeps the rest as trailing octets.
    int kept = end - start;
    f.report(
        Severity.ERROR,
        b == 0 ? Reason.TRAILING_BYTES : Reason.INVALID_HEADER_START,
        start - offset,
        null,
        FindingCodes.INVALID_HEADER_START,
        () ->
            String.format(
                "0x%02X cannot start a header field; %d octet(s) kept as trailing", b, kept));
    return -1;
  }

  /**
   * Reads a From or Expiry-like value (a Value-length, a token, then an address or a
   * Long-integer) by its grammar alone, ignoring the length: the index after the value when
   * that reading ends at the end of the input or before an assigned header field code, else
   * {@code -1}.
   */
  private static int readIgnoringLength(
      ValueKind kind, byte[] src, int offset, int valueStart, int end, int maxText) {
    int i = valueStart;
    if (i >= end) {
      return -1;
    }
    int b = src[i] & 0xFF;
    if (b > WspReader.LENGTH_QUOTE) {
      return -1;
    }
    i = b == WspReader.LENGTH_QUOTE ? PlainValues.uintvarEnd(src, i + 1, end) : i + 1;
    if (i < 0 || i >= end) {
      return -1;
    }
    int token = src[i++] & 0xFF;
    WspReader r = new WspReader(src, offset, i, end - i);
    try {
      if (kind == ValueKind.FROM && token == 0x80) {
        ValueCodec.readEncodedString(r, null, maxText, false);
      } else if (kind == ValueKind.TIME && (token == 0x80 || token == 0x81)) {
        r.readLongInteger();
      } else {
        return -1;
      }
    } catch (PduFormatException e) {
      return -1;
    }
    int next = r.index();
    boolean atHeader =
        next == end
            || ((src[next] & 0x80) != 0 && HeaderField.knownOrNull(src[next] & 0x7F) != null);
    return atHeader && next != declaredEnd(src, valueStart, end) ? next : -1;
  }

  /** Where the Value-length at {@code src[valueStart]} says the value ends (maybe past {@code end}). */
  private static int declaredEnd(byte[] src, int valueStart, int end) {
    int b = src[valueStart] & 0xFF;
    if (b < WspReader.LENGTH_QUOTE) {
      return valueStart + 1 + b;
    }
    int i = PlainValues.uintvarEnd(src, valueStart + 1, end);
    return i < 0
        ? end
        : (int) Math.min(Integer.MAX_VALUE, i + PlainValues.uintvarValue(src, valueStart + 1));
  }

  private static long withFlags(int index, int flags) {
    return (long) flags << 32 | index;
  }

  private static int shift(int bodyOffset, int by) {
    return bodyOffset < 0 ? bodyOffset : bodyOffset + by;
  }

  /** Errors after which the rest of the PDU cannot be trusted even by a lenient decoder. */
  private static boolean recoverable(Reason reason) {
    return reason == Reason.MALFORMED_VALUE
        || reason == Reason.UNTERMINATED_TEXT
        || reason == Reason.INTEGER_TOO_WIDE
        || reason == Reason.UNKNOWN_MESSAGE_TYPE;
  }

  /**
   * Whether the Content-Type value at {@code src[start, end)} names a multipart type, read
   * without creating objects (this runs for every PDU with a body).
   */
  static boolean isMultipart(byte[] src, int start, int end) {
    int i = start;
    int b = src[i] & 0xFF;
    if (b < 0x20) { // general form: skip the Value-length
      i = b == 0x1F ? PlainValues.uintvarEnd(src, i + 1, end) : i + 1;
      if (i < 0 || i >= end) {
        return false;
      }
      b = src[i] & 0xFF;
      if (b < 0x20) { // a Long-integer media number, as the value reader takes it
        return b <= 8 && i + b < end && isMultipartCode(src, i + 1, b);
      }
    }
    if (b >= 0x80) {
      return MediaType.valueOf(b & 0x7F).isMultipart();
    }
    if (b == 0x7F) {
      i++;
    }
    return startsWithIgnoreCase(src, i, end, "application/vnd.wap.multipart.")
        || startsWithIgnoreCase(src, i, end, "multipart/");
  }

  /** Whether the big-endian number of {@code n} octets at {@code src[i]} is a multipart's. */
  private static boolean isMultipartCode(byte[] src, int i, int n) {
    long code = 0;
    for (int k = 0; k < n; k++) {
      code = code << 8 | (src[i + k] & 0xFF);
    }
    return code >= 0 && code <= Integer.MAX_VALUE && MediaType.valueOf(code).isMultipart();
  }

  private static boolean startsWithIgnoreCase(byte[] src, int i, int end, String prefix) {
    if (end - i < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      int c = src[i + k];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static Pdu create(MessageType type, Pdu.Contents c) {
    switch (type) {
      case SEND_REQ:
        return new SendReq(c);
      case SEND_CONF:
        return new SendConf(c);
      case NOTIFICATION_IND:
        return new NotificationInd(c);
      case NOTIFYRESP_IND:
        return new NotifyRespInd(c);
      case RETRIEVE_CONF:
        return new RetrieveConf(c);
      case ACKNOWLEDGE_IND:
        return new AcknowledgeInd(c);
      case DELIVERY_IND:
        return new DeliveryInd(c);
      case READ_REC_IND:
        return new ReadRecInd(c);
      case READ_ORIG_IND:
        return new ReadOrigInd(c);
      case FORWARD_REQ:
        return new ForwardReq(c);
      case FORWARD_CONF:
        return new ForwardConf(c);
      case MBOX_STORE_REQ:
        return new MboxStoreReq(c);
      case MBOX_STORE_CONF:
        return new MboxStoreConf(c);
      case MBOX_VIEW_REQ:
        return new MboxViewReq(c);
      case MBOX_VIEW_CONF:
        return new MboxViewConf(c);
      case MBOX_UPLOAD_REQ:
        return new MboxUploadReq(c);
      case MBOX_UPLOAD_CONF:
        return new MboxUploadConf(c);
      case MBOX_DELETE_REQ:
        return new MboxDeleteReq(c);
      case MBOX_DELETE_CONF:
        return new MboxDeleteConf(c);
      case MBOX_DESCR:
        return new MboxDescr(c);
      case DELETE_REQ:
        return new DeleteReq(c);
      case DELETE_CONF:
        return new DeleteConf(c);
      case CANCEL_REQ:
        return new CancelReq(c);
      case CANCEL_CONF:
        return new CancelConf(c);
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * Encodes a PDU (see the class comment for what is written as it came and what canonically).
   * The output is sized first and written once: the headers are encoded into a small buffer,
   * the body's size is known without writing it ({@link Body#encodedSize()}), and part data is
   * copied once, from the part's own buffer into the result. The largest part data is copied
   * first, as the result array is made, so that the JVM need not clear that part of the array.
   */
  public static byte[] encode(Pdu pdu) {
    DecodedHeaders decoded = pdu.decodedOrNull();
    if (decoded != null) {
      return decoded.inputCopy();
    }
    // About what a usual PDU's headers take (the README's send-req: 77 octets in 7 headers);
    // more grows the scratch.
    WspWriter headers = new WspWriter(32 + 16 * pdu.headers().size());
    writeHeaders(pdu, headers);
    Body body = pdu.bodyOrNull();
    byte[] trailing = pdu.trailingUnsafe();
    long size =
        (long) headers.position()
            + (body == null ? 0 : body.encodedSize())
            + (trailing == null ? 0 : trailing.length);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "pdu: encodes to " + size + " octets, more than an array holds");
    }
    // The body first, at its place after the headers: its largest data is then the first write
    // into the new array (see WspWriter.exactly), and the headers are written last.
    WspWriter w = WspWriter.exactly((int) size);
    int headersEnd = headers.position();
    w.moveTo(headersEnd);
    try {
      if (body != null) {
        body.writeTo(w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a WspWriter never throws
    }
    if (trailing != null) {
      w.writeBytes(trailing);
    }
    int end = w.position();
    if (end != size) {
      throw new IllegalStateException("encoded " + end + " octets after sizing " + size);
    }
    w.moveTo(0);
    w.writeBytes(headers.buffer(), 0, headersEnd);
    w.moveTo(end);
    return w.toByteArray();
  }

  /** Encodes a PDU into a stream; part data is written from its buffers, not copied first. */
  public static void encode(Pdu pdu, OutputStream out) throws IOException {
    DecodedHeaders decoded = pdu.decodedOrNull();
    if (decoded != null) {
      decoded.writeInput(out);
      return;
    }
    WspWriter w = new WspWriter(256);
    writeHeaders(pdu, w);
    w.writeTo(out);
    Body body = pdu.bodyOrNull();
    if (body != null) {
      body.writeTo(out);
    }
    byte[] trailing = pdu.trailingUnsafe();
    if (trailing != null) {
      out.write(trailing);
    }
  }

  private static void writeHeaders(Pdu pdu, WspWriter w) {
    List<Header> headers = pdu.headers();
    for (int i = 0, n = headers.size(); i < n; i++) {
      Header h = headers.get(i);
      if (h.hasOriginalEncoding()) {
        h.writeOriginal(w);
        continue;
      }
      HeaderField<?> field = h.field();
      Object value = h.value();
      if (field.isApplication()) {
        w.writeTerminated(field.name());
      } else {
        w.writeOctet(0x80 | field.code());
      }
      if (value instanceof RawValue) {
        w.writeBytes(((RawValue) value).octets());
      } else {
        ValueCodec.write(ValueCodec.kindOf(field), value, w);
      }
    }
  }
}
