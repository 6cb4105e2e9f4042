package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.mime.Mm4Headers;

/** Every input form of {@link Mm4Codec} gives what the whole-array form gives. */
class DecodeInputsTest {

  private static final byte[] MAIL = Mm4Codec.encode(Fixtures.fullForwardReq().build());

  // A header line without a colon, which even lenient decoding refuses: the exception's offset
  // must count from the slice.
  private static final byte[] BROKEN =
      ("X-Mms-3GPP-MMS-Version: 6.10.0\r\n"
              + "X-Mms-Message-Type: MM4_forward.RES\r\n"
              + "X-Mms-Transaction-ID: t-1\r\n"
              + "no colon here\r\n"
              + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void buffersDecodeAsTheArray() throws Exception {
    Mm4Message expected = Mm4Codec.decode(MAIL);
    byte[] padded = new byte[MAIL.length + 9];
    System.arraycopy(MAIL, 0, padded, 5, MAIL.length);
    ByteBuffer heap = ByteBuffer.wrap(padded, 5, MAIL.length);
    assertEquals(expected, Mm4Codec.decode(heap));
    assertEquals(5, heap.position());
    ByteBuffer direct = ByteBuffer.allocateDirect(MAIL.length);
    direct.put(MAIL).flip();
    Mm4Message fromDirect = Mm4Codec.decode(direct, Mm4Config.STRICT);
    assertEquals(expected, fromDirect);
    assertArrayEquals(MAIL, Mm4Codec.encode(fromDirect));
    assertEquals(0, direct.position());
  }

  @Test
  void headersOfASliceCountOffsetsFromTheSlice() throws Exception {
    byte[] padded = new byte[MAIL.length + 20];
    System.arraycopy(MAIL, 0, padded, 11, MAIL.length);
    Mm4Headers whole = Mm4Codec.decodeHeaders(MAIL);
    Mm4Headers slice = Mm4Codec.decodeHeaders(padded, 11, MAIL.length, Mm4Config.DEFAULT);
    assertEquals(whole, slice);

    Mm4FormatException a =
        assertThrows(Mm4FormatException.class, () -> Mm4Codec.decodeHeaders(BROKEN));
    byte[] brokenPadded = new byte[BROKEN.length + 20];
    System.arraycopy(BROKEN, 0, brokenPadded, 11, BROKEN.length);
    Mm4FormatException b =
        assertThrows(
            Mm4FormatException.class,
            () -> Mm4Codec.decodeHeaders(brokenPadded, 11, BROKEN.length, Mm4Config.DEFAULT));
    assertEquals(a.reason(), b.reason());
    assertEquals(a.offset(), b.offset());
    assertEquals(a.line(), b.line());
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> Mm4Codec.decodeHeaders(padded, 11, padded.length, Mm4Config.DEFAULT));
  }

  @Test
  void aDirectBufferOverTheLimitIsRefusedBeforeItIsCopied() {
    Mm4Config small = Mm4Config.builder().maxMessageSize(1000).build();
    ByteBuffer direct = ByteBuffer.allocateDirect(1001);
    Mm4FormatException e =
        assertThrows(Mm4FormatException.class, () -> Mm4Codec.decode(direct, small));
    assertEquals(Mm4FormatException.Reason.LIMIT_EXCEEDED, e.reason());
  }
}
