package org.mmsstack.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * The routing fields on binary MMS PDUs, as Application-headers (Token-text name, Text-string
 * value): the form every conformant decoder skips, and the only form Android's PduParser and
 * Sailfish's decoder survive (mms-encapsulation.md sections 2.8, 2.9, 10.1). No new well-known
 * header code is used.
 *
 * <p>{@link #attach} and {@link #strip} go through {@link Pdu#toBuilder()}, so every header
 * that is not a routing field keeps its original octets and position; the routing headers are
 * added at the end of the header section, before Content-Type.
 *
 * <p>Stateless and thread-safe. The PDUs it returns are new PDUs made through {@link Pdu#toBuilder()}; like a decoded PDU they may view the caller's input array, which must not be modified while they are in use.
 */
@Provisional
public final class RoutingPdus {

  private RoutingPdus() {}

  /** The PDU with these routing fields (any routing headers it had are replaced). */
  public static Pdu attach(Pdu pdu, RoutingFields fields) {
    Pdu.Builder<? extends Pdu, ?> b = stripInto(pdu);
    for (HeaderPair h : RoutingHeaders.write(fields)) {
      b.applicationHeader(h.name(), h.value());
    }
    return b.build();
  }

  /**
   * The routing fields of a PDU.
   *
   * @return empty when the PDU has no routing header
   * @throws RoutingFieldException when a routing header is malformed (a value that is not a
   *     Text-string counts as malformed)
   */
  public static Optional<RoutingFields> read(Pdu pdu) throws RoutingFieldException {
    List<HeaderPair> pairs = headers(pdu);
    return pairs.isEmpty() ? Optional.empty() : RoutingHeaders.read(pairs);
  }

  /**
   * The routing headers of a PDU as (name, value) pairs, in order.
   *
   * @throws RoutingFieldException when a routing header's value is not a Text-string
   */
  public static List<HeaderPair> headers(Pdu pdu) throws RoutingFieldException {
    List<HeaderPair> out = null;
    for (Header h : pdu.headers()) {
      if (!h.field().isApplication() || !RoutingHeaders.isRoutingHeader(h.name())) {
        continue;
      }
      Object v = h.value();
      if (!(v instanceof String)) {
        throw RoutingFieldException.malformed(
            h.name(),
            "value is not a Text-string ("
                + (v instanceof RawValue ? "raw octets" : v.getClass().getSimpleName())
                + ")");
      }
      if (out == null) {
        out = new ArrayList<>(12);
      }
      out.add(new HeaderPair(h.name(), (String) v));
    }
    return out == null ? List.of() : List.copyOf(out);
  }

  /** Whether the PDU has any header under the routing prefix. */
  public static boolean hasRoutingHeaders(Pdu pdu) {
    for (Header h : pdu.headers()) {
      if (isRouting(h)) {
        return true;
      }
    }
    return false;
  }

  /** The PDU without any header under the routing prefix (the same PDU when it has none). */
  public static Pdu strip(Pdu pdu) {
    return hasRoutingHeaders(pdu) ? stripInto(pdu).build() : pdu;
  }

  /** The names of the routing headers of a PDU, each once, in order. */
  static List<String> routingNames(Pdu pdu) {
    Set<String> names = new LinkedHashSet<>();
    for (Header h : pdu.headers()) {
      if (isRouting(h)) {
        names.add(h.name());
      }
    }
    return List.copyOf(names);
  }

  /** An Application-header under the routing prefix. */
  private static boolean isRouting(Header h) {
    return h.field().isApplication() && RoutingHeaders.isRoutingHeader(h.name());
  }

  private static Pdu.Builder<? extends Pdu, ?> stripInto(Pdu pdu) {
    Pdu.Builder<? extends Pdu, ?> b = pdu.toBuilder();
    // Each header's own field, not one made again from its name: a leniently decoded PDU may
    // carry a routing-prefixed name that is no token, which HeaderField.application refuses.
    for (Header h : pdu.headers()) {
      if (isRouting(h)) {
        b.remove(h.field());
      }
    }
    return b;
  }

  /**
   * The identity of a PDU for signing: its kind from the message type, X-Mms-Message-Id,
   * X-Mms-Transaction-Id, Date (seconds) and the originator text (From; for m-delivery-ind, To:
   * the recipient whose status is reported, as MM4 puts it in From).
   *
   * @throws RoutingFieldException with reason {@code DUPLICATE_SIGNED_HEADER} when one of those
   *     headers occurs more than once in the PDU (a leniently decoded PDU keeps repeats): the
   *     signature would cover one occurrence while a consumer may read another
   */
  public static MessageIdentity identity(Pdu pdu) throws RoutingFieldException {
    HeaderField<?> originatorField = pdu instanceof DeliveryInd ? HeaderField.TO : HeaderField.FROM;
    int seen = 0;
    for (Header h : pdu.headers()) {
      HeaderField<?> f = h.field();
      int bit =
          f == HeaderField.MESSAGE_TYPE
              ? 1
              : f == HeaderField.MESSAGE_ID
                  ? 2
                  : f == HeaderField.TRANSACTION_ID
                      ? 4
                      : f == HeaderField.DATE ? 8 : f == originatorField ? 16 : 0;
      if (bit != 0) {
        if ((seen & bit) != 0) {
          throw RoutingFieldException.duplicateSignedHeader(f.name());
        }
        seen |= bit;
      }
    }
    MessageKind kind =
        switch (pdu.messageType()) {
          case SEND_REQ, RETRIEVE_CONF, FORWARD_REQ -> MessageKind.MESSAGE;
          case DELIVERY_IND -> MessageKind.DELIVERY_REPORT;
          case READ_REC_IND, READ_ORIG_IND -> MessageKind.READ_REPORT;
          default -> MessageKind.OTHER;
        };
    String originator;
    if (pdu instanceof DeliveryInd) {
      originator = pdu.get(HeaderField.TO).map(Address::text).orElse("");
    } else {
      originator =
          pdu.get(HeaderField.FROM).flatMap(FromValue::address).map(Address::text).orElse("");
    }
    return MessageIdentity.of(
        kind,
        pdu.get(HeaderField.MESSAGE_ID).orElse(""),
        pdu.transactionId().orElse(""),
        pdu.get(HeaderField.DATE).orElse(null),
        originator);
  }
}
