package org.mmsstack.capture;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;

/**
 * The input could not be read as a capture: it is not one at all (not pcap or pcapng, gzip
 * compressed or not; not a WSP push, an MMS PDU or hex text), or, with {@link
 * CaptureConfig#STRICT}, the first finding of severity ERROR stopped the read. Damage inside a
 * recognised capture read leniently is never reported this way but as {@link Finding}s.
 *
 * <p>The {@link #offset()} is a byte offset in the input (a character offset for hex text, with
 * its {@link #line()}); there is no header, so none is reported.
 */
public final class CaptureFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the input was refused. */
  public enum Reason {
    /** The content matches none of the formats of {@link CaptureFormat}. */
    NOT_A_CAPTURE,
    /** The bytes are not a connectionless WSP Push/ConfirmedPush PDU. */
    NOT_A_WSP_PUSH,
    /** The text is not hex (a character that is neither a hex digit nor layout). */
    NOT_HEX,
    /** Strict reading met a finding of severity ERROR; {@link #finding()} is it. */
    STRICT_FINDING;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The reason as a stable kebab-case code, for example {@code not-a-capture}. */
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

  private final Reason reason;
  private final long offset;
  private final long line;
  private final String detail;
  private final transient Finding finding;

  private CaptureFormatException(
      Reason reason, long offset, long line, String detail, Finding finding) {
    super(detail + (line > 0 ? " (line " + line + ")" : "") + " at offset " + offset);
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.detail = detail;
    this.finding = finding;
  }

  /** The input's content matches no supported format; {@code offset} is where it was decided. */
  public static CaptureFormatException notACapture(long offset, String detail) {
    return new CaptureFormatException(Reason.NOT_A_CAPTURE, offset, 0, detail, null);
  }

  /** The bytes are not a WSP push; {@code offset} names the octet that decided it. */
  public static CaptureFormatException notAWspPush(long offset, String detail) {
    return new CaptureFormatException(Reason.NOT_A_WSP_PUSH, offset, 0, detail, null);
  }

  /** The text is not hex; {@code offset} is the character offset, {@code line} 1-based. */
  public static CaptureFormatException notHex(long offset, long line, String detail) {
    return new CaptureFormatException(Reason.NOT_HEX, offset, line, detail, null);
  }

  /** Strict reading stopped at {@code finding}, whose offset this exception takes. */
  public static CaptureFormatException strict(Finding finding) {
    Objects.requireNonNull(finding, "finding");
    return new CaptureFormatException(
        Reason.STRICT_FINDING,
        Math.max(0, finding.offset()),
        0,
        finding.code() + ": " + finding.message(),
        finding);
  }

  /** Why the input was refused. */
  public Reason reason() {
    return reason;
  }

  /** The byte (or, for hex text, character) offset in the input where the decision was made. */
  public long offset() {
    return offset;
  }

  /** The 1-based line for hex text, else {@link Finding#NO_LINE}. */
  public long line() {
    return line;
  }

  /** The finding that stopped a strict read. */
  public Optional<Finding> finding() {
    return Optional.ofNullable(finding);
  }

  /** The message without the location suffix. */
  public String detail() {
    return detail;
  }
}
