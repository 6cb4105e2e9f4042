package org.mmsstack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmsstack.cli.json.JsonEncoder;
import org.mmsstack.cli.json.Mm4Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mms encode}: the inverse of {@code decode --json}. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Write the binary PDU a decode --json document describes.",
      "Unedited members are written from their original octets, so decode --json | encode gives back the "
          + "same octets; edited ones are encoded canonically.",
      "An MM4 document (mmsstack-mm4/1) is written back as its original mail when unedited, and refused "
          + "otherwise."
    })
final class EncodeCommand implements Callable<Integer> {

  @ParentCommand private Main main;

  @Parameters(
      index = "0",
      paramLabel = "FILE.json",
      description = "The JSON document; - for standard input.")
  private String file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Where to write the PDU (default: standard output).")
  private Path output;

  @Option(
      names = "--index",
      paramLabel = "N",
      description = "Which document to encode when FILE holds several (from 0).")
  private Integer index;

  @Override
  public Integer call() {
    List<JsonNode> docs;
    try (InputStream in = file.equals("-") ? main.in : Files.newInputStream(Paths.get(file))) {
      docs = new ArrayList<>();
      try (MappingIterator<JsonNode> it =
          new ObjectMapper().readerFor(JsonNode.class).readValues(in)) {
        while (it.hasNextValue()) {
          docs.add(it.nextValue());
        }
      }
    } catch (NoSuchFileException e) {
      return fail(Main.EXIT_UNREADABLE, file + ": no such file");
    } catch (JsonProcessingException e) {
      return fail(
          Main.EXIT_UNREADABLE,
          file
              + ": not JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
    } catch (IOException e) {
      return fail(Main.EXIT_UNREADABLE, file + ": cannot read: " + e.getMessage());
    }
    if (docs.isEmpty()) {
      return fail(Main.EXIT_UNREADABLE, file + ": no JSON document");
    }
    int i = index == null ? 0 : index;
    if (index == null && docs.size() > 1) {
      return fail(
          Main.EXIT_UNREADABLE, file + ": " + docs.size() + " documents; choose one with --index");
    }
    if (i < 0 || i >= docs.size()) {
      return fail(
          Main.EXIT_UNREADABLE, file + ": no document " + i + " (it holds " + docs.size() + ")");
    }
    byte[] pdu;
    boolean mail = Mm4Json.SCHEMA.equals(docs.get(i).path("schema").asText());
    if (mail) {
      // Writing MM4 from edited members would be a second MM4 formatter; the exact original is
      // what a user needs back, and the document carries it.
      pdu = Mm4Json.unedited(docs.get(i));
      if (pdu == null) {
        return fail(
            Main.EXIT_UNREADABLE,
            file
                + ": an edited MM4 document ("
                + Mm4Json.SCHEMA
                + "): encode "
                + "writes MM4 mail back only from an unedited document (its \"mail\" member)");
      }
    } else {
      try {
        pdu = JsonEncoder.encode(docs.get(i));
      } catch (JsonEncoder.JsonPduException e) {
        return fail(Main.EXIT_FINDINGS, file + ": " + e.getMessage());
      }
    }
    if (output == null && main.stdoutTerminal && !mail) {
      return fail(
          Main.EXIT_UNREADABLE,
          "refusing to write a binary PDU to a terminal; use -o OUT or a pipe");
    }
    try {
      if (output != null) {
        Files.write(output, pdu);
      } else {
        OutputStream o = main.out;
        main.outText.flush();
        o.write(pdu);
        o.flush();
      }
    } catch (IOException e) {
      return fail(
          Main.EXIT_UNREADABLE,
          (output == null ? "standard output" : output) + ": cannot write: " + e.getMessage());
    }
    return Main.EXIT_OK;
  }

  private int fail(int status, String message) {
    main.err.println("mms: " + message);
    return status;
  }
}
