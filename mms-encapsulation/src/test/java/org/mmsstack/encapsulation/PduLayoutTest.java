package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;

/** The public layout walk agrees with the decoder and stops, never throws, on bad octets. */
class PduLayoutTest {

  @Test
  void agreesWithTheDecoderOnEveryCleanCorpusPdu() throws Exception {
    int checked = 0;
    for (Path file : Corpus.files("pdus")) {
      byte[] b = Corpus.read(file);
      Pdu pdu;
      try {
        pdu = PduCodec.decode(b, DecodeConfig.STRICT);
      } catch (PduFormatException e) {
        continue;
      }
      if (!pdu.findings().isEmpty() || pdu.trailingOctets().length > 0) {
        continue;
      }
      String name = Corpus.name(file);
      PduLayout layout = PduLayout.of(b);
      List<Header> headers = pdu.headers();
      assertEquals(headers.size(), layout.headers().size(), name);
      for (int k = 0; k < headers.size(); k++) {
        PduLayout.HeaderSpan s = layout.headers().get(k);
        assertEquals(headers.get(k).offset(), s.start(), name + " header " + k);
        assertEquals(headers.get(k).field().isApplication(), s.isApplication(), name);
      }
      assertTrue(layout.complete(), name);
      Optional<Body> body = pdu.body();
      assertEquals(body.isPresent(), layout.bodyStart().isPresent(), name);
      if (body.orElse(null) instanceof MultipartBody mb) {
        PduLayout.Multipart m =
            PduLayout.multipart(b, layout.bodyStart().getAsInt(), b.length).orElseThrow();
        assertTrue(m.complete(), name);
        checkParts(name, b, mb.parts(), m);
      }
      checked++;
    }
    assertTrue(checked > 50, "only " + checked + " clean PDUs in the corpus");
  }

  private static void checkParts(String name, byte[] b, List<Part> parts, PduLayout.Multipart m)
      throws PduFormatException {
    assertEquals(parts.size(), m.entries().size(), name);
    for (int i = 0; i < parts.size(); i++) {
      PduLayout.Entry e = m.entries().get(i);
      Part p = parts.get(i);
      assertEquals(p.dataSize(), e.dataEnd() - e.dataStart(), name + " part " + i);
      assertTrue(e.headersComplete(), name + " part " + i);
      assertEquals(p.headers().size() + 1, e.headers().size(), name + " part " + i);
      assertEquals(p.isMultipart(), e.nested().isPresent(), name + " part " + i);
      if (e.nested().isPresent()) {
        checkParts(name, b, p.asMultipart(DecodeConfig.STRICT).parts(), e.nested().get());
      }
    }
  }

  @Test
  void stopsWhereTheOctetsCannotBeWalkedAndSaysWhere() throws Exception {
    byte[] b = Corpus.read("pdus/" + firstMultipart());
    PduLayout whole = PduLayout.of(b);
    int bodyStart = whole.bodyStart().getAsInt();
    for (int cut = 0; cut < b.length; cut++) {
      byte[] t = Arrays.copyOf(b, cut);
      PduLayout l = PduLayout.of(t);
      assertTrue(l.stop() <= cut);
      if (cut < bodyStart) {
        assertFalse(l.bodyStart().isPresent(), "cut " + cut);
      } else {
        Optional<PduLayout.Multipart> m = PduLayout.multipart(t, bodyStart, cut);
        if (m.isPresent()) {
          assertTrue(m.get().stop() <= cut, "cut " + cut);
          assertEquals(m.get().stop() == cut, m.get().complete(), "cut " + cut);
        }
      }
    }
    // An octet that cannot start a header: the walk stops on it.
    byte[] bad = Arrays.copyOf(b, b.length);
    int third = whole.headers().get(2).start();
    bad[third] = 0x05;
    PduLayout l = PduLayout.of(bad);
    assertEquals(2, l.headers().size());
    assertEquals(third, l.stop());
    assertFalse(l.complete());
    assertEquals(-1, PduLayout.valueEnd(new byte[] {0x1F, (byte) 0x90}, 0, 2));
    assertEquals(-1, PduLayout.valueEnd(new byte[] {'a', 'b'}, 0, 2));
    assertEquals(3, PduLayout.valueEnd(new byte[] {'a', 'b', 0}, 0, 3));
    assertEquals(3, PduLayout.valueEnd(new byte[] {0x02, 1, 2}, 0, 3));
  }

  /**
   * A well-known media number may be sent as a Long-integer ({@code 01 33}: multipart/related)
   * in the general form of a Content-type-value (WAP-230 8.4.2.24: Well-known-media is an
   * Integer-value): the decoder, the layout walk and the typed value agree that it is a
   * multipart, for the PDU's body and for a nested part.
   */
  @Test
  void aMultipartMediaNumberSentAsALongIntegerIsAMultipart() throws Exception {
    byte[] inner = {0x01, 0x01, 0x02, (byte) 0x83, 'h', 'i'};
    byte[] b = {
      (byte) 0x8C,
      (byte) 0x84, // m-retrieve-conf
      (byte) 0x8D,
      (byte) 0x90, // MMS 1.0
      (byte) 0x85,
      0x04,
      0x5F,
      0x00,
      0x00,
      0x00, // Date
      (byte) 0x84,
      0x02,
      0x01,
      0x33, // Content-Type: general form, Long-integer 0x33
      0x01, // one part
      0x03,
      (byte) inner.length,
      0x02,
      0x01,
      0x23, // multipart/mixed (0x23) as a Long-integer
      inner[0],
      inner[1],
      inner[2],
      inner[3],
      inner[4],
      inner[5]
    };
    Pdu pdu = PduCodec.decode(b, DecodeConfig.STRICT);
    assertTrue(pdu.contentType().orElseThrow().mediaType().isMultipart());
    MultipartBody body = (MultipartBody) pdu.body().orElseThrow();
    Part part = body.parts().get(0);
    assertTrue(part.isMultipart());
    Part leaf = part.asMultipart(DecodeConfig.STRICT).parts().get(0);
    assertEquals("hi", new String(leaf.dataBytes(), java.nio.charset.StandardCharsets.US_ASCII));

    PduLayout layout = PduLayout.of(b);
    PduLayout.Multipart m =
        PduLayout.multipart(b, layout.bodyStart().getAsInt(), b.length).orElseThrow();
    assertTrue(m.complete());
    checkParts("long-integer media", b, body.parts(), m);
    assertArrayEquals(b, PduCodec.encode(pdu));
  }

  private static String firstMultipart() throws Exception {
    for (Path file : Corpus.files("pdus")) {
      byte[] b = Corpus.read(file);
      try {
        Pdu pdu = PduCodec.decode(b, DecodeConfig.STRICT);
        if (pdu.findings().isEmpty()
            && pdu.body().orElse(null) instanceof MultipartBody mb
            && mb.parts().size() > 1) {
          return Corpus.root().resolve("pdus").relativize(file).toString().replace('\\', '/');
        }
      } catch (PduFormatException e) {
        // not this one
      }
    }
    throw new AssertionError("no multipart PDU in the corpus");
  }
}
