package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.Status;

class RoutingPdusTest {

  static SendReq sendReq() {
    return SendReq.builder()
        .transactionId("tx-77")
        .from(FromValue.of(Address.plmn("+491701111111")))
        .to("+491711234567/TYPE=PLMN")
        .to("+491729876543/TYPE=PLMN")
        .cc("bob@example.org")
        .subject("Grüße")
        .date(Instant.ofEpochSecond(1_789_999_000L))
        .deliveryReport(true)
        .body(
            ContentType.of(MediaType.MULTIPART_RELATED).withParameter("type", "application/smil"),
            MultipartBody.of(
                Part.builder().text("<smil/>").contentId("<s>").build(),
                Part.builder().text("hello").contentLocation("t.txt").build()))
        .build();
  }

  private static RoutingFields signedFor(Pdu pdu) throws RoutingFieldException {
    RoutingSigner s = RoutingSigner.fromSeed("rs-b.1", Fixtures.B, Fixtures.seed(3));
    return s.sign(Fixtures.fields(), RoutingPdus.identity(pdu));
  }

  @Test
  void attachReadStripRoundTrip() throws Exception {
    SendReq pdu = sendReq();
    RoutingFields f = signedFor(pdu);
    Pdu with = RoutingPdus.attach(pdu, f);
    assertEquals(Optional.of(f), RoutingPdus.read(with));
    assertEquals(Optional.empty(), RoutingPdus.read(pdu));
    Pdu stripped = RoutingPdus.strip(with);
    assertEquals(pdu, stripped);
    assertArrayEquals(PduCodec.encode(pdu), PduCodec.encode(stripped));
    assertSame(pdu, RoutingPdus.strip(pdu));
    // Attaching again replaces, never duplicates.
    Pdu twice = RoutingPdus.attach(with, f.toBuilder().tableVersion(43).build().unsigned());
    assertEquals(43, RoutingPdus.read(twice).orElseThrow().tableVersion());
  }

  @Test
  void attachKeepsEveryOtherOctetOfADecodedPdu() throws Exception {
    byte[] original = PduCodec.encode(sendReq());
    Pdu decoded = PduCodec.decode(original);
    Pdu with = RoutingPdus.attach(decoded, signedFor(decoded));
    byte[] withBytes = PduCodec.encode(with);
    // The encoded PDU is the original with the routing headers inserted just before Content-Type.
    int ct = indexOfContentType(decoded);
    int inserted = withBytes.length - original.length;
    assertTrue(inserted > 0);
    assertArrayEquals(
        java.util.Arrays.copyOfRange(original, 0, ct),
        java.util.Arrays.copyOfRange(withBytes, 0, ct));
    assertArrayEquals(
        java.util.Arrays.copyOfRange(original, ct, original.length),
        java.util.Arrays.copyOfRange(withBytes, ct + inserted, withBytes.length));
    assertArrayEquals(original, PduCodec.encode(RoutingPdus.strip(PduCodec.decode(withBytes))));
  }

  private static int indexOfContentType(Pdu decoded) {
    for (Header h : decoded.headers()) {
      if (h.field().equals(HeaderField.CONTENT_TYPE)) {
        return h.offset();
      }
    }
    throw new AssertionError("no Content-Type");
  }

  @Test
  void theCodecSeesTheSameMessageWithAndWithoutTheFields() throws Exception {
    SendReq pdu = sendReq();
    byte[] plain = PduCodec.encode(pdu);
    byte[] extended = PduCodec.encode(RoutingPdus.attach(pdu, signedFor(pdu)));
    for (DecodeConfig cfg : List.of(DecodeConfig.STRICT, DecodeConfig.LENIENT)) {
      Pdu a = PduCodec.decode(plain, cfg);
      Pdu b = PduCodec.decode(extended, cfg);
      assertTrue(b.findings().isEmpty(), b.findings().toString());
      assertEquals(a.messageType(), b.messageType());
      // Every header that is not a routing field: same field, same typed value, same order.
      List<Header> other =
          b.headers().stream()
              .filter(h -> !(h.field().isApplication() && RoutingHeaders.isRoutingHeader(h.name())))
              .collect(Collectors.toList());
      assertEquals(a.headers(), other);
      for (Header h : a.headers()) {
        assertEquals(a.getAll(h.field()), b.getAll(h.field()));
      }
      SendReq sa = (SendReq) a;
      SendReq sb = (SendReq) b;
      assertEquals(sa.to(), sb.to());
      assertEquals(sa.subject(), sb.subject());
      MultipartBody ma = (MultipartBody) a.body().orElseThrow();
      MultipartBody mb = (MultipartBody) b.body().orElseThrow();
      assertEquals(ma.parts().size(), mb.parts().size());
      for (int i = 0; i < ma.parts().size(); i++) {
        assertEquals(ma.parts().get(i).contentType(), mb.parts().get(i).contentType());
        assertEquals(ma.parts().get(i).headers(), mb.parts().get(i).headers());
        assertEquals(ma.parts().get(i).data(), mb.parts().get(i).data());
      }
      // The extension fields are plain Application-headers with Text-string values.
      long routing = b.headers().stream().filter(h -> h.field().isApplication()).count();
      assertEquals(11, routing);
      for (Header h : b.headers()) {
        if (h.field().isApplication()) {
          assertTrue(h.isWellFormed());
          assertTrue(h.value() instanceof String);
          byte[] enc = h.originalEncoding().orElseThrow();
          int valueStart = h.name().length() + 1;
          int first = enc[valueStart] & 0xFF;
          assertTrue(first >= 0x21 && first <= 0x7E, h.name() + " starts with " + first);
        }
      }
    }
  }

