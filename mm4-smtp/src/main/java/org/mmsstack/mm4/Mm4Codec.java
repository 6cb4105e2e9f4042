package org.mmsstack.mm4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Parses MM4 messages from RFC 5322 mail and formats them back. Thread-safe and immutable; one
 * instance per {@link Mm4Config}.
 *
 * <pre>{@code
 * Mm4Codec codec = Mm4Codec.create(Mm4Config.DEFAULT);
 * Mm4Findings findings = Mm4Findings.lenient();
 * Mm4Message m = codec.parse(mail, findings);
 * if (m instanceof Mm4ForwardRes res) {
 *   res.requestStatusCode().ifPresent(...);
 * }
 * byte[] again = codec.format(m);   // byte-identical to canonical (CRLF) input
 * }</pre>
 */
public final class Mm4Codec {

  private final Mm4Config config;

  private Mm4Codec(Mm4Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** @return a codec with {@link Mm4Config#DEFAULT} (lenient) */
  public static Mm4Codec create() {
    return new Mm4Codec(Mm4Config.DEFAULT);
  }

  /** @return a codec with {@code config} */
  public static Mm4Codec create(Mm4Config config) {
    return new Mm4Codec(config);
  }

  /** @return the configuration */
  public Mm4Config config() {
    return config;
  }

  private Mm4Findings newFindings() {
    return config.strict() ? Mm4Findings.strict() : Mm4Findings.lenient();
  }

  /**
   * Parses a message; the input is copied first, so the caller may reuse the array.
   *
   * @param mail the mail as received (after SMTP DATA un-stuffing)
   * @return the message
   * @throws Mm4FormatException if the mail is malformed, a limit is exceeded, or (strict mode) a
   *     finding is not tolerated
   */
  public Mm4Message parse(byte[] mail) throws Mm4FormatException {
    return parse(mail, newFindings());
  }

  /**
   * Parses a message, reporting what lenient parsing tolerated (and validation found) to
   * {@code findings}. The input is copied first. A strict collector makes warnings fatal even
   * with a lenient configuration.
   */
  public Mm4Message parse(byte[] mail, Mm4Findings findings) throws Mm4FormatException {
    Objects.requireNonNull(mail, "mail");
    checkSize(mail.length);
    byte[] copy = mail.clone();
    return MessageParser.parse(copy, 0, copy.length, config, effective(findings));
  }

  /**
   * Parses {@code mail[offset, offset + length)} <b>without copying it</b>: the header raw bytes
   * and the data of 7bit/8bit/binary parts stay views of the caller's array. The caller must not
   * change those bytes for as long as the message (or anything taken from it) is in use.
   */
  public Mm4Message parseAliasing(byte[] mail, int offset, int length, Mm4Findings findings)
      throws Mm4FormatException {
    Objects.requireNonNull(mail, "mail");
    Objects.checkFromIndexSize(offset, length, mail.length);
    checkSize(length);
    return MessageParser.parse(mail, offset, length, config, effective(findings));
  }

  /**
   * Reads a message from a stream up to its end (at most {@link Mm4Config#maxMessageSize()}
   * octets, read in chunks, so a long stream fails before it is buffered whole).
   */
  public Mm4Message parse(InputStream in) throws IOException {
    return parse(in, newFindings());
  }

  /** Reads a message from a stream, reporting findings to {@code findings}. */
  public Mm4Message parse(InputStream in, Mm4Findings findings) throws IOException {
    Objects.requireNonNull(in, "in");
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
    checkSize(n);
    return MessageParser.parse(buf, 0, n, config, effective(findings));
  }

  private Mm4Findings effective(Mm4Findings findings) {
    Objects.requireNonNull(findings, "findings");
    return findings;
  }

  private void checkSize(long size) throws Mm4FormatException {
    if (size > config.maxMessageSize()) {
      throw Mm4FormatException.limitExceeded("maxMessageSize", config.maxMessageSize(), 0,
          config.maxMessageSize(), null);
    }
  }

  /**
   * Formats a message as RFC 5322 mail with CRLF line ends. Fields and bodies that were parsed
   * from canonical input and not changed are written back byte for byte.
   *
   * @param message the message
   * @return the mail
   */
  public byte[] format(Mm4Message message) {
    Objects.requireNonNull(message, "message");
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimate(message.content()));
    try {
      MessageWriter.write(message.content(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("ByteArrayOutputStream does not fail", e);
    }
    return out.toByteArray();
  }

  /** Formats a message to a stream (not closed). */
  public void format(Mm4Message message, OutputStream out) throws IOException {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(out, "out");
    MessageWriter.write(message.content(), out);
  }

  private static int estimate(MimeEntity e) {
    long n = 64L * (e.headers().size() + 1);
    if (e.raw() != null) {
      n += e.rawLen();
    } else if (e.isMultipart()) {
      for (MimeEntity p : e.parts()) {
        n += estimate(p) + 100;
      }
    } else {
      n += e.dataSize() * 4L / 3 + e.dataSize() / 38 + 16;
    }
    return (int) Math.min(n, Integer.MAX_VALUE - 8);
  }
}
