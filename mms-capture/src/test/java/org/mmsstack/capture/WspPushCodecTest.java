package org.mmsstack.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmsstack.capture.TestCaptures.concat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.RawValue;

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
      byte[] body = p.dataBytes();
      assertTrue(body.length > 2, f.toString());
      assertEquals((byte) 0x8C, body[0], f.toString());
      assertEquals((byte) 0x82, body[1], f + " m-notification-ind");
      assertEquals(b.length, p.dataOffset() + body.length);
      assertTrue(p.dataOffset() >= 2 + uintvarLength(b) + 1, f.toString()); // a Content-Type
      // Every corpus push names its application: X-Wap-Application-Id x-wap-application:mms.ua.
      if (!p.headers().isEmpty()) {
        assertEquals(MMS_UA, p.headers().get(0), f.toString());
      }
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
            WspPushCodec.decode(Files.readAllBytes(push)).dataBytes(),
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
    assertEquals(2 + 1 + 32, p.dataOffset()); // the text and its NUL, then the data
    assertEquals(List.of(), p.headers());
    assertEquals((byte) 0x8C, p.dataBytes()[0]);
  }

  @Test
  void decodesShortGeneralAndTextContentTypes() throws CaptureFormatException {
    byte[] body = {(byte) 0x8C, (byte) 0x82, 0x01};
    WspPush shortForm = WspPushCodec.decode(concat(new byte[] {9, 7, 1, (byte) 0xBE}, body));
    assertTrue(shortForm.isConfirmed());
    assertEquals(MediaType.MMS_MESSAGE, shortForm.contentType().mediaType());
    assertArrayEquals(body, shortForm.dataBytes());
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
    assertEquals(List.of(), general.headers());
    assertEquals(3 + 4, general.dataOffset());
    assertArrayEquals(body, general.dataBytes());

    // general form with a text media type and Length-quote
    byte[] media = "Application/Vnd.Wap.Mms-Message\0".getBytes(StandardCharsets.US_ASCII);
    WspPush quoted =
        WspPushCodec.decode(
            concat(
                new byte[] {1, 6, (byte) (media.length + 2), 0x1F, (byte) media.length},
                media,
                body));
    assertTrue(quoted.isMmsMessage());
    assertArrayEquals(body, quoted.dataBytes());

    // another content type (SI) is decoded but is not MMS
    WspPush si = WspPushCodec.decode(new byte[] {1, 6, 1, (byte) 0xAE, 0x02});
    assertFalse(si.isMmsMessage());
    assertEquals("application/vnd.wap.sic", si.contentType().mediaType().name());

    // a non-minimal uintvar Headers-Length (80 83) is accepted
    WspPush nonMinimal =
        WspPushCodec.decode(
            concat(new byte[] {1, 6, (byte) 0x80, 3, (byte) 0xBE, (byte) 0xAF, (byte) 0x84}, body));
    assertArrayEquals(body, nonMinimal.dataBytes());
    assertEquals(List.of(MMS_UA), nonMinimal.headers());
  }

  /** X-Wap-Application-Id: x-wap-application:mms.ua, the push application id 4. */
  private static final PartHeader MMS_UA =
      PartHeader.raw(0x2F, RawValue.of(new byte[] {(byte) 0x84}));

  @Test
  void readsTheHeadersAfterTheContentType() throws CaptureFormatException {
    byte[] pdu = {(byte) 0x8C, (byte) 0x82};
    // Application id, then a textual header.
    byte[] headers =
        concat(
            new byte[] {(byte) 0xBE, (byte) 0xAF, (byte) 0x84},
            "X-Note\0hi\0".getBytes(StandardCharsets.US_ASCII));
    WspPush p = WspPushCodec.decode(concat(new byte[] {1, 6, (byte) headers.length}, headers, pdu));
    assertEquals(List.of(MMS_UA, PartHeader.text("X-Note", "hi")), p.headers());
    assertEquals("X-Wap-Application-Id", p.headers().get(0).name());
    assertEquals(List.of(), p.findings());
    assertEquals(p, WspPush.of(1, WspPush.PUSH, headers, pdu));
    assertEquals(p.headers(), WspPush.of(1, WspPush.PUSH, headers, pdu).headers());

    // Headers that cannot be read (a textual name without its value): kept as a push, with a
    // finding at the octet where reading stopped, the data where the Headers-Length puts it.
    byte[] broken = {(byte) 0xBE, 'X', 0};
    WspPush q = WspPushCodec.decode(concat(new byte[] {1, 6, 3}, broken, pdu));
    assertEquals(List.of(), q.headers());
    assertEquals(1, q.findings().size());
    assertEquals(CaptureFindingCodes.WSP_MALFORMED, q.findings().get(0).code());
    assertTrue(q.findings().get(0).offset() >= 4, q.findings().toString());
    assertArrayEquals(pdu, q.dataBytes());
    assertTrue(q.isMmsMessage());
    assertThrows(IllegalArgumentException.class, () -> WspPush.of(1, WspPush.PUSH, broken, pdu));
  }

  @Test
  void truncatedHeadersGiveAnEmptyBodyAndAFinding() throws CaptureFormatException {
    WspPush p = WspPushCodec.decode(new byte[] {1, 6, 10, (byte) 0xBE, (byte) 0xAF});
    assertEquals(0, p.dataBytes().length);
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
    assertArrayEquals(body, p.dataBytes());
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
    assertArrayEquals(body, t.dataBytes());
    assertEquals(CaptureFindingCodes.WSP_MALFORMED, t.findings().get(0).code());
  }

  @Test
  void encodesToItsOctets() throws IOException {
    byte[] body = {(byte) 0x8C, (byte) 0x82, 0x01};
    // A non-minimal Headers-Length (80 83) stays as it came: a push is its octets.
    byte[] nonMinimal =
        concat(new byte[] {1, 6, (byte) 0x80, 3, (byte) 0xBE, (byte) 0xAF, (byte) 0x84}, body);
    WspPush p = WspPushCodec.decode(nonMinimal);
    assertArrayEquals(nonMinimal, WspPushCodec.encode(p));
    assertEquals(7, p.dataOffset()); // TID, type, two length octets, three header octets
    assertThrows(NullPointerException.class, () -> WspPushCodec.encode(null));
    // To a stream: the same octets after what it holds, the stream neither flushed nor closed.
    boolean[] flushedOrClosed = {false};
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void flush() {
            flushedOrClosed[0] = true;
          }

          @Override
          public void close() {
            flushedOrClosed[0] = true;
          }
        };
    out.write(0x55);
    WspPushCodec.encode(p, out);
    assertArrayEquals(concat(new byte[] {0x55}, nonMinimal), out.toByteArray());
    assertFalse(flushedOrClosed[0]);
    assertThrows(NullPointerException.class, () -> WspPushCodec.encode(p, null));
    assertThrows(NullPointerException.class, () -> WspPushCodec.encode(null, out));
  }

  @Test
  void madePushesEncodeAndDecodeBack() throws CaptureFormatException {
    byte[] pdu = {(byte) 0x8C, (byte) 0x82, (byte) 0x98, 'x', 0};
    WspPush mms = WspPush.mms(7, pdu);
    byte[] wire = WspPushCodec.encode(mms);
    assertArrayEquals(
        concat(new byte[] {7, 6, 3, (byte) 0xBE, (byte) 0xAF, (byte) 0x84}, pdu), wire);
    WspPush back = WspPushCodec.decode(wire);
    assertEquals(mms, back);
    assertEquals(mms.hashCode(), back.hashCode());
    assertEquals(ContentType.of(MediaType.MMS_MESSAGE), back.contentType());
    assertTrue(back.isMmsMessage());
    assertTrue(back.findings().isEmpty());
    assertArrayEquals(pdu, back.dataBytes());

    // A confirmed push of a text Content-Type with a parameter, 130 octets of headers (a
    // two-octet Headers-Length), the content read back as given.
    byte[] ct =
        concat(
            concat(new byte[] {0x0D}, "text/plain\0".getBytes(StandardCharsets.US_ASCII)),
            new byte[] {(byte) 0x81, (byte) 0xEA}); // charset utf-8
    // Then a textual header long enough for 130 octets in all.
    String pad = "a".repeat(130 - ct.length - "X-Pad\0\0".length());
    byte[] headers = concat(ct, ("X-Pad\0" + pad + "\0").getBytes(StandardCharsets.US_ASCII));
    WspPush confirmed = WspPush.of(255, WspPush.CONFIRMED_PUSH, headers, new byte[0]);
    assertTrue(confirmed.isConfirmed());
    assertEquals(130, confirmed.headersLength());
    assertEquals(2 + 2 + 130, confirmed.dataOffset());
    assertEquals(0, confirmed.dataSize());
    assertEquals("text/plain", confirmed.contentType().mediaType().name());
    assertEquals(Optional.of(CharacterSet.UTF_8), confirmed.contentType().charset());
    // Equal by octets, and so by their reading: the decoder reads what the maker read.
    WspPush decoded = WspPushCodec.decode(WspPushCodec.encode(confirmed));
    assertEquals(confirmed, decoded);
    assertEquals(confirmed.contentType(), decoded.contentType());
    assertEquals(List.of(PartHeader.text("X-Pad", pad)), decoded.headers());
    assertEquals(confirmed.headersLength(), decoded.headersLength());
    assertEquals(List.of(), decoded.findings());
    assertEquals(confirmed.headers(), decoded.headers());
    assertEquals(2 + 2 + 130, decoded.dataOffset()); // TID, type, two length octets, headers
  }

  @Test
  void makingAPushChecksWhatTheWireNeeds() {
    byte[] mmsType = {(byte) 0xBE};
    assertThrows(
        IllegalArgumentException.class, () -> WspPush.of(256, WspPush.PUSH, mmsType, mmsType));
    assertThrows(
        IllegalArgumentException.class, () -> WspPush.of(-1, WspPush.PUSH, mmsType, mmsType));
    assertThrows(IllegalArgumentException.class, () -> WspPush.of(1, 0x08, mmsType, mmsType));
    // No Content-Type, a truncated one, one whose parameters the codec refuses.
    assertThrows(
        IllegalArgumentException.class, () -> WspPush.of(1, WspPush.PUSH, new byte[0], mmsType));
    assertThrows(
        IllegalArgumentException.class,
        () -> WspPush.of(1, WspPush.PUSH, new byte[] {0x05, (byte) 0xB3}, mmsType));
    assertThrows(
        IllegalArgumentException.class,
        () -> WspPush.of(1, WspPush.PUSH, new byte[] {0x02, (byte) 0xB3, (byte) 0x81}, mmsType));
    assertThrows(NullPointerException.class, () -> WspPush.of(1, WspPush.PUSH, null, mmsType));
    assertThrows(NullPointerException.class, () -> WspPush.of(1, WspPush.PUSH, mmsType, null));
  }

  @Test
  void aMadePushKeepsNoReferenceToTheCallersArrays() {
    byte[] headers = {(byte) 0xBE};
    byte[] pdu = {(byte) 0x8C, (byte) 0x82};
    WspPush p = WspPush.of(1, WspPush.PUSH, headers, pdu);
    headers[0] = 0;
    pdu[0] = 0;

    assertArrayEquals(
        new byte[] {1, 6, 1, (byte) 0xBE, (byte) 0x8C, (byte) 0x82}, WspPushCodec.encode(p));
    assertTrue(p.isMmsMessage());
    assertEquals((byte) 0x8C, p.dataBytes()[0]);
    assertEquals((byte) 0x8C, p.data().get(0));
    assertTrue(p.data().isReadOnly());
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
    p.dataBytes()[0] = 0;
    assertEquals((byte) 0x8C, p.dataBytes()[0]);
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
