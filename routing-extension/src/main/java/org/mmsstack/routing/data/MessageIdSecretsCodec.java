package org.mmsstack.routing.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingDataFormatException.Format;
import org.mmsstack.routing.RoutingDataFormatException.Reason;

/**
 * The Message-ID secrets file ({@code mms-routing-secrets 1}): decodes it into {@link
 * MessageIdSecrets} and encodes them canonically. Final, stateless and thread-safe; the same
 * methods as {@link org.mmsstack.routing.KeyRingCodec}.
 *
 * <pre>
 *   mms-routing-secrets 1
 *   # the first secret mints, every secret verifies
 *   secret 3q2-7wAAAAAAAAAAAAAAAA
 *   secret Zm9vYmFyYmF6cXV4cXV1eHg
 * </pre>
 *
 * One statement per line, fields separated by spaces or tabs, {@code #} starts a comment, blank
 * lines are ignored, LF or CRLF. A secret is 16 to 64 octets in base64url or base64, with or
 * without padding. Like the other routing data formats there is no lenient mode: every line is
 * checked, every problem reported as a finding with its line and column, then one {@link
 * RoutingDataFormatException} is thrown. The file holds secrets: keep it readable by the
 * Relay/Server only. The canonical encoding is the format line then one {@code secret} line per
 * secret in order, base64url without padding, LF line ends.
 */
@Provisional
public final class MessageIdSecretsCodec {

  private static final String HEADER_WORD = "mms-routing-secrets";

  private MessageIdSecretsCodec() {}

  /** Same as {@code decode(file, RoutingDataConfig.DEFAULT)}. */
  public static MessageIdSecrets decode(Path file) throws IOException {
    return decode(file, RoutingDataConfig.DEFAULT);
  }

