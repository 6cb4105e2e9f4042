package org.mmsstack.benchmarks.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mmsstack.benchmarks.CorpusFiles;
import org.mmsstack.capture.CaptureConfig;
import org.mmsstack.capture.CaptureReader;

/**
 * The capture reader's cost in CPU time of the whole process (reading thread, garbage collector
 * and compiler included) on {@link CaptureReadBenchmark}'s generated capture, beside the floor:
 * MB per CPU-second, which on a machine shared with other work is what "per core" can be measured
 * as (wall time there measures the neighbours). Arguments: size in MiB (default 64), rounds
 * (default 10); the first rounds include warm-up.
 */
public final class CaptureCpuTime {

  private CaptureCpuTime() {}

  public static void main(String[] args) throws IOException {
    int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<byte[]> pdus = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CorpusFiles.root().resolve("pdus"))) {
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        pdus.add(Files.readAllBytes(p));
      }
    }
    Path file = Files.createTempFile("capture-cpu", ".pcap");
    try {
      CaptureReadBenchmark.write(file, pdus, (long) mebibytes << 20);
      double mb = Files.size(file) / 1e6;
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      byte[] scratch = new byte[1 << 16];
      for (int r = 0; r < rounds; r++) {
        long c0 = os.getProcessCpuTime();
        long sum = 0;
        try (InputStream in = Files.newInputStream(file)) {
          int n;
          while ((n = in.read(scratch)) > 0) {
            sum += n;
          }
        }
        long c1 = os.getProcessCpuTime();
        long[] found = new long[1];
        CaptureReader.read(file, CaptureConfig.DEFAULT, p -> found[0]++);
        long c2 = os.getProcessCpuTime();
        System.out.printf(
            Locale.ROOT,
            "round %d: %.1f MB, %d PDUs; floor %.0f MB/cpu-s, reader %.0f MB/cpu-s"
                + " (%.0f PDUs/cpu-s)%n",
            r + 1,
            mb,
            found[0],
            mb / ((c1 - c0) / 1e9 + 1e-9),
            mb / ((c2 - c1) / 1e9),
            found[0] / ((c2 - c1) / 1e9));
        if (sum < 0) {
          throw new IllegalStateException();
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
