package org.mmsstack.mm4.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;

/** {@link MimeEntity#toBuilder()}: an unchanged entity builds back to its values; edits apply. */
class EntityToBuilderTest {

  private static final byte[] MAIL =
      ("X-Mms-3GPP-MMS-Version: 6.10.0\r\n"
              + "X-Mms-Message-Type: MM4_forward.REQ\r\n"
              + "X-Mms-Transaction-ID: t-1\r\n"
              + "X-Mms-Message-ID: m-1\r\n"
              + "X-Mms-Originator-System: system-user@mms.example.net\r\n"
              + "From: +491701111111/TYPE=PLMN@mms.example.net\r\n"
              + "To: +491711234567/TYPE=PLMN@mms.example.org\r\n"
              + "Sender: system-user@mms.example.net\r\n"
              + "Message-ID: <m-1@mms.example.net>\r\n"
              + "Date: Sat, 21 Sep 2026 12:00:00 +0000\r\n"
              + "MIME-Version: 1.0\r\n"
              + "Content-Type: multipart/related; boundary=\"b1\"; type=\"application/smil\"\r\n"
              + "\r\n"
              + "--b1\r\n"
              + "Content-Type: application/smil\r\n"
              + "Content-ID: <smil>\r\n"
              + "\r\n"
              + "<smil/>\r\n"
              + "--b1\r\n"
              + "Content-Type: text/plain; charset=utf-8\r\n"
              + "Content-Transfer-Encoding: quoted-printable\r\n"
              + "Content-Location: t.txt\r\n"
              + "Content-Disposition: inline\r\n"
              + "X-Note: kept\r\n"
              + "\r\n"
              + "Gr=C3=BC=C3=9Fe\r\n"
              + "--b1\r\n"
              + "Content-Type: image/jpeg\r\n"
              + "Content-Transfer-Encoding: base64\r\n"
              + "Content-ID: <img>\r\n"
              + "\r\n"
              + "/9j/4AAQ\r\n"
              + "--b1--\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void anUnchangedEntityBuildsBackToItsValues() throws Exception {
    MimeEntity body = Mm4Codec.decode(MAIL).content();
    sameValues(body, body.toBuilder().build());
    for (MimeEntity part : body.parts()) {
      MimeEntity rebuilt = part.toBuilder().build();
      sameValues(part, rebuilt);
      assertEquals(part.transferEncoding(), rebuilt.transferEncoding(), "the encoding is kept");
    }
    // The boundary is kept: it is still free in the parts.
    assertEquals(Optional.of("b1"), body.toBuilder().build().contentType().boundary());
  }

  @Test
  void everyCorpusMailsEntitiesBuildBackToTheirValues() throws Exception {
    int checked = 0;
    for (Path file : corpusFiles()) {
      Mm4Message m;
      try {
        m = Mm4Codec.decode(Files.readAllBytes(file));
      } catch (Mm4FormatException e) {
        continue;
      }
      MimeEntity rebuilt = m.content().toBuilder().build();
      sameValues(m.content(), rebuilt);
      // and the message with it has the same fields (none twice) and survives the codec
      Mm4Message with = m.toBuilder().content(rebuilt).build();
      assertEquals(fields(m.headers()), fields(with.headers()), file.toString());
      assertEquals(
          contentFields(rebuilt.headers()), contentFields(with.headers()), file.toString());
      Mm4Message back = Mm4Codec.decode(Mm4Codec.encode(with));
      sameValues(m.content(), back.content());
      checked++;
    }
    assertTrue(checked > 0 || corpusFiles().isEmpty());
  }

  @Test
  void editsReplaceWhatTheEntityHad() throws Exception {
    MimeEntity text = Mm4Codec.decode(MAIL).content().parts().get(1);
    MimeEntity edited =
        text.toBuilder()
            .contentLocation("greeting.txt")
            .removeHeader("content-disposition")
            .contentId("t")
            .build();
    assertEquals(1, count(edited, "Content-Location"));
    assertEquals(Optional.of("greeting.txt"), edited.contentLocation());
    assertEquals(0, count(edited, "Content-Disposition"));
    assertEquals(Optional.of("t"), edited.contentId());
    assertEquals(Optional.of("kept"), edited.header("X-Note"));
    assertArrayEquals(text.dataBytes(), edited.dataBytes());
    assertThrows(
        IllegalArgumentException.class, () -> text.toBuilder().removeHeader("Content-Type"));
    assertThrows(
        IllegalArgumentException.class,
        () -> text.toBuilder().removeHeader("Content-Transfer-Encoding"));
  }

  @Test
  void whatNoLongerFitsIsChosenAgain() throws Exception {
    MimeEntity body = Mm4Codec.decode(MAIL).content();
    // A part whose data holds the boundary: the entity's boundary is no longer free.
    MimeEntity clash =
        MimeEntity.builder(ContentType.of("text", "plain"))
            .data("--b1\r\n".getBytes(StandardCharsets.US_ASCII))
            .build();
    MimeEntity more = body.toBuilder().addPart(clash).build();
    assertNotEquals(Optional.of("b1"), more.contentType().boundary());
    assertEquals(4, more.parts().size());

    // 7bit data given new octets 7bit cannot carry: an encoding is chosen.
    MimeEntity smil = body.parts().get(0);
    assertEquals(Optional.of(TransferEncoding.SEVEN_BIT), smil.transferEncoding());
    MimeEntity binary = smil.toBuilder().data(new byte[] {0, (byte) 0xFF, 0x0A}).build();
    assertNotEquals(Optional.of(TransferEncoding.SEVEN_BIT), binary.transferEncoding());
    // A forced encoding that cannot carry the data is still refused.
    assertThrows(
        IllegalStateException.class,
        () ->
            smil.toBuilder()
                .data(new byte[] {0})
                .transferEncoding(TransferEncoding.SEVEN_BIT)
                .build());
  }

