package org.mmsstack.cli.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns the paths on a command line into PDUs: files are read, directories walked. */
public final class Inputs {

  /** Input files above this size are refused before reading (a PDU is at most a few MB). */
  public static final long MAX_FILE_SIZE = 256L * 1024 * 1024;

  private final List<InputSource> sources;

  private Inputs(List<InputSource> sources) {
    this.sources = sources;
  }

  /** Raw PDUs first, then every capture format, then MM4 messages (see {@link Mm4Source} for why last). */
  public static Inputs standard() {
    List<InputSource> s = new ArrayList<>();
    s.add(new RawPduSource());
    s.addAll(CaptureSources.all());
    s.add(new Mm4Source());
    return new Inputs(List.copyOf(s));
  }

  /**
   * The files named by the arguments: a file as given, a directory as the sorted regular files
   * below it (recursively, hidden files skipped). A path that does not exist is kept so that
   * reading it reports the problem.
   */
  public static List<Path> expand(List<Path> args, boolean walkDirectories) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : args) {
      if (walkDirectories && Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          out.addAll(s.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted()
              .collect(Collectors.toList()));
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Reads one file; never throws (a problem becomes an item). */
  public List<InputItem> read(Path file) {
    String name = file.toString();
    byte[] content;
    try {
      if (Files.isDirectory(file)) {
        return List.of(InputItem.unreadable(name, null, "is a directory"));
      }
      long size = Files.size(file);
      if (size > MAX_FILE_SIZE) {
        return List.of(InputItem.unreadable(name, null, "file of " + size + " octets is larger than "
            + MAX_FILE_SIZE));
      }
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of(InputItem.unreadable(name, null, "no such file"));
    } catch (IOException e) {
      return List.of(InputItem.unreadable(name, null, "cannot read: " + e.getMessage()));
    }
    return read(name, content);
  }

  /** Reads content already in memory (standard input, tests). */
  public List<InputItem> read(String name, byte[] content) {
    if (content.length == 0) {
      return List.of(InputItem.unreadable(name, null, "empty file"));
    }
    for (InputSource s : sources) {
      if (s.accepts(name, content)) {
        try {
          return s.read(name, content);
        } catch (RuntimeException e) {
          // A reader bug must not end the run: report it like a corrupt input.
          return List.of(InputItem.unreadable(name, null, "cannot read: " + e));
        }
      }
    }
    return List.of(InputItem.unrecognised(name, String.format(
        "not an MMS PDU (first octet 0x%02X, expected 0x8C)%s", content[0] & 0xFF,
        sources.size() > 1 ? ", MM4 message, hex dump, WSP push or packet capture" : "")));
  }
}
