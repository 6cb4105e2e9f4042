package org.mmsstack.mm4.convert;

import java.util.Locale;
import java.util.Optional;

/**
 * A message that cannot be converted: an element the target message requires is missing and
 * cannot be derived, or a value cannot be expressed on the other side at all. The message names
 * the header concerned. Lossy but possible conversions do not throw; they leave a finding in
 * {@link Conversion#notes()}.
 */
public final class ConversionException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the conversion failed. */
  public enum Reason {
    /** An element the target message requires is absent from the source and the context. */
    MISSING,
    /** A value cannot be written on the other side (an address MM4 cannot carry, ...). */
    UNREPRESENTABLE,
    /** The source is damaged where the conversion must read it (a nested body that does not decode). */
    MALFORMED;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable code of this reason: its name in kebab case, for example {@code unrepresentable}. */
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
  private final String header;
  private final String detail;

  private ConversionException(Reason reason, String header, String message, Throwable cause) {
    super(header + ": " + message, cause);
    this.reason = reason;
    this.header = header;
    this.detail = message;
  }

  /** The target requires {@code header}, and neither the source nor the context supplies it. */
  public static ConversionException missing(String header, String detail) {
    return new ConversionException(Reason.MISSING, header, detail, null);
  }

  /** {@code value} of {@code header} cannot be written on the other side. */
  public static ConversionException unrepresentable(String header, String value, String detail) {
    return new ConversionException(
        Reason.UNREPRESENTABLE, header, "\"" + value + "\" " + detail, null);
  }

  /** The source is damaged in {@code header} (or a body part). */
  public static ConversionException malformed(String header, String detail, Throwable cause) {
    return new ConversionException(Reason.MALFORMED, header, detail, cause);
  }

  /** @return why the conversion failed */
  public Reason reason() {
    return reason;
  }

  /** @return the header (or body part) concerned */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** @return the detail without the header (as the format exceptions' {@code detail()}) */
  public String detail() {
    return detail;
  }
}
