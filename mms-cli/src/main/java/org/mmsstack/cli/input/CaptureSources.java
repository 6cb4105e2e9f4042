package org.mmsstack.cli.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mmsstack.capture.CaptureConfig;
import org.mmsstack.capture.CaptureFormat;
import org.mmsstack.capture.CaptureFormatException;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureResult;
import org.mmsstack.capture.CapturedPdu;
import org.mmsstack.encapsulation.Finding;

/**
 * The input sources beyond raw PDUs: hex dumps, connectionless WSP push PDUs and pcap/pcapng
 * captures (frame number and timestamp in each item's origin). This is the one place that
 * connects the capture reader to the commands.
 */
final class CaptureSources {

  private CaptureSources() {}

  /** The sources tried, in order, for a file that is not a raw PDU. */
  static List<InputSource> all() {
    return List.of(new Captures());
  }

  /** The items of one capture read: its PDUs as they were found, then its findings. */
  static void items(String fileName, CaptureResult r, Consumer<InputItem> out, boolean anyPdu) {
    for (Finding f : r.findings()) {
      out.accept(
          InputItem.defect(
              fileName,
              f.hasOffset() ? "offset " + f.offset() : null,
              f.severity(),
              f.code() + ": " + f.message()));
    }
    if (!anyPdu && r.findings().isEmpty()) {
      out.accept(
          InputItem.nothingFound(
              fileName, "no MMS PDU found (" + r.format().name().toLowerCase(Locale.ROOT) + ")"));
    }
  }

  /** The item of one PDU or MM4 mail found in a capture. */
  static InputItem item(String fileName, CapturedPdu p) {
    Instant time = p.timestamp().orElse(null);
    return InputItem.captured(
        fileName,
        () -> origin(p),
        p.frame(),
        time,
        p.dataBytes(),
        p.kind() == CapturedPdu.Kind.MM4_MAIL);
  }

  /** pcap, pcapng, WSP push files and hex text, through {@link CaptureReader#extract(byte[])}. */
  private static final class Captures implements InputSource {

    @Override
    public boolean accepts(String fileName, byte[] content) {
      return CaptureFormat.detect(content) != CaptureFormat.UNKNOWN;
    }

    @Override
    public List<InputItem> read(String fileName, byte[] content) {
      CaptureResult r;
      try {
        r = CaptureReader.extract(content, CaptureConfig.DEFAULT);
      } catch (CaptureFormatException e) {
        return List.of(InputItem.unrecognised(fileName, e.getMessage()));
      }
      List<InputItem> out = new ArrayList<>();
      for (CapturedPdu p : r.pdus()) {
        out.add(item(fileName, p));
      }
      items(fileName, r, out::add, !r.pdus().isEmpty());
      return out;
    }
  }

  private static String origin(CapturedPdu p) {
    StringBuilder sb = new StringBuilder();
    if (p.frame() > 0) {
      sb.append("frame ").append(p.frame());
      if (p.timestamp().isPresent()) {
        sb.append(", ").append(p.timestamp().get());
      }
      sb.append(", ");
    }
    return sb.append(p.description()).toString();
  }
}
