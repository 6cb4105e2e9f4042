package org.mmsstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.cli.input.InputItem;
import org.mmsstack.cli.input.Inputs;

/** Reads the inputs of a command and checks each PDU. */
final class Processing {

  /** What the caller does with each item. */
  interface Sink {
    void accept(InputItem item, Checker.Result result);
  }

  private Processing() {}

  /**
   * One input file.
   *
   * @param name the path, or {@code -} for standard input
   * @param walked whether it was found by walking a directory (rather than named)
   */
  record Source(String name, boolean walked) {}

  /**
   * The files named by the arguments ({@code -} is standard input), directories walked.
   *
   * @throws IOException when a directory cannot be walked
   */
  static List<Source> files(List<String> args) throws IOException {
    List<Source> out = new ArrayList<>();
    for (String a : args) {
      Path p = Paths.get(a);
      if (a.equals("-") || !Files.isDirectory(p)) {
        out.add(new Source(a, false));
      } else {
        for (Path f : Inputs.expand(List.of(p), true)) {
          out.add(new Source(f.toString(), true));
        }
      }
    }
    return out;
  }

  /**
   * Reads one file (or standard input), handing each item on as it is found (a capture is
   * streamed, whatever its size); never throws.
   */
  static void read(Main main, Inputs inputs, String file, Consumer<InputItem> out) {
    read(main, inputs, file, out, n -> {});
  }

  /** Reads one file as above, telling {@code progress} the octets read as they are. */
  static void read(
      Main main, Inputs inputs, String file, Consumer<InputItem> out, LongConsumer progress) {
    if (file.equals("-")) {
      inputs.read("(stdin)", main.in, out, progress);
    } else {
      inputs.read(Paths.get(file), out, progress);
    }
  }

  /** The octets of all files, or -1 when standard input is among them. */
  static long totalSize(List<Source> files) {
    long total = 0;
    for (Source s : files) {
      if (s.name().equals("-")) {
        return -1;
      }
      try {
        total += Files.size(Paths.get(s.name()));
      } catch (IOException | RuntimeException e) {
        // Reading it will report the problem; it adds nothing to read.
      }
    }
    return total;
  }

  /** Checks a PDU or MM4 item; problems come back as {@code null}. */
  static Checker.Result check(Checker checker, InputItem item) {
    return item.pdu() == null ? null : checker.check(item);
  }
}
