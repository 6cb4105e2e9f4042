package org.mmsstack.encapsulation;

import java.util.Objects;

/**
 * One thing a decoder or the validator noticed about a PDU.
 *
 * @param severity how bad it is
 * @param offset byte offset from the start of the PDU, or -1 when it concerns the PDU as a whole
 * @param header the header concerned (specification name), or {@code null}
 * @param code a stable identifier for programs, for example {@code missing-mandatory-header}
 * @param message a sentence for people
 */
public record Finding(Severity severity, int offset, String header, String code, String message) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(severity);
    if (offset >= 0) {
      sb.append(" @").append(offset);
    }
    if (header != null) {
      sb.append(" [").append(header).append(']');
    }
    return sb.append(' ').append(code).append(": ").append(message).toString();
  }
}
