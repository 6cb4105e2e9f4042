package org.mmsstack.mm4.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The delimiter search answers as a plain search would, for data shorter than the size from
 * which it makes its shift table and longer, with the delimiter anywhere or nearly there.
 */
class BoundariesTest {

  private static boolean naive(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void theSearchFindsWhatAPlainSearchFinds() {
    SplittableRandom r = new SplittableRandom(5);
    String boundary = "ab-c";
    byte[] delim = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] alphabet = "-abc\r\nx".getBytes(StandardCharsets.US_ASCII);
    for (int round = 0; round < 3_000; round++) {
      int n = r.nextInt(4) == 0 ? r.nextInt(1000, 1100) : r.nextInt(0, 40);
      byte[] data = new byte[n];
      for (int i = 0; i < n; i++) {
        data[i] = alphabet[r.nextInt(alphabet.length)];
      }
      if (n >= delim.length && r.nextBoolean()) {
        int at = r.nextBoolean() ? n - delim.length : r.nextInt(n - delim.length + 1);
        System.arraycopy(delim, 0, data, at, delim.length - (r.nextInt(3) == 0 ? 1 : 0));
      }
      MimeEntity part =
          MimeEntity.builder(ContentType.of("application", "octet-stream"))
              .data(data)
              .transferEncoding(TransferEncoding.BINARY)
              .build();
      assertEquals(naive(data, delim), Boundaries.occursIn(boundary, List.of(part)), () -> n + "");
    }
  }
}
