package org.mmsstack.routing.simulation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4DeliveryReportRes;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardRes;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageBuilder;
import org.mmsstack.mm4.Mm4ReadReplyReportRes;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.convert.Mm4ToMm1;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.routing.HeaderPair;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RoutingHeaders;

/** MM4 helpers shared by the simulated nodes: header views, responses, address forms. */
final class Mm4Wire {
  static final Mm4Version VERSION = Mm4Version.V6_8_0;

  private Mm4Wire() {}

  static byte[] format(Mm4Message m) {
    return Mm4Codec.encode(m);
  }

  static Mm4Message parse(byte[] mail) throws Mm4FormatException {
    return Mm4Codec.decode(mail);
  }

  static OffsetDateTime date(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /** Rebuilds a message through its own builder (keeps every other field's bytes). */
  static Mm4Message edit(Mm4Message m, Consumer<Mm4MessageBuilder<?, ?>> edit) {
    Mm4MessageBuilder<?, ?> b = m.toBuilder();
    edit.accept(b);
    return b.build();
  }

  /** The message with these extra header fields appended (routing fields, forgeries). */
  static Mm4Message withHeaders(Mm4Message m, List<HeaderPair> extra) {
    return edit(m, b -> extra.forEach(h -> b.addHeader(h.name(), h.value())));
  }

  /** The response to a request, with a status. */
  static byte[] response(Mm4Message req, RequestStatusCode status) {
    return format(Mm4Message.responseTo(req.headers(), status));
  }

  /** The status a response carries; Error-unspecified when it cannot be read. */
  static RequestStatusCode status(byte[] response) {
    try {
      Mm4Message m = parse(response);
      Optional<RequestStatusCode> s;
      if (m instanceof Mm4ForwardRes x) {
        s = x.requestStatusCode();
      } else if (m instanceof Mm4DeliveryReportRes x) {
        s = x.requestStatusCode();
      } else if (m instanceof Mm4ReadReplyReportRes x) {
        s = x.requestStatusCode();
      } else {
        s = Optional.empty();
      }
      return s.orElse(RequestStatusCode.ERROR_UNSPECIFIED);
    } catch (Mm4FormatException e) {
      return RequestStatusCode.ERROR_UNSPECIFIED;
    }
  }

  /** E.164 digits of an MM4 address, or null when it is not a PLMN address. */
  static String digits(Mm4Address a) {
    if (!a.isPlmn()) {
      return null;
    }
    String v = a.value();
    return v.startsWith("+") ? v.substring(1) : v;
  }

  /** E.164 digits from any address text we write ({@code +49.../TYPE=PLMN[@domain]}, {@code +49...}). */
  static String digits(String text) {
    String s = text;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    return s.startsWith("+") ? s.substring(1) : s;
  }

  /** The SMTP envelope recipient for a recipient in a domain: {@code +49.../TYPE=PLMN@domain}. */
  static String rcpt(Recipient r, String domain) {
    return r.kind() == Recipient.Kind.PLMN ? r.text() + "/TYPE=PLMN@" + domain : r.text();
  }

  static String rcpt(String digits, String domain) {
    return "+" + digits + "/TYPE=PLMN@" + domain;
  }

  /** The MMS address of an envelope recipient. */
  static Address envelopeAddress(String rcpt) {
    return Mm4ToMm1.address(Mm4Address.parse(rcpt));
  }

  /** Whether bytes carry any routing header name, in any case. */
  static boolean mentionsRouting(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return s.contains(RoutingHeaders.PREFIX.toLowerCase(Locale.ROOT));
  }
}
