package org.mmsstack.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.RoutingDataFormatException.Format;
import org.mmsstack.routing.RoutingDataFormatException.Reason;
import org.mmsstack.routing.internal.LineTokens;
import org.mmsstack.routing.internal.PublicKeyText;

/**
 * The key ring text format ({@code docs/routing-table-format.md}, section "Key ring file"): a
 * format line, then one {@code key} line per trusted public key with its key id, owning RelayId,
 * Ed25519 public key (base64 or base64url), and validity period. Decodes it into a
 * {@link KeyRing} and encodes a ring in its canonical form. Final, stateless and thread-safe,
 * with the same methods as {@link org.mmsstack.routing.table.RoutingTableCodec} for routing
 * tables: static {@code decode} with an optional {@link RoutingDataConfig}, static
 * {@code encode}.
 *
 * <pre>
 * # Routing keys of example MMSE
 * mms-routing-keys 1
 * key rs-north.2026a rs-north 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo 2026-01-01T00:00:00Z 2027-01-01T00:00:00Z
 * </pre>
 *
 * <p>Like the routing table, decoding works on bytes a line at a time (with the same lexical
 * rules, {@code LineTokens}), checks every line and reports every problem as a
 * {@link Finding} (line, column, code) in one {@link RoutingDataFormatException} rather than
 * stopping at the first; limits (line length, key count, file size) are checked before anything
 * is allocated for what they bound. {@link #encode(KeyRing)} gives the canonical form: decoding
 * it gives an equal ring, and encoding that ring again gives the same bytes. The caller's input
 * array is only read, and not kept.
 */
@Provisional
public final class KeyRingCodec {

  /** The first statement of every file. */
  static final String HEADER_KEYWORD = "mms-routing-keys";

  /** The format version this class reads and writes. */
  static final String FORMAT_VERSION = "1";

  /** Fields of a key line: the keyword and five values. */
  private static final int KEY_FIELDS = 6;

  private KeyRingCodec() {}

