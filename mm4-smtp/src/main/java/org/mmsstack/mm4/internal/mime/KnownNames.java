package org.mmsstack.mm4.internal.mime;

import java.util.Locale;

/**
 * The header names an MM4 message usually carries, so that parsing shares one {@link String}
 * per name instead of making one per field, and the checks find the lower-case form of a name
 * without making one.
 */
public final class KnownNames {

  /**
   * The names of {@link NameTable} (one list of known names), then other spellings seen in
   * received mail and trace fields, which only parsing meets.
   */
  private static final String[] NAMES =
      concat(
          NameTable.NAMES, "Received", "Return-Path", "X-Mms-Transaction-Id", "X-Mms-Message-Id");

  private static final int MAX_LENGTH = 64;

  /** Indexes into {@link #NAMES} by length. */
  private static final int[][] BY_LENGTH = new int[MAX_LENGTH + 1][];

  private static final String[] LOWER = new String[NAMES.length];

  /**
   * The first index of a name equal ignoring case (some names are listed in two spellings), so
   * that {@link #index} answers one index, and {@link #LOWER} one object, per name.
   */
  private static final int[] CANONICAL = new int[NAMES.length];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      CANONICAL[i] = i;
      for (int j = 0; j < i; j++) {
        if (NAMES[j].equalsIgnoreCase(NAMES[i])) {
          CANONICAL[i] = CANONICAL[j];
          break;
        }
      }
      LOWER[i] = CANONICAL[i] == i ? NAMES[i].toLowerCase(Locale.ROOT) : LOWER[CANONICAL[i]];
      int n = NAMES[i].length();
      int[] old = BY_LENGTH[n];
      int[] now = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
      now[now.length - 1] = i;
      BY_LENGTH[n] = now;
    }
  }

  private KnownNames() {}

  private static String[] concat(String[] known, String... more) {
    String[] all = java.util.Arrays.copyOf(known, known.length + more.length);
    System.arraycopy(more, 0, all, known.length, more.length);
    return all;
  }

  /**
   * The name in {@code b[from, to)} (US-ASCII): the shared constant when it is a known name
   * spelled exactly so, a new string otherwise.
   */
  public static String name(byte[] b, int from, int to) {
    int n = to - from;
    int[] candidates = n <= MAX_LENGTH ? BY_LENGTH[n] : null;
    if (candidates != null) {
      for (int k : candidates) {
        String s = NAMES[k];
        int i = 0;
        while (i < n && s.charAt(i) == b[from + i]) {
          i++;
        }
        if (i == n) {
          return s;
        }
      }
    }
    return new String(b, from, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * The index of a known header name, found in any case (a name spelled as the constant is found
   * by identity first), the same for every spelling of the name, or -1 for any other name; see
   * {@link #lowerAt} and {@link #count}.
   */
  public static int index(String name) {
    int n = name.length();
    int[] candidates = n <= MAX_LENGTH ? BY_LENGTH[n] : null;
    if (candidates == null) {
      return -1;
    }
    for (int k : candidates) {
      if (NAMES[k] == name) {
        return CANONICAL[k];
      }
    }
    for (int k : candidates) {
      if (NAMES[k].equalsIgnoreCase(name)) {
        return CANONICAL[k];
      }
    }
    return -1;
  }

  /** @return how many known names there are: indexes run from 0 to this, exclusive */
  public static int count() {
    return NAMES.length;
  }

  /** @return the lower-case form of the known name at {@code index}, a shared constant */
  public static String lowerAt(int index) {
    return LOWER[index];
  }

  /**
   * The lower-case form of a known header name, a shared constant (so two known names are equal
   * ignoring case exactly when these are the same object), or null for any other name.
   */
  public static String knownLower(String name) {
    int k = index(name);
    return k < 0 ? null : LOWER[k];
  }
}
