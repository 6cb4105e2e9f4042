package org.mmsstack.cli.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one read: the configuration, findings (capped), PDUs found and counters.
 * Every stage of the pipeline reports into it, so no stage needs to throw for bad data.
 */
final class Extraction {
  final CaptureConfig config;
  final List<CapturedPdu> pdus = new ArrayList<>();
  private final List<CaptureFinding> findings = new ArrayList<>();
  private long suppressed;

  long frames;
  long undecodedFrames;
  long tcpConnections;
  long nonHttpStreams;
  long httpMessages;
  long nonMmsHttpBodies;
  long wspPdus;
  long nonMmsWspPdus;

  Extraction(CaptureConfig config) {
    this.config = config;
  }

  void finding(CaptureFinding.Kind kind, long frame, long offset, String detail) {
    if (findings.size() < config.maxFindings()) {
      findings.add(new CaptureFinding(kind, frame, offset, detail));
    } else {
      suppressed++;
    }
  }

  void finding(CaptureFinding f) {
    finding(f.kind(), f.frame(), f.offset(), f.detail());
  }

  CaptureResult result(CaptureFormat format) {
    List<CaptureFinding> all = new ArrayList<>(findings);
    if (suppressed > 0) {
      all.add(
          new CaptureFinding(
              CaptureFinding.Kind.FINDINGS_SUPPRESSED, 0, -1,
              suppressed + " further findings were not kept (maxFindings "
                  + config.maxFindings() + ")"));
    }
    return new CaptureResult(
        format, pdus, all,
        new CaptureStats(
            frames, undecodedFrames, tcpConnections, nonHttpStreams, httpMessages,
            nonMmsHttpBodies, wspPdus, nonMmsWspPdus));
  }
}
