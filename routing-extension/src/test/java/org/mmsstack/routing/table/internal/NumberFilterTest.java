package org.mmsstack.routing.table.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberFilterTest {

    /** A filter may say "maybe" for an absent key, never "no" for a present one. */
    @Test
    void everyKeyOfTheTablesPasses() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 50_000;
        long[] overrides = new long[n];
        long[] prefixes = new long[n];
        int[] overrideCounts = new int[n];
        int[] prefixCounts = new int[n];
        long[] packedOverrides = new long[n];
        long[] packedPrefixes = new long[n];
        for (int i = 0; i < n; i++) {
            overrideCounts[i] = 1 + random.nextInt(DigitKeys.MAX_DIGITS);
            overrides[i] = random.nextLong(DigitKeys.pow10(overrideCounts[i]));
            prefixCounts[i] = 1 + random.nextInt(DigitKeys.MAX_DIGITS);
            prefixes[i] = random.nextLong(DigitKeys.pow10(prefixCounts[i]));
            packedOverrides[i] = KeyTargetTable.pack(DigitKeys.key(overrides[i], overrideCounts[i]), 1);
            packedPrefixes[i] = KeyTargetTable.pack(DigitKeys.key(prefixes[i], prefixCounts[i]), 2);
        }
        NumberFilter filter = NumberFilter.build(
                KeyTargetTable.build(packedOverrides, n, (a, b) -> { }),
                KeyTargetTable.build(packedPrefixes, n, (a, b) -> { }));
        for (int i = 0; i < n; i++) {
            long v = overrides[i];
            int c = overrideCounts[i];
            assertTrue(filter.mayContain(NumberFilter.group(v, c), DigitKeys.key(v, c), NumberFilter.OVERRIDE));
            long p = prefixes[i];
            int l = prefixCounts[i];
            assertTrue(filter.mayContain(NumberFilter.group(p, l), DigitKeys.key(p, l), NumberFilter.PREFIX));
        }
    }
}
