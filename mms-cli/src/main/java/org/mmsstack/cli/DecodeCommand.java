package org.mmsstack.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.input.Inputs;
import org.mmsstack.cli.json.Mm4Json;
import org.mmsstack.cli.json.PduJson;
import org.mmsstack.cli.render.FieldsRenderer;
import org.mmsstack.cli.render.HexRenderer;
import org.mmsstack.cli.render.TextRenderer;
import org.mmsstack.encapsulation.Severity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mms decode}: every header and part of every PDU, as text, JSON or annotated hex. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Print every header (name, value, wire code of enumerations) and every part "
          + "(content type, parameters, headers, size, text) of each PDU, the routing extension fields, and the "
          + "findings.",
      "MM4 messages (RFC 5322 mail, recognised by content) show every header field with its parsed value "
          + "and the MIME structure; finding positions are lines.",
      "Inputs: PDU files, MM4 mail, hex dumps, WSP pushes, pcap/pcapng captures or directories (walked "
          + "recursively); - reads standard input.",
      "Output is bounded whatever the input: text parts show their first lines (--full: all); --json "
          + "embeds at most 1 MiB of an input it cannot decode and lists such members in \"cut\"."
    })
final class DecodeCommand implements Callable<Integer> {

  @ParentCommand private Main main;

  @ArgGroup(exclusive = true)
  private Format format = new Format();

  static final class Format {
    @Option(
        names = "--json",
        description = "One JSON document per PDU or MM4 message (schemas: mms-cli/JSON-SCHEMA.md).")
    boolean json;

    @Option(
        names = "--hex",
        description =
            "Annotate the octets header by header: offset, octets, meaning "
                + "(binary PDUs only).")
    boolean hex;

    @Option(
        names = "--fields",
        paramLabel = "FIELD,...",
        split = ",",
        description =
            "One line per PDU or MM4 message with these fields, tab-separated (as tshark -T "
                + "fields): file, origin, frame, timestamp, format, size, message-type, "
                + "mms-version, status, findings, errors, warnings, codes, or any header name, "
                + "with or without X-Mms- (subject, from, to, transaction-id, priority, ...). "
                + "Repeated headers are joined by commas; absent ones give an empty column.")
    List<String> fields;
  }

  @Mixin private FindingFilter filter = new FindingFilter();

  @Option(names = "--compact", description = "With --json: each document on one line (JSON Lines).")
  private boolean compact;

  @Option(
      names = "--full",
      description =
          "Print all of each text part (default: its first "
              + TextRenderer.PREVIEW_LINES
              + " lines, at most "
              + TextRenderer.PREVIEW_OCTETS
              + " octets, and how many octets were not shown).")
  private boolean full;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "PDU files or directories; - for standard input.")
  private List<String> files;

  /** The exit status so far, raised as items are shown. */
  private int status = Main.EXIT_OK;

  /** Whether no PDU has been shown yet (text output separates PDUs by a blank line). */
  private boolean first = true;

  private ObjectMapper mapper;
  private TextRenderer text;
  private HexRenderer hex;
  private FieldsRenderer columns;
  private final Checker checker = Checker.standard();

  @Override
  public Integer call() throws IOException {
    Inputs inputs = Inputs.standard();
    mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (!compact) {
      mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }
    text = new TextRenderer(main.outText, full);
    try {
      columns = format.fields == null ? null : new FieldsRenderer(main.outText, format.fields);
    } catch (IllegalArgumentException e) {
      main.err.println("mms: " + e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
    hex = new HexRenderer(main.outText);
    for (Processing.Source file : Processing.files(files)) {
      // Each item is shown as soon as it is read: a capture is streamed, never collected, so
      // its size does not matter and its first PDUs show while the rest is still being read.
      try {
        Processing.read(
            main,
            inputs,
            file.name(),
            item -> {
              try {
                show(file, item);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      main.outText.flush();
    }
    return status;
  }

  private void show(Processing.Source file, InputItem item) throws IOException {
    if (item.mm4() && format.hex) {
      main.outText.flush();
      main.err.println(
          "mms: "
              + item.label()
              + ": an MM4 message (RFC 5322 mail); --hex annotates binary PDUs "
              + "only: use decode or decode --json");
      status = Math.max(status, Main.EXIT_UNREADABLE);
      return;
    }
    Checker.Result r = filter.apply(Processing.check(checker, item));
    if (r == null && file.walked() && item.kind() == InputItem.Problem.UNRECOGNISED) {
      return; // a README beside the PDUs in a directory
    }
    if (r == null && item.kind() == InputItem.Problem.NOTHING_FOUND) {
      main.outText.flush();
      main.err.println("mms: " + item.label() + ": " + item.problem());
      return;
    }
    if (r == null) {
      main.outText.flush();
      main.err.println("mms: " + item.label() + ": " + item.problem());
      if (item.kind() != InputItem.Problem.NO_PDU) {
        status = Main.EXIT_UNREADABLE;
      } else if (item.severity() == Severity.ERROR) {
        status = Math.max(status, Main.EXIT_FINDINGS);
      }
      if (format.json) {
        main.outText.println(mapper.writeValueAsString(PduJson.document(item, null)));
      }
      return;
    }
    if (r.worst() == Severity.ERROR) {
      status = Math.max(status, Main.EXIT_FINDINGS);
    }
    if (!r.decoded()) {
      main.outText.flush();
      main.err.println(
          "mms: "
              + item.label()
              + (r.isMm4()
                  ? ": MM4 message cannot be parsed: " + r.mm4Error().getMessage()
                  : ": not decodable: " + r.error().getMessage()));
    }
    if (format.json) {
      main.outText.println(
          mapper.writeValueAsString(
              item.mm4() ? Mm4Json.document(item, r) : PduJson.document(item, r)));
    } else if (columns != null) {
      columns.render(item, r);
    } else {
      if (!first) {
        main.outText.println();
      }
      if (format.hex) {
        hex.render(item, r);
      } else {
        text.render(item, r);
      }
    }
    first = false;
    // Shown while the rest of the input is still being read.
    main.outText.flush();
  }
}
