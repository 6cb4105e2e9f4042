package org.mmsstack.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.input.Inputs;
import org.mmsstack.cli.json.PduJson;
import org.mmsstack.cli.render.HexRenderer;
import org.mmsstack.cli.render.TextRenderer;
import org.mmsstack.encapsulation.Severity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mms decode}: every header and part of every PDU, as text, JSON or annotated hex. */
@Command(name = "decode", mixinStandardHelpOptions = true,
    description = {"Print every header (name, value, wire code of enumerations) and every part "
        + "(content type, parameters, headers, size, text) of each PDU.",
        "Inputs: PDU files or directories (walked recursively); - reads standard input."})
final class DecodeCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @ArgGroup(exclusive = true)
  private Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "One JSON document per PDU (schema: mms-cli/JSON-SCHEMA.md).")
    boolean json;

    @Option(names = "--hex", description = "Annotate the octets header by header: offset, octets, meaning.")
    boolean hex;
  }

  @Option(names = "--compact", description = "With --json: each document on one line (JSON Lines).")
  private boolean compact;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDU files or directories; - for standard input.")
  private List<String> files;

  @Override
  public Integer call() throws IOException {
    Inputs inputs = Inputs.standard();
    int status = Main.EXIT_OK;
    ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (!compact) {
      mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }
    TextRenderer text = new TextRenderer(main.outText);
    HexRenderer hex = new HexRenderer(main.outText);
    boolean first = true;
    for (Processing.Source file : Processing.files(files)) {
      for (InputItem item : Processing.read(main, inputs, file.name())) {
        Checker.Result r = Processing.check(item);
        if (r == null && file.walked() && item.kind() == InputItem.Problem.UNRECOGNISED) {
          continue; // a README beside the PDUs in a directory
        }
        if (r == null && item.kind() == InputItem.Problem.NOTHING_FOUND) {
          main.outText.flush();
          main.err.println("mms: " + item.label() + ": " + item.problem());
          continue;
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
          continue;
        }
        if (r.worst() == Severity.ERROR) {
          status = Math.max(status, Main.EXIT_FINDINGS);
        }
        if (r.pdu() == null) {
          main.outText.flush();
          main.err.println("mms: " + item.label() + ": not decodable: " + r.error().getMessage());
        }
        if (format.json) {
          main.outText.println(mapper.writeValueAsString(PduJson.document(item, r)));
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
      }
      main.outText.flush();
    }
    return status;
  }
}
