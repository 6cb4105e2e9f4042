package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/** Every malformed case gives Mm4FormatException with its reason and place; never anything unchecked. */
class MalformedTest {

  private static final String MULTI_HEAD = Fixtures.RES_HEAD + "MIME-Version: 1.0\n";

  private static Mm4FormatException fails(Mm4Config config, String mail) {
    return assertThrows(
        Mm4FormatException.class, () -> Mm4Codec.decode(Fixtures.mail(mail), config));
  }

  private static Mm4FormatException fails(String mail) {
    return fails(Mm4Config.DEFAULT, mail);
  }

  /** Lenient, bodies checked by decode. */
  private static final Mm4Config CHECKED = Mm4Config.DEFAULT.toBuilder().checkBodies(true).build();

  /**
   * A body that cannot be decoded: decode fails when it checks the bodies; by default decode
   * locates it and {@code checkData()} fails alike.
   */
  private static Mm4FormatException bodyFails(String mail) throws Mm4FormatException {
    Mm4FormatException e = fails(CHECKED, mail);
    Mm4Message m = Mm4Codec.decode(Fixtures.mail(mail));
    Mm4FormatException later = assertThrows(Mm4FormatException.class, m.content()::checkData);
    assertEquals(e.reason(), later.reason());
    assertEquals(e.line(), later.line());
    assertEquals(e.offset(), later.offset());
    return e;
  }

  /** The findings of decoding with the bodies checked, which checkData() gives by default. */
  private static Mm4Message decodeChecked(String mail) throws Mm4FormatException {
    Mm4Message m = Mm4Codec.decode(Fixtures.mail(mail), CHECKED);
    List<Finding> later = Mm4Codec.decode(Fixtures.mail(mail)).content().checkData();
    List<Finding> body =
        m.findings().stream()
            .filter(
                x ->
                    x.code().equals(Mm4FindingCodes.BAD_BASE64)
                        || x.code().equals(Mm4FindingCodes.TRUNCATED_BASE64)
                        || x.code().equals(Mm4FindingCodes.BAD_QUOTED_PRINTABLE))
            .toList();
    assertEquals(body.toString(), later.toString());
    return m;
  }

  @Test
  void continuationLineBeforeAnyHeader() {
    Mm4FormatException e = fails(" folded\n" + Fixtures.RES_HEAD + "\n");
    assertEquals(Mm4FormatException.Reason.BAD_FOLDING, e.reason());
    assertEquals(1, e.line());
    assertEquals(0, e.offset());
  }

  @Test
  void headerWithoutColon() {
    Mm4FormatException e = fails(Fixtures.RES_HEAD + "This line has no colon\n\n");
    assertEquals(Mm4FormatException.Reason.MISSING_COLON, e.reason());
    assertEquals(10, e.line());
    assertTrue(e.getMessage().contains("line 10"));
  }

  @Test
  void multipartWithoutBoundary() {
    Mm4FormatException e =
        fails(MULTI_HEAD + "Content-Type: multipart/mixed\n\n--x\n\nhi\n--x--\n");
    assertEquals(Mm4FormatException.Reason.MISSING_BOUNDARY, e.reason());
    assertEquals("Content-Type", e.header().orElseThrow());
  }

  @Test
  void multipartWithoutCloseDelimiter() {
    Mm4FormatException e =
        fails(MULTI_HEAD + "Content-Type: multipart/mixed; boundary=x\n\n--x\n\nhi\n");
    assertEquals(Mm4FormatException.Reason.UNTERMINATED_MULTIPART, e.reason());
  }

  @Test
  void multipartWhoseBoundaryNeverOccurs() {
    Mm4FormatException e =
        fails(MULTI_HEAD + "Content-Type: multipart/mixed; boundary=x\n\njust text\n");
    assertEquals(Mm4FormatException.Reason.EMPTY_MULTIPART, e.reason());
  }

