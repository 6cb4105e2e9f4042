package org.mmsstack.mm4;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.internal.Rules;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * What the six message builders share: the common elements, free header fields and the content.
 * Each setter replaces the field of that name in place (a parsed message's other fields keep their
 * raw bytes), and {@link #build()} checks that every element the message type requires is there.
 *
 * <p>A builder made fresh writes its fields in a conventional order (RFC 5322 fields, then the
 * X-Mms fields as TS 23.140 lists them, then the rest as added); one made by {@code toBuilder()}
 * keeps the order of the original.
 *
 * <p>Not thread-safe: one builder per thread. A builder made by {@code toBuilder()} shares the
 * original's (immutable) content, and with it any view of the array it was decoded from.
 *
 * @param <B> the concrete builder
 * @param <M> the message it builds
 */
public abstract class Mm4MessageBuilder<B extends Mm4MessageBuilder<B, M>, M extends Mm4Message> {

  private final Mm4MessageType type;
  private final List<Mm4Header> fields;
  private final boolean fresh;
  private MimeEntity body;
  private boolean contentHeadersChanged;

  Mm4MessageBuilder(Mm4MessageType type) {
    this.type = type;
    this.fields = new ArrayList<>();
    this.fresh = true;
    fields.add(Mm4Header.of(Mm4HeaderNames.MESSAGE_TYPE, type.token()));
  }

  Mm4MessageBuilder(Mm4MessageType type, Mm4Message from) {
    this.type = type;
    this.fields = new ArrayList<>(from.headers().list());
    this.fresh = false;
    this.body = from.content();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /** Sets X-Mms-3GPP-MMS-Version. */
  public B mmsVersion(Mm4Version version) {
    return set(Mm4HeaderNames.MMS_VERSION, Objects.requireNonNull(version, "version").toString());
  }

  /** Sets X-Mms-Transaction-ID (written as a quoted-string when it holds spaces or specials). */
  public B transactionId(String id) {
    return set(Mm4HeaderNames.TRANSACTION_ID, Values.formatId("transactionId", id));
  }

  /** Sets X-Mms-Message-ID (written as a quoted-string when it holds spaces or specials). */
  public B messageId(String id) {
    return set(Mm4HeaderNames.MESSAGE_ID, Values.formatId("messageId", id));
  }

  /** Sets From. */
  public B from(Mm4Address from) {
    return set(Mm4HeaderNames.FROM, Objects.requireNonNull(from, "from").toHeaderValue());
  }

  /** Sets To (at least one address). */
  public B to(List<Mm4Address> to) {
    return set(Mm4HeaderNames.TO, Values.formatAddresses(nonEmpty("to", to)));
  }

  /** Sets To. */
  public B to(Mm4Address... to) {
    return to(List.of(to));
  }

  /** Sets Cc (at least one address). */
  public B cc(List<Mm4Address> cc) {
    return set(Mm4HeaderNames.CC, Values.formatAddresses(nonEmpty("cc", cc)));
  }

  /** Sets Cc. */
  public B cc(Mm4Address... cc) {
    return cc(List.of(cc));
  }

  /** Sets Date (whole seconds; the offset must be whole minutes). */
  public B date(OffsetDateTime date) {
    return set(Mm4HeaderNames.DATE, Values.formatDate(Objects.requireNonNull(date, "date")));
  }

  /** Sets Subject; text that is not plain US-ASCII is written as RFC 2047 encoded words. */
  public B subject(String subject) {
    return set(Mm4HeaderNames.SUBJECT, Values.formatText("subject", subject));
  }

  /** Sets the mail's Message-ID, given without angle brackets. */
  public B rfc822MessageId(String id) {
    return set(Mm4HeaderNames.RFC822_MESSAGE_ID, Values.formatRfc822Id(id));
  }

  /** Sets Sender. */
  public B sender(Mm4Address sender) {
    return set(Mm4HeaderNames.SENDER, Objects.requireNonNull(sender, "sender").toHeaderValue());
  }

  /** Sets X-Mms-Originator-System, where responses and reports go. */
  public B originatorSystem(Mm4Address system) {
    return set(
        Mm4HeaderNames.ORIGINATOR_SYSTEM, Objects.requireNonNull(system, "system").toHeaderValue());
  }

  /**
   * Sets any header field: replaces the first of that name in place, removes later ones, or
   * appends. Use it for private X- fields; X-Mms-Message-Type cannot be changed.
   */
  public B header(String name, String value) {
    checkFree(name);
    return set(name, value);
  }

  /** Appends a header field, even if one of that name exists (e.g. Received). */
  public B addHeader(String name, String value) {
    checkFree(name);
    markContent(name);
    fields.add(Mm4Header.of(name, value));
    return self();
  }

  /** Removes every header field called {@code name}. */
  public B removeHeader(String name) {
    checkFree(name);
    markContent(name);
    fields.removeIf(h -> h.is(name));
    return self();
  }

  /**
   * Sets the content: the entity's Content-* fields become the message's (replacing any there)
   * and its body the message body.
   */
  public B content(MimeEntity entity) {
    Objects.requireNonNull(entity, "entity");
    fields.removeIf(h -> isContent(h.name()));
    for (Mm4Header h : entity.headers()) {
      if (!h.is(Mm4HeaderNames.MIME_VERSION)) {
        fields.add(h);
      }
    }
    if (!contains(Mm4HeaderNames.MIME_VERSION)) {
      fields.add(Mm4Header.of(Mm4HeaderNames.MIME_VERSION, "1.0"));
    }
    body = entity;
    contentHeadersChanged = false;
    return self();
  }

  final B set(String name, String value) {
    Mm4Header h = Mm4Header.of(name, value);
    markContent(name);
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).is(name)) {
        if (!fields.get(i).equals(h) || !fields.get(i).name().equals(name)) {
          fields.set(i, h);
        }
        for (int j = fields.size() - 1; j > i; j--) {
          if (fields.get(j).is(name)) {
            fields.remove(j);
          }
        }
        return self();
      }
    }
    fields.add(h);
    return self();
  }

  /** Replaces every field called {@code name} with one field per value, at the first one's place. */
  final B setAll(String name, List<String> values) {
    int at = -1;
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).is(name)) {
        at = i;
        break;
      }
    }
    List<Mm4Header> add = new ArrayList<>();
    for (String v : values) {
      add.add(Mm4Header.of(name, v));
    }
    fields.removeIf(h -> h.is(name));
    fields.addAll(at < 0 ? fields.size() : Math.min(at, fields.size()), add);
    return self();
  }

  private void markContent(String name) {
    if (isContent(name)) {
      contentHeadersChanged = true;
    }
  }

  private static boolean isContent(String name) {
    return name.regionMatches(true, 0, "content-", 0, 8);
  }

  private static void checkFree(String name) {
    if (Objects.requireNonNull(name, "name").equalsIgnoreCase(Mm4HeaderNames.MESSAGE_TYPE)) {
      throw new IllegalArgumentException(
          "name: " + name + " (the message type is fixed by the builder)");
    }
  }

  private static List<Mm4Address> nonEmpty(String what, List<Mm4Address> list) {
    if (Objects.requireNonNull(list, what).isEmpty()) {
      throw new IllegalArgumentException(what + ": [] (expected: at least one address)");
    }
    for (Mm4Address a : list) {
      Objects.requireNonNull(a, what + " element");
    }
    return list;
  }

  final boolean contains(String name) {
    for (Mm4Header h : fields) {
      if (h.is(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Builds the message.
   *
   * @return the message
   * @throws IllegalStateException naming the first mandatory element that is missing
   */
  public M build() {
    for (String name : Rules.mandatory(type)) {
      if (name.equals(Rules.CONTENT)) {
        if (body == null && !contains(Mm4HeaderNames.CONTENT_TYPE)) {
          throw new IllegalStateException(
              type.token() + " needs content (set it with content(MimeEntity))");
        }
      } else if (name.equals(Rules.RECIPIENTS)) {
        if (!contains(Mm4HeaderNames.TO) && !contains(Mm4HeaderNames.CC)) {
          throw new IllegalStateException(type.token() + " needs recipients: To or Cc");
        }
      } else if (!contains(name)) {
        throw new IllegalStateException(
            type.token() + " needs " + name + " (set it on the builder)");
      }
    }
    List<Mm4Header> out = fields;
    if (fresh) {
      // Each field's rank looked up once, then a stable sort on (rank, position).
      int n = fields.size();
      long[] keyed = new long[n];
      for (int i = 0; i < n; i++) {
        keyed[i] = ((long) rank(fields.get(i).name()) << 32) | i;
      }
      Arrays.sort(keyed);
      out = new ArrayList<>(n);
      for (long k : keyed) {
        out.add(fields.get((int) k));
      }
    }
    Mm4Headers headers = Mm4Headers.of(out);
    MimeEntity root =
        body == null
            ? MimeAccess.get().emptyLeaf(headers)
            : MimeAccess.get().withHeaders(body, headers, !contentHeadersChanged);
    return create(root);
  }

  abstract M create(MimeEntity root);

  private static final Map<String, Integer> RANK = rankTable();

  private static Map<String, Integer> rankTable() {
    String[] order = {
      "from",
      "sender",
      "to",
      "cc",
      "date",
      "subject",
      "message-id",
      "mime-version",
      "content-type",
      "content-transfer-encoding",
      "content-id",
      "content-location",
      "content-disposition",
      "x-mms-message-type",
      "x-mms-3gpp-mms-version",
      "x-mms-transaction-id",
      "x-mms-message-id",
      "x-mms-request-status-code",
      "x-mms-mm-status-code",
      "x-mms-mm-status-extension",
      "x-mms-read-status",
      "x-mms-status-text",
      "x-mms-message-class",
      "x-mms-expiry",
      "x-mms-delivery-report",
      "x-mms-originator-system",
      "x-mms-priority",
      "x-mms-sender-visibility",
      "x-mms-read-reply",
      "x-mms-ack-request",
      "x-mms-forward-counter",
      "x-mms-previously-sent-by",
      "x-mms-previously-sent-date-and-time",
      "x-mms-applic-id",
      "x-mms-reply-applic-id",
      "x-mms-aux-applic-info",
      "x-mms-content-class",
      "x-mms-drm-content",
      "x-mms-adaptation-allowed"
    };
    Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < order.length; i++) {
      m.put(order[i], i);
    }
    // The names as Mm4HeaderNames spells them too, so that a field made from those constants
    // (whose String hash is cached) is ranked without making its lower-case form.
    for (java.lang.reflect.Field f : Mm4HeaderNames.class.getFields()) {
      if (f.getType() == String.class) {
        try {
          String name = (String) f.get(null);
          Integer r = m.get(name.toLowerCase(Locale.ROOT));
          if (r != null) {
            m.put(name, r);
          }
        } catch (IllegalAccessException e) {
          throw new ExceptionInInitializerError(e);
        }
      }
    }
    return Map.copyOf(m);
  }

  private static int rank(String name) {
    Integer exact = RANK.get(name);
    if (exact != null) {
      return exact;
    }
    String n = name.toLowerCase(Locale.ROOT);
    Integer r = RANK.get(n);
    if (r != null) {
      return r;
    }
    return isContent(n) ? RANK.get("content-disposition") : 1000;
  }
}
