package org.mmsstack.encapsulation.value;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A media type as WSP sends it: a well-known number (the WINA/OMNA table, 0x00-0x5A, sent as a
 * Short-integer), a registered number of 0x80 or more (sent as a Long-integer), or text
 * (Extension-media).
 *
 * <p>{@link #of(String)} picks the well-known number when the name has one, so the encoder uses
 * the short form. Names compare case-insensitively, as MIME types do.
 */
public final class MediaType {

  // WSP/OMNA well-known content types, index = number (WAP-230 Table 40 and OMNA additions).
  private static final String[] WELL_KNOWN = {
    "*/*",
    "text/*",
    "text/html",
    "text/plain",
    "text/x-hdml",
    "text/x-ttml",
    "text/x-vCalendar",
    "text/x-vCard",
    "text/vnd.wap.wml",
    "text/vnd.wap.wmlscript",
    "text/vnd.wap.wta-event",
    "multipart/*",
    "multipart/mixed",
    "multipart/form-data",
    "multipart/byteranges",
    "multipart/alternative",
    "application/*",
    "application/java-vm",
    "application/x-www-form-urlencoded",
    "application/x-hdmlc",
    "application/vnd.wap.wmlc",
    "application/vnd.wap.wmlscriptc",
    "application/vnd.wap.wta-eventc",
    "application/vnd.wap.uaprof",
    "application/vnd.wap.wtls-ca-certificate",
    "application/vnd.wap.wtls-user-certificate",
    "application/x-x509-ca-cert",
    "application/x-x509-user-cert",
    "image/*",
    "image/gif",
    "image/jpeg",
    "image/tiff",
    "image/png",
    "image/vnd.wap.wbmp",
    "application/vnd.wap.multipart.*",
    "application/vnd.wap.multipart.mixed",
    "application/vnd.wap.multipart.form-data",
    "application/vnd.wap.multipart.byteranges",
    "application/vnd.wap.multipart.alternative",
    "application/xml",
    "text/xml",
    "application/vnd.wap.wbxml",
    "application/x-x968-cross-cert",
    "application/x-x968-ca-cert",
    "application/x-x968-user-cert",
    "text/vnd.wap.si",
    "application/vnd.wap.sic",
    "text/vnd.wap.sl",
    "application/vnd.wap.slc",
    "text/vnd.wap.co",
    "application/vnd.wap.coc",
    "application/vnd.wap.multipart.related",
    "application/vnd.wap.sia",
    "text/vnd.wap.connectivity-xml",
    "application/vnd.wap.connectivity-wbxml",
    "application/pkcs7-mime",
    "application/vnd.wap.hashed-certificate",
    "application/vnd.wap.signed-certificate",
    "application/vnd.wap.cert-response",
    "application/xhtml+xml",
    "application/wml+xml",
    "text/css",
    "application/vnd.wap.mms-message",
    "application/vnd.wap.rollover-certificate",
    "application/vnd.wap.locc+wbxml",
    "application/vnd.wap.loc+xml",
    "application/vnd.syncml.dm+wbxml",
    "application/vnd.syncml.dm+xml",
    "application/vnd.syncml.notification",
    "application/vnd.wap.xhtml+xml",
    "application/vnd.wv.csp.cir",
    "application/vnd.oma.dd+xml",
    "application/vnd.oma.drm.message",
    "application/vnd.oma.drm.content",
    "application/vnd.oma.drm.rights+xml",
    "application/vnd.oma.drm.rights+wbxml",
    "application/vnd.wv.csp+xml",
    "application/vnd.wv.csp+wbxml",
    "application/vnd.syncml.ds.notification",
    "audio/*",
    "video/*",
    "application/vnd.oma.dd2+xml",
    "application/mikey",
    "application/vnd.oma.dcd",
    "application/vnd.oma.dcdc",
    "text/x-vMessage",
    "application/vnd.omads-email+wbxml",
    "text/x-vBookmark",
    "application/vnd.syncml.dm.notification",
    null,
    "application/octet-stream"
  };
  private static final MediaType[] BY_CODE = new MediaType[WELL_KNOWN.length];
  private static final Map<String, MediaType> BY_NAME = new HashMap<>();

  static {
    for (int i = 0; i < WELL_KNOWN.length; i++) {
      if (WELL_KNOWN[i] != null) {
        BY_CODE[i] = new MediaType(i, WELL_KNOWN[i]);
        BY_NAME.put(WELL_KNOWN[i].toLowerCase(Locale.ROOT), BY_CODE[i]);
      }
    }
  }

  public static final MediaType ANY = BY_CODE[0x00];
  public static final MediaType TEXT_PLAIN = BY_CODE[0x03];
  public static final MediaType IMAGE_GIF = BY_CODE[0x1D];
  public static final MediaType IMAGE_JPEG = BY_CODE[0x1E];
  public static final MediaType IMAGE_PNG = BY_CODE[0x20];
  public static final MediaType IMAGE_WBMP = BY_CODE[0x21];
  public static final MediaType MULTIPART_MIXED = BY_CODE[0x23];
  public static final MediaType MULTIPART_ALTERNATIVE = BY_CODE[0x26];
  public static final MediaType MULTIPART_RELATED = BY_CODE[0x33];
  public static final MediaType MMS_MESSAGE = BY_CODE[0x3E];
  public static final MediaType APPLICATION_SMIL = new MediaType(-1, "application/smil");

  private final int code;
  private final String name;

  /** Worked out once: the decoder asks for every PDU with a body. */
  private final boolean multipart;

  // Worked out on first use, as String's: 0 until then (a racy write of the same value).
  private int hash;

  private MediaType(int code, String name) {
    this.code = code;
    this.name = name;
    this.multipart =
        name.regionMatches(true, 0, "application/vnd.wap.multipart.", 0, 30)
            || name.regionMatches(true, 0, "multipart/", 0, 10);
  }

  /**
   * The media type for a number: a well-known one from the table, or a registered number kept as
   * such (its name is then {@code application/x-wsp-0x...}).
   */
  public static MediaType valueOf(long code) {
    if (code >= 0 && code < BY_CODE.length && BY_CODE[(int) code] != null) {
      return BY_CODE[(int) code];
    }
    if (code < 0 || code > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("code: " + code + " (expected: 0 ~ 2147483647)");
    }
    return new MediaType((int) code, String.format("application/x-wsp-0x%04x", code));
  }

  /** The media type for a name; the well-known number is used when there is one. */
  public static MediaType of(String name) {
    Objects.requireNonNull(name, "name");
    MediaType m = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    return m != null ? m : new MediaType(-1, name);
  }

  /** A media type sent as text even when it has a well-known number. */
  public static MediaType text(String name) {
    return new MediaType(-1, Objects.requireNonNull(name, "name"));
  }

  /** Whether a number is in the well-known table. */
  public static boolean isWellKnown(long code) {
    return code >= 0 && code < BY_CODE.length && BY_CODE[(int) code] != null;
  }

  /** The number sent on the wire, or -1 when the type is sent as text. */
  public int code() {
    return code;
  }

  /** The type name, for example {@code image/jpeg}. */
  public String name() {
    return name;
  }

  /** Whether this is any {@code application/vnd.wap.multipart.*} or {@code multipart/*} type. */
  public boolean isMultipart() {
    return multipart;
  }

  /** Whether this is a {@code text/*} type. */
  public boolean isText() {
    return name.regionMatches(true, 0, "text/", 0, 5);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaType
        && ((MediaType) o).code == code
        && ((MediaType) o).name.equalsIgnoreCase(name);
  }

  @Override
  public int hashCode() {
    // Case-insensitive as equals is: String.equalsIgnoreCase matches two characters whose upper
    // cases, or the lower cases of those, are equal (U+017F long s and s, for one), so each is
    // folded the same way here; lower-casing the String would hash those apart. Once per value.
    int h = hash;
    if (h == 0) {
      for (int i = 0, n = name.length(); i < n; ) {
        int cp = name.codePointAt(i);
        h = 31 * h + Character.toLowerCase(Character.toUpperCase(cp));
        i += Character.charCount(cp);
      }
      h = h * 31 + code;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return name;
  }
}
