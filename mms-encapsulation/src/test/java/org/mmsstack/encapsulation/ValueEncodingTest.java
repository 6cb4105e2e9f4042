package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmsstack.encapsulation.WspPrimitivesTest.hex;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
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
 * Every value form the specification defines, both directions: a header built with
 * {@link Header#of} is encoded inside a minimal PDU and compared octet by octet with the
 * specification's example, and the same octets decode to the same typed value.
 */
class ValueEncodingTest {

  /** What a minimal m-mbox-descr writes before the header under test: type and version 1.2. */
  private static final String PREFIX = "8C938D92";

  private static String hexOf(byte[] b, int from) {
    return HexFormat.of().formatHex(b, from, b.length).toUpperCase(Locale.ROOT);
  }

  /**
   * The octets of one header, as the encoder writes it. The builder puts X-Mms-Transaction-Id
   * before X-Mms-MMS-Version, and a given MMS-Version replaces the default one.
   */
  static String encodeHeader(Header h) {
    String pdu = hexOf(PduCodec.encode(MboxDescr.builder().add(h).build()), 0);
    int code = h.field().code();
    if (code == 0x0D) {
      assertTrue(pdu.startsWith("8C93"), pdu);
      return pdu.substring(4);
    }
    if (code == 0x18) {
      assertTrue(pdu.startsWith("8C93") && pdu.endsWith("8D92"), pdu);
      return pdu.substring(4, pdu.length() - 4);
    }
    assertEquals(PREFIX, pdu.substring(0, 8));
    return pdu.substring(8);
  }

  /** The header decoded from its octets behind the minimal prefix. */
  static Header decodeHeader(String wire) throws PduFormatException {
    String w = wire.replace(" ", "");
    int code = (Integer.parseInt(w.substring(0, 2), 16) & 0x7F);
    String all = code == 0x0D ? "8C93" + w : code == 0x18 ? "8C93" + w + "8D92" : PREFIX + w;
    Pdu pdu = PduCodec.decode(hex(all), DecodeConfig.STRICT);
    Header h = pdu.headers().get(code == 0x0D || code == 0x18 ? 1 : 2);
    assertEquals(code == 0x0D ? 2 : 3, pdu.headers().size(), () -> "one header expected: " + pdu);
    return h;
  }

  static <T> void both(HeaderField<T> field, T value, String wire) throws PduFormatException {
    String w = wire.replace(" ", "").toUpperCase(Locale.ROOT);
    assertEquals(w, encodeHeader(Header.of(field, value)), () -> "encoding " + field + " " + value);
    Header h = decodeHeader(w);
    assertEquals(field, h.field());
    assertEquals(value, h.value(), () -> "decoding " + w);
  }

  // ---- the specification's examples
  // ---------------------------------------------------------------

  @Test
  void expiryRelativeTwoDaysLessOneSecond() throws Exception {
    both(
        HeaderField.EXPIRY,
        TimeValue.relative(Duration.ofDays(2).minusSeconds(1)),
        "88 05 81 03 02 A2 FF");
  }

  @Test
  void expiryAbsoluteZeroAndDeliveryTimeAbsolute() throws Exception {
    both(HeaderField.EXPIRY, TimeValue.absolute(Instant.EPOCH), "88 03 80 01 00");
    both(
        HeaderField.DELIVERY_TIME,
        TimeValue.absolute(Instant.ofEpochSecond(1069542000)),
        "87 06 80 04 3F BF EA 70");
    both(HeaderField.REPLY_CHARGING_DEADLINE, new TimeValue(true, 5), "9D 03 81 01 05");
  }

  @Test
  void relativeDeltaAsShortIntegerDecodes() throws Exception {
    // Symbian and Mozilla accept the Short-integer form; we encode the Long-integer one.
    assertEquals(new TimeValue(true, 5), decodeHeader("88 02 81 85").value());
  }

  @Test
  void fromInsertAddressToken() throws Exception {
    both(HeaderField.FROM, FromValue.insertAddress(), "89 01 81");
  }

  @Test
  void fromAddressPresent() throws Exception {
    both(
        HeaderField.FROM,
        FromValue.of(Address.plmn("+12")),
        "89 0F 80" + ascii("+12/TYPE=PLMN") + "00");
  }

  @Test
  void utf8SubjectNeedsTheQuote() throws Exception {
    // Value-length covers charset, Quote, text and the terminating 0x00.
    both(HeaderField.SUBJECT, EncodedString.of("äb"), "96 06 EA 7F C3 A4 62 00");
  }

  @Test
  void asciiSubjectIsAPlainTextString() throws Exception {
    both(HeaderField.SUBJECT, EncodedString.of("hi"), "96 68 69 00");
    both(HeaderField.SUBJECT, EncodedString.of(""), "96 00");
  }

  @Test
  void ucs2SubjectUsesALongIntegerCharset() throws Exception {
    // UCS-2 1000 = 02 03 E8; "Ж" = 04 16 starts below 0x20 and is delimited by the Value-length.
    both(HeaderField.SUBJECT, EncodedString.of("Ж", CharacterSet.UCS_2), "96 06 02 03 E8 04 16 00");
    both(HeaderField.SUBJECT, EncodedString.of("A", CharacterSet.UCS_2), "96 06 02 03 E8 00 41 00");
  }

  @Test
  void charsetTextStartingWith0x7FIsQuoted() throws Exception {
    both(
        HeaderField.SUBJECT,
        EncodedString.ofOctets(CharacterSet.UCS_2, new byte[] {0x7F, 0x00}),
        "96 07 02 03 E8 7F 7F 00 00");
  }

  @Test
  void unknownCharsetKeepsItsOctets() throws Exception {
    both(
        HeaderField.SUBJECT,
        EncodedString.ofOctets(CharacterSet.valueOf(3000), new byte[] {1, 2}),
        "96 06 02 0B B8 01 02 00");
    assertEquals(false, CharacterSet.valueOf(3000).isKnown());
  }

  @Test
  void everyCharsetOfTheTableHasItsMibEnumOnTheWire() throws Exception {
    Map<CharacterSet, String> table =
        Map.ofEntries(
            Map.entry(CharacterSet.ANY, "80"),
            Map.entry(CharacterSet.US_ASCII, "83"),
            Map.entry(CharacterSet.ISO_8859_1, "84"),
            Map.entry(CharacterSet.ISO_8859_5, "88"),
            Map.entry(CharacterSet.SHIFT_JIS, "91"),
            Map.entry(CharacterSet.EUC_JP, "92"),
            Map.entry(CharacterSet.KS_C_5601, "A4"),
            Map.entry(CharacterSet.EUC_KR, "A6"),
            Map.entry(CharacterSet.ISO_2022_JP, "A7"),
            Map.entry(CharacterSet.UTF_8, "EA"),
            Map.entry(CharacterSet.ISO_8859_15, "EF"),
            Map.entry(CharacterSet.GB18030, "F2"),
            Map.entry(CharacterSet.UCS_2, "0203E8"),
            Map.entry(CharacterSet.UCS_4, "0203E9"),
            Map.entry(CharacterSet.UTF_16BE, "0203F5"),
            Map.entry(CharacterSet.UTF_16LE, "0203F6"),
            Map.entry(CharacterSet.UTF_16, "0203F7"),
            Map.entry(CharacterSet.UTF_32, "0203F9"),
            Map.entry(CharacterSet.GB2312, "0207E9"),
            Map.entry(CharacterSet.BIG5, "0207EA"),
            Map.entry(CharacterSet.MACINTOSH, "0207EB"),
            Map.entry(CharacterSet.KOI8_R, "020824"),
            Map.entry(CharacterSet.KOI8_U, "020828"),
            Map.entry(CharacterSet.WINDOWS_874, "02083D"),
            Map.entry(CharacterSet.WINDOWS_1250, "0208CA"),
            Map.entry(CharacterSet.WINDOWS_1258, "0208D2"));
    for (Map.Entry<CharacterSet, String> e : table.entrySet()) {
      EncodedString s = EncodedString.ofOctets(e.getKey(), "A".getBytes(StandardCharsets.US_ASCII));
      int len = e.getValue().length() / 2 + 2;
      both(HeaderField.SUBJECT, s, "96" + String.format("%02X", len) + e.getValue() + "4100");
    }
  }

  @Test
  void textsInTheirCharsetsDecode() throws Exception {
    for (CharacterSet cs :
        List.of(
            CharacterSet.UTF_8,
            CharacterSet.ISO_8859_1,
            CharacterSet.UCS_2,
            CharacterSet.UTF_16,
            CharacterSet.SHIFT_JIS,
            CharacterSet.GB2312,
            CharacterSet.BIG5,
            CharacterSet.KOI8_R)) {
      String text =
          cs == CharacterSet.ISO_8859_1
              ? "Angående"
              : cs == CharacterSet.KOI8_R
                  ? "Питер"
                  : cs == CharacterSet.SHIFT_JIS
                      ? "テスト"
                      : cs == CharacterSet.GB2312 || cs == CharacterSet.BIG5
                          ? "中文"
                          : "Вид с крыши 한국어";
      Header h =
          decodeHeader(encodeHeader(Header.of(HeaderField.SUBJECT, EncodedString.of(text, cs))));
      assertEquals(text, ((EncodedString) h.value()).text(), cs.name());
      assertEquals(Optional.of(cs), ((EncodedString) h.value()).charset());
    }
  }

  @Test
  void integersAndDates() throws Exception {
    both(HeaderField.DATE, Instant.ofEpochSecond(1069542000), "85 04 3F BF EA 70");
    both(HeaderField.MESSAGE_SIZE, 29696L, "8E 02 74 00");
    both(HeaderField.MESSAGE_SIZE, 0L, "8E 01 00");
    both(HeaderField.REPLY_CHARGING_SIZE, 127L, "9F 01 7F");
    both(HeaderField.MESSAGE_COUNT, 5L, "AD 85");
    both(HeaderField.START, 0L, "AF 80");
    both(HeaderField.LIMIT, 1000L, "B3 02 03 E8");
  }

  @Test
  void messageSizeAsShortIntegerDecodes() throws Exception {
    assertEquals(5L, decodeHeader("8E 85").value());
  }

  @Test
  void dateBeyondInstantRangeIsATypedErrorNotACrash() throws Exception {
    byte[] wire = hex(PREFIX + "85 08 7F FF FF FF FF FF FF FF");
    assertThrows(PduFormatException.class, () -> PduCodec.decode(wire, DecodeConfig.STRICT));
    Pdu lenient = PduCodec.decode(wire, DecodeConfig.LENIENT);
    assertTrue(lenient.get(HeaderField.DATE).isEmpty());
    assertTrue(!lenient.headers().get(2).isWellFormed());
  }

  @Test
  void textFields() throws Exception {
    both(HeaderField.TRANSACTION_ID, "OgQKKB", "98" + ascii("OgQKKB") + "00");
    both(HeaderField.MESSAGE_ID, "", "8B 00");
    both(
        HeaderField.CONTENT_LOCATION,
        "http://eps3.de/O/Z9IZO",
        "83" + ascii("http://eps3.de/O/Z9IZO") + "00");
    both(HeaderField.CANCEL_ID, "ü", "BE 7F C3 BC 00");
    for (HeaderField<String> f :
        List.of(
            HeaderField.REPLY_CHARGING_ID,
            HeaderField.APPLIC_ID,
            HeaderField.REPLY_APPLIC_ID,
            HeaderField.AUX_APPLIC_INFO,
            HeaderField.REPLACE_ID)) {
      both(f, "x", String.format("%02X", 0x80 | f.code()) + "7800");
    }
  }

  @Test
  void versions() throws Exception {
    both(HeaderField.MMS_VERSION, MmsVersion.V1_0, "8D 90");
    both(HeaderField.MMS_VERSION, MmsVersion.V1_1, "8D 91");
    both(HeaderField.MMS_VERSION, MmsVersion.V1_3, "8D 93");
    both(HeaderField.MMS_VERSION, new MmsVersion(2, 15), "8D AF");
  }

  @Test
  void messageClassOctetsAndTokens() throws Exception {
    both(HeaderField.MESSAGE_CLASS, MessageClass.PERSONAL, "8A 80");
    both(HeaderField.MESSAGE_CLASS, MessageClass.ADVERTISEMENT, "8A 81");
    both(HeaderField.MESSAGE_CLASS, MessageClass.INFORMATIONAL, "8A 82");
    both(HeaderField.MESSAGE_CLASS, MessageClass.AUTO, "8A 83");
    both(
        HeaderField.MESSAGE_CLASS,
        MessageClass.of("NewMessageClass"),
        "8A" + ascii("NewMessageClass") + "00");
    assertEquals(MessageClass.PERSONAL, MessageClass.of("personal"));
  }

  @Test
  void everyYesNoField() throws Exception {
    for (HeaderField<Boolean> f :
        List.of(
            HeaderField.DELIVERY_REPORT,
            HeaderField.READ_REPORT,
            HeaderField.REPORT_ALLOWED,
            HeaderField.STORE,
            HeaderField.STORED,
            HeaderField.TOTALS,
            HeaderField.QUOTAS,
            HeaderField.DISTRIBUTION_INDICATOR,
            HeaderField.DRM_CONTENT,
            HeaderField.ADAPTATION_ALLOWED)) {
      String code = String.format("%02X", 0x80 | f.code());
      both(f, true, code + "80");
      both(f, false, code + "81");
    }
  }

  @Test
  void compositeValues() throws Exception {
    both(
        HeaderField.PREVIOUSLY_SENT_BY,
        new PreviouslySentBy(1, Address.plmn("+1")),
        "A0 0E 81" + ascii("+1/TYPE=PLMN") + "00");
    both(
        HeaderField.PREVIOUSLY_SENT_DATE,
        new PreviouslySentDate(2, Instant.ofEpochSecond(1069542000)),
        "A1 06 82 04 3F BF EA 70");
    both(
        HeaderField.MM_FLAGS,
        new MmFlags(MmFlags.Operation.ADD, EncodedString.of("a")),
        "A4 03 80 61 00");
    both(
        HeaderField.MM_FLAGS,
        new MmFlags(MmFlags.Operation.REMOVE, EncodedString.of("a")),
        "A4 03 81 61 00");
    both(
        HeaderField.MM_FLAGS,
        new MmFlags(MmFlags.Operation.FILTER, EncodedString.of("a")),
        "A4 03 82 61 00");
    both(HeaderField.MBOX_TOTALS, new MboxCount(MboxCount.Unit.MESSAGES, 5), "AA 02 80 85");
    both(HeaderField.MBOX_QUOTAS, new MboxCount(MboxCount.Unit.OCTETS, 300), "AC 04 81 02 01 2C");
    both(HeaderField.ATTRIBUTES, HeaderField.SUBJECT, "A8 96");
    both(HeaderField.ATTRIBUTES, HeaderField.CONTENT, "A8 AE");
    both(HeaderField.ATTRIBUTES, HeaderField.ADDITIONAL_HEADERS, "A8 B0");
    both(
        HeaderField.ELEMENT_DESCRIPTOR,
        new ElementDescriptor(
            "cid:1",
            List.of(
                new ElementDescriptor.Entry("type", "image/jpeg"),
                new ElementDescriptor.Entry("x", "y"))),
        "B2 0C" + ascii("cid:1") + "00 82 9E 78 00 79 00");
  }

  @Test
  void indexedFormsOfDeleteConfirmations() throws Exception {
    Pdu pdu =
        DeleteConf.builder()
            .transactionId("t")
            .contentLocationIndexed(1, "u")
            .responseStatusIndexed(1, ResponseStatus.ERROR_PERMANENT_MESSAGE_NOT_FOUND)
            .responseTextIndexed(2, EncodedString.of("no"))
            .build();
    byte[] b = PduCodec.encode(pdu);
    String wire = hexOf(b, 0);
    assertTrue(wire.endsWith("83038175009202 81E4".replace(" ", "") + "9304826E6F00"), wire);
    Pdu decoded = PduCodec.decode(b, DecodeConfig.STRICT);
    assertEquals(pdu, decoded);
    assertEquals(
        List.of(new Indexed<>(1, "u")), decoded.getAll(HeaderField.CONTENT_LOCATION_INDEXED));
    assertEquals(
        List.of(new Indexed<>(2, EncodedString.of("no"))),
        decoded.getAll(HeaderField.RESPONSE_TEXT_INDEXED));
  }

  // ---- enumerations of section 5, every value both ways
  // ---------------------------------------------

  private static <T extends OctetToken> void table(
      HeaderField<T> field,
      List<T> values,
      IntFunction<T> valueOf,
      Map<Integer, String> spec,
      List<DynamicTest> out) {
    out.add(
        DynamicTest.dynamicTest(
            field.name() + " defines exactly the specification's codes",
            () -> {
              java.util.Set<Integer> actual = new java.util.TreeSet<>();
              values.forEach(v -> actual.add(v.code()));
              assertEquals(new java.util.TreeSet<>(spec.keySet()), actual);
            }));
    for (Map.Entry<Integer, String> e : spec.entrySet()) {
      out.add(
          DynamicTest.dynamicTest(
              field.name() + " " + e.getValue(),
              () -> {
                T v = valueOf.apply(e.getKey());
                assertTrue(v.isKnown());
                assertTrue(
                    v.name().replace(' ', '-').equalsIgnoreCase(e.getValue()),
                    () -> "name of " + v + ": expected " + e.getValue());
                both(field, v, String.format("%02X%02X", 0x80 | field.code(), e.getKey()));
              }));
    }
    out.add(
        DynamicTest.dynamicTest(
            field.name() + " unknown code kept",
            () -> {
              int unknown = IntStreamHelper.firstUnknown(spec);
              T v = valueOf.apply(unknown);
              assertTrue(!v.isKnown());
              both(field, v, String.format("%02X%02X", 0x80 | field.code(), unknown));
            }));
  }

  private static final class IntStreamHelper {
    static int firstUnknown(Map<Integer, String> spec) {
      for (int c = 0xFF; c >= 0x80; c--) {
        if (!spec.containsKey(c)) {
          return c;
        }
      }
      throw new AssertionError();
    }
  }

  @Test
  void byNameFindsEveryDefinedNameIgnoringCaseAndNothingElse() {
    for (Priority p : Priority.values()) {
      assertEquals(Optional.of(p), Priority.byName(p.name().toUpperCase(Locale.ROOT)));
    }
    for (ResponseStatus r : ResponseStatus.values()) {
      assertEquals(Optional.of(r), ResponseStatus.byName(r.name().toLowerCase(Locale.ROOT)));
    }
    assertEquals(Optional.empty(), Priority.byName("Urgent"));
    assertEquals(Optional.empty(), Priority.byName("unknown"));
    assertEquals(Optional.empty(), ReadStatus.byName(""));
  }

  @TestFactory
  Stream<DynamicTest> everyEnumeratedValueOfSection5() {
    List<DynamicTest> t = new ArrayList<>();
    table(
        HeaderField.PRIORITY,
        Priority.values(),
        Priority::valueOf,
        Map.of(0x80, "Low", 0x81, "Normal", 0x82, "High"),
        t);
    table(
        HeaderField.SENDER_VISIBILITY,
        SenderVisibility.values(),
        SenderVisibility::valueOf,
        Map.of(0x80, "Hide", 0x81, "Show"),
        t);
    table(
        HeaderField.STATUS,
        Status.values(),
        Status::valueOf,
        Map.of(
            0x80,
            "Expired",
            0x81,
            "Retrieved",
            0x82,
            "Rejected",
            0x83,
            "Deferred",
            0x84,
            "Unrecognised",
            0x85,
            "Indeterminate",
            0x86,
            "Forwarded",
            0x87,
            "Unreachable"),
        t);
    table(
        HeaderField.RESPONSE_STATUS,
        ResponseStatus.values(),
        ResponseStatus::valueOf,
        Map.ofEntries(
            Map.entry(0x80, "Ok"),
            Map.entry(0x81, "Error-unspecified"),
            Map.entry(0x82, "Error-service-denied"),
            Map.entry(0x83, "Error-message-format-corrupt"),
            Map.entry(0x84, "Error-sending-address-unresolved"),
            Map.entry(0x85, "Error-message-not-found"),
            Map.entry(0x86, "Error-network-problem"),
            Map.entry(0x87, "Error-content-not-accepted"),
            Map.entry(0x88, "Error-unsupported-message"),
            Map.entry(0xC0, "Error-transient-failure"),
            Map.entry(0xC1, "Error-transient-sending-address-unresolved"),
            Map.entry(0xC2, "Error-transient-message-not-found"),
            Map.entry(0xC3, "Error-transient-network-problem"),
            Map.entry(0xC4, "Error-transient-partial-success"),
            Map.entry(0xE0, "Error-permanent-failure"),
            Map.entry(0xE1, "Error-permanent-service-denied"),
            Map.entry(0xE2, "Error-permanent-message-format-corrupt"),
            Map.entry(0xE3, "Error-permanent-sending-address-unresolved"),
            Map.entry(0xE4, "Error-permanent-message-not-found"),
            Map.entry(0xE5, "Error-permanent-content-not-accepted"),
            Map.entry(0xE6, "Error-permanent-reply-charging-limitations-not-met"),
            Map.entry(0xE7, "Error-permanent-reply-charging-request-not-accepted"),
            Map.entry(0xE8, "Error-permanent-reply-charging-forwarding-denied"),
            Map.entry(0xE9, "Error-permanent-reply-charging-not-supported"),
            Map.entry(0xEA, "Error-permanent-address-hiding-not-supported"),
            Map.entry(0xEB, "Error-permanent-lack-of-prepaid")),
        t);
    table(
        HeaderField.RETRIEVE_STATUS,
        RetrieveStatus.values(),
        RetrieveStatus::valueOf,
        Map.of(
            0x80,
            "Ok",
            0xC0,
            "Error-transient-failure",
            0xC1,
            "Error-transient-message-not-found",
            0xC2,
            "Error-transient-network-problem",
            0xE0,
            "Error-permanent-failure",
            0xE1,
            "Error-permanent-service-denied",
            0xE2,
            "Error-permanent-message-not-found",
            0xE3,
            "Error-permanent-content-unsupported"),
        t);
    table(
        HeaderField.READ_STATUS,
        ReadStatus.values(),
        ReadStatus::valueOf,
        Map.of(0x80, "Read", 0x81, "Deleted-without-being-read"),
        t);
    table(
        HeaderField.REPLY_CHARGING,
        ReplyCharging.values(),
        ReplyCharging::valueOf,
        Map.of(
            0x80,
            "Requested",
            0x81,
            "Requested-text-only",
            0x82,
            "Accepted",
            0x83,
            "Accepted-text-only"),
        t);
    table(
        HeaderField.MM_STATE,
        MmState.values(),
        MmState::valueOf,
        Map.of(0x80, "Draft", 0x81, "Sent", 0x82, "New", 0x83, "Retrieved", 0x84, "Forwarded"),
        t);
    table(
        HeaderField.STORE_STATUS,
        StoreStatus.values(),
        StoreStatus::valueOf,
        Map.of(
            0x80,
            "Success",
            0xC0,
            "Error-transient-failure",
            0xC1,
            "Error-transient-network-problem",
            0xE0,
            "Error-permanent-failure",
            0xE1,
            "Error-permanent-service-denied",
            0xE2,
            "Error-permanent-message-format-corrupt",
            0xE3,
            "Error-permanent-message-not-found",
            0xE4,
            "Error-permanent-MMBox-full"),
        t);
    table(
        HeaderField.CANCEL_STATUS,
        CancelStatus.values(),
        CancelStatus::valueOf,
        Map.of(0x80, "Cancel-request-successfully-received", 0x81, "Cancel-request-corrupted"),
        t);
    table(
        HeaderField.CONTENT_CLASS,
        ContentClass.values(),
        ContentClass::valueOf,
        Map.of(
            0x80,
            "text",
            0x81,
            "image-basic",
            0x82,
            "image-rich",
            0x83,
            "video-basic",
            0x84,
            "video-rich",
            0x85,
            "megapixel",
            0x86,
            "content-basic",
            0x87,
            "content-rich"),
        t);
    table(
        HeaderField.RECOMMENDED_RETRIEVAL_MODE,
        RetrievalMode.values(),
        RetrievalMode::valueOf,
        Map.of(0x80, "Manual"),
        t);
    return t.stream();
  }

  @Test
  void statusClassesFollowTheRanges() {
    assertTrue(ResponseStatus.valueOf(0xC7).isTransientError());
    assertTrue(ResponseStatus.valueOf(0xF3).isPermanentError());
    assertTrue(ResponseStatus.OK.isOk());
    assertEquals(ResponseStatus.ERROR_TRANSIENT_FAILURE, ResponseStatus.valueOf(0xC7).generic());
    assertEquals(RetrieveStatus.valueOf(0xE0), RetrieveStatus.valueOf(0xF0).generic());
    assertEquals(StoreStatus.valueOf(0xC0), StoreStatus.valueOf(0xC5).generic());
  }

  @Test
  void codeLookupsAreEmptyForUnknownCodesAndReuseTheirOptionals() {
    assertEquals(Optional.empty(), MessageType.fromCode(0x7F));
    assertEquals(Optional.empty(), MessageType.fromCode(0x98));
    assertSame(MessageType.fromCode(0x80), MessageType.fromCode(0x80));
    assertEquals(Optional.empty(), MessageClass.fromCode(0x84));
    assertEquals(Optional.of(MessageClass.AUTO), MessageClass.fromCode(0x83));
    assertSame(MessageClass.fromCode(0x80), MessageClass.fromCode(0x80));
    assertEquals(Optional.empty(), Parameter.WellKnown.fromCode(0x1E));
    assertEquals(Optional.empty(), Parameter.WellKnown.fromCode(-1));
    assertEquals(Optional.of(Parameter.WellKnown.CHARSET), Parameter.WellKnown.fromCode(0x01));
    assertSame(Parameter.WellKnown.fromCode(0x01), Parameter.WellKnown.fromCode(0x01));
    assertEquals(Optional.of(MmFlags.Operation.FILTER), MmFlags.Operation.fromCode(0x82));
    assertEquals(Optional.empty(), MmFlags.Operation.fromCode(0x83));
    assertSame(MmFlags.Operation.fromCode(0x80), MmFlags.Operation.fromCode(0x80));
    assertEquals(Optional.of(MboxCount.Unit.OCTETS), MboxCount.Unit.fromCode(0x81));
    assertEquals(Optional.empty(), MboxCount.Unit.fromCode(0x82));
    assertSame(MboxCount.Unit.fromCode(0x80), MboxCount.Unit.fromCode(0x80));
    assertEquals(
        HeaderField.SUBJECT,
        PduRules.rule(MessageType.SEND_REQ, HeaderField.SUBJECT).orElseThrow().field());
    assertSame(
        PduRules.rule(MessageType.SEND_REQ, HeaderField.SUBJECT),
        PduRules.rule(MessageType.SEND_REQ, HeaderField.SUBJECT));
    assertEquals(Optional.empty(), PduRules.rule(MessageType.ACKNOWLEDGE_IND, HeaderField.SUBJECT));
  }

  @TestFactory
  Stream<DynamicTest> everyMessageTypeBothWays() {
    return Stream.of(MessageType.values())
        .map(
            t ->
                DynamicTest.dynamicTest(
                    t.wireName(),
                    () -> {
                      // Section 4.1: 0x80 m-send-req ... 0x97 m-cancel-conf, in this order.
                      assertEquals(0x80 + t.ordinal(), t.code());
                      assertEquals(Optional.of(t), MessageType.fromCode(t.code()));
                      byte[] wire = hex(String.format("8C%02X8D93", t.code()));
                      Pdu pdu = PduCodec.decode(wire, DecodeConfig.LENIENT);
                      assertEquals(t, pdu.messageType());
                      assertEquals(t, pdu.get(HeaderField.MESSAGE_TYPE).orElseThrow());
                      assertEquals(
                          HexFormat.of().formatHex(wire),
                          HexFormat.of().formatHex(PduCodec.encode(pdu)));
                    }));
  }

  // ---- content types, parameters, part headers
  // ---------------------------------------------------------

  @Test
  void contentTypeOfTheSpecificationExample() throws Exception {
    String wire =
        "84 1B B3 8A 3C 73 6D 69 6C 3E 00 89 61 70 70 6C 69 63 61 74 69 6F 6E 2F 73 6D 69 6C 00";
    ContentType ct =
        ContentType.of(
            MediaType.MULTIPART_RELATED,
            List.of(Parameter.of("start", "<smil>"), Parameter.of("type", "application/smil")));
    Pdu pdu = RetrieveConf.builder().date(Instant.EPOCH).body(ct, MultipartBody.of()).build();
    String encoded = hexOf(PduCodec.encode(pdu), 0);
    assertTrue(encoded.endsWith(wire.replace(" ", "") + "00"), encoded);
    Pdu decoded = PduCodec.decode(PduCodec.encode(pdu), DecodeConfig.STRICT);
    assertEquals(ct, decoded.contentType().orElseThrow());
    assertEquals(MediaType.APPLICATION_SMIL, ct.parameter("type").orElseThrow().value());
  }

  @Test
  void mediaTypesEqualIgnoringCaseHashAlike() {
    // String.equalsIgnoreCase matches U+017F (long s) with s and K with U+212A (Kelvin sign):
    // equal types must hash alike, which lower-casing the name would not give.
    List<String[]> pairs =
        List.of(
            new String[] {"Text/Plain-X", "text/plain-x"},
            new String[] {"text/\u017Fvg", "text/svg"},
            new String[] {"image/\u212Aa", "image/ka"},
            new String[] {"x/\uD801\uDC00", "x/\uD801\uDC28"}); // Deseret, upper and lower
    for (String[] p : pairs) {
      MediaType a = MediaType.text(p[0]);
      MediaType b = MediaType.text(p[1]);
      assertEquals(a, b, p[0]);
      assertEquals(a.hashCode(), b.hashCode(), p[0]);
      assertEquals(a.hashCode(), a.hashCode(), "the cached hash");
    }
    assertNotEquals(MediaType.text("text/plain"), MediaType.TEXT_PLAIN); // text vs its number
  }

  @TestFactory
  Stream<DynamicTest> everyWellKnownMediaTypeInTheShortForm() {
    return java.util.stream.IntStream.range(0, 0x80)
        .filter(MediaType::isWellKnown)
        .mapToObj(
            code ->
                DynamicTest.dynamicTest(
                    MediaType.valueOf(code).name(),
                    () -> {
                      MediaType m = MediaType.valueOf(code);
                      assertEquals(m, MediaType.of(m.name()));
                      Pdu pdu =
                          RetrieveConf.builder()
                              .date(Instant.EPOCH)
                              .body(
                                  ContentType.of(m),
                                  m.isMultipart()
                                      ? MultipartBody.of()
                                      : SinglePartBody.of(new byte[0]))
                              .build();
                      byte[] b = PduCodec.encode(pdu);
                      int at = b.length - (m.isMultipart() ? 2 : 1);
                      assertEquals(0x84, b[at - 1] & 0xFF);
                      assertEquals(0x80 | code, b[at] & 0xFF);
                      assertEquals(pdu, PduCodec.decode(b, DecodeConfig.STRICT));
                    }));
  }

  @Test
  void registeredMediaNumberUsesTheGeneralForm() throws Exception {
    Pdu pdu =
        RetrieveConf.builder()
            .date(Instant.EPOCH)
            .body(ContentType.of(MediaType.valueOf(0x0201)), SinglePartBody.of(new byte[0]))
            .build();
    assertTrue(hexOf(PduCodec.encode(pdu), 0).endsWith("8403020201"));
    assertEquals(pdu, PduCodec.decode(PduCodec.encode(pdu), DecodeConfig.STRICT));
  }

  @Test
  void wellKnownParametersUseTheCodesMmsSendersUse() {
    assertEquals(
        Parameter.WellKnown.CHARSET,
        Parameter.of("charset", CharacterSet.UTF_8).wellKnown().orElseThrow());
    assertEquals(Parameter.WellKnown.NAME_1_1, Parameter.of("Name", "a").wellKnown().orElseThrow());
    assertEquals(
        Parameter.WellKnown.FILENAME_1_1, Parameter.of("filename", "a").wellKnown().orElseThrow());
    assertEquals(
        Parameter.WellKnown.TYPE,
        Parameter.of("type", MediaType.APPLICATION_SMIL).wellKnown().orElseThrow());
    assertEquals(
        Parameter.WellKnown.START_1_2, Parameter.of("start", "<a>").wellKnown().orElseThrow());
    assertEquals(0x01, Parameter.WellKnown.CHARSET.code());
    assertEquals(0x05, Parameter.WellKnown.NAME_1_1.code());
    assertEquals(0x06, Parameter.WellKnown.FILENAME_1_1.code());
    assertEquals(0x09, Parameter.WellKnown.TYPE.code());
    assertEquals(0x0A, Parameter.WellKnown.START_1_2.code());
  }

  @Test
  void partHeadersOfTheSpecificationExamples() throws Exception {
    // One part: image/jpeg (9E), Content-ID "<smil>" (C0 22 ...), Content-Location (8E),
    // Content-Disposition attachment; filename="IMG_6807.jpg" (AE 0F 81 86 ...), 2 data octets.
    String headers =
        "9E"
            + "C0 22 3C 73 6D 69 6C 3E 00"
            + "8E"
            + ascii("img1.jpg")
            + "00"
            + "AE 0F 81 86"
            + ascii("IMG_6807.jpg")
            + "00";
    int headersLen = hex(headers).length;
    String body = "01" + String.format("%02X", headersLen) + "02" + headers + "FFD8";
    Part expected =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG))
            .data(new byte[] {(byte) 0xFF, (byte) 0xD8})
            .contentId("<smil>")
            .contentLocation("img1.jpg")
            .addHeader(PartHeader.contentDisposition(ContentDisposition.attachment("IMG_6807.jpg")))
            .build();
    MultipartBody decoded =
        MultipartBody.decode(hex(body), 0, hex(body).length, DecodeConfig.STRICT);
    assertEquals(MultipartBody.of(expected), decoded);
    Part p = decoded.parts().get(0);
    assertEquals("<smil>", p.contentId().orElseThrow());
    assertEquals("img1.jpg", p.contentLocation().orElseThrow());
    assertEquals("IMG_6807.jpg", p.name().orElseThrow());
    assertEquals(
        body.replace(" ", "").toUpperCase(Locale.ROOT),
        HexFormat.of()
            .formatHex(PduGenerators.toBytes(MultipartBody.of(expected)))
            .toUpperCase(Locale.ROOT));
  }

  @Test
  void dispositionTokensAndTheWsp14Code() throws Exception {
    for (String[] t :
        new String[][] {{"form-data", "80"}, {"attachment", "81"}, {"inline", "82"}}) {
      Part p =
          Part.builder()
              .contentType(ContentType.of(MediaType.TEXT_PLAIN))
              .data(new byte[0])
              .addHeader(PartHeader.contentDisposition(new ContentDisposition(t[0], List.of())))
              .build();
      String wire =
          HexFormat.of()
              .formatHex(PduGenerators.toBytes(MultipartBody.of(p)))
              .toUpperCase(Locale.ROOT);
      assertEquals("010400" + "83AE01" + t[1], wire);
    }
    // C5 (WSP 1.4 encoding) decodes too.
    byte[] b = hex("01 04 00 83 C5 01 82");
    assertEquals(
        ContentDisposition.inline(),
        MultipartBody.decode(b, 0, b.length, DecodeConfig.STRICT)
            .parts()
            .get(0)
            .contentDisposition()
            .orElseThrow());
  }

  @Test
  void textualPartHeaderCarriesTransferEncoding() throws Exception {
    Part p =
        Part.builder()
            .contentType(ContentType.of(MediaType.TEXT_PLAIN))
            .data(new byte[0])
            .addHeader(PartHeader.text("Content-Transfer-Encoding", "base64"))
            .build();
    byte[] b = PduGenerators.toBytes(MultipartBody.of(p));
    assertEquals(
        "base64",
        MultipartBody.decode(b, 0, b.length, DecodeConfig.STRICT)
            .parts()
            .get(0)
            .header("content-transfer-encoding")
            .orElseThrow()
            .value());
  }

  @Test
  void parameterTextStartingWithADoubleQuoteSurvives() throws Exception {
    // Text-value: a text starting with '"' would be read as a Quoted-string and lose that quote.
    for (Parameter prm :
        List.of(Parameter.of("name", "\"quoted\""), Parameter.untyped("x", "\"y"))) {
      Part p = Part.of(ContentType.of(MediaType.TEXT_PLAIN, List.of(prm)), new byte[0]);
      byte[] b = PduGenerators.toBytes(MultipartBody.of(p));
      assertEquals(
          prm,
          MultipartBody.decode(b, 0, b.length, DecodeConfig.STRICT)
              .parts()
              .get(0)
              .contentType()
              .parameters()
              .get(0));
    }
  }

  @Test
  void applicationHeaderAndUnassignedCode() throws Exception {
    both(
        HeaderField.application("X-Scanned-By"),
        "MIMEDefang",
        ascii("X-Scanned-By") + "00" + ascii("MIMEDefang") + "00");
    Header raw =
        Header.ofRaw(
            HeaderField.valueOf(0x50),
            org.mmsstack.encapsulation.value.RawValue.of(hex("02 01 02")));
    assertEquals("D0020102", encodeHeader(raw));
    Header back = PduCodec.decode(hex(PREFIX + "D0020102")).headers().get(2);
    assertEquals(raw, back);
    assertTrue(!back.field().isKnown());
  }

  private static String ascii(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII)).toUpperCase(Locale.ROOT);
  }
}
