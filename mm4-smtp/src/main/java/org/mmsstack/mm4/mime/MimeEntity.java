package org.mmsstack.mm4.mime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.internal.mime.EncodedWords;
import org.mmsstack.mm4.internal.mime.NameTable;
import org.mmsstack.mm4.internal.mime.Syntax;

/**
 * A MIME entity (RFC 2045): header fields and a body that is either data (a leaf) or body parts
 * (a multipart, nested to any depth the {@link Mm4Config} allows). The content of an MM4 message
 * is its root entity, whose header fields are the message's own.
 *
 * <p>Typed access covers what MM1 conversion needs: {@link #contentType()} with its parameters,
 * {@link #contentId()}, {@link #contentLocation()}, {@link #contentDisposition()}, {@link
 * #charset()} and the decoded {@link #data()}.
 *
 * <p><b>Thread-safety and ownership.</b> Immutable and safe to share between threads. After
 * decoding, the data of a part that travelled as 7bit, 8bit or binary is a read-only view of the
 * decoded input, not a copy; base64 and quoted-printable data is located by the parse (and
 * checked there when {@link Mm4Config#checkBodies()} is on, as in strict mode, so that its
 * findings and strict failures come from decoding the message; otherwise, as in lenient mode,
 * they come from {@link #checkData()}), and decoded on the first read of the data into an array
 * of its own. An array handed to {@link Mm4Codec#decode(byte[])} must therefore
 * not be changed while the message is in use. Likewise a built entity views the array (or
 * array-backed buffer) given to {@link Builder#data(byte[])} without copying it: the caller must
 * not modify it while the entity, or a message holding it, is in use. The builder itself is not
 * thread-safe.
 *
 * <p>Equality compares header fields, and data or parts, never the raw encoded form.
 */
public final class MimeEntity {

  private static final byte[] EMPTY = new byte[0];

  /** {@link #transferEncoding()} of a built leaf, by ordinal, made once. */
  private static final List<Optional<TransferEncoding>> ENCODINGS =
      Arrays.stream(TransferEncoding.values()).map(Optional::of).toList();

  static {
    MimeAccess.install(new MimeAccessImpl());
  }

  private final Mm4Headers headers;
  private final List<MimeEntity> parts; // null for a leaf
  // Data available without decoding: a view of the input, or built data.
  private final byte[] data;
  private final int dataOff;
  private final int dataLen;
  // Data decoded on first read (base64, quoted-printable, LF-only text); null otherwise.
  private final LazyData lazy;
  // The encoded body exactly as parsed (canonical CRLF only), written back while unchanged.
  private final byte[] raw;
  private final int rawOff;
  private final int rawLen;
  // A built leaf's Content-Transfer-Encoding, as its builder chose or was given it (the field it
  // wrote says the same), so that the boundary choice and the writer do not look the field up;
  // null for parsed entities and for a root under a message builder's fields.
  private final TransferEncoding builtEncoding;

  private MimeEntity(
      Mm4Headers headers,
      List<MimeEntity> parts,
      byte[] data,
      int dataOff,
      int dataLen,
      LazyData lazy,
      byte[] raw,
      int rawOff,
      int rawLen) {
    this(headers, parts, data, dataOff, dataLen, lazy, raw, rawOff, rawLen, null);
  }

  private MimeEntity(
      Mm4Headers headers,
      List<MimeEntity> parts,
      byte[] data,
      int dataOff,
      int dataLen,
      LazyData lazy,
      byte[] raw,
      int rawOff,
      int rawLen,
      TransferEncoding builtEncoding) {
    this.builtEncoding = builtEncoding;
    this.headers = headers;
    this.parts = parts;
    this.data = data;
    this.dataOff = dataOff;
    this.dataLen = dataLen;
    this.lazy = lazy;
    this.raw = raw;
    this.rawOff = rawOff;
    this.rawLen = rawLen;
  }