  /**
   * Reads and decodes a secrets file of at most {@link RoutingDataConfig#maxFileSize()} bytes.
   *
   * @throws RoutingDataFormatException if the file is malformed or too large
   * @throws IOException if it cannot be read
   */
  public static MessageIdSecrets decode(Path file, RoutingDataConfig config) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return decode(in, config);
    }
  }

  /**
   * Reads {@code in} to its end (at most {@link RoutingDataConfig#maxFileSize()} bytes; not
   * closed) and decodes it.
   *
   * @throws RoutingDataFormatException if the content is malformed or too large
   */
  public static MessageIdSecrets decode(InputStream in, RoutingDataConfig config)
      throws IOException {
    long max = config.maxFileSize();
    byte[] content = in.readNBytes((int) max + 1);
    if (content.length > max) {
      throw RoutingDataFormatException.fileTooLarge(Format.MESSAGE_ID_SECRETS, max);
    }
    return decode(content, config);
  }

  /** Same as {@code decode(content, RoutingDataConfig.DEFAULT)}. */
  public static MessageIdSecrets decode(byte[] content) throws RoutingDataFormatException {
    return decode(content, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes the content of a secrets file.
   *
   * @throws RoutingDataFormatException listing every problem, if the content is malformed
   */
  public static MessageIdSecrets decode(byte[] content, RoutingDataConfig config)
      throws RoutingDataFormatException {
    if (content.length > config.maxFileSize()) {
      throw RoutingDataFormatException.fileTooLarge(
          Format.MESSAGE_ID_SECRETS, config.maxFileSize());
    }
    List<Finding> problems = new ArrayList<>();
    int[] unreported = {0};
    List<byte[]> secrets = new ArrayList<>();
    List<Long> secretLines = new ArrayList<>();
    long headerLine = 0;
    long lineNo = 0;
    int start = 0;
    while (start < content.length) {
      lineNo++;
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      int next = end + 1;
      if (end > start && content[end - 1] == '\r') {
        end--;
      }
      if (end - start > config.maxLineLength()) {
        add(
            problems,
            unreported,
            config,
            Reason.LINE_TOO_LONG,
            lineNo,
            config.maxLineLength() + 1,
            "line longer than "
                + config.maxLineLength()
                + " bytes (RoutingDataConfig.maxLineLength)");
        start = next;
        continue;
      }
      int commentAt = end;
      for (int i = start; i < end; i++) {
        if (content[i] == '#') {
          commentAt = i;
          break;
        }
      }
      boolean badChar = false;
      for (int i = start; i < commentAt; i++) {
        int c = content[i] & 0xff;
        if ((c < 0x20 && c != '\t') || c > 0x7e) {
          add(
              problems,
              unreported,
              config,
              Reason.INVALID_CHARACTER,
              lineNo,
              i - start + 1,
              String.format("byte 0x%02x outside a comment", c));
          badChar = true;
          break;
        }
      }
      if (badChar) {
        start = next;
        continue;
      }
      List<int[]> fields = fields(content, start, commentAt);
      start = next;
      if (fields.isEmpty()) {
        continue;
      }
      String word = text(content, fields.get(0));
      int col0 = fields.get(0)[0] - lineStart(content, fields.get(0)[0]) + 1;
      if (word.equals(HEADER_WORD)) {
        if (headerLine != 0) {
          add(
              problems,
              unreported,
              config,
              Reason.DUPLICATE_HEADER,
              lineNo,
              col0,
              headerLine > 0
                  ? "second format line (the first is line " + headerLine + ")"
                  : "format line after the first statement");
          continue;
        }
        headerLine = lineNo;
        if (fields.size() != 2 || !text(content, fields.get(1)).equals("1")) {
          add(
              problems,
              unreported,
              config,
              Reason.UNSUPPORTED_FORMAT_VERSION,
              lineNo,
              col0,
              "expected \"" + HEADER_WORD + " 1\"");
        }
        continue;
      }
      if (headerLine == 0) {
        headerLine = -1;
        add(
            problems,
            unreported,
            config,
            Reason.MISSING_HEADER,
            lineNo,
            col0,
            "expected \"" + HEADER_WORD + " 1\" as the first statement");
      }
      if (!word.equals("secret")) {
        add(
            problems,
            unreported,
            config,
            Reason.UNKNOWN_KEYWORD,
            lineNo,
            col0,
            "unknown keyword \"" + word + "\" (expected \"secret\")");
        continue;
      }
      if (fields.size() < 2) {
        add(
            problems,
            unreported,
            config,
            Reason.MISSING_FIELD,
            lineNo,
            col0,
            "secret without its value");
        continue;
      }
      int[] value = fields.get(1);
      int valueCol = value[0] - lineStart(content, value[0]) + 1;
      if (fields.size() > 2) {
        int[] extra = fields.get(2);
        add(
            problems,
            unreported,
            config,
            Reason.UNEXPECTED_FIELD,
            lineNo,
            extra[0] - lineStart(content, extra[0]) + 1,
            "field after the secret");
        continue;
      }
      byte[] secret = decodeBase64(text(content, value));
      if (secret == null
          || secret.length < MessageIdSecrets.MIN_LENGTH
          || secret.length > MessageIdSecrets.MAX_LENGTH) {
        add(
            problems,
            unreported,
            config,
            Reason.INVALID_SECRET,
            lineNo,
            valueCol,
            secret == null
                ? "secret is not base64url or base64"
                : "secret of " + secret.length + " octets (expected 16 to 64)");
        continue;
      }
      int dup = -1;
      for (int i = 0; i < secrets.size(); i++) {
        if (MessageDigest.isEqual(secrets.get(i), secret)) {
          dup = i;
        }
      }
      if (dup >= 0) {
        add(
            problems,
            unreported,
            config,
            Reason.DUPLICATE_SECRET,
            lineNo,
            valueCol,
            "secret already on line " + secretLines.get(dup));
        continue;
      }
      if (secrets.size() == MessageIdSecrets.MAX_SECRETS) {
        add(
            problems,
            unreported,
            config,
            Reason.INVALID_SECRET,
            lineNo,
            valueCol,
            "more than " + MessageIdSecrets.MAX_SECRETS + " secrets");
        continue;
      }
      secrets.add(secret);
      secretLines.add(lineNo);
    }
    if (headerLine == 0) {
      add(
          problems,
          unreported,
          config,
          Reason.MISSING_HEADER,
          Math.max(1, lineNo),
          1,
          "no \"" + HEADER_WORD + " 1\" line");
    } else if (secrets.isEmpty()) {
      add(
          problems,
          unreported,
          config,
          Reason.MISSING_SECRET,
          Math.max(1, lineNo),
          1,
          "no secret line");
    }
    if (!problems.isEmpty()) {
      problems.sort(
          (a, b) ->
              a.line() != b.line()
                  ? Long.compare(a.line(), b.line())
                  : Integer.compare(a.column(), b.column()));
      throw RoutingDataFormatException.of(Format.MESSAGE_ID_SECRETS, problems, unreported[0]);
    }
    return MessageIdSecrets.of(secrets);
  }

  /** The canonical encoding of {@code secrets} (US-ASCII). */
  public static byte[] encode(MessageIdSecrets secrets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((HEADER_WORD + " 1\n").getBytes(StandardCharsets.US_ASCII));
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    for (int i = 0; i < secrets.size(); i++) {
      out.writeBytes(
          ("secret " + enc.encodeToString(secrets.secret(i)) + "\n")
              .getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** Writes the canonical encoding of {@code secrets} to {@code out} (not closed). */
  public static void encode(MessageIdSecrets secrets, OutputStream out) throws IOException {
    out.write(encode(secrets));
  }

  private static byte[] decodeBase64(String s) {
    String t = s;
    while (t.endsWith("=")) {
      t = t.substring(0, t.length() - 1);
    }
    boolean url = t.indexOf('-') >= 0 || t.indexOf('_') >= 0;
    boolean std = t.indexOf('+') >= 0 || t.indexOf('/') >= 0;
    if (url && std) {
      return null;
    }
    try {
      return (std ? Base64.getDecoder() : Base64.getUrlDecoder()).decode(t);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int lineStart(byte[] b, int at) {
    int i = at;
    while (i > 0 && b[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  private static List<int[]> fields(byte[] b, int from, int to) {
    List<int[]> l = new ArrayList<>(3);
    int i = from;
    while (i < to) {
      while (i < to && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i >= to) {
        break;
      }
      int s = i;
      while (i < to && b[i] != ' ' && b[i] != '\t') {
        i++;
      }
      l.add(new int[] {s, i});
    }
    return l;
  }

  private static String text(byte[] b, int[] field) {
    return new String(b, field[0], field[1] - field[0], StandardCharsets.US_ASCII);
  }

  private static void add(
      List<Finding> problems,
      int[] unreported,
      RoutingDataConfig config,
      Reason reason,
      long line,
      int column,
      String message) {
    if (problems.size() < config.maxFindings()) {
      problems.add(RoutingDataFormatException.finding(reason, line, column, message));
    } else {
      unreported[0]++;
    }
  }
}
