package org.mmsstack.encapsulation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.mmsstack.encapsulation.PduRules.Requirement;
import org.mmsstack.encapsulation.PduRules.Rule;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CancelStatus;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentClass;
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
import org.mmsstack.encapsulation.value.MmState;
import org.mmsstack.encapsulation.value.OctetToken;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentBy;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.ReplyCharging;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.RetrievalMode;
import org.mmsstack.encapsulation.value.RetrieveStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.StoreStatus;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * jqwik generators for every value form of the codec and for PDUs of all 24 types, built with
 * the public builders from random subsets of the fields {@link PduRules} allows for each type.
 *
 * <p>Generated values stay inside what the wire can represent unambiguously; the few forms the
 * grammar itself cannot tell apart are left out on purpose, each with a comment saying why.
 */
final class PduGenerators {

  private PduGenerators() {}

  // ---- text ------------------------------------------------------------------------------------

  /** Printable US-ASCII (TEXT without controls), possibly empty. */
  static Arbitrary<String> asciiText() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24);
  }

  /** Printable ASCII that is never empty. */
  static Arbitrary<String> asciiWord() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(24);
  }

  /** An RFC 2616 token (header and parameter names, Message-Class tokens). */
  static Arbitrary<String> token() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars("!#$%&'*+-.^_`|~")
        .ofMinLength(1)
        .ofMaxLength(16);
  }

  /** Text mixing ASCII, Latin-1, Cyrillic, Hangul, CJK and emoji (whole code points only). */
  static Arbitrary<String> unicodeText() {
    Arbitrary<Integer> cp =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xA0, 0xFF)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x410, 0x44F)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xAC00, 0xD7A3)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x4E00, 0x9FFF)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1F600, 0x1F64F)));
    return cp.list().ofMaxSize(16).map(PduGenerators::codePoints);
  }

  /** Text that must survive a plain Text-string: any of the above. */
  static Arbitrary<String> text() {
    return Arbitraries.oneOf(asciiText(), unicodeText());
  }

  private static String codePoints(List<Integer> cps) {
    StringBuilder sb = new StringBuilder();
    cps.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static Arbitrary<String> fromChars(String chars, int max) {
    return Arbitraries.of(chars.codePoints().boxed().toList())
        .list()
        .ofMinSize(1)
        .ofMaxSize(max)
        .map(PduGenerators::codePoints);
  }

  private static Arbitrary<byte[]> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
  }

  // ---- Encoded-string-value
  // ----------------------------------------------------------------------

  /** Charsets sent with multi-octet MIBenums and text in their own scripts. */
  static Arbitrary<EncodedString> encodedString() {
    Arbitrary<EncodedString> plain = asciiText().map(EncodedString::of);
    // Plain Text-string with octets the sender did not label (Latin-1 as real phones send it):
    // the first octet is printable or >= 0x80 (then Quoted), no 0x00 inside.
    Arbitrary<EncodedString> plainOctets =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.integers().between(0x20, 0x7E),
                    Arbitraries.integers().between(0x80, 0xFF)),
                Arbitraries.integers().between(1, 255).list().ofMaxSize(12))
            .as(
                (first, rest) -> {
                  byte[] b = new byte[rest.size() + 1];
                  b[0] = (byte) (int) first;
                  for (int i = 0; i < rest.size(); i++) {
                    b[i + 1] = (byte) (int) rest.get(i);
                  }
                  return EncodedString.ofOctets(b);
                });
    Arbitrary<EncodedString> utf8 = unicodeText().map(t -> EncodedString.of(t, CharacterSet.UTF_8));
    Arbitrary<EncodedString> usAscii =
        asciiText().map(t -> EncodedString.of(t, CharacterSet.US_ASCII));
    Arbitrary<EncodedString> latin1 =
        fromChars("abcäöüßéèçñÅØ¥ £©", 12).map(t -> EncodedString.of(t, CharacterSet.ISO_8859_1));
    Arbitrary<EncodedString> ucs2 =
        fromChars("AzÄЖжЯ水中文한국어 ĀŁ\u7F00\u0100", 10)
            .map(t -> EncodedString.of(t, CharacterSet.UCS_2));
    Arbitrary<EncodedString> utf16 =
        fromChars("AbЖ中한😀", 8).map(t -> EncodedString.of(t, CharacterSet.UTF_16));
    Arbitrary<EncodedString> shiftJis =
        fromChars("あいうえおカタカナ漢字テスト", 8).map(t -> EncodedString.of(t, CharacterSet.SHIFT_JIS));
    Arbitrary<EncodedString> gb2312 =
        fromChars("中文测试你好世界", 8).map(t -> EncodedString.of(t, CharacterSet.GB2312));
    Arbitrary<EncodedString> big5 =
        fromChars("中文測試你好世界", 8).map(t -> EncodedString.of(t, CharacterSet.BIG5));
    Arbitrary<EncodedString> koi8 =
        fromChars("ПриветМир", 8).map(t -> EncodedString.of(t, CharacterSet.KOI8_R));
    // A MIBenum this library does not name, with arbitrary octets: kept and re-sent as they are.
    Arbitrary<EncodedString> unknown =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.integers().between(120, 127),
                    Arbitraries.integers().between(3000, 65535)),
                bytes(0, 16))
            .as((mib, b) -> EncodedString.ofOctets(CharacterSet.valueOf(mib), b));
    Arbitrary<EncodedString> any =
        asciiText()
            .map(
                t ->
                    EncodedString.ofOctets(
                        CharacterSet.ANY, t.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    return Arbitraries.oneOf(
        plain,
        plainOctets,
        utf8,
        usAscii,
        latin1,
        ucs2,
        utf16,
        shiftJis,
        gb2312,
        big5,
        koi8,
        unknown,
        any);
  }

  // ---- addresses
  // -----------------------------------------------------------------------------------

  static Arbitrary<Address> address() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(15);
    Arbitrary<Address> plmn = digits.map(d -> Address.plmn("+" + d));
    Arbitrary<Address> ipv4 =
        Arbitraries.integers()
            .between(0, 255)
            .list()
            .ofSize(4)
            .map(l -> Address.ipv4(l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3)));
    Arbitrary<Address> ipv6 =
        Arbitraries.integers()
            .between(0, 0xFFFF)
            .list()
            .ofSize(8)
            .map(
                l -> Address.ipv6(String.join(":", l.stream().map(Integer::toHexString).toList())));
    Arbitrary<Address> email =
        Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))
            .as((u, d) -> Address.email(u + "@" + d + ".example"));
    Arbitrary<Address> shortCode =
        Arbitraries.oneOf(digits, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(11))
            .map(Address::parse);
    Arbitrary<Address> other =
        Combinators.combine(digits, Arbitraries.of("PLNM", "SMS", "X400", "ipv4x"))
            .as((d, t) -> Address.parse(d + "/TYPE=" + t));
    // A mailbox with a display name in UTF-8 or UCS-2: the charset form carries an address too.
    Arbitrary<Address> labelled =
        Combinators.combine(
                fromChars("ЖжЯäöü中", 6), Arbitraries.of(CharacterSet.UTF_8, CharacterSet.UCS_2))
            .as((n, cs) -> Address.of(EncodedString.of(n + " <a@b.example>", cs)));
    return Arbitraries.oneOf(plmn, ipv4, ipv6, email, shortCode, other, labelled);
  }

  static Arbitrary<FromValue> fromValue() {
    return Arbitraries.oneOf(
        Arbitraries.just(FromValue.insertAddress()), address().map(FromValue::of));
  }

  // ---- numbers and times
  // -----------------------------------------------------------------------------

  /** Non-negative longs with the boundaries of every integer encoding. */
  static Arbitrary<Long> unsigned() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            0L,
            1L,
            30L,
            31L,
            127L,
            128L,
            255L,
            256L,
            16383L,
            16384L,
            65535L,
            65536L,
            0xFFFFFFFFL,
            0x100000000L,
            Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1000),
        Arbitraries.longs().between(0, Long.MAX_VALUE));
  }

  static Arbitrary<Instant> instant() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            Instant.EPOCH,
            Instant.ofEpochSecond(1),
            Instant.ofEpochSecond(1069542000L),
            Instant.ofEpochSecond(0xFFFFFFFFL),
            Instant.MAX.minusNanos(999_999_999)),
        Arbitraries.longs().between(0, Instant.MAX.getEpochSecond()).map(Instant::ofEpochSecond));
  }

  static Arbitrary<TimeValue> timeValue() {
    // Absolute times must be dates java.time can hold; relative ones any delta.
    return Arbitraries.oneOf(
        unsigned().map(s -> new TimeValue(true, s)),
        unsigned()
            .filter(s -> s <= Instant.MAX.getEpochSecond())
            .map(s -> new TimeValue(false, s)));
  }

  static Arbitrary<MmsVersion> version() {
    return Arbitraries.oneOf(
        Arbitraries.of(MmsVersion.V1_0, MmsVersion.V1_1, MmsVersion.V1_2, MmsVersion.V1_3),
        Combinators.combine(
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 15))
            .as(MmsVersion::new));
  }

  // ---- enumerations
  // ------------------------------------------------------------------------------------

  /** A known value of the class, or any other octet 0x80-0xFF kept as unknown. */
  static <T extends OctetToken> Arbitrary<T> octet(
      List<T> known, java.util.function.IntFunction<T> valueOf) {
    return Arbitraries.oneOf(
        Arbitraries.of(known), Arbitraries.integers().between(0x80, 0xFF).map(valueOf::apply));
  }

  static Arbitrary<MessageClass> messageClass() {
    return Arbitraries.oneOf(
        Arbitraries.of(MessageClass.values()),
        token().map(MessageClass::of),
        Arbitraries.of("Personal", "auto", "NewMessageClass").map(MessageClass::token));
  }

  // ---- composite MMS values
  // ---------------------------------------------------------------------------

  static Arbitrary<MmFlags> mmFlags() {
    return Combinators.combine(Arbitraries.of(MmFlags.Operation.class), encodedString())
        .as(MmFlags::new);
  }

  static Arbitrary<MboxCount> mboxCount() {
    return Combinators.combine(Arbitraries.of(MboxCount.Unit.class), unsigned()).as(MboxCount::new);
  }

  static Arbitrary<ElementDescriptor> elementDescriptor() {
    // "type" with a well-known media (sent as a Short-integer) or a textual one; other names as
    // text.
    List<String> wellKnown =
        IntStream.range(0, 0x80)
            .filter(MediaType::isWellKnown)
            .mapToObj(c -> MediaType.valueOf(c).name())
            .toList();
    Arbitrary<ElementDescriptor.Entry> typeEntry =
        Arbitraries.oneOf(
                Arbitraries.of(wellKnown),
                Arbitraries.of("application/smil", "audio/amr", "video/3gpp"))
            .map(v -> new ElementDescriptor.Entry("type", v));
    Arbitrary<ElementDescriptor.Entry> textEntry =
        Combinators.combine(token().filter(n -> !n.equalsIgnoreCase("type")), text())
            .as(ElementDescriptor.Entry::new);
    return Combinators.combine(
            asciiText(), Arbitraries.oneOf(typeEntry, textEntry).list().ofMaxSize(3))
        .as(ElementDescriptor::new);
  }

  static Arbitrary<PreviouslySentBy> previouslySentBy() {
    return Combinators.combine(unsigned(), address()).as(PreviouslySentBy::new);
  }

  static Arbitrary<PreviouslySentDate> previouslySentDate() {
    return Combinators.combine(unsigned(), instant()).as(PreviouslySentDate::new);
  }

  /** Any field code as an X-Mms-Attributes value (assigned, Content, Additional-headers, unassigned). */
  static Arbitrary<HeaderField<?>> attribute() {
    return Arbitraries.oneOf(
        Arbitraries.of(HeaderField.knownFields()),
        Arbitraries.of(0x2E, 0x30, 0x00, 0x40, 0x7F).map(HeaderField::valueOf));
  }

  /** A value that steps over by the first-octet rule of WAP-230 8.4.1.2, in each of its four shapes. */
  static Arbitrary<RawValue> rawValue() {
    Arbitrary<RawValue> octet =
        Arbitraries.integers()
            .between(0x80, 0xFF)
            .map(b -> RawValue.of(new byte[] {(byte) (int) b}));
    Arbitrary<RawValue> textValue =
        asciiText()
            .map(
                t -> {
                  byte[] b =
                      java.util.Arrays.copyOf(
                          t.getBytes(java.nio.charset.StandardCharsets.US_ASCII), t.length() + 1);
                  return RawValue.of(b);
                })
            .filter(v -> v.octets()[0] == 0 || v.octets()[0] >= 0x20);
    Arbitrary<RawValue> shortLength =
        bytes(0, 30)
            .map(
                d -> {
                  byte[] b = new byte[d.length + 1];
                  b[0] = (byte) d.length;
                  System.arraycopy(d, 0, b, 1, d.length);
                  return RawValue.of(b);
                });
    Arbitrary<RawValue> quotedLength =
        bytes(31, 300)
            .map(
                d -> {
                  org.mmsstack.encapsulation.internal.wire.WspWriter w =
                      new org.mmsstack.encapsulation.internal.wire.WspWriter(8);
                  w.writeValueLength(d.length);
                  w.writeBytes(d);
                  return RawValue.of(w.toByteArray());
                });
    return Arbitraries.oneOf(octet, textValue, shortLength, quotedLength);
  }

  // ---- content types
  // -----------------------------------------------------------------------------------

  static Arbitrary<MediaType> media() {
    List<Integer> codes = IntStream.range(0, 0x80).filter(MediaType::isWellKnown).boxed().toList();
    return Arbitraries.oneOf(
        Arbitraries.of(codes).map(MediaType::valueOf),
        Arbitraries.of(0x0201L, 0x020CL, 0x0300L)
            .map(MediaType::valueOf), // registered numbers: Long-integer
        Arbitraries.of("application/smil", "audio/amr", "video/3gpp", "image/bmp", "text/vcard")
            .map(MediaType::of),
        Arbitraries.of("image/jpeg", "text/plain")
            .map(MediaType::text)); // well-known spelt as text
  }

  static Arbitrary<MediaType> nonMultipartMedia() {
    return media().filter(m -> !m.isMultipart());
  }

  static Arbitrary<MediaType> multipartMedia() {
    return Arbitraries.of(
        MediaType.MULTIPART_RELATED,
        MediaType.MULTIPART_MIXED,
        MediaType.MULTIPART_ALTERNATIVE,
        MediaType.valueOf(0x0C),
        MediaType.valueOf(0x22),
        MediaType.text("application/vnd.wap.multipart.related"),
        MediaType.of("multipart/related"));
  }

  /** A parameter value that fits the well-known parameter's kind (or text, which always fits). */
  static Arbitrary<Parameter> typedParameter() {
    return Arbitraries.of(Parameter.WellKnown.class)
        .flatMap(w -> valueFor(w.kind()).map(v -> Parameter.of(w, v)));
  }

  private static Arbitrary<Object> valueFor(Parameter.Kind kind) {
    switch (kind) {
      case Q_VALUE:
        return Arbitraries.longs().between(1, 1099).map(v -> (Object) v);
      case CHARSET:
        return Arbitraries.oneOf(
            Arbitraries.of(
                CharacterSet.UTF_8,
                CharacterSet.US_ASCII,
                CharacterSet.ISO_8859_1,
                CharacterSet.UCS_2,
                CharacterSet.UTF_16,
                CharacterSet.ANY,
                CharacterSet.BIG5,
                CharacterSet.valueOf(4000)),
            Arbitraries.of("utf-8", "x-unknown-charset"));
      case MEDIA:
        return media().map(m -> (Object) m);
      case NO_VALUE:
        return Arbitraries.just("");
      case TEXT:
        return text().map(s -> (Object) s);
      default:
        return Arbitraries.oneOf(unsigned().map(v -> (Object) v), token().map(s -> (Object) s));
    }
  }

  static Arbitrary<Parameter> untypedParameter() {
    return Combinators.combine(
            token(),
            Arbitraries.oneOf(unsigned().map(v -> (Object) v), text().map(s -> (Object) s)))
        .as(Parameter::untyped);
  }

  static Arbitrary<Parameter> parameter() {
    return Arbitraries.oneOf(
        typedParameter(),
        untypedParameter(),
        // the everyday spellings, through the name-based factory
        Arbitraries.of(
            Parameter.of("charset", CharacterSet.UTF_8),
            Parameter.of("name", "IMG_6807.jpg"),
            Parameter.of("start", "<smil>"),
            Parameter.of("type", "application/smil"),
            Parameter.of("type", MediaType.APPLICATION_SMIL),
            Parameter.of("filename", "a.txt")));
  }

  static Arbitrary<ContentType> contentType(Arbitrary<MediaType> media) {
    return Combinators.combine(media, parameter().list().ofMaxSize(3)).as(ContentType::of);
  }

  // ---- bodies
  // ------------------------------------------------------------------------------------------

  static Arbitrary<ContentDisposition> disposition() {
    Arbitrary<String> type =
        Arbitraries.oneOf(Arbitraries.of("form-data", "attachment", "inline"), token());
    return Combinators.combine(type, parameter().list().ofMaxSize(2)).as(ContentDisposition::new);
  }

  static Arbitrary<PartHeader> partHeader() {
    // Content-ID: the closing quote some senders add is stripped on decode, so no id ends with '"'.
    Arbitrary<PartHeader> contentId =
        text().filter(s -> !s.endsWith("\"")).map(PartHeader::contentId);
    Arbitrary<PartHeader> location = text().map(PartHeader::contentLocation);
    Arbitrary<PartHeader> dispo = disposition().map(PartHeader::contentDisposition);
    Arbitrary<PartHeader> dispo14 =
        disposition()
            .map(d -> new PartHeader("Content-Disposition", PartHeader.CONTENT_DISPOSITION_1_4, d));
    Arbitrary<PartHeader> textual =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.of("Content-Transfer-Encoding", "X-Oma-Drm-Separate-Delivery"),
                    token()),
                text())
            .as(PartHeader::text);
    Arbitrary<PartHeader> raw =
        Combinators.combine(
                Arbitraries.integers()
                    .between(0, 0x7F)
                    .filter(
                        c ->
                            c != PartHeader.CONTENT_ID
                                && c != PartHeader.CONTENT_LOCATION
                                && c != PartHeader.CONTENT_DISPOSITION
                                && c != PartHeader.CONTENT_DISPOSITION_1_4),
                rawValue())
            .as(PartHeader::raw);
    return Arbitraries.oneOf(contentId, location, dispo, dispo14, textual, raw);
  }

  static Arbitrary<Part> part(int depth) {
    Arbitrary<byte[]> data = Arbitraries.oneOf(bytes(0, 40), bytes(120, 400));
    Arbitrary<Part> leaf =
        Combinators.combine(
                contentType(nonMultipartMedia()), partHeader().list().ofMaxSize(3), data)
            .as((ct, hs, d) -> Part.builder().contentType(ct).data(d).headers(hs).build());
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<Part> nested =
        Combinators.combine(
                contentType(multipartMedia()),
                partHeader().list().ofMaxSize(2),
                multipartBody(depth - 1))
            .as((ct, hs, b) -> Part.builder().contentType(ct).data(toBytes(b)).headers(hs).build());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, leaf), net.jqwik.api.Tuple.of(1, nested));
  }

  static Arbitrary<MultipartBody> multipartBody(int depth) {
    return part(depth).list().ofMaxSize(4).map(MultipartBody::of);
  }

  static byte[] toBytes(Body b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      b.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A body with a Content-Type that matches it: multipart media for a multipart body. */
  record TypedBody(ContentType contentType, Body body) {}

  static Arbitrary<TypedBody> typedBody() {
    Arbitrary<TypedBody> multi =
        Combinators.combine(contentType(multipartMedia()), multipartBody(2)).as(TypedBody::new);
    Arbitrary<TypedBody> single =
        Combinators.combine(contentType(nonMultipartMedia()), bytes(0, 300))
            .as((ct, d) -> new TypedBody(ct, SinglePartBody.of(d)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, multi), net.jqwik.api.Tuple.of(1, single));
  }

  // ---- headers
  // ------------------------------------------------------------------------------------------

  /** A typed value for any field, by its code. */
  @SuppressWarnings("unchecked")
  static Arbitrary<Object> valueFor(HeaderField<?> f) {
    Arbitrary<?> a;
    if (f.isIndexed()) {
      Arbitrary<?> inner =
          f.code() == 0x03
              ? text()
              : f.code() == 0x12
                  ? octet(ResponseStatus.values(), ResponseStatus::valueOf)
                  : encodedString();
      a = Combinators.combine(unsigned(), inner).as((i, v) -> new Indexed<>(i, v));
      return (Arbitrary<Object>) a;
    }
    switch (f.code()) {
      case 0x01:
      case 0x02:
      case 0x17:
        a = address();
        break;
      case 0x03:
      case 0x0B:
      case 0x18:
      case 0x1E:
      case 0x37:
      case 0x38:
      case 0x39:
      case 0x3D:
      case 0x3E:
        a = text();
        break;
      case 0x05:
        a = instant();
        break;
      case 0x06:
      case 0x10:
      case 0x11:
      case 0x22:
      case 0x27:
      case 0x29:
      case 0x2B:
      case 0x31:
      case 0x3B:
      case 0x3C:
        a = Arbitraries.of(true, false);
        break;
      case 0x07:
      case 0x08:
      case 0x1D:
        a = timeValue();
        break;
      case 0x09:
        a = fromValue();
        break;
      case 0x0A:
        a = messageClass();
        break;
      case 0x0D:
        a = version();
        break;
      case 0x0E:
      case 0x1F:
      case 0x2D:
      case 0x2F:
      case 0x33:
        a = unsigned();
        break;
      case 0x0F:
        a = octet(Priority.values(), Priority::valueOf);
        break;
      case 0x12:
        a = octet(ResponseStatus.values(), ResponseStatus::valueOf);
        break;
      case 0x14:
        a = octet(SenderVisibility.values(), SenderVisibility::valueOf);
        break;
      case 0x15:
        a = octet(Status.values(), Status::valueOf);
        break;
      case 0x19:
        a = octet(RetrieveStatus.values(), RetrieveStatus::valueOf);
        break;
      case 0x1B:
        a = octet(ReadStatus.values(), ReadStatus::valueOf);
        break;
      case 0x1C:
        a = octet(ReplyCharging.values(), ReplyCharging::valueOf);
        break;
      case 0x23:
        a = octet(MmState.values(), MmState::valueOf);
        break;
      case 0x25:
        a = octet(StoreStatus.values(), StoreStatus::valueOf);
        break;
      case 0x34:
        a = octet(RetrievalMode.values(), RetrievalMode::valueOf);
        break;
      case 0x3A:
        a = octet(ContentClass.values(), ContentClass::valueOf);
        break;
      case 0x3F:
        a = octet(CancelStatus.values(), CancelStatus::valueOf);
        break;
      case 0x13:
      case 0x16:
      case 0x1A:
      case 0x26:
      case 0x35:
      case 0x36:
        a = encodedString();
        break;
      case 0x20:
        a = previouslySentBy();
        break;
      case 0x21:
        a = previouslySentDate();
        break;
      case 0x24:
        a = mmFlags();
        break;
      case 0x2A:
      case 0x2C:
        a = mboxCount();
        break;
      case 0x28:
        a = attribute();
        break;
      case 0x2E:
      case 0x30:
        a = rawValue();
        break;
      case 0x32:
        a = elementDescriptor();
        break;
      default:
        throw new IllegalArgumentException("no generator for " + f);
    }
    return (Arbitrary<Object>) a;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Arbitrary<Header> header(HeaderField<?> f) {
    if (f.code() == 0x2E || f.code() == 0x30 || !f.isKnown()) {
      return rawValue().map(v -> Header.ofRaw(f, v));
    }
    return valueFor(f).map(v -> Header.of((HeaderField) f, v));
  }

  /** An Application-header with a token name and a text value. */
  static Arbitrary<Header> applicationHeader() {
    return Combinators.combine(
            Arbitraries.oneOf(
                Arbitraries.of("Return-Path", "X-Scanned-By", "X-Mms-Vodafone-Notif-Text"),
                token()),
            text())
        .as((n, v) -> Header.of(HeaderField.application(n), v));
  }

  /** A well-known code MMS does not assign (0x40-0x7F, sent as 0xC0-0xFF), with a raw value. */
  static Arbitrary<Header> unknownHeader() {
    return Combinators.combine(Arbitraries.integers().between(0x40, 0x7F), rawValue())
        .as((c, v) -> Header.ofRaw(HeaderField.valueOf(c), v));
  }

  // ---- PDUs
  // ----------------------------------------------------------------------------------------------

  static Pdu.Builder<?, ?> builder(MessageType type) {
    switch (type) {
      case SEND_REQ:
        return SendReq.builder();
      case SEND_CONF:
        return SendConf.builder();
      case NOTIFICATION_IND:
        return NotificationInd.builder();
      case NOTIFYRESP_IND:
        return NotifyRespInd.builder();
      case RETRIEVE_CONF:
        return RetrieveConf.builder();
      case ACKNOWLEDGE_IND:
        return AcknowledgeInd.builder();
      case DELIVERY_IND:
        return DeliveryInd.builder();
      case READ_REC_IND:
        return ReadRecInd.builder();
      case READ_ORIG_IND:
        return ReadOrigInd.builder();
      case FORWARD_REQ:
        return ForwardReq.builder();
      case FORWARD_CONF:
        return ForwardConf.builder();
      case MBOX_STORE_REQ:
        return MboxStoreReq.builder();
      case MBOX_STORE_CONF:
        return MboxStoreConf.builder();
      case MBOX_VIEW_REQ:
        return MboxViewReq.builder();
      case MBOX_VIEW_CONF:
        return MboxViewConf.builder();
      case MBOX_UPLOAD_REQ:
        return MboxUploadReq.builder();
      case MBOX_UPLOAD_CONF:
        return MboxUploadConf.builder();
      case MBOX_DELETE_REQ:
        return MboxDeleteReq.builder();
      case MBOX_DELETE_CONF:
        return MboxDeleteConf.builder();
      case MBOX_DESCR:
        return MboxDescr.builder();
      case DELETE_REQ:
        return DeleteReq.builder();
      case DELETE_CONF:
        return DeleteConf.builder();
      case CANCEL_REQ:
        return CancelReq.builder();
      case CANCEL_CONF:
        return CancelConf.builder();
      default:
        throw new AssertionError(type);
    }
  }

  /** PDUs of every type. */
  static Arbitrary<Pdu> pdu() {
    return Arbitraries.of(MessageType.class).flatMap(PduGenerators::pdu);
  }

  /** PDUs of one type: every mandatory field, a random subset of the optional ones, extras, a body. */
  static Arbitrary<Pdu> pdu(MessageType type) {
    boolean deleteConf = type == MessageType.MBOX_DELETE_CONF || type == MessageType.DELETE_CONF;
    List<Arbitrary<List<Header>>> groups = new ArrayList<>();
    boolean bodyMandatory = false;
    boolean bodyAllowed = false;
    for (Rule r : PduRules.rules(type)) {
      HeaderField<?> f = r.field();
      if (f.code() == 0x0C) {
        continue;
      }
      if (f.code() == 0x04) {
        bodyAllowed = true;
        bodyMandatory = r.requirement() == Requirement.MANDATORY;
        continue;
      }
      Arbitrary<Header> h = header(f);
      if (deleteConf && (f.code() == 0x03 || f.code() == 0x12 || f.code() == 0x13)) {
        HeaderField<?> ix =
            f.code() == 0x03
                ? HeaderField.CONTENT_LOCATION_INDEXED
                : f.code() == 0x12
                    ? HeaderField.RESPONSE_STATUS_INDEXED
                    : HeaderField.RESPONSE_TEXT_INDEXED;
        // A plain Response-Text in the charset form (Value-length, Char-set, text) has exactly
        // the layout of the Del form (Value-length, index, plain text): the wire cannot tell
        // them apart, so a delete confirmation's plain Response-Text is a plain Text-string.
        Arbitrary<Header> plain =
            f.code() == 0x13
                ? asciiText().map(t -> Header.of(HeaderField.RESPONSE_TEXT, EncodedString.of(t)))
                : h;
        h = Arbitraries.oneOf(plain, header(ix));
      }
      int min = r.requirement() == Requirement.MANDATORY ? 1 : 0;
      int max = r.repeatable() ? min + 2 : 1;
      Arbitrary<List<Header>> list = h.list().ofMinSize(min).ofMaxSize(max);
      if (min == 0) {
        // Optional fields are absent half of the time.
        list =
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(List.<Header>of())),
                net.jqwik.api.Tuple.of(1, list));
      }
      groups.add(list);
    }
    // Extras every decoder must carry: Application-headers, unassigned codes, Content and
    // Additional-headers (which are never headers in a conforming PDU but are skippable values).
    groups.add(applicationHeader().list().ofMaxSize(2));
    groups.add(
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(List.<Header>of())),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.oneOf(
                        unknownHeader(),
                        header(HeaderField.CONTENT),
                        header(HeaderField.ADDITIONAL_HEADERS))
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(2))));
    Arbitrary<List<List<Header>>> all = Combinators.combine(groups).as(l -> l);
    Arbitrary<java.util.Optional<TypedBody>> body;
    if (bodyMandatory) {
      body = typedBody().map(java.util.Optional::of);
    } else if (bodyAllowed) {
      body = typedBody().optional();
    } else {
      body = Arbitraries.just(java.util.Optional.empty());
    }
    return Combinators.combine(all.map(PduGenerators::shuffleFlat), body)
        .as(
            (hs, b) -> {
              Pdu.Builder<?, ?> builder = builder(type);
              hs.forEach(builder::add);
              b.ifPresent(tb -> builder.body(tb.contentType(), tb.body()));
              return builder.build();
            });
  }

  private static List<Header> shuffleFlat(List<List<Header>> groups) {
    List<Header> out = new ArrayList<>();
    groups.forEach(out::addAll);
    // Deterministic interleaving (the builder puts Transaction-ID and MMS-Version first anyway):
    // rotate by the list size so that field order varies between PDUs without a second source
    // of randomness.
    if (!out.isEmpty()) {
      java.util.Collections.rotate(out, out.size() / 2);
    }
    return out;
  }
}
