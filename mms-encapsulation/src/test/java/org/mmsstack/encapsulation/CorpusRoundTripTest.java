package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every corpus PDU decodes and re-encodes to the same octets. */
class CorpusRoundTripTest {

  @TestFactory
  Stream<DynamicTest> everyCorpusPduReencodesByteIdentical() {
    return Corpus.files("pdus").stream()
        .map(p -> DynamicTest.dynamicTest(Corpus.name(p), () -> roundTrip(p)));
  }

  private static void roundTrip(Path p) throws Exception {
    byte[] bytes = Corpus.read(p);
    Pdu pdu = PduCodec.decode(bytes, DecodeConfig.LENIENT);
    byte[] again = PduCodec.encode(pdu);
    assertArrayEquals(bytes, again, "re-encoding " + p);
    // A decoded PDU encodes as its input; the same headers and body in a built PDU are written
    // one by one, each from the octets it remembers, and must come out the same.
    assertArrayEquals(
        bytes, PduCodec.encode(pdu.toBuilder().build()), "re-encoding field by field " + p);
    // Every header value can be materialised, and a canonical re-encoding decodes to the same PDU.
    pdu.headers().forEach(Header::value);
    Pdu rebuilt = canonical(pdu);
    byte[] canonical = PduCodec.encode(rebuilt);
    assertEquals(
        rebuilt, PduCodec.decode(canonical, DecodeConfig.LENIENT), "canonical round trip of " + p);
  }

  /** The same PDU with every header rebuilt from its typed value (so encoded canonically). */
  static Pdu canonical(Pdu pdu) {
    Pdu.Builder<?, ?> b = pdu.toBuilder();
    for (Header h : pdu.headers()) {
      if (h.field().code() != 0x0C) {
        b.remove(h.field());
      }
    }
    for (Header h : pdu.headers()) {
      if (h.field().code() == 0x0C) {
        continue;
      }
      addTyped(b, h);
    }
    return b.build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void addTyped(Pdu.Builder<?, ?> b, Header h) {
    Object v = h.value();
    if (v instanceof org.mmsstack.encapsulation.value.RawValue) {
      b.add(Header.ofRaw(h.field(), (org.mmsstack.encapsulation.value.RawValue) v));
    } else {
      b.add((HeaderField) h.field(), v);
    }
  }
}