  static MimeEntity parsedLeaf(
      Mm4Headers headers, byte[] data, int off, int len, byte[] raw, int rawOff, int rawLen) {
    return new MimeEntity(headers, null, data, off, len, null, raw, rawOff, rawLen);
  }

  static MimeEntity parsedLeaf(
      Mm4Headers headers, LazyData lazy, byte[] raw, int rawOff, int rawLen) {
    return new MimeEntity(headers, null, EMPTY, 0, 0, lazy, raw, rawOff, rawLen);
  }

  static MimeEntity parsedMultipart(
      Mm4Headers headers, List<MimeEntity> parts, byte[] raw, int rawOff, int rawLen) {
    return new MimeEntity(headers, List.copyOf(parts), EMPTY, 0, 0, null, raw, rawOff, rawLen);
  }

  static MimeEntity emptyLeaf(Mm4Headers headers) {
    return new MimeEntity(headers, null, EMPTY, 0, 0, null, null, 0, 0);
  }

  /** This entity's body under other header fields; the raw body is kept only if asked. */
  MimeEntity withHeaders(Mm4Headers newHeaders, boolean keepRaw) {
    return new MimeEntity(
        newHeaders, parts, data, dataOff, dataLen, lazy, keepRaw ? raw : null, rawOff, rawLen);
  }

  /**
   * Starts a new entity.
   *
   * @param contentType the media type; for {@code multipart/*}, add parts and leave the boundary
   *     to the builder unless you need a particular one
   * @return a builder
   */
  public static Builder builder(ContentType contentType) {
    return new Builder(contentType);
  }

  /**
   * A builder preset to this entity, to build an edited copy: its media type, its decoded data
   * (viewed, not copied) or its parts, its transfer encoding, and its other header fields as they
   * are (Content-ID, Content-Location and Content-Disposition included; setting one through the
   * builder replaces it, {@link Builder#removeHeader} drops one). What the entity had is kept
   * where it still fits: a multipart's boundary while it occurs in no part (else a new one is
   * chosen), the transfer encoding while it can carry the data (else one is chosen). The built
   * entity is written anew, not byte for byte; an unchanged entity builds to one with the same
   * media type, data or parts and header values.
   */
  public Builder toBuilder() {
    Builder b = new Builder(contentType());
    b.fromEntity = true;
    // Written back as they came while what they say is not changed: a leniently decoded value
    // may not be one the builder would write (a parameter holding a NUL), yet it read back.
    b.entityType = b.contentType;
    b.entityTypeField = headers.firstField(Mm4HeaderNames.CONTENT_TYPE).orElse(null);
    b.entityEncodingField =
        headers.firstField(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING).orElse(null);
    if (parts != null) {
      b.parts.addAll(parts);
    } else {
      b.data = dataArray();
      b.dataOff = dataOffset();
      b.dataLen = dataSize();
    }
    b.encoding = transferEncoding().orElse(null);
    for (Mm4Header h : headers) {
      if (!h.is(Mm4HeaderNames.CONTENT_TYPE) && !h.is(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING)) {
        b.extra.add(h);
      }
    }
    return b;
  }

  /** @return the header fields of this entity (for the root: the message's header fields) */
  public Mm4Headers headers() {
    return headers;
  }

  /** @return the Content-Type, or RFC 2045's default {@code text/plain; charset=us-ascii} when absent or unreadable */
  public ContentType contentType() {
    return headers
        .firstField(Mm4HeaderNames.CONTENT_TYPE)
        .flatMap(Mm4Header::contentTypeValue)
        .orElse(ContentType.DEFAULT);
  }

  /** @return the Content-Transfer-Encoding; 7bit when absent, empty when the token is unknown */
  public Optional<TransferEncoding> transferEncoding() {
    if (builtEncoding != null) {
      return ENCODINGS.get(builtEncoding.ordinal());
    }
    Optional<String> v = headers.first(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING);
    return v.isEmpty()
        ? Optional.of(TransferEncoding.SEVEN_BIT)
        : TransferEncoding.fromToken(v.get());
  }

