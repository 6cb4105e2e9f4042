package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentDisposition;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.ElementDescriptor;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.Indexed;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.MmFlags;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.PreviouslySentDate;
import org.mmsstack.encapsulation.value.RawValue;
import org.mmsstack.encapsulation.value.ResponseStatus;

/**
 * Every value the builders accept is written so that it decodes, strictly and leniently, to an
 * equal value, and re-encodes to the same octets; every value they refuse is refused when it is
 * set, with an {@link IllegalArgumentException} that names the header. The values are made of
 * the characters and octets that trouble a WSP reader (NUL, controls, the Quote 0x7F, a double
 * quote, octets from 0x80 up, surrogates, separators), put into every place the builders write
 * text, names, raw octets, numbers and dates. Seeded: a failure reproduces on every run.
 *
 * <p>Both outcomes are asserted to occur for every place, so a place whose values are all refused
 * (or all accepted) is noticed.
 */
class AcceptedValuesRoundTripTest {

  private static final String SEED = "1970";

  /** What each place did: "place:accepted" and "place:refused". */
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  // ---- values ----------------------------------------------------------------------------------

  private static final List<String> PIECES =
      List.of(
          "\0",
          "\u0001",
          "\n",
          "\u001f",
          " ",
          "\t",
          "a",
          "Z",
          "0",
          ".",
          "-",
          "\"",
          "/",
          ";",
          "=",
          "@",
          "\u007f",
          "\u0080",
          "\u00e9",
          "\u0416",
          "\ud800",
          "\udc00",
          "\ud83d\ude00",
          "\ufffd",
          "\ufeff",
          "type",
          "text/plain");

