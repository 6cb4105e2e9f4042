package org.mmsstack.encapsulation.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

/** A decoded body records where its entries lie and makes its parts on first access. */
class MultipartBodyTest {

  @Test
  void aDecodedBodyOfManyPartsGivesEveryPartInOrderAndOnceMade()
      throws PduFormatException, IOException {
    List<Part> built = new ArrayList<>();
    for (int k = 0; k < 40; k++) { // more than the decoder's first entry table holds
      Part p =
          k % 3 == 0
              ? Part.builder().text("part " + k).contentId("<p" + k + ">").build()
              : Part.builder()
                  .contentType(ContentType.of(MediaType.IMAGE_JPEG))
                  .data(new byte[k])
                  .contentLocation("p" + k + ".jpg")
                  .build();
      built.add(p);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MultipartBody.of(built).writeTo(out);
    byte[] octets = out.toByteArray();

    MultipartBody decoded = MultipartBody.decode(octets, 0, octets.length, DecodeConfig.STRICT);

    assertEquals(40, decoded.size());
    List<Part> parts = decoded.parts();
    assertSame(parts, decoded.parts());
    assertEquals(built, parts);
    for (int k = 0; k < 40; k++) {
      assertEquals(k % 3 == 0 ? ("part " + k).length() : k, parts.get(k).dataSize());
    }
    assertEquals("part 39", parts.get(39).text());
    assertEquals(new String(octets, StandardCharsets.ISO_8859_1), writeToString(decoded));
  }

  private static String writeToString(MultipartBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
