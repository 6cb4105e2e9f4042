package org.mmsstack.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;
import org.mmsstack.capture.Endpoint;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Capture files at any Hadoop-compatible path (local, {@code hdfs://}, {@code s3a://}) as a Spark
 * {@link Dataset} with one row per MMS PDU or MM4 mail ({@link #SCHEMA}).
 *
 * <pre>{@code
 * Dataset<Row> pdus = CaptureDatasets.read(spark, SparkCaptureConfig.DEFAULT, "hdfs://nn/caps/2026-12-01");
 * pdus.filter("errors > 0").groupBy("messageType").count().show();
 * }</pre>
 *
 * <p>The files are listed on the driver; each becomes one partition, read by one task, which opens
 * it through Hadoop's {@link FileSystem} and streams it through {@link CaptureRecords}: a file is
 * never loaded whole, and a task's memory is bounded by {@link SparkCaptureConfig#capture()}
 * whatever the file's size. Rows are produced as the file is read (the reading runs one file
 * ahead of the rows by at most a small queue). Hidden files (names starting with {@code .} or
 * {@code _}, such as {@code _SUCCESS}) are skipped when a directory is listed.
 *
 * <p>Each call reads the files anew when the dataset is evaluated: persist it, or write it (as
 * {@link ValidateCaptures} does), before running several actions on a large archive.
 *
 * <p>Stateless and thread-safe.
 */
public final class CaptureDatasets {

  /** Rows a task keeps ready ahead of Spark's consumption of its partition. */
  private static final int QUEUE = 256;

  /** The element type of the {@code findings} column. */
  public static final StructType FINDING =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("severity", DataTypes.StringType, false),
            DataTypes.createStructField("code", DataTypes.StringType, false),
            DataTypes.createStructField("offset", DataTypes.LongType, true),
            DataTypes.createStructField("line", DataTypes.LongType, true),
            DataTypes.createStructField("header", DataTypes.StringType, true),
            DataTypes.createStructField("message", DataTypes.StringType, false)
          });

  /**
   * The rows' schema, column for column the components of {@link PduRecord}: {@code file},
   * {@code frame}, {@code time} (timestamp), {@code kind} ({@code MMS_PDU}, {@code MM4_MAIL},
   * {@code CAPTURE}), {@code transport} ({@code HTTP}, {@code WSP}, {@code SMTP}, {@code NONE}),
   * {@code sourceAddress}, {@code sourcePort}, {@code destinationAddress}, {@code
   * destinationPort}, {@code description}, {@code messageType}, {@code transactionId}, {@code
   * messageId}, {@code from}, {@code to} (array of strings), {@code subject}, {@code
   * contentLocation}, {@code size}, {@code mmsVersion}, {@code errors}, {@code warnings}, {@code
   * infos} (the finding counts by severity) and {@code findings} (array of {@link #FINDING}:
   * severity, code, offset and line (null when unknown), header, message). Absent values are
   * null.
   */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("frame", DataTypes.LongType, false),
            DataTypes.createStructField("time", DataTypes.TimestampType, true),
            DataTypes.createStructField("kind", DataTypes.StringType, false),
            DataTypes.createStructField("transport", DataTypes.StringType, false),
            DataTypes.createStructField("sourceAddress", DataTypes.StringType, true),
            DataTypes.createStructField("sourcePort", DataTypes.IntegerType, true),
            DataTypes.createStructField("destinationAddress", DataTypes.StringType, true),
            DataTypes.createStructField("destinationPort", DataTypes.IntegerType, true),
            DataTypes.createStructField("description", DataTypes.StringType, false),
            DataTypes.createStructField("messageType", DataTypes.StringType, true),
            DataTypes.createStructField("transactionId", DataTypes.StringType, true),
            DataTypes.createStructField("messageId", DataTypes.StringType, true),
            DataTypes.createStructField("from", DataTypes.StringType, true),
            DataTypes.createStructField(
                "to", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("subject", DataTypes.StringType, true),
            DataTypes.createStructField("contentLocation", DataTypes.StringType, true),
            DataTypes.createStructField("size", DataTypes.IntegerType, false),
            DataTypes.createStructField("mmsVersion", DataTypes.StringType, true),
            DataTypes.createStructField("errors", DataTypes.IntegerType, false),
            DataTypes.createStructField("warnings", DataTypes.IntegerType, false),
            DataTypes.createStructField("infos", DataTypes.IntegerType, false),
            DataTypes.createStructField(
                "findings", DataTypes.createArrayType(FINDING, false), false)
          });

  private CaptureDatasets() {}

  /**
   * The rows of every capture file at {@code paths}: a file, a directory (its files, recursively
   * when {@link SparkCaptureConfig#recursive()}) or a glob, on any file system Hadoop knows.
   *
   * @throws FileNotFoundException if a path matches nothing
   * @throws IOException if listing fails
   */
  public static Dataset<Row> read(SparkSession spark, SparkCaptureConfig config, String... paths)
      throws IOException {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(config, "config");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<String> files = list(hadoop, config.recursive(), List.of(paths));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // As many slices as files: each slice (partition, task) holds exactly one file.
    JavaRDD<Row> rows =
        jsc.parallelize(files, Math.max(1, files.size()))
            .mapPartitions(new ReadFiles(new HadoopConf(hadoop), config));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * The files at {@code paths}, sorted within each path, as fully qualified path strings;
   * directories are listed (recursively when {@code recursive}), hidden names skipped.
   *
   * @throws FileNotFoundException if a path matches nothing
   * @throws IllegalArgumentException if {@code paths} is empty
   */
  public static List<String> list(Configuration hadoop, boolean recursive, List<String> paths)
      throws IOException {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("paths: [] (expected: at least one path)");
    }
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      Path path = new Path(p);
      FileSystem fs = path.getFileSystem(hadoop);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new FileNotFoundException(p + ": no such file or directory");
      }
      List<String> found = new ArrayList<>();
      for (FileStatus s : matches) {
        if (s.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(s.getPath(), recursive);
          while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (f.isFile() && !hidden(s.getPath(), f.getPath())) {
              found.add(f.getPath().toString());
            }
          }
        } else {
          found.add(s.getPath().toString());
        }
      }
      found.sort(null);
      out.addAll(found);
    }
    return out;
  }

  /** Whether a name below {@code root} (the file's or a directory's on the way) is hidden. */
  private static boolean hidden(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String n = p.getName();
      if (n.startsWith(".") || n.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /** The Spark row of a record, in {@link #SCHEMA}'s column order. */
  public static Row toRow(PduRecord r) {
    List<Row> findings = new ArrayList<>(r.findings().size());
    for (Finding f : r.findings()) {
      findings.add(
          RowFactory.create(
              f.severity().name(),
              f.code(),
              f.hasOffset() ? f.offset() : null,
              f.line() != Finding.NO_LINE ? f.line() : null,
              f.header().orElse(null),
              f.message()));
    }
    return RowFactory.create(
        r.file(),
        r.frame(),
        r.timestamp().orElse(null),
        r.kind().name(),
        r.transport().name(),
        r.source().map(Endpoint::host).orElse(null),
        r.source().map(Endpoint::port).orElse(null),
        r.destination().map(Endpoint::host).orElse(null),
        r.destination().map(Endpoint::port).orElse(null),
        r.description(),
        r.messageType().orElse(null),
        r.transactionId().orElse(null),
        r.messageId().orElse(null),
        r.from().orElse(null),
        seq(r.to()),
        r.subject().orElse(null),
        r.contentLocation().orElse(null),
        r.size(),
        r.mmsVersion().orElse(null),
        r.count(Severity.ERROR),
        r.count(Severity.WARNING),
        r.count(Severity.INFO),
        seq(findings));
  }

  /** Spark's external form of an array column is a Scala sequence. */
  private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toSeq();
  }

  /** The task: the rows of the partition's files, each file streamed. */
  private static final class ReadFiles implements FlatMapFunction<Iterator<String>, Row> {
    private static final long serialVersionUID = 1L;
    private final HadoopConf hadoop;
    private final SparkCaptureConfig config;

    ReadFiles(HadoopConf hadoop, SparkCaptureConfig config) {
      this.hadoop = hadoop;
      this.config = config;
    }

    @Override
    public Iterator<Row> call(Iterator<String> files) {
      return new FileRows(files, hadoop.get(), config);
    }
  }

  /**
   * Rows read by a producer thread into a bounded queue, file after file: the capture reader
   * pushes, Spark pulls. The thread stops when the task ends, however it ends.
   */
  private static final class FileRows implements Iterator<Row> {
    private static final Object END = new Object();

    private final Iterator<String> files;
    private final Configuration hadoop;
    private final SparkCaptureConfig config;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private Thread producer;
    private Object next;

    FileRows(Iterator<String> files, Configuration hadoop, SparkCaptureConfig config) {
      this.files = files;
      this.hadoop = hadoop;
      this.config = config;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        if (producer == null) {
          start();
        }
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("capture reading was interrupted", e);
        }
      }
      if (next instanceof Failure f) {
        String what = "reading " + f.file + " failed: " + f.cause.getMessage();
        if (f.cause instanceof IOException io) {
          throw new UncheckedIOException(what, io);
        }
        throw new IllegalStateException(what, f.cause);
      }
      return next != END;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = (Row) next;
      next = null;
      return r;
    }

    private void start() {
      producer = new Thread(this::produce, "mms-spark-capture-reader");
      producer.setDaemon(true);
      TaskContext task = TaskContext.get();
      if (task != null) {
        Thread t = producer;
        task.addTaskCompletionListener((TaskCompletionListener) ctx -> t.interrupt());
      }
      producer.start();
    }

    private void produce() {
      String current = null;
      try {
        while (files.hasNext()) {
          current = files.next();
          Path path = new Path(current);
          try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            String name = current;
            CaptureRecords.read(name, in, config, r -> put(toRow(r)));
          }
        }
        put(END);
      } catch (Stopped e) {
        // The task ended before its rows were all consumed (a limit, a failure elsewhere).
      } catch (IOException | RuntimeException e) {
        try {
          put(new Failure(current, e));
        } catch (Stopped ignored) {
          // Nobody is reading any more.
        }
      }
    }

    private void put(Object o) {
      try {
        queue.put(o);
      } catch (InterruptedException e) {
        throw new Stopped();
      }
    }
  }

  /** What ended a producer thread that failed. */
  private record Failure(String file, Exception cause) {}

  /** The producer was interrupted: the task is over. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  /** A Hadoop configuration that travels with a task (Configuration is Writable, not Serializable). */
  private static final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient Configuration conf;

    HadoopConf(Configuration conf) {
      this.conf = conf;
    }

    Configuration get() {
      return conf;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      conf = new Configuration(false);
      conf.readFields(in);
    }
  }
}
