package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * X-Mms-Message-Class (0x0A): one of the four Class-identifier octets or any Token-text.
 * Textual classes are accepted as they are (conformance case MMS-1.3-con-282 sends
 * {@code NewMessageClass}) and compared case-insensitively.
 */
public final class MessageClass {

  public static final MessageClass PERSONAL = new MessageClass(0x80, "Personal");
  public static final MessageClass ADVERTISEMENT = new MessageClass(0x81, "Advertisement");
  public static final MessageClass INFORMATIONAL = new MessageClass(0x82, "Informational");
  public static final MessageClass AUTO = new MessageClass(0x83, "Auto");

  private static final List<MessageClass> VALUES =
      List.of(PERSONAL, ADVERTISEMENT, INFORMATIONAL, AUTO);

  // Made once so that fromCode(int) does not allocate: the decoder calls it per header.
  private static final List<Optional<MessageClass>> BY_CODE =
      List.of(
          Optional.of(PERSONAL),
          Optional.of(ADVERTISEMENT),
          Optional.of(INFORMATIONAL),
          Optional.of(AUTO));

  private final int code;
  private final String name;

  private MessageClass(int code, String name) {
    this.code = code;
    this.name = name;
  }

  /**
   * The class for a Class-identifier octet 0x80-0x83, or empty for any other octet (which is not
   * a Message-Class value). Allocates nothing: the Optionals are made once.
   */
  public static Optional<MessageClass> fromCode(int code) {
    return code >= 0x80 && code <= 0x83 ? BY_CODE.get(code - 0x80) : Optional.empty();
  }

  /**
   * The class named by a token: one of the four constants when the name matches one of them
   * (ignoring case), otherwise a textual class sent as Token-text.
   */
  public static MessageClass of(String token) {
    Objects.requireNonNull(token, "token");
    for (MessageClass c : VALUES) {
      if (c.name.equalsIgnoreCase(token)) {
        return c;
      }
    }
    return new MessageClass(-1, token);
  }

  /** A textual class exactly as given, even when it spells one of the four names. */
  public static MessageClass token(String token) {
    return new MessageClass(-1, Objects.requireNonNull(token, "token"));
  }

  /** The four classes with an octet of their own. */
  public static List<MessageClass> values() {
    return VALUES;
  }

  /** The Class-identifier octet, or -1 for a textual class. */
  public int code() {
    return code;
  }

  /** The name: Personal, Advertisement, Informational, Auto, or the token. */
  public String name() {
    return name;
  }

  /** Whether this is sent as Token-text rather than an octet. */
  public boolean isToken() {
    return code < 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageClass
        && ((MessageClass) o).code == code
        && ((MessageClass) o).name.equalsIgnoreCase(name);
  }

  @Override
  public int hashCode() {
    return code * 31 + name.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return code < 0 ? name : String.format("%s(0x%02X)", name, code);
  }
}
