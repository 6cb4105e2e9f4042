package org.mmsstack.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link BoundedMemoryTest} in a JVM of its own with a small heap: reads a capture file, or
 * a capture generated on the fly of a given size, and prints its counts. Exit status 0 when the
 * read completed.
 */
public final class BoundedMemoryMain {

  private BoundedMemoryMain() {}

  public static void main(String[] args) throws IOException {
    CaptureResult r;
    long[] pdus = new long[1];
    String generated = "";
    if (args[0].equals("file")) {
      r = CaptureReader.read(Path.of(args[1]), CaptureConfig.DEFAULT, p -> pdus[0]++);
    } else {
      try (GeneratedCapture in = new GeneratedCapture(Long.parseLong(args[1]))) {
        r = CaptureReader.read(in, CaptureConfig.DEFAULT, p -> pdus[0]++);
        generated = " octets=" + in.produced + " expectedPdus=" + 64L * in.round;
      }
    }
    System.out.println(
        "frames="
            + r.stats().frames()
            + " pdus="
            + pdus[0]
            + generated
            + " evicted="
            + r.stats().evictedFlows()
            + " findings="
            + r.findings().size()
            + " heap="
            + (Runtime.getRuntime().maxMemory() >> 20)
            + "MiB");
  }

  /**
   * A pcap of at least {@code size} octets, made as it is read: one connection posting PDUs of
   * 3,000 octets in 1,400-octet segments, repeated with a new client port each time.
   */
  static final class GeneratedCapture extends InputStream {
    private final long size;
    private final byte[] header;
    private final byte[] template;
    private final List<Integer> portOffsets = new ArrayList<>();
    private long produced;
    private byte[] current;
    private int pos;
    private int round;

    GeneratedCapture(long size) {
      this.size = size;
      TestCaptures.Tcp t = new TestCaptures.Tcp(TestCaptures.PHONE, TestCaptures.MMSC, 1, 1);
      List<byte[]> frames = new ArrayList<>();
      frames.add(t.syn());
      long off = 0;
      for (int i = 0; i < 64; i++) {
        byte[] req = TestCaptures.postRequest(TestCaptures.pdu(0x80, 3000, i));
        for (int o = 0; o < req.length; o += 1400) {
          frames.add(t.c(off + o, TestCaptures.slice(req, o, Math.min(req.length, o + 1400))));
        }
        off += req.length;
      }
      frames.add(t.cFin(off));
      byte[] whole =
          TestCaptures.capture(
              CaptureWriter.Format.PCAP,
              ByteOrder.BIG_ENDIAN,
              CaptureWriter.LINKTYPE_ETHERNET,
              frames);
      header = TestCaptures.slice(whole, 0, 24);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(TestCaptures.slice(whole, 24, whole.length));
      template = body.toByteArray();
      // The client port of every record: record header 16, Ethernet 14, IPv4 20.
      for (int p = 0; p < template.length; ) {
        int incl =
            (template[p + 8] & 0xFF) << 24
                | (template[p + 9] & 0xFF) << 16
                | (template[p + 10] & 0xFF) << 8
                | (template[p + 11] & 0xFF);
        portOffsets.add(p + 16 + 14 + 20);
        p += 16 + incl;
      }
      current = header;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == current.length) {
        if (produced >= size) {
          return -1;
        }
        int port = 1024 + (round++ % 60_000);
        for (int p : portOffsets) {
          template[p] = (byte) (port >> 8);
          template[p + 1] = (byte) port;
        }
        current = template;
        pos = 0;
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      produced += n;
      return n;
    }
  }
}
