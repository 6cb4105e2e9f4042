package org.mmsstack.mm4.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.internal.mime.ParseContext;
import org.mmsstack.mm4.internal.mime.Syntax;
import org.mmsstack.mm4.internal.mime.TransferDecoding;
import org.mmsstack.mm4.mime.ContentDisposition;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.TransferEncoding;
import org.mmsstack.mm4.validate.Mm4FindingCodes;

/**
 * Turns the body of a binary PDU (a WSP multipart, OMA MMS Encapsulation §7) into a MIME entity
 * (RFC 2045/2046) and back: what an MMS Relay/Server does to the MM between MM1 and MM4.
 *
 * <h2>Binary to MIME</h2>
 * <ul>
 *   <li>{@code application/vnd.wap.multipart.X} becomes {@code multipart/X} (related, mixed,
 *       alternative, ...); multipart/related keeps its {@code start} and {@code type} parameters.
 *       Nested multiparts are decoded and converted recursively.
 *   <li>Each part keeps its media type and every parameter by name and value ({@code charset} as
 *       the IANA name of its MIBenum, {@code name}, ...), its Content-ID, Content-Location and
 *       Content-Disposition (with parameters), and its textual headers. Its data is carried
 *       octet for octet: non-text parts as base64; text parts as 7bit when they already are short
 *       US-ASCII lines, as 8bit when allowed and possible, otherwise quoted-printable when mostly
 *       ASCII and base64 when not (UTF-16 text, for example).
 *   <li>A part that says {@code Content-Transfer-Encoding: base64} or {@code quoted-printable} in
 *       a textual header (some MMSCs do) is decoded first: in MIME that header describes the MIME
 *       encoding, so the decoded data is what travels.
 *   <li>A Content-ID is written {@code <id>}, RFC 2045's msg-id form, whether or not the binary
 *       value had the angle brackets; well-known WSP part headers with no MIME counterpart
 *       (Accept-Charset, ...) are dropped with a note.
 * </ul>
 *
 * <h2>MIME to binary</h2>
 * The reverse: {@code multipart/X} becomes {@code application/vnd.wap.multipart.X} (its WINA
 * number when it has one), the boundary parameter is dropped, well-known parameters get their
 * WSP codes ({@code charset} as a MIBenum, {@code name} 0x85, {@code start} 0x8A, {@code type}
 * 0x89), the Content-ID is kept as written (so {@code <id>}), and each part's decoded data
 * becomes the part's data. A binary {@code multipart/X} (WINA 0x0C...) therefore comes back as
 * the {@code vnd.wap} type of the same subtype; that, the angle brackets and the WSP encoding
 * form of parameters are the only things a binary to MIME to binary trip changes.
 */
public final class BodyConversion {

  private static final String WSP_MULTIPART = "application/vnd.wap.multipart.";

  private BodyConversion() {}

