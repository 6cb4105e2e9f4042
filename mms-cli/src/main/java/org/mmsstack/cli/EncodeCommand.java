package org.mmsstack.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import org.mmsstack.cli.json.JsonEncoder;
import org.mmsstack.cli.json.Mm4Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mms encode}: the inverse of {@code decode --json}. Documents are read one at a time
 * with Jackson's streaming parser, each encoded and written before the next is read, so a stream
 * of any number of documents needs the memory of one.
 */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Write the binary PDU a decode --json document describes.",
      "Unedited members are written from their original octets, so decode --json | encode gives back the "
          + "same octets; edited ones are encoded canonically.",
      "An MM4 document (mmsstack-mm4/1) is written back as its original mail when unedited, and refused "
          + "otherwise.",
      "Content-Type is the last header of a PDU (its body follows): a header given after it is written "
          + "before it, and a note on standard error says so.",
      "Numbers are checked before use: one that is not whole or is out of its member's range (octet codes "
          + "0-255, other numbers 0 to 2^63-1) is refused with a JSON pointer to it, such as "
          + "/headers/3/value/relative.",
      "FILE may hold several documents (decode --json of many inputs): they are read one at a time; "
          + "write one with --index N, or each to a directory with -o DIR (DIR/N.mms, N from 0)."
    })
final class EncodeCommand implements Callable<Integer> {

  /** Jackson, loaded when the command runs rather than when the tool starts. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @ParentCommand private Main main;

  @Parameters(
      index = "0",
      paramLabel = "FILE.json",
      description = "The JSON document(s); - for standard input.")
  private String file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description =
          "Where to write the PDU (default: standard output); an existing directory receives "
              + "every document as N.mms.")
  private Path output;

  @Option(
      names = "--index",
      paramLabel = "N",
      description = "Which document to encode when FILE holds several (from 0).")
  private Integer index;

  @Override
  public Integer call() {
    if (index != null && index < 0) {
      return fail(Main.EXIT_UNREADABLE, "--index: " + index + " (expected: 0 or more)");
    }
    boolean toDirectory = output != null && Files.isDirectory(output);
    if (toDirectory && index != null) {
      return fail(
          Main.EXIT_UNREADABLE, "--index writes one PDU: -o must name a file, not " + output);
    }
    int status = Main.EXIT_OK;
    int n = 0;
    try (InputStream in = file.equals("-") ? main.in : Files.newInputStream(Paths.get(file));
        JsonParser parser = Json.MAPPER.createParser(in)) {
      // One document at a time: the one being encoded is the only one in memory.
      while (parser.nextToken() != null) {
        int i = n++;
        if (index != null && i != index) {
          parser.skipChildren();
          continue;
        }
        JsonNode doc = Json.MAPPER.readTree(parser);
        String label = file + (toDirectory || i > 0 ? ": document " + i : "");
        if (!toDirectory && index == null && parser.nextToken() != null) {
          return fail(
              Main.EXIT_UNREADABLE,
              file + ": several documents; choose one with --index N, or -o DIR to write each");
        }
        byte[] pdu;
        try {
          pdu = pduOf(doc, label);
        } catch (JsonEncoder.JsonPduException e) {
          main.outText.flush();
          main.err.println("mms: " + label + ": " + e.getMessage());
          // A document encode cannot write is status 1; MM4 mail it will not write, 2 (usage).
          boolean mm4 = Mm4Json.SCHEMA.equals(doc.path("schema").asText());
          status = Math.max(status, mm4 ? Main.EXIT_UNREADABLE : Main.EXIT_FINDINGS);
          if (toDirectory) {
            continue;
          }
          return status;
        }
        boolean mail = Mm4Json.SCHEMA.equals(doc.path("schema").asText());
        if (output == null && main.stdoutTerminal && !mail) {
          return fail(
              Main.EXIT_UNREADABLE,
              "refusing to write a binary PDU to a terminal; use -o OUT or a pipe");
        }
        Path target = toDirectory ? output.resolve(i + (mail ? ".eml" : ".mms")) : output;
        if (!write(pdu, target)) {
          return Main.EXIT_UNREADABLE;
        }
        if (index != null) {
          break;
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
    if (n == 0) {
      return fail(Main.EXIT_UNREADABLE, file + ": no JSON document");
    }
    if (index != null && index >= n) {
      return fail(Main.EXIT_UNREADABLE, file + ": no document " + index + " (it holds " + n + ")");
    }
    return status;
  }

  /** The octets of one document; notes (a header moved) go to standard error. */
  private byte[] pduOf(JsonNode doc, String label) throws JsonEncoder.JsonPduException {
    if (Mm4Json.SCHEMA.equals(doc.path("schema").asText())) {
      // Writing MM4 from edited members would be a second MM4 formatter; the exact original is
      // what a user needs back, and the document carries it.
      byte[] mail = Mm4Json.unedited(doc);
      if (mail == null) {
        throw new JsonEncoder.JsonPduException(
            "an edited MM4 document ("
                + Mm4Json.SCHEMA
                + ") or one whose mail was cut: encode writes MM4 mail back only from an unedited document (its whole"
                + " \"mail\" member)");
      }
      return mail;
    }
    JsonEncoder.Encoded e = JsonEncoder.encodeWithNotes(doc);
    for (String note : e.notes()) {
      main.outText.flush();
      main.err.println("mms: " + label + ": note: " + note);
    }
    return e.pdu();
  }

  private boolean write(byte[] pdu, Path target) {
    try {
      if (target != null) {
        Files.write(target, pdu);
      } else {
        OutputStream o = main.out;
        main.outText.flush();
        o.write(pdu);
        o.flush();
      }
      return true;
    } catch (IOException e) {
      fail(
          Main.EXIT_UNREADABLE,
          (target == null ? "standard output" : target) + ": cannot write: " + e.getMessage());
      return false;
    }
  }

  private int fail(int status, String message) {
    main.outText.flush();
    main.err.println("mms: " + message);
    return status;
  }
}
