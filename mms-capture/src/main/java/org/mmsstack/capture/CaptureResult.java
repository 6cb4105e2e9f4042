package org.mmsstack.capture;

import java.util.List;
import java.util.Objects;
import org.mmsstack.encapsulation.Finding;

/**
 * What reading one input produced. Immutable.
 *
 * @param format what the input was recognised as
 * @param pdus the MMS PDUs and MM4 mails found, in the order their carriers completed; empty when
 *     they were handed to a consumer as they were found (the streaming reads of {@link
 *     CaptureReader})
 * @param findings problems met while reading, in the order met (at most {@link
 *     CaptureConfig#maxFindings()}, plus one that counts the others)
 * @param stats counts of what the input held
 */
public record CaptureResult(
    CaptureFormat format, List<CapturedPdu> pdus, List<Finding> findings, CaptureStats stats) {

  /** Checks and copies the arguments. */
  public CaptureResult {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(stats, "stats");
    pdus = List.copyOf(pdus);
    findings = List.copyOf(findings);
  }

  /** Whether any finding with {@code code} (one of {@link CaptureFindingCodes}) was reported. */
  public boolean has(String code) {
    for (Finding f : findings) {
      if (f.code().equals(code)) {
        return true;
      }
    }
    return false;
  }
}
