package org.mmsstack.cli.input;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mmsstack.capture.CaptureConfig;
import org.mmsstack.capture.CaptureFormat;
import org.mmsstack.capture.CaptureFormatException;
import org.mmsstack.capture.CaptureReader;
import org.mmsstack.capture.CaptureResult;
import org.mmsstack.encapsulation.Severity;

/**
 * Turns the paths on a command line into PDUs: files are read, directories walked. Captures
 * (pcap, pcapng, gzip-compressed or not) are streamed whatever their size, from a file or from
 * standard input, and their PDUs handed on as they are found; other inputs (a PDU, MM4 mail, a hex
 * dump, a WSP push) are read whole, up to {@link #MAX_FILE_SIZE}.
 *
 * <p>Immutable and thread-safe: several files may be read at once.
 */
public final class Inputs {

  /** Inputs that are not captures and are larger than this are refused before reading. */
  public static final long MAX_FILE_SIZE = 256L * 1024 * 1024;

  /** Octets looked at to tell a capture from the other inputs. */
  private static final int PROBE = 16;

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
          out.addAll(
              s.filter(Files::isRegularFile)
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

  /** Reads one file, handing each item to {@code out} as it is found; never throws (a problem becomes an item). */
  public void read(Path file, Consumer<InputItem> out) {
    read(file, out, n -> {});
  }

  /**
   * Reads one file as {@link #read(Path, Consumer)} does, telling {@code progress} how many
   * octets were read as they are (from the reading thread).
   */
  public void read(Path file, Consumer<InputItem> out, LongConsumer progress) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      out.accept(InputItem.unreadable(name, null, "is a directory"));
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      read(name, counting(in, progress), Files.size(file), out);
    } catch (NoSuchFileException e) {
      out.accept(InputItem.unreadable(name, null, "no such file"));
    } catch (IOException e) {
      out.accept(InputItem.unreadable(name, null, "cannot read: " + e.getMessage()));
    }
  }

  /**
   * Reads a stream (standard input) to its end, handing each item to {@code out} as it is found;
   * never throws. A capture is streamed; any other input longer than {@link #MAX_FILE_SIZE} is
   * refused, never cut short. The stream is not closed.
   */
  public void read(String name, InputStream in, Consumer<InputItem> out) {
    read(name, in, out, n -> {});
  }

  /** Reads a stream as {@link #read(String, InputStream, Consumer)} does, counting its octets. */
  public void read(String name, InputStream in, Consumer<InputItem> out, LongConsumer progress) {
    try {
      read(name, counting(in, progress), -1, out);
    } catch (IOException e) {
      out.accept(InputItem.unreadable(name, null, "cannot read: " + e.getMessage()));
    }
  }

  /** A stream that tells {@code progress} how many octets each read returned. */
  private static InputStream counting(InputStream in, LongConsumer progress) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          progress.accept(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          progress.accept(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long s = super.skip(n);
        progress.accept(s);
        return s;
      }

      @Override
      public void close() {
        // The caller closes the stream it opened (standard input stays open).
      }
    };
  }

  private void read(String name, InputStream raw, long size, Consumer<InputItem> out)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(PROBE);
    byte[] head = in.readNBytes(PROBE);
    in.reset();
    CaptureFormat kind = CaptureFormat.detect(head);
    if (kind == CaptureFormat.PCAP || kind == CaptureFormat.PCAPNG || kind == CaptureFormat.GZIP) {
      capture(name, in, out);
      return;
    }
    if (size > MAX_FILE_SIZE) {
      out.accept(
          InputItem.unreadable(
              name,
              null,
              "file of "
                  + size
                  + " octets is not a capture and"
                  + " larger than "
                  + MAX_FILE_SIZE));
      return;
    }
    byte[] content = in.readNBytes((int) MAX_FILE_SIZE + 1);
    if (content.length > MAX_FILE_SIZE) {
      out.accept(
          InputItem.unreadable(
              name,
              null,
              "input of more than " + MAX_FILE_SIZE + " octets is not a capture; refused"));
      return;
    }
    read(name, content).forEach(out);
  }

  /** Streams a capture: its PDUs as they are found, then its findings. */
  private static void capture(String name, InputStream in, Consumer<InputItem> out) {
    boolean[] any = new boolean[1];
    CaptureResult r;
    try {
      r =
          CaptureReader.read(
              in,
              CaptureConfig.DEFAULT,
              p -> {
                any[0] = true;
                out.accept(CaptureSources.item(name, p));
              });
    } catch (CaptureFormatException e) {
      out.accept(InputItem.unrecognised(name, e.getMessage()));
      return;
    } catch (IOException e) {
      out.accept(InputItem.unreadable(name, null, "cannot read: " + e.getMessage()));
      return;
    } catch (RuntimeException e) {
      // A reader bug must not end the run: report it like a corrupt input.
      out.accept(InputItem.unreadable(name, null, "cannot read: " + e));
      return;
    }
    CaptureSources.items(name, r, out, any[0]);
  }

  /** Reads content already in memory (tests, inputs that are not captures). */
  public List<InputItem> read(String name, byte[] content) {
    if (content.length == 0) {
      // Readable, but holds no PDU: an input with an error (status 1), not an unreadable one.
      return List.of(InputItem.defect(name, null, Severity.ERROR, "empty file: no PDU"));
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
    return List.of(
        InputItem.unrecognised(
            name,
            String.format(
                "not an MMS PDU (first octet 0x%02X, expected 0x8C)%s",
                content[0] & 0xFF,
                sources.size() > 1 ? ", MM4 message, hex dump, WSP push or packet capture" : "")));
  }
}
