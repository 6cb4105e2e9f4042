package org.mmsstack.encapsulation.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduRules;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.internal.WireChecks;
import org.mmsstack.encapsulation.internal.wire.WspReader;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentBy;

/**
 * Checks a PDU against OMA MMS Encapsulation 1.0-1.3 and reports every finding: what lenient
 * decoding noticed, plus the rules of the PDU type (mandatory and allowed headers, their order,
 * repetitions, versions, values, the multipart body). The rules and their codes are listed in
 * the {@linkplain org.mmsstack.encapsulation.validate package documentation}.
 *
 * <pre>{@code
 * ValidationReport report = PduValidator.validate(bytes);
 * if (report.hasErrors()) {
 *   report.findings().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>The validator never throws for bad input: octets that cannot be decoded at all give a single
 * {@link Severity#ERROR} finding. A {@code null} argument is a {@link NullPointerException}. It
 * never changes what it is given. Stateless and thread-safe.
 */
public final class PduValidator {

  private PduValidator() {}

  /** Same as {@code validate(pdu, DecodeConfig.LENIENT)}: decoding with the default limits. */
  public static ValidationReport validate(byte[] pdu) {
    return validate(pdu, DecodeConfig.LENIENT);
  }

  /**
   * Decodes leniently and validates. Undecodable input gives one {@link Severity#ERROR} finding
   * whose code is {@link FindingCodes#UNDECODABLE_PREFIX undecodable-} followed by the {@link
   * PduFormatException.Reason#code() reason's code} (for example {@code undecodable-truncated}),
   * with the exception's offset and header.
   *
   * @param pdu the octets of one PDU
   * @param config the limits to decode with (and to decode nested multiparts with). Decoding is
   *     always lenient (a strict configuration is relaxed), so that every problem is reported
   *     rather than only the first
   * @return the findings, ordered by offset (findings about the PDU as a whole last)
   */
  public static ValidationReport validate(byte[] pdu, DecodeConfig config) {
    Objects.requireNonNull(pdu, "pdu");
    DecodeConfig lenient = lenient(config);
    Pdu decoded;
    try {
      decoded = PduCodec.decode(pdu, lenient);
    } catch (PduFormatException e) {
      return new ValidationReport(List.of(undecodable(e)));
    }
    return new ValidationReport(findings(decoded, lenient));
  }

  /** Same as {@code validate(pdu, DecodeConfig.LENIENT)}. */
  public static ValidationReport validate(Pdu pdu) {
    return validate(pdu, DecodeConfig.LENIENT);
  }

  /**
   * Validates a PDU, decoded or built. The result starts from {@link Pdu#findings()} and adds what
   * the rules find, ordered by offset (findings about the PDU as a whole last).
   *
   * @param pdu the PDU
   * @param config the limits to decode nested multipart bodies with (always leniently)
   * @return the findings
   */
  public static ValidationReport validate(Pdu pdu, DecodeConfig config) {
    Objects.requireNonNull(pdu, "pdu");
    return new ValidationReport(findings(pdu, lenient(config)));
  }

  private static DecodeConfig lenient(DecodeConfig config) {
    Objects.requireNonNull(config, "config");
    return config.strict() ? config.toBuilder().strict(false).build() : config;
  }

