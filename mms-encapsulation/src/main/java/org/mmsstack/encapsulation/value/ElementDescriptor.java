package org.mmsstack.encapsulation.value;

import java.util.List;
import java.util.Objects;

/**
 * X-Mms-Element-Descriptor (0x32, MMS 1.2): a content reference and its parameters. The MMS
 * parameter table here has one entry, {@code type} (code 0x02), whose value is a media type;
 * every other parameter travels as text.
 *
 * @param contentReference the Content-Reference text
 * @param parameters name/value pairs in order; the value of {@code type} is a media type name
 */
public record ElementDescriptor(String contentReference, List<Entry> parameters) {

  /** One parameter. */
  public record Entry(String name, String value) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public ElementDescriptor {
    Objects.requireNonNull(contentReference, "contentReference");
    parameters = List.copyOf(parameters);
  }
}
