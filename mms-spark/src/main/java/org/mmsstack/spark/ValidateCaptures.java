package org.mmsstack.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The validation job for capture archives:
 *
 * <pre>
 * spark-submit --class org.mmsstack.spark.ValidateCaptures mms-spark-job.jar [--strict] IN... OUT
 * </pre>
 *
 * <p>Reads every capture file at the {@code IN} paths ({@link CaptureDatasets#read}), writes one
 * row per PDU as Parquet under {@code OUT/pdus} ({@link CaptureDatasets#SCHEMA}) and three summary
 * tables, each as Parquet: {@code OUT/summary/by-code} (severity, code, findings, rows, files),
 * {@code OUT/summary/by-message-type} (kind, messageType, rows, rowsWithErrors, errors, warnings,
 * infos) and {@code OUT/summary/by-file} (file, pdus, mm4Messages, octets, rowsWithErrors,
 * errors, warnings, infos). {@code OUT} must not exist yet. Prints a short summary on standard
 * output. Exit status 0 when no finding is an ERROR, 1 otherwise, 2 for a usage error or input
 * that cannot be listed.
 *
 * <p>Stateless; {@link #run} may be called from several threads with different outputs.
 */
public final class ValidateCaptures {

  /** The exit status when no finding has severity ERROR. */
  public static final int EXIT_OK = 0;

  /** The exit status when findings of severity ERROR were found. */
  public static final int EXIT_FINDINGS = 1;

  /** The exit status for a usage error or inputs that cannot be listed. */
  public static final int EXIT_USAGE = 2;

  private ValidateCaptures() {}

  /**
   * What a run found.
   *
   * @param files capture files read
   * @param pdus MMS PDUs found
   * @param mm4Messages MM4 mails found
   * @param pdusByType PDUs and mails by message type (an undecodable one under {@code ""}),
   *     ordered by type
   * @param errors findings of severity ERROR (of PDUs, mails and captures)
   * @param warnings findings of severity WARNING
   * @param infos findings of severity INFO
   * @param rowsWithErrors rows with at least one ERROR finding
   */
  public record Summary(
      long files,
      long pdus,
      long mm4Messages,
      Map<String, Long> pdusByType,
      long errors,
      long warnings,
      long infos,
      long rowsWithErrors) {

    /** Copies the map. */
    public Summary {
      pdusByType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pdusByType));
    }
  }

  /** Runs the job under spark-submit; exits with {@link #run(SparkSession, String[], PrintStream, PrintStream)}'s status. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status;
    SparkSession spark = null;
    try {
      if (args.length < 2) {
        status = usage(err);
      } else {
        spark = SparkSession.builder().appName("mms ValidateCaptures").getOrCreate();
        status = run(spark, args, out, err);
      }
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
    System.exit(status);
  }

  private static int usage(PrintStream err) {
    err.println(
        "usage: spark-submit --class org.mmsstack.spark.ValidateCaptures mms-spark-job.jar"
            + " [--strict] IN... OUT");
    return EXIT_USAGE;
  }

  /**
   * Runs the job with the command-line arguments ({@code [--strict] IN... OUT}) on {@code spark},
   * printing the summary to {@code out} and problems to {@code err}; returns the exit status.
   */
  public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
    List<String> in = new ArrayList<>(List.of(args));
    SparkCaptureConfig config = SparkCaptureConfig.DEFAULT;
    if (!in.isEmpty() && in.get(0).equals("--strict")) {
      config = SparkCaptureConfig.STRICT;
      in.remove(0);
    }
    if (in.size() < 2 || in.stream().anyMatch(a -> a.startsWith("--"))) {
      return usage(err);
    }
    String output = in.remove(in.size() - 1);
    Summary s;
    try {
      s = run(spark, in, output, config);
    } catch (IOException e) {
      err.println("mms-spark: " + e.getMessage());
      return EXIT_USAGE;
    }
    print(s, output, out);
    return s.errors() > 0 ? EXIT_FINDINGS : EXIT_OK;
  }

  /**
   * Validates the captures at {@code inputs}, writes the rows and summary tables under {@code
   * output} (which must not exist) and returns what was found.
   *
   * @throws IOException if an input cannot be listed
   */
  public static Summary run(
      SparkSession spark, List<String> inputs, String output, SparkCaptureConfig config)
      throws IOException {
    String base = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
    CaptureDatasets.read(spark, config, inputs.toArray(new String[0]))
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(base + "/pdus");
    // The summaries come from what was written: the captures are read once.
    Dataset<Row> rows = spark.read().parquet(base + "/pdus");
    long files =
        inputs.isEmpty()
            ? 0
            : CaptureDatasets.list(
                    spark.sparkContext().hadoopConfiguration(), config.recursive(), inputs)
                .size();

    Dataset<Row> findings = rows.select(col("file"), explode(col("findings")).as("f"));
    findings
        .groupBy(col("f.severity").as("severity"), col("f.code").as("code"))
        .agg(count(lit(1)).as("findings"), size(collect_set(col("file"))).as("files"))
        .coalesce(1)
        .sortWithinPartitions(col("findings").desc(), col("code"))
        .write()
        .parquet(base + "/summary/by-code");

    Dataset<Row> byType =
        rows.groupBy(col("kind"), col("messageType"))
            .agg(
                count(lit(1)).as("rows"),
                sum(when(col("errors").gt(0), 1).otherwise(0)).as("rowsWithErrors"),
                sum(col("errors")).as("errors"),
                sum(col("warnings")).as("warnings"),
                sum(col("infos")).as("infos"))
            .coalesce(1)
            .sortWithinPartitions(col("kind"), col("messageType"));
    byType.write().parquet(base + "/summary/by-message-type");

    rows.groupBy(col("file"))
        .agg(
            sum(when(col("kind").equalTo("MMS_PDU"), 1).otherwise(0)).as("pdus"),
            sum(when(col("kind").equalTo("MM4_MAIL"), 1).otherwise(0)).as("mm4Messages"),
            sum(col("size")).as("octets"),
            sum(when(col("errors").gt(0), 1).otherwise(0)).as("rowsWithErrors"),
            sum(col("errors")).as("errors"),
            sum(col("warnings")).as("warnings"),
            sum(col("infos")).as("infos"))
        .coalesce(1)
        .sortWithinPartitions(col("file"))
        .write()
        .parquet(base + "/summary/by-file");

    Map<String, Long> types = new LinkedHashMap<>();
    long pdus = 0;
    long mm4 = 0;
    long errors = 0;
    long warnings = 0;
    long infos = 0;
    long withErrors = 0;
    for (Row r : spark.read().parquet(base + "/summary/by-message-type").collectAsList()) {
      String kind = r.getString(r.fieldIndex("kind"));
      long n = r.getLong(r.fieldIndex("rows"));
      errors += r.getLong(r.fieldIndex("errors"));
      warnings += r.getLong(r.fieldIndex("warnings"));
      infos += r.getLong(r.fieldIndex("infos"));
      withErrors += r.getLong(r.fieldIndex("rowsWithErrors"));
      if (kind.equals(PduRecord.Kind.CAPTURE.name())) {
        continue;
      }
      if (kind.equals(PduRecord.Kind.MMS_PDU.name())) {
        pdus += n;
      } else {
        mm4 += n;
      }
      int t = r.fieldIndex("messageType");
      types.merge(r.isNullAt(t) ? "" : r.getString(t), n, Long::sum);
    }
    return new Summary(files, pdus, mm4, types, errors, warnings, infos, withErrors);
  }

  private static void print(Summary s, String output, PrintStream out) {
    out.println("Summary");
    out.printf("  %-22s %8d%n", "files", s.files());
    out.printf("  %-22s %8d%n", "PDUs", s.pdus());
    out.printf("  %-22s %8d%n", "MM4 messages", s.mm4Messages());
    s.pdusByType()
        .forEach((t, n) -> out.printf("    %-20s %8d%n", t.isEmpty() ? "(not decodable)" : t, n));
    out.printf("  %-22s %8d  (in %d rows)%n", "errors", s.errors(), s.rowsWithErrors());
    out.printf("  %-22s %8d%n", "warnings", s.warnings());
    out.printf("  %-22s %8d%n", "info", s.infos());
    out.println(
        "Rows: "
            + output
            + "/pdus; summaries: "
            + output
            + "/summary/{by-code,by-message-type,by-file}");
  }
}