  private static List<Finding> findings(Pdu pdu, DecodeConfig config) {
    Collector c = new Collector(pdu.findings());
    MessageType type = pdu.messageType();
    Header versionHeader = first(pdu, HeaderField.MMS_VERSION);
    MmsVersion version = pdu.mmsVersion().orElse(null);
    // Version comparisons only make sense for the versions the rules are written for.
    MmsVersion declared = version != null && version.isDefined() ? version : null;

    if (version != null && !version.isDefined()) {
      c.add(
          Severity.WARNING,
          versionHeader.offset(),
          HeaderField.MMS_VERSION.name(),
          FindingCodes.UNSUPPORTED_VERSION,
          "X-Mms-MMS-Version " + version + " is outside 1.0-1.3");
    }
    if (declared != null && type.since().compareTo(declared) > 0) {
      c.add(
          Severity.WARNING,
          pdu.headers().get(0).offset(),
          HeaderField.MESSAGE_TYPE.name(),
          FindingCodes.MESSAGE_TYPE_NEWER_THAN_VERSION,
          type.wireName()
              + " exists since MMS "
              + type.since()
              + " but the PDU declares "
              + declared);
    }
    checkHeaders(pdu, type, declared, c);
    checkOrder(pdu, c);
    checkMandatory(pdu, type, declared, c);
    checkTrailing(pdu, c);
    Body body = pdu.body().orElse(null);
    ContentType ct = pdu.contentType().orElse(null);
    if (body instanceof MultipartBody && ct != null) {
      Header ctHeader = first(pdu, HeaderField.CONTENT_TYPE);
      int bodyOffset = -1;
      if (ctHeader != null
          && ctHeader.hasOriginalEncoding()
          && ((MultipartBody) body).hasOriginalEncoding()) {
        bodyOffset = ctHeader.offset() + ctHeader.originalLength();
      }
      checkMultipart(
          config,
          ct,
          ctHeader == null ? -1 : ctHeader.offset(),
          (MultipartBody) body,
          bodyOffset,
          bodyOffset,
          c);
    }
    return c.sorted();
  }

  /**
   * The one finding {@link #validate(byte[], DecodeConfig)} reports for input that cannot be
   * decoded, made from the exception a decode threw: {@link Severity#ERROR}, code {@link
   * FindingCodes#UNDECODABLE_PREFIX undecodable-} followed by the {@link
   * PduFormatException.Reason#code() reason's code}, the exception's offset, header and {@link
   * PduFormatException#detail() detail}. For a tool that decoded already and has the exception in
   * hand: it need not decode again to report it as the validator does.
   *
   * @param e what decoding threw
   * @return the finding
   */
  public static Finding undecodable(PduFormatException e) {
    Objects.requireNonNull(e, "e");
    return Finding.of(
        Severity.ERROR,
        FindingCodes.undecodable(e.reason()),
        e.offset(),
        e.header().orElse(null),
        e.detail());
  }

  // ---- headers -------------------------------------------------------------------------------

  private static void checkHeaders(Pdu pdu, MessageType type, MmsVersion declared, Collector c) {
    List<Header> headers = pdu.headers();
    Map<HeaderField<?>, int[]> seen = new HashMap<>(); // field -> {count, first offset}
    for (Header h : headers) {
      HeaderField<?> f = h.field();
      int at = h.offset();
      if (f.isApplication()) {
        c.add(
            Severity.INFO,
            at,
            f.name(),
            FindingCodes.APPLICATION_HEADER,
            "Application-header "
                + f.name()
                + " is not part of the "
                + type.wireName()
                + " header set (kept)");
        int bad = WireChecks.nonTokenIndex(f.name());
        if (bad >= 0) {
          c.add(
              Severity.ERROR,
              at,
              f.name(),
              FindingCodes.APPLICATION_HEADER_NAME,
              "Application-header name is not a Token-text (character "
                  + bad
                  + "): a peer may lose its place");
        }
        continue;
      }
      if (!f.isKnown()) {
        c.add(
            Severity.INFO,
            at,
            f.name(),
            FindingCodes.UNKNOWN_HEADER,
            String.format("unassigned header code 0x%02X (kept)", 0x80 | f.code()));
        continue;
      }
      PduRules.Rule rule = PduRules.rule(type, f).orElse(null);
      if (rule == null) {
        c.add(
            Severity.WARNING,
            at,
            f.name(),
            FindingCodes.HEADER_NOT_ALLOWED,
            f.name() + " is not a header of " + type.wireName());
      } else if (declared != null) {
        MmsVersion since = headerSince(rule, type);
        if (since.compareTo(declared) > 0) {
          c.add(
              Severity.WARNING,
              at,
              f.name(),
              FindingCodes.HEADER_NEWER_THAN_VERSION,
              f.name()
                  + " belongs to "
                  + type.wireName()
                  + " since MMS "
                  + since
                  + " but the PDU declares "
                  + declared);
        }
      }
      boolean repeatable = rule != null ? rule.repeatable() : f.repeatable();
      // A second X-Mms-Message-Type is reported by the decoder (duplicate-message-type).
      if (!repeatable && f.code() != HeaderField.MESSAGE_TYPE.code()) {
        HeaderField<?> key = HeaderField.valueOf(f.code());
        int[] s = seen.get(key);
        if (s == null) {
          seen.put(key, new int[] {1, at});
        } else {
          s[0]++;
          c.add(
              Severity.ERROR,
              at,
              f.name(),
              FindingCodes.DUPLICATE_HEADER,
              f.name()
                  + " occurrence "
                  + s[0]
                  + " (first"
                  + (s[1] >= 0 ? " at offset " + s[1] : "")
                  + "); "
                  + type.wireName()
                  + " allows it once");
        }
      }
      checkValue(h, at, f.name(), h.value(), c);
    }
  }

