package org.mmsstack.encapsulation.validate;

/**
 * The stable {@link org.mmsstack.encapsulation.Finding#code() codes} the {@link PduValidator}
 * reports itself. Decoding findings are passed through with their own codes (see the package
 * documentation for the full table). Programs should test codes, never message texts.
 */
public final class FindingCodes {

  /** The input could not be decoded at all; the suffix is the exception reason in kebab case. */
  public static final String UNDECODABLE_PREFIX = "undecodable-";

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

  /** A header code the specification does not assign. */
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

  private FindingCodes() {}
}
