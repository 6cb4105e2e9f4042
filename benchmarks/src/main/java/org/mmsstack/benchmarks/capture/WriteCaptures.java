package org.mmsstack.benchmarks.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mmsstack.benchmarks.CorpusFiles;

/**
 * Writes a directory of the captures {@link CaptureReadBenchmark} reads, for whole-process
 * measurements of archives (`mms validate --jobs N`, the Spark job, tshark). Arguments: the
 * directory, the number of files, the size of each in MiB.
 */
public final class WriteCaptures {

  private WriteCaptures() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: WriteCaptures DIR FILES MIB");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    int files = Integer.parseInt(args[1]);
    long size = Long.parseLong(args[2]) << 20;
    List<byte[]> pdus = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("pdus"))) {
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        pdus.add(Files.readAllBytes(p));
      }
    }
    for (int i = 0; i < files; i++) {
      Path f = dir.resolve(String.format(Locale.ROOT, "capture-%03d.pcap", i));
      CaptureReadBenchmark.write(f, pdus, size);
      System.out.println(f + ": " + Files.size(f) + " octets");
    }
  }
}
