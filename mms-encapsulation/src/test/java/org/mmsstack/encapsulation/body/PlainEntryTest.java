package org.mmsstack.encapsulation.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.internal.wire.Findings;
import org.mmsstack.encapsulation.internal.wire.WspReader;

/**
 * The multipart decoder's plain part headers against the full
 * reader: whatever the plain path accepts, the full reader accepts without a finding, reading
 * the same octets.
 */
class PlainEntryTest {

  private static final byte[] ALPHABET =
      HexFormat.ofDelimiter(" ")
          .parseHex("00 01 02 03 05 1E 1F 20 22 3C 3E 41" + " 7E 7F 80 81 83 85 8E AE C0 C5 FF");
  private static final int MAX_TEXT = 12;

  @Test
  void plainPartHeadersAreWhatTheFullReaderAcceptsSilently() {
    Random random = new Random(11);
    int plain = 0;
    for (int n = 0; n < 2_000_000; n++) {
      byte[] in = new byte[1 + random.nextInt(16)];
      for (int k = 0; k < in.length; k++) {
        in[k] =
            random.nextInt(4) == 0
                ? (byte) random.nextInt(256)
                : ALPHABET[random.nextInt(ALPHABET.length)];
      }
      if (!BodyCodec.plainPartHeaders(in, 0, in.length, MAX_TEXT)) {
        continue;
      }
      plain++;
      Findings findings = new Findings(true);
      WspReader r = new WspReader(in, 0, in.length);
      try {
        BodyCodec.scanHeaders(r, findings, MAX_TEXT);
      } catch (PduFormatException | RuntimeException e) {
        fail(HexFormat.ofDelimiter(" ").formatHex(in) + ": plain, but the full reader says " + e);
      }
      assertEquals(List.of(), findings.toList(), HexFormat.ofDelimiter(" ").formatHex(in));
      assertEquals(in.length, r.index());
    }
    assertTrue(plain > 10_000, "only " + plain + " plain header blocks generated");
  }
}
