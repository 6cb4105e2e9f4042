package org.mmsstack.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;

/**
 * The mutable state of one read: the configuration, findings (capped), where PDUs go, and
 * counters. Every stage of the pipeline reports into it, so no stage needs to throw for bad data;
 * in strict mode the first ERROR finding ends the read through {@link Stop}, which the reader turns
 * into a {@link CaptureFormatException}, so strict and lenient share this one path.
 */
final class Extraction {
  private static final Map<String, Severity> SEVERITIES =
      Map.ofEntries(
          Map.entry(CaptureFindingCodes.TRUNCATED_CAPTURE, Severity.ERROR),
          Map.entry(CaptureFindingCodes.MALFORMED_CAPTURE, Severity.ERROR),
          Map.entry(CaptureFindingCodes.UNSUPPORTED_LINK_TYPE, Severity.WARNING),
          Map.entry(CaptureFindingCodes.PACKET_TRUNCATED, Severity.ERROR),
          Map.entry(CaptureFindingCodes.MALFORMED_PACKET, Severity.ERROR),
          Map.entry(CaptureFindingCodes.IP_FRAGMENTS_INCOMPLETE, Severity.ERROR),
          Map.entry(CaptureFindingCodes.STREAM_LIMIT_EXCEEDED, Severity.ERROR),
          Map.entry(CaptureFindingCodes.FLOW_EVICTED, Severity.WARNING),
          Map.entry(CaptureFindingCodes.TCP_GAP, Severity.ERROR),
          Map.entry(CaptureFindingCodes.HTTP_MALFORMED, Severity.ERROR),
          Map.entry(CaptureFindingCodes.HTTP_INCOMPLETE, Severity.ERROR),
          Map.entry(CaptureFindingCodes.HTTP_CONTENT_ENCODING, Severity.WARNING),
          Map.entry(CaptureFindingCodes.SMTP_INCOMPLETE, Severity.ERROR),
          Map.entry(CaptureFindingCodes.WSP_MALFORMED, Severity.ERROR),
          Map.entry(CaptureFindingCodes.WSP_HEADERS_LENGTH_INCONSISTENT, Severity.WARNING),
          Map.entry(CaptureFindingCodes.FINDINGS_SUPPRESSED, Severity.WARNING));

  /** Ends a strict read; carries the exception out of stages that do not declare it. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient CaptureFormatException cause;

    Stop(CaptureFormatException cause) {
      super(null, null, false, false);
      this.cause = cause;
    }
  }

  final CaptureConfig config;
  private final Consumer<? super CapturedPdu> sink;
  private final List<Finding> findings = new ArrayList<>();
  private long suppressed;

  long frames;
  long undecodedFrames;
  long tcpConnections;
  long nonHttpStreams;
  long httpMessages;
  long nonMmsHttpBodies;
  long wspPdus;
  long nonMmsWspPdus;
  long smtpMails;
  long evictedFlows;
  long pdusFound;

  Extraction(CaptureConfig config, Consumer<? super CapturedPdu> sink) {
    this.config = config;
    this.sink = sink;
  }

  static Severity severity(String code) {
    return SEVERITIES.get(code);
  }

  void pdu(CapturedPdu p) {
    pdusFound++;
    sink.accept(p);
  }

  /** A finding concerning frame {@code frame} (0: none) at file offset {@code offset} (-1: none). */
  void finding(String code, long frame, long offset, String message) {
    Severity s = SEVERITIES.get(code);
    Finding f =
        Finding.of(
            s,
            code,
            offset < 0 ? Finding.NO_OFFSET : offset,
            null,
            frame > 0 ? "frame " + frame + ": " + message : message);
    if (s == Severity.ERROR && config.strict()) {
      throw new Stop(CaptureFormatException.strict(f));
    }
    if (findings.size() < config.maxFindings()) {
      findings.add(f);
    } else {
      suppressed++;
    }
  }

  /** A finding concerning frame {@code f}, at its offset in the file. */
  void finding(String code, Frame f, String message) {
    finding(code, f.number(), f.fileOffset(), message);
  }

  CaptureResult result(CaptureFormat format, List<CapturedPdu> pdus) {
    List<Finding> all = new ArrayList<>(findings);
    if (suppressed > 0) {
      all.add(
          Finding.of(
              Severity.WARNING,
              CaptureFindingCodes.FINDINGS_SUPPRESSED,
              Finding.NO_OFFSET,
              null,
              suppressed
                  + " further findings were not kept (maxFindings "
                  + config.maxFindings()
                  + ")"));
    }
    return new CaptureResult(
        format,
        pdus,
        all,
        new CaptureStats(
            frames,
            undecodedFrames,
            tcpConnections,
            nonHttpStreams,
            httpMessages,
            nonMmsHttpBodies,
            wspPdus,
            nonMmsWspPdus,
            smtpMails,
            evictedFlows,
            pdusFound));
  }
}
