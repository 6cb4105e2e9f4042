package org.mmsstack.mm4;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.mime.Mm4Headers;

/**
 * Decodes MM4 messages from RFC 5322 mail and encodes them back: the one entry point of the MM4
 * codec, shaped like {@code PduCodec}.
 *
 * <pre>{@code
 * Mm4Message m = Mm4Codec.decode(mail);               // lenient: Mm4Config.DEFAULT
 * for (Finding f : m.findings()) { ... }              // what lenient decoding recovered from
 * m.content().checkData();                            // bodies: located, checked on request
 * if (m instanceof Mm4ForwardRes res) {
 *   res.requestStatusCode().ifPresent(...);
 * }
 * byte[] again = Mm4Codec.encode(m);                  // byte-identical to canonical (CRLF) input
 * Mm4Codec.decode(mail, Mm4Config.STRICT);            // throws at the first ERROR finding
 * }</pre>
 *
 * <p><b>Thread-safety and ownership.</b> The class is stateless and thread-safe. A message decoded
 * from an array views that array (header raw bytes, header values, which are made into strings on
 * their first read, 7bit/8bit/binary data, and the base64 and quoted-printable text that is
 * decoded on the first read of a part's data): the caller must not change it while the message is
 * in use. Decoding from a stream reads into a buffer the message owns. Encoding never changes the
 * message; {@link #encode(Mm4Message)} returns one array of the exact size, and the output stream
 * is neither flushed nor closed.
 */
public final class Mm4Codec {

  private Mm4Codec() {}

  /**
   * Decodes a message leniently ({@link Mm4Config#DEFAULT}).
   *
   * @param mail the mail as received (after SMTP DATA un-stuffing); viewed, not copied
   * @return the message, with {@link Mm4Message#findings() findings} for what was recovered
   * @throws Mm4FormatException if the mail is malformed beyond recovery or a limit is exceeded
   */
  public static Mm4Message decode(byte[] mail) throws Mm4FormatException {
    return decode(mail, Mm4Config.DEFAULT);
  }

  /**
   * Decodes a message.
   *
   * @param mail the mail as received (after SMTP DATA un-stuffing); viewed, not copied
   * @param config limits and strictness
   * @return the message
   * @throws Mm4FormatException if the mail is malformed beyond recovery, a limit is exceeded, or
   *     (strict mode) a finding of severity ERROR is met
   */
  public static Mm4Message decode(byte[] mail, Mm4Config config) throws Mm4FormatException {
    Objects.requireNonNull(mail, "mail");
    return decode(mail, 0, mail.length, config);
  }

  /**
   * Decodes {@code mail[offset, offset + length)}; offsets in findings and exceptions count from
   * {@code offset}. The slice is viewed, not copied.
   *
   * @throws IndexOutOfBoundsException if the slice is not inside {@code mail}
   */
  public static Mm4Message decode(byte[] mail, int offset, int length, Mm4Config config)
      throws Mm4FormatException {
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(config, "config");
    Objects.checkFromIndexSize(offset, length, mail.length);
    checkSize(length, config);
    return MessageParser.parse(mail, offset, length, config);
  }

  /**
   * Decodes the remaining octets of a buffer leniently ({@link Mm4Config#DEFAULT}); see {@link
   * #decode(ByteBuffer, Mm4Config)}.
   */
  public static Mm4Message decode(ByteBuffer mail) throws Mm4FormatException {
    return decode(mail, Mm4Config.DEFAULT);
  }

  /**
   * Decodes the remaining octets of a buffer without changing its position; offsets in findings
   * and exceptions count from its position. A heap buffer is viewed, not copied (do not modify
   * it while the message is in use); any other buffer is copied once, after the size limit is
   * checked.
   *
   * @throws Mm4FormatException as {@link #decode(byte[], Mm4Config)}
   */
  public static Mm4Message decode(ByteBuffer mail, Mm4Config config) throws Mm4FormatException {
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(config, "config");
    if (mail.hasArray()) {
      return decode(mail.array(), mail.arrayOffset() + mail.position(), mail.remaining(), config);
    }
    checkSize(mail.remaining(), config);
    byte[] copy = new byte[mail.remaining()];
    mail.duplicate().get(copy);
    return MessageParser.parse(copy, 0, copy.length, config);
  }

