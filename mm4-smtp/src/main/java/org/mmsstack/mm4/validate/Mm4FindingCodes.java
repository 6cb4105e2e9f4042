package org.mmsstack.mm4.validate;

import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;

/**
 * The stable {@link org.mmsstack.encapsulation.Finding#code() codes} of MM4 findings: what lenient
 * decoding recovered from ({@link org.mmsstack.mm4.Mm4Message#findings()}) and what {@link
 * Mm4Validator} found. Each {@link Mm4FormatException.Reason} has the code of the same name in
 * kebab case ({@link Mm4FormatException.Reason#code()}), so a finding that strict decoding turns
 * into an exception keeps its code; mail that cannot be decoded at all is reported as {@link
 * #UNDECODABLE_PREFIX} and the reason's code. Programs should test codes, never message texts.
 */
public final class Mm4FindingCodes {

  /**
   * The mail could not be decoded at all: {@link Mm4Validator#validate(byte[], Mm4Config)} reports
   * it as one ERROR finding whose code is this prefix followed by the {@link
   * Mm4FormatException.Reason#code() reason's code} (for example {@code
   * undecodable-unterminated-multipart}), as the PDU validator reports a PDU that cannot be
   * decoded.
   */
  public static final String UNDECODABLE_PREFIX = "undecodable-";

  /**
   * The code of mail that could not be decoded for this reason, as {@link
   * Mm4Validator#undecodable} reports it: {@link #UNDECODABLE_PREFIX} and {@link
   * Mm4FormatException.Reason#code()}, for example {@code undecodable-unterminated-multipart}.
   */
  public static String undecodable(Mm4FormatException.Reason reason) {
    return UNDECODABLE_PREFIX + reason.code();
  }

  /** The input starts with a UTF-8 byte-order mark (not part of RFC 5322 mail). */
  public static final String BYTE_ORDER_MARK = "byte-order-mark";

  /** A line ends in LF alone instead of CRLF. */
  public static final String BARE_LINE_FEED = "bare-line-feed";

  /** Data follows the message: a lone "." line and SMTP dialogue, as a capture of DATA has. */
  public static final String TRAILING_DATA = "trailing-data";

  /** A continuation line with no header before it, or a folded line holding only white space. */
  public static final String BAD_FOLDING = "bad-folding";

  /** A header line without a colon, or with an empty or invalid field name. */
  public static final String MISSING_COLON = "missing-colon";

  /** A header field body holds bytes that are not valid UTF-8 (RFC 6532). */
  public static final String BAD_HEADER_BYTES = "bad-header-bytes";

  /** A multipart entity without a boundary parameter, or with an invalid one. */
  public static final String MISSING_BOUNDARY = "missing-boundary";

  /** A multipart body whose close delimiter never comes. */
  public static final String UNTERMINATED_MULTIPART = "unterminated-multipart";

  /** A multipart body with no body part at all. */
  public static final String EMPTY_MULTIPART = "empty-multipart";

  /** Base64 data whose length is not a whole number of quanta. */
  public static final String TRUNCATED_BASE64 = "truncated-base64";

  /** Base64 data with characters outside the alphabet or padding in the middle. */
  public static final String BAD_BASE64 = "bad-base64";

  /** Quoted-printable data with a broken escape. */
  public static final String BAD_QUOTED_PRINTABLE = "bad-quoted-printable";

  /** A Content-Transfer-Encoding this codec does not know; the data stays encoded. */
  public static final String UNKNOWN_TRANSFER_ENCODING = "unknown-transfer-encoding";

  /** An RFC 2047 encoded word that cannot be decoded; it is kept as text. */
  public static final String BAD_ENCODED_WORD = "bad-encoded-word";

  /** A header value that does not parse as its type (date, address, token, number). */
  public static final String INVALID_VALUE = "invalid-value";

  /** A header the message type requires is absent. */
  public static final String MISSING_HEADER = "missing-header";

  /** A header that should appear at most once appears again. */
  public static final String DUPLICATE_HEADER = "duplicate-header";

  /** X-Mms-Message-Type is absent or names no MM4 message. */
  public static final String UNKNOWN_MESSAGE_TYPE = "unknown-message-type";

  /** A limit of {@link Mm4Config} was exceeded. */
  public static final String LIMIT_EXCEEDED = "limit-exceeded";

  /** The input ends inside a structure. */
  public static final String TRUNCATED = "truncated";

  /**
   * A conversion between MM1 and MM4 ({@link org.mmsstack.mm4.convert}) left a header, part
   * header, parameter or value out: the other side has no place for it, or it cannot be written
   * there. WARNING (INFO where it is left out on purpose, as a From the sender asked to hide).
   */
  public static final String CONVERSION_DROPPED = "conversion-dropped";

  /**
   * A conversion carried something over in another form: a coarser value, another media type, a
   * value for the caller to act on (a delivery time to hold the message until). INFO.
   */
  public static final String CONVERSION_MAPPED = "conversion-mapped";

  private Mm4FindingCodes() {}
}
