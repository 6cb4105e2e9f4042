package org.mmsstack.capture;

import java.util.Locale;
import java.util.Objects;

/**
 * The Content-Type that opens the headers of a WSP PDU, identified but not fully decoded
 * (parameters stay in the raw header bytes of {@link WspPush#headers()}; decoding them for
 * display is the job of the WSP header decoder).
 *
 * @param form how it was encoded (WAP-230 §8.4.2.24)
 * @param wellKnownCode the WINA number for a well-known media type (0x3E for
 *     application/vnd.wap.mms-message), or -1 when the media type is text
 * @param mediaType the media type as text: the text form's string, or the name of a well-known
 *     number this reader knows, or {@code "well-known 0x.."} for one it does not
 * @param encodedLength octets the Content-Type value occupies on the wire
 */
public record WspContentType(Form form, int wellKnownCode, String mediaType, int encodedLength) {

  /** The WINA number of application/vnd.wap.mms-message; 0xBE in the short form. */
  public static final int MMS_MESSAGE_CODE = 0x3E;

  /** The text form of the MMS media type. */
  public static final String MMS_MESSAGE = "application/vnd.wap.mms-message";

  /** How a WSP Content-Type value was encoded. */
  public enum Form {
    /** Constrained-media as a Short-integer: one octet 0x80 | WINA number (0xBE for MMS). */
    WELL_KNOWN,
    /** Constrained-media as Extension-media: a NUL-terminated text string. */
    TEXT,
    /** Content-general-form: Value-length, then media (number or text), then parameters. */
    GENERAL
  }

  /** Checks the arguments. */
  public WspContentType {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(mediaType, "mediaType");
  }

  /** Whether this names application/vnd.wap.mms-message, by number or (case-insensitively) text. */
  public boolean isMmsMessage() {
    return wellKnownCode == MMS_MESSAGE_CODE
        || MMS_MESSAGE.equals(mediaType.trim().toLowerCase(Locale.ROOT));
  }

  /** Names for the well-known numbers a push or an MMS transfer is likely to carry. */
  static String wellKnownName(int code) {
    switch (code) {
      case 0x03:
        return "text/plain";
      case 0x23:
        return "application/vnd.wap.multipart.mixed";
      case 0x2E:
        return "application/vnd.wap.sic";
      case 0x30:
        return "application/vnd.wap.slc";
      case 0x33:
        return "application/vnd.wap.multipart.related";
      case 0x34:
        return "application/vnd.wap.sia";
      case MMS_MESSAGE_CODE:
        return MMS_MESSAGE;
      case 0x42:
        return "application/vnd.syncml.dm+wbxml";
      case 0x44:
        return "application/vnd.syncml.notification";
      default:
        return String.format(Locale.ROOT, "well-known 0x%02X", code);
    }
  }
}
