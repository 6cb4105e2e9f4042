package org.mmsstack.routing.table.internal;

/**
 * An immutable table of domain suffixes (lower case, validated by {@link DomainNames}) to target
 * indices, answering longest-suffix-on-a-label-boundary queries without allocating.
 *
 * <p>The hash of a suffix is computed from its last character towards its first, so one pass from
 * the right end of a queried name yields the hash of every label-boundary suffix in turn, shortest
 * first; each is probed, and the last hit is the longest match. Case is folded (ASCII) while
 * hashing and comparing, so the query is never copied.
 */
public final class DomainTable {

  /** {@link #longestSuffix} result for a name that is not a valid domain name. */
  public static final long INVALID = -2;

  /** {@link #longestSuffix} result for a valid name with no matching suffix. */
  public static final long NO_MATCH = -1;

  private final String[] keys;
  private final int[] hashes;
  private final int[] targets;
  private final int size;

  /**
   * Builds a table. {@code suffixes} must be valid, lower case and distinct (the caller has
   * checked); the arrays are not kept.
   */
  public DomainTable(String[] suffixes, int[] suffixTargets, int count) {
    int capacity = Math.max(2, 2 * count);
    keys = new String[capacity];
    hashes = new int[capacity];
    targets = new int[capacity];
    for (int e = 0; e < count; e++) {
      String key = suffixes[e];
      int h = hash(key);
      int i = index(h, capacity);
      while (keys[i] != null) {
        if (++i == capacity) {
          i = 0;
        }
      }
      keys[i] = key;
      hashes[i] = h;
      targets[i] = suffixTargets[e];
    }
    size = count;
  }

  private static int hash(String lowerCase) {
    int h = 0;
    for (int i = lowerCase.length() - 1; i >= 0; i--) {
      h = 31 * h + lowerCase.charAt(i);
    }
    return h;
  }

  private static int index(int h, int capacity) {
    // Spread the polynomial hash before the range reduction: suffixes share long tails.
    long m = (h & 0xFFFFFFFFL) * 0x9E3779B97F4A7C15L;
    return (int) (((m >>> 32) * capacity) >>> 32);
  }

  /**
   * Longest suffix of {@code name[start, end)} in the table that begins at a label boundary
   * (the whole name, or just after a dot). One trailing dot (a fully qualified name) is ignored.
   *
   * @return {@code matchStart << 32 | targetIndex}, {@link #NO_MATCH} or {@link #INVALID}
   */
  public long longestSuffix(CharSequence name, int start, int end) {
    int stop = end;
    if (stop > start && name.charAt(stop - 1) == '.') {
      stop--;
    }
    int length = stop - start;
    if (length < 1 || length > DomainNames.MAX_NAME_LENGTH) {
      return INVALID;
    }
    long best = NO_MATCH;
    int h = 0;
    int labelLength = 0;
    for (int i = stop - 1; i >= start; i--) {
      char c = name.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return INVALID;
        }
        int t = probe(h, name, i + 1, stop);
        if (t >= 0) {
          best = (long) (i + 1) << 32 | t;
        }
        labelLength = 0;
      } else {
        c = DomainNames.foldLabelChar(c);
        if (c == 0 || ++labelLength > DomainNames.MAX_LABEL_LENGTH) {
          return INVALID;
        }
      }
      h = 31 * h + c;
    }
    if (labelLength == 0) {
      return INVALID;
    }
    int t = probe(h, name, start, stop);
    if (t >= 0) {
      best = (long) start << 32 | t;
    }
    return best;
  }

  private int probe(int h, CharSequence name, int from, int to) {
    String[] k = keys;
    int capacity = k.length;
    int i = index(h, capacity);
    while (true) {
      String key = k[i];
      if (key == null) {
        return -1;
      }
      if (hashes[i] == h && matches(key, name, from, to)) {
        return targets[i];
      }
      if (++i == capacity) {
        i = 0;
      }
    }
  }

  private static boolean matches(String key, CharSequence name, int from, int to) {
    int n = to - from;
    if (key.length() != n) {
      return false;
    }
    for (int j = 0; j < n; j++) {
      // The caller has validated this range; dots compare as themselves, letters folded.
      char k = key.charAt(j);
      char c = name.charAt(from + j);
      if (c != k && DomainNames.foldLabelChar(c) != k) {
        return false;
      }
    }
    return true;
  }

  /** Number of suffixes. */
  public int size() {
    return size;
  }

  /** Approximate bytes held, counting the arrays and the key strings. */
  public long sizeInBytes() {
    long bytes = 48L + 3L * (16L + 8L * keys.length);
    for (String key : keys) {
      if (key != null) {
        bytes += 40 + key.length();
      }
    }
    return bytes;
  }

  /** Calls {@code visitor} with every suffix and its target index, in slot order. */
  public void forEach(SuffixVisitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        visitor.visit(keys[i], targets[i]);
      }
    }
  }

  /** Receives entries from {@link #forEach}. */
  @FunctionalInterface
  public interface SuffixVisitor {
    /** One entry. */
    void visit(String suffix, int target);
  }
}