  /** @return the Content-ID without its angle brackets, e.g. {@code smil} for {@code <smil>} */
  public Optional<String> contentId() {
    return headers
        .first(Mm4HeaderNames.CONTENT_ID)
        .map(
            v -> {
              String s = Syntax.strip(v);
              if (s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>') {
                s = s.substring(1, s.length() - 1);
              }
              return s;
            });
  }

  /** @return the Content-Location (RFC 2047 encoded words decoded) */
  public Optional<String> contentLocation() {
    return headers
        .first(Mm4HeaderNames.CONTENT_LOCATION)
        .map(v -> EncodedWords.decode(v, EncodedWords.IGNORE));
  }

  /** @return the Content-Disposition, if present and readable */
  public Optional<ContentDisposition> contentDisposition() {
    return headers.first(Mm4HeaderNames.CONTENT_DISPOSITION).flatMap(ContentDisposition::tryParse);
  }

  /** @return the {@code charset} parameter of the Content-Type */
  public Optional<String> charset() {
    return contentType().charset();
  }

  /** @return the value of the first header field called {@code name} */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** @return whether the body is a list of parts */
  public boolean isMultipart() {
    return parts != null;
  }

  /** @return the body parts in order; empty for a leaf */
  public List<MimeEntity> parts() {
    return parts == null ? List.of() : parts;
  }

  /**
   * The decoded data as a read-only view (position 0, limit = size); empty for a multipart. Data
   * that travelled as 7bit, 8bit or binary is a view of the decoded input; base64 and
   * quoted-printable data is decoded on the first call (of this or any other data accessor) into
   * an array the entity keeps, so later calls cost nothing.
   */
  public ByteBuffer data() {
    byte[] a = dataArray();
    int off = dataOffset();
    int size = dataSize();
    if (off == 0 && size == a.length) {
      // Decoded data fills its array: no slice needed (two buffers made instead of three).
      return ByteBuffer.wrap(a).asReadOnlyBuffer();
    }
    return ByteBuffer.wrap(a, off, size).slice().asReadOnlyBuffer();
  }

  /** @return a copy of the decoded data */
  public byte[] dataBytes() {
    int off = dataOffset();
    return Arrays.copyOfRange(dataArray(), off, off + dataSize());
  }

  /**
   * @return the size of the decoded data in octets, known without decoding it unless decoding
   *     deferred the check of this body ({@link Mm4Config#checkBodies()} off)
   */
  public int dataSize() {
    return lazy != null ? lazy.size() : dataLen;
  }

  /** @return a stream over the decoded data */
  public InputStream openData() {
    return new ByteArrayInputStream(dataArray(), dataOffset(), dataSize());
  }

  /**
   * Decodes the data as text in its {@code charset} (US-ASCII when none is given, as RFC 2045
   * says; UTF-8 when the charset is unknown to this JVM). Malformed input is replaced, not thrown.
   *
   * @return the text
   */
  public String text() {
    Charset cs = StandardCharsets.US_ASCII;
    Optional<String> name = charset();
    if (name.isPresent()) {
      try {
        cs = Charset.forName(Syntax.strip(name.get()));
      } catch (IllegalArgumentException e) {
        cs = StandardCharsets.UTF_8;
      }
    }
    return new String(dataArray(), dataOffset(), dataSize(), cs);
  }

