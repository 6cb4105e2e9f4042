package org.mmsstack.cli.input;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.encapsulation.Finding;

/**
 * Fuzzes input recognition and the MM4 path: whatever the bytes, {@link Inputs} gives items and
 * the checker gives a result, never an unchecked exception, and never the finding the checker
 * makes of one the MM4 parser threw. In the normal build Jazzer runs the stored inputs only
 * (regression mode: an MM4 mail, a PDU with routing fields, a hex dump, text that starts like a
 * header, under src/test/resources/.../InputRecognitionFuzzTestInputs); {@code JAZZER_FUZZ=1}
 * fuzzes for real.
 */
class InputRecognitionFuzzTest {

  private static final byte[] MAIL_HEAD =
      ("X-Mms-Message-Type: MM4_forward.REQ\r\nX-Mms-Routing-Version: 1\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  @FuzzTest(maxDuration = "60s")
  void recognisesAndChecksAnyBytesWithoutUncheckedExceptions(byte[] data) {
    readAndCheck(data);
    // Again behind a header field, so that mutations reach the MM4 parser and the routing fields.
    byte[] mail = new byte[MAIL_HEAD.length + data.length];
    System.arraycopy(MAIL_HEAD, 0, mail, 0, MAIL_HEAD.length);
    System.arraycopy(data, 0, mail, MAIL_HEAD.length, data.length);
    readAndCheck(mail);
  }

  private static void readAndCheck(byte[] data) {
    for (InputItem item : Inputs.standard().read("fuzz", data)) {
      if (item.pdu() != null) {
        for (Finding f : Checker.standard().check(item).findings()) {
          assertNotEquals(Checker.UNDECODABLE_INTERNAL, f.code(), f::toString);
        }
      }
    }
  }
}
