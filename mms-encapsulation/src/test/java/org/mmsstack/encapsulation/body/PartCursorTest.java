package org.mmsstack.encapsulation.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Corpus;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * The part cursor reads what the materialised parts hold: for every part of every corpus PDU
 * that decodes (malformed ones and nested bodies included), for heads only the full reader
 * reads, and for built bodies.
 */
class PartCursorTest {

  private static final DecodeConfig[] CONFIGS = {DecodeConfig.LENIENT, DecodeConfig.STRICT};

  @Test
  void theCursorReadsWhatThePartsHoldOverTheCorpus() throws IOException {
    int[] counts = new int[3]; // parts, headers, heads only the full reader reads
    int bodies = 0;
    for (String folder : List.of("pdus", "malformed", "wsp-push")) {
      for (Path file : Corpus.files(folder)) {
        byte[] octets = Corpus.read(file);
        for (DecodeConfig config : CONFIGS) {
          Pdu pdu;
          try {
            pdu = PduCodec.decode(octets, config);
          } catch (PduFormatException e) {
            continue;
          }
          if (pdu.body().orElse(null) instanceof MultipartBody body) {
            bodies++;
            check(body, config, Corpus.name(file) + " " + config, counts);
            // the same parts in a built body
            check(MultipartBody.of(body.parts()), config, Corpus.name(file) + " built", null);
          }
        }
      }
    }
    assertTrue(bodies > 80, "multipart bodies: " + bodies);
    assertTrue(
        counts[0] > 200 && counts[1] > 200, "parts, headers: " + counts[0] + ", " + counts[1]);
    // every corpus head is in the plain forms: the full reader's path is checked on generated
    // heads below
  }

  /** Walks {@code body} with a cursor and checks it against {@code body.parts()}. */
  private static void check(MultipartBody body, DecodeConfig config, String where, int[] counts)
      throws IOException {
    List<Part> parts = body.parts();
    PartCursor c = body.partCursor();
    assertThrows(IllegalStateException.class, c::contentType, where);
    for (int k = 0; k < parts.size(); k++) {
      Part p = parts.get(k);
      String at = where + " part " + k;
      assertTrue(c.next(), at);
      assertThrows(IllegalStateException.class, c::headerValue, at);
      assertEquals(p.contentType(), c.contentType(), at);
      assertSame(c.contentType(), c.contentType(), at); // read once per part
      assertEquals(p.isMultipart(), c.isMultipart(), at);
      int h = 0;
      while (c.nextHeader()) {
        PartHeader expected = p.headers().get(h);
        assertEquals(expected.name(), c.headerName(), at);
        assertEquals(expected.code(), c.headerCode(), at);
        assertEquals(expected.value(), c.headerValue(), at);
        assertEquals(expected, c.header(), at);
        h++;
      }
      assertFalse(c.nextHeader(), at);
      assertThrows(IllegalStateException.class, c::headerName, at);
      assertEquals(p.headers().size(), h, at);
      ByteBuffer data = c.data();
      assertTrue(data.isReadOnly(), at);
      assertEquals(0, data.position(), at);
      assertEquals(p.data(), data, at);
      assertEquals(p.dataSize(), c.dataSize(), at);
      assertEquals(p, c.part(), at);
      if (body.hasOriginalEncoding()) {
        assertEquals(p.headStart() - p.base(), c.offset(), at);
        assertEquals(p.headEnd() - p.base(), c.dataOffset(), at);
      } else {
        assertEquals(-1, c.offset(), at);
        assertEquals(-1, c.dataOffset(), at);
      }
      if (counts != null) {
        counts[0]++;
        counts[1] += h;
        if (body.hasOriginalEncoding()
            && !BodyCodec.readPlainPartHead(copy(p), p.src(), p.headStart(), -1, p.headEnd())) {
          counts[2]++;
        }
      }
      if (p.isMultipart()) {
        MultipartBody fromPart;
        try {
          fromPart = p.asMultipart(config);
        } catch (PduFormatException e) {
          PduFormatException fromCursor =
              assertThrows(PduFormatException.class, () -> c.asMultipart(config), at);
          assertEquals(e.reason(), fromCursor.reason(), at);
          assertEquals(e.offset(), fromCursor.offset(), at);
          assertEquals(e.getMessage(), fromCursor.getMessage(), at);
          continue;
        }
        MultipartBody fromCursor = c.asMultipart(config);
        assertEquals(fromPart.findings(), fromCursor.findings(), at);
        check(fromCursor, config, at + " (nested)", counts);
      }
    }
    assertFalse(c.next(), where);
    assertFalse(c.next(), where);
    assertThrows(IllegalStateException.class, c::data, where);
  }

