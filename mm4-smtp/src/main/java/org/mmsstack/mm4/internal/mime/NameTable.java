package org.mmsstack.mm4.internal.mime;

import org.mmsstack.mm4.Mm4HeaderNames;

/**
 * The header names a built message uses, for the builders and built fields: each name of {@link
 * Mm4HeaderNames} has a small id, found by a {@code switch} on its spelling (no map lookup, no
 * lower-cased copy), which gives the case-insensitive name hash of a field and the rank of a field
 * in the order a fresh builder writes. Ids follow that order; names that are not ranked come after
 * the ranked ones.
 */
public final class NameTable {

  /**
   * The names by id, as {@link Mm4HeaderNames} spells them: RFC 5322 fields, then the X-Mms
   * fields as TS 23.140 lists them, then the names without a rank of their own. The one list of
   * known names: {@link KnownNames} (the parser's lookup on the bytes) is made from it.
   */
  static final String[] NAMES = {
    Mm4HeaderNames.FROM,
    Mm4HeaderNames.SENDER,
    Mm4HeaderNames.TO,
    Mm4HeaderNames.CC,
    Mm4HeaderNames.DATE,
    Mm4HeaderNames.SUBJECT,
    Mm4HeaderNames.RFC822_MESSAGE_ID,
    Mm4HeaderNames.MIME_VERSION,
    Mm4HeaderNames.CONTENT_TYPE,
    Mm4HeaderNames.CONTENT_TRANSFER_ENCODING,
    Mm4HeaderNames.CONTENT_ID,
    Mm4HeaderNames.CONTENT_LOCATION,
    Mm4HeaderNames.CONTENT_DISPOSITION,
    Mm4HeaderNames.MESSAGE_TYPE,
    Mm4HeaderNames.MMS_VERSION,
    Mm4HeaderNames.TRANSACTION_ID,
    Mm4HeaderNames.MESSAGE_ID,
    Mm4HeaderNames.REQUEST_STATUS_CODE,
    Mm4HeaderNames.MM_STATUS_CODE,
    Mm4HeaderNames.MM_STATUS_EXTENSION,
    Mm4HeaderNames.READ_STATUS,
    Mm4HeaderNames.STATUS_TEXT,
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
    // Not ranked: written where they were added.
    Mm4HeaderNames.CONTENT_DESCRIPTION,
  };

  /** Ids below this have a rank (their id); the others rank as {@link #UNRANKED}. */
  private static final int RANKED = 39;

  /** The rank of a field whose name has none: after every ranked field. */
  public static final int UNRANKED = 1000;

  private static final int[] HASHES = new int[NAMES.length];

  static {
    if (NAMES.length > 64) {
      throw new AssertionError("ids must fit the builders' 64-bit masks");
    }
    for (int i = 0; i < NAMES.length; i++) {
      HASHES[i] = hash(NAMES[i]);
    }
  }

  private NameTable() {}

