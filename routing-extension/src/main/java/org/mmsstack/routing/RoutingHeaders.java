package org.mmsstack.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.routing.internal.Ascii;

/**
 * Renders {@link RoutingFields} as header (name, value) pairs and parses them back. The same
 * pairs travel as MM4 header fields and as binary Application-headers ({@link RoutingPdus}).
 *
 * <table>
 *   <caption>Fields of version 1 (names compare case-insensitively)</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code X-Mms-Routing-Version}</td><td>{@code 1}</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Entry}</td><td>RelayId</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Home}</td><td>RelayId</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Path}</td><td>RelayIds separated by {@code ,} (1 to hop limit)</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Hop-Limit}</td><td>decimal 1-32</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Table-Version}</td><td>decimal, no leading zeros, at most 18 digits</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Charging}</td><td>RelayId</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Recipient}</td><td>one per recipient, repeated: {@link Recipient#wireText()}</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Issued}</td><td>decimal seconds since 1970-01-01T00:00:00Z</td></tr>
 *   <tr><td>{@code X-Mms-Routing-Signature}</td><td>{@code ed25519:<key-id>:<base64url, 86 chars>}</td></tr>
 * </table>
 *
 * <p>Every value is visible US-ASCII and starts with an octet in 0x21-0x7E, so legacy binary
 * decoders skip it as an unknown Application-header (Android's PduParser reads such a value as one more header name).
 * The signature is optional at this level; {@link RoutingVerifier} decides whether it is required.
 * Parsing ignores every header outside the prefix and refuses names under it that version 1
 * does not define: a field the signature cannot cover must not influence routing.
 *
 * <p>Stateless and thread-safe.
 */
@Provisional
public final class RoutingHeaders {

  /** The common prefix of every extension field. */
  public static final String PREFIX = "X-Mms-Routing-";

  /** {@code X-Mms-Routing-Version}. */
  public static final String VERSION = "X-Mms-Routing-Version";

  /** {@code X-Mms-Routing-Entry}. */
  public static final String ENTRY = "X-Mms-Routing-Entry";

  /** {@code X-Mms-Routing-Home}. */
  public static final String HOME = "X-Mms-Routing-Home";

  /** {@code X-Mms-Routing-Path}. */
  public static final String PATH = "X-Mms-Routing-Path";

  /** {@code X-Mms-Routing-Hop-Limit}. */
  public static final String HOP_LIMIT = "X-Mms-Routing-Hop-Limit";

  /** {@code X-Mms-Routing-Table-Version}. */
  public static final String TABLE_VERSION = "X-Mms-Routing-Table-Version";

  /** {@code X-Mms-Routing-Charging}. */
  public static final String CHARGING = "X-Mms-Routing-Charging";

  /** {@code X-Mms-Routing-Recipient}. */
  public static final String RECIPIENT = "X-Mms-Routing-Recipient";

  /** {@code X-Mms-Routing-Issued}. */
  public static final String ISSUED = "X-Mms-Routing-Issued";

  /** {@code X-Mms-Routing-Signature}. */
  public static final String SIGNATURE = "X-Mms-Routing-Signature";

  /** The longest value accepted (a full 32-hop path is 1055 characters). */
  public static final int MAX_VALUE_LENGTH = 1100;

  /** The single-valued fields in the order {@link #write} emits them. */
  private static final String[] SINGLE = {
    VERSION, ENTRY, HOME, PATH, HOP_LIMIT, TABLE_VERSION, CHARGING, ISSUED, SIGNATURE
  };

  private RoutingHeaders() {}

