package org.mmsstack.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mmsstack.routing.internal.LineProblems;

/**
 * Reads and writes the key ring text format ({@code docs/routing-table-format.md}, section "Key
 * ring file"): a format line, then one {@code key} line per trusted public key with its key id,
 * owning RelayId, Ed25519 public key (base64 or base64url), and validity period.
 *
 * <pre>
 * # Routing keys of example MMSE
 * mms-routing-keys 1
 * key rs-north.2026a rs-north 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo 2026-01-01T00:00:00Z 2027-01-01T00:00:00Z
 * </pre>
 *
 * <p>Like the routing table parser, the parser works on bytes a line at a time, checks every
 * line and reports every problem (line, column, reason) in one {@link FormatException} rather
 * than stopping at the first; limits (line length, key count, file size) are checked before
 * anything is allocated for what they bound. {@link #write} gives the canonical form: parsing it
 * gives an equal ring, and writing that ring again gives the same bytes.
 */
@Provisional
public final class KeyRingFile {

  /** The first statement of every file. */
  static final String HEADER_KEYWORD = "mms-routing-keys";
  /** The format version this class reads and writes. */
  static final String FORMAT_VERSION = "1";
  /** The longest line in bytes, without its line end. */
  public static final int MAX_LINE_LENGTH = 1024;
  /** The most keys one file may hold. */
  public static final int MAX_KEYS = 10_000;
  /** The largest file {@link #parse(Path)} reads. */
  public static final long MAX_FILE_SIZE = 16L * 1024 * 1024;
  /** How many problems one exception keeps (further ones are counted). */
  static final int MAX_REPORTED_PROBLEMS = 1000;

  private KeyRingFile() {}

  /**
   * A key ring file is malformed. Carries every problem found (up to 1,000), each with its line,
   * column and reason, in position order; {@link #line()}, {@link #column()} and {@link
   * #reason()} describe the first. Extends {@link IOException} so that reading and parsing
   * share one {@code catch}, as {@code RoutingTableFormatException} does for routing tables.
   */
  @Provisional
  public static final class FormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong at a position. */
    public enum Reason {
      /** The first statement is not the format line {@code mms-routing-keys 1} (or there is none). */
      MISSING_HEADER,
      /** The format line names a format version this parser does not know. */
      UNSUPPORTED_FORMAT_VERSION,
      /** A second format line. */
      DUPLICATE_HEADER,
      /** A statement that is not {@code key}. */
      UNKNOWN_KEYWORD,
      /** The statement ends before a required field. */
      MISSING_FIELD,
      /** The statement has a field after its last one. */
      UNEXPECTED_FIELD,
      /** A key id that is not 1-32 of {@code A-Z a-z 0-9 . _ -}. */
      INVALID_KEY_ID,
      /** An owner that is not a RelayId in lower case. */
      INVALID_RELAY_ID,
      /** A public key that is not canonical base64/base64url of 32 octets, or not an Ed25519 point. */
      INVALID_PUBLIC_KEY,
      /** A not-before or not-after that is not an ISO-8601 UTC instant ({@code 2026-01-01T00:00:00Z}). */
      INVALID_TIME,
      /** not-after is not later than not-before. */
      EMPTY_VALIDITY,
      /** A key id appears a second time. */
      DUPLICATE_KEY_ID,
      /** More than {@link KeyRingFile#MAX_KEYS} keys; parsing stopped. */
      TOO_MANY_KEYS,
      /** A line longer than {@link KeyRingFile#MAX_LINE_LENGTH} bytes. */
      LINE_TOO_LONG,
      /** A control character or non-ASCII byte outside a comment. */
      INVALID_CHARACTER,
      /** The file is larger than {@link KeyRingFile#MAX_FILE_SIZE}; reading stopped there. */
      FILE_TOO_LARGE
    }

    /**
     * One problem.
     *
     * @param line 1-based line number
     * @param column 1-based byte column in that line
     * @param reason what is wrong
     * @param detail a human explanation naming the offending text
     */
    public record Problem(int line, int column, Reason reason, String detail) {
      /** Creates a problem. */
      public Problem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
      }

