package org.mmsstack.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the capture reader. In the normal build Jazzer runs the stored inputs only (regression
 * mode); {@code JAZZER_FUZZ=1} fuzzes for real. Any unchecked exception or hang is a bug.
 */
class CaptureReaderFuzzTest {
  private static final CaptureConfig TIGHT =
      CaptureConfig.DEFAULT.toBuilder()
          .maxStreamBytes(4096)
          .maxTotalStreamBytes(16_384)
          .maxFrameBytes(8192)
          .maxBlockBytes(16_384)
          .maxFragmentBytes(8192)
          .maxFindings(50)
          .maxTcpConnections(16)
          .build();

  @FuzzTest(maxDuration = "60s")
  void readsAnyBytesWithoutUncheckedExceptions(byte[] data) {
    for (CaptureConfig config : List.of(CaptureConfig.DEFAULT, TIGHT)) {
      try {
        CaptureReader.extract(data, config);
      } catch (CaptureFormatException e) {
        // not a capture at all: the one allowed outcome besides a result
      }
    }
    // A push is its octets: what decodes encodes back exactly, and decodes again to an equal
    // push; its views and copies read without exceptions.
    try {
      WspPush push = WspPushCodec.decode(data);
      byte[] again = WspPushCodec.encode(push);
      if (!Arrays.equals(data, again) || !push.equals(WspPushCodec.decode(again))) {
        throw new AssertionError("push does not round-trip: " + push);
      }
      if (push.dataOffset() + push.dataSize() != data.length
          || push.headers().remaining() > push.dataOffset()
          || push.dataBytes().length != push.data().remaining()
          || push.toString().isEmpty()) {
        throw new AssertionError("push views disagree: " + push);
      }
    } catch (CaptureFormatException e) {
      // not a push
    }
    // The pcap and pcapng paths again with a valid magic, so mutations reach the frame code.
    for (byte[] magic :
        List.of(
            new byte[] {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1},
            new byte[] {0x0A, 0x0D, 0x0D, 0x0A})) {
      byte[] b = new byte[magic.length + data.length];
      System.arraycopy(magic, 0, b, 0, magic.length);
      System.arraycopy(data, 0, b, magic.length, data.length);
      try {
        CaptureReader.read(b, TIGHT);
      } catch (CaptureFormatException e) {
        // pcapng without a byte-order magic
      }
    }
  }
}
