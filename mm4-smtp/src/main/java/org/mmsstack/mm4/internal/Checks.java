package org.mmsstack.mm4.internal;

import java.util.List;
import java.util.function.LongUnaryOperator;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.internal.mime.AddressSyntax;
import org.mmsstack.mm4.internal.mime.DateTimes;
import org.mmsstack.mm4.internal.mime.EncodedWords;
import org.mmsstack.mm4.internal.mime.KnownNames;
import org.mmsstack.mm4.internal.mime.Params;
import org.mmsstack.mm4.internal.mime.Syntax;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.validate.Mm4FindingCodes;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/**
 * The checks of {@link org.mmsstack.mm4.validate.Mm4Validator}, shared with decoding (which runs
 * them on every decoded message): mandatory elements per message type, values that do not parse
 * as their type, fields that should appear once. Each finding names the header. Missing mandatory
 * elements and bad values of mandatory elements are errors; bad optional values and repeated
 * fields are warnings; unknown but legal values (a private message class) are infos.
 */
public final class Checks {

  /** Where the checks report; decoding throws from here in strict mode. */
  @FunctionalInterface
  public interface Sink {
    /** Takes one finding. */
    void report(Finding finding) throws Mm4FormatException;
  }

  private Checks() {}

  /** {@link Rules#SINGLE} and {@link Rules#CHECKED} by {@link KnownNames#index}. */
  private static final boolean[] SINGLE = byKnownName(Rules.SINGLE);

  private static final boolean[] CHECKED = byKnownName(Rules.CHECKED);

  private static boolean[] byKnownName(java.util.Set<String> lowerNames) {
    if (KnownNames.count() > 128) {
      throw new ExceptionInInitializerError(
          "more known header names than the repeat check has bits");
    }
    boolean[] out = new boolean[KnownNames.count()];
    for (String n : lowerNames) {
      int k = KnownNames.index(n);
      if (k < 0) {
        throw new ExceptionInInitializerError(n + " is not a known header name");
      }
      out[k] = true;
    }
    return out;
  }

  /**
   * Checks a message.
   *
   * @param m the message
   * @param sink where findings go
   * @param lineOf the 1-based line of a byte offset of the input ({@link Finding#NO_LINE} if none)
   */
  public static void check(Mm4Message m, Sink sink, LongUnaryOperator lineOf)
      throws Mm4FormatException {
    check(m.messageType(), m.headers(), sink, lineOf);
  }

  /**
   * Checks the header fields of a message of type {@code type}: what decoding runs before it
   * makes the typed message (once).
   */
  public static void check(Mm4MessageType type, Mm4Headers h, Sink sink, LongUnaryOperator lineOf)
      throws Mm4FormatException {
    Reporter r = new Reporter(sink, lineOf);
    List<String> mandatory = Rules.mandatory(type);
    for (String name : mandatory) {
      if (name.equals(Rules.RECIPIENTS)) {
        if (!h.contains(Mm4HeaderNames.TO) && !h.contains(Mm4HeaderNames.CC)) {
          r.missing(Mm4HeaderNames.TO, "no recipient: To or Cc is required");
        }
      } else if (name.equals(Rules.CONTENT)) {
        if (!h.contains(Mm4HeaderNames.CONTENT_TYPE)) {
          r.missing(Mm4HeaderNames.CONTENT_TYPE, "Content-Type is required");
        }
      } else if (!h.contains(name)) {
        r.missing(name, name + " is required in " + type.token());
      }
    }
    List<Mm4Header> fields = h.list();
    int size = fields.size();
    // The known names seen so far, one bit per KnownNames.index (fewer than 128, checked when
    // the tables are made): a repeat is found without an array per message; the lower-case names
    // are shared constants, and the other names are skipped (no check looks at them).
    long seenLow = 0;
    long seenHigh = 0;
    for (int i = 0; i < size; i++) {
      Mm4Header f = fields.get(i);
      int k = KnownNames.index(f.name());
      if (k < 0) {
        continue;
      }
      String n = KnownNames.lowerAt(k);
      long bit = 1L << k; // the shift counts modulo 64
      boolean repeat = ((k < 64 ? seenLow : seenHigh) & bit) != 0;
      if (k < 64) {
        seenLow |= bit;
      } else {
        seenHigh |= bit;
      }
      if (SINGLE[k] && repeat) {
        r.report(
            Severity.WARNING,
            Mm4FindingCodes.DUPLICATE_HEADER,
            f,
            f.name() + " appears more than once; the first is used");
      }
      String bad = CHECKED[k] ? badValue(n, r, f) : null;
      if (bad != null) {
        r.report(
            isRequired(mandatory, f.name()) ? Severity.ERROR : Severity.WARNING,
            Mm4FindingCodes.INVALID_VALUE,
            f,
            bad);
      }
    }
    if ((h.contains(Mm4HeaderNames.PREVIOUSLY_SENT_BY)
            || h.contains(Mm4HeaderNames.PREVIOUSLY_SENT_DATE))
        && !h.contains(Mm4HeaderNames.FORWARD_COUNTER)) {
      r.missingWarning(
          Mm4HeaderNames.FORWARD_COUNTER,
          "X-Mms-Previously-sent-* without X-Mms-Forward-Counter (it is conditional on forwarding)");
    }
  }