      /** {@code line 3, column 5: INVALID_KEY_ID: ...}. */
      @Override
      public String toString() {
        return LineProblems.describe(line, column, reason, detail);
      }
    }

    private final List<Problem> problems;
    private final int unreported;

    private FormatException(List<Problem> problems, int unreported) {
      super(LineProblems.message("key ring", problems, unreported));
      this.problems = problems;
      this.unreported = unreported;
    }

    static FormatException of(List<Problem> problems, int unreported) {
      return new FormatException(List.copyOf(problems), unreported);
    }

    /** The problems kept, in position order (never empty). */
    public List<Problem> problems() {
      return problems;
    }

    /** How many further problems were found but not kept. */
    public int unreportedCount() {
      return unreported;
    }

    /** Line of the first problem. */
    public int line() {
      return problems.get(0).line();
    }

    /** Column of the first problem. */
    public int column() {
      return problems.get(0).column();
    }

    /** Reason of the first problem. */
    public Reason reason() {
      return problems.get(0).reason();
    }
  }

  /**
   * Reads a key ring file.
   *
   * @throws FormatException when the file is larger than {@link #MAX_FILE_SIZE} or malformed
   * @throws IOException when it cannot be read
   */
  public static KeyRing parse(Path file) throws IOException {
    // Read at most one byte more than allowed: the size a file reports is no bound (a device or
    // a pipe reports 0, a file may grow while it is read).
    byte[] content;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      content = in.readNBytes((int) MAX_FILE_SIZE + 1);
    }
    if (content.length > MAX_FILE_SIZE) {
      throw FormatException.of(List.of(new FormatException.Problem(1, 1, FormatException.Reason.FILE_TOO_LARGE,
          "file is larger than " + MAX_FILE_SIZE + " bytes")), 0);
    }
    return parse(content);
  }

  /**
   * Parses a key ring file held in memory (not changed).
   *
   * @throws FormatException listing every problem, when the file is malformed
   */
  public static KeyRing parse(byte[] file) throws FormatException {
    Objects.requireNonNull(file, "file");
    Parser p = new Parser();
    int n = file.length;
    int start = 0;
    int line = 1;
    while (start < n && !p.stopped) {
      int lf = start;
      while (lf < n && file[lf] != '\n') {
        lf++;
      }
      // A CR ending a line is dropped even on a last line without LF, as the routing table
      // parser does, so a file both parsers read ends its lines alike.
      int end = lf > start && file[lf - 1] == '\r' ? lf - 1 : lf;
      p.line(file, start, end, line);
      start = lf + 1;
      line++;
    }
    if (!p.headerSeen && !p.stopped) {
      p.problem(Math.max(1, line - 1), 1, FormatException.Reason.MISSING_HEADER,
          "no format line \"" + HEADER_KEYWORD + " " + FORMAT_VERSION + "\"");
    }
    if (!p.problems.isEmpty()) {
      p.problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
          : Integer.compare(a.column(), b.column()));
      throw FormatException.of(p.problems, p.unreported);
    }
    KeyRing.Builder b = KeyRing.builder();
    p.keys.forEach(b::add);
    return b.build();
  }

  /**
   * The canonical text of a ring: the format line, then one {@code key} line per key in key id
   * order, fields separated by one space, the public key in base64url without padding, times as
   * ISO-8601 UTC, LF line ends, no comments. US-ASCII.
   */
  public static byte[] write(KeyRing ring) {
    StringBuilder sb = new StringBuilder(64 + ring.keys().size() * 140);
    sb.append(HEADER_KEYWORD).append(' ').append(FORMAT_VERSION).append('\n');
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    for (KeyRing.TrustedKey k : ring.keys()) {
      sb.append("key ").append(k.keyId()).append(' ').append(k.owner().value()).append(' ')
          .append(b64.encodeToString(k.publicKey())).append(' ').append(k.notBefore()).append(' ')
          .append(k.notAfter()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** One pass over the lines; collects problems instead of throwing. */
  private static final class Parser {
    final List<FormatException.Problem> problems = new ArrayList<>();
    final List<KeyRing.TrustedKey> keys = new ArrayList<>();
    final Map<String, Integer> lineOfKeyId = new HashMap<>();
    int unreported;
    boolean headerSeen;
    boolean stopped;

    void problem(int line, int column, FormatException.Reason reason, String detail) {
      if (problems.size() < MAX_REPORTED_PROBLEMS) {
        problems.add(new FormatException.Problem(line, column, reason, detail));
      } else {
        unreported++;
      }
    }

    void line(byte[] b, int start, int end, int line) {
      if (end - start > MAX_LINE_LENGTH) {
        problem(line, MAX_LINE_LENGTH + 1, FormatException.Reason.LINE_TOO_LONG,
            "line longer than " + MAX_LINE_LENGTH + " bytes");
        return;
      }
      // Fields: runs of bytes other than SP/HTAB, up to a '#'.
      List<int[]> fields = new ArrayList<>(6);
      int i = start;
      while (i < end) {
        int c = b[i] & 0xFF;
        if (c == '#') {
          break;
        }
        if (c == ' ' || c == '\t') {
          i++;
          continue;
        }
        int fs = i;
        while (i < end) {
          c = b[i] & 0xFF;
          if (c == ' ' || c == '\t' || c == '#') {
            break;
          }
          if (c < 0x21 || c > 0x7E) {
            problem(line, i - start + 1, FormatException.Reason.INVALID_CHARACTER,
                String.format("byte 0x%02X is not allowed outside a comment", c));
            return;
          }
          i++;
        }
        fields.add(new int[] {fs, i});
      }
      if (fields.isEmpty()) {
        return;
      }
      String keyword = text(b, fields.get(0));
      int col0 = fields.get(0)[0] - start + 1;
      if (!headerSeen) {
        if (!keyword.equals(HEADER_KEYWORD)) {
          problem(line, col0, FormatException.Reason.MISSING_HEADER,
              "the first statement must be \"" + HEADER_KEYWORD + " " + FORMAT_VERSION + "\"");
          stopped = true; // nothing after a wrong first line can be read with confidence
          return;
        }
        headerSeen = true;
        if (fields.size() < 2) {
          problem(line, end - start + 1, FormatException.Reason.MISSING_FIELD, "missing format version");
        } else if (!text(b, fields.get(1)).equals(FORMAT_VERSION)) {
          problem(line, fields.get(1)[0] - start + 1, FormatException.Reason.UNSUPPORTED_FORMAT_VERSION,
              "format version " + quote(text(b, fields.get(1))) + " is not supported (expected " + FORMAT_VERSION + ")");
          stopped = true;
        } else if (fields.size() > 2) {
          unexpected(b, fields, 2, start, line, "after the format version");
        }
        return;
      }
      if (keyword.equals(HEADER_KEYWORD)) {
        problem(line, col0, FormatException.Reason.DUPLICATE_HEADER, "second format line");
        return;
      }
      if (!keyword.equals("key")) {
        problem(line, col0, FormatException.Reason.UNKNOWN_KEYWORD,
            "unknown statement " + quote(keyword) + " (expected key)");
        return;
      }
      key(b, fields, start, end, line);
    }

    private void key(byte[] b, List<int[]> fields, int start, int end, int line) {
      String[] names = {"key id", "owner", "public key", "not-before", "not-after"};
      if (fields.size() < 6) {
        problem(line, end - start + 1, FormatException.Reason.MISSING_FIELD, "missing " + names[fields.size() - 1]);
        return;
      }
      if (fields.size() > 6) {
        unexpected(b, fields, 6, start, line, "after not-after");
        return;
      }
      if (keys.size() == MAX_KEYS) {
        problem(line, 1, FormatException.Reason.TOO_MANY_KEYS, "more than " + MAX_KEYS + " keys; parsing stopped");
        stopped = true;
        return;
      }
      boolean ok = true;
      String keyId = text(b, fields.get(1));
      if (!RoutingSignature.isValidKeyId(keyId)) {
        problem(line, col(fields, 1, start), FormatException.Reason.INVALID_KEY_ID,
            "key id " + quote(keyId) + " must be 1-32 characters of A-Z a-z 0-9 . _ -");
        ok = false;
      }
      String ownerText = text(b, fields.get(2));
      RelayId owner = RelayId.parseOrNull(ownerText);
      if (owner == null || !owner.value().equals(ownerText)) {
        // Lower case only, as on the wire: one relay has one spelling everywhere.
        problem(line, col(fields, 2, start), FormatException.Reason.INVALID_RELAY_ID,
            "owner " + quote(ownerText) + " must be 1-32 characters of a-z 0-9 -, not starting with -");
        ok = false;
      }
      String keyText = text(b, fields.get(3));
      byte[] publicKey = decodeKey(keyText);
      if (publicKey == null) {
        problem(line, col(fields, 3, start), FormatException.Reason.INVALID_PUBLIC_KEY,
            "public key " + quote(keyText) + " is not 32 octets in canonical base64 or base64url");
        ok = false;
      }
      Instant notBefore = instant(b, fields, 4, start, line, "not-before");
      Instant notAfter = instant(b, fields, 5, start, line, "not-after");
      if (notBefore != null && notAfter != null && !notAfter.isAfter(notBefore)) {
        problem(line, col(fields, 5, start), FormatException.Reason.EMPTY_VALIDITY,
            "not-after " + notAfter + " is not later than not-before " + notBefore);
        ok = false;
      }
      if (!ok || notBefore == null || notAfter == null) {
        return;
      }
      Integer first = lineOfKeyId.putIfAbsent(keyId, line);
      if (first != null) {
        problem(line, col(fields, 1, start), FormatException.Reason.DUPLICATE_KEY_ID,
            "key id " + keyId + " repeats line " + first);
        return;
      }
      try {
        keys.add(KeyRing.TrustedKey.of(keyId, owner, publicKey, notBefore, notAfter));
      } catch (IllegalArgumentException e) {
        // 32 octets, but not a point on the curve.
        lineOfKeyId.remove(keyId);
        problem(line, col(fields, 3, start), FormatException.Reason.INVALID_PUBLIC_KEY,
            "public key " + quote(keyText) + " is not an Ed25519 public key");
      }
    }

    private Instant instant(byte[] b, List<int[]> fields, int k, int start, int line, String what) {
      String t = text(b, fields.get(k));
      Instant v = null;
      if (t.endsWith("Z")) {
        try {
          v = Instant.parse(t);
        } catch (DateTimeParseException e) {
          v = null;
        }
      }
      if (v == null) {
        problem(line, col(fields, k, start), FormatException.Reason.INVALID_TIME,
            what + " " + quote(t) + " is not an ISO-8601 UTC instant such as 2026-01-01T00:00:00Z");
      }
      return v;
    }

    private void unexpected(byte[] b, List<int[]> fields, int k, int start, int line, String where) {
      problem(line, col(fields, k, start), FormatException.Reason.UNEXPECTED_FIELD,
          "unexpected " + quote(text(b, fields.get(k))) + " " + where);
    }

    private static int col(List<int[]> fields, int k, int start) {
      return fields.get(k)[0] - start + 1;
    }
  }

  /**
   * 32 octets from base64 (standard alphabet) or base64url, padding optional, or null. The text
   * must be the canonical encoding of what it decodes to, so that one key has one spelling per
   * alphabet (no stray low bits in the last character).
   */
  static byte[] decodeKey(String text) {
    boolean url = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    boolean std = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
    if (url && std) {
      return null;
    }
    String bare = text.endsWith("=") ? text.substring(0, text.length() - 1) : text;
    if (bare.length() != 43) {
      return null;
    }
    byte[] v;
    try {
      v = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(bare);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (v.length != 32) {
      return null;
    }
    String again = (url ? Base64.getUrlEncoder() : Base64.getEncoder()).withoutPadding().encodeToString(v);
    return again.equals(bare) ? v : null;
  }

  private static String text(byte[] b, int[] field) {
    return new String(b, field[0], field[1] - field[0], StandardCharsets.US_ASCII);
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "\"";
  }
}