  private static void checkValue(Header h, int at, String name, Object v, Collector c) {
    if (v instanceof OctetToken) {
      OctetToken t = (OctetToken) v;
      if (!t.isKnown()) {
        c.add(
            Severity.WARNING,
            at,
            name,
            FindingCodes.UNKNOWN_TOKEN,
            String.format(
                "0x%02X is not a value the specification defines for %s (kept)", t.code(), name));
      }
    } else if (v instanceof EncodedString) {
      checkCharset(((EncodedString) v).charset().orElse(null), at, name, c);
    } else if (v instanceof Address) {
      checkCharset(((Address) v).encoded().charset().orElse(null), at, name, c);
    } else if (v instanceof FromValue) {
      ((FromValue) v)
          .address()
          .ifPresent(a -> checkCharset(a.encoded().charset().orElse(null), at, name, c));
    } else if (v instanceof PreviouslySentBy) {
      checkCharset(((PreviouslySentBy) v).address().encoded().charset().orElse(null), at, name, c);
    } else if (v instanceof MmFlags) {
      checkCharset(((MmFlags) v).keyword().charset().orElse(null), at, name, c);
    } else if (v instanceof Indexed) {
      checkValue(h, at, name, ((Indexed<?>) v).value(), c);
    } else if (v instanceof ContentType) {
      checkContentTypeCharset((ContentType) v, at, name, c);
    }
  }

  private static void checkCharset(CharacterSet cs, int at, String name, Collector c) {
    if (cs != null && !cs.isKnown()) {
      c.add(
          Severity.WARNING,
          at,
          name,
          FindingCodes.UNKNOWN_CHARSET,
          "Char-set MIBenum "
              + cs.mibEnum()
              + " names no known character set (text kept as octets)");
    }
  }

  private static void checkContentTypeCharset(ContentType ct, int at, String name, Collector c) {
    Optional<Parameter> p = ct.parameter("charset");
    if (p.isEmpty()) {
      return;
    }
    Object v = p.get().value();
    if (v instanceof CharacterSet) {
      checkCharset((CharacterSet) v, at, name, c);
    } else if (v instanceof Long) {
      long mib = (Long) v;
      if (mib > Integer.MAX_VALUE || !CharacterSet.valueOf(mib).isKnown()) {
        c.add(
            Severity.WARNING,
            at,
            name,
            FindingCodes.UNKNOWN_CHARSET,
            "charset parameter " + mib + " names no known character set");
      }
    } else if (CharacterSet.byName(p.get().text()).isEmpty()) {
      c.add(
          Severity.WARNING,
          at,
          name,
          FindingCodes.UNKNOWN_CHARSET,
          "charset parameter \"" + p.get().text() + "\" names no known character set");
    }
  }

