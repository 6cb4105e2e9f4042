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
      WspPush reread = WspPushCodec.decode(again);
      // Equal by octets is sound only if the reading is a function of them.
      if (!Arrays.equals(data, again)
          || !push.contentType().equals(reread.contentType())
          || !push.findings().equals(reread.findings())
          || push.headersLength() != reread.headersLength()
          || !push.headers().equals(reread.headers())) {
        throw new AssertionError("push does not round-trip: " + push);
      }
      // The Content-Type starts where the Headers-Length's uintvar ends (TID, type, its octets).
      int lengthEnd = 2;
      while ((data[lengthEnd] & 0x80) != 0) {
        lengthEnd++;
      }
      if (push.dataOffset() + push.dataSize() != data.length
          || push.dataOffset() <= lengthEnd + 1 // a Content-Type at least
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
