package org.mmsstack.routing;

/**
 * The stable {@link org.mmsstack.encapsulation.Finding#code() codes} of the routing extension's
 * findings: one per {@link RoutingDataFormatException.Reason} (the reason's name in kebab case),
 * as the routing table and key ring codecs report them. Programs should test codes, never message
 * texts. A constants holder, thread-safe.
 */
@Provisional
public final class RoutingFindingCodes {

  /** {@link RoutingDataFormatException.Reason#MISSING_HEADER}. */
  public static final String MISSING_HEADER = "missing-header";

  /** {@link RoutingDataFormatException.Reason#UNSUPPORTED_FORMAT_VERSION}. */
  public static final String UNSUPPORTED_FORMAT_VERSION = "unsupported-format-version";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_HEADER}. */
  public static final String DUPLICATE_HEADER = "duplicate-header";

  /** {@link RoutingDataFormatException.Reason#MISSING_VERSION}. */
  public static final String MISSING_VERSION = "missing-version";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_VERSION}. */
  public static final String DUPLICATE_VERSION = "duplicate-version";

  /** {@link RoutingDataFormatException.Reason#INVALID_VERSION_NUMBER}. */
  public static final String INVALID_VERSION_NUMBER = "invalid-version-number";

  /** {@link RoutingDataFormatException.Reason#INVALID_VERSION_LABEL}. */
  public static final String INVALID_VERSION_LABEL = "invalid-version-label";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_DEFAULT}. */
  public static final String DUPLICATE_DEFAULT = "duplicate-default";

  /** {@link RoutingDataFormatException.Reason#UNKNOWN_KEYWORD}. */
  public static final String UNKNOWN_KEYWORD = "unknown-keyword";

  /** {@link RoutingDataFormatException.Reason#MISSING_FIELD}. */
  public static final String MISSING_FIELD = "missing-field";

  /** {@link RoutingDataFormatException.Reason#UNEXPECTED_FIELD}. */
  public static final String UNEXPECTED_FIELD = "unexpected-field";

  /** {@link RoutingDataFormatException.Reason#INVALID_DIGITS}. */
  public static final String INVALID_DIGITS = "invalid-digits";

  /** {@link RoutingDataFormatException.Reason#TOO_MANY_DIGITS}. */
  public static final String TOO_MANY_DIGITS = "too-many-digits";

  /** {@link RoutingDataFormatException.Reason#INVALID_DOMAIN}. */
  public static final String INVALID_DOMAIN = "invalid-domain";

  /** {@link RoutingDataFormatException.Reason#INVALID_RELAY_ID}. */
  public static final String INVALID_RELAY_ID = "invalid-relay-id";

  /** {@link RoutingDataFormatException.Reason#UNKNOWN_TARGET_KIND}. */
  public static final String UNKNOWN_TARGET_KIND = "unknown-target-kind";

  /** {@link RoutingDataFormatException.Reason#UNKNOWN_REJECT_REASON}. */
  public static final String UNKNOWN_REJECT_REASON = "unknown-reject-reason";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_PREFIX}. */
  public static final String DUPLICATE_PREFIX = "duplicate-prefix";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_NUMBER}. */
  public static final String DUPLICATE_NUMBER = "duplicate-number";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_DOMAIN}. */
  public static final String DUPLICATE_DOMAIN = "duplicate-domain";

  /** {@link RoutingDataFormatException.Reason#TOO_MANY_TARGETS}. */
  public static final String TOO_MANY_TARGETS = "too-many-targets";

  /** {@link RoutingDataFormatException.Reason#TOO_MANY_ENTRIES}. */
  public static final String TOO_MANY_ENTRIES = "too-many-entries";

  /** {@link RoutingDataFormatException.Reason#INVALID_KEY_ID}. */
  public static final String INVALID_KEY_ID = "invalid-key-id";

  /** {@link RoutingDataFormatException.Reason#INVALID_PUBLIC_KEY}. */
  public static final String INVALID_PUBLIC_KEY = "invalid-public-key";

  /** {@link RoutingDataFormatException.Reason#INVALID_TIME}. */
  public static final String INVALID_TIME = "invalid-time";

  /** {@link RoutingDataFormatException.Reason#EMPTY_VALIDITY}. */
  public static final String EMPTY_VALIDITY = "empty-validity";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_KEY_ID}. */
  public static final String DUPLICATE_KEY_ID = "duplicate-key-id";

  /** {@link RoutingDataFormatException.Reason#TOO_MANY_KEYS}. */
  public static final String TOO_MANY_KEYS = "too-many-keys";

  /** {@link RoutingDataFormatException.Reason#LINE_TOO_LONG}. */
  public static final String LINE_TOO_LONG = "line-too-long";

  /** {@link RoutingDataFormatException.Reason#INVALID_CHARACTER}. */
  public static final String INVALID_CHARACTER = "invalid-character";

  /** {@link RoutingDataFormatException.Reason#FILE_TOO_LARGE}. */
  public static final String FILE_TOO_LARGE = "file-too-large";

  /** {@link RoutingDataFormatException.Reason#INVALID_SECRET}. */
  public static final String INVALID_SECRET = "invalid-secret";

  /** {@link RoutingDataFormatException.Reason#DUPLICATE_SECRET}. */
  public static final String DUPLICATE_SECRET = "duplicate-secret";

  /** {@link RoutingDataFormatException.Reason#MISSING_SECRET}. */
  public static final String MISSING_SECRET = "missing-secret";

  /** {@link RoutingDataFormatException.Reason#DIGEST_MISMATCH}. */
  public static final String DIGEST_MISMATCH = "digest-mismatch";

  // Findings of routing data sources (org.mmsstack.routing.data) and of the validation of a
  // version before it is published. Sources report them to their listeners and in their state.

  /**
   * A routing data source lost its store (ZooKeeper session, unreadable directory): the node
   * keeps routing on its last version. WARNING.
   */
  public static final String SOURCE_DISCONNECTED = "source-disconnected";

  /** A routing data source reached its store again and resynchronised. INFO. */
  public static final String SOURCE_RECONNECTED = "source-reconnected";

  /**
   * The store's current version could not be read or decoded (missing part, bad digest,
   * malformed file): the node keeps routing on its last version. ERROR.
   */
  public static final String VERSION_UNREADABLE = "version-unreadable";

  /**
   * The store's current version is not newer than the version the node runs (a pointer moved
   * back): ignored. WARNING. Also {@link
   * org.mmsstack.routing.data.RoutingDataPublishException.Reason#VERSION_NOT_NEWER}.
   */
  public static final String VERSION_NOT_NEWER = "version-not-newer";

  /** A node installed a new version. INFO. */
  public static final String VERSION_INSTALLED = "version-installed";

  /** Validation: a relay target of the table has no key in the key ring. WARNING. */
  public static final String RELAY_WITHOUT_KEY = "relay-without-key";

  /** Validation: the key ring has no key valid now or later. ERROR. */
  public static final String NO_VALID_KEY = "no-valid-key";

  /** Validation: a key's owner is not a relay target of the table. INFO. */
  public static final String KEY_OWNER_NOT_IN_TABLE = "key-owner-not-in-table";

  /** {@link org.mmsstack.routing.data.RoutingDataPublishException.Reason#INVALID_ROUTING_DATA}. */
  public static final String INVALID_ROUTING_DATA = "invalid-routing-data";

  /** {@link org.mmsstack.routing.data.RoutingDataPublishException.Reason#VERSION_CONFLICT}. */
  public static final String VERSION_CONFLICT = "version-conflict";

  private RoutingFindingCodes() {}
}
