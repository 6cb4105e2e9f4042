package org.mmsstack.cli.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureResult;
import org.mmsstack.capture.CaptureWriter;
import org.mmsstack.capture.CapturedPdu;

/** The sample exchange reads back as the PDUs it was written from, in every container format. */
class SampleCaptureTest {

  private static byte[] pdu(int type, int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    b[0] = (byte) 0x8C;
    b[1] = (byte) type;
    return b;
  }

  @Test
  void sampleCaptureRoundTrips() throws IOException {
    List<byte[]> pdus =
        List.of(
            pdu(0x82, 120, 30),
            pdu(0x84, 5000, 31),
            pdu(0x83, 30, 32),
            pdu(0x80, 3500, 33),
            pdu(0x81, 40, 34),
            pdu(0x86, 70, 35),
            pdu(0x85, 25, 36));
    for (CaptureWriter.Format format : CaptureWriter.Format.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SampleCapture.writeSample(out, format, pdus);
      CaptureResult r = CaptureReader.read(out.toByteArray());
      assertEquals(List.of(), r.findings(), format.toString());
      assertEquals(pdus.size(), r.pdus().size(), format.toString());
      for (int i = 0; i < pdus.size(); i++) {
        assertArrayEquals(pdus.get(i), r.pdus().get(i).dataBytes(), format + " pdu " + i);
      }
      assertEquals(CapturedPdu.Transport.WSP, r.pdus().get(0).transport());
      assertTrue(r.pdus().get(1).description().startsWith("HTTP 200 response to GET /mms/1 "));
      assertTrue(r.pdus().get(3).description().startsWith("HTTP POST /mms 10.20.30.40:49152"));
      assertTrue(r.pdus().get(4).description().startsWith("HTTP 200 response to POST /mms"));
      assertEquals(1, r.stats().tcpConnections());
    }
  }
}