  /**
   * Converts a binary body to MIME.
   *
   * @param contentType the PDU's Content-Type
   * @param body the PDU's body
   * @param allow8bit whether text parts may travel as 8bit
   * @return the root MIME entity (its Content-* headers become the message's) and notes
   * @throws ConversionException if a nested multipart does not decode, or a media type cannot
   *     be written in MIME
   */
  public static Conversion<MimeEntity> toMime(
      org.mmsstack.encapsulation.value.ContentType contentType, Body body, boolean allow8bit)
      throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    MimeEntity e = toMime(contentType, body, allow8bit, notes);
    return new Conversion<>(e, notes);
  }

  /**
   * Converts a MIME entity (the content of an MM4_forward.REQ) to a binary body.
   *
   * @param entity the root entity
   * @return the Content-Type and body of the PDU, and notes
   * @throws ConversionException if a media type or parameter cannot be written in WSP
   */
  public static Conversion<BinaryContent> toBinary(MimeEntity entity) throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    BinaryContent c = toBinary(entity, notes);
    return new Conversion<>(c, notes);
  }

  // ---------------------------------------------------------------- binary -> MIME

  static MimeEntity toMime(
      org.mmsstack.encapsulation.value.ContentType ct,
      Body body,
      boolean allow8bit,
      List<Finding> notes)
      throws ConversionException {
    if (body instanceof MultipartBody) {
      return multipartToMime(ct, (MultipartBody) body, allow8bit, notes, "body", 0);
    }
    byte[] data = ((SinglePartBody) body).dataBytes();
    return leaf(ct, data, List.of(), allow8bit, notes, "body");
  }

  private static MimeEntity multipartToMime(
      org.mmsstack.encapsulation.value.ContentType ct,
      MultipartBody body,
      boolean allow8bit,
      List<Finding> notes,
      String where,
      int depth)
      throws ConversionException {
    ContentType type = mimeType(ct, where, notes);
    if (!type.isMultipart()) {
      type = ContentType.of("multipart", "mixed");
    }
    if (body.parts().isEmpty()) {
      // MIME has no empty multipart (RFC 2046 §5.1.1 needs one body part): send an empty text part.
      notes.add(Notes.mapped(where, "multipart without parts: an empty text/plain part is sent"));
      return MimeEntity.builder(type)
          .addPart(MimeEntity.builder(ContentType.of("text", "plain")).build())
          .build();
    }
    MimeEntity.Builder b = MimeEntity.builder(type);
    int i = 0;
    for (Part p : body.parts()) {
      String pw = where + " part " + i++;
      b.addPart(partToMime(p, allow8bit, notes, pw, depth));
    }
    return b.build();
  }

  private static MimeEntity partToMime(
      Part p, boolean allow8bit, List<Finding> notes, String where, int depth)
      throws ConversionException {
    org.mmsstack.encapsulation.value.ContentType ct = p.contentType();
    if (p.isMultipart()) {
      MultipartBody nested;
      try {
        nested = p.asMultipart(DecodeConfig.DEFAULT);
      } catch (PduFormatException e) {
        throw ConversionException.malformed(
            where, "nested multipart does not decode: " + e.getMessage(), e);
      }
      MimeEntity inner = multipartToMime(ct, nested, allow8bit, notes, where, depth + 1);
      // Part headers of a nested multipart (Content-ID, ...) go on the nested entity.
      return withPartHeaders(inner, p.headers(), notes, where);
    }
    byte[] data = p.dataBytes();
    return leaf(ct, data, p.headers(), allow8bit, notes, where);
  }

  private static MimeEntity withPartHeaders(
      MimeEntity inner, List<PartHeader> headers, List<Finding> notes, String where) {
    if (headers.isEmpty()) {
      return inner;
    }
    MimeEntity.Builder b = MimeEntity.builder(inner.contentType());
    for (MimeEntity child : inner.parts()) {
      b.addPart(child);
    }
    applyHeaders(b, headers, notes, where);
    return b.build();
  }

  private static MimeEntity leaf(
      org.mmsstack.encapsulation.value.ContentType ct,
      byte[] data,
      List<PartHeader> headers,
      boolean allow8bit,
      List<Finding> notes,
      String where)
      throws ConversionException {
    ContentType type = mimeType(ct, where, notes);
    for (PartHeader h : headers) {
      if (h.code() < 0
          && h.is(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING)
          && h.value() instanceof String) {
        data = undoTransferEncoding((String) h.value(), data, notes, where);
      }
    }
    MimeEntity.Builder b =
        MimeEntity.builder(type).data(data).transferEncoding(chooseEncoding(type, data, allow8bit));
    applyHeaders(b, headers, notes, where);
    return b.build();
  }

  private static void applyHeaders(
      MimeEntity.Builder b, List<PartHeader> headers, List<Finding> notes, String where) {
    for (PartHeader h : headers) {
      Object v = h.value();
      try {
        if (h.code() == PartHeader.CONTENT_ID
            || (h.code() < 0 && h.is(Mm4HeaderNames.CONTENT_ID))) {
          b.contentId(stripAngles(Syntax.strip(v.toString())));
        } else if (h.code() == PartHeader.CONTENT_LOCATION
            || (h.code() < 0 && h.is(Mm4HeaderNames.CONTENT_LOCATION))) {
          b.contentLocation(v.toString());
        } else if (v instanceof org.mmsstack.encapsulation.value.ContentDisposition) {
          b.contentDisposition(
              mimeDisposition((org.mmsstack.encapsulation.value.ContentDisposition) v));
        } else if (h.code() < 0 && h.is(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING)) {
          // Applied to the data already; MIME's own Content-Transfer-Encoding replaces it.
        } else if (h.code() < 0 && v instanceof String) {
          b.addHeader(h.name(), (String) v);
        } else {
          notes.add(
              Notes.dropped(where + ": " + h.name(), "WSP header with no MIME form: dropped"));
        }
      } catch (IllegalArgumentException e) {
        notes.add(
            Notes.dropped(
                where + ": " + h.name(),
                "cannot be written in MIME, dropped (" + e.getMessage() + ")"));
      }
    }
  }

  private static byte[] undoTransferEncoding(
      String token, byte[] data, List<Finding> notes, String where) throws ConversionException {
    String t = Syntax.strip(token).toLowerCase(Locale.ROOT);
    if (t.equals("base64") || t.equals("quoted-printable")) {
      // The codec's own decoders (one per job in the module): lenient about what RFC 2045 lets a
      // decoder repair, but bytes outside the base64 alphabet or a broken quoted-printable escape
      // mean the part is damaged, and the conversion says so rather than guess.
      ParseContext ctx = new ParseContext(data, 0, Mm4Config.DEFAULT);
      try {
        byte[] decoded;
        if (t.equals("base64")) {
          int end = base64End(data);
          if (end < data.length) {
            notes.add(
                Notes.dropped(
                    where + ": Content-Transfer-Encoding",
                    "a lone base64 character at the end (6 bits, no octet) dropped"));
          }
          decoded = TransferDecoding.base64(ctx, 0, end);
        } else {
          decoded = TransferDecoding.quotedPrintable(ctx, 0, data.length);
        }
        for (Finding f : ctx.findings()) {
          if (f.code().equals(Mm4FindingCodes.BAD_BASE64)
              || f.code().equals(Mm4FindingCodes.BAD_QUOTED_PRINTABLE)) {
            throw ConversionException.malformed(
                where + ": Content-Transfer-Encoding",
                "data is not " + t + ": " + f.message(),
                null);
          }
        }
        return decoded;
      } catch (Mm4FormatException e) {
        throw ConversionException.malformed(
            where + ": Content-Transfer-Encoding", "data is not " + t + ": " + e.detail(), e);
      }
    }
    if (!t.equals("7bit") && !t.equals("8bit") && !t.equals("binary")) {
      notes.add(
          Notes.mapped(
              where + ": Content-Transfer-Encoding",
              "unknown encoding \"" + token + "\": data sent as it is"));
    }
    return data;
  }

  /**
   * Where the base64 data to decode ends: before a lone last alphabet character (and what follows
   * it), which holds 6 bits and no octet. Phones send such parts; MIME decoders drop the bits, and
   * the conversion does the same instead of refusing the part.
   */
  private static int base64End(byte[] data) {
    int count = 0;
    int last = -1;
    for (int i = 0; i < data.length; i++) {
      int c = data[i];
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/') {
        count++;
        last = i;
      }
    }
    return count % 4 == 1 ? last : data.length;
  }

  private static TransferEncoding chooseEncoding(ContentType type, byte[] data, boolean allow8bit) {
    if (!type.type().equals("text")) {
      return TransferEncoding.BASE64;
    }
    int nonAscii = 0;
    boolean lines7 = true;
    boolean lines8 = true;
    int lineLen = 0;
    for (int i = 0; i < data.length; i++) {
      int c = data[i] & 0xff;
      if (c == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
        i++;
        lineLen = 0;
        continue;
      }
      if (c == 0 || c == '\r' || c == '\n') {
        lines7 = false;
        lines8 = false;
        nonAscii++;
      } else if (c >= 0x80) {
        lines7 = false;
        nonAscii++;
      } else if (c < 0x20 && c != '\t') {
        nonAscii++;
      }
      if (++lineLen > 998) {
        lines7 = false;
        lines8 = false;
      }
    }
    if (lines7) {
      return TransferEncoding.SEVEN_BIT;
    }
    if (allow8bit && lines8) {
      return TransferEncoding.EIGHT_BIT;
    }
    // Quoted-printable triples each octet it escapes; past about one in six, base64 is shorter.
    return nonAscii * 6L <= data.length
        ? TransferEncoding.QUOTED_PRINTABLE
        : TransferEncoding.BASE64;
  }

  private static ContentType mimeType(
      org.mmsstack.encapsulation.value.ContentType ct, String where, List<Finding> notes)
      throws ConversionException {
    String name = ct.mediaType().name();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith(WSP_MULTIPART)) {
      name = "multipart/" + lower.substring(WSP_MULTIPART.length());
    }
    Optional<ContentType> parsed = ContentType.tryParse(name);
    if (parsed.isEmpty() || !parsed.get().parameters().isEmpty()) {
      throw ConversionException.unrepresentable(
          where + ": Content-Type", name, "is not a MIME type/subtype");
    }
    ContentType t = parsed.get();
    for (Parameter p : ct.parameters()) {
      String pn = p.name().toLowerCase(Locale.ROOT);
      if (pn.equals("boundary")) {
        continue; // a WSP multipart has no boundary; MIME's is chosen by the builder
      }
      try {
        t = t.withParameter(pn, parameterText(p));
      } catch (IllegalArgumentException e) {
        notes.add(
            Notes.dropped(
                where + ": Content-Type " + p.name(),
                "parameter cannot be written in MIME, dropped"));
      }
    }
    return t;
  }

  private static String parameterText(Parameter p) {
    Object v = p.value();
    if (v instanceof org.mmsstack.encapsulation.value.MediaType) {
      String n = ((org.mmsstack.encapsulation.value.MediaType) v).name();
      String l = n.toLowerCase(Locale.ROOT);
      // The related type's "type" names the root part's type, which is a MIME type on MM4 too.
      return l.startsWith(WSP_MULTIPART) ? "multipart/" + l.substring(WSP_MULTIPART.length()) : n;
    }
    return p.text();
  }

  private static ContentDisposition mimeDisposition(
      org.mmsstack.encapsulation.value.ContentDisposition d) {
    ContentDisposition out = ContentDisposition.of(d.type());
    for (Parameter p : d.parameters()) {
      out = out.withParameter(p.name().toLowerCase(Locale.ROOT), p.text());
    }
    return out;
  }

  private static String stripAngles(String s) {
    return s.length() >= 2 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>'
        ? s.substring(1, s.length() - 1)
        : s;
  }

  // ---------------------------------------------------------------- MIME -> binary

  static BinaryContent toBinary(MimeEntity e, List<Finding> notes) throws ConversionException {
    if (e.isMultipart()) {
      return new BinaryContent(
          wspType(e.contentType(), "body", notes), multipartToBinary(e, notes, "body"));
    }
    return new BinaryContent(
        wspType(e.contentType(), "body", notes), SinglePartBody.of(ByteBuffer.wrap(e.dataBytes())));
  }

  private static MultipartBody multipartToBinary(MimeEntity e, List<Finding> notes, String where)
      throws ConversionException {
    List<Part> parts = new ArrayList<>(e.parts().size());
    int i = 0;
    for (MimeEntity child : e.parts()) {
      String pw = where + " part " + i++;
      org.mmsstack.encapsulation.value.ContentType ct = wspType(child.contentType(), pw, notes);
      Part part;
      if (child.isMultipart()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
          multipartToBinary(child, notes, pw).writeTo(out);
        } catch (IOException ex) {
          throw new UncheckedIOException("ByteArrayOutputStream does not fail", ex);
        }
        part = Part.of(ct, ByteBuffer.wrap(out.toByteArray()));
      } else {
        part = Part.of(ct, ByteBuffer.wrap(child.dataBytes()));
      }
      parts.add(part.toBuilder().headers(partHeaders(child, notes, pw)).build());
    }
    return MultipartBody.of(parts);
  }

  private static List<PartHeader> partHeaders(MimeEntity e, List<Finding> notes, String where) {
    List<PartHeader> out = new ArrayList<>(4);
    for (Mm4Header h : e.headers()) {
      String n = h.name();
      if (h.is(Mm4HeaderNames.CONTENT_TYPE)
          || h.is(Mm4HeaderNames.CONTENT_TRANSFER_ENCODING)
          || h.is(Mm4HeaderNames.MIME_VERSION)) {
        continue;
      }
      // The part header factories refuse what a WSP reader could not take back (the rules of
      // the PDU builders); such a header is dropped with a note, as the checks here do.
      boolean id = h.is(Mm4HeaderNames.CONTENT_ID);
      try {
        if (id || h.is(Mm4HeaderNames.CONTENT_LOCATION)) {
          String v = id ? h.value() : e.contentLocation().orElse(null);
          if (v != null && isWspText(v)) {
            out.add(id ? PartHeader.contentId(v) : PartHeader.contentLocation(v));
          } else if (v != null) {
            notes.add(Notes.dropped(where + ": " + n, "cannot be a WSP Text-string, dropped"));
          }
        } else if (h.is(Mm4HeaderNames.CONTENT_DISPOSITION)) {
          Optional<ContentDisposition> d = ContentDisposition.tryParse(h.value());
          if (d.isPresent()) {
            out.add(PartHeader.contentDisposition(wspDisposition(d.get(), notes, where)));
          } else {
            notes.add(Notes.dropped(where + ": " + n, "unreadable, dropped"));
          }
        } else if (isWspText(h.value())) {
          out.add(PartHeader.text(n, h.value())); // refuses a name that is no token
        } else {
          notes.add(Notes.dropped(where + ": " + n, "cannot be a WSP text header, dropped"));
        }
      } catch (IllegalArgumentException refused) {
        notes.add(Notes.dropped(where + ": " + n, refused.getMessage() + ", dropped"));
      }
    }
    return out;
  }

  private static org.mmsstack.encapsulation.value.ContentDisposition wspDisposition(
      ContentDisposition d, List<Finding> notes, String where) {
    List<Parameter> params = new ArrayList<>();
    for (Map.Entry<String, String> p : d.parameters().entrySet()) {
      if (!isTokenText(p.getKey()) || !isWspText(p.getValue())) {
        notes.add(
            Notes.dropped(
                where + ": Content-Disposition " + p.getKey(),
                "cannot be a WSP parameter (Token-text name, text value), dropped"));
        continue;
      }
      params.add(Parameter.of(p.getKey(), p.getValue()));
    }
    return new org.mmsstack.encapsulation.value.ContentDisposition(d.type(), params);
  }

  private static org.mmsstack.encapsulation.value.ContentType wspType(
      ContentType t, String where, List<Finding> notes) {
    String base = t.baseType();
    if (t.isMultipart()) {
      base = WSP_MULTIPART + t.subtype();
    } else if (org.mmsstack.encapsulation.value.MediaType.of(base).isMultipart()) {
      // A leaf typed application/vnd.wap.multipart.*: a WSP reader would parse its data as a
      // multipart.
      notes.add(
          Notes.mapped(
              where + ": Content-Type",
              base + " names a WSP multipart, the part is none: sent as application/octet-stream"));
      return org.mmsstack.encapsulation.value.ContentType.of(
          org.mmsstack.encapsulation.value.MediaType.of("application/octet-stream"), List.of());
    }
    List<Parameter> params = new ArrayList<>(t.parameters().size());
    for (Map.Entry<String, String> p : t.parameters().entrySet()) {
      String name = p.getKey();
      String value = p.getValue();
      if (name.equals("boundary") && t.isMultipart()) {
        continue;
      }
      if (!isTokenText(name) || !isWspText(value) || (name.equals("type") && !isMediaType(value))) {
        // A lenient MIME parse keeps a parameter name that is no token, or a type parameter
        // that is no media type: WSP writes the name of an untyped parameter, and an unknown
        // media type, as Token-text, which a reader could not take back.
        notes.add(
            Notes.dropped(
                where + ": Content-Type " + name,
                "cannot be a WSP parameter (Token-text name, text value), dropped"));
        continue;
      }
      params.add(wspParameter(name, value));
    }
    return org.mmsstack.encapsulation.value.ContentType.of(
        org.mmsstack.encapsulation.value.MediaType.of(base), params);
  }

  private static Parameter wspParameter(String name, String value) {
    if (name.equals("charset")) {
      CharacterSet cs = charsetFor(value);
      if (cs != null) {
        return Parameter.of(name, cs);
      }
    } else if (name.equals("type")) {
      String v = value.toLowerCase(Locale.ROOT);
      // multipart/related's type names the root's type; a multipart root is a WSP multipart here.
      String wsp =
          v.startsWith("multipart/") ? WSP_MULTIPART + v.substring("multipart/".length()) : value;
      return Parameter.of(name, org.mmsstack.encapsulation.value.MediaType.of(wsp));
    }
    return Parameter.of(name, value);
  }

  /** The MIBenum for a MIME charset name, including this module's {@code mib-N} names of unknown numbers. */
  static CharacterSet charsetFor(String name) {
    Optional<CharacterSet> known = CharacterSet.byName(name);
    if (known.isPresent()) {
      return known.get();
    }
    String n = Syntax.strip(name).toLowerCase(Locale.ROOT);
    if (n.startsWith("mib-") && n.length() > 4 && n.length() <= 14) {
      try {
        return CharacterSet.valueOf(Long.parseLong(n.substring(4)));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isTokenText(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code type/subtype}, both tokens: what WSP can write as a media type. */
  private static boolean isMediaType(String s) {
    int slash = s.indexOf('/');
    return slash > 0 && isTokenText(s.substring(0, slash)) && isTokenText(s.substring(slash + 1));
  }

  static boolean isWspText(String s) {
    // Text-string octets; a NUL would end it early, and an octet below 0x20 cannot start it
    // (a reader takes it for a length). Non-ASCII travels as UTF-8 octets.
    // A char is at most three UTF-8 octets: the copy that counts them is made only for long text.
    return s.indexOf('\0') < 0
        && (s.isEmpty() || s.charAt(0) >= 0x20)
        && (s.length() < 64 * 1024 / 3 || s.getBytes(StandardCharsets.UTF_8).length < 64 * 1024);
  }
}
