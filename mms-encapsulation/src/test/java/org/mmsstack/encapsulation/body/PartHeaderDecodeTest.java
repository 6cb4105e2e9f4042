package org.mmsstack.encapsulation.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.RawValue;

/** PartHeader.decodeAll: a run of part headers on its own, as the part decoder reads them. */
class PartHeaderDecodeTest {

  private static final List<PartHeader> EVERY_KIND =
      List.of(
          PartHeader.contentId("<img>"),
          PartHeader.contentLocation("img.jpg"),
          PartHeader.contentDisposition(ContentDisposition.attachment("img.jpg")),
          PartHeader.text("X-Note", "kept"),
          PartHeader.raw(0x2F, RawValue.of(new byte[] {(byte) 0x84})));

  /** The head octets after a one-octet content type, as the encoder writes them. */
  private static byte[] headerOctets(List<PartHeader> headers) throws IOException {
    Part p =
        Part.builder()
            .contentType(ContentType.of(MediaType.valueOf(0x1E)))
            .data(new byte[] {1})
            .headers(headers)
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MultipartBody.of(p).writeTo(out);
    byte[] b = out.toByteArray();
    // One entry, HeadersLen and DataLen in one octet each, then the content type (0x9E).
    assertEquals((byte) 0x9E, b[3]);
    return Arrays.copyOfRange(b, 4, 3 + b[1]);
  }

  @Test
  void readsEveryKindOfHeaderAsThePartDecoderDoes() throws Exception {
    byte[] h = headerOctets(EVERY_KIND);
    assertEquals(EVERY_KIND, PartHeader.decodeAll(h, 0, h.length, DecodeConfig.STRICT));
    // Inside a larger array, from an offset.
    byte[] framed = new byte[h.length + 7];
    System.arraycopy(h, 0, framed, 3, h.length);
    assertEquals(EVERY_KIND, PartHeader.decodeAll(framed, 3, h.length, DecodeConfig.DEFAULT));
    assertEquals(List.of(), PartHeader.decodeAll(h, 0, 0, DecodeConfig.STRICT));
  }

  @Test
  void refusesWhatIsNotWholeHeadersWithTheOffsetFromTheStart() throws Exception {
    byte[] h = headerOctets(List.of(PartHeader.text("X-Note", "kept")));
    byte[] framed = new byte[h.length + 5];
    System.arraycopy(h, 0, framed, 5, h.length);
    // The value's terminator cut off: the text is unterminated, named where it starts.
    PduFormatException cut =
        assertThrows(
            PduFormatException.class,
            () -> PartHeader.decodeAll(framed, 5, h.length - 1, DecodeConfig.DEFAULT));
    assertEquals(PduFormatException.Reason.UNTERMINATED_TEXT, cut.reason());
    assertEquals("X-Note\0".length(), cut.offset(), cut.getMessage());
    // A text longer than the limit.
    DecodeConfig tight = DecodeConfig.DEFAULT.toBuilder().maxTextLength(3).build();
    assertEquals(
        PduFormatException.Reason.LIMIT_EXCEEDED,
        assertThrows(PduFormatException.class, () -> PartHeader.decodeAll(h, 0, h.length, tight))
            .reason());
    // 0x00 starts no header.
    assertThrows(
        PduFormatException.class,
        () -> PartHeader.decodeAll(new byte[] {0}, 0, 1, DecodeConfig.DEFAULT));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> PartHeader.decodeAll(h, 1, h.length, DecodeConfig.DEFAULT));
    assertThrows(
        NullPointerException.class, () -> PartHeader.decodeAll(null, 0, 0, DecodeConfig.DEFAULT));
    assertThrows(NullPointerException.class, () -> PartHeader.decodeAll(h, 0, 0, null));
  }
}