  /**
   * Reads only the message's own header block leniently ({@link Mm4Config#DEFAULT}): what a
   * Relay/Server routes on and a border filter inspects ({@code X-Mms-*}, {@code
   * X-Mms-Routing-*}, From, To, Cc, Message-ID, Date, Received...). Reading stops at the empty
   * line that ends the header section, so the cost does not depend on the size of the body,
   * which is neither parsed nor checked. A byte-order mark and an SMTP tail are skipped and
   * reported as by {@link #decode(byte[])}.
   *
   * @param mail the mail as received; viewed, not copied (do not modify it while the headers are
   *     in use)
   * @return the header fields in order, with {@link Mm4Headers#findings() findings}
   * @throws Mm4FormatException if the header section is malformed beyond recovery or a limit is
   *     exceeded
   */
  public static Mm4Headers decodeHeaders(byte[] mail) throws Mm4FormatException {
    return decodeHeaders(mail, Mm4Config.DEFAULT);
  }

  /**
   * Reads only the message's own header block; see {@link #decodeHeaders(byte[])}. The header
   * limits of {@code config} apply ({@code maxLineLength}, {@code maxHeaders}, {@code
   * maxMessageSize}); strict mode throws at the first ERROR finding. The message type is not
   * required: a router checks {@code X-Mms-Message-Type} itself.
   *
   * @throws Mm4FormatException as {@link #decodeHeaders(byte[])}, or (strict mode) at a finding
   *     of severity ERROR
   */
  public static Mm4Headers decodeHeaders(byte[] mail, Mm4Config config) throws Mm4FormatException {
    Objects.requireNonNull(mail, "mail");
    return decodeHeaders(mail, 0, mail.length, config);
  }

  /**
   * Reads only the header block of the message in {@code mail[offset, offset + length)}; see
   * {@link #decodeHeaders(byte[], Mm4Config)}. Offsets in findings and exceptions count from
   * {@code offset}; the slice is viewed, not copied.
   *
   * @throws IndexOutOfBoundsException if the slice is not inside {@code mail}
   */
  public static Mm4Headers decodeHeaders(byte[] mail, int offset, int length, Mm4Config config)
      throws Mm4FormatException {
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(config, "config");
    Objects.checkFromIndexSize(offset, length, mail.length);
    checkSize(length, config);
    return MessageParser.parseHeaders(mail, offset, length, config);
  }

  /**
   * Reads a message leniently from a stream up to its end ({@link Mm4Config#DEFAULT}); the stream
   * is not closed.
   */
  public static Mm4Message decode(InputStream in) throws IOException {
    return decode(in, Mm4Config.DEFAULT);
  }

  /**
   * Reads a message from a stream up to its end (at most {@link Mm4Config#maxMessageSize()}
   * octets, read in chunks, so a long stream fails before it is buffered whole); the stream is
   * not closed.
   *
   * @throws Mm4FormatException as {@link #decode(byte[], Mm4Config)}
   * @throws IOException if reading fails
   */
  public static Mm4Message decode(InputStream in, Mm4Config config) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(config, "config");
    long max = config.maxMessageSize();
    byte[] buf = new byte[(int) Math.min(max + 1, 16 * 1024)];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        if (n > max) {
          break;
        }
        buf = Arrays.copyOf(buf, (int) Math.min(max + 1, (long) buf.length * 2));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    checkSize(n, config);
    return MessageParser.parse(buf, 0, n, config);
  }

  private static void checkSize(long size, Mm4Config config) throws Mm4FormatException {
    if (size > config.maxMessageSize()) {
      throw Mm4FormatException.limitExceeded(
          "maxMessageSize", config.maxMessageSize(), 0, config.maxMessageSize(), null);
    }
  }

  /**
   * Encodes a message as RFC 5322 mail with CRLF line ends. Fields and bodies that were decoded
   * from canonical input and not changed are written back byte for byte.
   *
   * @param message the message
   * @return the mail
   */
  public static byte[] encode(Mm4Message message) {
    Objects.requireNonNull(message, "message");
    return MimeAccess.get().toBytes(message.content());
  }

  /**
   * Encodes a message to a stream (neither flushed nor closed).
   *
   * @throws IOException if writing fails
   */
  public static void encode(Mm4Message message, OutputStream out) throws IOException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(out, "out");
    MimeAccess.get().write(message.content(), out);
  }
}