  /**
   * Decodes a key ring file with {@link RoutingDataConfig#DEFAULT}.
   *
   * @throws RoutingDataFormatException when the file is larger than
   *     {@link RoutingDataConfig#maxFileSize()} or malformed
   * @throws IOException when it cannot be read
   */
  public static KeyRing decode(Path file) throws IOException {
    return decode(file, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes a key ring file.
   *
   * @throws RoutingDataFormatException when the file is larger than
   *     {@link RoutingDataConfig#maxFileSize()} or malformed
   * @throws IOException when it cannot be read
   */
  public static KeyRing decode(Path file, RoutingDataConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    try (InputStream in = Files.newInputStream(file)) {
      return decode(in, config);
    }
  }

  /**
   * Decodes a stream to its end with {@link RoutingDataConfig#DEFAULT}; the stream is not closed.
   *
   * @throws RoutingDataFormatException when the content is larger than
   *     {@link RoutingDataConfig#maxFileSize()} or malformed
   * @throws IOException when it cannot be read
   */
  public static KeyRing decode(InputStream in) throws IOException {
    return decode(in, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes a stream to its end; the stream is not closed.
   *
   * @throws RoutingDataFormatException when the content is larger than
   *     {@link RoutingDataConfig#maxFileSize()} or malformed
   * @throws IOException when it cannot be read
   */
  public static KeyRing decode(InputStream in, RoutingDataConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    // Read at most one byte more than allowed: the size a file reports is no bound (a device or
    // a pipe reports 0, a file may grow while it is read).
    byte[] content = in.readNBytes((int) config.maxFileSize() + 1);
    if (content.length > config.maxFileSize()) {
      throw RoutingDataFormatException.fileTooLarge(Format.KEY_RING, config.maxFileSize());
    }
    return decode(content, config);
  }

  /**
   * Decodes a key ring held in memory with {@link RoutingDataConfig#DEFAULT}.
   *
   * @throws RoutingDataFormatException listing every problem, when the content is malformed
   */
  public static KeyRing decode(byte[] content) throws RoutingDataFormatException {
    return decode(content, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes a key ring held in memory.
   *
   * @throws RoutingDataFormatException listing every problem, when the content is malformed
   */
  public static KeyRing decode(byte[] content, RoutingDataConfig config)
      throws RoutingDataFormatException {
    Objects.requireNonNull(content, "content");
    Parser p = new Parser(Objects.requireNonNull(config, "config"));
    int n = content.length;
    int start = 0;
    int line = 1;
    while (start < n && !p.stopped) {
      int lf = start;
      while (lf < n && content[lf] != '\n') {
        lf++;
      }
      p.line(content, start, LineTokens.withoutCr(content, start, lf), line);
      start = lf + 1;
      line++;
    }
    if (!p.headerSeen && !p.stopped) {
      p.problem(
          Math.max(1, line - 1),
          1,
          Reason.MISSING_HEADER,
          "no format line \"" + HEADER_KEYWORD + " " + FORMAT_VERSION + "\"");
    }
    if (!p.problems.isEmpty()) {
      p.problems.sort(Comparator.comparingLong(Finding::line).thenComparingInt(Finding::column));
      throw RoutingDataFormatException.of(Format.KEY_RING, p.problems, p.unreported);
    }
    KeyRing.Builder b = KeyRing.builder();
    p.keys.forEach(b::add);
    return b.build();
  }

  /**
   * Decodes key ring text with {@link RoutingDataConfig#DEFAULT} (the format is ASCII; other
   * characters are reported where they are not allowed).
   *
   * @throws RoutingDataFormatException listing every problem, when the content is malformed
   */
  public static KeyRing decode(CharSequence text) throws RoutingDataFormatException {
    return decode(text, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes key ring text (the format is ASCII; other characters are reported where they are not
   * allowed).
   *
   * @throws RoutingDataFormatException listing every problem, when the content is malformed
   */
  public static KeyRing decode(CharSequence text, RoutingDataConfig config)
      throws RoutingDataFormatException {
    return decode(text.toString().getBytes(StandardCharsets.UTF_8), config);
  }

  /**
   * The canonical encoding of a ring: the format line, then one {@code key} line per key in key
   * id order, fields separated by one space, the public key in base64url without padding, times
   * as ISO-8601 UTC, LF line ends, no comments. US-ASCII.
   */
  public static byte[] encode(KeyRing ring) {
    StringBuilder sb = new StringBuilder(64 + ring.keys().size() * 140);
    sb.append(HEADER_KEYWORD).append(' ').append(FORMAT_VERSION).append('\n');
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    for (KeyRing.TrustedKey k : ring.keys()) {
      sb.append("key ")
          .append(k.keyId())
          .append(' ')
          .append(k.owner().value())
          .append(' ')
          .append(b64.encodeToString(k.publicKey()))
          .append(' ')
          .append(k.notBefore())
          .append(' ')
          .append(k.notAfter())
          .append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes the canonical encoding of {@code ring} to {@code out} (not closed). */
  public static void encode(KeyRing ring, OutputStream out) throws IOException {
    out.write(encode(ring));
  }

  /** One pass over the lines; collects problems instead of throwing. */
  private static final class Parser {
    final RoutingDataConfig config;
    final List<Finding> problems = new ArrayList<>();
    final List<KeyRing.TrustedKey> keys = new ArrayList<>();
    final Map<String, Integer> lineOfKeyId = new HashMap<>();
    int unreported;
    boolean headerSeen;
    boolean stopped;
    final int[] tokStart = new int[KEY_FIELDS + 1];
    final int[] tokEnd = new int[KEY_FIELDS + 1];

    Parser(RoutingDataConfig config) {
      this.config = config;
    }

    void problem(int line, int column, Reason reason, String detail) {
      if (problems.size() < config.maxFindings()) {
        problems.add(RoutingDataFormatException.finding(reason, line, column, detail));
      } else {
        unreported++;
      }
    }

    void line(byte[] b, int start, int end, int line) {
      if (end - start > config.maxLineLength()) {
        problem(
            line,
            config.maxLineLength() + 1,
            Reason.LINE_TOO_LONG,
            "line longer than "
                + config.maxLineLength()
                + " bytes (RoutingDataConfig.maxLineLength)");
        return;
      }
      int count = LineTokens.split(b, start, end, tokStart, tokEnd);
      if (count < 0) {
        int bad = -count - 1;
        problem(
            line,
            bad - start + 1,
            Reason.INVALID_CHARACTER,
            String.format("byte 0x%02X is not allowed outside a comment", b[bad] & 0xFF));
        return;
      }
      if (count == 0) {
        return;
      }
      String keyword = text(b, 0);
      int col0 = col(0, start);
      if (!headerSeen) {
        if (!keyword.equals(HEADER_KEYWORD)) {
          problem(
              line,
              col0,
              Reason.MISSING_HEADER,
              "the first statement must be \"" + HEADER_KEYWORD + " " + FORMAT_VERSION + "\"");
          stopped = true; // nothing after a wrong first line can be read with confidence
          return;
        }
        headerSeen = true;
        if (count < 2) {
          problem(line, end - start + 1, Reason.MISSING_FIELD, "missing format version");
        } else if (!text(b, 1).equals(FORMAT_VERSION)) {
          problem(
              line,
              col(1, start),
              Reason.UNSUPPORTED_FORMAT_VERSION,
              "format version "
                  + quote(text(b, 1))
                  + " is not supported (expected "
                  + FORMAT_VERSION
                  + ")");
          stopped = true;
        } else if (count > 2) {
          unexpected(b, 2, start, line, "after the format version");
        }
        return;
      }
      if (keyword.equals(HEADER_KEYWORD)) {
        problem(line, col0, Reason.DUPLICATE_HEADER, "second format line");
        return;
      }
      if (!keyword.equals("key")) {
        problem(
            line,
            col0,
            Reason.UNKNOWN_KEYWORD,
            "unknown statement " + quote(keyword) + " (expected key)");
        return;
      }
      key(b, count, start, end, line);
    }

    private void key(byte[] b, int count, int start, int end, int line) {
      String[] names = {"key id", "owner", "public key", "not-before", "not-after"};
      if (count < KEY_FIELDS) {
        problem(line, end - start + 1, Reason.MISSING_FIELD, "missing " + names[count - 1]);
        return;
      }
      if (count > KEY_FIELDS) {
        unexpected(b, KEY_FIELDS, start, line, "after not-after");
        return;
      }
      if (keys.size() == config.maxKeys()) {
        problem(
            line,
            1,
            Reason.TOO_MANY_KEYS,
            "more than "
                + config.maxKeys()
                + " keys (RoutingDataConfig.maxKeys); decoding stopped");
        stopped = true;
        return;
      }
      boolean ok = true;
      String keyId = text(b, 1);
      if (!RoutingSignature.isValidKeyId(keyId)) {
        problem(
            line,
            col(1, start),
            Reason.INVALID_KEY_ID,
            "key id " + quote(keyId) + " must be 1-32 characters of A-Z a-z 0-9 . _ -");
        ok = false;
      }
      String ownerText = text(b, 2);
      RelayId owner = RelayId.parseOrNull(ownerText);
      if (owner == null || !owner.value().equals(ownerText)) {
        // Lower case only, as on the wire: one relay has one spelling everywhere.
        problem(
            line,
            col(2, start),
            Reason.INVALID_RELAY_ID,
            "owner "
                + quote(ownerText)
                + " must be 1-32 characters of a-z 0-9 -, not starting with -");
        ok = false;
      }
      String keyText = text(b, 3);
      byte[] publicKey = PublicKeyText.decode(keyText);
      if (publicKey == null) {
        problem(
            line,
            col(3, start),
            Reason.INVALID_PUBLIC_KEY,
            "public key " + quote(keyText) + " is not 32 octets in canonical base64 or base64url");
        ok = false;
      }
      Instant notBefore = instant(b, 4, start, line, "not-before");
      Instant notAfter = instant(b, 5, start, line, "not-after");
      if (notBefore != null && notAfter != null && !notAfter.isAfter(notBefore)) {
        problem(
            line,
            col(5, start),
            Reason.EMPTY_VALIDITY,
            "not-after " + notAfter + " is not later than not-before " + notBefore);
        ok = false;
      }
      if (!ok || notBefore == null || notAfter == null) {
        return;
      }
      Integer first = lineOfKeyId.putIfAbsent(keyId, line);
      if (first != null) {
        problem(
            line,
            col(1, start),
            Reason.DUPLICATE_KEY_ID,
            "key id " + keyId + " repeats line " + first);
        return;
      }
      try {
        keys.add(KeyRing.TrustedKey.of(keyId, owner, publicKey, notBefore, notAfter));
      } catch (IllegalArgumentException e) {
        // 32 octets, but not a point on the curve.
        lineOfKeyId.remove(keyId);
        problem(
            line,
            col(3, start),
            Reason.INVALID_PUBLIC_KEY,
            "public key " + quote(keyText) + " is not an Ed25519 public key");
      }
    }

    private Instant instant(byte[] b, int k, int start, int line, String what) {
      String t = text(b, (k));
      Instant v = null;
      if (t.endsWith("Z")) {
        try {
          v = Instant.parse(t);
        } catch (DateTimeParseException e) {
          v = null;
        }
      }
      if (v == null) {
        problem(
            line,
            col(k, start),
            Reason.INVALID_TIME,
            what + " " + quote(t) + " is not an ISO-8601 UTC instant such as 2026-01-01T00:00:00Z");
      }
      return v;
    }

    private void unexpected(byte[] b, int k, int start, int line, String where) {
      problem(
          line,
          col(k, start),
          Reason.UNEXPECTED_FIELD,
          "unexpected " + quote(text(b, (k))) + " " + where);
    }

    private int col(int k, int start) {
      return tokStart[k] - start + 1;
    }

    private String text(byte[] b, int k) {
      return new String(b, tokStart[k], tokEnd[k] - tokStart[k], StandardCharsets.US_ASCII);
    }
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "\"";
  }
}