  /** Short text made of the pieces that matter to a WSP reader. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(5).map(l -> String.join("", l));
  }

  private static final byte[] OCTETS = {
    0x00,
    0x01,
    0x03,
    0x1e,
    0x1f,
    0x20,
    0x22,
    0x41,
    0x7f,
    (byte) 0x80,
    (byte) 0x81,
    (byte) 0xc3,
    (byte) 0xa9,
    (byte) 0xff
  };

  /** Short runs of the octets that matter to a WSP reader. */
  @Provide
  Arbitrary<byte[]> octets() {
    return Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)
        .list()
        .ofMaxSize(5)
        .map(
            l -> {
              byte[] b = new byte[l.size()];
              for (int i = 0; i < b.length; i++) {
                b[i] = OCTETS[l.get(i)];
              }
              return b;
            });
  }

  // ---- places ----------------------------------------------------------------------------------

  /** A place a builder writes a value, the PDU made with it there, and the header it names. */
  record Place<T>(String name, String header, Function<T, Pdu> build) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Pdu descr(Header h) {
    return MboxDescr.builder().add(h).build();
  }

  private static <T> Pdu descr(HeaderField<T> f, T v) {
    return MboxDescr.builder().add(f, v).build();
  }

  private static Pdu withPartHeader(PartHeader h) {
    return BuiltPdus.withPart(Part.builder().text("x").addHeader(h).build());
  }

  private static ContentType textPlainWith(Parameter p) {
    return ContentType.of(MediaType.TEXT_PLAIN, List.of(p));
  }

  static final List<Place<String>> TEXT_PLACES =
      List.of(
          new Place<>(
              "transaction-id", "X-Mms-Transaction-Id", s -> descr(HeaderField.TRANSACTION_ID, s)),
          new Place<>("message-id", "Message-ID", s -> descr(HeaderField.MESSAGE_ID, s)),
          new Place<>("subject", "Subject", s -> descr(HeaderField.SUBJECT, EncodedString.of(s))),
          new Place<>(
              "subject-utf-16",
              "Subject",
              s -> descr(HeaderField.SUBJECT, EncodedString.of(s, CharacterSet.UTF_16))),
          new Place<>("to", "To", s -> descr(HeaderField.TO, Address.parse(s))),
          new Place<>("from", "From", s -> descr(HeaderField.FROM, FromValue.of(Address.parse(s)))),
          new Place<>(
              "mm-flags",
              "X-Mms-MM-Flags",
              s ->
                  descr(
                      HeaderField.MM_FLAGS,
                      new MmFlags(MmFlags.Operation.ADD, EncodedString.of(s)))),
          new Place<>(
              "application-header-name",
              "Application-header",
              s -> MboxDescr.builder().applicationHeader(s, "v").build()),
          new Place<>(
              "application-header-value",
              "X-Test",
              s -> MboxDescr.builder().applicationHeader("X-Test", s).build()),
          new Place<>(
              "message-class",
              "X-Mms-Message-Class",
              s -> descr(HeaderField.MESSAGE_CLASS, MessageClass.token(s))),
          new Place<>(
              "element-descriptor-reference",
              "X-Mms-Element-Descriptor",
              s -> descr(HeaderField.ELEMENT_DESCRIPTOR, new ElementDescriptor(s, List.of()))),
          new Place<>(
              "element-descriptor-name",
              "X-Mms-Element-Descriptor",
              s ->
                  descr(
                      HeaderField.ELEMENT_DESCRIPTOR,
                      new ElementDescriptor("r", List.of(new ElementDescriptor.Entry(s, "v"))))),
          new Place<>(
              "element-descriptor-type",
              "X-Mms-Element-Descriptor",
              s ->
                  descr(
                      HeaderField.ELEMENT_DESCRIPTOR,
                      new ElementDescriptor("r", List.of(new ElementDescriptor.Entry("type", s))))),
          new Place<>(
              "content-location-indexed",
              "X-Mms-Content-Location",
              s ->
                  DeleteConf.builder()
                      .transactionId("t")
                      .responseStatus(ResponseStatus.OK)
                      .add(HeaderField.CONTENT_LOCATION_INDEXED, new Indexed<>(1, s))
                      .build()),
          new Place<>(
              "media-type",
              "Content-Type",
              s -> BuiltPdus.withBody(ContentType.of(MediaType.text(s)))),
          new Place<>(
              "media-type-with-parameters",
              "Content-Type",
              s ->
                  BuiltPdus.withBody(
                      ContentType.of(MediaType.text(s), List.of(Parameter.of("name", "n"))))),
          new Place<>(
              "parameter-name",
              "Content-Type",
              s -> BuiltPdus.withBody(textPlainWith(Parameter.of(s, "v")))),
          new Place<>(
              "untyped-parameter-value",
              "Content-Type",
              s -> BuiltPdus.withBody(textPlainWith(Parameter.untyped("x-p", s)))),
          new Place<>(
              "name-parameter",
              "Content-Type",
              s -> BuiltPdus.withBody(textPlainWith(Parameter.of("name", s)))),
          new Place<>(
              "charset-parameter-text",
              "Content-Type",
              s -> BuiltPdus.withBody(textPlainWith(Parameter.of(Parameter.WellKnown.CHARSET, s)))),
          new Place<>(
              "type-parameter",
              "Content-Type",
              s ->
                  BuiltPdus.withBody(
                      textPlainWith(Parameter.of(Parameter.WellKnown.TYPE, MediaType.text(s))))),
          new Place<>(
              "q-parameter-text",
              "Content-Type",
              s -> BuiltPdus.withBody(textPlainWith(Parameter.of(Parameter.WellKnown.Q, s)))),
          new Place<>(
              "size-parameter-text",
              "Content-Type",
              s -> BuiltPdus.withBody(textPlainWith(Parameter.of(Parameter.WellKnown.SIZE, s)))),
          new Place<>(
              "part-media-type",
              "Content-Type",
              s ->
                  BuiltPdus.withPart(Part.of(ContentType.of(MediaType.text(s)), new byte[] {'x'}))),
          new Place<>("content-id", "Content-ID", s -> withPartHeader(PartHeader.contentId(s))),
          new Place<>(
              "content-location",
              "Content-Location",
              s -> withPartHeader(PartHeader.contentLocation(s))),
          new Place<>(
              "part-header-name", "part header", s -> withPartHeader(PartHeader.text(s, "v"))),
          new Place<>(
              "part-header-value", "X-Part", s -> withPartHeader(PartHeader.text("X-Part", s))),
          new Place<>(
              "disposition-type",
              "Content-Disposition",
              s ->
                  withPartHeader(
                      PartHeader.contentDisposition(new ContentDisposition(s, List.of())))),
          new Place<>(
              "disposition-filename",
              "Content-Disposition",
              s ->
                  withPartHeader(PartHeader.contentDisposition(ContentDisposition.attachment(s)))));

  static final List<Place<byte[]>> OCTET_PLACES =
      List.of(
          new Place<>(
              "subject-octets",
              "Subject",
              b -> descr(HeaderField.SUBJECT, EncodedString.ofOctets(b))),
          new Place<>(
              "subject-ucs-2-octets",
              "Subject",
              b -> descr(HeaderField.SUBJECT, EncodedString.ofOctets(CharacterSet.UCS_2, b))),
          new Place<>(
              "unassigned-header-raw",
              "Unassigned-0x7E",
              b -> descr(Header.ofRaw(HeaderField.valueOf(0x7E), RawValue.of(b)))),
          new Place<>(
              "part-header-raw",
              "Content-Base",
              b -> withPartHeader(PartHeader.raw(0x0A, RawValue.of(b)))),
          new Place<>(
              "textual-part-header-raw",
              "X-Part",
              b -> withPartHeader(new PartHeader("X-Part", -1, RawValue.of(b)))),
          new Place<>(
              "multipart-part-data",
              "Content-Type",
              b -> BuiltPdus.withPart(Part.of(ContentType.of(MediaType.MULTIPART_MIXED), b))));

  static final List<Place<Long>> NUMBER_PLACES =
      List.of(
          new Place<>(
              "message-size", "X-Mms-Message-Size", n -> descr(HeaderField.MESSAGE_SIZE, n)),
          new Place<>("date", "Date", n -> descr(HeaderField.DATE, instant(n))),
          new Place<>(
              "previously-sent-date",
              "X-Mms-Previously-Sent-Date",
              n -> descr(HeaderField.PREVIOUSLY_SENT_DATE, new PreviouslySentDate(0, instant(n)))),
          new Place<>(
              "untyped-parameter-integer",
              "Content-Type",
              n -> BuiltPdus.withBody(textPlainWith(Parameter.untyped("x-n", n)))),
          new Place<>(
              "q-parameter",
              "Content-Type",
              // Parameter.of refuses a negative number for a typed parameter itself.
              n ->
                  BuiltPdus.withBody(
                      textPlainWith(Parameter.of(Parameter.WellKnown.Q, n < 0 ? ~n : n)))),
          new Place<>(
              "q-parameter-before-a-number-name",
              "Content-Type",
              n ->
                  BuiltPdus.withBody(
                      ContentType.of(
                          MediaType.TEXT_PLAIN,
                          List.of(
                              Parameter.of(Parameter.WellKnown.Q, n < 0 ? ~n : n),
                              Parameter.untyped("1.0", "v"))))));

  /** The instant {@code n} seconds from 1970, within what an Instant holds. */
  private static Instant instant(long n) {
    return Instant.ofEpochSecond(
        Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), n)));
  }

  @Provide
  Arbitrary<Place<String>> textPlaces() {
    return Arbitraries.of(TEXT_PLACES);
  }

  @Provide
  Arbitrary<Place<byte[]>> octetPlaces() {
    return Arbitraries.of(OCTET_PLACES);
  }

  @Provide
  Arbitrary<Place<Long>> numberPlaces() {
    return Arbitraries.of(NUMBER_PLACES);
  }

  @Provide
  Arbitrary<Long> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-3, 130),
        Arbitraries.of(-1L << 40, Long.MIN_VALUE, 0xFFFFFFFFL, 1L << 33, 1L << 48, Long.MAX_VALUE));
  }

  // ---- properties ------------------------------------------------------------------------------

  @Property(seed = SEED, tries = 4000)
  void acceptedTextReadsBackAndRefusedTextNamesItsHeader(
      @ForAll("textPlaces") Place<String> place, @ForAll("texts") String text) {
    check(place, text, () -> "text \"" + escape(text) + "\"");
  }

  @Property(seed = SEED, tries = 1500)
  void acceptedOctetsReadBackAndRefusedOctetsNameTheirHeader(
      @ForAll("octetPlaces") Place<byte[]> place, @ForAll("octets") byte[] octets) {
    check(place, octets, () -> "octets " + HexFormat.of().formatHex(octets));
  }

  @Property(seed = SEED, tries = 800)
  void acceptedNumbersReadBackAndRefusedNumbersNameTheirHeader(
      @ForAll("numberPlaces") Place<Long> place, @ForAll("numbers") long n) {
    check(place, n, () -> "number " + n);
  }

  /**
   * Builds a PDU with {@code value} at {@code place}: refused with a message naming its header,
   * or read back (see {@link #assertReadsBack}).
   */
  static <T> void check(Place<T> place, T value, java.util.function.Supplier<String> what) {
    Pdu pdu;
    try {
      pdu = place.build().apply(value);
    } catch (IllegalArgumentException refused) {
      SEEN.add(place.name() + ":refused");
      assertTrue(
          refused.getMessage().startsWith(place.header()),
          () -> place + ", " + what.get() + ": the message names another header: " + refused);
      return;
    }
    SEEN.add(place.name() + ":accepted");
    assertReadsBack(pdu, () -> place + ", " + what.get());
  }

  /** decode(encode(pdu)) equals pdu, strictly and leniently, and encodes to the same octets. */
  static void assertReadsBack(Pdu pdu, java.util.function.Supplier<String> what) {
    byte[] bytes = PduCodec.encode(pdu);
    for (DecodeConfig cfg : List.of(DecodeConfig.STRICT, DecodeConfig.LENIENT)) {
      Pdu decoded;
      try {
        decoded = PduCodec.decode(bytes, cfg);
      } catch (PduFormatException e) {
        throw new AssertionError(
            what.get()
                + ": accepted, but does not decode: "
                + e.getMessage()
                + "; wire: "
                + hex(bytes),
            e);
      }
      assertEquals(
          pdu, decoded, () -> what.get() + ": decodes to another value; wire: " + hex(bytes));
      assertTrue(
          decoded.findings().stream().allMatch(f -> f.severity() == Severity.INFO),
          () -> what.get() + ": decoding finds fault: " + decoded.findings());
      assertArrayEquals(
          bytes, PduCodec.encode(decoded.toBuilder().build()), () -> what.get() + ": re-encoding");
      decoded
          .body()
          .filter(MultipartBody.class::isInstance)
          .ifPresent(b -> ((MultipartBody) b).parts().forEach(p -> reopen(p, what)));
    }
  }

  /** A nested multipart the builder accepted opens strictly. */
  private static void reopen(Part p, java.util.function.Supplier<String> what) {
    if (!p.isMultipart()) {
      return;
    }
    try {
      p.asMultipart(DecodeConfig.STRICT);
    } catch (PduFormatException e) {
      throw new AssertionError(what.get() + ": accepted, but the nested body does not open", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return sb.toString();
  }

  @AfterContainer
  static void everyPlaceBothAcceptsAndRefuses() {
    Set<String> expected = new TreeSet<>();
    for (List<? extends Place<?>> places : List.of(TEXT_PLACES, OCTET_PLACES, NUMBER_PLACES)) {
      for (Place<?> p : places) {
        expected.add(p.name() + ":accepted");
        expected.add(p.name() + ":refused");
      }
    }
    // Text in the charset form carries every octet: nothing is refused there.
    expected.remove("subject-ucs-2-octets:refused");
    expected.remove("subject-utf-16:refused");
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(SEEN);
    assertTrue(missing.isEmpty(), "never seen: " + missing);
  }
}
