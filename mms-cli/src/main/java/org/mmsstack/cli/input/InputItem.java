package org.mmsstack.cli.input;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.mmsstack.encapsulation.Severity;

/**
 * One thing read from an input file: the octets of one MMS PDU, or a problem that kept the file
 * (or a piece of it) from yielding a PDU.
 *
 * <p>Immutable once built; the PDU array is the item's own (not copied: do not modify it). The
 * {@link #origin()} of a captured PDU is formatted when first read, so a run that prints only a
 * summary does not format one per PDU.
 */
public final class InputItem {

  private final String file;

  /** Formats the origin on first use; dropped then, with what it refers to. Guarded by this. */
  private Supplier<String> originText;

  /** Guarded by this. */
  private String origin;

  private final long frame;
  private final Instant timestamp;
  private final byte[] pdu;
  private final String problem;
  private final Problem kind;
  private final Severity severity;
  private final boolean mm4;

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

  /**
   * An item.
   *
   * @param file the input file as the user named it (or as found by walking a directory)
   * @param origin where in the file the PDU came from (for example {@code frame 12,
   *     2024-05-01T10:00:00Z, HTTP response}), or {@code null} when the file is the PDU itself
   * @param frame the 1-based frame number in a capture, or 0 when the input is not a capture
   * @param timestamp the capture time of that frame, or {@code null}
   * @param pdu the PDU octets, or {@code null} for a problem
   * @param problem a one-line description of why nothing could be read here, or {@code null}
   * @param kind what kind of problem, or {@code null} for a PDU
   * @param severity how bad a {@link Problem#NO_PDU} problem is (ERROR for the others), or {@code
   *     null} for a PDU
   * @param mm4 whether {@code pdu} holds an MM4 message (RFC 5322 mail) rather than a binary PDU
   */
  public InputItem(
      String file,
      String origin,
      long frame,
      Instant timestamp,
      byte[] pdu,
      String problem,
      Problem kind,
      Severity severity,
      boolean mm4) {
    this(file, null, origin, frame, timestamp, pdu, problem, kind, severity, mm4);
  }

  private InputItem(
      String file,
      Supplier<String> originText,
      String origin,
      long frame,
      Instant timestamp,
      byte[] pdu,
      String problem,
      Problem kind,
      Severity severity,
      boolean mm4) {
    this.file = Objects.requireNonNull(file, "file");
    if ((pdu == null) == (problem == null) || (problem == null) != (kind == null)) {
      throw new IllegalArgumentException("exactly one of pdu and problem");
    }
    if (mm4 && pdu == null) {
      throw new IllegalArgumentException("an MM4 item holds the mail");
    }
    this.originText = originText;
    this.origin = origin;
    this.frame = frame;
    this.timestamp = timestamp;
    this.pdu = pdu;
    this.problem = problem;
    this.kind = kind;
    this.severity = severity;
    this.mm4 = mm4;
  }

  /** The input file as the user named it (or as found by walking a directory). */
  public String file() {
    return file;
  }

  /**
   * Where in the file the PDU came from (for example {@code frame 12, 2024-05-01T10:00:00Z, HTTP
   * response}), or {@code null} when the file is the PDU itself.
   */
  public synchronized String origin() {
    if (originText != null) {
      origin = originText.get();
      originText = null;
    }
    return origin;
  }

  /** The 1-based frame number in a capture, or 0 when the input is not a capture. */
  public long frame() {
    return frame;
  }

  /** The capture time of that frame, or {@code null}. */
  public Instant timestamp() {
    return timestamp;
  }

  /** The PDU octets (the item's own array), or {@code null} for a problem. */
  public byte[] pdu() {
    return pdu;
  }

  /** A one-line description of why nothing could be read here, or {@code null}. */
  public String problem() {
    return problem;
  }

  /** What kind of problem, or {@code null} for a PDU. */
  public Problem kind() {
    return kind;
  }

  /**
   * How bad a {@link Problem#NO_PDU} problem is (ERROR for the others), or {@code null} for a PDU.
   */
  public Severity severity() {
    return severity;
  }

  /** Whether {@link #pdu()} holds an MM4 message (RFC 5322 mail) rather than a binary PDU. */
  public boolean mm4() {
    return mm4;
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

  /** A PDU (or, with {@code mm4}, an MM4 mail) found in a capture; the origin is formatted when first read. */
  public static InputItem captured(
      String file,
      Supplier<String> origin,
      long frame,
      Instant timestamp,
      byte[] pdu,
      boolean mm4) {
    return new InputItem(
        file,
        Objects.requireNonNull(origin, "origin"),
        null,
        frame,
        timestamp,
        pdu,
        null,
        null,
        null,
        mm4);
  }

  /** A readable input with nothing to report on. */
  public static InputItem nothingFound(String file, String problem) {
    return new InputItem(
        file, null, 0, null, null, problem, Problem.NOTHING_FOUND, Severity.INFO, false);
  }

  /** {@code file} or {@code file [origin]}, for messages. */
  public String label() {
    String origin = origin();
    return origin == null ? file : file + " [" + origin + "]";
  }
}
