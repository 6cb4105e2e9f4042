package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

/** Every input form of {@link PduCodec#decode} gives the same PDU as the array form. */
class DecodeInputsTest {

  private static final String NOTIFICATION = "pdus/mmsd/ni-mms-1-3-con-271.mms";

  @Test
  void buffersAndStreamsDecodeAsTheArray() throws Exception {
    byte[] b = Corpus.read(NOTIFICATION);
    Pdu expected = PduCodec.decode(b);

    byte[] padded = new byte[b.length + 10];
    System.arraycopy(b, 0, padded, 3, b.length);
    ByteBuffer heap = ByteBuffer.wrap(padded, 3, b.length);
    assertArrayEquals(PduCodec.encode(expected), PduCodec.encode(PduCodec.decode(heap)));
    assertEquals(3, heap.position()); // not moved

    ByteBuffer direct = ByteBuffer.allocateDirect(b.length);
    direct.put(b).flip();
    assertArrayEquals(PduCodec.encode(expected), PduCodec.encode(PduCodec.decode(direct)));
    assertEquals(0, direct.position());

    // A stream handing out a few octets per read, as a socket does.
    InputStream trickle =
        new ByteArrayInputStream(b) {
          @Override
          public synchronized int read(byte[] buf, int off, int len) {
            return super.read(buf, off, Math.min(len, 7));
          }
        };
    Pdu read = PduCodec.decode(trickle, DecodeConfig.STRICT);
    assertArrayEquals(PduCodec.encode(expected), PduCodec.encode(read));
    assertEquals(expected.headers().size(), read.headers().size());
  }

  @Test
  void aStreamLongerThanTheLimitFailsBeforeItIsRead() {
    DecodeConfig small = DecodeConfig.builder().maxPduSize(100_000).build();
    // An endless stream: decoding must stop at the limit, not buffer it.
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 0x8C;
          }

          @Override
          public int read(byte[] buf, int off, int len) {
            java.util.Arrays.fill(buf, off, off + len, (byte) 0x8C);
            return len;
          }
        };
    PduFormatException e =
        assertThrows(PduFormatException.class, () -> PduCodec.decode(endless, small));
    assertEquals(PduFormatException.Reason.LIMIT_EXCEEDED, e.reason());
    assertEquals(0, e.offset());

    ByteBuffer direct = ByteBuffer.allocateDirect(100_001);
    PduFormatException d =
        assertThrows(PduFormatException.class, () -> PduCodec.decode(direct, small));
    assertEquals(PduFormatException.Reason.LIMIT_EXCEEDED, d.reason());
  }

  @Test
  void aPduOfExactlyTheLimitIsRead() throws Exception {
    byte[] b = Corpus.read(NOTIFICATION);
    DecodeConfig exact = DecodeConfig.builder().maxPduSize(b.length).build();
    assertEquals(
        PduCodec.decode(b).headers().size(),
        PduCodec.decode(new ByteArrayInputStream(b), exact).headers().size());
  }

  @Test
  void aContentTypeDecodesAloneAsInAPdu() throws Exception {
    DecodeConfig c = DecodeConfig.DEFAULT;
    // The three forms: well-known number, text, and the general form with a parameter; a slice of
    // a larger array, offsets counting from its start.
    byte[] b = {9, (byte) 0xBE, 'a', '/', 'b', 0, 3, (byte) 0xB3, (byte) 0x81, (byte) 0xEA, 9};
    assertEquals(ContentType.of(MediaType.MMS_MESSAGE), PduCodec.decodeContentType(b, 1, 1, c));
    assertEquals(ContentType.of(MediaType.text("a/b")), PduCodec.decodeContentType(b, 2, 4, c));
    assertEquals(
        ContentType.of(MediaType.MULTIPART_RELATED).withParameter("charset", CharacterSet.UTF_8),
        PduCodec.decodeContentType(b, 6, 4, c));
    assertEquals(10, PduLayout.valueEnd(b, 6, b.length)); // the extent a caller finds first
    // Octets after the value, none at all, and a text over the limit are refused, naming the
    // offset from the slice's start and the header.
    PduFormatException trailing =
        assertThrows(PduFormatException.class, () -> PduCodec.decodeContentType(b, 6, 5, c));
    assertEquals(PduFormatException.Reason.TRAILING_BYTES, trailing.reason());
    assertEquals(4, trailing.offset());
    assertEquals("Content-Type", trailing.header().orElseThrow());
    assertEquals(
        PduFormatException.Reason.TRUNCATED,
        assertThrows(PduFormatException.class, () -> PduCodec.decodeContentType(b, 1, 0, c))
            .reason());
    DecodeConfig tiny = DecodeConfig.builder().maxTextLength(2).build();
    assertEquals(
        PduFormatException.Reason.LIMIT_EXCEEDED,
        assertThrows(PduFormatException.class, () -> PduCodec.decodeContentType(b, 2, 4, tiny))
            .reason());
    assertThrows(IndexOutOfBoundsException.class, () -> PduCodec.decodeContentType(b, 8, 4, c));
    byte[] copy = b.clone();
    PduCodec.decodeContentType(b, 6, 4, c);
    assertArrayEquals(copy, b); // not changed
  }
}