  private static void checkOrder(Pdu pdu, Collector c) {
    List<Header> headers = pdu.headers();
    int tid = -1;
    int ver = -1;
    int ct = -1;
    for (int i = 0; i < headers.size(); i++) {
      HeaderField<?> f = headers.get(i).field();
      if (f.isApplication()) {
        continue;
      }
      if (f.code() == HeaderField.MESSAGE_TYPE.code() && i != 0) {
        c.add(
            Severity.ERROR,
            headers.get(i).offset(),
            f.name(),
            FindingCodes.HEADER_ORDER,
            "X-Mms-Message-Type must be the first header");
      } else if (f.code() == HeaderField.TRANSACTION_ID.code() && tid < 0) {
        tid = i;
      } else if (f.code() == HeaderField.MMS_VERSION.code() && ver < 0) {
        ver = i;
      } else if (f.code() == HeaderField.CONTENT_TYPE.code() && ct < 0) {
        ct = i;
      }
    }
    if (tid > 1) {
      c.add(
          Severity.ERROR,
          headers.get(tid).offset(),
          HeaderField.TRANSACTION_ID.name(),
          FindingCodes.HEADER_ORDER,
          "X-Mms-Transaction-ID must be the second header (it is header " + (tid + 1) + ")");
    }
    int expected = tid == 1 ? 2 : 1;
    if (ver >= 0 && ver != expected) {
      c.add(
          Severity.ERROR,
          headers.get(ver).offset(),
          HeaderField.MMS_VERSION.name(),
          FindingCodes.HEADER_ORDER,
          "X-Mms-MMS-Version must be header "
              + (expected + 1)
              + " (it is header "
              + (ver + 1)
              + ")");
    }
    if (ct >= 0 && ct != headers.size() - 1) {
      c.add(
          Severity.ERROR,
          headers.get(ct).offset(),
          HeaderField.CONTENT_TYPE.name(),
          FindingCodes.HEADER_ORDER,
          "Content-Type must be the last header (the body follows it)");
    }
  }

  private static void checkMandatory(Pdu pdu, MessageType type, MmsVersion declared, Collector c) {
    for (PduRules.Rule r : PduRules.rules(type)) {
      if (r.requirement() != PduRules.Requirement.MANDATORY) {
        continue;
      }
      if (declared != null && headerSince(r, type).compareTo(declared) > 0) {
        continue; // not required before its version
      }
      boolean present = false;
      for (Header h : pdu.headers()) {
        if (!h.field().isApplication() && h.field().code() == r.field().code()) {
          present = true;
          break;
        }
      }
      if (!present) {
        c.add(
            Severity.ERROR,
            -1,
            r.field().name(),
            FindingCodes.MISSING_MANDATORY_HEADER,
            type.wireName() + " requires " + r.field().name());
      }
    }
  }

  private static void checkTrailing(Pdu pdu, Collector c) {
    int n = pdu.trailingOctets().length;
    if (n == 0) {
      return;
    }
    Header last = pdu.headers().get(pdu.headers().size() - 1);
    int at = last.hasOriginalEncoding() ? last.offset() + last.originalLength() : -1;
    c.add(
        Severity.ERROR,
        at,
        null,
        FindingCodes.TRAILING_OCTETS,
        n + " octet(s) after the last header of a PDU without a body");
  }

  // ---- multipart bodies ----------------------------------------------------------------------

  /** One multipart body still to check. */
  private record Pending(
      ContentType ct, int ctOffset, MultipartBody body, int bodyOffset, String prefix) {}

