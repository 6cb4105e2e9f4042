package org.mmsstack.routing.table.internal;

/**
 * A Bloom filter over the override and prefix keys of a table, asked before every number probe.
 *
 * <p>A number lookup probes the override table and then every prefix length, longest first, and
 * most of those probes are for keys that are not there. With a million entries the slot arrays
 * are far larger than the processor caches, so each probe costs a memory access. The filter is
 * an eighth to a sixteenth of their size and answers "not here" for nearly every absent key.
 *
 * <p>A key's <em>group</em>, its first {@value #GROUP_DIGITS} digits (all digits of a shorter
 * key), chooses a block of eight words; the key itself chooses the word in the block and four
 * bits in the word. A number's override and all its prefixes of {@value #GROUP_DIGITS} or more
 * digits share the number's group, so a lookup reads one block for all of them: one cache miss
 * instead of one per length.
 * Numbering plans allocate ranges below country and area codes, which are shorter than the
 * group, so ordinary tables spread over many groups; a group crowded with keys only makes its
 * word answer "maybe" more often, never wrongly "no".
 */
public final class NumberFilter {

  /** Digits of a key that choose its filter word. */
  public static final int GROUP_DIGITS = 6;

  /** Told apart from prefixes, so that an override and a prefix of the same digits use other bits. */
  public static final long OVERRIDE = 0x5851F42D4C957F2DL;

  /** The salt of prefix keys. */
  public static final long PREFIX = 0;

  private static final long WORD_MULTIPLIER = 0x9E3779B97F4A7C15L;
  private static final long BIT_MULTIPLIER = 0xC2B2AE3D27D4EB4FL;

  private final long[] words;
  private final int shift;

  private NumberFilter(long[] words, int shift) {
    this.words = words;
    this.shift = shift;
  }

  /** The group of the number {@code value} of {@code count} digits: the key of its first digits. */
  public static long group(long value, int count) {
    return count <= GROUP_DIGITS
        ? DigitKeys.key(value, count)
        : DigitKeys.key(DigitKeys.dropDigits(value, count - GROUP_DIGITS), GROUP_DIGITS);
  }

  /** The filter of every key of both tables. */
  public static NumberFilter build(KeyTargetTable overrides, KeyTargetTable prefixes) {
    int keys = overrides.size() + prefixes.size();
    // A power of two of words, 8 to 16 bits per key: measured faster than a sparser filter,
    // whose lower false-positive rate does not pay for falling out of the cache. At least
    // two blocks, because a shift by 64 is a shift by 0 in Java.
    int wordBits =
        Math.max(4, Math.min(26, 64 - Long.numberOfLeadingZeros(Math.max(1, keys) - 1L) - 3));
    long[] words = new long[1 << wordBits];
    int shift = 64 - (wordBits - 3);
    overrides.forEach((key, target) -> set(words, shift, key, OVERRIDE));
    prefixes.forEach((key, target) -> set(words, shift, key, PREFIX));
    return new NumberFilter(words, shift);
  }

  private static void set(long[] words, int shift, long key, long salt) {
    int n = DigitKeys.length(key);
    long g = group(DigitKeys.value(key, n), n);
    long h = (key ^ salt) * BIT_MULTIPLIER;
    words[blockOf(shift, g) | wordInBlock(h)] |= bits(h);
  }

  /**
   * The first word of a group's block: the group chooses a block of eight words (a cache line,
   * give or take the array's alignment); the key's hash chooses one word in it
   * ({@link #wordInBlock}), so a crowded group spreads over the block instead of filling one word.
   */
  private static int blockOf(int shift, long group) {
    return (int) ((group * WORD_MULTIPLIER) >>> shift) << 3;
  }

  private static int wordInBlock(long keyHash) {
    return (int) (keyHash >>> 37 & 7);
  }

  /** Hash bits that choose a key's bit pattern. */
  private static final int PATTERN_BITS = 11;

  /**
   * 2048 patterns of four distinct bits of a word (fixed seed, the same for every table): a
   * key's four bits are one table read instead of four variable shifts and their set-up, which
   * were two thirds of a prefix probe's instructions. The false-positive rate is within a
   * tenth of four independently drawn bits.
   */
  private static final long[] PATTERNS = new long[1 << PATTERN_BITS];

  static {
    java.util.SplittableRandom random = new java.util.SplittableRandom(0x6A09E667F3BCC908L);
    for (int i = 0; i < PATTERNS.length; i++) {
      long p = 0;
      while (Long.bitCount(p) < 4) {
        p |= 1L << random.nextInt(64);
      }
      PATTERNS[i] = p;
    }
  }

  /** The four bits of a key, chosen by the top of its hash (the best-mixed bits of a product). */
  private static long bits(long h) {
    return PATTERNS[(int) (h >>> (64 - PATTERN_BITS))];
  }

  /** False if the table certainly has no such key; true if it may. */
  public boolean mayContain(long group, long key, long salt) {
    return mayContainInBlock(blockOf(group), key, salt);
  }

  /** The block of a group, for {@link #mayContainInBlock}: found once, asked of many keys. */
  public int blockOf(long group) {
    return blockOf(shift, group);
  }

  /**
   * {@link #mayContain} for a key whose group's block is {@code block} (from {@link #blockOf}):
   * a number's override and all its prefixes of {@value #GROUP_DIGITS} or more digits share it.
   */
  public boolean mayContainInBlock(int block, long key, long salt) {
    long h = (key ^ salt) * BIT_MULTIPLIER;
    long b = bits(h);
    return (words[block | wordInBlock(h)] & b) == b;
  }

  /**
   * The first and last words of a block, combined: read to bring the whole block into the cache
   * before {@link #mayContainInBlock} needs it (a block spans two cache lines unless the array
   * happens to be aligned).
   */
  public long touchBlock(int block) {
    return words[block] ^ words[block + 7];
  }

  /** Bytes held by the filter. */
  public long sizeInBytes() {
    return 16L + 8L * words.length;
  }
}
