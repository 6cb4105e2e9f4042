package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmsstack.capture.TestCaptures.concat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

class WspPushCodecTest {

  @Test
  void everyCorpusPushDecodesToAnMmsNotification() throws IOException {
    Path dir = TestCaptures.corpus("wsp-push");
    List<Path> files = TestCaptures.files(dir);
    assertFalse(files.isEmpty(), "no files under " + dir);
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      assertEquals(CaptureFormat.WSP_PUSH, CaptureFormat.detect(b), f.toString());
      WspPush p = WspPushCodec.decode(b);
      assertTrue(p.isMmsMessage(), f + ": " + p);
      byte[] body = p.body();
      assertTrue(body.length > 2, f.toString());
      assertEquals((byte) 0x8C, body[0], f.toString());
      assertEquals((byte) 0x82, body[1], f + " m-notification-ind");
      assertEquals(b.length, 2 + uintvarLength(b) + p.headers().length + body.length);
      // Encoding gives the push back exactly, a declared Headers-Length that disagrees included.
      assertArrayEquals(b, WspPushCodec.encode(p), f.toString());
      // The MMS body of a push is a PDU of its own; when the corpus keeps it, it must match.
      for (org.mmsstack.encapsulation.Finding finding : p.findings()) {
        assertEquals(
            CaptureFindingCodes.WSP_HEADERS_LENGTH_INCONSISTENT, finding.code(), f.toString());
      }
    }
  }

  @Test
  void corpusPushBodiesMatchTheCorpusPdus() throws IOException {
    Path pushes = TestCaptures.corpus("wsp-push");
    Path pdus = TestCaptures.corpus("pdus");
    // file names as index.tsv pairs them: pushbody-<push name>.mms or the mmsd inline arrays
    Object[][] pairs = {
      {"mmsd/inline-push1.wsp", "mmsd/inline-notify-ind-1.mms"},
      {"mmsd/inline-push2.wsp", "mmsd/inline-notify-ind-2.mms"},
      {"nuntium/m-notification.ind_success", "nuntium/pushbody-m-notification.ind_success.mms"},
      {
        "python-messaging/inline-test_wap-TestSmsWapPush-data.wsp",
        "python-messaging/pushbody-test_wap-TestSmsWapPush-data.mms"
      },
    };
    for (Object[] pair : pairs) {
      Path push = pushes.resolve((String) pair[0]);
      Path pdu = pdus.resolve((String) pair[1]);
      if (Files.exists(push) && Files.exists(pdu)) {
        assertArrayEquals(
            Files.readAllBytes(pdu),
            WspPushCodec.decode(Files.readAllBytes(push)).body(),
            push.toString());
      }
    }
  }

  @Test
  void aospPushWithHeadersLengthZeroIsRecoveredWithAFinding() throws IOException {
    Path f =
        TestCaptures.corpus("wsp-push")
            .resolve("aosp-telephony/inline-testDispatchWapPduFromBlockedNumber.wsp");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(f), f + " absent");
    WspPush p = WspPushCodec.decode(Files.readAllBytes(f));
    assertEquals(0, p.headersLength());
    assertEquals(1, p.findings().size());
    assertEquals(CaptureFindingCodes.WSP_HEADERS_LENGTH_INCONSISTENT, p.findings().get(0).code());
    assertEquals(2, p.findings().get(0).offset());
    // Sent as text, not as the well-known number.
    assertEquals(-1, p.contentType().mediaType().code());
    assertEquals("application/vnd.wap.mms-message", p.contentType().mediaType().name());
    assertEquals(32, p.headers().length); // the text and its NUL
    assertEquals((byte) 0x8C, p.body()[0]);
  }

  @Test
  void decodesShortGeneralAndTextContentTypes() throws CaptureFormatException {
    byte[] body = {(byte) 0x8C, (byte) 0x82, 0x01};
    WspPush shortForm = WspPushCodec.decode(concat(new byte[] {9, 7, 1, (byte) 0xBE}, body));
    assertTrue(shortForm.isConfirmed());
    assertEquals(MediaType.MMS_MESSAGE, shortForm.contentType().mediaType());
    assertArrayEquals(body, shortForm.body());
    assertEquals(List.of(), shortForm.findings());

    // general form: Value-length 3, media 0xBE, parameter charset (0x81) utf-8 (0xEA)
    WspPush general =
        WspPushCodec.decode(
            concat(new byte[] {1, 6, 4, 3, (byte) 0xBE, (byte) 0x81, (byte) 0xEA}, body));
    assertTrue(general.isMmsMessage());
    // The codec's reader decodes the parameters too.
    assertEquals(
        ContentType.of(MediaType.MMS_MESSAGE).withParameter("charset", CharacterSet.UTF_8),
        general.contentType());
    assertEquals(4, general.headers().length);
    assertArrayEquals(body, general.body());

    // general form with a text media type and Length-quote
    byte[] media = "Application/Vnd.Wap.Mms-Message\0".getBytes(StandardCharsets.US_ASCII);
    WspPush quoted =
        WspPushCodec.decode(
            concat(
                new byte[] {1, 6, (byte) (media.length + 2), 0x1F, (byte) media.length},
                media,
                body));
    assertTrue(quoted.isMmsMessage());
    assertArrayEquals(body, quoted.body());

    // another content type (SI) is decoded but is not MMS
    WspPush si = WspPushCodec.decode(new byte[] {1, 6, 1, (byte) 0xAE, 0x02});
    assertFalse(si.isMmsMessage());
    assertEquals("application/vnd.wap.sic", si.contentType().mediaType().name());

    // a non-minimal uintvar Headers-Length (80 83) is accepted
    WspPush nonMinimal =
        WspPushCodec.decode(
            concat(new byte[] {1, 6, (byte) 0x80, 3, (byte) 0xBE, (byte) 0xAF, (byte) 0x84}, body));
    assertArrayEquals(body, nonMinimal.body());
  }

  @Test
  void truncatedHeadersGiveAnEmptyBodyAndAFinding() throws CaptureFormatException {
    WspPush p = WspPushCodec.decode(new byte[] {1, 6, 10, (byte) 0xBE, (byte) 0xAF});
    assertEquals(0, p.body().length);
    assertEquals(CaptureFindingCodes.WSP_MALFORMED, p.findings().get(0).code());
  }

  @Test
  void rejectsWhatIsNotAPushNamingTheOffset() {
    assertOffset(1, new byte[] {1, 0x04, 0, 0});
    assertOffset(
        2, new byte[] {1, 6, (byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81, 1});
    assertOffset(2, new byte[] {1, 6, (byte) 0x81});
    assertOffset(3, new byte[] {1, 6, 5});
    assertOffset(2, new byte[] {1, 6});
    assertOffset(3, new byte[] {1, 6, 4, 'a', 'b', 'c'});
    assertOffset(3, new byte[] {1, 6, 4, 9, (byte) 0xBE});
    // A general form whose media type the codec's reader refuses (a Long-integer of 5 octets in a
    // Value-length of 2): the offset is where the reader stopped, in the push.
    assertOffset(4, new byte[] {1, 6, 3, 2, 5, 1});
  }

  @Test
  void aBrokenParameterKeepsTheMediaTypeWithAFinding() throws CaptureFormatException {
    // Value-length 2: the MMS media type, then charset (0x81) without its value. The notification
    // behind it is kept, with the media type alone.
    byte[] body = {(byte) 0x8C, (byte) 0x82, 0x01};
    WspPush p =
        WspPushCodec.decode(concat(new byte[] {1, 6, 3, 2, (byte) 0xBE, (byte) 0x81}, body));
    assertTrue(p.isMmsMessage());
    assertEquals(ContentType.of(MediaType.MMS_MESSAGE), p.contentType());
    assertArrayEquals(body, p.body());
    assertEquals(1, p.findings().size(), p::toString);
    assertEquals(CaptureFindingCodes.WSP_MALFORMED, p.findings().get(0).code());
    assertEquals(6, p.findings().get(0).offset());
    assertEquals("Content-Type", p.findings().get(0).header().orElseThrow());
    // The same with a textual media type in a Length-quoted Value-length.
    byte[] media = "application/vnd.wap.mms-message\0".getBytes(StandardCharsets.US_ASCII);
    WspPush t =
        WspPushCodec.decode(
            concat(
                new byte[] {1, 6, (byte) (media.length + 3), 0x1F, (byte) (media.length + 1)},
                media,
                new byte[] {(byte) 0x81},
                body));
    assertTrue(t.isMmsMessage());
    assertArrayEquals(body, t.body());
    assertEquals(CaptureFindingCodes.WSP_MALFORMED, t.findings().get(0).code());
  }

  @Test
  void encodesWhatItIsGiven() throws CaptureFormatException {
    byte[] body = {(byte) 0x8C, (byte) 0x82, 0x01};
    // A non-minimal Headers-Length (80 83) is written minimal: the only change.
    WspPush p =
        WspPushCodec.decode(
            concat(new byte[] {1, 6, (byte) 0x80, 3, (byte) 0xBE, (byte) 0xAF, (byte) 0x84}, body));
    assertArrayEquals(
        concat(new byte[] {1, 6, 3, (byte) 0xBE, (byte) 0xAF, (byte) 0x84}, body),
        WspPushCodec.encode(p));
    WspPush built =
        new WspPush(
            300,
            WspPush.PUSH,
            1,
            ContentType.of(MediaType.MMS_MESSAGE),
            new byte[1],
            body,
            List.of());
    assertThrows(IllegalArgumentException.class, () -> WspPushCodec.encode(built));
    assertThrows(NullPointerException.class, () -> WspPushCodec.encode(null));
  }

  @Test
  void anEmptyMediaTextIsAPushThatIsNotMms() throws CaptureFormatException {
    // 0x00 opens an empty Extension-media, which the codec's reader accepts, as in a PDU.
    WspPush p = WspPushCodec.decode(new byte[] {1, 6, 4, 0, (byte) 0xBE});
    assertEquals("", p.contentType().mediaType().name());
    assertFalse(p.isMmsMessage());
  }

  private static void assertOffset(long offset, byte[] b) {
    CaptureFormatException e =
        assertThrows(CaptureFormatException.class, () -> WspPushCodec.decode(b));
    assertEquals(CaptureFormatException.Reason.NOT_A_WSP_PUSH, e.reason());
    assertEquals(offset, e.offset(), e.getMessage());
  }

  @Test
  void leavesTheInputUnchanged() throws CaptureFormatException {
    byte[] b = {1, 6, 1, (byte) 0xBE, (byte) 0x8C, (byte) 0x82};
    byte[] copy = b.clone();
    WspPush p = WspPushCodec.decode(b);
    assertArrayEquals(copy, b);
    p.body()[0] = 0;
    assertEquals((byte) 0x8C, p.body()[0]);
    assertEquals(p, WspPushCodec.decode(copy));
  }

  private static int uintvarLength(byte[] b) {
    int i = 2;
    while ((b[i] & 0x80) != 0) {
      i++;
    }
    return i - 1;
  }
}