  private static Part copy(Part p) {
    return new Part(p.src(), null, 0, p.headStart(), -1, p.headEnd(), p.headEnd(), 0);
  }

  @Test
  void headsOnlyTheFullReaderReadsAreReadTheSameWay() throws IOException {
    // text/plain with a Content-ID sent with a closing quote and a textual header with an integer
    // value; then a part with a well-known header whose value has a Length-quote
    byte[] body =
        HexFormat.of()
            .parseHex(
                "02"
                    + "0D"
                    + "02"
                    + "83"
                    + "C0"
                    + "22"
                    + "3C613E22"
                    + "00"
                    + "582D41"
                    + "00"
                    + "81"
                    + "6869"
                    + "06"
                    + "00"
                    + "84"
                    + "A9"
                    + "1F02"
                    + "8200");
    MultipartBody decoded = MultipartBody.decode(body, 0, body.length, DecodeConfig.LENIENT);
    assertEquals(2, decoded.size());
    PartCursor c = decoded.partCursor();
    assertTrue(c.next());
    assertTrue(c.nextHeader());
    assertEquals("Content-ID", c.headerName());
    assertEquals("<a>", c.headerValue());
    assertTrue(c.nextHeader());
    assertEquals(-1, c.headerCode());
    assertEquals("X-A", c.headerName());
    assertInstanceOf(RawValue.class, c.headerValue());
    assertFalse(c.nextHeader());
    assertTrue(c.next());
    assertTrue(c.nextHeader());
    assertEquals(0x29, c.headerCode());
    assertFalse(c.nextHeader());
    assertFalse(c.next());
    int[] counts = new int[3];
    check(decoded, DecodeConfig.LENIENT, "generated", counts);
    assertEquals(2, counts[2]);
  }

  @Test
  void aBuiltBodyIsWalkedThroughItsParts() throws IOException {
    Part inner = Part.text("inner");
    ByteArrayOutputStream nested = new ByteArrayOutputStream();
    MultipartBody.of(inner).writeTo(nested);
    Part alternative =
        Part.of(ContentType.of(MediaType.MULTIPART_ALTERNATIVE), nested.toByteArray());
    Part photo =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG))
            .data(new byte[] {(byte) 0xFF, (byte) 0xD8})
            .contentId("<photo>")
            .contentLocation("photo.jpg")
            .contentDisposition(new ContentDisposition("attachment", List.of()))
            .addHeader(PartHeader.text("X-Note", "kept"))
            .build();
    MultipartBody body = MultipartBody.of(alternative, photo);

    PartCursor c = body.partCursor();
    assertTrue(c.next());
    assertSame(alternative, c.part());
    assertTrue(c.isMultipart());
    assertFalse(c.nextHeader());
    PartCursor n = c.asMultipart(DecodeConfig.STRICT).partCursor();
    assertTrue(n.next());
    assertEquals(inner, n.part());
    assertFalse(n.next());
    assertTrue(c.next());
    assertSame(photo, c.part());
    assertTrue(c.nextHeader());
    assertEquals("Content-ID", c.headerName());
    assertTrue(c.nextHeader());
    assertTrue(c.nextHeader());
    assertNotNull(c.headerValue());
    assertTrue(c.nextHeader());
    assertEquals("kept", c.headerValue());
    assertFalse(c.nextHeader());
    assertFalse(c.next());
    check(body, DecodeConfig.STRICT, "built", null);
  }

  @Test
  void partHeaderNamesMatchIgnoringCase() {
    PartHeader h = PartHeader.text("Content-Transfer-Encoding", "base64");
    assertTrue(h.is("content-transfer-encoding"));
    assertTrue(h.is("CONTENT-TRANSFER-ENCODING"));
    assertFalse(h.is("Content-Transfer"));
  }
}