  private static boolean isRequired(List<String> mandatory, String name) {
    for (int i = 0, n = mandatory.size(); i < n; i++) {
      if (mandatory.get(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns what is wrong with the value, or null. Only the values of the fields checked here
   * are read (a decoded field's value is made on first read).
   */
  private static String badValue(String n, Reporter r, Mm4Header f) throws Mm4FormatException {
    String v = f.value();
    switch (n) {
      case "x-mms-3gpp-mms-version":
        return isDottedVersion(v) ? null : "not a dotted version: " + clip(v);
      case "x-mms-message-type":
        return Mm4MessageType.fromToken(v).isPresent() ? null : "unknown message type: " + clip(v);
      case "x-mms-transaction-id":
      case "x-mms-message-id":
        return isEmptyId(v) ? "empty id" : null;
      case "x-mms-request-status-code":
        return RequestStatusCode.fromToken(v).isPresent()
            ? null
            : "unknown request status: " + clip(v);
      case "x-mms-mm-status-code":
        return MmStatusCode.fromToken(v).isPresent() ? null : "unknown MM status: " + clip(v);
      case "x-mms-read-status":
        return Values.token(v, ReadStatus::byName).isPresent()
            ? null
            : "unknown read status: " + clip(v);
      case "x-mms-priority":
        return Values.token(v, Priority::byName).isPresent()
            ? null
            : "unknown priority: " + clip(v);
      case "x-mms-sender-visibility":
        return Values.token(v, SenderVisibility::byName).isPresent()
            ? null
            : "unknown sender visibility: " + clip(v);
      case "x-mms-content-class":
        return Values.token(v, ContentClass::byName).isPresent()
            ? null
            : "unknown content class: " + clip(v);
      case "x-mms-delivery-report":
      case "x-mms-read-reply":
      case "x-mms-ack-request":
      case "x-mms-drm-content":
      case "x-mms-adaptation-allowed":
        return YesNo.fromToken(v).isPresent() ? null : "expected Yes or No: " + clip(v);
      case "x-mms-message-class":
        // Empty as Values.messageClass reads it: nothing but spaces and tabs (a value holds no
        // CR or LF), judged on the characters without making the class.
        if (Syntax.skipWsp(v, 0, v.length()) == v.length()) {
          return "empty message class";
        }
        if (Values.messageClass(v).map(MessageClass::isToken).orElse(false)) {
          r.report(
              Severity.INFO,
              Mm4FindingCodes.INVALID_VALUE,
              f,
              "message class outside TS 23.140's four: " + clip(v));
        }
        return null;
      case "x-mms-forward-counter":
        return Values.counter(v).isPresent() ? null : "not a non-negative integer: " + clip(v);
      case "x-mms-previously-sent-by":
        return Values.previouslySentBy(v).isPresent()
            ? null
            : "expected <index>, <address>: " + clip(v);
      case "x-mms-previously-sent-date-and-time":
        return Values.previouslySentDate(v).isPresent()
            ? null
            : "expected <index>, <date>: " + clip(v);
      case "date":
      case "x-mms-expiry":
        return DateTimes.isValid(v) ? null : "not an RFC 5322 date: " + clip(v);
      case "from":
      case "sender":
      case "x-mms-originator-system":
        {
          int simple = AddressSyntax.countSimple(v);
          if (simple >= 0) {
            return simple == 1 ? null : "expected exactly one address: " + clip(v);
          }
          int[] bad = {0};
          List<Mm4Address> l = AddressSyntax.parseList(v, e -> bad[0]++);
          return bad[0] == 0 && l.size() == 1 ? null : "expected exactly one address: " + clip(v);
        }
      case "to":
      case "cc":
        {
          if (AddressSyntax.countSimple(v) >= 0) {
            return null;
          }
          StringBuilder sb = new StringBuilder();
          AddressSyntax.parseList(v, e -> sb.append(sb.length() == 0 ? "" : ", ").append(clip(e)));
          return sb.length() == 0 ? null : "not an address: " + sb;
        }
      case "content-type":
        {
          int form = Params.mediaTypeForm(v);
          boolean ok =
              form == Params.UNDECIDED
                  ? f.contentTypeValue().isPresent()
                  : form != Params.NOT_A_MEDIA_TYPE;
          return ok ? null : "not type/subtype: " + clip(v);
        }
      case "mime-version":
        return Syntax.strip(DateTimes.stripComments(v)).equals("1.0")
            ? null
            : "expected 1.0: " + clip(v);
      case "message-id":
        return Values.hasRfc822Id(v) ? null : "empty msg-id";
      case "subject":
      case "x-mms-status-text":
      case "x-mms-mm-status-extension":
      case "x-mms-applic-id":
      case "x-mms-reply-applic-id":
      case "x-mms-aux-applic-info":
        {
          String[] why = {null};
          EncodedWords.decode(v, (w, e) -> why[0] = w);
          if (why[0] != null) {
            r.report(
                Severity.WARNING,
                Mm4FindingCodes.BAD_ENCODED_WORD,
                f,
                "undecodable encoded word kept as text: " + clip(why[0]));
          }
          return null;
        }
      default:
        return null;
    }
  }

  /**
   * Whether {@link Mm4Version#tryParse} reads {@code v}: two or three dot-separated runs of one to
   * three digits, white space around allowed; checked on the characters.
   */
  static boolean isDottedVersion(String v) {
    int from = Syntax.skipWsp(v, 0, v.length());
    int to = Syntax.trimWsp(v, from, v.length());
    int parts = 1;
    int run = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c == '.') {
        if (run == 0 || ++parts > 3) {
          return false;
        }
        run = 0;
      } else if (c >= '0' && c <= '9' && run < 3) {
        run++;
      } else {
        return false;
      }
    }
    return run > 0 && parts >= 2;
  }

  /**
   * Whether an opaque id is empty once stripped and unquoted ({@link Syntax#unquote}): blank, or
   * exactly {@code ""}; checked without making the unquoted string.
   */
  static boolean isEmptyId(String v) {
    int from = Syntax.skipWsp(v, 0, v.length());
    int to = Syntax.trimWsp(v, from, v.length());
    return to == from || (to - from == 2 && v.charAt(from) == '"' && v.charAt(from + 1) == '"');
  }

  private static String clip(String s) {
    return Syntax.clip(s);
  }

  /** Turns checks into findings at the field's place. */
  private static final class Reporter {
    private final Sink sink;
    private final LongUnaryOperator lineOf;

    Reporter(Sink sink, LongUnaryOperator lineOf) {
      this.sink = sink;
      this.lineOf = lineOf;
    }

    void report(Severity s, String code, Mm4Header f, String message) throws Mm4FormatException {
      sink.report(
          Finding.ofLine(
              s,
              code,
              f.offset() < 0 ? Finding.NO_LINE : lineOf.applyAsLong(f.offset()),
              Finding.NO_COLUMN,
              f.offset() < 0 ? Finding.NO_OFFSET : f.offset(),
              f.name(),
              message));
    }

    void missing(String header, String message) throws Mm4FormatException {
      sink.report(
          Finding.ofLine(
              Severity.ERROR,
              Mm4FindingCodes.MISSING_HEADER,
              Finding.NO_LINE,
              Finding.NO_COLUMN,
              Finding.NO_OFFSET,
              header,
              message));
    }

    void missingWarning(String header, String message) throws Mm4FormatException {
      sink.report(
          Finding.ofLine(
              Severity.WARNING,
              Mm4FindingCodes.MISSING_HEADER,
              Finding.NO_LINE,
              Finding.NO_COLUMN,
              Finding.NO_OFFSET,
              header,
              message));
    }
  }
}
