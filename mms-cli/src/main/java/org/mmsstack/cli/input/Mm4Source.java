package org.mmsstack.cli.input;

import java.util.List;

/**
 * A file that is one MM4 message (3GPP TS 23.140 over SMTP: RFC 5322 mail), whatever its name:
 * its first line (after an optional UTF-8 byte-order mark, which captured mail often carries)
 * is a header field, {@code Name: value}, such as {@code X-Mms-Message-Type:}, {@code From:} or
 * {@code Received:}, and its header block has an {@code X-Mms-Message-Type} field, which every
 * MM4 message carries. Without that second test any text file starting {@code Word: ...} (a
 * README, a Makefile, a captioned hex dump) would be taken for broken mail.
 *
 * <p>Tried after the binary and capture sources: a binary PDU starts with 0x8C, and the capture
 * formats have magic numbers or, for hex dumps, a first line such as {@code 00000000: 8c80 ...},
 * which would also pass for a header field. That is why the field name must start with a letter
 * here: RFC 5322 allows digits first, but no MM4 or mail header begins with one.
 */
public final class Mm4Source implements InputSource {

  /** The longest field name looked at (RFC 5322 names in practice are far shorter). */
  private static final int MAX_NAME = 76;

  /** How far into a file the header block is searched for the message type. */
  private static final int MAX_HEADER_BLOCK = 64 * 1024;

  private static final byte[] MESSAGE_TYPE =
      "x-mms-message-type".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Override
  public boolean accepts(String fileName, byte[] content) {
    return looksLikeMail(content);
  }

  @Override
  public List<InputItem> read(String fileName, byte[] content) {
    return List.of(InputItem.mm4(fileName, content));
  }

  /**
   * Whether the first line is an RFC 5322 header field whose name starts with a letter, and the
   * header block (up to the first empty line) has an X-Mms-Message-Type field.
   */
  private static boolean looksLikeMail(byte[] b) {
    int start = afterByteOrderMark(b);
    return firstLineIsField(b, start) && hasMessageType(b, start);
  }

  /** Where the mail starts: after a UTF-8 byte-order mark, which the MM4 parser skips too (with a warning). */
  private static int afterByteOrderMark(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  private static boolean hasMessageType(byte[] b, int start) {
    int end = Math.min(b.length, MAX_HEADER_BLOCK);
    int line = start;
    boolean grammar = true;
    while (line < end) {
      if (b[line] == '\n' || (b[line] == '\r' && line + 1 < end && b[line + 1] == '\n')) {
        return false; // the empty line that ends the header block
      }
      if (startsField(b, line, end)) {
        return true;
      }
      grammar &= b[line] == ' ' || b[line] == '\t' || fieldName(b, line, end);
      while (line < end && b[line] != '\n') {
        line++;
      }
      line++;
    }
    // The window ends inside the header block (a header line longer than the window, say):
    // judged by the header-name grammar of every line it starts, not by where lines end, so
    // that the MM4 parser, which knows the limits, reports such mail.
    return end < b.length && grammar;
  }

  /** Whether X-Mms-Message-Type (any case), optional blanks and a colon start at {@code at}. */
  private static boolean startsField(byte[] b, int at, int end) {
    if (end - at < MESSAGE_TYPE.length + 1) {
      return false;
    }
    for (int k = 0; k < MESSAGE_TYPE.length; k++) {
      int c = b[at + k];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != MESSAGE_TYPE[k]) {
        return false;
      }
    }
    int i = at + MESSAGE_TYPE.length;
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i < end && b[i] == ':';
  }

  private static boolean firstLineIsField(byte[] b, int start) {
    return start < b.length && isLetter(b[start]) && fieldName(b, start, b.length);
  }

  /** Whether a field name (RFC 5322 ftext, at most {@link #MAX_NAME}) and a colon start at {@code start}. */
  private static boolean fieldName(byte[] b, int start, int end) {
    int i = start;
    while (i < end && i - start <= MAX_NAME) {
      int c = b[i] & 0xFF;
      if (c == ':') {
        return i > start;
      }
      // RFC 5322 ftext: printable US-ASCII except colon; no space before the colon either.
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
      i++;
    }
    return false;
  }

  private static boolean isLetter(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
  }
}