  /**
   * The id of a name spelt exactly as {@link Mm4HeaderNames} spells it, or -1 (any other spelling,
   * or a name not there). A string switch: the name's hash (cached in a constant) picks the case,
   * one {@code equals} confirms it.
   */
  public static int id(String name) {
    switch (name) {
      case Mm4HeaderNames.FROM:
        return 0;
      case Mm4HeaderNames.SENDER:
        return 1;
      case Mm4HeaderNames.TO:
        return 2;
      case Mm4HeaderNames.CC:
        return 3;
      case Mm4HeaderNames.DATE:
        return 4;
      case Mm4HeaderNames.SUBJECT:
        return 5;
      case Mm4HeaderNames.RFC822_MESSAGE_ID:
        return 6;
      case Mm4HeaderNames.MIME_VERSION:
        return 7;
      case Mm4HeaderNames.CONTENT_TYPE:
        return 8;
      case Mm4HeaderNames.CONTENT_TRANSFER_ENCODING:
        return 9;
      case Mm4HeaderNames.CONTENT_ID:
        return 10;
      case Mm4HeaderNames.CONTENT_LOCATION:
        return 11;
      case Mm4HeaderNames.CONTENT_DISPOSITION:
        return 12;
      case Mm4HeaderNames.MESSAGE_TYPE:
        return 13;
      case Mm4HeaderNames.MMS_VERSION:
        return 14;
      case Mm4HeaderNames.TRANSACTION_ID:
        return 15;
      case Mm4HeaderNames.MESSAGE_ID:
        return 16;
      case Mm4HeaderNames.REQUEST_STATUS_CODE:
        return 17;
      case Mm4HeaderNames.MM_STATUS_CODE:
        return 18;
      case Mm4HeaderNames.MM_STATUS_EXTENSION:
        return 19;
      case Mm4HeaderNames.READ_STATUS:
        return 20;
      case Mm4HeaderNames.STATUS_TEXT:
        return 21;
      case Mm4HeaderNames.MESSAGE_CLASS:
        return 22;
      case Mm4HeaderNames.EXPIRY:
        return 23;
      case Mm4HeaderNames.DELIVERY_REPORT:
        return 24;
      case Mm4HeaderNames.ORIGINATOR_SYSTEM:
        return 25;
      case Mm4HeaderNames.PRIORITY:
        return 26;
      case Mm4HeaderNames.SENDER_VISIBILITY:
        return 27;
      case Mm4HeaderNames.READ_REPLY:
        return 28;
      case Mm4HeaderNames.ACK_REQUEST:
        return 29;
      case Mm4HeaderNames.FORWARD_COUNTER:
        return 30;
      case Mm4HeaderNames.PREVIOUSLY_SENT_BY:
        return 31;
      case Mm4HeaderNames.PREVIOUSLY_SENT_DATE:
        return 32;
      case Mm4HeaderNames.APPLIC_ID:
        return 33;
      case Mm4HeaderNames.REPLY_APPLIC_ID:
        return 34;
      case Mm4HeaderNames.AUX_APPLIC_INFO:
        return 35;
      case Mm4HeaderNames.CONTENT_CLASS:
        return 36;
      case Mm4HeaderNames.DRM_CONTENT:
        return 37;
      case Mm4HeaderNames.ADAPTATION_ALLOWED:
        return 38;
      case Mm4HeaderNames.CONTENT_DESCRIPTION:
        return 39;
      default:
        return -1;
    }
  }

  /**
   * The id of a name in any case: {@link #id} for the usual spelling, else a comparison ignoring
   * case with the names of the same length; -1 for a name not in the table.
   */
  public static int idIgnoreCase(String name) {
    int id = id(name);
    if (id >= 0) {
      return id;
    }
    int n = name.length();
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].length() == n && NAMES[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The case-insensitive hash (as {@link #hash(String)}) of the name with this id. */
  public static int hash(int id) {
    return HASHES[id];
  }

  /**
   * The hash of a header name ignoring ASCII case: {@code h * 31 + c} over the characters with
   * {@code A-Z} lowered.
   */
  public static int hash(String name) {
    int h = 0;
    for (int i = 0, n = name.length(); i < n; i++) {
      char c = name.charAt(i);
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return h;
  }

  /** Whether the name with this id starts with {@code Content-}. */
  public static boolean isContent(int id) {
    return (id >= 8 && id <= 12) || id == 39;
  }

  /**
   * The rank of a field called {@code name} in a fresh builder's order: the ranked names by their
   * place, other {@code Content-} fields with Content-Disposition, the rest {@link #UNRANKED}.
   *
   * @param id {@link #idIgnoreCase} of the name
   */
  public static int rank(String name, int id) {
    if (id >= 0 && id < RANKED) {
      return id;
    }
    return name.regionMatches(true, 0, "content-", 0, 8) ? 12 : UNRANKED;
  }
}
