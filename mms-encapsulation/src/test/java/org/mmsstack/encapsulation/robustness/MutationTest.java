package org.mmsstack.encapsulation.robustness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mmsstack.encapsulation.Corpus;

/**
 * Seeded random mutations (bit flips, overwritten, inserted and deleted octets, cuts) of every
 * corpus PDU, each put through {@link Exercise#all(byte[])}: decoding may only fail with a
 * {@code PduFormatException}, and materialising, re-encoding and validating whatever decodes
 * must not throw at all.
 */
class MutationTest {

  private static final int MUTANTS_PER_FILE = 200;

  @TestFactory
  Stream<DynamicTest> mutatedCorpusPdusFailOnlyWithPduFormatException() {
    List<Path> files = new ArrayList<>(Corpus.files("pdus"));
    files.addAll(Corpus.files("malformed"));
    return files.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Corpus.name(p), () -> mutate(Corpus.name(p), Corpus.read(p))));
  }

  private static void mutate(String name, byte[] original) {
    // The seed depends only on the file's name: a failure reproduces from the name alone.
    SplittableRandom rnd = new SplittableRandom(name.hashCode());
    for (int i = 0; i < MUTANTS_PER_FILE; i++) {
      byte[] m = mutant(original, rnd);
      try {
        Exercise.all(m);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("mutant " + i + " of " + name + ": " + hex(m), e);
      }
    }
  }

  static byte[] mutant(byte[] in, SplittableRandom rnd) {
    byte[] b = in.clone();
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int n = b.length;
      int op = rnd.nextInt(6);
      if (n == 0) {
        op = 2;
      }
      int at = n == 0 ? 0 : rnd.nextInt(n);
      switch (op) {
        case 0: // flip one bit
          b[at] ^= (byte) (1 << rnd.nextInt(8));
          break;
        case 1: // overwrite with an octet that means something in WSP, or any octet
          b[at] =
              (byte)
                  (rnd.nextBoolean()
                      ? INTERESTING[rnd.nextInt(INTERESTING.length)]
                      : rnd.nextInt(256));
          break;
        case 2:
          { // insert
            byte[] c = new byte[n + 1];
            System.arraycopy(b, 0, c, 0, at);
            c[at] = (byte) rnd.nextInt(256);
            System.arraycopy(b, at, c, at + 1, n - at);
            b = c;
            break;
          }
        case 3:
          { // delete
            byte[] c = new byte[n - 1];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(b, at + 1, c, at, n - at - 1);
            b = c;
            break;
          }
        case 4: // cut
          b = java.util.Arrays.copyOf(b, at);
          break;
        default: // a length-like octet: large uintvar continuation or Length-quote
          b[at] = (byte) (rnd.nextBoolean() ? 0x1F : 0xFF);
      }
    }
    return b;
  }

  /** Octets with a meaning in WSP: lengths, quotes, tokens, terminators. */
  private static final int[] INTERESTING = {
    0x00, 0x01, 0x1E, 0x1F, 0x20, 0x22, 0x7F, 0x80, 0x81, 0x84, 0x8C, 0xA3, 0xB3, 0xFF
  };

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02X", x & 0xFF));
    }
    return sb.toString();
  }
}
