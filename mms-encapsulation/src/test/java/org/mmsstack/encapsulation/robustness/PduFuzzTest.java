package org.mmsstack.encapsulation.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of decode (strict and lenient), materialisation of every value,
 * re-encoding and validation ({@link Exercise#all(byte[])}).
 *
 * <p>In the normal build this runs the regression inputs in
 * {@code src/test/resources/org/mmsstack/encapsulation/robustness/PduFuzzTestInputs/exercise/}
 * (small synthetic seeds plus every input the fuzzer ever found a problem with). To fuzz for
 * real (five minutes by default):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl mms-encapsulation test -Dtest=PduFuzzTest -DskipDocs
 * </pre>
 *
 * Jazzer writes a crashing input into that folder as {@code crash-<hash>}; rename it to
 * {@code regression-<what>} (the project ignores {@code crash-*} files), fix the cause, and
 * commit both.
 */
class PduFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void exercise(byte[] input) {
    Exercise.all(input);
  }
}