  @Test
  void theMessageKeepsItsFieldsOnceWhenItsBodyIsRebuilt() throws Exception {
    Mm4Message m = Mm4Codec.decode(MAIL);
    Mm4Message with = m.toBuilder().content(m.content().toBuilder().build()).build();
    assertEquals(fields(m.headers()), fields(with.headers()));
  }

  @Test
  void anEncodingThisLibraryDoesNotKnowIsKeptWithItsData() throws Exception {
    byte[] mail =
        new String(MAIL, StandardCharsets.US_ASCII)
            .replace(
                "Content-Transfer-Encoding: base64\r\nContent-ID: <img>",
                "Content-Transfer-Encoding: x-uuencode\r\nContent-ID: <img>")
            .getBytes(StandardCharsets.US_ASCII);
    MimeEntity img = Mm4Codec.decode(mail).content().parts().get(2);
    assertEquals(Optional.empty(), img.transferEncoding());
    MimeEntity rebuilt = img.toBuilder().build();
    assertEquals(Optional.of("x-uuencode"), rebuilt.header("Content-Transfer-Encoding"));
    assertEquals(Optional.empty(), rebuilt.transferEncoding());
    assertArrayEquals(img.dataBytes(), rebuilt.dataBytes());
    // and goes out as it came
    Mm4Message m = Mm4Codec.decode(mail);
    Mm4Message back =
        Mm4Codec.decode(
            Mm4Codec.encode(
                m.toBuilder()
                    .content(m.content().toBuilder().removeHeader("X-Unused").build())
                    .build()));
    assertArrayEquals(img.dataBytes(), back.content().parts().get(2).dataBytes());
  }

  @Test
  void aTypeThatCannotBeWrittenAgainIsAnIllegalStateAtBuild() throws Exception {
    // Found by fuzzing: a leniently read Content-Type holding NULs, which reads back as it came
    // but which the builder cannot write anew.
    byte[] mail =
        Files.readAllBytes(
            Paths.get(
                "src/test/resources/org/mmsstack/mm4/Mm4ParserFuzzTestInputs/parse/"
                    + "regression-tobuilder-content-type-with-nul"));
    MimeEntity body = Mm4Codec.decode(mail).content();
    // Unchanged, it is written back as it came.
    sameValues(body, body.toBuilder().build());
    // With a part holding the boundary, the type must be written anew, and cannot be.
    String boundary = body.contentType().boundary().orElseThrow();
    MimeEntity clash =
        MimeEntity.builder(ContentType.of("text", "plain"))
            .data(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII))
            .build();
    assertThrows(IllegalStateException.class, () -> body.toBuilder().addPart(clash).build());
  }

  /**
   * The message's own fields as "name: value" lines, sorted: what a message has, whatever the
   * order. The Content-* fields and MIME-Version are the body's ({@code content()} sets them).
   */
  private static List<String> fields(Mm4Headers headers) {
    List<String> out = new ArrayList<>();
    for (Mm4Header h : headers) {
      String n = h.name().toLowerCase(java.util.Locale.ROOT);
      if (!n.startsWith("content-") && !n.equals("mime-version")) {
        out.add(n + ": " + h.value());
      }
    }
    java.util.Collections.sort(out);
    return out;
  }

  /** The Content-* fields, in order. */
  private static List<String> contentFields(Mm4Headers headers) {
    List<String> out = new ArrayList<>();
    for (Mm4Header h : headers) {
      if (h.name().regionMatches(true, 0, "content-", 0, 8)) {
        out.add(h.name() + ": " + h.value());
      }
    }
    return out;
  }

  private static void sameValues(MimeEntity a, MimeEntity b) {
    assertEquals(a.contentType().baseType(), b.contentType().baseType());
    assertEquals(a.contentType().parameters(), b.contentType().parameters());
    assertEquals(a.contentId(), b.contentId());
    assertEquals(a.contentLocation(), b.contentLocation());
    assertEquals(a.contentDisposition(), b.contentDisposition());
    assertEquals(a.isMultipart(), b.isMultipart());
    if (a.isMultipart()) {
      assertEquals(a.parts().size(), b.parts().size());
      for (int i = 0; i < a.parts().size(); i++) {
        sameValues(a.parts().get(i), b.parts().get(i));
      }
    } else {
      assertArrayEquals(a.dataBytes(), b.dataBytes());
    }
    List<String> names = new ArrayList<>();
    for (Mm4Header h : a.headers()) {
      names.add(h.name().toLowerCase(java.util.Locale.ROOT));
    }
    for (String n : names) {
      if (!n.equals("content-type") && !n.equals("content-transfer-encoding")) {
        assertEquals(a.headers().first(n), b.headers().first(n), n);
      }
    }
  }

  private static long count(MimeEntity e, String name) {
    long n = 0;
    for (Mm4Header h : e.headers()) {
      if (h.is(name)) {
        n++;
      }
    }
    return n;
  }

  private static List<Path> corpusFiles() throws IOException {
    String p = System.getProperty("mmsstack.corpus");
    Path dir = p == null ? null : Paths.get(p, "mm4");
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
