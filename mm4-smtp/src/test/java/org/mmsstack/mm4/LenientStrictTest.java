package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One parse path: lenient records what strict rejects. */
class LenientStrictTest {

  private static final String BODY = Fixtures.RES_HEAD + "\n";

  private static byte[] capture() {
    String s = "\uFEFF" + BODY + ".\nQUIT\n221 bye\n";
    return s.getBytes(StandardCharsets.UTF_8); // LF line ends, as captures are stored
  }

  @Test
  void lenientSaysWhatItSkipped() throws Exception {
    Mm4Findings f = Mm4Findings.lenient();
    Mm4Message m = Mm4Codec.create().parse(capture(), f);
    assertEquals(Mm4MessageType.FORWARD_RES, m.messageType());
    List<Mm4FormatException.Reason> r = f.list().stream().map(Mm4Finding::reason).collect(Collectors.toList());
    assertEquals(List.of(Mm4FormatException.Reason.BYTE_ORDER_MARK, Mm4FormatException.Reason.TRAILING_DATA,
        Mm4FormatException.Reason.BARE_LINE_FEED), r);
    Mm4Finding trailing = f.list().get(1);
    assertEquals(11, trailing.line());
    assertEquals(capture().length - ".\nQUIT\n221 bye\n".length(), trailing.offset());
    assertEquals(Mm4Finding.Severity.WARNING, trailing.severity());
  }

  @Test
  void strictReportsEachAsAnException() {
    byte[] bom = ("\uFEFF" + BODY).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(Mm4FormatException.Reason.BYTE_ORDER_MARK, strictFails(bom).reason());
    byte[] lf = BODY.getBytes(StandardCharsets.UTF_8);
    Mm4FormatException e = strictFails(lf);
    assertEquals(Mm4FormatException.Reason.BARE_LINE_FEED, e.reason());
    assertEquals(1, e.line());
    byte[] dialogue = (BODY + ".\nQUIT\n221 bye\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(Mm4FormatException.Reason.TRAILING_DATA, strictFails(dialogue).reason());
  }

  @Test
  void aStrictCollectorMakesALenientCodecStrict() {
    assertThrows(Mm4FormatException.class, () -> Mm4Codec.create().parse(capture(), Mm4Findings.strict()));
  }

  @Test
  void dotLineInsideContentIsNotDialogue() throws Exception {
    byte[] in = Fixtures.mail(Fixtures.RES_HEAD + "Content-Type: text/plain\n\nfirst\n.\nlast line\n");
    Mm4Findings f = Mm4Findings.strict();
    Mm4Message m = Mm4Codec.create(Mm4Config.STRICT).parse(in, f);
    assertEquals("first\r\n.\r\nlast line\r\n", m.content().text());
  }

  @Test
  void strictRejectsValidationErrorsLenientReportsThem() throws Exception {
    byte[] in = Fixtures.mail(Fixtures.RES_HEAD.replace("X-Mms-Request-Status-Code: Ok\n",
        "X-Mms-Request-Status-Code: Maybe\n") + "\n");
    Mm4FormatException e = strictFails(in);
    assertEquals(Mm4FormatException.Reason.INVALID_VALUE, e.reason());
    assertEquals("X-Mms-Request-Status-Code", e.header().orElseThrow());
    assertEquals(9, e.line());
    Mm4Findings f = Mm4Findings.lenient();
    Mm4ForwardRes m = (Mm4ForwardRes) Mm4Codec.create().parse(in, f);
    assertTrue(m.requestStatusCode().isEmpty());
    assertEquals("Maybe", m.header("x-mms-request-status-code").orElseThrow());
    assertTrue(f.hasErrors());
  }

  private static Mm4FormatException strictFails(byte[] in) {
    return assertThrows(Mm4FormatException.class, () -> Mm4Codec.create(Mm4Config.STRICT).parse(in));
  }
}
