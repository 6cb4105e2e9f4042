package org.mmsstack.cli.capture;

import java.util.List;
import java.util.Objects;

/**
 * What reading one input produced.
 *
 * @param format what the input was recognised as
 * @param pdus the MMS PDUs found, in the order their carriers completed
 * @param findings problems met while reading, in the order met
 * @param stats counts of what the input held
 */
public record CaptureResult(
    CaptureFormat format, List<CapturedPdu> pdus, List<CaptureFinding> findings,
    CaptureStats stats) {

  /** Checks and copies the arguments. */
  public CaptureResult {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(stats, "stats");
    pdus = List.copyOf(pdus);
    findings = List.copyOf(findings);
  }

  /** Whether any finding of {@code kind} was reported. */
  public boolean has(CaptureFinding.Kind kind) {
    for (CaptureFinding f : findings) {
      if (f.kind() == kind) {
        return true;
      }
    }
    return false;
  }
}
