package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FindingTest {

  @Test
  void lazyMessageIsMadeOnFirstReadOnly() {
    AtomicInteger calls = new AtomicInteger();
    Finding f =
        Finding.lazy(
            Severity.WARNING,
            "some-code",
            7,
            Finding.NO_LINE,
            Finding.NO_COLUMN,
            "Subject",
            () -> "made " + calls.incrementAndGet());
    assertEquals(0, calls.get());
    assertEquals("made 1", f.message());
    assertEquals("made 1", f.message());
    assertEquals(1, calls.get());
  }

  @Test
  void lazyAndEagerFindingsWithTheSameTextAreEqual() {
    Finding eager = Finding.of(Severity.ERROR, "c", 3, "To", "text");
    Finding lazy =
        Finding.lazy(
            Severity.ERROR, "c", 3, Finding.NO_LINE, Finding.NO_COLUMN, "To", () -> "text");
    assertEquals(eager, lazy);
    assertEquals(eager.hashCode(), lazy.hashCode());
  }

  @Test
  void positionsDefaultToUnknown() {
    Finding f = Finding.of(Severity.INFO, "c", Finding.NO_OFFSET, null, "m");
    assertFalse(f.hasOffset());
    assertEquals(Finding.NO_LINE, f.line());
    assertEquals(Finding.NO_COLUMN, f.column());
    assertEquals(Optional.empty(), f.header());
    assertEquals("INFO c: m", f.toString());
  }

  @Test
  void lineFindingsPrintLineAndColumn() {
    Finding f = Finding.ofLine(Severity.ERROR, "bad-prefix", 12, 5, Finding.NO_OFFSET, null, "m");
    assertEquals("ERROR line 12:5 bad-prefix: m", f.toString());
  }

  @Test
  void shiftingMovesOnlyFindingsThatHaveAnOffset() {
    Finding at = Finding.of(Severity.ERROR, "c", 10, "From", "m");
    assertEquals(25, at.shifted(15).offset());
    assertEquals("From", at.shifted(15).header().orElseThrow());
    Finding nowhere = Finding.of(Severity.ERROR, "c", Finding.NO_OFFSET, null, "m");
    assertSame(nowhere, nowhere.shifted(15));
  }

  @Test
  void rejectsImpossiblePositionsAndMissingParts() {
    assertThrows(
        IllegalArgumentException.class, () -> Finding.of(Severity.INFO, "c", -2, null, "m"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Finding.ofLine(Severity.INFO, "c", -1, 0, Finding.NO_OFFSET, null, "m"));
    assertThrows(NullPointerException.class, () -> Finding.of(null, "c", 0, null, "m"));
    assertThrows(NullPointerException.class, () -> Finding.of(Severity.INFO, null, 0, null, "m"));
    assertTrue(Finding.of(Severity.INFO, "c", 0, null, "m").hasOffset());
  }
}
