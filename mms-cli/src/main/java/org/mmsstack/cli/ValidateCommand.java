package org.mmsstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.input.Inputs;
import org.mmsstack.cli.json.PduJson;
import org.mmsstack.cli.render.FindingText;
import org.mmsstack.cli.render.HtmlReport;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mms validate}: the findings of every PDU, and a summary. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check each PDU and MM4 message and print every finding with file, position (byte offset "
          + "'at N' in a PDU, 'line N' in MM4 mail), header, severity and message, then a summary.",
      "Routing extension fields are checked (routing-malformed, routing-unsigned); with --routing-keys their "
          + "signatures are verified (routing-bad-signature, routing-unknown-key, routing-key-not-valid, "
          + "routing-wrong-signer).",
      "Exit status 0: no errors; 1: findings of severity ERROR; 2: an input or the key ring could not be read."
    })
final class ValidateCommand implements Callable<Integer> {

  /** The value of the {@code "schema"} member of the --json summary line. */
  static final String SCHEMA = "mmsstack-validate/2";

  /**
   * Items of one input waiting to be reported, at most this many (per input read ahead) when they
   * keep their PDUs (for --html).
   */
  private static final int QUEUE = 256;

  /**
   * The same when they keep only what the summary, the text and the JSON lines need (a few
   * hundred octets each, however large the PDU): enough for a worker to check a whole capture of
   * a few thousand PDUs while an earlier input is being reported, so --jobs N runs N at once.
   */
  private static final int LIGHT_QUEUE = 4096;

  @ParentCommand private Main main;

