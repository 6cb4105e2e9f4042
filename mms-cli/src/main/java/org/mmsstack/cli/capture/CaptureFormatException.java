package org.mmsstack.cli.capture;

import java.io.IOException;

/**
 * The input is not something this package can read at all: not a pcap or pcapng file, not a WSP
 * PDU, not an MMS PDU, not hex text. Damage inside a recognised capture is never reported this
 * way but as {@link CaptureFinding}s.
 *
 * <p>It extends {@link IOException} so that reading a file and recognising its content share one
 * {@code catch}.
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
    NOT_HEX
  }

  private final Reason reason;
  private final long offset;
  private final String detail;

  private CaptureFormatException(Reason reason, long offset, String detail) {
    super(detail + " at offset " + offset);
    this.reason = reason;
    this.offset = offset;
    this.detail = detail;
  }

  /** The input's content matches no supported format; {@code offset} is where it was decided. */
  public static CaptureFormatException notACapture(long offset, String detail) {
    return new CaptureFormatException(Reason.NOT_A_CAPTURE, offset, detail);
  }

  /** The bytes are not a WSP push; {@code offset} names the octet that decided it. */
  public static CaptureFormatException notAWspPush(long offset, String detail) {
    return new CaptureFormatException(Reason.NOT_A_WSP_PUSH, offset, detail);
  }

  /** The text is not hex; {@code offset} is the character offset, {@code line} 1-based. */
  public static CaptureFormatException notHex(long offset, int line, String detail) {
    return new CaptureFormatException(Reason.NOT_HEX, offset, detail + " (line " + line + ")");
  }

  /** Why the input was refused. */
  public Reason reason() {
    return reason;
  }

  /** The byte (or character) offset in the input where the decision was made. */
  public long offset() {
    return offset;
  }

  /** The message without the location suffix. */
  public String detail() {
    return detail;
  }
}
