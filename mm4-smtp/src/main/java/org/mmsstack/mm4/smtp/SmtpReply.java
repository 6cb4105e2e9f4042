package org.mmsstack.mm4.smtp;

import java.util.List;
import java.util.Objects;

/**
 * One SMTP reply (RFC 5321 section 4.2): a three-digit code and its text lines (a multi-line
 * reply has several). Immutable.
 *
 * @param code the reply code, 200 to 599
 * @param lines the text of each line without the code and separator; unmodifiable
 */
public record SmtpReply(int code, List<String> lines) {
  /**
   * @throws IllegalArgumentException when the code is outside 200..599 or there is no line
   */
  public SmtpReply {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("code: " + code + " (expected: 200 ~ 599)");
    }
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("lines: empty (a reply has at least one line)");
    }
  }

  /** A one-line reply. */
  public static SmtpReply of(int code, String text) {
    return new SmtpReply(code, List.of(text));
  }

  /** 2yz: the command was accepted. */
  public boolean isPositiveCompletion() {
    return code / 100 == 2;
  }

  /** 3yz: the server waits for more (354 after DATA). */
  public boolean isPositiveIntermediate() {
    return code / 100 == 3;
  }

  /** 4yz: a transient failure; the same command may succeed later. */
  public boolean isTransientNegative() {
    return code / 100 == 4;
  }

  /** 5yz: a permanent failure. */
  public boolean isPermanentNegative() {
    return code / 100 == 5;
  }

  /** All text lines joined by a single space. */
  public String text() {
    return String.join(" ", lines);
  }

  /** {@code "code text"}, the lines joined by a space. */
  @Override
  public String toString() {
    return code + " " + text();
  }
}
