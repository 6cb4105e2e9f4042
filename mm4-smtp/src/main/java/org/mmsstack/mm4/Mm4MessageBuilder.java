package org.mmsstack.mm4;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.internal.Rules;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.internal.mime.NameTable;
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
  // The fields in order, and each one's NameTable.idIgnoreCase (-1 for a name not in the table),
  // so that finding a field by a known name compares ints.
  private Mm4Header[] fields;
  private int[] ids;
  private int count;
  // Bit id set exactly when a field with that NameTable id (all below 64) is present: a setter of
  // a field not there yet appends without scanning the fields, and build() checks the mandatory
  // fields on it.
  private long present;
  private final boolean fresh;
  // For a builder made by toBuilder(): bit i set when mandatory element i of Rules.mandatory(type)
  // was already missing from the message (a leniently decoded one may lack any): build() does not
  // ask for it, so such a message can be edited, but never made less complete than it was.
  private final long lacking;
  private MimeEntity body;
  private boolean contentHeadersChanged;

  Mm4MessageBuilder(Mm4MessageType type) {
    this.type = type;
    this.fields = new Mm4Header[32];
    this.ids = new int[32];
    this.fresh = true;
    this.lacking = 0;
    append(
        MimeAccess.get()
            .asciiField(
                Mm4HeaderNames.MESSAGE_TYPE,
                NameTable.id(Mm4HeaderNames.MESSAGE_TYPE),
                type.token()));
  }

  Mm4MessageBuilder(Mm4MessageType type, Mm4Message from) {
    this.type = type;
    List<Mm4Header> list = from.headers().list();
    int n = list.size();
    this.fields = new Mm4Header[n + 8];
    this.ids = new int[n + 8];
    for (Mm4Header h : list) {
      append(h);
    }
    this.fresh = false;
    this.body = from.content();
    List<String> mandatory = Rules.mandatory(type);
    long missing = 0;
    for (int i = 0; i < mandatory.size(); i++) {
      if (missing(mandatory.get(i)) != null) {
        missing |= 1L << i;
      }
    }
    this.lacking = missing;
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /** Sets X-Mms-3GPP-MMS-Version. */
  public B mmsVersion(Mm4Version version) {
    return setAscii(
        Mm4HeaderNames.MMS_VERSION, Objects.requireNonNull(version, "version").toString());
  }

  /** Sets X-Mms-Transaction-ID (written as a quoted-string when it holds spaces or specials). */
  public B transactionId(String id) {
    return setAscii(Mm4HeaderNames.TRANSACTION_ID, Values.formatId("transactionId", id));
  }

  /** Sets X-Mms-Message-ID (written as a quoted-string when it holds spaces or specials). */
  public B messageId(String id) {
    return setAscii(Mm4HeaderNames.MESSAGE_ID, Values.formatId("messageId", id));
  }

  /** Sets From. */
  public B from(Mm4Address from) {
    return setAscii(Mm4HeaderNames.FROM, Objects.requireNonNull(from, "from").toHeaderValue());
  }

  /** Sets To (at least one address). */
  public B to(List<Mm4Address> to) {
    return setAscii(Mm4HeaderNames.TO, Values.formatAddresses(nonEmpty("to", to)));
  }

  /** Sets To. */
  public B to(Mm4Address... to) {
    return to(List.of(to));
  }

  /** Sets Cc (at least one address). */
  public B cc(List<Mm4Address> cc) {
    return setAscii(Mm4HeaderNames.CC, Values.formatAddresses(nonEmpty("cc", cc)));
  }

  /** Sets Cc. */
  public B cc(Mm4Address... cc) {
    return cc(List.of(cc));
  }

  /** Sets Date (whole seconds; the offset must be whole minutes). */
  public B date(OffsetDateTime date) {
    return setAscii(Mm4HeaderNames.DATE, Values.formatDate(Objects.requireNonNull(date, "date")));
  }

  /** Sets Subject; text that is not plain US-ASCII is written as RFC 2047 encoded words. */
  public B subject(String subject) {
    // Plain text is written as it is, and is plain US-ASCII (RFC 2047 words are too, but rare).
    return Values.isPlainText(subject)
        ? setAscii(Mm4HeaderNames.SUBJECT, subject)
        : set(Mm4HeaderNames.SUBJECT, Values.formatText("subject", subject));
  }

  /** Sets the mail's Message-ID, given without angle brackets. */
  public B rfc822MessageId(String id) {
    return setAscii(Mm4HeaderNames.RFC822_MESSAGE_ID, Values.formatRfc822Id(id));
  }

  /** Sets Sender. */
  public B sender(Mm4Address sender) {
    return setAscii(
        Mm4HeaderNames.SENDER, Objects.requireNonNull(sender, "sender").toHeaderValue());
  }

  /** Sets X-Mms-Originator-System, where responses and reports go. */
  public B originatorSystem(Mm4Address system) {
    return setAscii(
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
    Mm4Header h = Mm4Header.of(name, value);
    markContent(name, NameTable.idIgnoreCase(name));
    append(h);
    return self();
  }

  /** Removes every header field called {@code name}. */
  public B removeHeader(String name) {
    checkFree(name);
    int id = NameTable.idIgnoreCase(name);
    markContent(name, id);
    removeFrom(name, id, 0);
    return self();
  }

  /**
   * Sets the content: the entity's Content-* fields become the message's (replacing any there)
   * and its body the message body.
   */
  public B content(MimeEntity entity) {
    Objects.requireNonNull(entity, "entity");
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (!isContent(fields[i].name(), ids[i])) {
        fields[kept] = fields[i];
        ids[kept++] = ids[i];
      }
    }
    Arrays.fill(fields, kept, count, null);
    count = kept;
    recomputePresent();
    for (Mm4Header h : entity.headers()) {
      // Only the Content-* fields: the root entity of a decoded message (its content()) holds
      // the message's own fields too (From, Date, X-Mms-*...), which this builder has already.
      if (isContent(h.name(), -1)) {
        append(h);
      }
    }
    if (!contains(Mm4HeaderNames.MIME_VERSION)) {
      append(
          MimeAccess.get()
              .asciiField(
                  Mm4HeaderNames.MIME_VERSION, NameTable.id(Mm4HeaderNames.MIME_VERSION), "1.0"));
    }
    body = entity;
    contentHeadersChanged = false;
    return self();
  }

  final B set(String name, String value) {
    Objects.requireNonNull(name, "name");
    // One lookup of the name serves the field and the builder (a typed setter passes a name
    // spelt as Mm4HeaderNames spells it, found by the first switch).
    int known = NameTable.id(name);
    return put(name, known, MimeAccess.get().field(name, known, value));
  }

  /**
   * {@link #set} for a value the typed setter has formatted as plain US-ASCII (printable or tab,
   * no white space at either end: ids, dates, addresses, tokens, plain text) under a name spelt as
   * {@link Mm4HeaderNames} spells it: the field is made without a second pass over the value.
   */
  final B setAscii(String name, String value) {
    int known = NameTable.id(name);
    return put(name, known, MimeAccess.get().asciiField(name, known, value));
  }

  /** Puts {@code h}, called {@code name} ({@link NameTable#id} {@code known}), as {@link #set} says. */
  private B put(String name, int known, Mm4Header h) {
    int id = known >= 0 ? known : NameTable.idIgnoreCase(name);
    markContent(name, id);
    int i = indexOf(name, id, 0);
    if (i < 0) {
      append(h, id);
      return self();
    }
    if (!fields[i].equals(h) || !fields[i].name().equals(name)) {
      fields[i] = h;
    }
    removeFrom(name, id, i + 1);
    return self();
  }

  /** Replaces every field called {@code name} with one field per value, at the first one's place. */
  final B setAll(String name, List<String> values) {
    int id = NameTable.idIgnoreCase(name);
    Mm4Header[] add = new Mm4Header[values.size()];
    for (int k = 0; k < add.length; k++) {
      add[k] = Mm4Header.of(name, values.get(k));
    }
    int at = indexOf(name, id, 0);
    removeFrom(name, id, 0);
    at = at < 0 ? count : Math.min(at, count);
    ensure(count + add.length);
    System.arraycopy(fields, at, fields, at + add.length, count - at);
    System.arraycopy(ids, at, ids, at + add.length, count - at);
    for (int k = 0; k < add.length; k++) {
      fields[at + k] = add[k];
      ids[at + k] = id;
    }
    count += add.length;
    if (id >= 0 && add.length > 0) {
      present |= 1L << id;
    }
    return self();
  }

  private void append(Mm4Header h) {
    int id = MimeAccess.get().nameId(h);
    append(h, id >= 0 ? id : NameTable.idIgnoreCase(h.name()));
  }

  private void append(Mm4Header h, int id) {
    ensure(count + 1);
    fields[count] = h;
    ids[count++] = id;
    if (id >= 0) {
      present |= 1L << id;
    }
  }

  private void recomputePresent() {
    long p = 0;
    for (int i = 0; i < count; i++) {
      if (ids[i] >= 0) {
        p |= 1L << ids[i];
      }
    }
    present = p;
  }

  private void ensure(int size) {
    if (size > fields.length) {
      int n = Math.max(size, fields.length * 2);
      fields = Arrays.copyOf(fields, n);
      ids = Arrays.copyOf(ids, n);
    }
  }

  /** The index of the first field called {@code name} (whose id is {@code id}) from {@code from}. */
  private int indexOf(String name, int id, int from) {
    if (id >= 0) {
      if ((present & (1L << id)) == 0) {
        return -1;
      }
      for (int i = from; i < count; i++) {
        if (ids[i] == id) {
          return i;
        }
      }
      return -1;
    }
    for (int i = from; i < count; i++) {
      if (ids[i] < 0 && fields[i].is(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Removes the fields called {@code name} at or after {@code from}, keeping the others' order. */
  private void removeFrom(String name, int id, int from) {
    int i = indexOf(name, id, from);
    if (i < 0) {
      return;
    }
    int kept = i;
    for (; i < count; i++) {
      boolean match = id >= 0 ? ids[i] == id : ids[i] < 0 && fields[i].is(name);
      if (!match) {
        fields[kept] = fields[i];
        ids[kept++] = ids[i];
      }
    }
    Arrays.fill(fields, kept, count, null);
    count = kept;
    recomputePresent();
  }

  private void markContent(String name, int id) {
    if (isContent(name, id)) {
      contentHeadersChanged = true;
    }
  }

  private static boolean isContent(String name, int id) {
    return id >= 0 ? NameTable.isContent(id) : name.regionMatches(true, 0, "content-", 0, 8);
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

  /** What is missing when mandatory element {@code name} is, or null when it is there. */
  private String missing(String name) {
    if (name.equals(Rules.CONTENT)) {
      return body == null && !contains(Mm4HeaderNames.CONTENT_TYPE)
          ? "content (set it with content(MimeEntity))"
          : null;
    }
    if (name.equals(Rules.RECIPIENTS)) {
      return !contains(Mm4HeaderNames.TO) && !contains(Mm4HeaderNames.CC)
          ? "recipients: To or Cc"
          : null;
    }
    return contains(name) ? null : name + " (set it on the builder)";
  }

  final boolean contains(String name) {
    int id = NameTable.idIgnoreCase(name);
    return id >= 0 ? (present & (1L << id)) != 0 : indexOf(name, id, 0) >= 0;
  }

  /**
   * Builds the message.
   *
   * <p>A builder made by {@code toBuilder()} does not ask for a mandatory element its message
   * already lacked (a leniently decoded message may lack any): such a message can be edited (a
   * field added, changed or removed) and built again, but an element it had cannot be removed.
   *
   * @return the message
   * @throws IllegalStateException naming the first mandatory element that is missing
   */
  public M build() {
    List<String> mandatory = Rules.mandatory(type);
    for (int i = 0; i < mandatory.size(); i++) {
      String why = (lacking & (1L << i)) == 0 ? missing(mandatory.get(i)) : null;
      if (why != null) {
        throw new IllegalStateException(type.token() + " needs " + why);
      }
    }
    Mm4Header[] out;
    if (fresh) {
      // Each field's rank looked up once, then a stable sort on (rank, position).
      long[] keyed = new long[count];
      for (int i = 0; i < count; i++) {
        keyed[i] = ((long) NameTable.rank(fields[i].name(), ids[i]) << 32) | i;
      }
      Arrays.sort(keyed);
      out = new Mm4Header[count];
      for (int i = 0; i < count; i++) {
        out[i] = fields[(int) keyed[i]];
      }
    } else {
      out = Arrays.copyOf(fields, count);
    }
    Mm4Headers headers = MimeAccess.get().headers(out);
    MimeEntity root =
        body == null
            ? MimeAccess.get().emptyLeaf(headers)
            : MimeAccess.get().withHeaders(body, headers, !contentHeadersChanged);
    return create(root);
  }

  abstract M create(MimeEntity root);
}
