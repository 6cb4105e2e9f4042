package org.mmsstack.routing;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;

/**
 * Routing data (a routing table or a key ring, {@code docs/routing-table-format.md}) is
 * malformed. The one exception of both text formats: the codecs check every line and report
 * every problem as an ERROR {@link Finding} made with {@link Finding#ofLine} (code, 1-based line
 * and byte column, message naming the offending text), in position order, up to
 * {@link RoutingDataConfig#maxFindings()} (further ones are counted).
 * {@link #reason()}, {@link #line()} and {@link #column()} describe the first.
 *
 * <p>Extends {@link IOException} so that reading a file and decoding it share one
 * {@code catch}; catch this type to tell a bad file from a failing disk. Immutable and
 * thread-safe.
 */
@Provisional
public final class RoutingDataFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** How many findings the exception message lists. */
  private static final int MESSAGE_FINDINGS = 20;

  /** Which format was decoded. */
  public enum Format {
    /** A routing table ({@code mms-routing-table 1}). */
    ROUTING_TABLE("routing table"),
    /** A key ring ({@code mms-routing-keys 1}). */
    KEY_RING("key ring"),
    /** Message-ID secrets ({@code mms-routing-secrets 1}). */
    MESSAGE_ID_SECRETS("Message-ID secrets"),
    /** A routing data bundle ({@code mms-routing-data 1}): one version's three parts. */
    ROUTING_DATA("routing data bundle");

    private final String text;

    Format(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** What is wrong at a position; {@link #code()} is the finding code. */
  public enum Reason {
    /** The first statement is not the format line ({@code mms-routing-table 1}, {@code mms-routing-keys 1}), or there is none. */
    MISSING_HEADER,
    /** The format line names a format version this codec does not know. */
    UNSUPPORTED_FORMAT_VERSION,
    /** A second format line. */
    DUPLICATE_HEADER,
    /** Routing table: no {@code version} line before the first entry (or at all). */
    MISSING_VERSION,
    /** Routing table: a second {@code version} line. */
    DUPLICATE_VERSION,
    /** Routing table: the version number is not a non-negative decimal {@code long}. */
    INVALID_VERSION_NUMBER,
    /** Routing table: the version label has characters other than {@code A-Z a-z 0-9 . _ : -} or is too long. */
    INVALID_VERSION_LABEL,
    /** Routing table: a second {@code default} line. */
    DUPLICATE_DEFAULT,
    /** The line starts with a word that is not a statement keyword of the format. */
    UNKNOWN_KEYWORD,
    /** The statement ends before a required field. */
    MISSING_FIELD,
    /** The statement has a field after its last one. */
    UNEXPECTED_FIELD,
    /** Routing table: a prefix or number has a character that is not a digit (after an optional '+'). */
    INVALID_DIGITS,
    /** Routing table: a prefix or number has more than 15 digits. */
    TOO_MANY_DIGITS,
    /** Routing table: a domain suffix or MMSE domain is not a valid domain name. */
    INVALID_DOMAIN,
    /** A relay id (a target, a key's owner) is not 1-32 characters of {@code a-z 0-9 -} (upper case included). */
    INVALID_RELAY_ID,
    /** Routing table: a target is not {@code relay}, {@code mmse} or {@code reject}. */
    UNKNOWN_TARGET_KIND,
    /** Routing table: a {@code reject} names an unknown reason. */
    UNKNOWN_REJECT_REASON,
    /** Routing table: a prefix appears a second time. */
    DUPLICATE_PREFIX,
    /** Routing table: an override number appears a second time. */
    DUPLICATE_NUMBER,
    /** Routing table: a domain suffix appears a second time (case-insensitively). */
    DUPLICATE_DOMAIN,
    /** Routing table: more than 16383 distinct targets (see {@link org.mmsstack.routing.table.RoutingTable}). */
    TOO_MANY_TARGETS,
    /** Routing table: more entries than {@link RoutingDataConfig#maxEntries()}; decoding stopped. */
    TOO_MANY_ENTRIES,
    /** Key ring: a key id that is not 1-32 of {@code A-Z a-z 0-9 . _ -}. */
    INVALID_KEY_ID,
    /** Key ring: a public key that is not canonical base64/base64url of 32 octets, or not an Ed25519 point. */
    INVALID_PUBLIC_KEY,
    /** Key ring: a not-before or not-after that is not an ISO-8601 UTC instant ({@code 2026-01-01T00:00:00Z}). */
    INVALID_TIME,
    /** Key ring: not-after is not later than not-before. */
    EMPTY_VALIDITY,
    /** Key ring: a key id appears a second time. */
    DUPLICATE_KEY_ID,
    /** Key ring: more keys than {@link RoutingDataConfig#maxKeys()}; decoding stopped. */
    TOO_MANY_KEYS,
    /** A line longer than {@link RoutingDataConfig#maxLineLength()} bytes. */
    LINE_TOO_LONG,
    /** A control character or non-ASCII byte outside a comment. */
    INVALID_CHARACTER,
    /** The input is larger than {@link RoutingDataConfig#maxFileSize()}; reading stopped there. */
    FILE_TOO_LARGE,
    /** Message-ID secrets: a secret that is not canonical base64url of 16 to 64 octets. */
    INVALID_SECRET,
    /** Message-ID secrets: a secret appears a second time. */
    DUPLICATE_SECRET,
    /** Message-ID secrets: no {@code secret} line. */
    MISSING_SECRET,
    /** Routing data bundle: the content does not have the digest the bundle states. */
    DIGEST_MISMATCH;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable finding code (see {@link RoutingFindingCodes}), e.g. {@code invalid-relay-id}. */
    public String code() {
      return code;
    }

    /** The reason whose {@link #code()} is {@code code}, if there is one. */
    public static Optional<Reason> fromCode(String code) {
      for (Reason r : values()) {
        if (r.code.equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  private final Format format;
  // Not serialisable (a Finding is not); the first problem's position and text are kept apart.
  private final transient List<Finding> findings;
  private final Reason reason;
  private final int unreported;
  private final long line;
  private final int column;
  private final String detail;

  private RoutingDataFormatException(
      Format format, List<Finding> findings, Reason reason, int unreported) {
    super(message(format, findings, unreported));
    this.format = format;
    this.findings = findings;
    this.reason = reason;
    this.unreported = unreported;
    Finding first = findings.get(0);
    this.line = first.line();
    this.column = first.column();
    this.detail = first.message();
  }

  /**
   * An exception for the problems found in one input.
   *
   * @param format what was decoded
   * @param findings at least one ERROR finding in position order, each with a line and the code
   *     of a {@link Reason}; copied
   * @param unreported how many more problems were found but not kept
   * @throws IllegalArgumentException naming the parameter, if {@code findings} is empty or has a
   *     finding that is not an ERROR with a reason's code, or {@code unreported} is negative
   */
  public static RoutingDataFormatException of(
      Format format, List<Finding> findings, int unreported) {
    Objects.requireNonNull(format, "format");
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("findings: empty");
    }
    for (Finding f : findings) {
      if (f.severity() != Severity.ERROR || Reason.fromCode(f.code()).isEmpty()) {
        throw new IllegalArgumentException(
            "findings: " + f + " (expected: an ERROR with a Reason's code)");
      }
    }
    if (unreported < 0) {
      throw new IllegalArgumentException("unreported: " + unreported + " (expected: >= 0)");
    }
    List<Finding> copy = List.copyOf(findings);
    return new RoutingDataFormatException(
        format, copy, Reason.fromCode(copy.get(0).code()).orElseThrow(), unreported);
  }

  /** One problem that ends decoding: the input is larger than {@code maxFileSize} bytes. */
  public static RoutingDataFormatException fileTooLarge(Format format, long maxFileSize) {
    return of(
        format,
        List.of(
            finding(
                Reason.FILE_TOO_LARGE,
                1,
                1,
                format
                    + " is larger than "
                    + maxFileSize
                    + " bytes (RoutingDataConfig.maxFileSize)")),
        0);
  }

  /** The finding for one problem, as the codecs make them. */
  public static Finding finding(Reason reason, long line, int column, String message) {
    return Finding.ofLine(
        Severity.ERROR, reason.code(), line, column, Finding.NO_OFFSET, null, message);
  }

  /** What was decoded. */
  public Format format() {
    return format;
  }

  /**
   * The problems kept, in position order, each an ERROR {@link Finding}: never empty, but for an
   * exception read back from Java serialisation, which keeps only the first problem's {@link
   * #reason()}, {@link #line()}, {@link #column()} and {@link #detail()}.
   */
  public List<Finding> findings() {
    return findings == null ? List.of() : findings;
  }

  /** How many further problems were found but not kept. */
  public int unreportedCount() {
    return unreported;
  }

  /** Reason of the first problem. */
  public Reason reason() {
    return reason;
  }

  /** 1-based line of the first problem. */
  public long line() {
    return line;
  }

  /** 1-based byte column of the first problem. */
  public int column() {
    return column;
  }

  /** The first problem's text, without its position (as the other format exceptions' detail). */
  public String detail() {
    return detail;
  }

  /** {@code 3 problems in routing table: line 2, column 8: invalid-digits: ...; and 1 more}. */
  private static String message(Format format, List<Finding> findings, int unreported) {
    int total = findings.size() + unreported;
    StringBuilder sb = new StringBuilder();
    sb.append(total == 1 ? "1 problem in " : total + " problems in ").append(format).append(": ");
    int shown = Math.min(findings.size(), MESSAGE_FINDINGS);
    for (int i = 0; i < shown; i++) {
      Finding f = findings.get(i);
      sb.append(i == 0 ? "" : "; ")
          .append("line ")
          .append(f.line())
          .append(", column ")
          .append(f.column())
          .append(": ")
          .append(f.code())
          .append(": ")
          .append(f.message());
    }
    if (total > shown) {
      sb.append("; and ").append(total - shown).append(" more");
    }
    return sb.toString();
  }
}