  /** Whether a header name is under the routing prefix (ignoring case). */
  public static boolean isRoutingHeader(String name) {
    return name.length() >= PREFIX.length()
        && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * The fields as header pairs, in a fixed order: Version, Entry, Home, Path, Hop-Limit,
   * Table-Version, Charging, Issued, one Recipient per recipient, Signature (when signed).
   */
  public static List<HeaderPair> write(RoutingFields f) {
    List<HeaderPair> out = new ArrayList<>(9 + f.recipients().size());
    out.add(new HeaderPair(VERSION, Integer.toString(RoutingFields.VERSION)));
    out.add(new HeaderPair(ENTRY, f.entry().value()));
    out.add(new HeaderPair(HOME, f.home().value()));
    StringBuilder path = new StringBuilder(f.path().size() * 12);
    for (RelayId r : f.path()) {
      if (path.length() > 0) {
        path.append(',');
      }
      path.append(r.value());
    }
    out.add(new HeaderPair(PATH, path.toString()));
    out.add(new HeaderPair(HOP_LIMIT, Integer.toString(f.hopLimit())));
    out.add(new HeaderPair(TABLE_VERSION, Long.toString(f.tableVersion())));
    out.add(new HeaderPair(CHARGING, f.charging().value()));
    out.add(new HeaderPair(ISSUED, Long.toString(f.issuedAt().getEpochSecond())));
    for (Recipient r : f.recipients()) {
      out.add(new HeaderPair(RECIPIENT, r.wireText()));
    }
    f.signature().ifPresent(s -> out.add(new HeaderPair(SIGNATURE, s.wireText())));
    return List.copyOf(out);
  }

  /**
   * Parses the routing fields among any header pairs (others are ignored).
   *
   * @return empty when no header carries the routing prefix
   * @throws RoutingFieldException when a routing header is unknown, duplicated, malformed, over
   *     a limit, or a mandatory one is missing
   */
  public static Optional<RoutingFields> read(List<HeaderPair> headers)
      throws RoutingFieldException {
    return read(HeaderSection.of(headers));
  }

  /**
   * Parses the routing fields of a decoded MM4 header section, as {@link #read(List)} does: what
   * a Relay/Server routes on, read from {@link org.mmsstack.mm4.Mm4Codec#decodeHeaders(byte[])}
   * without decoding the body. Only the values of fields under the prefix are read.
   *
   * @return empty when no header carries the routing prefix
   * @throws RoutingFieldException as {@link #read(List)}
   */
  public static Optional<RoutingFields> read(Mm4Headers headers) throws RoutingFieldException {
    return read(HeaderSection.of(headers));
  }

  private static Optional<RoutingFields> read(HeaderSection headers) throws RoutingFieldException {
    String[] single = new String[SINGLE.length];
    List<String> recipients = null;
    boolean any = false;
    for (int i = 0, n = headers.size(); i < n; i++) {
      String name = headers.name(i);
      if (!isRoutingHeader(name)) {
        continue;
      }
      any = true;
      String value = headers.value(i);
      if (value.length() > MAX_VALUE_LENGTH) {
        throw RoutingFieldException.limit(
            canonicalName(name), "value length", value.length(), MAX_VALUE_LENGTH);
      }
      value = Ascii.trimWsp(value);
      if (name.equalsIgnoreCase(RECIPIENT)) {
        if (recipients == null) {
          recipients = new ArrayList<>(4);
        }
        if (recipients.size() == RoutingFields.MAX_RECIPIENTS) {
          throw RoutingFieldException.limit(
              RECIPIENT,
              "recipient count",
              RoutingFields.MAX_RECIPIENTS + 1L,
              RoutingFields.MAX_RECIPIENTS);
        }
        recipients.add(value);
        continue;
      }
      int k = indexOfSingle(name);
      if (k < 0) {
        throw RoutingFieldException.unknownField(name);
      }
      if (single[k] != null) {
        throw RoutingFieldException.duplicate(SINGLE[k]);
      }
      single[k] = value;
    }
    if (!any) {
      return Optional.empty();
    }
    return Optional.of(parse(single, recipients));
  }

  private static RoutingFields parse(String[] s, List<String> recipientTexts)
      throws RoutingFieldException {
    String version = require(s, 0);
    if (!version.equals("1")) {
      if (Ascii.parseDecimal(version) < 0) {
        throw RoutingFieldException.malformed(
            VERSION, "not a decimal: " + Ascii.quoteShort(version));
      }
      throw RoutingFieldException.unsupportedVersion(VERSION, version);
    }
    RoutingFields.Builder b = RoutingFields.builder();
    b.entry(relay(ENTRY, require(s, 1)));
    b.home(relay(HOME, require(s, 2)));
    String hopText = require(s, 4);
    long hopLimit = Ascii.parseDecimal(hopText);
    if (hopLimit < 1 || hopLimit > RoutingFields.MAX_HOP_LIMIT) {
      if (hopLimit < 0) {
        throw RoutingFieldException.malformed(
            HOP_LIMIT, "not a decimal: " + Ascii.quoteShort(hopText));
      }
      throw RoutingFieldException.limit(
          HOP_LIMIT, "hop limit", hopLimit, RoutingFields.MAX_HOP_LIMIT);
    }
    b.hopLimit((int) hopLimit);
    b.path(path(require(s, 3), (int) hopLimit));
    String tableText = require(s, 5);
    long table = Ascii.parseDecimal(tableText);
    if (table < 0) {
      throw RoutingFieldException.malformed(
          TABLE_VERSION, "not a decimal of at most 18 digits: " + Ascii.quoteShort(tableText));
    }
    b.tableVersion(table);
    b.charging(relay(CHARGING, require(s, 6)));
    String issuedText = require(s, 7);
    long issued = Ascii.parseDecimal(issuedText);
    if (issued < 0 || issued > 253_402_300_799L) {
      throw RoutingFieldException.malformed(
          ISSUED, "not seconds since 1970 up to year 9999: " + Ascii.quoteShort(issuedText));
    }
    b.issuedAt(Instant.ofEpochSecond(issued));
    if (recipientTexts == null) {
      throw RoutingFieldException.missing(RECIPIENT);
    }
    List<Recipient> recipients = new ArrayList<>(recipientTexts.size());
    for (String t : recipientTexts) {
      Recipient r = recipient(t);
      if (recipients.contains(r)) {
        throw RoutingFieldException.duplicate(RECIPIENT);
      }
      recipients.add(r);
    }
    b.recipients(recipients);
    if (s[8] != null) {
      b.signature(signature(s[8]));
    }
    return b.build();
  }

  private static String require(String[] s, int k) throws RoutingFieldException {
    String v = s[k];
    if (v == null) {
      throw RoutingFieldException.missing(SINGLE[k]);
    }
    if (v.isEmpty()) {
      throw RoutingFieldException.malformed(SINGLE[k], "empty value");
    }
    return v;
  }

  private static RelayId relay(String header, String text) throws RoutingFieldException {
    RelayId r = RelayId.parseOrNull(text);
    if (r == null || !r.value().equals(text)) {
      // Writers emit lower case; a folded id would sign differently, so refuse it here.
      throw RoutingFieldException.malformed(header, "not a relay id: " + Ascii.quoteShort(text));
    }
    return r;
  }

  private static List<RelayId> path(String text, int hopLimit) throws RoutingFieldException {
    List<RelayId> out = new ArrayList<>(4);
    int start = 0;
    int n = text.length();
    while (true) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? n : comma;
      if (out.size() == hopLimit) {
        throw RoutingFieldException.limit(PATH, "path length", hopLimit + 1L, hopLimit);
      }
      out.add(relay(PATH, text.substring(start, end)));
      if (comma < 0) {
        return out;
      }
      start = comma + 1;
    }
  }

