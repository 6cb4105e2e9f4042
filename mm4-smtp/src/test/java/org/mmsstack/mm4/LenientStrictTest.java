package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/** One parse path: lenient records what strict rejects. */
class LenientStrictTest {

  private static final String BODY = Fixtures.RES_HEAD + "\n";

  private static byte[] capture() {
    String s = "\uFEFF" + BODY + ".\nQUIT\n221 bye\n";
    return s.getBytes(StandardCharsets.UTF_8); // LF line ends, as captures are stored
  }

  @Test
  void lenientSaysWhatItSkipped() throws Exception {
    Mm4Message m = Mm4Codec.decode(capture());
    assertEquals(Mm4MessageType.FORWARD_RES, m.messageType());
    List<String> r = m.findings().stream().map(Finding::code).collect(Collectors.toList());
    assertEquals(
        List.of(
            Mm4FindingCodes.BYTE_ORDER_MARK,
            Mm4FindingCodes.TRAILING_DATA,
            Mm4FindingCodes.BARE_LINE_FEED),
        r);
    Finding trailing = m.findings().get(1);
    assertEquals(11, trailing.line());
    assertEquals(capture().length - ".\nQUIT\n221 bye\n".length(), trailing.offset());
    // What strict decoding rejects is an ERROR, as for PDUs.
    assertEquals(Severity.ERROR, trailing.severity());
    assertEquals(Mm4FormatException.Reason.TRAILING_DATA.code(), trailing.code());
  }

  @Test
  void strictReportsEachAsAnException() {
    byte[] bom = ("\uFEFF" + BODY).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(Mm4FormatException.Reason.BYTE_ORDER_MARK, strictFails(bom).reason());
    byte[] lf = BODY.getBytes(StandardCharsets.UTF_8);
    Mm4FormatException e = strictFails(lf);
    assertEquals(Mm4FormatException.Reason.BARE_LINE_FEED, e.reason());
    assertEquals(1, e.line());
    byte[] dialogue =
        (BODY + ".\nQUIT\n221 bye\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(Mm4FormatException.Reason.TRAILING_DATA, strictFails(dialogue).reason());
  }

  @Test
  void strictIsTheConfigsOneSwitchAndThrowsOnlyAtErrors() throws Exception {
    assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(capture(), Mm4Config.STRICT));
    Mm4Config strictWithDefaultLimits = Mm4Config.DEFAULT.toBuilder().strict(true).build();
    assertThrows(
        Mm4FormatException.class, () -> Mm4Codec.decode(capture(), strictWithDefaultLimits));
    // A bad optional value is a warning: strict decoding records it and goes on.
    byte[] warned = Fixtures.mail(Fixtures.RES_HEAD + "X-Mms-Priority: Urgent\n\n");
    Mm4Message m = Mm4Codec.decode(warned, Mm4Config.STRICT);
    assertTrue(
        m.findings().stream()
            .anyMatch(
                f ->
                    f.severity() == Severity.WARNING
                        && f.code().equals(Mm4FindingCodes.INVALID_VALUE)
                        && f.header().orElseThrow().equals("X-Mms-Priority")
                        && f.line() == 10));
  }

  @Test
  void dotLineInsideContentIsNotDialogue() throws Exception {
    byte[] in =
        Fixtures.mail(Fixtures.RES_HEAD + "Content-Type: text/plain\n\nfirst\n.\nlast line\n");
    Mm4Message m = Mm4Codec.decode(in, Mm4Config.STRICT);
    assertTrue(m.findings().isEmpty(), m.findings()::toString);
    assertEquals("first\r\n.\r\nlast line\r\n", m.content().text());
  }

  @Test
  void strictRejectsValidationErrorsLenientReportsThem() throws Exception {
    byte[] in =
        Fixtures.mail(
            Fixtures.RES_HEAD.replace(
                    "X-Mms-Request-Status-Code: Ok\n", "X-Mms-Request-Status-Code: Maybe\n")
                + "\n");
    Mm4FormatException e = strictFails(in);
    assertEquals(Mm4FormatException.Reason.INVALID_VALUE, e.reason());
    assertEquals("X-Mms-Request-Status-Code", e.header().orElseThrow());
    assertEquals(9, e.line());
    Mm4ForwardRes m = (Mm4ForwardRes) Mm4Codec.decode(in);
    assertTrue(m.requestStatusCode().isEmpty());
    assertEquals("Maybe", m.header("x-mms-request-status-code").orElseThrow());
    assertTrue(
        m.findings().stream()
            .anyMatch(
                f ->
                    f.severity() == Severity.ERROR
                        && f.line() == 9
                        && f.code().equals(Mm4FindingCodes.INVALID_VALUE)));
  }

  private static Mm4FormatException strictFails(byte[] in) {
    return assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(in, Mm4Config.STRICT));
  }
}