  /**
   * Walks the header section the way the legacy decoders skip Application-headers (WAP-230's
   * Token-text name and Application-specific-value): Android's PduParser reads the name and then treats the
   * value as one more header name; Sailfish requires the value to start with 0x20-0x7F. Both
   * must arrive at Content-Type at the same offset and see the same well-known headers.
   */
  @Test
  void legacySkippingRulesStayInSync() throws Exception {
    for (Pdu pdu : List.of(sendReq(), deliveryInd())) {
      byte[] plain = PduCodec.encode(pdu);
      byte[] extended = PduCodec.encode(RoutingPdus.attach(pdu, signedFor(pdu)));
      for (boolean aosp : new boolean[] {true, false}) {
        List<Integer> codesPlain = walk(plain, aosp);
        List<Integer> codesExt = walk(extended, aosp);
        assertEquals(codesPlain, codesExt, aosp ? "AOSP" : "Sailfish");
      }
    }
  }

  /** The well-known codes met, then -1 and the body length when Content-Type was reached. */
  private static List<Integer> walk(byte[] b, boolean aosp) {
    List<Integer> codes = new ArrayList<>();
    int i = 0;
    while (i < b.length) {
      int h = b[i] & 0xFF;
      if (h >= 0x80) {
        codes.add(h);
        if (h == 0x84) {
          codes.add(-1);
          return codes; // Content-Type: the body follows; both decoders stop header parsing here
        }
        i = skipValue(b, i + 1);
      } else if (h >= 0x20 && h <= 0x7E) {
        i = skipText(b, i); // the name
        if (!aosp) {
          int v = b[i] & 0xFF;
          if (v < 0x20 || v > 0x7F) {
            throw new AssertionError("Sailfish would stop at offset " + i);
          }
          i = skipText(b, i);
        }
        // AOSP: the value is read on the next turn as if it were another header name.
      } else {
        throw new AssertionError("lost sync at offset " + i + " (octet " + h + ")");
      }
    }
    return codes;
  }

  private static int skipText(byte[] b, int i) {
    while (b[i] != 0) {
      i++;
    }
    return i + 1;
  }

  private static int skipValue(byte[] b, int i) {
    int v = b[i] & 0xFF;
    if (v <= 0x1E) {
      return i + 1 + v;
    }
    if (v == 0x1F) {
      int len = 0;
      int j = i + 1;
      while ((b[j] & 0x80) != 0) {
        len = len << 7 | (b[j++] & 0x7F);
      }
      len = len << 7 | b[j++];
      return j + len;
    }
    if (v < 0x80) {
      return skipText(b, i);
    }
    return i + 1;
  }

  static DeliveryInd deliveryInd() {
    return DeliveryInd.builder()
        .messageId("r1.rs-c.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbb")
        .to("+491711234567/TYPE=PLMN")
        .date(Instant.ofEpochSecond(1_789_999_999L))
        .status(Status.RETRIEVED)
        .build();
  }

  @Test
  void identityOfPdus() throws Exception {
    MessageIdentity s = RoutingPdus.identity(sendReq());
    assertEquals(
        new MessageIdentity(
            MessageKind.MESSAGE, "", "tx-77", "1789999000", "+491701111111/TYPE=PLMN"),
        s);
    MessageIdentity d = RoutingPdus.identity(deliveryInd());
    assertEquals(
        new MessageIdentity(
            MessageKind.DELIVERY_REPORT,
            "r1.rs-c.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbb",
            "",
            "1789999999",
            "+491711234567/TYPE=PLMN"),
        d);
    SendReq insert = sendReq().toBuilder().from(FromValue.insertAddress()).build();
    assertEquals("", RoutingPdus.identity(insert).originator());
  }

