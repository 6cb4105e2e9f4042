package org.mmsstack.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.capture.CaptureConfig;
import org.mmsstack.capture.CaptureFormatException;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureResult;
import org.mmsstack.capture.CapturedPdu;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.encapsulation.validate.PduValidator;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;

/**
 * Spark in local mode over an archive of captures written from the corpus: every row against
 * what the capture reader reads directly from the same file, and the validation job end to end.
 * One session for the class (starting Spark takes seconds).
 */
class CaptureDatasetsTest {

  @TempDir static Path work;
  private static Path archive;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws IOException {
    archive = work.resolve("archive");
    java.nio.file.Files.createDirectories(archive);
    TestArchive.write(archive);
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("mms-spark tests")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            // Tiny data: compiling generated code and re-planning cost more than they save.
            .config("spark.sql.shuffle.partitions", "1")
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static String relative(String file) {
    String root = archive.toString() + "/";
    int at = file.indexOf(root);
    assertTrue(at >= 0, file);
    return file.substring(at + root.length());
  }

  private static Map<String, List<Row>> byFile(List<Row> rows) {
    Map<String, List<Row>> out = new TreeMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(relative(r.getAs("file")), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  @Test
  void everyRowIsWhatTheCaptureReaderReadsDirectly() throws IOException {
    Dataset<Row> ds = CaptureDatasets.read(spark, SparkCaptureConfig.DEFAULT, archive.toString());
    assertEquals(
        TestArchive.FILES.size(), ds.rdd().getNumPartitions(), "one partition per capture file");
    Map<String, List<Row>> rows = byFile(ds.collectAsList());
    assertEquals(TestArchive.FILES, List.copyOf(rows.keySet()));
    Set<CapturedPdu.Transport> transports = EnumSet.noneOf(CapturedPdu.Transport.class);
    Set<String> codes = new TreeSet<>();
    int compared = 0;
    for (String name : TestArchive.FILES) {
      Path file = archive.resolve(name);
      List<Row> got = rows.get(name);
      List<CapturedPdu> pdus = new ArrayList<>();
      CaptureResult direct;
      try {
        direct = CaptureReader.read(file, CaptureConfig.DEFAULT, pdus::add);
      } catch (CaptureFormatException e) {
        assertEquals(1, got.size(), name);
        assertCaptureRow(got.get(0), List.of(e.reason().code()), name);
        codes.add(e.reason().code());
        continue;
      }
      int expected = pdus.size() + (direct.findings().isEmpty() ? 0 : 1);
      assertEquals(expected, got.size(), name);
      for (int i = 0; i < pdus.size(); i++) {
        assertPduRow(pdus.get(i), got.get(i), name + " row " + i);
        transports.add(pdus.get(i).transport());
        compared++;
      }
      if (!direct.findings().isEmpty()) {
        List<String> c = new ArrayList<>();
        direct.findings().forEach(f -> c.add(f.code()));
        assertCaptureRow(got.get(got.size() - 1), c, name);
        codes.addAll(c);
      }
    }
    assertEquals(
        EnumSet.of(
            CapturedPdu.Transport.HTTP, CapturedPdu.Transport.WSP, CapturedPdu.Transport.SMTP),
        transports);
    assertTrue(compared > 100, "rows compared: " + compared);
    assertTrue(
        codes.contains("not-a-capture") && codes.contains("truncated-capture"), codes.toString());
  }

  private static void assertCaptureRow(Row r, List<String> codes, String what) {
    assertEquals("CAPTURE", r.getAs("kind"), what);
    assertEquals("NONE", r.getAs("transport"), what);
    assertEquals(0L, (long) r.getAs("frame"), what);
    List<String> got = new ArrayList<>();
    for (Row f : r.<Row>getList(r.fieldIndex("findings"))) {
      got.add(f.getAs("code"));
    }
    assertEquals(codes, got, what);
  }

  private static void assertPduRow(CapturedPdu p, Row r, String what) {
    assertEquals(p.frame(), (long) r.getAs("frame"), what);
    assertEquals(
        p.timestamp().orElseThrow().truncatedTo(ChronoUnit.MICROS), r.<Instant>getAs("time"), what);
    assertEquals(p.transport().name(), r.getAs("transport"), what);
    assertEquals(p.source().orElseThrow().host(), r.getAs("sourceAddress"), what);
    assertEquals(p.source().orElseThrow().port(), (int) r.getAs("sourcePort"), what);
    assertEquals(p.destination().orElseThrow().host(), r.getAs("destinationAddress"), what);
    assertEquals(p.destination().orElseThrow().port(), (int) r.getAs("destinationPort"), what);
    assertEquals(p.description(), r.getAs("description"), what);
    assertEquals(p.dataSize(), (int) r.getAs("size"), what);
    List<Row> findings = r.getList(r.fieldIndex("findings"));
    int[] counts = new int[Severity.values().length];
    for (Row f : findings) {
      counts[Severity.valueOf(f.getAs("severity")).ordinal()]++;
    }
    assertEquals(counts[Severity.ERROR.ordinal()], (int) r.getAs("errors"), what);
    assertEquals(counts[Severity.WARNING.ordinal()], (int) r.getAs("warnings"), what);
    assertEquals(counts[Severity.INFO.ordinal()], (int) r.getAs("infos"), what);
    if (p.kind() == CapturedPdu.Kind.MM4_MAIL) {
      assertEquals("MM4_MAIL", r.getAs("kind"), what);
      Mm4Message m;
      try {
        m = Mm4Codec.decode(p.dataBytes());
      } catch (Mm4FormatException e) {
        assertNull(r.getAs("messageType"), what);
        return;
      }
      assertEquals(m.messageType().token(), r.getAs("messageType"), what);
      assertEquals(m.transactionId().orElse(null), r.getAs("transactionId"), what);
      assertEquals(m.messageId().orElse(null), r.getAs("messageId"), what);
      assertEquals(m.subject().orElse(null), r.getAs("subject"), what);
      assertEquals(m.to().size(), r.getList(r.fieldIndex("to")).size(), what);
      Set<String> expected = new TreeSet<>();
      m.findings().forEach(f -> expected.add(f.code() + "@" + f.line()));
      Set<String> got = new TreeSet<>();
      findings.forEach(f -> got.add(f.getAs("code") + "@" + (f.isNullAt(3) ? 0L : f.getLong(3))));
      assertEquals(expected, got, what);
      return;
    }
    assertEquals("MMS_PDU", r.getAs("kind"), what);
    // The findings are the codec's validator's, finding for finding.
    List<Finding> expected = PduValidator.validate(p.dataBytes()).findings();
    assertEquals(expected.size(), findings.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      Finding e = expected.get(i);
      Row f = findings.get(i);
      String at = what + " finding " + i;
      assertEquals(e.severity().name(), f.getAs("severity"), at);
      assertEquals(e.code(), f.getAs("code"), at);
      assertEquals(e.hasOffset() ? e.offset() : null, f.getAs("offset"), at);
      assertEquals(e.header().orElse(null), f.getAs("header"), at);
      assertEquals(e.message(), f.getAs("message"), at);
    }
    Pdu pdu;
    try {
      pdu = PduCodec.decode(p.dataBytes(), DecodeConfig.LENIENT);
    } catch (PduFormatException e) {
      assertNull(r.getAs("messageType"), what);
      return;
    }
    assertEquals(pdu.messageType().wireName(), r.getAs("messageType"), what);
    assertEquals(pdu.transactionId().orElse(null), r.getAs("transactionId"), what);
    assertEquals(pdu.mmsVersion().map(Object::toString).orElse(null), r.getAs("mmsVersion"), what);
  }

  @Test
  void validateCapturesWritesParquetRowsAndSummaries() throws IOException {
    Path out = work.resolve("out");
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        ValidateCaptures.run(
            spark,
            new String[] {archive.toString(), out.toString()},
            new PrintStream(text, true, StandardCharsets.UTF_8),
            new PrintStream(errors, true, StandardCharsets.UTF_8));
    String printed = text.toString(StandardCharsets.UTF_8);
    assertEquals(ValidateCaptures.EXIT_FINDINGS, status, printed + errors);

    long pdus = 0;
    long mm4 = 0;
    long findings = 0;
    long rows = 0;
    for (String name : TestArchive.FILES) {
      List<CapturedPdu> found = new ArrayList<>();
      CaptureResult r;
      try {
        r = CaptureReader.read(archive.resolve(name), CaptureConfig.DEFAULT, found::add);
      } catch (CaptureFormatException e) {
        rows++;
        findings++;
        continue;
      }
      for (CapturedPdu p : found) {
        if (p.kind() == CapturedPdu.Kind.MM4_MAIL) {
          mm4++;
        } else {
          pdus++;
          findings += PduValidator.validate(p.dataBytes()).findings().size();
        }
      }
      rows += found.size() + (r.findings().isEmpty() ? 0 : 1);
      findings += r.findings().size();
    }
    // One job per table read back: each costs seconds on a loaded machine.
    Dataset<Row> written = spark.read().parquet(out.resolve("pdus").toString());
    assertEquals(
        List.of(CaptureDatasets.SCHEMA.fieldNames()), List.of(written.schema().fieldNames()));
    List<Row> all = written.collectAsList();
    assertEquals(rows, all.size());
    long pduRows = 0;
    long mm4Findings = 0;
    for (Row r : all) {
      if ("MMS_PDU".equals(r.getAs("kind"))) {
        pduRows++;
      } else if ("MM4_MAIL".equals(r.getAs("kind"))) {
        mm4Findings += r.getList(r.fieldIndex("findings")).size();
      }
    }
    assertEquals(pdus, pduRows, "PDU rows in the Parquet output");

    List<Row> byFile =
        spark.read().parquet(out.resolve("summary/by-file").toString()).collectAsList();
    assertEquals(TestArchive.FILES.size(), byFile.size());
    long pdusByFile = 0;
    for (Row r : byFile) {
      pdusByFile += r.<Long>getAs("pdus");
    }
    assertEquals(pdus, pdusByFile);
    long byCode = 0;
    for (Row r : spark.read().parquet(out.resolve("summary/by-code").toString()).collectAsList()) {
      byCode += r.<Long>getAs("findings");
    }
    assertEquals(findings + mm4Findings, byCode);

    ValidateCaptures.Summary s = new ValidateCaptures.Summary(0, pdus, mm4, Map.of(), 0, 0, 0, 0);
    assertTrue(printed.contains(String.format("  %-22s %8d%n", "PDUs", s.pdus())), printed);
    assertTrue(
        printed.contains(String.format("  %-22s %8d%n", "MM4 messages", s.mm4Messages())), printed);
    assertTrue(
        printed.contains(String.format("  %-22s %8d%n", "files", TestArchive.FILES.size())),
        printed);
    assertTrue(printed.contains("m-send-req"), printed);
  }

  @Test
  void strictModeFailsTheTaskAtTheFirstError() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                CaptureDatasets.read(
                        spark, SparkCaptureConfig.STRICT, archive.resolve("http.pcap").toString())
                    .count());
    assertTrue(String.valueOf(e.getMessage()).contains("http.pcap"), e.toString());
  }

  @Test
  void aPathThatMatchesNothingIsRefusedBeforeAnyTask() {
    assertThrows(
        FileNotFoundException.class,
        () ->
            CaptureDatasets.read(
                spark, SparkCaptureConfig.DEFAULT, work.resolve("nowhere").toString()));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(
        ValidateCaptures.EXIT_USAGE,
        ValidateCaptures.run(
            spark,
            new String[] {work.resolve("nowhere").toString(), work.resolve("o2").toString()},
            ps,
            ps));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("no such file"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(
        ValidateCaptures.EXIT_USAGE,
        ValidateCaptures.run(spark, new String[] {"only-one"}, ps, ps));
  }
}
