package org.mmsstack.routing.table.internal;

import java.util.Arrays;

/**
 * An immutable open-addressing hash table from a {@link DigitKeys digit key} to a target index.
 *
 * <p>Each slot is one {@code long}: {@code key << TARGET_BITS | targetIndex}, a 50-bit key over a
 * 14-bit target index. Key and value share a slot so a probe costs one memory access; an empty
 * slot is 0 (the key of the digit string 0 is 1, so no key is 0). The table is sized to a
 * load factor of four fifths with linear probing, and the slot index comes from a multiply-shift
 * range reduction instead of a power-of-two mask, so the capacity can be exactly 1.25 times the
 * entry count: 10 bytes per entry. A key present is found on average within three slots, nearly
 * always in the cache line of its home slot.
 *
 * <p>Why not the emptier table a miss would like: number lookups ask a {@link NumberFilter}
 * before they probe, so almost every probe is for a key that is there, and a table of a million
 * entries is far larger than the caches, where a smaller one keeps more of itself cached (this
 * table at one half cost 16 bytes per entry).
 */
public final class KeyTargetTable {

  /** Bits of a slot that hold the target index: what the {@link DigitKeys#KEY_BITS key} leaves. */
  public static final int TARGET_BITS = 64 - DigitKeys.KEY_BITS;

  /** Number of distinct target indices a slot can hold. */
  public static final int MAX_TARGETS = 1 << TARGET_BITS;

  /** Returned by {@link #get} for a key that is not in the table. */
  public static final int NOT_FOUND = -1;

  private static final int TARGET_MASK = MAX_TARGETS - 1;

  /** Receives the entry indices of two entries with the same key while a table is built. */
  @FunctionalInterface
  public interface DuplicateSink {
    /**
     * Called once for every entry whose key an earlier entry already has.
     *
     * @param first index of the earlier entry
     * @param duplicate index of the later entry, which is left out of the table
     */
    void duplicate(int first, int duplicate);
  }

  private final long[] slots;
  private final int size;

  private KeyTargetTable(long[] slots, int size) {
    this.slots = slots;
    this.size = size;
  }

  /** The slot content for an entry: a valid key and a target index below {@link #MAX_TARGETS}. */
  public static long pack(long key, int target) {
    return key << TARGET_BITS | target;
  }

  /** The key of a packed entry. */
  public static long keyOf(long packed) {
    return packed >>> TARGET_BITS;
  }

  /** The target index of a packed entry. */
  public static int targetOf(long packed) {
    return (int) packed & TARGET_MASK;
  }

  /**
   * Builds a table from {@code packed[0, count)}. Later entries with a key already present are
   * reported to {@code duplicates} and left out; the array is not modified.
   */
  public static KeyTargetTable build(long[] packed, int count, DuplicateSink duplicates) {
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L, count + count / 4 + 1));
    long[] slots = new long[capacity];
    // Only kept while building, to name the earlier entry of a duplicate pair.
    int[] entryOfSlot = new int[capacity];
    int size = 0;
    for (int e = 0; e < count; e++) {
      long entry = packed[e];
      long key = entry >>> TARGET_BITS;
      int i = index(key, capacity);
      while (true) {
        long slot = slots[i];
        if (slot == 0) {
          slots[i] = entry;
          entryOfSlot[i] = e;
          size++;
          break;
        }
        if (slot >>> TARGET_BITS == key) {
          duplicates.duplicate(entryOfSlot[i], e);
          break;
        }
        if (++i == capacity) {
          i = 0;
        }
      }
    }
    return new KeyTargetTable(slots, size);
  }

  private static int index(long key, int capacity) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (((h >>> 32) * capacity) >>> 32);
  }

  /** Target index stored for {@code key}, or {@link #NOT_FOUND}. */
  public int get(long key) {
    long[] s = slots;
    int capacity = s.length;
    int i = index(key, capacity);
    while (true) {
      long slot = s[i];
      if (slot == 0) {
        return NOT_FOUND;
      }
      if (slot >>> TARGET_BITS == key) {
        return (int) slot & TARGET_MASK;
      }
      if (++i == capacity) {
        i = 0;
      }
    }
  }

  /**
   * The content of {@code key}'s home slot (0 for key 0, any slot for keys not in the table):
   * read to bring the slot into the cache before {@link #get} needs it.
   */
  public long slotAt(long key) {
    return slots[index(key, slots.length)];
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** Bytes held by the slot array (the table's only per-entry storage). */
  public long sizeInBytes() {
    return 16L + 8L * slots.length;
  }

  /** The keys, sorted like their digit strings (see {@link DigitKeys#lexicographicOrder}). */
  public long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long slot : slots) {
      if (slot != 0) {
        out[n++] = DigitKeys.lexicographicOrder(slot >>> TARGET_BITS);
      }
    }
    Arrays.sort(out);
    for (int i = 0; i < n; i++) {
      out[i] = DigitKeys.fromLexicographicOrder(out[i]);
    }
    return out;
  }

  /** Calls {@code visitor} with every (key, target index), in slot order. */
  public void forEach(EntryVisitor visitor) {
    for (long slot : slots) {
      if (slot != 0) {
        visitor.visit(slot >>> TARGET_BITS, (int) slot & TARGET_MASK);
      }
    }
  }

  /** Receives entries from {@link #forEach}. */
  @FunctionalInterface
  public interface EntryVisitor {
    /** One entry. */
    void visit(long key, int target);
  }
}