  /**
   * Checks the data of this entity, and of every leaf below it for a multipart, when decoding
   * deferred that check ({@link Mm4Config#checkBodies()} off): what {@code decode} would
   * otherwise have reported for base64 and quoted-printable bodies, with the same codes,
   * offsets and lines. Each body is checked once; later calls return the same result. Reading
   * the data does not need this: {@link #data()} decodes a body that fails the check as far as
   * it goes (characters outside the alphabet skipped, nothing after '=' padding, a broken
   * quoted-printable escape kept literally).
   *
   * @return the findings of the deferred checks in tree order; empty when decoding checked the
   *     bodies (their findings are the message's) and for built entities
   * @throws Mm4FormatException in strict mode at the first finding of severity ERROR, and in any
   *     mode for a body that cannot be decoded (where {@code decode} would have thrown)
   */
  public List<Finding> checkData() throws Mm4FormatException {
    if (parts != null) {
      List<Finding> all = null; // made for the first finding only: most bodies have none
      for (MimeEntity p : parts) {
        List<Finding> f = p.checkData();
        if (!f.isEmpty()) {
          if (all == null) {
            all = new ArrayList<>();
          }
          all.addAll(f);
        }
      }
      return all == null ? List.of() : List.copyOf(all);
    }
    return lazy == null ? List.of() : lazy.findings();
  }

  /**
   * Adds to {@code out} what {@link #checkData()} would find in this entity and every leaf below
   * it, each body checked leniently whatever the configuration, and a body that cannot be decoded
   * as one ERROR finding: every finding of every body, without throwing (for the validator).
   */
  void collectDataFindings(List<Finding> out) {
    if (parts != null) {
      for (MimeEntity p : parts) {
        p.collectDataFindings(out);
      }
    } else if (lazy != null) {
      out.addAll(lazy.allFindings());
    }
  }

  /** The array holding the decoded data (decoding it first if needed); never to be modified. */
  byte[] dataArray() {
    return lazy != null ? lazy.get() : data;
  }

  int dataOffset() {
    return lazy != null ? 0 : dataOff;
  }

  /**
   * The encoded body as parsed, or null when it must be written anew: bodies whose check was
   * deferred are looked at for lines ended by LF alone here (and a multipart is kept only while
   * all its parts are).
   */
  byte[] raw() {
    if (raw == null || (lazy != null && !lazy.lineEndsCanonical())) {
      return null;
    }
    if (parts != null) {
      for (MimeEntity p : parts) {
        if (p.raw() == null) {
          return null;
        }
      }
    }
    return raw;
  }

  int rawOff() {
    return rawOff;
  }

