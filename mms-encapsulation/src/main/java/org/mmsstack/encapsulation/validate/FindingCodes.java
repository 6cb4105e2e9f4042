package org.mmsstack.encapsulation.validate;

/**
 * The stable {@link org.mmsstack.encapsulation.Finding#code() codes} of every PDU finding: those
 * lenient decoding records ({@link org.mmsstack.encapsulation.Pdu#findings()}, which the {@link
 * PduValidator} passes through) and those the {@link PduValidator} reports itself. The package
 * documentation has the full table, with severities and references. Programs should test codes,
 * never message texts.
 */
public final class FindingCodes {

  /** The input could not be decoded at all; the suffix is the exception reason in kebab case. */
  public static final String UNDECODABLE_PREFIX = "undecodable-";

  /**
   * The code of a PDU that could not be decoded for this reason, as {@link
   * PduValidator#undecodable} reports it: {@link #UNDECODABLE_PREFIX} and {@link
   * org.mmsstack.encapsulation.PduFormatException.Reason#code()}, for example {@code
   * undecodable-truncated}.
   */
  public static String undecodable(org.mmsstack.encapsulation.PduFormatException.Reason reason) {
    return UNDECODABLE_PREFIX + reason.code();
  }

  /** A header the PDU type requires (at the declared version) is absent. */
  public static final String MISSING_MANDATORY_HEADER = "missing-mandatory-header";

  /** The PDU type is newer than the declared X-Mms-MMS-Version. */
  public static final String MESSAGE_TYPE_NEWER_THAN_VERSION = "message-type-newer-than-version";

  /** A header (or its use in this PDU type) is newer than the declared X-Mms-MMS-Version. */
  public static final String HEADER_NEWER_THAN_VERSION = "header-newer-than-version";

  /** A known header that the PDU type does not carry. */
  public static final String HEADER_NOT_ALLOWED = "header-not-allowed";

  /** An Application-header (textual name): legal, but outside the PDU type's header set. */
  public static final String APPLICATION_HEADER = "application-header";

  /** An Application-header whose name is not an RFC 2616 token. */
  public static final String APPLICATION_HEADER_NAME = "application-header-name";

  /** A header code the specification does not assign (reported by decoding and the validator). */
  public static final String UNKNOWN_HEADER = "unknown-header";

  /** Message-Type not first, Transaction-ID not second, MMS-Version not next, Content-Type not last. */
  public static final String HEADER_ORDER = "header-order";

  /** A header that may occur once in this PDU type occurs again. */
  public static final String DUPLICATE_HEADER = "duplicate-header";

  /** An enumerated octet value the specification does not define for the header. */
  public static final String UNKNOWN_TOKEN = "unknown-token";

  /** X-Mms-MMS-Version outside 1.0-1.3. */
  public static final String UNSUPPORTED_VERSION = "unsupported-version";

  /** Octets after the last header of a PDU without a body. */
  public static final String TRAILING_OCTETS = "trailing-octets";

  /** The multipart/related {@code start} parameter names no part's Content-ID. */
  public static final String MULTIPART_START_UNMATCHED = "multipart-start-unmatched";

  /** The multipart/related {@code type} parameter disagrees with the root part's content type. */
  public static final String MULTIPART_TYPE_MISMATCH = "multipart-type-mismatch";

  /** A part typed as a multipart whose data is not a well-formed multipart body. */
  public static final String NESTED_MULTIPART_MALFORMED = "nested-multipart-malformed";

  /** A character set (MIBenum or name) this library does not know. */
  public static final String UNKNOWN_CHARSET = "unknown-charset";

  // ---- recorded by lenient decoding (Pdu#findings()) ----------------------------------------

  /**
   * A header value that does not follow its grammar (Yes/No other than 0x80/0x81, a bad token, a
   * Value-length of 0x20 or more ...), kept as raw octets.
   */
  public static final String MALFORMED_VALUE = "malformed-value";

  /**
   * A value whose Value-length disagrees with the value's own end, where only the value's own end
   * leaves the next octet at a header: that reading is taken and the value kept as raw octets.
   */
  public static final String VALUE_LENGTH_MISMATCH = "value-length-mismatch";

  /** X-Mms-MMS-Version without the high bit (read as the version it obviously means). */
  public static final String VERSION_NOT_SHORT_INTEGER = "version-not-short-integer";

  /** X-Mms-Message-Type again. */
  public static final String DUPLICATE_MESSAGE_TYPE = "duplicate-message-type";

  /** 0x00-0x1F or 0x7F where a header must start; the rest is kept as trailing octets. */
  public static final String INVALID_HEADER_START = "invalid-header-start";

  /** An Application-header value that is not text. */
  public static final String APPLICATION_HEADER_VALUE = "application-header-value";

  /** Octets inside a Value-length that the value's grammar does not use. */
  public static final String EXCESS_OCTETS = "excess-octets";

  /** Encoded-string-value text without its End-of-string. */
  public static final String UNTERMINATED_TEXT = "unterminated-text";

  /** A multipart holds fewer (ERROR) or more (WARNING) entries than it announces. */
  public static final String MULTIPART_COUNT_MISMATCH = "multipart-count-mismatch";

  /** Text starting with an octet of 0x80 or more without the Quote. */
  public static final String MISSING_QUOTE = "missing-quote";

  /** A Quote before text that does not need one. */
  public static final String SUPERFLUOUS_QUOTE = "superfluous-quote";

  /** Delta-seconds as a Short-integer, which several decoders refuse. */
  public static final String SHORT_DELTA_SECONDS = "short-delta-seconds";

  /** An unassigned well-known parameter token. */
  public static final String UNKNOWN_PARAMETER = "unknown-parameter";

  /** An integer in a non-canonical form (Long-integer of no octets, Short-integer for a Long-integer). */
  public static final String NON_CANONICAL_INTEGER = "non-canonical-integer";

  /** A Quoted-string sent with a closing quote. */
  public static final String TRAILING_QUOTE = "trailing-quote";

  private FindingCodes() {}
}
