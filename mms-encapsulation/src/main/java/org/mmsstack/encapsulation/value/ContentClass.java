package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Optional;

/**
 * X-Mms-Content-Class (0x3A, MMS 1.3).
 */
public final class ContentClass extends OctetToken {

  private static final Table<ContentClass> T = new Table<>(ContentClass::new);

  /** text (0x80). */
  public static final ContentClass TEXT = T.define(0x80, "text");

  /** image-basic (0x81). */
  public static final ContentClass IMAGE_BASIC = T.define(0x81, "image-basic");

  /** image-rich (0x82). */
  public static final ContentClass IMAGE_RICH = T.define(0x82, "image-rich");

  /** video-basic (0x83). */
  public static final ContentClass VIDEO_BASIC = T.define(0x83, "video-basic");

  /** video-rich (0x84). */
  public static final ContentClass VIDEO_RICH = T.define(0x84, "video-rich");

  /** megapixel (0x85). */
  public static final ContentClass MEGAPIXEL = T.define(0x85, "megapixel");

  /** content-basic (0x86). */
  public static final ContentClass CONTENT_BASIC = T.define(0x86, "content-basic");

  /** content-rich (0x87). */
  public static final ContentClass CONTENT_RICH = T.define(0x87, "content-rich");

  private ContentClass(int code, String name, boolean known) {
    super(code, name, known);
  }

  /** The constant for a wire octet, or an unknown value that keeps it. */
  public static ContentClass valueOf(int code) {
    return T.valueOf(code);
  }

  /** The constant whose {@link #name()} matches, ignoring case, if there is one. */
  public static Optional<ContentClass> byName(String name) {
    return T.byName(name);
  }

  /** The values the specification defines, in code order. */
  public static List<ContentClass> values() {
    return T.values();
  }
}
