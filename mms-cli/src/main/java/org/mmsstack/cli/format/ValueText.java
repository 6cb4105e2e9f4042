package org.mmsstack.cli.format;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MboxCount;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * Header values as people read them: enumerations with their wire code ({@code Normal (0x81)}),
 * texts with their charset, dates in ISO-8601 UTC.
 */
public final class ValueText {

  private ValueText() {}

  /** One value, on one line. */
  public static String of(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof EncodedString) {
      return encoded((EncodedString) v);
    }
    if (v instanceof Address) {
      return encoded(((Address) v).encoded());
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? "Yes (0x80)" : "No (0x81)";
    }
    if (v instanceof OctetToken) {
      OctetToken t = (OctetToken) v;
      return String.format("%s (0x%02X)", t.isKnown() ? t.name() : "unknown", t.code());
    }
    if (v instanceof MessageType) {
      MessageType t = (MessageType) v;
      return String.format("%s (0x%02X)", t.wireName(), t.code());
    }
    if (v instanceof MmsVersion) {
      MmsVersion m = (MmsVersion) v;
      return String.format("%s (0x%02X)", m, m.toOctet());
    }
    if (v instanceof MessageClass) {
      MessageClass c = (MessageClass) v;
      return c.isToken() ? c.name() + " (text)" : String.format("%s (0x%02X)", c.name(), c.code());
    }
    if (v instanceof Instant) {
      return v.toString();
    }
    if (v instanceof TimeValue) {
      TimeValue t = (TimeValue) v;
      return t.relative()
          ? "+" + t.seconds() + " s (relative, " + Duration.ofSeconds(t.seconds()) + ") (0x81)"
          : Instant.ofEpochSecond(t.seconds()) + " (absolute) (0x80)";
    }
    if (v instanceof FromValue) {
      FromValue f = (FromValue) v;
      return f.isInsertAddress() ? "Insert-address-token (0x81)" : of(f.address().orElseThrow());
    }
    if (v instanceof ContentType) {
      return contentType((ContentType) v);
    }
    if (v instanceof ContentDisposition) {
      ContentDisposition d = (ContentDisposition) v;
      String s = d.code() >= 0 ? String.format("%s (0x%02X)", d.type(), d.code()) : d.type();
      return s + parameters(d.parameters());
    }
    if (v instanceof HeaderField) {
      HeaderField<?> f = (HeaderField<?>) v;
      return String.format("%s (0x%02X)", f.name(), f.code() | 0x80);
    }
    if (v instanceof MboxCount) {
      MboxCount m = (MboxCount) v;
      return m.value()
          + (m.unit() == MboxCount.Unit.MESSAGES ? " messages (0x80)" : " octets (0x81)");
    }
    if (v instanceof PreviouslySentBy) {
      PreviouslySentBy p = (PreviouslySentBy) v;
      return "#" + p.forwardedCount() + " " + of(p.address());
    }
    if (v instanceof PreviouslySentDate) {
      PreviouslySentDate p = (PreviouslySentDate) v;
      return "#" + p.forwardedCount() + " " + p.date();
    }
    if (v instanceof MmFlags) {
      MmFlags m = (MmFlags) v;
      return String.format(
          "%s (0x%02X) %s",
          m.operation().name().toLowerCase(Locale.ROOT),
          m.operation().code(),
          encoded(m.keyword()));
    }
    if (v instanceof ElementDescriptor) {
      ElementDescriptor e = (ElementDescriptor) v;
      return e.contentReference()
          + e.parameters().stream()
              .map(p -> "; " + p.name() + "=" + p.value())
              .collect(Collectors.joining());
    }
    if (v instanceof Indexed) {
      Indexed<?> i = (Indexed<?>) v;
      return "[" + i.index() + "] " + of(i.value());
    }
    if (v instanceof RawValue) {
      return "(malformed or undecoded: " + Hex.of(((RawValue) v).octets()) + ")";
    }
    return String.valueOf(v);
  }

  /** {@code text/plain (0x03); charset=utf-8 (106)}. */
  public static String contentType(ContentType ct) {
    MediaType m = ct.mediaType();
    String s = m.code() >= 0 ? String.format("%s (0x%02X)", m.name(), m.code()) : m.name();
    return s + parameters(ct.parameters());
  }

  private static String parameters(List<Parameter> ps) {
    StringBuilder sb = new StringBuilder();
    for (Parameter p : ps) {
      sb.append("; ").append(p.name()).append('=');
      Object v = p.value();
      if (v instanceof CharacterSet) {
        sb.append(((CharacterSet) v).name())
            .append(" (")
            .append(((CharacterSet) v).mibEnum())
            .append(')');
      } else if (v instanceof MediaType) {
        sb.append(((MediaType) v).name());
      } else {
        sb.append(v);
      }
    }
    return sb.toString();
  }

  private static String encoded(EncodedString e) {
    CharacterSet cs = e.charset().orElse(null);
    String text;
    try {
      text = e.text();
    } catch (RuntimeException ex) {
      text = Hex.of(e.octets());
    }
    return cs == null ? text : text + " [" + cs.name() + "]";
  }
}
