package org.mmsstack.routing.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingDataFormatException.Reason;

class RoutingTableFormatTest {

  private static final String SAMPLE =
      String.join(
          "\n",
          "# routing data of the north region",
          "mms-routing-table 1",
          "version 42 2026-11-25.a",
          "",
          "default reject unknown-recipient   # anything not listed",
          "prefix 49 relay rs-north",
          "prefix +4917 relay rs-south",
          "\tprefix 491711\trelay rs-east",
          "prefix 4930 mmse MMS.mnc002.mcc262.gprs",
          "prefix 4919 reject barred",
          "number 4917112345678 relay rs-west",
          "domain Example.COM relay rs-mail",
          "domain north.example.com relay rs-north",
          "");

  private static String text(RoutingTable t) {
    return new String(RoutingTableCodec.encode(t), StandardCharsets.US_ASCII);
  }

  private static Reason reason(Finding f) {
    return Reason.fromCode(f.code()).orElseThrow();
  }

  @Test
  void parsesEveryStatement() throws Exception {
    RoutingTable t = RoutingTableCodec.decode(SAMPLE);
    assertEquals(TableVersion.of(42, "2026-11-25.a"), t.version());
    assertEquals(
        RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT), t.defaultRoute().orElseThrow());
    assertEquals(RouteTarget.relay("rs-east"), t.lookupNumber("+4917110"));
    assertEquals(RouteTarget.foreignMmse("mms.mnc002.mcc262.gprs"), t.lookupNumber("4930123"));
    assertEquals(RouteTarget.reject(RejectReason.BARRED), t.lookupNumber("4919123"));
    assertEquals(RouteTarget.relay("rs-west"), t.lookupNumber("4917112345678"));
    assertEquals(RouteTarget.relay("rs-mail"), t.lookupAddress("a@b.example.com"));
    assertEquals(5, t.prefixCount());
    assertEquals(1, t.overrideCount());
    assertEquals(2, t.domainCount());
  }

  @Test
  void writerOutputParsesToAnEqualTableAndIsStable() throws Exception {
    RoutingTable t = RoutingTableCodec.decode(SAMPLE);
    String text = text(t);
    RoutingTable again = RoutingTableCodec.decode(text);
    assertEquals(t, again);
    assertEquals(text, text(again));
    assertEquals(
        String.join(
            "\n",
            "mms-routing-table 1",
            "version 42 2026-11-25.a",
            "default reject unknown-recipient",
            "domain example.com relay rs-mail",
            "domain north.example.com relay rs-north",
            "prefix 49 relay rs-north",
            "prefix 4917 relay rs-south",
            "prefix 491711 relay rs-east",
            "prefix 4919 reject barred",
            "prefix 4930 mmse mms.mnc002.mcc262.gprs",
            "number 4917112345678 relay rs-west",
            ""),
        text);
  }

  @Test
  void roundTripsEveryTargetKindAndNoDefault() throws Exception {
    RoutingTableBuilder b = RoutingTable.builder(TableVersion.of(Long.MAX_VALUE));
    for (RejectReason r : RejectReason.values()) {
      b.prefix("1" + r.ordinal(), RouteTarget.reject(r));
    }
    b.prefix("0", RouteTarget.relay("a"))
        .override("000000000000000", RouteTarget.foreignMmse("x.y"));
    RoutingTable t = b.build();
    assertEquals(t, RoutingTableCodec.decode(text(t)));
  }

  @Test
  void fileAndStreamAndBytesGiveTheSameTable(@TempDir Path dir) throws Exception {
    RoutingTable t = RoutingTableCodec.decode(SAMPLE);
    Path file = dir.resolve("routing.table");
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      RoutingTableCodec.encode(t, out);
    }
    assertEquals(t, RoutingTableCodec.decode(file));
    assertEquals(t, RoutingTableCodec.decode(Files.readAllBytes(file)));
    assertEquals(t, RoutingTableCodec.decode(new OneByteStream(Files.readAllBytes(file))));
  }

  @Test
  void acceptsCrLfAndNoFinalNewline() throws Exception {
    String crlf = SAMPLE.replace("\n", "\r\n").trim();
    assertEquals(RoutingTableCodec.decode(SAMPLE), RoutingTableCodec.decode(crlf));
    assertEquals(
        RoutingTableCodec.decode(SAMPLE),
        RoutingTableCodec.decode(
            new ByteArrayInputStream(crlf.getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void largeTableRoundTripsThroughAStream() throws Exception {
    RoutingTableBuilder b = RoutingTable.builder(TableVersion.of(3));
    for (int i = 0; i < 50_000; i++) {
      b.prefix(Integer.toString(1_000_000 + i), RouteTarget.relay("rs-" + (i % 7)));
      b.override(Long.toString(44_000_000_000L + i * 7L), RouteTarget.relay("rs-" + (i % 3)));
    }
    RoutingTable t = b.build();
    byte[] text = text(t).getBytes(StandardCharsets.US_ASCII);
    assertEquals(t, RoutingTableCodec.decode(new ByteArrayInputStream(text)));
  }

  private static Finding only(String text) {
    RoutingDataFormatException e =
        assertThrows(RoutingDataFormatException.class, () -> RoutingTableCodec.decode(text));
    assertEquals(RoutingDataFormatException.Format.ROUTING_TABLE, e.format());
    assertEquals(1, e.findings().size(), e.getMessage());
    Finding f = e.findings().get(0);
    // The first problem's position and text, also on the exception itself.
    assertEquals(f.line(), e.line());
    assertEquals(f.column(), e.column());
    assertEquals(f.message(), e.detail());
    assertEquals(f.code(), e.reason().code());
    return f;
  }

  /** Serialised and read back, the exception keeps the first problem; the findings are not. */
  @Test
  void aSerialisedExceptionKeepsItsFirstProblem() throws Exception {
    RoutingDataFormatException e =
        assertThrows(
            RoutingDataFormatException.class,
            () -> RoutingTableCodec.decode(HEAD + "prefix 1 relay a\n\nprefix 1 relay b\n"));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
      o.writeObject(e);
    }
    RoutingDataFormatException back;
    try (java.io.ObjectInputStream i =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      back = (RoutingDataFormatException) i.readObject();
    }
    assertEquals(e.getMessage(), back.getMessage());
    assertEquals(e.reason(), back.reason());
    assertEquals(e.line(), back.line());
    assertEquals(e.column(), back.column());
    assertEquals(e.detail(), back.detail());
    assertEquals(List.of(), back.findings());
  }

  private static final String HEAD = "mms-routing-table 1\nversion 1\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MISSING_HEADER             | version 1\\n                                  | 1 | 1",
        "UNSUPPORTED_FORMAT_VERSION | mms-routing-table 2\\nversion 1\\n            | 1 | 19",
        "DUPLICATE_HEADER           | HEAD mms-routing-table 1\\n                   | 3 | 1",
        "MISSING_VERSION            | mms-routing-table 1\\nprefix 1 relay a\\n     | 2 | 1",
        "DUPLICATE_VERSION          | HEAD version 2\\n                             | 3 | 1",
        "INVALID_VERSION_NUMBER     | mms-routing-table 1\\nversion 1x\\n           | 2 | 9",
        "INVALID_VERSION_NUMBER     | mms-routing-table 1\\nversion 9223372036854775808\\n | 2 | 9",
        "INVALID_VERSION_LABEL      | mms-routing-table 1\\nversion 1 a/b\\n        | 2 | 12",
        "DUPLICATE_DEFAULT          | HEAD default relay a\\ndefault relay a\\n     | 4 | 1",
        "UNKNOWN_KEYWORD            | HEAD route 1 relay a\\n                       | 3 | 1",
        "MISSING_FIELD              | HEAD prefix 1 relay\\n                        | 3 | 15",
        "MISSING_FIELD              | mms-routing-table\\nversion 1\\n              | 1 | 18",
        "UNEXPECTED_FIELD           | HEAD prefix 1 relay a b\\n                    | 3 | 18",
        "UNEXPECTED_FIELD           | mms-routing-table 1\\nversion 1 a b\\n        | 2 | 13",
        "INVALID_DIGITS             | HEAD prefix 49a1 relay a\\n                   | 3 | 10",
        "INVALID_DIGITS             | HEAD number + relay a\\n                      | 3 | 9",
        "TOO_MANY_DIGITS            | HEAD number 1234567890123456 relay a\\n       | 3 | 23",
        "INVALID_DOMAIN             | HEAD domain a..b relay a\\n                   | 3 | 10",
        "INVALID_DOMAIN             | HEAD prefix 1 mmse a.b.\\n                    | 3 | 19",
        "INVALID_RELAY_ID           | HEAD prefix 1 relay Rs\\n                     | 3 | 16",
        "UNKNOWN_TARGET_KIND        | HEAD prefix 1 forward a\\n                    | 3 | 10",
        "UNKNOWN_REJECT_REASON      | HEAD prefix 1 reject nope\\n                  | 3 | 17",
        "DUPLICATE_PREFIX           | HEAD prefix 1 relay a\\nprefix +1 relay b\\n  | 4 | 8",
        "DUPLICATE_NUMBER           | HEAD number 12 relay a\\nnumber 12 relay a\\n | 4 | 8",
        "DUPLICATE_DOMAIN           | HEAD domain a.b relay a\\ndomain A.B relay c\\n | 4 | 8",
        "INVALID_CHARACTER          | HEAD prefix 1 relay \u00e4\\n                   | 3 | 16",
        "INVALID_CHARACTER          | HEAD prefix 1\u0001 relay a\\n                  | 3 | 9",
      })
  void reportsEachReasonWithLineAndColumn(Reason reason, String text, int line, int column) {
    String input = text.replace("HEAD ", HEAD).replace("\\n", "\n");
    Finding p = only(input);
    assertEquals(reason, reason(p), p.toString());
    assertEquals(reason.code(), p.code(), p.toString());
    assertEquals(line, p.line(), p.toString());
    assertEquals(column, p.column(), p.toString());
  }

  @Test
  void emptyInputHasNoHeader() {
    assertEquals(Reason.MISSING_HEADER, reason(only("")));
    assertEquals(Reason.MISSING_HEADER, reason(only("# only a comment\n\n")));
    assertEquals(Reason.MISSING_VERSION, reason(only("mms-routing-table 1\n")));
  }

  @Test
  void duplicateNamesTheFirstLine() {
    Finding p = only(HEAD + "prefix 1 relay a\n\nprefix 1 relay b\n");
    assertTrue(p.message().contains("line 3"), p.message());
  }

  @Test
  void tooManyTargetsIsReported() {
    StringBuilder sb = new StringBuilder(HEAD);
    for (int i = 0; i < 16_383; i++) {
      sb.append("prefix ").append(100000 + i).append(" relay r").append(i).append('\n');
    }
    Finding p = only(sb.toString());
    assertEquals(Reason.TOO_MANY_TARGETS, reason(p));
    assertEquals(16_385, p.line());
  }

  @Test
  void lineAndEntryLimitsApply() throws Exception {
    RoutingDataConfig small =
        RoutingDataConfig.builder().maxLineLength(80).maxEntries(2).maxFindings(5).build();
    String longLine = HEAD + "# " + "x".repeat(100) + "\nprefix 1 relay a\n";
    RoutingDataFormatException e =
        assertThrows(
            RoutingDataFormatException.class, () -> RoutingTableCodec.decode(longLine, small));
    assertEquals(Reason.LINE_TOO_LONG, e.reason());
    assertEquals(3, e.line());
    e =
        assertThrows(
            RoutingDataFormatException.class,
            () ->
                RoutingTableCodec.decode(
                    new ByteArrayInputStream(longLine.getBytes(StandardCharsets.US_ASCII)), small));
    assertEquals(
        List.of(Reason.LINE_TOO_LONG),
        e.findings().stream().map(RoutingTableFormatTest::reason).toList());
    assertTrue(e.findings().get(0).message().contains("maxLineLength"), "names the setting");
    assertEquals(3, e.line());
    e =
        assertThrows(
            RoutingDataFormatException.class,
            () ->
                RoutingTableCodec.decode(
                    HEAD
                        + "prefix 1 relay a\nprefix 2 relay a\nprefix 3 relay a\nprefix 4 relay a\n",
                    small));
    assertEquals(Reason.TOO_MANY_ENTRIES, e.reason());
    assertEquals(5, e.line());
    assertThrows(
        IllegalArgumentException.class, () -> RoutingDataConfig.builder().maxLineLength(79));
  }

  @Test
  void reportsEveryErrorNotJustTheFirst() {
    String text =
        "mms-routing-table 1\nversion 5\nprefix 4x relay a\nbogus\nprefix 1 relay A\n"
            + "prefix 2 relay a\nprefix 2 relay b\nnumber 9 reject what\n";
    RoutingDataFormatException e =
        assertThrows(RoutingDataFormatException.class, () -> RoutingTableCodec.decode(text));
    assertEquals(List.of(3L, 4L, 5L, 7L, 8L), e.findings().stream().map(Finding::line).toList());
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    e.findings().forEach(p -> reasons.add(reason(p)));
    assertEquals(
        EnumSet.of(
            Reason.INVALID_DIGITS,
            Reason.UNKNOWN_KEYWORD,
            Reason.INVALID_RELAY_ID,
            Reason.DUPLICATE_PREFIX,
            Reason.UNKNOWN_REJECT_REASON),
        reasons);
    assertEquals(3, e.line());
    assertTrue(
        e.getMessage().startsWith("5 problems in routing table: line 3, column 9: invalid-digits"),
        e.getMessage());
  }

  @Test
  void problemListIsCappedButCounted() {
    StringBuilder sb = new StringBuilder(HEAD);
    for (int i = 0; i < 30; i++) {
      sb.append("bogus\n");
    }
    RoutingDataConfig p = RoutingDataConfig.builder().maxEntries(100).maxFindings(10).build();
    RoutingDataFormatException e =
        assertThrows(
            RoutingDataFormatException.class, () -> RoutingTableCodec.decode(sb.toString(), p));
    assertEquals(10, e.findings().size());
    assertEquals(20, e.unreportedCount());
  }

  /** Delivers one byte per read, to exercise line assembly across reads. */
  private static final class OneByteStream extends InputStream {
    private final byte[] data;
    private int pos;

    OneByteStream(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= data.length) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      b[off] = data[pos++];
      return 1;
    }
  }
}
