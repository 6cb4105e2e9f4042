package org.mmsstack.encapsulation;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A PDU (or a value inside one) does not follow the OMA MMS Encapsulation / WSP grammar, or it
 * exceeds a configured {@linkplain DecodeConfig limit}.
 *
 * <p>Every instance names the {@linkplain #reason() reason}, the byte {@linkplain #offset()
 * offset} from the start of the PDU where the problem was found, and the {@linkplain #header()
 * header} being read at the time (empty outside any header). {@link #getMessage()}
 * appends that location to the bare text, which {@link #detail()} returns alone. Tests and
 * programs should look at {@link #reason()}, not at the message text.
 *
 * <p>It extends {@link IOException} so that stream-based decoding (MM4) and array-based decoding
 * share one {@code catch}.
 */
public final class PduFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Why decoding stopped. Each reason has a stable {@linkplain #code() code}, which the
   * validator's finding for input that cannot be decoded carries after {@link
   * org.mmsstack.encapsulation.validate.FindingCodes#UNDECODABLE_PREFIX}.
   */
  public enum Reason {
    /** The input is empty or does not start with X-Mms-Message-Type. */
    NOT_A_PDU,
    /** X-Mms-Message-Type carries a value that names no PDU type. */
    UNKNOWN_MESSAGE_TYPE,
    /** The input ends inside a value or a header. */
    TRUNCATED,
    /** A length field points past the end of its enclosing value or of the input. */
    LENGTH_PAST_END,
    /** A Uintvar is longer than 5 octets or exceeds 32 bits. */
    MALFORMED_UINTVAR,
    /** An octet that cannot start the value expected at this position. */
    MALFORMED_VALUE,
    /** A Long-integer wider than the supported 8 octets. */
    INTEGER_TOO_WIDE,
    /** A text value is not terminated by End-of-string within its bounds. */
    UNTERMINATED_TEXT,
    /** An octet 0x00-0x1F or 0x7F where a header field must start. */
    INVALID_HEADER_START,
    /** A header that must occur once occurs again, or a header outside its place. */
    MISPLACED_HEADER,
    /** Octets after the end of the PDU. */
    TRAILING_BYTES,
    /** A multipart body whose entry count, lengths or headers do not add up. */
    MALFORMED_MULTIPART,
    /** A configured limit (size, parts, nesting, headers, text length) was exceeded. */
    LIMIT_EXCEEDED,
    /** A value the encoder cannot represent on the wire. */
    UNENCODABLE;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /**
     * The stable code of this reason: its name in kebab case, for example {@code
     * length-past-end}. The validator reports input that cannot be decoded as {@code
     * undecodable-} followed by it.
     */
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
  private final int offset;
  private final String header;
  private final String detail;

  private PduFormatException(Reason reason, int offset, String header, String detail) {
    super(detail);
    this.reason = reason;
    this.offset = offset;
    this.header = header;
    this.detail = detail;
  }

  /**
   * An exception, as the decoder makes them (and a program's own decoding of PDU-like data may).
   *
   * @param reason why decoding stopped
   * @param offset byte offset from the start of the PDU, or -1 when unknown
   * @param header the header being read, or {@code null} outside any header ({@link #header()}
   *     is then empty)
   * @param detail a sentence for people, without the location
   * @return the exception
   * @throws NullPointerException if {@code reason} or {@code detail} is null
   * @throws IllegalArgumentException if {@code offset} is below -1
   */
  public static PduFormatException of(Reason reason, int offset, String header, String detail) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if (offset < -1) {
      throw new IllegalArgumentException("offset: " + offset + " (expected: >= -1)");
    }
    return new PduFormatException(reason, offset, header, detail);
  }

  /** Why decoding stopped. */
  public Reason reason() {
    return reason;
  }

  /** Byte offset from the start of the PDU where the problem was found; -1 when unknown. */
  public int offset() {
    return offset;
  }

  /** The header being read (its specification name); empty outside any header. */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** The message without the location suffix. */
  public String detail() {
    return detail;
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder(detail);
    if (offset >= 0 || header != null) {
      sb.append(" (");
      if (offset >= 0) {
        sb.append("at offset ").append(offset);
      }
      if (header != null) {
        sb.append(offset >= 0 ? ", " : "").append("header ").append(header);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
