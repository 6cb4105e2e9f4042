package org.mmsstack.cli.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mmsstack.mm4.ContentClass;
import org.mmsstack.mm4.MessageClass;
import org.mmsstack.mm4.Mm4Address;
import org.mmsstack.mm4.Mm4Header;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.MmStatusCode;
import org.mmsstack.mm4.PreviouslySentBy;
import org.mmsstack.mm4.PreviouslySentDate;
import org.mmsstack.mm4.Priority;
import org.mmsstack.mm4.ReadStatus;
import org.mmsstack.mm4.RequestStatusCode;
import org.mmsstack.mm4.SenderVisibility;
import org.mmsstack.mm4.YesNo;

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
    String v = h.value();
    String typed;
    switch (h.name().toLowerCase(Locale.ROOT)) {
      case "x-mms-message-type":
        typed = token(Mm4MessageType.fromToken(v).map(Mm4MessageType::token), "an MM4 message type");
        break;
      case "x-mms-3gpp-mms-version":
        typed = token(Mm4Version.parse(v).map(Mm4Version::toString), "a version");
        break;
      case "date":
      case "x-mms-expiry":
        typed = h.dateValue().map(t -> t.toInstant().toString()).orElse("(not an RFC 5322 date)");
        break;
      case "x-mms-previously-sent-date-and-time":
        typed = PreviouslySentDate.parse(v).map(p -> "#" + p.index() + " " + p.date().toInstant())
            .orElse("(not <index>, <date>)");
        break;
      case "x-mms-previously-sent-by":
        typed = PreviouslySentBy.parse(v).map(p -> "#" + p.index() + " " + p.address())
            .orElse("(not <index>, <address>)");
        break;
      case "from":
      case "sender":
      case "x-mms-originator-system":
      case "to":
      case "cc":
        typed = addresses(v);
        break;
      case "subject":
        typed = h == m.headers().firstField("Subject").orElse(null) ? m.subject().orElse(null) : null;
        break;
      case "x-mms-priority":
        typed = token(Priority.fromToken(v).map(Object::toString), "a priority");
        break;
      case "x-mms-sender-visibility":
        typed = token(SenderVisibility.fromToken(v).map(Object::toString), "a sender visibility");
        break;
      case "x-mms-read-status":
        typed = token(ReadStatus.fromToken(v).map(Object::toString), "a read status");
        break;
      case "x-mms-request-status-code":
        typed = token(RequestStatusCode.fromToken(v).map(Object::toString), "a request status code");
        break;
      case "x-mms-mm-status-code":
        typed = token(MmStatusCode.fromToken(v).map(Object::toString), "an MM status code");
        break;
      case "x-mms-content-class":
        typed = token(ContentClass.fromToken(v).map(Object::toString), "a content class");
        break;
      case "x-mms-message-class":
        typed = v.isBlank() ? "(empty)" : MessageClass.of(v).toString();
        break;
      case "x-mms-delivery-report":
      case "x-mms-read-reply":
      case "x-mms-ack-request":
      case "x-mms-drm-content":
      case "x-mms-adaptation-allowed":
      case "x-mms-originator-r/s-delivery-report":
        typed = token(YesNo.fromToken(v).map(Object::toString), "Yes or No");
        break;
      case "x-mms-forward-counter":
        typed = v.trim().matches("[0-9]{1,9}") ? Integer.toString(Integer.parseInt(v.trim())) : "(not a counter)";
        break;
      default:
        typed = null;
    }
    return typed == null || typed.equals(v) ? null : typed;
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
  public static String describe(Mm4Address a) {
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
