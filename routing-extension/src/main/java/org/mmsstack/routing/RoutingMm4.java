package org.mmsstack.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageBuilder;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;

/**
 * The routing fields on MM4 messages, as header fields under {@link RoutingHeaders#PREFIX}: the
 * MM4 side of what {@link RoutingPdus} does for binary PDUs. Read the fields with {@link
 * RoutingHeaders#read(Mm4Headers) RoutingHeaders.read(message.headers())}, which also takes the
 * header section of {@link org.mmsstack.mm4.Mm4Codec#decodeHeaders(byte[])} before the body is
 * decoded.
 *
 * <p>{@link #attach} and {@link #strip} go through {@link Mm4Message#toBuilder()}, so every
 * other header field keeps its raw bytes and position and the body is not encoded again; the
 * routing fields are appended to the header section in {@link RoutingHeaders#write} order.
 * Names are compared ignoring case, so {@code x-mms-routing-path} is a routing field too.
 *
 * <p>Stateless and thread-safe.
 */
@Provisional
public final class RoutingMm4 {

  private RoutingMm4() {}

  /**
   * The message with these routing fields, of the same type (any routing fields it had are
   * replaced).
   */
  public static <M extends Mm4Message> M attach(M message, RoutingFields fields) {
    Mm4MessageBuilder<?, ?> b = stripInto(message, routingNames(message.headers()));
    for (HeaderPair h : RoutingHeaders.write(fields)) {
      b.addHeader(h.name(), h.value());
    }
    return build(message, b);
  }

  /** Whether the message has any header field under the routing prefix. */
  public static boolean hasRoutingHeaders(Mm4Message message) {
    for (Mm4Header h : message.headers()) {
      if (RoutingHeaders.isRoutingHeader(h.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The message without any header field under the routing prefix, of the same type (the same
   * instance when it has none).
   */
  public static <M extends Mm4Message> M strip(M message) {
    List<String> names = routingNames(message.headers());
    return names.isEmpty() ? message : build(message, stripInto(message, names));
  }

  /** The names of the routing fields of a header section, each once (as first spelt), in order. */
  static List<String> routingNames(Iterable<Mm4Header> headers) {
    Set<String> names = null;
    for (Mm4Header h : headers) {
      if (RoutingHeaders.isRoutingHeader(h.name())) {
        if (names == null) {
          names = new LinkedHashSet<>();
        }
        names.add(h.name());
      }
    }
    return names == null ? List.of() : List.copyOf(names);
  }

  private static Mm4MessageBuilder<?, ?> stripInto(Mm4Message message, List<String> names) {
    Mm4MessageBuilder<?, ?> b = message.toBuilder();
    // removeHeader ignores case: one call per spelling removes every field of that name.
    for (String name : names) {
      b.removeHeader(name);
    }
    return b;
  }

  /** What {@code b}, made by {@code original.toBuilder()}, builds: a message of its type. */
  @SuppressWarnings("unchecked") // each message type's toBuilder() builds that type
  private static <M extends Mm4Message> M build(M original, Mm4MessageBuilder<?, ?> b) {
    return (M) original.getClass().cast(b.build());
  }
}