  @Option(
      names = "--json",
      description =
          "JSON Lines instead of text: one result per line, written as it is "
              + "checked, then the summary as the last line (mms-cli/JSON-SCHEMA.md).")
  private boolean json;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "Inputs read and checked at once (default: the "
              + "machine's processors). Output stays in input order.")
  private Integer jobs;

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Show a progress bar on standard error for runs over a second: octets read of all "
              + "inputs, rate and time left. Only when standard error is a terminal, never in a "
              + "file or pipe; --no-progress turns it off on a terminal too.")
  private Boolean progress;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the summary (and problems reading inputs).")
  private boolean quiet;

  @Option(
      names = "--routing-keys",
      paramLabel = "FILE",
      description =
          "Verify routing signatures with this "
              + "key ring (format: docs/routing-table-format.md, \"Key ring file\").")
  private Path routingKeys;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write a report people would rather look at: one self-contained HTML file (it "
              + "fetches nothing) with the summary, charts of the findings per code and per "
              + "message type, and each PDU's hex dump with its findings marked at their offsets "
              + "and their headers highlighted (at most "
              + HtmlReport.MAX_DETAILED
              + " PDUs in detail; all are counted).")
  private Path html;

  private HtmlReport report;

  @Option(
      names = "--routing-time",
      paramLabel = "INSTANT",
      description =
          "Verify routing signatures at this "
              + "instant (ISO-8601 UTC, or 'now') with the replay window of a receiving Relay/Server (5 minutes old to "
              + "1 minute ahead: routing-stale, routing-future). Default: as of each hop's X-Mms-Routing-Issued, so "
              + "that captured messages can be checked: the key must have been valid when the hop was signed.")
  private String routingTime;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description =
          "PDU, MM4, hex dump or capture files, or directories (walked recursively); "
              + "- for standard input.")
  private List<String> paths;

  @Mixin private FindingFilter filter = new FindingFilter();

  private final Map<String, Integer> byType = new TreeMap<>();
  private final Map<String, Integer> byCode = new TreeMap<>();
  private final Map<String, Integer> mm4ByType = new TreeMap<>();
  private int mm4Messages;
  private int files;
  private int pdus;
  private int unreadable;
  private int skipped;
  private int defects;
  private int errors;
  private int warnings;
  private int infos;
  private int pdusWithErrors;

  @Override
  public Integer call() throws IOException {
    KeyRing ring = null;
    if (routingKeys != null) {
      try {
        ring = KeyRingCodec.decode(routingKeys);
      } catch (NoSuchFileException e) {
        main.err.println("mms: " + routingKeys + ": no such file");
        return Main.EXIT_UNREADABLE;
      } catch (IOException e) {
        main.err.println("mms: " + routingKeys + ": " + e.getMessage());
        return Main.EXIT_UNREADABLE;
      }
    }
    Instant at = null;
    if (routingTime != null) {
      try {
        at = routingTime.equals("now") ? Instant.now() : Instant.parse(routingTime);
      } catch (DateTimeParseException e) {
        main.err.println(
            "mms: --routing-time: "
                + routingTime
                + " is not 'now' or an ISO-8601 UTC instant "
                + "such as 2024-05-01T10:00:00Z");
        return Main.EXIT_UNREADABLE;
      }
      if (ring == null) {
        main.err.println("mms: --routing-time needs --routing-keys");
        return Main.EXIT_UNREADABLE;
      }
    }
    int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (workers < 1) {
      main.err.println("mms: --jobs: " + workers + " (expected: 1 or more)");
      return Main.EXIT_UNREADABLE;
    }
    Checker checker = new Checker(ring, at);
    report = html == null ? null : new HtmlReport();
    List<Processing.Source> all = Processing.files(paths);
    Inputs inputs = Inputs.standard();
    PrintWriter out = main.outText;
    // Only on a terminal: a progress bar in a file or a pipe is noise (--no-progress: not at all).
    boolean showProgress = main.stderrTerminal && (progress == null || progress);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "mms-validate");
              t.setDaemon(true);
              return t;
            });
    try (ProgressBar bar = new ProgressBar(main.err, Processing.totalSize(all), showProgress)) {
      // Inputs are read and checked by the pool, a few ahead of the one being reported; each
      // hands its items over a bounded queue, so output keeps input order and memory stays
      // bounded however large one input is. Tasks start in input order, so the input being
      // reported has always started and its queue is always drained: no task waits for ever.
      ArrayDeque<Pending> window = new ArrayDeque<>();
      int next = 0;
      while (next < all.size() && window.size() < 2 * workers) {
        window.add(submit(pool, all.get(next++), inputs, checker, bar));
      }
      while (!window.isEmpty()) {
        Pending p = window.poll();
        files++;
        for (Checked c = take(p.queue, bar); c != END; c = take(p.queue, bar)) {
          report(p.source, c, bar, out);
          bar.tick();
        }
        if (next < all.size()) {
          window.add(submit(pool, all.get(next++), inputs, checker, bar));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    int status =
        unreadable > 0 ? Main.EXIT_UNREADABLE : errors > 0 ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    if (report != null) {
      try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
        report.write(w, summaryJson(), status);
      } catch (IOException e) {
        main.err.println("mms: " + html + ": cannot write the report: " + e.getMessage());
        status = Main.EXIT_UNREADABLE;
      }
    }
    if (json) {
      ObjectNode last = JsonNodeFactory.instance.objectNode();
      last.put("schema", SCHEMA);
      last.set("summary", summaryJson());
      last.put("exitStatus", status);
      out.println(Json.MAPPER.writeValueAsString(last));
    } else {
      summary(out);
    }
    out.flush();
    return status;
  }

  /** Jackson, loaded only for --json and --html: starting it costs more than a small run. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * One item of an input and what checking it found ({@code null} for a problem), with what
   * reporting needs of the PDU: its size, its message type ("(not decodable)" or "(cannot be
   * parsed)" when it is not), whether it decoded and whether it is MM4. Without --html the item's
   * octets and the decoded PDU are dropped here, in the worker (see {@link #light}).
   */
  private record Checked(
      InputItem item, Checker.Result result, int size, String type, boolean decoded, boolean mm4) {}

  private static final Checked END = new Checked(null, null, 0, null, false, false);

  private static final byte[] NO_OCTETS = new byte[0];

  /** An item as it is queued for reporting; the PDU is kept only for the HTML report. */
  private Checked checked(InputItem item, Checker.Result r) {
    if (r == null) {
      return new Checked(item, null, 0, null, false, false);
    }
    String type;
    if (r.isMm4()) {
      type = r.mm4() == null ? "(cannot be parsed)" : r.mm4().messageType().token();
    } else {
      type = r.pdu() == null ? "(not decodable)" : r.pdu().messageType().wireName();
    }
    int size = item.pdu() == null ? 0 : item.pdu().length;
    if (!light()) {
      item.origin(); // formatted here, in the worker, rather than by the reporting thread
      return new Checked(item, r, size, type, r.decoded(), r.isMm4());
    }
    // A PDU's origin is printed with its findings and in its JSON line; with -q alone it is never
    // read, so it is not formatted (a captured PDU's origin is formatted on first read).
    InputItem bare =
        item.pdu() == null
            ? item
            : new InputItem(
                item.file(),
                quiet && !json ? null : item.origin(),
                item.frame(),
                item.timestamp(),
                NO_OCTETS,
                null,
                null,
                null,
                item.mm4());
    return new Checked(
        bare,
        new Checker.Result(null, null, null, null, null, r.findings()),
        size,
        type,
        r.decoded(),
        r.isMm4());
  }

  /** Whether queued items leave their octets and decoded PDU behind (all but --html). */
  private boolean light() {
    return report == null;
  }

  /** An input being read by the pool and the queue its items arrive in. */
  private record Pending(Processing.Source source, BlockingQueue<Checked> queue) {}

  private Pending submit(
      ExecutorService pool,
      Processing.Source source,
      Inputs inputs,
      Checker checker,
      ProgressBar bar) {
    BlockingQueue<Checked> q = new LinkedBlockingQueue<>(light() ? LIGHT_QUEUE : QUEUE);
    pool.execute(
        () -> {
          try {
            Processing.read(
                main,
                inputs,
                source.name(),
                item -> put(q, checked(item, Processing.check(checker, item))),
                bar::read);
          } catch (RuntimeException e) {
            // A reader or checker bug must not end the run: report it like a corrupt input.
            put(q, checked(InputItem.unreadable(source.name(), null, "cannot read: " + e), null));
          } finally {
            put(q, END);
          }
        });
    return new Pending(source, q);
  }

  private static void put(BlockingQueue<Checked> q, Checked c) {
    try {
      q.put(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("validation was cancelled", e);
    }
  }

  /** The longest nap of the reporting thread between looks at an empty queue, in nanoseconds. */
  private static final long MAX_NAP = TimeUnit.MILLISECONDS.toNanos(100);

  /** The first nap after the queue was found empty. */
  private static final long FIRST_NAP = TimeUnit.MILLISECONDS.toNanos(2);

  /**
   * The next item, redrawing the progress bar while waiting for it. The reporting thread naps
   * (2 ms, doubling up to 100 ms) rather than wait on the queue: waiting, it was woken by each
   * item a worker put, thousands of times a second, and each wake-up cost both threads a system
   * call and a context switch; napping, it takes whatever the worker put meanwhile, and the
   * worker's put wakes nobody. Reporting lags by a nap, at most 100 ms.
   */
  private static Checked take(BlockingQueue<Checked> q, ProgressBar bar) {
    Checked c = q.poll();
    long nap = FIRST_NAP;
    long waited = 0;
    while (c == null) {
      LockSupport.parkNanos(nap);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("validation was cancelled");
      }
      waited += nap;
      if (waited >= MAX_NAP) {
        bar.tick();
        waited = 0;
      }
      nap = Math.min(2 * nap, MAX_NAP);
      c = q.poll();
    }
    return c;
  }

  private void report(Processing.Source file, Checked c, ProgressBar bar, PrintWriter out)
      throws IOException {
    bar.clear();
    InputItem item = c.item();
    Checker.Result r = filter.apply(c.result());
    if (r == null && file.walked() && item.kind() == InputItem.Problem.UNRECOGNISED) {
      skipped++; // a README beside the PDUs in a directory
      return;
    }
    if (r == null && item.kind() == InputItem.Problem.NOTHING_FOUND) {
      main.err.println("mms: " + item.label() + ": " + item.problem());
      return;
    }
    ObjectNode res = record(c, item, r, out);
    if (res != null) {
      out.println(Json.MAPPER.writeValueAsString(res));
    }
    out.flush();
  }

  /** Counts the item and prints it as text; returns its JSON line when --json. */
  private ObjectNode record(Checked c, InputItem item, Checker.Result r, PrintWriter out) {
    ObjectNode res = json ? JsonNodeFactory.instance.objectNode() : null;
    if (res != null) {
      res.put("file", item.file());
      res.put("format", item.pdu() == null ? null : item.mm4() ? "mm4" : "pdu");
      if (item.origin() != null) {
        res.put("origin", item.origin());
      } else {
        res.putNull("origin");
      }
      if (item.frame() > 0) {
        res.put("frame", item.frame());
        if (item.timestamp() != null) {
          res.put("timestamp", item.timestamp().toString());
        }
      }
    }
    if (report != null) {
      if (r == null) {
        report.problem(item);
      } else {
        report.add(item, r);
      }
    }
    if (r == null) {
      if (item.kind() == InputItem.Problem.NO_PDU) {
        // A problem of the carrier (capture, push): reported like a PDU's findings.
        defects++;
        count(item.severity());
        if (!json && !quiet) {
          out.printf("%s: %s %s%n", item.label(), item.severity(), item.problem());
        }
      } else {
        unreadable++;
        main.err.println("mms: " + item.label() + ": " + item.problem());
      }
      if (res != null) {
        res.put("status", item.kind() == InputItem.Problem.NO_PDU ? "no-pdu" : "unreadable");
        res.put("error", item.problem());
        if (item.kind() == InputItem.Problem.NO_PDU) {
          res.put("severity", item.severity().name());
        }
        res.putArray("findings");
      }
      return res;
    }
    String type = c.type();
    if (c.mm4()) {
      mm4Messages++;
      mm4ByType.merge(type, 1, Integer::sum);
    } else {
      pdus++;
      byType.merge(type, 1, Integer::sum);
    }
    boolean hasError = false;
    for (Finding f : r.findings()) {
      count(f.severity());
      byCode.merge(f.code(), 1, Integer::sum);
      hasError |= f.severity() == Severity.ERROR;
      if (!json && !quiet) {
        out.printf("%s: %s%n", item.label(), FindingText.of(f, c.mm4()));
      }
    }
    if (hasError) {
      pdusWithErrors++;
    }
    if (res != null) {
      res.put("size", c.size());
      if (!c.decoded()) {
        res.putNull("messageType");
      } else {
        res.put("messageType", type);
      }
      res.put(
          "status",
          !c.decoded()
              ? "undecodable"
              : r.worst() == Severity.ERROR
                  ? "errors"
                  : r.findings().isEmpty() ? "clean" : "findings");
      ArrayNode fs = res.putArray("findings");
      r.findings().forEach(f -> fs.add(PduJson.finding(f, c.mm4())));
    }
    return res;
  }

  private void count(Severity s) {
    switch (s) {
      case ERROR:
        errors++;
        break;
      case WARNING:
        warnings++;
        break;
      default:
        infos++;
        break;
    }
  }

  private void summary(PrintWriter out) {
    if (!quiet && (errors + warnings + infos + unreadable + defects) > 0) {
      out.println();
    }
    out.println("Summary");
    out.printf("  %-22s %6d%n", "files", files);
    out.printf("  %-22s %6d%n", "PDUs", pdus);
    for (Map.Entry<String, Integer> e : byType.entrySet()) {
      out.printf("    %-20s %6d%n", e.getKey(), e.getValue());
    }
    if (mm4Messages > 0) {
      out.printf("  %-22s %6d%n", "MM4 messages", mm4Messages);
      for (Map.Entry<String, Integer> e : mm4ByType.entrySet()) {
        out.printf("    %-20s %6d%n", e.getKey(), e.getValue());
      }
    }
    if (skipped > 0) {
      out.printf(
          "  %-22s %6d  (in directories, not PDUs, MM4 or captures)%n", "skipped files", skipped);
    }
    out.printf("  %-22s %6d%n", "unreadable inputs", unreadable);
    if (defects > 0) {
      out.printf("  %-22s %6d%n", "inputs without a PDU", defects);
    }
    out.printf(
        "  %-22s %6d%s%n",
        "errors",
        errors,
        errors > 0
            ? "  (in " + pdusWithErrors + (mm4Messages > 0 ? " PDUs or MM4 messages)" : " PDUs)")
            : "");
    out.printf("  %-22s %6d%n", "warnings", warnings);
    out.printf("  %-22s %6d%n", "info", infos);
    if (!byCode.isEmpty()) {
      out.println("  findings by code");
      int width = byCode.keySet().stream().mapToInt(String::length).max().orElse(20);
      byCode.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(
              e ->
                  out.printf(
                      "    %-" + Math.max(20, width) + "s %6d  %s%n",
                      e.getKey(),
                      e.getValue(),
                      bar(e.getValue())));
    }
  }

  /** A bar of up to 30 characters, as long as the count is against the largest. */
  private String bar(int count) {
    int max = byCode.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    return "#".repeat(Math.max(1, (int) ((long) count * 30 / max)));
  }

  private ObjectNode summaryJson() {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("files", files);
    s.put("pdus", pdus);
    ObjectNode t = s.putObject("pdusByType");
    byType.forEach(t::put);
    s.put("mm4Messages", mm4Messages);
    ObjectNode m = s.putObject("mm4ByType");
    mm4ByType.forEach(m::put);
    s.put("skipped", skipped);
    s.put("unreadable", unreadable);
    s.put("inputsWithoutPdu", defects);
    s.put("errors", errors);
    s.put("warnings", warnings);
    s.put("infos", infos);
    s.put("pdusWithErrors", pdusWithErrors);
    ObjectNode c = s.putObject("findingsByCode");
    byCode.forEach(c::put);
    return s;
  }
}