  @Test
  void nonTextRoutingValueIsMalformed() throws Exception {
    // An Application-header value that is not a Text-string (here a Short-integer octet) is
    // kept raw by the lenient decoder and refused by the routing reader.
    SendReq pdu = sendReq();
    byte[] plain = PduCodec.encode(pdu);
    Pdu decoded = PduCodec.decode(plain);
    int ct = indexOfContentType(decoded);
    byte[] name = "X-Mms-Routing-Version\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] bad = new byte[plain.length + name.length + 1];
    System.arraycopy(plain, 0, bad, 0, ct);
    System.arraycopy(name, 0, bad, ct, name.length);
    bad[ct + name.length] = (byte) 0x81;
    System.arraycopy(plain, ct, bad, ct + name.length + 1, plain.length - ct);
    Pdu p = PduCodec.decode(bad, DecodeConfig.LENIENT);
    RoutingFieldException e = assertThrows(RoutingFieldException.class, () -> RoutingPdus.read(p));
    assertEquals(RoutingFieldException.Reason.MALFORMED, e.reason());
    // The border still strips it.
    Pdu clean = BorderFilter.DEFAULT.filter(p, BorderFilter.Direction.INBOUND).message();
    assertFalse(RoutingPdus.hasRoutingHeaders(clean));
    assertArrayEquals(plain, PduCodec.encode(clean));
  }

  @Test
  void routingPrefixedNameThatIsNoTokenIsStripped() throws Exception {
    // A lenient decode keeps an Application-header whose name has an octet outside RFC 2616's
    // token (here 0x80 after the routing prefix); the border strips and attach replaces it like
    // any other routing header, and neither throws.
    SendReq pdu = sendReq();
    byte[] plain = PduCodec.encode(pdu);
    int ct = indexOfContentType(PduCodec.decode(plain));
    byte[] name = "X-Mms-Routing-\u0080\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] value = "v\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] bad = new byte[plain.length + name.length + value.length];
    System.arraycopy(plain, 0, bad, 0, ct);
    System.arraycopy(name, 0, bad, ct, name.length);
    System.arraycopy(value, 0, bad, ct + name.length, value.length);
    System.arraycopy(plain, ct, bad, ct + name.length + value.length, plain.length - ct);
    Pdu p = PduCodec.decode(bad, DecodeConfig.LENIENT);
    assertTrue(RoutingPdus.hasRoutingHeaders(p));
    BorderFilter.Outcome<Pdu> out = BorderFilter.DEFAULT.filter(p, BorderFilter.Direction.INBOUND);
    assertEquals(BorderFilter.Action.STRIPPED, out.action());
    assertFalse(RoutingPdus.hasRoutingHeaders(out.message()));
    assertArrayEquals(plain, PduCodec.encode(out.message()));
    assertArrayEquals(plain, PduCodec.encode(RoutingPdus.strip(p)));
    Pdu replaced = RoutingPdus.attach(p, Fixtures.fields());
    assertEquals(Fixtures.fields(), RoutingPdus.read(replaced).orElseThrow());
  }

  /** Every corpus PDU that decodes keeps all its octets and meaning with the fields attached. */
  @Test
  void everyCorpusPduCarriesTheFieldsTransparently() throws Exception {
    Path root = corpusRoot();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root.resolve("pdus"))) {
      files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    int checked = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      Pdu pdu;
      try {
        pdu = PduCodec.decode(bytes);
      } catch (PduFormatException e) {
        continue; // malformed samples are the codec's concern, not ours
      }
      Pdu with = RoutingPdus.attach(pdu, Fixtures.fields());
      byte[] enc = PduCodec.encode(with);
      Pdu back = PduCodec.decode(enc);
      assertEquals(Optional.of(Fixtures.fields()), RoutingPdus.read(back), f.toString());
      assertEquals(pdu, RoutingPdus.strip(back), f.toString());
      assertArrayEquals(
          PduCodec.encode(pdu), PduCodec.encode(RoutingPdus.strip(back)), f.toString());
      assertNotEquals(0, enc.length);
      checked++;
    }
    assertTrue(checked > 0, "no corpus PDU decoded");
  }

  static Path corpusRoot() throws IOException {
    String prop = System.getProperty("mmsstack.corpus");
    Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared", "corpus");
    boolean present = Files.isDirectory(p.resolve("pdus"));
    if (!present && "1".equals(System.getenv("MMSSTACK_REQUIRE_CORPUS"))) {
      throw new IllegalStateException(
          "the shared corpus is required but absent at " + p.toAbsolutePath());
    }
    assumeTrue(
        present, "shared corpus not found at " + p.toAbsolutePath() + ": corpus test skipped");
    return p;
  }
}
