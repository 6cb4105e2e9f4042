package org.mmsstack.cli.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmsstack.cli.capture.CaptureFinding;
import org.mmsstack.cli.capture.CaptureFormat;
import org.mmsstack.cli.capture.CaptureFormatException;
import org.mmsstack.cli.capture.CaptureReader;
import org.mmsstack.cli.capture.CaptureResult;
import org.mmsstack.cli.capture.CapturedPdu;
import org.mmsstack.cli.format.Codes;
import org.mmsstack.encapsulation.Severity;

/**
 * The input sources beyond raw PDUs: hex dumps, connectionless WSP push PDUs and pcap/pcapng
 * captures (frame number and timestamp in each item's origin). This is the one place that
 * connects the capture readers to the commands.
 */
final class CaptureSources {

  private CaptureSources() {}

  /** The sources tried, in order, for a file that is not a raw PDU. */
  static List<InputSource> all() {
    return List.of(new Captures());
  }

  /** pcap, pcapng, WSP push files and hex text, through {@link CaptureReader#extract(byte[])}. */
  private static final class Captures implements InputSource {

    private final CaptureReader reader = new CaptureReader();

    @Override
    public boolean accepts(String fileName, byte[] content) {
      return CaptureFormat.detect(content) != CaptureFormat.UNKNOWN;
    }

    @Override
    public List<InputItem> read(String fileName, byte[] content) {
      CaptureResult r;
      try {
        r = reader.extract(content);
      } catch (CaptureFormatException e) {
        return List.of(InputItem.unrecognised(fileName, e.getMessage()));
      }
      List<InputItem> out = new ArrayList<>();
      for (CapturedPdu p : r.pdus()) {
        out.add(InputItem.captured(fileName, origin(p), p.frame(),
            p.frame() > 0 && !p.timestamp().equals(Instant.EPOCH) ? p.timestamp() : null, p.pdu()));
      }
      for (CaptureFinding f : r.findings()) {
        String where = f.frame() > 0 ? "frame " + f.frame() : null;
        String what = Codes.kebab(f.kind()) + ": " + f.detail()
            + (f.offset() >= 0 ? " (offset " + f.offset() + ")" : "");
        out.add(InputItem.defect(fileName, where, severity(f.kind()), what));
      }
      if (out.isEmpty()) {
        out.add(InputItem.nothingFound(fileName,
            "no MMS PDU found (" + r.format().name().toLowerCase(Locale.ROOT) + ")"));
      }
      return out;
    }

    /** Problems the reader recovered from, or that lose nothing MMS, are warnings; lost data is an error. */
    private static Severity severity(CaptureFinding.Kind kind) {
      switch (kind) {
        case WSP_HEADERS_LENGTH_INCONSISTENT:
        case UNSUPPORTED_LINK_TYPE:
        case FINDINGS_SUPPRESSED:
        case HTTP_CONTENT_ENCODING:
          return Severity.WARNING;
        default:
          return Severity.ERROR;
      }
    }

    private static String origin(CapturedPdu p) {
      StringBuilder sb = new StringBuilder();
      if (p.frame() > 0) {
        sb.append("frame ").append(p.frame());
        if (!p.timestamp().equals(Instant.EPOCH)) {
          sb.append(", ").append(p.timestamp());
        }
        sb.append(", ");
      }
      return sb.append(p.transport()).toString();
    }
  }
}
