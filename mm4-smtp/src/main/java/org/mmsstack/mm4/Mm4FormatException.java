package org.mmsstack.mm4;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.internal.mime.Syntax;

/**
 * The one checked exception of the MM4 codec: malformed mail, a broken MIME structure, a limit of
 * {@link Mm4Config} exceeded, or (in strict mode) a finding of severity ERROR.
 *
 * <p>It extends {@link IOException} so that parsing from a stream and from an array share one
 * {@code catch}. Every instance names where the problem is: the 1-based {@link #line() line}, the
 * 0-based {@link #offset() byte offset} into the input and, where one applies, the {@link
 * #header() header} name. {@link #getMessage()} appends that location; {@link #detail()}
 * is the bare text. Tests should assert on {@link #reason()}, not on the message text.
 */
public final class Mm4FormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Why parsing failed. The same values, as {@link #code() codes}, name the findings of lenient
   * parsing and validation ({@link org.mmsstack.mm4.validate.Mm4FindingCodes}); mail that cannot
   * be decoded at all is reported as {@code undecodable-} and the code ({@link
   * org.mmsstack.mm4.validate.Mm4Validator#validate(byte[], Mm4Config)}).
   */
  public enum Reason {
    /** The input starts with a UTF-8 byte-order mark (not part of RFC 5322 mail). */
    BYTE_ORDER_MARK,
    /** A line ends in LF alone instead of CRLF. */
    BARE_LINE_FEED,
    /** Data follows the message: a lone "." line and SMTP dialogue, as a capture of DATA has. */
    TRAILING_DATA,
    /** A continuation line with no header before it, or a folded line holding only white space. */
    BAD_FOLDING,
    /** A header line without a colon, or with an empty or invalid field name. */
    MISSING_COLON,
    /** A header field body holds bytes that are not valid UTF-8 (RFC 6532). */
    BAD_HEADER_BYTES,
    /** A multipart entity without a boundary parameter, or with an invalid one. */
    MISSING_BOUNDARY,
    /** A multipart body whose close delimiter never comes. */
    UNTERMINATED_MULTIPART,
    /** A multipart body with no body part at all. */
    EMPTY_MULTIPART,
    /** Base64 data whose length is not a whole number of quanta. */
    TRUNCATED_BASE64,
    /** Base64 data with characters outside the alphabet or padding in the middle. */
    BAD_BASE64,
    /** Quoted-printable data with a broken escape. */
    BAD_QUOTED_PRINTABLE,
    /** A Content-Transfer-Encoding this codec does not know; the data stays encoded. */
    UNKNOWN_TRANSFER_ENCODING,
    /** An RFC 2047 encoded word that cannot be decoded; it is kept as text. */
    BAD_ENCODED_WORD,
    /** A header value that does not parse as its type (date, address, token, number). */
    INVALID_VALUE,
    /** A header the message type requires is absent. */
    MISSING_HEADER,
    /** A header that should appear at most once appears again. */
    DUPLICATE_HEADER,
    /** X-Mms-Message-Type is absent or names no MM4 message. */
    UNKNOWN_MESSAGE_TYPE,
    /** A limit of {@link Mm4Config} was exceeded. */
    LIMIT_EXCEEDED,
    /** The input ends inside a structure. */
    TRUNCATED;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /**
     * @return the finding code of this reason: its name in kebab case, as listed in {@link
     *     org.mmsstack.mm4.validate.Mm4FindingCodes}
     */
    public String code() {
      return code;
    }

    /**
     * @param code a finding code
     * @return the reason with that code, if there is one
     */
    public static Optional<Reason> fromCode(String code) {
      for (Reason r : values()) {
        if (r.code.equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  private final Reason reason;
  private final long line;
  private final long offset;
  private final String header;
  private final String detail;

  private Mm4FormatException(Reason reason, String message, long line, long offset, String header) {
    super(message);
    this.reason = reason;
    this.detail = message;
    this.line = line;
    this.offset = offset;
    this.header = header;
  }

  /**
   * Creates an exception from a finding, as strict parsing does when it meets an error.
   *
   * @param finding the finding that strict mode does not tolerate; its code must be a {@link
   *     Reason#code() reason's code} (one of {@link org.mmsstack.mm4.validate.Mm4FindingCodes})
   * @return the exception, with the finding's reason, location and header
   * @throws IllegalArgumentException if the code names no {@link Reason}
   */
  public static Mm4FormatException of(Finding finding) {
    Reason reason =
        Reason.fromCode(finding.code())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "finding code: \""
                            + finding.code()
                            + "\" (expected: one of Mm4FindingCodes)"));
    return new Mm4FormatException(
        reason, finding.message(), finding.line(), finding.offset(), finding.header().orElse(null));
  }

  /** Bad folding: a continuation line where no header is open. */
  public static Mm4FormatException badFolding(long line, long offset, String header) {
    return new Mm4FormatException(
        Reason.BAD_FOLDING,
        "continuation line without a header field to continue",
        line,
        offset,
        header);
  }

  /** A header line without a colon (or with an invalid field name). */
  public static Mm4FormatException missingColon(long line, long offset) {
    return new Mm4FormatException(
        Reason.MISSING_COLON,
        "header line without a colon or with an invalid field name",
        line,
        offset,
        null);
  }

  /** A multipart Content-Type without a usable boundary parameter. */
  public static Mm4FormatException missingBoundary(long line, long offset, String contentType) {
    return new Mm4FormatException(
        Reason.MISSING_BOUNDARY,
        "multipart content type without a valid boundary parameter: " + clip(contentType),
        line,
        offset,
        "Content-Type");
  }

  /** A multipart body whose close delimiter is missing. */
  public static Mm4FormatException unterminatedMultipart(long line, long offset, String boundary) {
    return new Mm4FormatException(
        Reason.UNTERMINATED_MULTIPART,
        "multipart body ends without the close delimiter --" + clip(boundary) + "--",
        line,
        offset,
        "Content-Type");
  }

  /** A multipart body without a single body part. */
  public static Mm4FormatException emptyMultipart(long line, long offset, String boundary) {
    return new Mm4FormatException(
        Reason.EMPTY_MULTIPART,
        "multipart body holds no body part delimited by --" + clip(boundary),
        line,
        offset,
        "Content-Type");
  }

  /** Base64 data that stops inside a quantum. */
  public static Mm4FormatException truncatedBase64(long line, long offset, long characters) {
    return new Mm4FormatException(
        Reason.TRUNCATED_BASE64,
        "base64 data ends inside a quantum (" + characters + " alphabet characters)",
        line,
        offset,
        "Content-Transfer-Encoding");
  }

  /** Base64 data with a character outside the alphabet, or padding before the end. */
  public static Mm4FormatException badBase64(long line, long offset, String detail) {
    return new Mm4FormatException(
        Reason.BAD_BASE64, "bad base64 data: " + detail, line, offset, "Content-Transfer-Encoding");
  }

  /** Quoted-printable data with a broken escape. */
  public static Mm4FormatException badQuotedPrintable(long line, long offset, String detail) {
    return new Mm4FormatException(
        Reason.BAD_QUOTED_PRINTABLE,
        "bad quoted-printable data: " + detail,
        line,
        offset,
        "Content-Transfer-Encoding");
  }

  /** A limit of {@link Mm4Config} exceeded; the message names the setting to raise. */
  public static Mm4FormatException limitExceeded(
      String setting, long limit, long line, long offset, String header) {
    return new Mm4FormatException(
        Reason.LIMIT_EXCEEDED,
        "limit exceeded: "
            + setting
            + " = "
            + limit
            + " (raise it with Mm4Config.Builder."
            + setting
            + ")",
        line,
        offset,
        header);
  }

  /** X-Mms-Message-Type absent or unknown: the message cannot be typed. */
  public static Mm4FormatException unknownMessageType(long line, long offset, String value) {
    return new Mm4FormatException(
        Reason.UNKNOWN_MESSAGE_TYPE,
        value == null ? "no X-Mms-Message-Type header" : "unknown MM4 message type: " + clip(value),
        line,
        offset,
        Mm4HeaderNames.MESSAGE_TYPE);
  }

  /** The input ended inside a structure. */
  public static Mm4FormatException truncated(long line, long offset, String what) {
    return new Mm4FormatException(
        Reason.TRUNCATED, "input ends inside " + what, line, offset, null);
  }

  /** @return why parsing failed */
  public Reason reason() {
    return reason;
  }

  /** @return the 1-based line of the problem (0 if not known) */
  public long line() {
    return line;
  }

  /** @return the 0-based byte offset of the problem in the input (-1 if not known) */
  public long offset() {
    return offset;
  }

  /** @return the header the problem is in, if there is one */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** @return the detail without the location suffix (as {@code PduFormatException.detail()}) */
  public String detail() {
    return detail;
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder(detail);
    sb.append(" at line ").append(line).append(", offset ").append(offset);
    if (header != null) {
      sb.append(" (header ").append(header).append(')');
    }
    return sb.toString();
  }

  private static String clip(String s) {
    return Syntax.clip(s);
  }
}