  int rawLen() {
    return rawLen;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MimeEntity)) {
      return false;
    }
    MimeEntity e = (MimeEntity) o;
    if (!headers.equals(e.headers) || (parts == null) != (e.parts == null)) {
      return false;
    }
    if (parts != null) {
      return parts.equals(e.parts);
    }
    int off = dataOffset();
    int eOff = e.dataOffset();
    return Arrays.equals(
        dataArray(), off, off + dataSize(), e.dataArray(), eOff, eOff + e.dataSize());
  }

  @Override
  public int hashCode() {
    int h = headers.hashCode();
    if (parts != null) {
      return h * 31 + parts.hashCode();
    }
    // h * 31 + d[i] over the data, four octets a step (the same value, in fewer dependent
    // multiplications).
    byte[] d = dataArray();
    int i = dataOffset();
    int end = i + dataSize();
    for (; i + 3 < end; i += 4) {
      h = h * 923521 + d[i] * 29791 + d[i + 1] * 961 + d[i + 2] * 31 + d[i + 3];
    }
    for (; i < end; i++) {
      h = h * 31 + d[i];
    }
    return h;
  }

  @Override
  public String toString() {
    return contentType().baseType()
        + (parts == null ? " (" + dataSize() + " octets)" : " " + parts);
  }

  /**
   * Builds a {@link MimeEntity}. Data passed in is viewed, not copied (building costs nothing per
   * octet of a part's data): do not modify it while the entity is in use.
   */
  public static final class Builder {
    private static final int CTE_ID = NameTable.id(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING);
    private static final int CONTENT_ID_ID = NameTable.id(Mm4HeaderNames.CONTENT_ID);
    private static final int CONTENT_LOCATION_ID = NameTable.id(Mm4HeaderNames.CONTENT_LOCATION);

    private ContentType contentType;
    private byte[] data = EMPTY;
    private int dataOff;
    private int dataLen;
    private final List<MimeEntity> parts = new ArrayList<>();
    private TransferEncoding encoding;
    private String contentId;
    private String contentLocation;
    private ContentDisposition disposition;
    private final List<Mm4Header> extra = new ArrayList<>();
    // Made by toBuilder: the boundary and transfer encoding are the entity's, kept only while
    // they still fit what is built (the caller may have changed the parts or the data).
    private boolean fromEntity;
    private boolean encodingForced;
    private ContentType entityType;
    private Mm4Header entityTypeField;
    private Mm4Header entityEncodingField;

    private Builder(ContentType contentType) {
      this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    /**
     * Sets the data of a leaf. The array is viewed, not copied: it must not be modified while the
     * entity, or a message holding it, is in use (copy it first if it will change).
     */
    public Builder data(byte[] bytes) {
      this.data = Objects.requireNonNull(bytes, "bytes");
      this.dataOff = 0;
      this.dataLen = bytes.length;
      return this;
    }

    /**
     * Sets the data of a leaf to the remaining octets of {@code buffer} (its position is not
     * changed). The array behind a writable heap buffer is viewed, not copied, and must not be
     * modified while the entity is in use; a direct or read-only buffer is copied.
     */
    public Builder data(ByteBuffer buffer) {
      Objects.requireNonNull(buffer, "buffer");
      if (buffer.hasArray()) {
        this.data = buffer.array();
        this.dataOff = buffer.arrayOffset() + buffer.position();
      } else {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        this.data = copy;
        this.dataOff = 0;
      }
      this.dataLen = buffer.remaining();
      return this;
    }

    /** Sets the data to {@code text} in {@code charset} and the {@code charset} parameter to match. */
    public Builder text(String text, Charset charset) {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(charset, "charset");
      this.data = text.getBytes(charset);
      this.dataOff = 0;
      this.dataLen = data.length;
      this.contentType = contentType.withParameter("charset", charsetName(charset));
      return this;
    }

    /** The charset's name in lower case, as {@code charset=} writes it. */
    private static String charsetName(Charset charset) {
      // The usual ones without a copy of the name per entity.
      if (charset == StandardCharsets.UTF_8) {
        return "utf-8";
      }
      if (charset == StandardCharsets.US_ASCII) {
        return "us-ascii";
      }
      return charset.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Appends a body part (multipart types only). */
    public Builder addPart(MimeEntity part) {
      parts.add(Objects.requireNonNull(part, "part"));
      return this;
    }

    /** Forces a transfer encoding; by default the builder picks 7bit, quoted-printable or base64. */
    public Builder transferEncoding(TransferEncoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding");
      this.encodingForced = true;
      return this;
    }

    /** Sets the Content-ID, without angle brackets: {@code smil} is written {@code <smil>}. */
    public Builder contentId(String id) {
      Objects.requireNonNull(id, "id");
      boolean ok = !id.isEmpty();
      for (int i = 0; ok && i < id.length(); i++) {
        char c = id.charAt(i);
        ok = c > 0x20 && c < 0x7f && c != '<' && c != '>';
      }
      if (!ok) {
        throw new IllegalArgumentException(
            "id: \"" + id + "\" (expected: printable US-ASCII without <, > or spaces)");
      }
      this.contentId = id;
      removeExtra(Mm4HeaderNames.CONTENT_ID);
      return this;
    }

    /** Sets the Content-Location (non-ASCII is written as RFC 2047 encoded words). */
    public Builder contentLocation(String location) {
      Objects.requireNonNull(location, "location");
      if (location.isBlank() || !Syntax.isPrintableText(location)) {
        throw new IllegalArgumentException(
            "location: \"" + location + "\" (expected: non-blank text without control characters)");
      }
      this.contentLocation = location;
      removeExtra(Mm4HeaderNames.CONTENT_LOCATION);
      return this;
    }

    /** Sets the Content-Disposition. */
    public Builder contentDisposition(ContentDisposition d) {
      this.disposition = Objects.requireNonNull(d, "d");
      removeExtra(Mm4HeaderNames.CONTENT_DISPOSITION);
      return this;
    }

    /**
     * Removes the header fields named {@code name} (any case): those added with {@link #addHeader},
     * those kept by {@link MimeEntity#toBuilder()}, and a Content-ID, Content-Location or
     * Content-Disposition set through its method.
     *
     * @throws IllegalArgumentException for Content-Type or Content-Transfer-Encoding, which every
     *     entity has (set them through {@link MimeEntity#builder} and {@link #transferEncoding})
     */
    public Builder removeHeader(String name) {
      Objects.requireNonNull(name, "name");
      if (name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_TYPE)
          || name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING)) {
        throw new IllegalArgumentException(
            "name: \"" + name + "\" (every entity has it: set it instead)");
      }
      if (name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_ID)) {
        contentId = null;
      } else if (name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_LOCATION)) {
        contentLocation = null;
      } else if (name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_DISPOSITION)) {
        disposition = null;
      }
      removeExtra(name);
      return this;
    }

    private void removeExtra(String name) {
      extra.removeIf(h -> h.is(name));
    }

    /** Adds another header field to the entity (after the Content-* fields the builder writes). */
    public Builder addHeader(String name, String value) {
      Mm4Header h = Mm4Header.of(name, value);
      if (isManaged(name)) {
        throw new IllegalArgumentException(
            "name: \"" + name + "\" (set it through its own builder method)");
      }
      extra.add(h);
      return this;
    }

    private static boolean isManaged(String name) {
      return name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_TYPE)
          || name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING)
          || name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_ID)
          || name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_LOCATION)
          || name.equalsIgnoreCase(Mm4HeaderNames.CONTENT_DISPOSITION);
    }

    /**
     * Builds the entity.
     *
     * @return the entity
     * @throws IllegalStateException if a multipart has no parts or data, a leaf has parts, a
     *     forced 7bit/8bit encoding cannot carry the data, a given boundary occurs in the content,
     *     or (a multipart without a given boundary) nested boundaries and data leave no boundary
     *     free among the several hundred tried
     */
    public MimeEntity build() {
      // The fields in an array of their number, handed to the list without another copy.
      int count =
          (contentType.isMultipart() ? 1 : 2)
              + (contentId != null ? 1 : 0)
              + (contentLocation != null ? 1 : 0)
              + (disposition != null ? 1 : 0)
              + extra.size();
      Mm4Header[] h = new Mm4Header[count];
      int k = 0;
      ContentType ct = contentType;
      TransferEncoding te = null; // a leaf's
      // An encoding the caller chose is checked; the entity's (toBuilder) is kept while it fits.
      boolean kept = fromEntity && !encodingForced;
      if (ct.isMultipart()) {
        if (parts.isEmpty()) {
          throw new IllegalStateException(
              "multipart entity without parts: add at least one with addPart");
        }
        if (dataLen > 0) {
          throw new IllegalStateException("multipart entity with data: use addPart instead");
        }
        if (encoding != null && !encoding.isIdentity() && !kept) {
          throw new IllegalStateException(
              "transferEncoding: "
                  + encoding
                  + " (expected: 7bit, 8bit or binary for a multipart)");
        }
        String boundary = ct.boundary().orElse(null);
        if (boundary != null
            && fromEntity
            && (!Boundaries.isValid(boundary) || Boundaries.occursIn(boundary, parts))) {
          boundary = null; // the entity's, no longer free in the parts given: choose another
        }
        if (boundary == null) {
          boundary = Boundaries.choose(parts);
          ct = ct.withParameter("boundary", boundary);
        } else if (!Boundaries.isValid(boundary) || Boundaries.occursIn(boundary, parts)) {
          throw new IllegalStateException(
              "boundary: \"" + boundary + "\" (invalid, or it occurs in the content)");
        }
        h[k++] = contentTypeField(ct);
      } else {
        if (!parts.isEmpty()) {
          throw new IllegalStateException(
              "parts given for a " + ct.baseType() + " entity (only multipart types have parts)");
        }
        // A chosen encoding carries the data (the choice checked it); a given one is checked.
        TransferEncoding given = encoding;
        if (kept
            && entityEncodingField != null
            && TransferEncoding.fromToken(entityEncodingField.value()).isEmpty()) {
          // An encoding this library does not know: the entity's data is still in it, so it
          // goes out as it is, under the entity's field (te stays null: the field says what).
          h[k++] = contentTypeField(ct);
          h[k++] = entityEncodingField;
          return finish(h, k, ct, null);
        }
        if (kept && given != null && !Encodings.canCarry(given, data, dataOff, dataLen)) {
          given = null; // the entity's cannot carry the data now given: choose one
        }
        te = given == null ? Encodings.choose(ct, data, dataOff, dataLen) : given;
        if (given != null && !Encodings.canCarry(te, data, dataOff, dataLen)) {
          throw new IllegalStateException(
              "transferEncoding: "
                  + te
                  + " cannot carry this data "
                  + "(bare CR/LF, NUL, 8-bit octets or lines over 998 octets)");
        }
        h[k++] = contentTypeField(ct);
        h[k++] =
            entityEncodingField != null
                    && TransferEncoding.fromToken(entityEncodingField.value()).orElse(null) == te
                ? entityEncodingField
                : Mm4Header.ofAscii(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING, CTE_ID, te.token());
      }
      return finish(h, k, ct, te);
    }

    /** The fields after Content-Type and the transfer encoding, and the entity. */
    private MimeEntity finish(Mm4Header[] h, int k, ContentType ct, TransferEncoding te) {
      // The Content-ID was checked to be printable US-ASCII without spaces, and the location is
      // written as it is only when it is plain text (else as encoded words, US-ASCII too): both
      // are plain US-ASCII values that need no second pass.
      if (contentId != null) {
        h[k++] = Mm4Header.ofAscii(Mm4HeaderNames.CONTENT_ID, CONTENT_ID_ID, "<" + contentId + ">");
      }
      if (contentLocation != null) {
        h[k++] =
            Mm4Header.ofAscii(
                Mm4HeaderNames.CONTENT_LOCATION,
                CONTENT_LOCATION_ID,
                EncodedWords.encodeIfNeeded(contentLocation));
      }
      if (disposition != null) {
        h[k++] = Mm4Header.of(Mm4HeaderNames.CONTENT_DISPOSITION, disposition.toString());
      }
      for (Mm4Header x : extra) {
        h[k++] = x;
      }
      Mm4Headers headers = Mm4Headers.ofArray(h);
      if (ct.isMultipart()) {
        return new MimeEntity(headers, List.copyOf(parts), EMPTY, 0, 0, null, null, 0, 0);
      }
      return new MimeEntity(headers, null, data, dataOff, dataLen, null, null, 0, 0, te);
    }

    /**
     * The Content-Type field for {@code ct}: the entity's own as it came while {@code ct} is the
     * entity's media type (toBuilder), else written anew.
     *
     * @throws IllegalStateException if a changed type cannot be written (a leniently decoded
     *     parameter holding a NUL, with the boundary chosen again)
     */
    private Mm4Header contentTypeField(ContentType ct) {
      if (ct == entityType && entityTypeField != null) {
        return entityTypeField;
      }
      try {
        return Mm4Header.contentType(ct);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("content type cannot be written: " + e.getMessage(), e);
      }
    }
  }
}