  /**
   * Checks a multipart body and the multiparts inside its parts. Nested bodies are visited from
   * a work list, not by recursion, so no nesting limit a caller configures can exhaust the stack.
   *
   * @param config the limits to decode nested bodies with (lenient)
   * @param ctOffset offset of the header that carries {@code ct}, or -1
   * @param bodyOffset offset of the body in the PDU, or -1 when unknown (built bodies)
   * @param decodeBase offset in the PDU that nested decoders' offsets count from, or -1
   */
  private static void checkMultipart(
      DecodeConfig config,
      ContentType ct,
      int ctOffset,
      MultipartBody top,
      int bodyOffset,
      int decodeBase,
      Collector c) {
    ArrayDeque<Pending> work = new ArrayDeque<>();
    work.push(new Pending(ct, ctOffset, top, bodyOffset, ""));
    while (!work.isEmpty()) {
      Pending job = work.pop();
      List<Part> parts = job.body().parts();
      int[] layout = layout(job.body(), job.bodyOffset(), parts.size());
      checkRelated(job.ct(), job.ctOffset(), parts, c);
      List<Pending> nestedJobs = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        Part p = parts.get(i);
        boolean multipart = p.isMultipart();
        if (!multipart && p.contentType().parameter("charset").isEmpty()) {
          continue; // nothing to check, and no name to format for a finding
        }
        String name = "multipart entry " + job.prefix() + i;
        int at = layout == null ? -1 : layout[2 * i];
        checkContentTypeCharset(p.contentType(), at, name, c);
        if (!multipart) {
          continue;
        }
        // Nested bodies are kept opaque by the decoder; their lengths and counts are checked here.
        MultipartBody nested;
        try {
          nested = p.asMultipart(config);
        } catch (PduFormatException e) {
          c.add(
              Severity.ERROR,
              shift(e.offset(), decodeBase),
              name,
              FindingCodes.NESTED_MULTIPART_MALFORMED,
              "part typed "
                  + p.contentType().mediaType().name()
                  + " does not hold a multipart body: "
                  + e.detail());
          continue;
        }
        for (Finding f : nested.findings()) {
          c.add(
              f.severity(),
              shift((int) f.offset(), decodeBase),
              name,
              f.code(),
              "nested multipart: " + f.message());
        }
        nestedJobs.add(
            new Pending(
                p.contentType(),
                at,
                nested,
                layout == null ? -1 : layout[2 * i + 1],
                job.prefix() + i + "."));
      }
      for (int i = nestedJobs.size() - 1; i >= 0; i--) {
        work.push(nestedJobs.get(i)); // depth first, in part order
      }
    }
  }

  private static void checkRelated(ContentType ct, int at, List<Part> parts, Collector c) {
    String media = ct.mediaType().name();
    if (!media.equalsIgnoreCase("application/vnd.wap.multipart.related")
        && !media.equalsIgnoreCase("multipart/related")) {
      return;
    }
    Optional<Parameter> start = ct.parameter("start");
    Part root = null;
    if (start.isPresent()) {
      String want = bareId(start.get().text());
      for (Part p : parts) {
        if (p.contentId().map(PduValidator::bareId).filter(want::equals).isPresent()) {
          root = p;
          break;
        }
      }
      if (root == null) {
        c.add(
            Severity.WARNING,
            at,
            HeaderField.CONTENT_TYPE.name(),
            FindingCodes.MULTIPART_START_UNMATCHED,
            "multipart/related start=" + start.get().text() + " matches no part's Content-ID");
        return;
      }
    } else if (!parts.isEmpty()) {
      root = parts.get(0); // RFC 2387: without start, the first part is the root
    }
    Optional<Parameter> type = ct.parameter("type");
    if (root != null && type.isPresent()) {
      Object v = type.get().value();
      String want = v instanceof MediaType ? ((MediaType) v).name() : type.get().text();
      String actual = root.contentType().mediaType().name();
      if (!want.equalsIgnoreCase(actual)) {
        c.add(
            Severity.WARNING,
            at,
            HeaderField.CONTENT_TYPE.name(),
            FindingCodes.MULTIPART_TYPE_MISMATCH,
            "multipart/related type=" + want + " but the root part is " + actual);
      }
    }
  }

  /** A Content-ID or start value without quotes, angle brackets and surrounding blanks. */
  private static String bareId(String id) {
    String s = id.trim();
    if (s.startsWith("\"")) {
      s = s.substring(1);
    }
    if (s.endsWith("\"")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.startsWith("<") && s.endsWith(">") && s.length() >= 2) {
      s = s.substring(1, s.length() - 1);
    }
    return s.trim();
  }

  private static int shift(int offset, int base) {
    return offset < 0 || base < 0 ? -1 : offset + base;
  }

  /**
   * Where each entry and its data start, in PDU offsets: {@code [entry0, data0, entry1, ...]},
   * or {@code null} when the body's own octets are not available. Walks the framing of the
   * body's original octets, which the decoder already checked.
   */
  private static int[] layout(MultipartBody body, int bodyOffset, int n) {
    if (bodyOffset < 0 || !body.hasOriginalEncoding()) {
      return null;
    }
    Slice s = new Slice();
    try {
      body.writeTo(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Slice never throws
    }
    byte[] octets = s.array();
    WspReader r = new WspReader(octets, s.off, s.len);
    int[] out = new int[2 * n];
    try {
      r.readUintvar();
      for (int i = 0; i < n; i++) {
        out[2 * i] = bodyOffset + r.offset();
        int headersLen = r.readUintvarLength();
        int dataLen = r.readUintvarLength();
        r.skip(headersLen);
        out[2 * i + 1] = bodyOffset + r.offset();
        r.skip(dataLen);
      }
    } catch (PduFormatException e) {
      return null;
    }
    return out;
  }

  /**
   * Receives a decoded body's octets: a decoded body writes its original octets in one call, so
   * the array is looked at in place; anything else is collected.
   */
  private static final class Slice extends OutputStream {
    private byte[] arr;
    private int off;
    private int len;
    private ByteArrayOutputStream spill;

    @Override
    public void write(int b) {
      spill().write(b);
    }

    @Override
    public void write(byte[] b, int o, int l) {
      if (arr == null && spill == null) {
        arr = b;
        off = o;
        len = l;
      } else {
        spill().write(b, o, l);
      }
    }

    private ByteArrayOutputStream spill() {
      if (spill == null) {
        spill = new ByteArrayOutputStream();
        if (arr != null) {
          spill.write(arr, off, len);
          arr = null;
        }
      }
      return spill;
    }

    byte[] array() {
      if (spill != null) {
        arr = spill.toByteArray();
        off = 0;
        len = arr.length;
        spill = null;
      }
      if (arr == null) {
        arr = new byte[0];
      }
      return arr;
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Header first(Pdu pdu, HeaderField<?> field) {
    for (Header h : pdu.headers()) {
      if (!h.field().isApplication() && h.field().code() == field.code()) {
        return h;
      }
    }
    return null;
  }

  /**
   * The version a header of a PDU type is judged by: the rule's when the field joined the type
   * after the type itself, else the field's own. A PDU type newer than the declared version is
   * reported once (message-type-newer-than-version), not again for each of its headers.
   */
  private static MmsVersion headerSince(PduRules.Rule rule, MessageType type) {
    // A rule's field is a known one, which has a version.
    return rule.since().compareTo(type.since()) > 0
        ? rule.since()
        : rule.field().since().orElseThrow();
  }

  /** Collects findings, leaving out those the decoder already reported at the same place. */
  private static final class Collector {
    private final List<Finding> list;
    private final int decoded;

    Collector(List<Finding> decodeFindings) {
      this.list = new ArrayList<>(decodeFindings);
      this.decoded = decodeFindings.size();
    }

    void add(Severity severity, int offset, String header, String code, String message) {
      for (int i = 0; i < decoded; i++) {
        Finding f = list.get(i);
        if (f.offset() == offset && f.code().equals(code)) {
          return;
        }
      }
      list.add(Finding.of(severity, code, offset, header, message));
    }

    List<Finding> sorted() {
      if (list.isEmpty()) {
        return List.of(); // most PDUs: nothing to sort or copy
      }
      list.sort(Comparator.comparingLong(f -> f.hasOffset() ? f.offset() : Long.MAX_VALUE));
      return List.copyOf(list);
    }
  }
}
