package org.mmsstack.mm4.internal.mime;

import java.util.Locale;
import org.mmsstack.mm4.Mm4HeaderNames;

/**
 * The header names an MM4 message usually carries, so that parsing shares one {@link String}
 * per name instead of making one per field, and the checks find the lower-case form of a name
 * without making one.
 */
public final class KnownNames {

  private static final String[] NAMES = {
    Mm4HeaderNames.MMS_VERSION,
    Mm4HeaderNames.MESSAGE_TYPE,
    Mm4HeaderNames.TRANSACTION_ID,
    Mm4HeaderNames.MESSAGE_ID,
    Mm4HeaderNames.MESSAGE_CLASS,
    Mm4HeaderNames.EXPIRY,
    Mm4HeaderNames.DELIVERY_REPORT,
    Mm4HeaderNames.ORIGINATOR_SYSTEM,
    Mm4HeaderNames.PRIORITY,
    Mm4HeaderNames.SENDER_VISIBILITY,
    Mm4HeaderNames.READ_REPLY,
    Mm4HeaderNames.ACK_REQUEST,
    Mm4HeaderNames.FORWARD_COUNTER,
    Mm4HeaderNames.PREVIOUSLY_SENT_BY,
    Mm4HeaderNames.PREVIOUSLY_SENT_DATE,
    Mm4HeaderNames.APPLIC_ID,
    Mm4HeaderNames.REPLY_APPLIC_ID,
    Mm4HeaderNames.AUX_APPLIC_INFO,
    Mm4HeaderNames.CONTENT_CLASS,
    Mm4HeaderNames.DRM_CONTENT,
    Mm4HeaderNames.ADAPTATION_ALLOWED,
    Mm4HeaderNames.REQUEST_STATUS_CODE,
    Mm4HeaderNames.STATUS_TEXT,
    Mm4HeaderNames.MM_STATUS_CODE,
    Mm4HeaderNames.MM_STATUS_EXTENSION,
    Mm4HeaderNames.READ_STATUS,
    Mm4HeaderNames.FROM,
    Mm4HeaderNames.TO,
    Mm4HeaderNames.CC,
    Mm4HeaderNames.DATE,
    Mm4HeaderNames.SUBJECT,
    Mm4HeaderNames.RFC822_MESSAGE_ID,
    Mm4HeaderNames.SENDER,
    Mm4HeaderNames.MIME_VERSION,
    Mm4HeaderNames.CONTENT_TYPE,
    Mm4HeaderNames.CONTENT_TRANSFER_ENCODING,
    Mm4HeaderNames.CONTENT_ID,
    Mm4HeaderNames.CONTENT_LOCATION,
    Mm4HeaderNames.CONTENT_DISPOSITION,
    Mm4HeaderNames.CONTENT_DESCRIPTION,
    "Received",
    "Return-Path",
    "X-Mms-Transaction-Id",
    "X-Mms-Message-Id",
  };

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

  /** The lower-case form of a header name: a shared constant for a known name. */
  public static String lower(String name) {
    int n = name.length();
    int[] candidates = n <= MAX_LENGTH ? BY_LENGTH[n] : null;
    if (candidates != null) {
      for (int k : candidates) {
        if (NAMES[k].equalsIgnoreCase(name)) {
          return LOWER[k];
        }
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