  @Test
  void truncatedBase64() throws Exception {
    Mm4FormatException e =
        bodyFails(
            MULTI_HEAD
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
                + "Content-Transfer-Encoding: base64\n\nQUJDR\n--x--\n");
    assertEquals(Mm4FormatException.Reason.TRUNCATED_BASE64, e.reason());
  }

  @Test
  void unpaddedBase64IsAWarningLenientAndFatalStrict() throws Exception {
    String mail =
        MULTI_HEAD
            + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
            + "Content-Transfer-Encoding: base64\n\nQUJDRA\n--x--\n";
    Mm4Message m = decodeChecked(mail);
    assertEquals(
        "ABCD", new String(m.content().parts().get(0).dataBytes(), StandardCharsets.US_ASCII));
    assertTrue(
        m.findings().stream().anyMatch(x -> x.code().equals(Mm4FindingCodes.TRUNCATED_BASE64)));
    assertEquals(
        Mm4FormatException.Reason.TRUNCATED_BASE64, fails(Mm4Config.STRICT, mail).reason());
  }

  @Test
  void base64WithDataAfterPadding() throws Exception {
    Mm4FormatException e =
        bodyFails(
            MULTI_HEAD
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
                + "Content-Transfer-Encoding: base64\n\nQUI=QUJD\n--x--\n");
    assertEquals(Mm4FormatException.Reason.BAD_BASE64, e.reason());
  }

  @Test
  void brokenQuotedPrintableIsFatalOnlyWhenStrict() throws Exception {
    String mail =
        MULTI_HEAD
            + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
            + "Content-Transfer-Encoding: quoted-printable\n\na=ZZb\n--x--\n";
    assertEquals(
        Mm4FormatException.Reason.BAD_QUOTED_PRINTABLE, fails(Mm4Config.STRICT, mail).reason());
    Mm4Message m = Mm4Codec.decode(Fixtures.mail(mail));
    assertEquals("a=ZZb", m.content().parts().get(0).text());
  }

  @Test
  void aPartFullOfBytesOutsideTheBase64AlphabetGivesOneFindingWithTheirCount() throws Exception {
    // 2,000 lines of valid data each followed by 40 stray bytes: 80,000 of them. Line 16 is the
    // first data line.
    String mail =
        MULTI_HEAD
            + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
            + "Content-Transfer-Encoding: base64\n\n"
            + ("QUJD" + "*".repeat(40) + "\n").repeat(2000)
            + "--x--\n";
    Mm4Message m = decodeChecked(mail);
    assertEquals(
        "ABC".repeat(2000),
        new String(m.content().parts().get(0).dataBytes(), StandardCharsets.US_ASCII));
    List<Finding> bad =
        m.findings().stream().filter(x -> x.code().equals(Mm4FindingCodes.BAD_BASE64)).toList();
    assertEquals(1, bad.size());
    assertEquals(16, bad.get(0).line());
    assertEquals(
        "byte 0x2a outside the base64 alphabet ignored (79999 more in this part)",
        bad.get(0).message());
    Mm4FormatException e = fails(Mm4Config.STRICT, mail);
    assertEquals(Mm4FormatException.Reason.BAD_BASE64, e.reason());
    assertEquals(16, e.line());
  }

  @Test
  void aPartFullOfBrokenQuotedPrintableEscapesGivesOneFindingWithTheirCount() throws Exception {
    String mail =
        MULTI_HEAD
            + "Content-Type: multipart/mixed; boundary=x\n\n--x\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n"
            + "a=ZZb=Q\n".repeat(1000)
            + "--x--\n";
    Mm4Message m = decodeChecked(mail);
    assertEquals("a=ZZb=Q\r\n".repeat(999) + "a=ZZb=Q", m.content().parts().get(0).text());
    List<Finding> bad =
        m.findings().stream()
            .filter(x -> x.code().equals(Mm4FindingCodes.BAD_QUOTED_PRINTABLE))
            .toList();
    assertEquals(1, bad.size());
    assertEquals(16, bad.get(0).line());
    assertEquals(
        "'=' not followed by two hex digits; kept literally (1999 more in this part)",
        bad.get(0).message());
  }