  private static Recipient recipient(String text) throws RoutingFieldException {
    if (!Ascii.isVisible(text)) {
      throw RoutingFieldException.malformed(
          RECIPIENT, "not visible US-ASCII: " + Ascii.quoteShort(text));
    }
    String canonical = Ascii.percentDecode(text);
    Recipient r = canonical == null ? null : Recipient.fromCanonical(canonical);
    if (r == null || !r.wireText().equals(text)) {
      throw RoutingFieldException.malformed(
          RECIPIENT, "not a normalised recipient: " + Ascii.quoteShort(text));
    }
    return r;
  }

  private static RoutingSignature signature(String text) throws RoutingFieldException {
    if (!text.startsWith("ed25519:")) {
      throw RoutingFieldException.malformed(
          SIGNATURE, "algorithm is not ed25519: " + Ascii.quoteShort(text));
    }
    int colon = text.indexOf(':', 8);
    if (colon < 0) {
      throw RoutingFieldException.malformed(SIGNATURE, "expected ed25519:<key-id>:<signature>");
    }
    String keyId = text.substring(8, colon);
    if (!RoutingSignature.isValidKeyId(keyId)) {
      throw RoutingFieldException.malformed(SIGNATURE, "bad key id: " + Ascii.quoteShort(keyId));
    }
    String b64 = text.substring(colon + 1);
    if (b64.length() != 86) {
      throw RoutingFieldException.malformed(
          SIGNATURE, "signature is " + b64.length() + " base64url characters (expected: 86)");
    }
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw RoutingFieldException.malformed(SIGNATURE, "not base64url: " + e.getMessage());
    }
    if (sig.length != RoutingSignature.LENGTH
        || !Base64.getUrlEncoder().withoutPadding().encodeToString(sig).equals(b64)) {
      throw RoutingFieldException.malformed(
          SIGNATURE, "signature is not 64 octets in canonical base64url");
    }
    return RoutingSignature.trusted(keyId, sig);
  }

  private static int indexOfSingle(String name) {
    for (int k = 0; k < SINGLE.length; k++) {
      if (SINGLE[k].equalsIgnoreCase(name)) {
        return k;
      }
    }
    return -1;
  }

  private static String canonicalName(String name) {
    int k = indexOfSingle(name);
    if (k >= 0) {
      return SINGLE[k];
    }
    return name.equalsIgnoreCase(RECIPIENT)
        ? RECIPIENT
        : name.substring(0, Math.min(name.length(), 64)).toLowerCase(Locale.ROOT);
  }
}
