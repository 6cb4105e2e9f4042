package org.mmsstack.cli.input;

import java.time.Instant;
import java.util.Objects;
import org.mmsstack.encapsulation.Severity;

/**
 * One thing read from an input file: the octets of one MMS PDU, or a problem that kept the file
 * (or a piece of it) from yielding a PDU.
 *
 * @param file the input file as the user named it (or as found by walking a directory)
 * @param origin where in the file the PDU came from (for example {@code frame 12, 2024-05-01T10:00:00Z,
 *     HTTP response}), or {@code null} when the file is the PDU itself
 * @param frame the 1-based frame number in a capture, or 0 when the input is not a capture
 * @param timestamp the capture time of that frame, or {@code null}
 * @param pdu the PDU octets, or {@code null} for a problem
 * @param problem a one-line description of why nothing could be read here, or {@code null}
 * @param kind what kind of problem, or {@code null} for a PDU
 * @param severity how bad a {@link Problem#NO_PDU} problem is (ERROR for the others), or {@code null} for a PDU
 * @param mm4 whether {@code pdu} holds an MM4 message (RFC 5322 mail) rather than a binary PDU
 */
public record InputItem(
    String file,
    String origin,
    long frame,
    Instant timestamp,
    byte[] pdu,
    String problem,
    Problem kind,
    Severity severity,
    boolean mm4) {

  /** Why an input yielded no PDU. */
  public enum Problem {
    /** The file cannot be read, or is corrupt beyond use (exit status 2). */
    UNREADABLE,
    /** The file is of no kind the tool reads (an error when named, skipped when found in a directory). */
    UNRECOGNISED,
    /** A readable input, or a piece of one, that holds no usable PDU (for example a non-MMS HTTP body). */
    NO_PDU,
    /** A readable input with nothing in it to report on (a capture without MMS traffic); not an error. */
    NOTHING_FOUND
  }

  public InputItem {
    Objects.requireNonNull(file, "file");
    if ((pdu == null) == (problem == null) || (problem == null) != (kind == null)) {
      throw new IllegalArgumentException("exactly one of pdu and problem");
    }
    if (mm4 && pdu == null) {
      throw new IllegalArgumentException("an MM4 item holds the mail");
    }
  }

  /** A PDU found in a file. */
  public static InputItem pdu(String file, String origin, byte[] pdu) {
    return new InputItem(file, origin, 0, null, pdu, null, null, null, false);
  }

  /** An input that could not be read at all (missing file, unknown format). */
  public static InputItem unreadable(String file, String origin, String problem) {
    return new InputItem(
        file, origin, 0, null, null, problem, Problem.UNREADABLE, Severity.ERROR, false);
  }

  /** A file of no kind the tool reads. */
  public static InputItem unrecognised(String file, String problem) {
    return new InputItem(
        file, null, 0, null, null, problem, Problem.UNRECOGNISED, Severity.ERROR, false);
  }

  /** A piece of a readable input that holds no usable PDU (for example a non-MMS HTTP body). */
  public static InputItem defect(String file, String origin, Severity severity, String problem) {
    return new InputItem(
        file,
        origin,
        0,
        null,
        null,
        problem,
        Problem.NO_PDU,
        Objects.requireNonNull(severity),
        false);
  }

  /** A file that is one MM4 message (RFC 5322 mail). */
  public static InputItem mm4(String file, byte[] mail) {
    return new InputItem(file, null, 0, null, mail, null, null, null, true);
  }

  /** A PDU found in a capture frame. */
  public static InputItem captured(
      String file, String origin, long frame, Instant timestamp, byte[] pdu) {
    return new InputItem(file, origin, frame, timestamp, pdu, null, null, null, false);
  }

  /** An MM4 mail found in a capture (SMTP DATA). */
  public static InputItem capturedMm4(
      String file, String origin, long frame, Instant timestamp, byte[] mail) {
    return new InputItem(file, origin, frame, timestamp, mail, null, null, null, true);
  }

  /** A readable input with nothing to report on. */
  public static InputItem nothingFound(String file, String problem) {
    return new InputItem(
        file, null, 0, null, null, problem, Problem.NOTHING_FOUND, Severity.INFO, false);
  }

  /** {@code file} or {@code file [origin]}, for messages. */
  public String label() {
    return origin == null ? file : file + " [" + origin + "]";
  }
}