  @Test
  void unknownOrMissingMessageType() {
    assertEquals(
        Mm4FormatException.Reason.UNKNOWN_MESSAGE_TYPE,
        fails(Fixtures.RES_HEAD.replace("MM4_forward.RES", "MM7_submit.REQ") + "\n").reason());
    assertEquals(
        Mm4FormatException.Reason.UNKNOWN_MESSAGE_TYPE,
        fails(Fixtures.RES_HEAD.replace("X-Mms-Message-Type: MM4_forward.RES\n", "") + "\n")
            .reason());
  }

  @Test
  void tooManyHeaders() {
    Mm4Config c = Mm4Config.builder().maxHeaders(5).build();
    Mm4FormatException e = fails(c, Fixtures.RES_HEAD + "\n");
    assertEquals(Mm4FormatException.Reason.LIMIT_EXCEEDED, e.reason());
    assertTrue(e.getMessage().contains("maxHeaders"));
    assertEquals(6, e.line());
  }

  @Test
  void lineTooLong() {
    Mm4FormatException e =
        fails(Mm4Config.STRICT, Fixtures.RES_HEAD + "X-Long: " + "a".repeat(1000) + "\n\n");
    assertEquals(Mm4FormatException.Reason.LIMIT_EXCEEDED, e.reason());
    assertTrue(e.getMessage().contains("maxLineLength"));
  }

  @Test
  void nestingTooDeep() {
    StringBuilder sb =
        new StringBuilder(MULTI_HEAD + "Content-Type: multipart/mixed; boundary=b0\n\n");
    int depth = 5;
    for (int i = 1; i <= depth; i++) {
      sb.append("--b")
          .append(i - 1)
          .append("\nContent-Type: multipart/mixed; boundary=b")
          .append(i)
          .append("\n\n");
    }
    sb.append("--b").append(depth).append("\n\nleaf\n");
    for (int i = depth; i >= 0; i--) {
      sb.append("--b").append(i).append("--\n");
    }
    Mm4Config c = Mm4Config.builder().maxNestingDepth(3).build();
    Mm4FormatException e = fails(c, sb.toString());
    assertEquals(Mm4FormatException.Reason.LIMIT_EXCEEDED, e.reason());
    assertTrue(e.getMessage().contains("maxNestingDepth"));
  }

  @Test
  void tooManyParts() {
    StringBuilder sb =
        new StringBuilder(MULTI_HEAD + "Content-Type: multipart/mixed; boundary=b\n\n");
    for (int i = 0; i < 20; i++) {
      sb.append("--b\n\npart ").append(i).append('\n');
    }
    sb.append("--b--\n");
    Mm4FormatException e = fails(Mm4Config.builder().maxParts(10).build(), sb.toString());
    assertEquals(Mm4FormatException.Reason.LIMIT_EXCEEDED, e.reason());
    assertTrue(e.getMessage().contains("maxParts"));
  }

  @Test
  void messageTooLargeFromArrayAndStream() {
    Mm4Config c = Mm4Config.builder().maxMessageSize(100).build();
    assertEquals(
        Mm4FormatException.Reason.LIMIT_EXCEEDED, fails(c, Fixtures.RES_HEAD + "\n").reason());
    // An endless stream fails once the limit is passed instead of being buffered.
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }
        };
    Mm4FormatException e =
        assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(endless, c));
    assertEquals(Mm4FormatException.Reason.LIMIT_EXCEEDED, e.reason());
  }

  @Test
  void truncationAnywhereNeverThrowsUnchecked() throws Exception {
    byte[] full = Mm4Codec.encode(Fixtures.fullForwardReq().build());
    for (int n = 0; n < full.length; n += 7) {
      byte[] cut = java.util.Arrays.copyOf(full, n);
      try {
        Mm4Codec.decode(new ByteArrayInputStream(cut));
      } catch (Mm4FormatException expected) {
        // fine: a typed, checked failure
      }
    }
  }
}
