package org.mmsstack.encapsulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.internal.FrozenList;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.MediaType;

/**
 * An MMS PDU: one of the 24 message types of OMA MMS Encapsulation 1.0-1.3, each a final
 * subclass with typed accessors and a builder.
 *
 * <p>A PDU is its headers, in order, and its body when it has one. Every header is kept, the
 * unknown ones and Application-headers included, at its original position; {@link
 * #headerCursor()} walks them all (the fast way: no object per header), {@link #headers()} lists
 * them as {@link Header} objects, {@link #get(HeaderField)} and {@link #getAll(HeaderField)} read
 * typed values. PDUs are immutable: {@link #toBuilder()} starts a changed copy.
 *
 * <p>PDUs are safe to share between threads. A decoded PDU views the caller's input array
 * (header values are read from it on first use; part data and the octets of its
 * {@link org.mmsstack.encapsulation.value.EncodedString} values, addresses included, are views
 * of it): the array must not change while the PDU, a part's data or such a value is in use.
 *
 * <p>Equality is by message type, headers (field and value, in order) and body content; it
 * ignores how values were encoded and what decoding noticed.
 */
public abstract sealed class Pdu
    permits SendReq,
        SendConf,
        NotificationInd,
        NotifyRespInd,
        RetrieveConf,
        AcknowledgeInd,
        DeliveryInd,
        ReadRecInd,
        ReadOrigInd,
        ForwardReq,
        ForwardConf,
        MboxStoreReq,
        MboxStoreConf,
        MboxViewReq,
        MboxViewConf,
        MboxUploadReq,
        MboxUploadConf,
        MboxDeleteReq,
        MboxDeleteConf,
        MboxDescr,
        DeleteReq,
        DeleteConf,
        CancelReq,
        CancelConf {

  /**
   * What a PDU is made of; passed from decoders and builders to the subclasses, and kept by the
   * PDU. A decoded PDU's contents are its {@link DecodedHeaders} (a subclass), so decoding makes
   * one object less per PDU.
   */
  static class Contents {
    final List<Header> headers; // a built PDU's headers; null for a decoded one
    final Body body;
    final byte[] trailing;
    final List<Finding> findings;

    Contents(List<Header> headers, Body body, byte[] trailing, List<Finding> findings) {
      this.headers = headers;
      this.body = body;
      this.trailing = trailing;
      this.findings = findings;
    }
  }

  private final MessageType type;
  // The headers, body, trailing octets and findings: a built PDU's Contents, or a decoded
  // PDU's DecodedHeaders.
  private final Contents c;
  // A decoded PDU's headers, made from its table on first use: a benign race (the list and its
  // headers are immutable and reached through final fields), so no volatile write on the read
  // path.
  private List<Header> listed;

  Pdu(MessageType type, Contents c) {
    this.type = type;
    this.c = c;
  }

  /** The message type. */
  public final MessageType messageType() {
    return type;
  }

  /**
   * Every header, in wire order, X-Mms-Message-Type first: the materialised form, one {@link
   * Header} per header (made on the first call for a decoded PDU), to keep or pass around. To read
   * every header once, {@link #headerCursor()} is cheaper.
   */
  public final List<Header> headers() {
    List<Header> h = c.headers;
    if (h != null) {
      return h;
    }
    h = listed;
    if (h == null) {
      h = ((DecodedHeaders) c).materialize();
      listed = h;
    }
    return h;
  }

  /**
   * A cursor over the headers, in wire order: the fast way to walk them (see {@link
   * HeaderCursor}), without the {@link Header} objects and boxed numbers that {@link #headers()}
   * makes. Each call returns a new cursor, for one walk by one thread.
   */
  public final HeaderCursor headerCursor() {
    List<Header> h = c.headers != null ? c.headers : listed;
    return h != null ? new HeaderCursor(h) : new HeaderCursor((DecodedHeaders) c);
  }

  /** The first value of a field, when present and well-formed. */
  public final <T> Optional<T> get(HeaderField<T> field) {
    if (listed == null && c instanceof DecodedHeaders decoded && decoded.readsDirectly(field)) {
      // A decoded PDU whose headers nobody has listed yet: read the one value from the input.
      Object v = decoded.firstValue(field);
      return field.valueType().isInstance(v)
          ? Optional.of(field.valueType().cast(v))
          : Optional.empty();
    }
    List<Header> headers = headers();
    for (int i = 0, n = headers.size(); i < n; i++) {
      Header h = headers.get(i);
      if (h.field().equals(field)) {
        return Optional.ofNullable(h.typedValue(field));
      }
    }
    return Optional.empty();
  }

  /** Every well-formed value of a field, in order. */
  public final <T> List<T> getAll(HeaderField<T> field) {
    List<T> out = null;
    List<Header> headers = headers();
    for (int i = 0, n = headers.size(); i < n; i++) {
      Header h = headers.get(i);
      if (h.field().equals(field)) {
        T v = h.typedValue(field);
        if (v != null) {
          if (out == null) {
            out = new ArrayList<>(2);
          }
          out.add(v);
        }
      }
    }
    return out == null ? List.of() : List.copyOf(out);
  }

  /** The value of an Application-header (case-insensitive name), when present. */
  public final Optional<String> applicationHeader(String name) {
    for (Header h : headers()) {
      if (h.field().isApplication()
          && h.name().equalsIgnoreCase(name)
          && h.value() instanceof String) {
        return Optional.of((String) h.value());
      }
    }
    return Optional.empty();
  }

  /** Whether a header of this field is present. */
  public final boolean has(HeaderField<?> field) {
    for (Header h : headers()) {
      if (h.field().equals(field)) {
        return true;
      }
    }
    return false;
  }

  /** X-Mms-Transaction-Id. */
  public final Optional<String> transactionId() {
    return get(HeaderField.TRANSACTION_ID);
  }

  /** X-Mms-MMS-Version. */
  public final Optional<MmsVersion> mmsVersion() {
    return get(HeaderField.MMS_VERSION);
  }

  /** Content-Type, for PDUs with a body. */
  public final Optional<ContentType> contentType() {
    return get(HeaderField.CONTENT_TYPE);
  }

  /** The body, for PDUs that carry one. */
  public final Optional<Body> body() {
    return Optional.ofNullable(c.body);
  }

  /**
   * What lenient decoding noticed and recovered from (empty for built PDUs, and for decoded ones
   * that follow the specification). The {@code validate} package reports everything else.
   */
  public final List<Finding> findings() {
    return c.findings;
  }

  /** Octets after the end of the PDU that lenient decoding kept (empty when none). */
  public final byte[] trailingOctets() {
    return c.trailing == null ? new byte[0] : c.trailing.clone();
  }

  byte[] trailingUnsafe() {
    return c.trailing;
  }

  /** The decoder's record of this PDU's input, or {@code null} for a built PDU. */
  DecodedHeaders decodedOrNull() {
    return c instanceof DecodedHeaders d ? d : null;
  }

  Body bodyOrNull() {
    return c.body;
  }

  /** A builder holding this PDU's headers and body; unchanged headers keep their encoding. */
  public abstract Builder<? extends Pdu, ?> toBuilder();

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Pdu)) {
      return false;
    }
    Pdu p = (Pdu) o;
    return p.type == type
        && p.headers().equals(headers())
        && Objects.equals(p.c.body, c.body)
        && Arrays.equals(p.c.trailing, c.trailing);
  }

  @Override
  public final int hashCode() {
    return type.hashCode() * 31 + headers().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type.wireName()).append(" {");
    for (Header h : headers()) {
      sb.append("\n  ").append(h);
    }
    if (c.body != null) {
      sb.append("\n  body: ").append(c.body);
    }
    return sb.append("\n}").toString();
  }

  /**
   * Builds a PDU. A new builder writes the headers in the canonical order (X-Mms-Message-Type,
   * X-Mms-Transaction-Id, X-Mms-MMS-Version, the others as added, Content-Type last) and checks
   * that the mandatory headers of the type are present. A builder from {@link #toBuilder()} keeps
   * the original order and encodings and puts new headers before Content-Type, so a PDU can be
   * passed on with one header added and every other octet unchanged; it refuses to drop a
   * mandatory header the PDU had, but does not ask for one the PDU already lacked (a leniently
   * decoded PDU may lack any). The MM4 message builders follow the same rule.
   *
   * @param <P> the PDU type
   * @param <B> the builder type
   */
  public abstract static class Builder<P extends Pdu, B extends Builder<P, B>> {
    // Per type (by ordinal), made once (headers are immutable): X-Mms-Message-Type, and the
    // X-Mms-MMS-Version a new builder adds when none was set (1.2, or the version that
    // introduced the type).
    private static final Header[] MESSAGE_TYPE = new Header[MessageType.values().length];
    private static final Header[] DEFAULT_VERSION = new Header[MessageType.values().length];

    static {
      for (MessageType t : MessageType.values()) {
        MESSAGE_TYPE[t.ordinal()] = Header.of(HeaderField.MESSAGE_TYPE, t);
        MmsVersion v = t.since().compareTo(MmsVersion.V1_2) > 0 ? t.since() : MmsVersion.V1_2;
        DEFAULT_VERSION[t.ordinal()] = Header.of(HeaderField.MMS_VERSION, v);
      }
    }

    private final MessageType type;
    // Sized for a usual new PDU: made at once rather than on the first add (no grow).
    private final List<Header> headers = new ArrayList<>(8);
    private final boolean fromPdu;
    private Header contentType;
    private Body body;
    private byte[] trailing;
    // The codes 0x00-0x7F of the headers ever added (bit c of `low` for c < 64, of `high` for
    // the rest; never cleared): a code whose bit is clear has no header in `headers`, so set()
    // appends without searching the list.
    private long low;
    private long high;
    // For a builder from toBuilder(): the codes of the PDU's headers (Content-Type included), so
    // that build() can refuse to drop a mandatory header the PDU had (PduRules.checkKept).
    private final long lowBefore;
    private final long highBefore;
    // Whether remove() or noBody() ran: only they can drop a header, so build() of a builder
    // from toBuilder() checks what is kept only then (a relay adding a header does not pay).
    private boolean dropped;

    Builder(MessageType type) {
      this.type = type;
      this.fromPdu = false;
      headers.add(MESSAGE_TYPE[type.ordinal()]);
      mark(HeaderField.MESSAGE_TYPE.code());
      this.lowBefore = 0;
      this.highBefore = 0;
    }

    Builder(Pdu pdu) {
      this.type = pdu.type;
      this.fromPdu = true;
      for (Header h : pdu.headers()) {
        if (h.field().code() == HeaderField.CONTENT_TYPE.code()) {
          contentType = h;
        } else {
          headers.add(h);
          mark(h.field().code());
        }
      }
      this.body = pdu.c.body;
      this.trailing = pdu.c.trailing;
      this.lowBefore = low | (contentType != null ? 1L << HeaderField.CONTENT_TYPE.code() : 0);
      this.highBefore = high;
    }

    @SuppressWarnings("unchecked")
    final B self() {
      return (B) this;
    }

    abstract P create(Contents contents);

    /**
     * Replaces every header of the field by one with this value (at the first one's place).
     *
     * @throws IllegalArgumentException when {@link Header#of(HeaderField, Object)} refuses the
     *     value, the field is X-Mms-Message-Type, or the header cannot be read back in this PDU
     *     type: an indexed (Del) field outside m-mbox-delete-conf and m-delete-conf, an
     *     X-Mms-Response-Text in the charset form inside them (which reads as the Del form), a
     *     Content-Type that does not match the body's kind (multipart or not)
     */
    public final <T> B set(HeaderField<T> field, T value) {
      Header h = Header.of(field, value);
      checkForType(h);
      if (field.code() == HeaderField.CONTENT_TYPE.code()) {
        if (body != null) {
          checkBodyType((ContentType) value, body);
        }
        contentType = h;
        return self();
      }
      if (field.code() == HeaderField.MESSAGE_TYPE.code()) {
        throw new IllegalArgumentException("field: " + field + " (set by the PDU type)");
      }
      if (!maybeHas(field.code())) {
        headers.add(h); // nothing to replace: a new builder's usual case
        mark(field.code());
        return self();
      }
      int at = -1;
      for (int i = headers.size() - 1; i >= 0; i--) {
        if (headers.get(i).field().equals(field)) {
          headers.remove(i);
          at = i;
        }
      }
      if (at >= 0) {
        headers.add(at, h);
      } else {
        headers.add(h);
      }
      return self();
    }

    /**
     * Adds a header at the end (before Content-Type).
     *
     * @throws IllegalArgumentException as {@link #set(HeaderField, Object)}
     */
    public final <T> B add(HeaderField<T> field, T value) {
      if (field.code() == HeaderField.CONTENT_TYPE.code()
          || field.code() == HeaderField.MESSAGE_TYPE.code()) {
        return set(field, value);
      }
      Header h = Header.of(field, value);
      checkForType(h);
      headers.add(h);
      mark(field.code());
      return self();
    }

    /**
     * Adds a header (for example a decoded one, with its encoding) at the end.
     *
     * @throws IllegalArgumentException for X-Mms-Message-Type, and for a header that cannot be
     *     read back in this PDU type (see {@link #set(HeaderField, Object)})
     */
    public final B add(Header header) {
      Objects.requireNonNull(header, "header");
      checkForType(header);
      if (header.field().code() == HeaderField.CONTENT_TYPE.code()) {
        // A decoded Content-Type came with its body, whose kind the decoder chose by it.
        if (body != null
            && !header.hasOriginalEncoding()
            && header.value() instanceof ContentType ct) {
          checkBodyType(ct, body);
        }
        contentType = header;
      } else if (header.field().code() == HeaderField.MESSAGE_TYPE.code()) {
        throw new IllegalArgumentException("header: " + header + " (set by the PDU type)");
      } else {
        headers.add(header);
        mark(header.field().code());
      }
      return self();
    }

    /** Adds an Application-header (Token-text name, Text-string value). */
    public final B applicationHeader(String name, String value) {
      return add(HeaderField.application(name), value);
    }

    /**
     * Removes every header of the field.
     *
     * @throws IllegalArgumentException for X-Mms-Message-Type (set by the PDU type)
     */
    public final B remove(HeaderField<?> field) {
      if (field.code() == HeaderField.MESSAGE_TYPE.code()) {
        throw new IllegalArgumentException("field: " + field + " (set by the PDU type)");
      }
      if (field.code() == HeaderField.CONTENT_TYPE.code()) {
        contentType = null;
      } else {
        headers.removeIf(h -> h.field().equals(field));
      }
      dropped = true;
      return self();
    }

    /** Sets X-Mms-Transaction-Id. */
    public final B transactionId(String id) {
      return set(HeaderField.TRANSACTION_ID, id);
    }

    /** Sets X-Mms-MMS-Version. */
    public final B mmsVersion(MmsVersion version) {
      return set(HeaderField.MMS_VERSION, version);
    }

    /**
     * Sets the body and its Content-Type.
     *
     * @throws IllegalArgumentException when {@link Header#of(HeaderField, Object)} refuses the
     *     content type, or it does not match the body's kind: a decoder reads the body of a
     *     multipart type ({@link MediaType#isMultipart()}) as a multipart and any other body as
     *     one part, so a multipart type goes with a {@link MultipartBody} and every other type
     *     with a {@link SinglePartBody}
     */
    public final B body(ContentType contentType, Body body) {
      Header h = Header.of(HeaderField.CONTENT_TYPE, contentType);
      checkBodyType(contentType, Objects.requireNonNull(body, "body"));
      this.contentType = h;
      this.body = body;
      return self();
    }

    /** A multipart content type goes with a multipart body, any other with a single part. */
    private static void checkBodyType(ContentType contentType, Body body) {
      boolean multipart = contentType.mediaType().isMultipart();
      if (multipart != body instanceof MultipartBody) {
        throw new IllegalArgumentException(
            "Content-Type: "
                + contentType.mediaType()
                + (multipart
                    ? " names a multipart body, and a decoder reads the body as one"
                        + " (expected: a MultipartBody)"
                    : " names a single-part body, and a decoder reads the body as one part"
                        + " (expected: a SinglePartBody)"));
      }
    }

    /**
     * Refuses a header this PDU type's decoder would read as another: the Del form of a field
     * outside the delete confirmations (read as the plain field), and inside them an
     * X-Mms-Response-Text in the charset form (Value-length, Char-set, text), whose layout is
     * the Del form's (Value-length, index, text).
     */
    private void checkForType(Header h) {
      HeaderField<?> f = h.field();
      boolean deleteConf = type == MessageType.MBOX_DELETE_CONF || type == MessageType.DELETE_CONF;
      if (f.isIndexed() && !deleteConf) {
        throw new IllegalArgumentException(
            f.name()
                + ": the indexed (Del) form is carried only by m-mbox-delete-conf and"
                + " m-delete-conf, not by "
                + type.wireName());
      }
      if (deleteConf
          && f.equals(HeaderField.RESPONSE_TEXT)
          && h.value() instanceof EncodedString s
          && s.charset().isPresent()) {
        throw new IllegalArgumentException(
            f.name()
                + ": in "
                + type.wireName()
                + " the charset form reads as the indexed (Del) form; send plain text"
                + " (EncodedString.ofOctets) or use RESPONSE_TEXT_INDEXED");
      }
    }

    /**
     * Drops the octets lenient decoding found after the end of a decoded PDU ({@link
     * Pdu#trailingOctets()}), which a builder from {@link #toBuilder()} keeps and the encoder
     * writes back: to pass a cleaned PDU on.
     */
    public final B noTrailingOctets() {
      this.trailing = null;
      return self();
    }

    /** Removes the body and Content-Type. */
    public final B noBody() {
      this.contentType = null;
      this.body = null;
      dropped = true;
      return self();
    }

    /**
     * The PDU.
     *
     * @throws IllegalStateException when a new builder lacks a mandatory header of its type, or
     *     a builder from {@link #toBuilder()} has lost one the PDU had or has a body without its
     *     Content-Type
     */
    public final P build() {
      if (fromPdu) {
        if (body != null && contentType == null) {
          // remove(CONTENT_TYPE) leaves the body, which a decoder would read as headers.
          throw new IllegalStateException(
              type.wireName() + ": a body needs its Content-Type (see body(...))");
        }
        if (dropped) {
          checkKept();
        }
        // The original order, Content-Type last.
        int n = headers.size();
        Header[] out = new Header[n + (contentType != null ? 1 : 0)];
        for (int i = 0; i < n; i++) {
          out[i] = headers.get(i);
        }
        if (contentType != null) {
          out[n] = contentType;
        }
        return create(new Contents(FrozenList.owning(out), body, trailing, List.of()));
      }
      // Canonical order: Message-Type, Transaction-Id, MMS-Version, the rest as added,
      // Content-Type last; only the first Transaction-Id and MMS-Version are written (see add).
      // One pass finds them, counts the rest and collects the codes for the mandatory check.
      int n = headers.size();
      Header id = null;
      Header version = null;
      int rest = 0;
      long lowCodes = 0;
      long highCodes = 0;
      for (int i = 0; i < n; i++) {
        Header h = headers.get(i);
        int c = h.field().code();
        if (c >= 64) {
          highCodes |= 1L << (c - 64);
        } else if (c >= 0) {
          lowCodes |= 1L << c;
        }
        if (c == HeaderField.TRANSACTION_ID.code()) {
          if (id == null && h.field().equals(HeaderField.TRANSACTION_ID)) {
            id = h;
          }
        } else if (c == HeaderField.MMS_VERSION.code()) {
          if (version == null && h.field().equals(HeaderField.MMS_VERSION)) {
            version = h;
          }
        } else if (c != HeaderField.MESSAGE_TYPE.code()) {
          rest++;
        }
      }
      if (version == null) {
        version = DEFAULT_VERSION[type.ordinal()];
        lowCodes |= 1L << HeaderField.MMS_VERSION.code();
      }
      if (contentType != null) {
        lowCodes |= 1L << HeaderField.CONTENT_TYPE.code();
      }
      PduRules.checkMandatory(type, lowCodes, highCodes, body);
      // One array of the final size, handed to the PDU without a copy.
      Header[] out = new Header[2 + (id != null ? 1 : 0) + rest + (contentType != null ? 1 : 0)];
      int k = 0;
      out[k++] = MESSAGE_TYPE[type.ordinal()];
      if (id != null) {
        out[k++] = id;
      }
      out[k++] = version;
      for (int i = 0; i < n; i++) {
        Header h = headers.get(i);
        int c = h.field().code();
        if (c != HeaderField.MESSAGE_TYPE.code()
            && c != HeaderField.TRANSACTION_ID.code()
            && c != HeaderField.MMS_VERSION.code()) {
          out[k++] = h;
        }
      }
      if (contentType != null) {
        out[k] = contentType;
      }
      return create(new Contents(FrozenList.owning(out), body, trailing, List.of()));
    }

    /** No mandatory header the PDU had is gone (see {@link PduRules#checkKept}). */
    private void checkKept() {
      long lowNow = contentType != null ? 1L << HeaderField.CONTENT_TYPE.code() : 0;
      long highNow = 0;
      for (int i = 0, n = headers.size(); i < n; i++) {
        int c = headers.get(i).field().code();
        if (c >= 64) {
          highNow |= 1L << (c - 64);
        } else if (c >= 0) {
          lowNow |= 1L << c;
        }
      }
      PduRules.checkKept(type, lowBefore, highBefore, lowNow, highNow);
    }

    private void mark(int code) {
      if (code >= 64) {
        high |= 1L << (code - 64);
      } else if (code >= 0) {
        low |= 1L << code;
      }
    }

    /** False when no header with this code was ever added (application headers: true). */
    private boolean maybeHas(int code) {
      if (code < 0) {
        return true;
      }
      return code < 64 ? (low & (1L << code)) != 0 : (high & (1L << (code - 64))) != 0;
    }
  }
}
