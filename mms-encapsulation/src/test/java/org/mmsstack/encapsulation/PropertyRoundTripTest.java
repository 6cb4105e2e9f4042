package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MboxCount;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * decode(encode(pdu)).equals(pdu), and the re-encoding is byte-identical, for generated PDUs of
 * all 24 types (every field, every value form; see {@link PduGenerators}), decoded from every
 * kind of input: a whole array, a slice of a larger array with junk around it, and heap,
 * read-only and direct ByteBuffers. Seeded: a failure reproduces on every run.
 *
 * <p>Coverage is asserted, not hoped for: the properties record every header field and value
 * form they saw, and the class fails after its last property when one was never generated.
 */
class PropertyRoundTripTest {

  private static final String SEED = "4242";
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  @Provide
  Arbitrary<Pdu> pdus() {
    return PduGenerators.pdu();
  }

  /** One generated header of any field, alone in the smallest PDU that can carry it. */
  @Provide
  Arbitrary<Pdu> singleHeaderPdus() {
    List<HeaderField<?>> fields = new ArrayList<>(HeaderField.knownFields());
    fields.removeIf(f -> f.code() == 0x04 || f.code() == 0x0C);
    Arbitrary<Header> plain = Arbitraries.of(fields).flatMap(PduGenerators::header);
    Arbitrary<Pdu> descr =
        Arbitraries.oneOf(plain, PduGenerators.applicationHeader(), PduGenerators.unknownHeader())
            .map(h -> MboxDescr.builder().add(h).build());
    Arbitrary<Pdu> indexed =
        Arbitraries.of(
                HeaderField.CONTENT_LOCATION_INDEXED,
                HeaderField.RESPONSE_STATUS_INDEXED,
                HeaderField.RESPONSE_TEXT_INDEXED)
            .flatMap(PduGenerators::header)
            .map(
                h ->
                    DeleteConf.builder()
                        .transactionId("t")
                        .responseStatus(org.mmsstack.encapsulation.value.ResponseStatus.OK)
                        .add(h)
                        .build());
    Arbitrary<Pdu> withBody =
        PduGenerators.typedBody()
            .map(
                tb ->
                    RetrieveConf.builder()
                        .date(java.time.Instant.EPOCH)
                        .body(tb.contentType(), tb.body())
                        .build());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, descr),
        net.jqwik.api.Tuple.of(1, indexed),
        net.jqwik.api.Tuple.of(2, withBody));
  }

  @Property(seed = SEED, tries = 1500)
  void generatedPduRoundTrips(@ForAll("pdus") Pdu pdu) throws Exception {
    roundTrip(pdu);
  }

  @Property(seed = SEED, tries = 3000)
  void everyHeaderValueRoundTripsAlone(@ForAll("singleHeaderPdus") Pdu pdu) throws Exception {
    roundTrip(pdu);
  }

  @Property(seed = SEED, tries = 300)
  void decodesFromEverySourceAlike(
      @ForAll("pdus") Pdu pdu, @ForAll("junk") byte[] before, @ForAll("junk") byte[] after)
      throws Exception {
    byte[] bytes = PduCodec.encode(pdu);
    Pdu whole = PduCodec.decode(bytes, DecodeConfig.LENIENT);

    byte[] framed = new byte[before.length + bytes.length + after.length];
    System.arraycopy(before, 0, framed, 0, before.length);
    System.arraycopy(bytes, 0, framed, before.length, bytes.length);
    System.arraycopy(after, 0, framed, before.length + bytes.length, after.length);
    Pdu slice = PduCodec.decode(framed, before.length, bytes.length, DecodeConfig.LENIENT);
    assertSame(pdu, bytes, whole, slice, "offset sub-array");

    ByteBuffer heap = ByteBuffer.wrap(framed, before.length, bytes.length).slice();
    assertSame(
        pdu,
        bytes,
        whole,
        PduCodec.decode(heap, DecodeConfig.LENIENT),
        "heap ByteBuffer (array offset)");
    ByteBuffer positioned = ByteBuffer.wrap(framed);
    positioned.position(before.length).limit(before.length + bytes.length);
    assertSame(
        pdu,
        bytes,
        whole,
        PduCodec.decode(positioned, DecodeConfig.LENIENT),
        "heap ByteBuffer (position)");
    assertEquals(
        before.length, positioned.position(), "decode must not move the buffer's position");
    assertSame(
        pdu,
        bytes,
        whole,
        PduCodec.decode(positioned.asReadOnlyBuffer(), DecodeConfig.LENIENT),
        "read-only ByteBuffer");
    ByteBuffer direct = ByteBuffer.allocateDirect(framed.length);
    direct.put(framed).position(before.length).limit(before.length + bytes.length);
    assertSame(
        pdu, bytes, whole, PduCodec.decode(direct, DecodeConfig.LENIENT), "direct ByteBuffer");
  }

  @Provide
  Arbitrary<byte[]> junk() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(17);
  }

  private static void assertSame(Pdu pdu, byte[] bytes, Pdu whole, Pdu other, String how) {
    assertEquals(pdu, other, how);
    assertArrayEquals(bytes, PduCodec.encode(other), how + ": re-encoding");
    List<Integer> a = whole.headers().stream().map(Header::offset).toList();
    List<Integer> b = other.headers().stream().map(Header::offset).toList();
    assertEquals(a, b, how + ": header offsets count from the PDU's first octet");
  }

  private static byte[] streamed(Pdu pdu) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PduCodec.encode(pdu, out);
    return out.toByteArray();
  }

  private static void roundTrip(Pdu pdu) throws Exception {
    record(pdu);
    byte[] bytes = PduCodec.encode(pdu);
    Pdu decoded = PduCodec.decode(bytes, DecodeConfig.LENIENT);
    assertEquals(
        pdu,
        decoded,
        () -> "decode(encode(pdu)) differs; wire: " + java.util.HexFormat.of().formatHex(bytes));
    assertArrayEquals(
        bytes, PduCodec.encode(decoded), "encode(decode(encode(pdu))) is not byte-identical");
    assertArrayEquals(
        bytes,
        PduCodec.encode(decoded.toBuilder().build()),
        "the decoded headers and body, written field by field, are not byte-identical");
    // The stream form writes the same octets, built, decoded and rebuilt alike.
    assertArrayEquals(bytes, streamed(pdu), "encode(pdu, OutputStream) differs from encode(pdu)");
    assertArrayEquals(bytes, streamed(decoded), "encode(decoded, OutputStream) differs");
    assertArrayEquals(
        bytes, streamed(decoded.toBuilder().build()), "encode(rebuilt, OutputStream) differs");
    assertEquals(pdu.messageType(), decoded.messageType());
    assertTrue(
        decoded.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR),
        () -> "the encoder wrote something its decoder calls an error: " + decoded.findings());
    // Nested multiparts stay opaque on decode; asked for, they decode to what was encoded.
    decoded.body().ifPresent(PropertyRoundTripTest::checkNested);
    // The canonical re-encoding of every typed value gives the same PDU again.
    assertEquals(pdu, PduCodec.decode(PduCodec.encode(CorpusRoundTripTest.canonical(decoded))));
  }

  private static void checkNested(Body b) {
    if (!(b instanceof MultipartBody)) {
      return;
    }
    for (Part p : ((MultipartBody) b).parts()) {
      if (p.isMultipart()) {
        try {
          MultipartBody nested = p.asMultipart(DecodeConfig.LENIENT);
          assertArrayEquals(p.dataBytes(), PduGenerators.toBytes(nested));
          checkNested(nested);
        } catch (PduFormatException e) {
          throw new AssertionError("nested multipart does not decode: " + e.getMessage(), e);
        }
      }
    }
  }

  // ---- coverage
  // ----------------------------------------------------------------------------------

  private static void record(Pdu pdu) {
    SEEN.add("type:" + pdu.messageType().wireName());
    for (Header h : pdu.headers()) {
      HeaderField<?> f = h.field();
      SEEN.add(
          f.isApplication()
              ? "field:application"
              : !f.isKnown()
                  ? "field:unassigned"
                  : "field:" + f.name() + (f.isIndexed() ? ":indexed" : ""));
      recordValue(h.value());
    }
    pdu.body().ifPresent(b -> recordBody(b, 0));
  }

  private static void recordValue(Object v) {
    if (v instanceof EncodedString) {
      EncodedString s = (EncodedString) v;
      SEEN.add(
          "charset:" + s.charset().map(cs -> cs.isKnown() ? cs.name() : "unknown").orElse("plain"));
    } else if (v instanceof Address) {
      SEEN.add("address:" + ((Address) v).type());
      recordValue(((Address) v).encoded());
    } else if (v instanceof FromValue) {
      SEEN.add(((FromValue) v).isInsertAddress() ? "from:insert" : "from:address");
      ((FromValue) v).address().ifPresent(PropertyRoundTripTest::recordValue);
    } else if (v instanceof TimeValue) {
      TimeValue t = (TimeValue) v;
      SEEN.add("time:" + (t.relative() ? "relative" : "absolute"));
      if (t.seconds() == 0) {
        SEEN.add("time:zero");
      } else if (t.seconds() > 0xFFFFFFFFL) {
        SEEN.add("time:large");
      }
    } else if (v instanceof OctetToken) {
      OctetToken o = (OctetToken) v;
      SEEN.add("octet:" + o.getClass().getSimpleName() + (o.isKnown() ? ":known" : ":unknown"));
    } else if (v instanceof MessageClass) {
      SEEN.add(((MessageClass) v).isToken() ? "class:token" : "class:octet");
    } else if (v instanceof PreviouslySentBy) {
      recordValue(((PreviouslySentBy) v).address());
    } else if (v instanceof MmFlags) {
      SEEN.add("mmflags:" + ((MmFlags) v).operation());
      recordValue(((MmFlags) v).keyword());
    } else if (v instanceof MboxCount) {
      SEEN.add("mboxcount:" + ((MboxCount) v).unit());
    } else if (v instanceof ElementDescriptor) {
      for (ElementDescriptor.Entry e : ((ElementDescriptor) v).parameters()) {
        SEEN.add(e.name().equals("type") ? "element-descriptor:type" : "element-descriptor:text");
      }
    } else if (v instanceof Indexed) {
      recordValue(((Indexed<?>) v).value());
    } else if (v instanceof RawValue) {
      SEEN.add("raw");
    } else if (v instanceof Long) {
      long n = (Long) v;
      SEEN.add(n < 128 ? "integer:short-range" : n > 0xFFFFFFFFL ? "integer:wide" : "integer:long");
    } else if (v instanceof ContentType) {
      recordContentType((ContentType) v);
    }
  }

  private static void recordContentType(ContentType ct) {
    int code = ct.mediaType().code();
    SEEN.add(code < 0 ? "media:text" : code < 0x80 ? "media:well-known" : "media:registered");
    for (Parameter p : ct.parameters()) {
      SEEN.add(
          p.wellKnown()
              .map(wk -> "param:typed:" + wk.kind())
              .orElse("param:untyped:" + p.value().getClass().getSimpleName()));
    }
  }

  private static void recordBody(Body b, int depth) {
    if (b instanceof SinglePartBody) {
      SEEN.add("body:single-part");
      return;
    }
    MultipartBody mb = (MultipartBody) b;
    SEEN.add(
        mb.parts().isEmpty()
            ? "body:empty-multipart"
            : depth > 0 ? "body:nested-multipart" : "body:multipart");
    for (Part p : mb.parts()) {
      recordContentType(p.contentType());
      for (PartHeader h : p.headers()) {
        SEEN.add(
            "part-header:"
                + (h.code() < 0
                    ? "textual"
                    : h.value() instanceof RawValue
                        ? "raw"
                        : h.name()
                            + (h.code() == PartHeader.CONTENT_DISPOSITION_1_4 ? "-1.4" : "")));
      }
      if (p.dataSize() > 127) {
        SEEN.add("part:data-over-127");
      }
      if (p.isMultipart()) {
        try {
          recordBody(p.asMultipart(DecodeConfig.LENIENT), depth + 1);
        } catch (PduFormatException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  @AfterContainer
  static void everyFieldAndValueFormWasGenerated() {
    Set<String> expected = new TreeSet<>();
    for (MessageType t : MessageType.values()) {
      expected.add("type:" + t.wireName());
    }
    for (HeaderField<?> f : HeaderField.knownFields()) {
      expected.add("field:" + f.name());
    }
    expected.addAll(
        List.of(
            "field:X-Mms-Content-Location:indexed",
            "field:X-Mms-Response-Status:indexed",
            "field:X-Mms-Response-Text:indexed",
            "field:application",
            "field:unassigned"));
    for (String cs :
        List.of(
            "plain",
            "utf-8",
            "us-ascii",
            "iso-8859-1",
            "iso-10646-ucs-2",
            "utf-16",
            "shift_jis",
            "gb2312",
            "big5",
            "koi8-r",
            "unknown",
            "*")) {
      expected.add("charset:" + cs);
    }
    for (Address.Type t : Address.Type.values()) {
      expected.add("address:" + t);
    }
    expected.addAll(
        List.of(
            "from:insert",
            "from:address",
            "time:relative",
            "time:absolute",
            "time:zero",
            "time:large",
            "class:token",
            "class:octet",
            "element-descriptor:type",
            "element-descriptor:text",
            "raw",
            "integer:short-range",
            "integer:long",
            "integer:wide",
            "media:text",
            "media:well-known",
            "media:registered",
            "param:untyped:Long",
            "param:untyped:String",
            "body:single-part",
            "body:empty-multipart",
            "body:multipart",
            "body:nested-multipart",
            "part-header:textual",
            "part-header:raw",
            "part-header:Content-ID",
            "part-header:Content-Location",
            "part-header:Content-Disposition",
            "part-header:Content-Disposition-1.4",
            "part:data-over-127"));
    for (MmFlags.Operation op : MmFlags.Operation.values()) {
      expected.add("mmflags:" + op);
    }
    for (MboxCount.Unit u : MboxCount.Unit.values()) {
      expected.add("mboxcount:" + u);
    }
    for (Parameter.Kind k : Parameter.Kind.values()) {
      expected.add("param:typed:" + k);
    }
    for (String c :
        List.of(
            "Priority",
            "ResponseStatus",
            "SenderVisibility",
            "Status",
            "RetrieveStatus",
            "ReadStatus",
            "ReplyCharging",
            "MmState",
            "StoreStatus",
            "RetrievalMode",
            "ContentClass",
            "CancelStatus")) {
      expected.add("octet:" + c + ":known");
      expected.add("octet:" + c + ":unknown");
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(SEEN);
    assertTrue(missing.isEmpty(), "never generated: " + missing);
  }
}
