package org.mmsstack.routing.table.internal;

import java.util.Arrays;

/**
 * Maps byte strings to small ints without creating a {@code String} per lookup: the parser sees
 * the same few target texts on millions of lines and must not allocate for each.
 */
public final class ByteKeyInterner {

  private byte[][] keys = new byte[64][];
  private int[] values = new int[64];
  private int size;

  /** The value for {@code bytes[start, end)} prefixed by {@code tag}, or -1 if absent. */
  public int get(int tag, byte[] bytes, int start, int end) {
    int mask = keys.length - 1;
    int i = hash(tag, bytes, start, end) & mask;
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k[0] == tag && Arrays.equals(k, 1, k.length, bytes, start, end)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  /** Stores a value for a key that {@link #get} did not find. */
  public void put(int tag, byte[] bytes, int start, int end, int value) {
    if (2 * (size + 1) > keys.length) {
      rehash();
    }
    byte[] k = new byte[end - start + 1];
    k[0] = (byte) tag;
    System.arraycopy(bytes, start, k, 1, end - start);
    int mask = keys.length - 1;
    int i = hash(tag, bytes, start, end) & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = k;
    values[i] = value;
    size++;
  }

  private void rehash() {
    byte[][] oldKeys = keys;
    int[] oldValues = values;
    keys = new byte[oldKeys.length * 2][];
    values = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      byte[] k = oldKeys[j];
      if (k != null) {
        int i = hash(k[0], k, 1, k.length) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
      }
    }
  }

  private static int hash(int tag, byte[] bytes, int start, int end) {
    int h = tag;
    for (int i = start; i < end; i++) {
      h = 31 * h + bytes[i];
    }
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
