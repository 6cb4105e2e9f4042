package org.mmsstack.encapsulation.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;

class PartBuilderTest {

  private static final ContentType JPEG = ContentType.of(MediaType.IMAGE_JPEG);

  /**
   * The README's m-send-req, built with the part builder, encodes to the octets the library wrote
   * for it before the builder existed (parts made with one header added at a time).
   */
  @Test
  void readmeExampleEncodesToTheSameOctetsAsBefore() {
    byte[] smil =
        "<smil><body><par dur=\"5000ms\"><img src=\"photo.jpg\"/></par></body></smil>"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] jpeg = new byte[300];
    for (int i = 0; i < jpeg.length; i++) {
      jpeg[i] = (byte) (i * 7 + 1);
    }
    Part smilPart =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data(smil)
            .contentId("<smil>")
            .build();
    Part text =
        Part.builder().text("Hello").contentId("<text>").contentLocation("text.txt").build();
    Part photo =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG).withParameter("name", "photo.jpg"))
            .data(jpeg)
            .contentId("<photo>")
            .build();
    SendReq req =
        SendReq.builder()
            .transactionId("T1")
            .from(FromValue.insertAddress())
            .to("+4917612345678/TYPE=PLMN")
            .subject("Grüße")
            .body(
                ContentType.of(MediaType.MULTIPART_RELATED)
                    .withParameter("start", "<smil>")
                    .withParameter("type", MediaType.APPLICATION_SMIL),
                MultipartBody.of(smilPart, text, photo))
            .build();
    byte[] wire = PduCodec.encode(req);
    String expected =
        "8c80985431008d92890181972b343931373631323334353637382f545950453d504c4d4e009609ea4772c3bc"
            + "c39f6500841bb38a3c736d696c3e00896170706c69636174696f6e2f736d696c00031a486170706c6963"
            + "6174696f6e2f736d696c00c0223c736d696c3e003c736d696c3e3c626f64793e3c706172206475723d22"
            + "353030306d73223e3c696d67207372633d2270686f746f2e6a7067222f3e3c2f7061723e3c2f626f6479"
            + "3e3c2f736d696c3e1705038381eac0223c746578743e008e746578742e7478740048656c6c6f17822c0c"
            + "9e8570686f746f2e6a706700c0223c70686f746f3e00";
    assertEquals(534, wire.length);
    assertEquals(expected, HexFormat.of().formatHex(wire, 0, wire.length - jpeg.length));
    assertArrayEquals(jpeg, Arrays.copyOfRange(wire, wire.length - jpeg.length, wire.length));
  }

  @Test
  void dataIsAViewOfTheCallersArrayOrBufferUnlessCopied() {
    byte[] a = {1, 2, 3};
    Part view = Part.builder().contentType(JPEG).data(a).build();
    Part copy = Part.builder().contentType(JPEG).copyOfData(a).build();
    ByteBuffer b = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
    b.position(1);
    Part buffer = Part.builder().contentType(JPEG).data(b).build();
    assertEquals(1, b.position()); // the caller's buffer is left as it was
    a[0] = 42;
    b.put(2, (byte) 43);
    assertEquals(42, view.data().get(0));
    assertEquals(1, copy.data().get(0));
    assertEquals(3, buffer.dataSize());
    assertEquals(43, buffer.data().get(1));
    assertTrue(view.data().isReadOnly());
    assertTrue(buffer.data().isReadOnly());
  }

  @Test
  void headersKeepTheirOrderAndTheNamedOnesReplaceTheirKind() {
    PartHeader transfer = PartHeader.text("Content-Transfer-Encoding", "binary");
    Part p =
        Part.builder()
            .contentType(JPEG)
            .data(new byte[1])
            .contentLocation("a.jpg")
            .addHeader(transfer)
            .contentId("<a>")
            .contentLocation("b.jpg") // replaces, at its place
            .contentDisposition(ContentDisposition.attachment("b.jpg"))
            .contentId("<b>")
            .build();
    assertEquals(
        List.of(
            PartHeader.contentLocation("b.jpg"),
            transfer,
            PartHeader.contentId("<b>"),
            PartHeader.contentDisposition(ContentDisposition.attachment("b.jpg"))),
        p.headers());
    // A textual header of the same name and the WSP 1.4 code count as the same kind.
    Part q =
        Part.builder()
            .contentType(JPEG)
            .data(new byte[1])
            .addHeader(PartHeader.text("content-id", "<x>"))
            .addHeader(
                new PartHeader(
                    "Content-Disposition",
                    PartHeader.CONTENT_DISPOSITION_1_4,
                    ContentDisposition.inline()))
            .contentId("<y>")
            .contentDisposition(ContentDisposition.attachment("y"))
            .build();
    assertEquals(
        List.of(
            PartHeader.contentId("<y>"),
            PartHeader.contentDisposition(ContentDisposition.attachment("y"))),
        q.headers());
    // header() always adds.
    Part twice =
        Part.builder()
            .contentType(JPEG)
            .data(new byte[0])
            .addHeader(transfer)
            .addHeader(transfer)
            .build();
    assertEquals(List.of(transfer, transfer), twice.headers());
  }

  @Test
  void headersReplacesAllAndRemoveHeadersRemovesByName() {
    Part.Builder b =
        Part.builder()
            .contentType(JPEG)
            .data(new byte[0])
            .contentId("<a>")
            .headers(List.of(PartHeader.contentLocation("x"), PartHeader.text("X-A", "1")));
    assertEquals(
        List.of(PartHeader.contentLocation("x"), PartHeader.text("X-A", "1")), b.build().headers());
    assertEquals(
        List.of(PartHeader.text("X-A", "1")), b.removeHeader("content-location").build().headers());
    assertEquals(List.of(), b.headers(List.of()).build().headers());
  }

  /** A builder used again after build() leaves the parts it built as they were. */
  @Test
  void buildingAgainDoesNotChangeABuiltPart() {
    Part.Builder b = Part.builder().contentType(JPEG).data(new byte[0]).contentId("<a>");
    Part first = b.build();
    Part second = b.contentId("<b>").build();
    Part third = b.contentLocation("c").build();
    Part fourth = b.removeHeader("Content-ID").build();
    assertEquals(List.of(PartHeader.contentId("<a>")), first.headers());
    assertEquals(List.of(PartHeader.contentId("<b>")), second.headers());
    assertEquals(
        List.of(PartHeader.contentId("<b>"), PartHeader.contentLocation("c")), third.headers());
    assertEquals(List.of(PartHeader.contentLocation("c")), fourth.headers());
    assertThrows(UnsupportedOperationException.class, () -> first.headers().add(null));
  }

  @Test
  void textSetsTheUtf8TypeAndTheData() {
    Part p = Part.builder().text("Grüße").build();
    assertEquals(Part.text("Grüße"), p);
    assertEquals(CharacterSet.UTF_8, p.contentType().charset().orElseThrow());
    assertEquals("Grüße", p.text());
  }

  /** toBuilder of a decoded part keeps its type, headers and a view of its data. */
  @Test
  void toBuilderOfADecodedPartViewsItsData() throws Exception {
    Part built =
        Part.builder()
            .contentType(JPEG.withParameter("name", "p.jpg"))
            .data(new byte[] {5, 6, 7})
            .contentId("<p>")
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MultipartBody.of(built).writeTo(out);
    byte[] wire = out.toByteArray();
    Part decoded = MultipartBody.decode(wire, 0, wire.length, DecodeConfig.STRICT).parts().get(0);
    Part changed = decoded.toBuilder().contentLocation("p.jpg").build();
    assertEquals(built.contentType(), changed.contentType());
    assertEquals(
        List.of(PartHeader.contentId("<p>"), PartHeader.contentLocation("p.jpg")),
        changed.headers());
    wire[wire.length - 1] = 9; // a view of the decoder's input, not a copy
    assertEquals(9, changed.data().get(2));
    assertEquals(decoded, decoded.toBuilder().build());
    assertFalse(changed.hasOriginalHeaders()); // a header changed: written canonically
  }

  /**
   * toBuilder keeps a decoded part's head octets, byte for byte, while neither the content type
   * nor a header changes; any change to either writes the head canonically.
   */
  @Test
  void toBuilderKeepsTheHeadOctetsUntilTheHeadChanges() throws Exception {
    // A head the canonical writer would write otherwise: the content type in the general form
    // with a Value-length though it has no parameters, and a quoted Content-ID.
    byte[] head = {0x01, (byte) 0x9E, (byte) 0xC0, '"', '<', 'p', '>', 0};
    byte[] wire = new byte[3 + head.length + 3];
    wire[0] = 1; // one entry
    wire[1] = (byte) head.length;
    wire[2] = 3;
    System.arraycopy(head, 0, wire, 3, head.length);
    wire[wire.length - 3] = 5;
    wire[wire.length - 2] = 6;
    wire[wire.length - 1] = 7;
    Part decoded = MultipartBody.decode(wire, 0, wire.length, DecodeConfig.STRICT).parts().get(0);
    assertEquals(List.of(PartHeader.contentId("<p>")), decoded.headers());

    byte[] newData = {8, 9};
    Part kept = decoded.toBuilder().data(newData).build();
    assertTrue(kept.hasOriginalHeaders());
    assertEquals(decoded.contentType(), kept.contentType());
    assertEquals(decoded.headers(), kept.headers());
    assertEquals(ByteBuffer.wrap(newData), kept.data());
    assertEquals(2, kept.dataSize());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MultipartBody.of(kept).writeTo(out);
    byte[] expected = wire.clone();
    expected[2] = 2;
    byte[] again = Arrays.copyOf(expected, expected.length - 1);
    again[again.length - 2] = 8;
    again[again.length - 1] = 9;
    assertArrayEquals(again, out.toByteArray());
    // Unchanged entirely: the same octets as decoded.
    ByteArrayOutputStream same = new ByteArrayOutputStream();
    MultipartBody.of(decoded.toBuilder().build()).writeTo(same);
    assertArrayEquals(wire, same.toByteArray());
    // Setting the data again, or removing a header it has not, changes no head.
    assertTrue(decoded.toBuilder().removeHeader("X-None").build().hasOriginalHeaders());

    // A change to the head: canonical, the same content type and headers written shorter.
    for (Part.Builder b :
        List.of(
            decoded.toBuilder().contentType(decoded.contentType()),
            decoded.toBuilder().contentId("<p>"),
            decoded.toBuilder().removeHeader("Content-ID"),
            decoded.toBuilder().addHeader(PartHeader.contentLocation("p")),
            decoded.toBuilder().headers(decoded.headers()),
            decoded.toBuilder().text("t"))) {
      Part p = b.build();
      assertFalse(p.hasOriginalHeaders(), p.toString());
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      MultipartBody.of(p).writeTo(o);
      assertEquals(
          p,
          MultipartBody.decode(o.toByteArray(), 0, o.size(), DecodeConfig.STRICT).parts().get(0));
    }
  }

  /**
   * A multipart part whose body decodes only leniently (it announces two entries and has one)
   * passes through toBuilder unchanged, octets and all; new data for a multipart is still checked.
   */
  @Test
  void toBuilderKeepsALenientlyDecodedMultipartBody() throws Exception {
    byte[] nested = {0x02, 0x01, 0x01, (byte) 0x83, 'x'}; // 2 entries announced, 1 present
    byte[] wire = new byte[4 + nested.length];
    wire[0] = 1; // one entry
    wire[1] = 1; // its head: the content type alone
    wire[2] = (byte) nested.length;
    wire[3] = (byte) 0xA3; // application/vnd.wap.multipart.mixed
    System.arraycopy(nested, 0, wire, 4, nested.length);
    Part decoded = MultipartBody.decode(wire, 0, wire.length, DecodeConfig.LENIENT).parts().get(0);
    assertTrue(decoded.isMultipart());
    assertEquals(
        "multipart-count-mismatch",
        decoded.asMultipart(DecodeConfig.LENIENT).findings().get(0).code());

    Part same = decoded.toBuilder().build();
    assertEquals(decoded, same);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MultipartBody.of(same).writeTo(out);
    assertArrayEquals(wire, out.toByteArray());
    // A header added: the head is written anew, the body kept as it came.
    Part named = decoded.toBuilder().contentLocation("m").build();
    assertEquals(ByteBuffer.wrap(nested), named.data());

    // The same octets set as new data are checked as any multipart body is.
    for (Part.Builder b :
        List.of(
            decoded.toBuilder().data(nested.clone()),
            decoded.toBuilder().data(ByteBuffer.wrap(nested)),
            decoded.toBuilder().copyOfData(nested))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
      assertTrue(e.getMessage().contains("not a multipart body"), e.getMessage());
    }
    // A leaf part's data given a multipart type is checked too.
    Part leaf = Part.builder().contentType(JPEG).data(nested).build();
    assertThrows(
        IllegalArgumentException.class,
        () -> leaf.toBuilder().contentType(ContentType.of(MediaType.MULTIPART_MIXED)).build());
  }

  @Test
  void misuseNamesTheParameter() {
    assertEquals(
        "contentType: not set",
        assertThrows(IllegalStateException.class, () -> Part.builder().data(new byte[0]).build())
            .getMessage());
    assertEquals(
        "data: not set",
        assertThrows(IllegalStateException.class, () -> Part.builder().contentType(JPEG).build())
            .getMessage());
    // A null argument: NullPointerException naming the parameter, as the JDK's checks do.
    Part.Builder b = Part.builder();
    assertNpe("contentType", () -> b.contentType(null));
    assertNpe("data", () -> b.data((byte[]) null));
    assertNpe("data", () -> b.data((ByteBuffer) null));
    assertNpe("data", () -> b.copyOfData(null));
    assertNpe("text", () -> b.text(null));
    assertNpe("id", () -> b.contentId(null));
    assertNpe("uri", () -> b.contentLocation(null));
    assertNpe("disposition", () -> b.contentDisposition(null));
    assertNpe("header", () -> b.addHeader(null));
    assertNpe("headers", () -> b.headers(null));
    assertNpe(
        "headers: null at index 1",
        () -> b.headers(Arrays.asList(PartHeader.contentId("<a>"), null)));
    assertNpe("name", () -> b.removeHeader(null));
  }

  private static void assertNpe(String message, Runnable r) {
    assertEquals(message, assertThrows(NullPointerException.class, r::run).getMessage());
  }
}
