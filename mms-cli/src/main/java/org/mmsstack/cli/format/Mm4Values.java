package org.mmsstack.cli.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/**
 * The parsed value of an MM4 header field, where the MM4 codec types it (message type, version,
 * dates, addresses, enumerations, yes/no, counters, the decoded Subject), as one line of text;
 * {@code null} when the field has no typed form or the typed form says nothing the raw text
 * does not. A value that does not parse as its type says so.
 */
public final class Mm4Values {

  private Mm4Values() {}

  /** The typed value of {@code h}, a header field of {@code m}, or {@code null}. */
  public static String parsed(Mm4Message m, Mm4Header h) {
    String typed = typed(m, h, h.value());
    return typed == null || typed.equals(h.value()) ? null : typed;
  }

  private static String typed(Mm4Message m, Mm4Header h, String v) {
    if (h.is(Mm4HeaderNames.MESSAGE_TYPE)) {
      return token(Mm4MessageType.fromToken(v).map(Mm4MessageType::token), "an MM4 message type");
    }
    if (h.is(Mm4HeaderNames.MMS_VERSION)) {
      return token(Mm4Version.tryParse(v).map(Mm4Version::toString), "a version");
    }
    if (named(h, Mm4HeaderNames.DATE, Mm4HeaderNames.EXPIRY)) {
      return h.dateValue().map(t -> t.toInstant().toString()).orElse("(not an RFC 5322 date)");
    }
    if (h.is(Mm4HeaderNames.PREVIOUSLY_SENT_DATE)) {
      return PreviouslySentDate.tryParse(v)
          .map(p -> "#" + p.index() + " " + p.date().toInstant())
          .orElse("(not <index>, <date>)");
    }
    if (h.is(Mm4HeaderNames.PREVIOUSLY_SENT_BY)) {
      return PreviouslySentBy.tryParse(v)
          .map(p -> "#" + p.index() + " " + describe(p.address()))
          .orElse("(not <index>, <address>)");
    }
    if (named(
        h,
        Mm4HeaderNames.FROM,
        Mm4HeaderNames.SENDER,
        Mm4HeaderNames.ORIGINATOR_SYSTEM,
        Mm4HeaderNames.TO,
        Mm4HeaderNames.CC)) {
      return addresses(v);
    }
    if (h.is(Mm4HeaderNames.SUBJECT)) {
      return h == m.headers().firstField(Mm4HeaderNames.SUBJECT).orElse(null)
          ? m.subject().orElse(null)
          : null;
    }
    if (h.is(Mm4HeaderNames.PRIORITY)) {
      return token(Priority.byName(v.strip()).map(Priority::name), "a priority");
    }
    if (h.is(Mm4HeaderNames.SENDER_VISIBILITY)) {
      return token(
          SenderVisibility.byName(v.strip()).map(SenderVisibility::name), "a sender visibility");
    }
    if (h.is(Mm4HeaderNames.READ_STATUS)) {
      return token(ReadStatus.byName(v.strip()).map(ReadStatus::name), "a read status");
    }
    if (h.is(Mm4HeaderNames.REQUEST_STATUS_CODE)) {
      return token(RequestStatusCode.fromToken(v).map(Object::toString), "a request status code");
    }
    if (h.is(Mm4HeaderNames.MM_STATUS_CODE)) {
      return token(MmStatusCode.fromToken(v).map(Object::toString), "an MM status code");
    }
    if (h.is(Mm4HeaderNames.CONTENT_CLASS)) {
      return token(ContentClass.byName(v.strip()).map(ContentClass::name), "a content class");
    }
    if (h.is(Mm4HeaderNames.MESSAGE_CLASS)) {
      return v.isBlank() ? "(empty)" : MessageClass.of(v.strip()).name();
    }
    // X-Mms-Originator-R/S-Delivery-Report has no constant: the codec keeps it as a plain field.
    if (named(
        h,
        Mm4HeaderNames.DELIVERY_REPORT,
        Mm4HeaderNames.READ_REPLY,
        Mm4HeaderNames.ACK_REQUEST,
        Mm4HeaderNames.DRM_CONTENT,
        Mm4HeaderNames.ADAPTATION_ALLOWED,
        "X-Mms-Originator-R/S-Delivery-Report")) {
      return token(YesNo.fromToken(v).map(Object::toString), "Yes or No");
    }
    if (h.is(Mm4HeaderNames.FORWARD_COUNTER)) {
      return h.counterValue().map(Object::toString).orElse("(not a counter)");
    }
    return null;
  }

  private static boolean named(Mm4Header h, String... names) {
    for (String n : names) {
      if (h.is(n)) {
        return true;
      }
    }
    return false;
  }

  private static String token(Optional<String> t, String what) {
    return t.orElse("(not " + what + ")");
  }

  private static String addresses(String v) {
    List<Mm4Address> list;
    try {
      list = Mm4Address.parseList(v);
    } catch (RuntimeException e) {
      return "(not an address list)";
    }
    List<String> out = new ArrayList<>(list.size());
    for (Mm4Address a : list) {
      out.add(describe(a));
    }
    return String.join(", ", out);
  }

  /** {@code +4912345678 (PLMN, domain mms.example)}. */
  private static String describe(Mm4Address a) {
    StringBuilder sb = new StringBuilder(a.value());
    List<String> notes = new ArrayList<>(2);
    a.type().ifPresent(t -> notes.add(t.token()));
    a.domain().ifPresent(d -> notes.add("domain " + d));
    if (!notes.isEmpty()) {
      sb.append(" (").append(String.join(", ", notes)).append(')');
    }
    return sb.toString();
  }
}
